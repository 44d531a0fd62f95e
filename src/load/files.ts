// The loaders' only access to the file system: reading an input with a diagnostic instead of
// an exception, and expanding the data patterns (files, folders, globs).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import { DEFAULT_LIMITS } from "./limits.ts";

/** A path as shown to the user: relative to the working folder when inside it. */
export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : abs;
}

/** A file's bytes, after checkInput; `checked`: that check was already made (its size known). */
export function readInput(abs: string, maxSize = DEFAULT_LIMITS.maxFileSize, checked = false): { bytes?: Buffer; diagnostics: Diagnostic[] } {
  if (!checked) {
    const c = checkInput(abs, maxSize);
    if (c.size === undefined) return { diagnostics: c.diagnostics };
  }
  try {
    return { bytes: readFileSync(abs), diagnostics: [] };
  } catch (e) {
    return { diagnostics: [unreadable(abs, e)] };
  }
}

function unreadable(abs: string, e: unknown): Diagnostic {
  const shown = displayPath(abs);
  const err = e as NodeJS.ErrnoException;
  if (err.code === "ENOENT" || err.code === "ENOTDIR") return diag("FILE_NOT_FOUND", "error", { path: shown }, { file: shown });
  return diag("FILE_UNREADABLE", "error", { path: shown, detail: err.code ?? err.message }, { file: shown });
}

/** An input file's size, or why it cannot be read (without reading it: large inputs stream). */
export function checkInput(abs: string, maxSize = DEFAULT_LIMITS.maxFileSize): { size?: number; diagnostics: Diagnostic[] } {
  const shown = displayPath(abs);
  try {
    const st = statSync(abs);
    if (st.isDirectory()) return { diagnostics: [diag("FILE_IS_DIRECTORY", "error", { path: shown }, { file: shown })] };
    if (st.size > maxSize) return { diagnostics: [diag("FILE_TOO_LARGE", "error", { size: st.size, limit: maxSize }, { file: shown })] };
    return { size: st.size, diagnostics: [] };
  } catch (e) {
    return { diagnostics: [unreadable(abs, e)] };
  }
}

/** Names of workbooks: data saved from Excel instead of exported as CSV (refused, by name, when read). */
const WORKBOOK = /\.(xlsx|xlsm|xlsb|xls|ods)$/i;
/** Manifests and criteria (of this assessment or another): no stray data. */
const CONFIGURATION = /\.ya?ml$/i;
/** Files no one means as data: hidden files, and the lock files Excel keeps beside an open workbook. */
const HIDDEN = /^(\.|~\$)/;

/**
 * Expands data entries: a file, a folder (its CSV files, the extension in any case) or a glob
 * (matched in any case); sorted, without repeats. Every file of a data folder is accounted for: a
 * workbook is read (and refused by name as a workbook), any other file is a warning naming it.
 * A glob that ends in .csv accounts so for the files beside those it matches (data/*.csv and
 * data/huyen.xlsx).
 */
export function expandData(
  patterns: readonly string[],
  baseDir: string,
  at: readonly ({ file: string; line: number; column: number } | undefined)[] = [],
  /** the assessment's other inputs (manifest, criteria, registry), which are no stray files */
  known: readonly (string | undefined)[] = [],
): { files: string[]; diagnostics: Diagnostic[]; origin: Map<string, number> } {
  const inputs = new Set(known.filter((k): k is string => k !== undefined).map((k) => path.resolve(k)));
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const others = new Map<string, { file: string; line: number; column: number } | Record<string, never>>();
  /** the entry each file was found by (the first), for its sheet choice */
  const origin = new Map<string, number>();
  let entry = 0;
  const take = (f: string): void => {
    const abs = path.resolve(f);
    files.push(abs);
    if (!origin.has(abs)) origin.set(abs, entry);
  };
  /** the files of a data folder or a .csv glob that are not CSV: workbooks join the data, the rest are named */
  const account = (found: string[], where: (typeof at)[number]): void => {
    for (const f of found) {
      if (HIDDEN.test(path.basename(f)) || /\.csv$/i.test(f) || inputs.has(path.resolve(f)) || CONFIGURATION.test(f)) continue;
      if (WORKBOOK.test(f)) take(f);
      else if (!others.has(path.resolve(f))) others.set(path.resolve(f), where ?? {});
    }
  };
  for (const [i, p] of patterns.entries()) {
    entry = i;
    const posix = p.split(path.sep).join("/");
    if (isDynamicPattern(posix)) {
      // a glob of CSV files is read with any extension once: its CSV files, and what stands beside them
      const csv = /\.csv$/i.test(posix);
      const all = globSync(csv ? posix.replace(/\.csv$/i, ".*") : posix, { cwd: baseDir, absolute: true, onlyFiles: true, expandDirectories: false, caseSensitiveMatch: false }).sort();
      const matched = csv ? all.filter((f) => /\.csv$/i.test(f)) : all;
      const anyExtension = csv ? all : [];
      account(anyExtension, at[i]);
      if (matched.length === 0 && !anyExtension.some((f) => WORKBOOK.test(f))) diagnostics.push(diag("GLOB_NO_MATCH", "error", { pattern: p }, at[i] ?? {}));
      matched.forEach(take);
      continue;
    }
    const abs = path.resolve(baseDir, p);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      // reported by readInput as not found
    }
    if (isDir) {
      const all = readdirSync(abs, { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(abs, e.name))
        .sort();
      const csvFiles = all.filter((f) => /\.csv$/i.test(f) && !HIDDEN.test(path.basename(f)));
      account(all, at[i]);
      if (csvFiles.length === 0 && !all.some((f) => WORKBOOK.test(f))) diagnostics.push(diag("GLOB_NO_MATCH", "error", { pattern: `${p}/*.csv` }, at[i] ?? {}));
      csvFiles.forEach(take);
    } else {
      take(abs);
    }
  }
  const read = new Set(files);
  for (const [f, where] of others) if (!read.has(f)) diagnostics.push(diag("DATA_FILE_NOT_READ", "warning", { path: displayPath(f) }, where));
  return { files: [...new Set(files)], diagnostics, origin };
}
