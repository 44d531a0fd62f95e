// The loaders' only access to the file system: reading an input with a diagnostic instead of
// an exception, and expanding the data patterns (files, folders, globs).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { globSync, isDynamicPattern } from "tinyglobby";
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import { DEFAULT_LIMITS } from "./limits.ts";

/** A path as shown to the user: relative to the working folder when inside it. */
export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : abs;
}

export function readInput(abs: string, maxSize = DEFAULT_LIMITS.maxFileSize): { bytes?: Buffer; diagnostics: Diagnostic[] } {
  const checked = checkInput(abs, maxSize);
  if (checked.size === undefined) return { diagnostics: checked.diagnostics };
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

/** Expands data entries: a file, a folder (its .csv files) or a glob; sorted, without repeats. */
export function expandData(
  patterns: readonly string[],
  baseDir: string,
  at: readonly ({ file: string; line: number; column: number } | undefined)[] = [],
): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [i, p] of patterns.entries()) {
    const posix = p.split(path.sep).join("/");
    if (isDynamicPattern(posix)) {
      const found = globSync(posix, { cwd: baseDir, absolute: true, onlyFiles: true, expandDirectories: false }).sort();
      if (found.length === 0) diagnostics.push(diag("GLOB_NO_MATCH", "error", { pattern: p }, at[i] ?? {}));
      files.push(...found.map((f) => path.resolve(f)));
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
      const found = globSync("*.csv", { cwd: abs, absolute: true, onlyFiles: true }).sort();
      if (found.length === 0) diagnostics.push(diag("GLOB_NO_MATCH", "error", { pattern: `${p}/*.csv` }, at[i] ?? {}));
      files.push(...found.map((f) => path.resolve(f)));
    } else {
      files.push(abs);
    }
  }
  return { files: [...new Set(files)], diagnostics };
}
