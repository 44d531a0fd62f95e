// The loader of large inputs, for `rank`: the same assessment as loadAssessment (load/
// assessment.ts) read into columns, streaming, on every core, for datasets where an object per
// unit and per cell would not fit in memory (a national dataset, a million units).
//
// It takes wide UTF-8 CSV files (the large case); anything else falls back to the object loader,
// which reads every file as before: a long-format file, another encoding, a period of a series
// folder, or (in "auto" mode) data under the threshold, where the object loader is fast anyway.
import path from "node:path";
import { parse } from "csv-parse/sync";
import { diag, pushAll, type Diagnostic } from "../../diag/diagnostic.ts";
import type { Criteria } from "../../model/criteria.ts";
import type { ColumnarDataset } from "../../model/columns.ts";
import { criteriaOf, type Loaded } from "../assessment.ts";
import { loadCrosswalk } from "../crosswalk.ts";
import { readCsv } from "../csv.ts";
import { byteOrderMark, delimiterName, duplicateHeaders, fileDecimal, fileDelimiter, isWorkbook, looksLikeUtf16, looksLikeWindows1258, normKey, recordStartLine } from "../dialect.ts";
import { checkColumns, keptAttributes, wideColumns } from "../data.ts";
import { checkInput, displayPath, expandData } from "../files.ts";
import { loadManifest, type Assessment, type Overrides } from "../manifest.ts";
import { assemble, type Table } from "./assemble.ts";
import { DEFAULT_READ, readRows, type ReadOptions } from "./read.ts";
import type { RowSpec } from "./rows.ts";
import { closeSync, openSync, readSync } from "node:fs";

export interface LargeOptions {
  /** "auto": only when the data files hold `threshold` bytes or more; "always": whenever it can */
  mode: "auto" | "always";
  threshold: number;
  read: ReadOptions;
  /** called once the files are known, before they are read: their bytes, and the criteria */
  begin?: (bytes: number, criteria: Criteria) => void;
}

// From about 5,000 units (1 MiB of CSV) the columns are faster than objects; below, the object
// loader is as fast, and the one every other command uses.
export const DEFAULT_LARGE: LargeOptions = { mode: "auto", threshold: 1 << 20, read: DEFAULT_READ };

export type LargeLoaded = Omit<Loaded, "dataset"> & { dataset?: ColumnarDataset; bytes: number };

/** The columnar load, or why the object loader should read this assessment instead (with the
 * manifest already read, for it to start from). */
export type LargeLoad = { fallback: string; manifest: ReturnType<typeof loadManifest> } | { loaded: LargeLoaded };

/** Files bigger than this that cannot be read here give their problem with a line only. */
const EXACT_LIMIT = 16 << 20;

/** What the beginning of a file says: its header and how to read the rest. */
interface Head {
  header: string[];
  headerLine: number;
  /** the byte just after the header's line end */
  end: number;
  delimiter: string;
  /** the file's decimal mark, where it is not the manifest's (load/dialect.ts fileDecimal) */
  decimal?: "." | ",";
  diagnostics: Diagnostic[];
}

/** The header of a file from its first bytes; a reason to fall back when this loader cannot read it. */
function readHead(file: string, size: number, a: Assessment): Head | { fallback: string } | { diagnostics: Diagnostic[] } {
  const shown = displayPath(file);
  const fd = openSync(file, "r");
  try {
    for (let n = 64 << 10; ; n *= 4) {
      const bytes = Buffer.allocUnsafe(Math.min(n, size));
      const got = readSync(fd, bytes, 0, bytes.length, 0);
      const b = bytes.subarray(0, got);
      if (isWorkbook(b)) return { fallback: "a workbook" };
      const mark = byteOrderMark(b);
      const bom = mark?.encoding === "utf-8";
      if (mark && !bom) return { fallback: "UTF-16" };
      if (!bom && a.encoding !== "auto" && a.encoding !== "utf-8") return { fallback: a.encoding };
      if (!bom && a.encoding === "auto" && looksLikeUtf16(b)) return { fallback: "UTF-16 without a byte-order mark" };
      const whole = got >= size;
      const complete = whole ? b : b.subarray(0, b.lastIndexOf(10) + 1);
      const text = new TextDecoder("utf-8").decode(complete.subarray(bom ? 3 : 0)).replace(/\r\n?/g, "\n");
      const { delimiter, found } = fileDelimiter(text, a.delimiter);
      // the first record, unless the bytes so far are blank (then the file is empty, or read on)
      let first: { record: string[]; raw: string; info: { lines: number } } | undefined;
      if (text.trim() !== "") {
        try {
          first = (parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true, raw: true, bom: true, to: 1 }) as unknown as (typeof first)[])[0];
        } catch {
          if (whole) return { fallback: "a syntax error in the header" };
          continue;
        }
      }
      if (!first) {
        if (whole) return { diagnostics: [diag("FILE_EMPTY", "error", {}, { file: shown, line: 1 })] };
        continue;
      }
      const header = first.record.map(normKey);
      const headerLine = recordStartLine(first);
      const end = afterLine(b, first.info.lines);
      const diagnostics = duplicateHeaders(header).map((i) => diag("CSV_DUPLICATE_HEADER", "error", { header: header[i] as string }, { file: shown, line: headerLine, column: i + 1 }));
      const decimal = fileDecimal(found, a.decimal);
      if (found) diagnostics.unshift(diag("CSV_DELIMITER_MISMATCH", "warning", { found: delimiterName(found), declared: delimiterName(a.delimiter), ...(decimal ? { decimal } : {}) }, { file: shown, line: 1 }));
      return { header, headerLine, end, delimiter, ...(decimal ? { decimal } : {}), diagnostics };
    }
  } finally {
    closeSync(fd);
  }
}

/** The first 64 KiB of a file. */
function readHeadBytes(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const b = Buffer.allocUnsafe(1 << 16);
    return b.subarray(0, readSync(fd, b, 0, b.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** The offset just after the line end of line `line` (\n, \r\n or a lone \r), or the end. */
function afterLine(b: Uint8Array, line: number): number {
  let seen = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 13 && b[i + 1] === 10) i++;
    if ((c === 10 || c === 13) && ++seen === line) return i + 1;
  }
  return b.length;
}

function fields(header: string[], a: Assessment): RowSpec["fields"] {
  const idx = (name: string) => header.indexOf(normKey(name));
  return { code: idx(a.columns.code), name: idx(a.columns.name), level: idx(a.columns.level), parent: idx(a.columns.parent), period: idx(a.columns.period) };
}

/** The line of the first invalid byte, as decode() (load/csv.ts) names it. */
async function invalidUtf8Line(file: string): Promise<number> {
  const { createReadStream } = await import("node:fs");
  const decoder = new TextDecoder("utf-8");
  let line = 1;
  let started = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    let b = chunk as Buffer;
    if (!started) {
      started = true;
      if (byteOrderMark(b)?.encoding === "utf-8") b = b.subarray(3);
    }
    const text = decoder.decode(b, { stream: true });
    const at = text.indexOf("\ufffd");
    const part = at >= 0 ? text.slice(0, at) : text;
    for (let i = part.indexOf("\n"); i !== -1; i = part.indexOf("\n", i + 1)) line++;
    if (at >= 0) return line;
  }
  return line;
}

export async function loadLarge(dir: string | undefined, o: Overrides, opts: LargeOptions = DEFAULT_LARGE): Promise<LargeLoad> {
  const m = loadManifest(dir, o);
  const fallback = (why: string): LargeLoad => ({ fallback: why, manifest: m });
  if (m.assessment?.delegate) return fallback("a period of a series");
  const a = m.assessment;
  if (!a?.criteria) return fallback("no criteria");
  const registryFile = a.units ? path.resolve(a.units) : undefined;
  const expanded = expandData(a.data, a.dataBase, a.dataAt, [a.manifest, a.criteria, a.units]);
  const dataFiles = expanded.files.filter((f) => path.resolve(f) !== registryFile);
  const sizes = new Map<string, number>();
  const headProblems = new Map<string, Diagnostic[]>();
  for (const f of [...(a.units ? [a.units] : []), ...dataFiles]) {
    const c = checkInput(f, a.limits.maxFileSize);
    if (c.size === undefined) headProblems.set(f, c.diagnostics);
    else sizes.set(f, c.size);
  }
  const bytes = dataFiles.reduce((s, f) => s + (sizes.get(f) ?? 0), 0);
  // (decided before the criteria are read: the usual path reads them anyway)
  if (opts.mode === "auto" && bytes < opts.threshold) return fallback("small data");
  const base = criteriaOf(m);
  const { criteria } = base;
  if (!criteria) return fallback("no criteria");

  const attrNames = keptAttributes(criteria, a);
  // Each file has a plan (how to read it) or, if it cannot be read, its problems.
  const plan = new Map<string, { head: Head; spec: RowSpec; unknown: Diagnostic[] }>();
  for (const file of [...(a.units ? [a.units] : []), ...dataFiles]) {
    const size = sizes.get(file);
    if (size === undefined) continue;
    const registry = file === a.units;
    const h = readHead(file, size, a);
    if ("fallback" in h) return fallback(`${displayPath(file)}: ${h.fallback}`);
    if (!("header" in h)) {
      headProblems.set(file, h.diagnostics);
      continue;
    }
    const f = fields(h.header, a);
    if (!registry && h.header.includes(normKey(a.columns.indicator))) return fallback(`${displayPath(file)}: long format`);
    // The peer attributes a unit takes from this file: in the registry, any other column; in a
    // data file, the columns named as attributes in the manifest. The last of equal headers wins.
    const known = new Set(Object.values(f));
    const allowed = new Set(a.columns.attributes.map(normKey));
    const attributes = attrNames.map((name) => {
      for (let i = h.header.length - 1; i >= 0; i--) {
        if (h.header[i] !== name) continue;
        if (registry ? !known.has(i) && name !== "" : allowed.has(name)) return i;
      }
      return -1;
    });
    const shown = displayPath(file);
    // the wide layout, as loadData reads it, with its CSV_UNKNOWN_COLUMN warnings
    const unknown: Diagnostic[] = [];
    const layout = registry || f.code < 0 ? new Map() : wideColumns(criteria, a, h.header, new Set(Object.values(f).filter((i) => i >= 0)), shown, unknown);
    const entries = [...layout].map(([indicator, cols]) => ({ indicator, cols }));
    plan.set(file, { head: h, spec: { path: file, delimiter: h.delimiter, decimal: h.decimal ?? a.decimal, header: h.header, headerEnd: h.end, fields: f, attributes, entries }, unknown });
  }

  opts.begin?.(bytes, criteria);
  // Reading, file by file, in the order (and with the problems) of loadAssessment.
  const diagnostics: Diagnostic[] = [...base.diagnostics];
  const inputs = [...base.inputs];
  const tables = new Map<string, Table>();
  let notUtf8 = false;
  const readFile = async (file: string): Promise<void> => {
    inputs.push(file);
    const shown = displayPath(file);
    const p = plan.get(file);
    if (!p) {
      pushAll(diagnostics, headProblems.get(file) as Diagnostic[]);
      return;
    }
    const rows = await readRows(p.spec, opts.read);
    if (rows.invalidUtf8 && (a.encoding === "auto" || a.encoding === "utf-8") && looksLikeWindows1258(readHeadBytes(file))) {
      // perhaps windows-1258, which only the object loader reads: it reads the assessment
      notUtf8 = true;
      return;
    }
    if (rows.invalidUtf8) {
      const line = await invalidUtf8Line(file);
      diagnostics.push(diag("ENCODING_INVALID_UTF8", "error", { line }, { file: shown, line }));
      return;
    }
    if (rows.syntax) {
      // The object reader names the opening quote of an unclosed field exactly: ask it, where it can.
      const exact = (sizes.get(file) as number) <= EXACT_LIMIT ? readCsv((await import("node:fs")).readFileSync(file), shown, { encoding: a.encoding, delimiter: a.delimiter, decimal: a.decimal }).diagnostics : undefined;
      pushAll(diagnostics, exact ?? [diag("CSV_SYNTAX", "error", { detail: rows.syntax.detail }, { file: shown, line: rows.syntax.line })]);
      return;
    }
    const own = [...p.head.diagnostics];
    for (const d of rows.csv) own.push(diag(d.code, d.severity, d.code === "CSV_REPEATED_HEADER" ? { first: p.head.headerLine } : d.args, { file: shown, line: d.line }));
    if (rows.rows === 0 && own.length === 0) own.push(diag("CSV_NO_ROWS", "warning", {}, { file: shown, line: p.head.headerLine }));
    pushAll(diagnostics, own);
    tables.set(file, { file: shown, header: p.head.header, headerLine: p.head.headerLine, spec: p.spec, rows, unknown: p.unknown });
  };
  if (a.units) await readFile(a.units);
  pushAll(diagnostics, expanded.diagnostics);
  for (const f of dataFiles) await readFile(f);
  if (notUtf8) return fallback("a file not in UTF-8");
  const units = a.units ? tables.get(a.units) : undefined;
  if (a.units && !units) return { loaded: { assessment: a, criteria, periods: base.periods, diagnostics, inputs, bytes } };
  const data = dataFiles.flatMap((f) => {
    const t = tables.get(f);
    return t ? [t] : [];
  });
  const columns = checkColumns(a, [...(units ? [units] : []), ...data], criteria, units);
  if (columns.length) return { loaded: { assessment: a, criteria, periods: base.periods, diagnostics: [...diagnostics, ...columns], inputs, bytes } };
  const d = assemble(criteria, a, { ...(units ? { units } : {}), data });
  pushAll(diagnostics, d.diagnostics);
  // the crosswalk, as the object loader reads it (load/assessment.ts): its rows, and its new codes among these units
  const cw = loadCrosswalk(a, criteria, d.dataset.code, inputs);
  pushAll(diagnostics, cw.diagnostics);
  return { loaded: { assessment: a, criteria, dataset: d.dataset, periods: a.periods ?? d.periods, inputs, diagnostics, bytes, ...(cw.crosswalk ? { crosswalk: cw.crosswalk } : {}) } };
}
