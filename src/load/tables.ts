// Reading an assessment's files into tables of row columns (rows/rows.ts), the one form in
// which the loader (assessment.ts) takes every input to assemble its units (rows/assemble.ts).
// A file is read one of two ways, into the same rows by the same row code (rows.ts rowWriter):
//
// - streamed, in byte ranges on every core (rows/read.ts): a wide CSV file in UTF-8, when the
//   assessment's data is large (LoadOptions: 1 MiB or more by default, about 5,000 units);
// - whole, in memory (csv.ts readCsv, workbook.ts readWorkbook, then read.ts tableRows):
//   anything else: a small file, a workbook's sheets, another encoding, a long file (a row per
//   unit and indicator), a header csv-parse cannot read at the start of a stream.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import { dataColumns, type Criteria } from "../model/criteria.ts";
import { readCsv, type CsvTable } from "./csv.ts";
import { keptAttributes, wideColumns } from "./data.ts";
import { byteOrderMark, delimiterName, duplicateHeaders, fileDecimal, fileDelimiter, isWorkbook, looksLikeUtf16, looksLikeWindows1258, normKey, recordStartLine } from "./dialect.ts";
import { checkInput, displayPath, readInput } from "./files.ts";
import type { Assessment } from "./manifest.ts";
import { readWorkbook, type SheetChoice } from "./workbook.ts";
import { assemble, type Assembled, type Settings, type Table } from "./rows/assemble.ts";
import { DEFAULT_READ, readRows, tableRows, type ReadOptions } from "./rows/read.ts";
import type { RowSpec } from "./rows/rows.ts";

/** How the loader reads data files: streamed (when, and how) or whole. */
export interface LoadOptions {
  /** "auto": stream when the data files hold `threshold` bytes or more; "always": whenever a
   * file can be; "never": read every file whole */
  mode: "auto" | "always" | "never";
  threshold: number;
  read: ReadOptions;
  /** called once the files to stream are known, before they are read: their bytes, and the criteria */
  begin?: (bytes: number, criteria: Criteria) => void;
}

// From about 5,000 units (1 MiB of CSV) streaming on every core pays; below, reading whole is as fast.
export const DEFAULT_LOAD: LoadOptions = { mode: "auto", threshold: 1 << 20, read: DEFAULT_READ };

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

/** What a file's header says about its rows: the reader's spec, its unknown columns. */
function tableSpec(criteria: Criteria, a: Settings, t: { path: string; at: Table["at"]; header: string[]; headerLine: number; delimiter: string; decimal: "." | ","; headerEnd: number }, registry: boolean): { spec: RowSpec; unknown: Diagnostic[] } {
  const { header } = t;
  const idx = (name: string) => header.indexOf(normKey(name));
  const f = { code: idx(a.columns.code), name: idx(a.columns.name), level: idx(a.columns.level), parent: idx(a.columns.parent), period: idx(a.columns.period) };
  // The peer attributes a unit takes from this file: in the registry, any other column; in a
  // data file, the columns named as attributes in the manifest. The last of equal headers wins.
  const known = new Set(Object.values(f));
  const allowed = new Set(a.columns.attributes.map(normKey));
  const attributes = keptAttributes(criteria, a).map((name) => {
    for (let i = header.length - 1; i >= 0; i--) {
      if (header[i] !== name) continue;
      if (registry ? !known.has(i) && name !== "" : allowed.has(name)) return i;
    }
    return -1;
  });
  const base = { path: t.path, delimiter: t.delimiter, decimal: t.decimal, header, headerEnd: t.headerEnd, fields: f, attributes };
  const unknown: Diagnostic[] = [];
  const indicator = idx(a.columns.indicator);
  if (!registry && f.code >= 0 && indicator >= 0) {
    // A long file: every indicator read from the same value (or numerator and denominator) columns.
    const cols = { value: idx(a.columns.value), numerator: idx(a.columns.numerator), denominator: idx(a.columns.denominator) };
    const read = dataColumns(criteria).filter((ind) => !ind.formula);
    const entryOf = new Map<string, number>();
    read.forEach((ind, k) => entryOf.set(ind.column, k));
    read.forEach((ind, k) => entryOf.set(ind.id, k));
    return { spec: { ...base, entries: read.map((ind) => ({ indicator: ind, cols })), long: { indicator, entryOf, ids: read.map((ind) => ind.id) } }, unknown };
  }
  // the wide layout, with its CSV_UNKNOWN_COLUMN warnings
  const layout = registry || f.code < 0 ? new Map() : wideColumns(criteria, a, header, new Set(Object.values(f).filter((i) => i >= 0)), t.at, unknown, t.headerLine);
  return { spec: { ...base, entries: [...layout].map(([indicator, cols]) => ({ indicator, cols })) }, unknown };
}

/** A table read whole, as a table of rows. */
function wholeTable(criteria: Criteria, a: Settings, abs: string, t: CsvTable, registry: boolean): Table {
  const at = t.sheet !== undefined ? { file: t.file, sheet: t.sheet } : t.file;
  const headerLine = t.headerLine ?? 1;
  const { spec, unknown } = tableSpec(criteria, a, { path: abs, at, header: t.header, headerLine, delimiter: t.delimiter, decimal: t.decimal ?? a.decimal, headerEnd: 0 }, registry);
  return { file: t.file, at, header: t.header, headerLine, spec, rows: tableRows(spec, t.rows), unknown, text: t.rows };
}

/**
 * Tables already read whole (csv.ts readCsv, workbook.ts readWorkbook) into the engine's columns,
 * by the loader's own path: what a tool or a test with the text in hand starts from.
 */
export function assembleTables(criteria: Criteria, s: Settings, tables: { units?: CsvTable; data: CsvTable[] }): Assembled {
  const units = tables.units ? wholeTable(criteria, s, tables.units.file, tables.units, true) : undefined;
  return assemble(criteria, s, { ...(units ? { units } : {}), data: tables.data.map((t) => wholeTable(criteria, s, t.file, t, false)) });
}

/** One file of the assessment (`registry`: its units registry), read, with its problems. */
export interface FileRead {
  /** a CSV file's table, or a workbook's (one per sheet that holds data); none when unreadable */
  tables: Table[];
  diagnostics: Diagnostic[];
}

/**
 * Reads an assessment's files: `stream` (decided for the whole assessment) says whether a file
 * that can be streamed is; `begin` hears the bytes to stream before any is read.
 */
export function fileReader(criteria: Criteria, a: Assessment, files: readonly string[], opts: LoadOptions): { read: (abs: string, registry: boolean, choice?: SheetChoice) => Promise<FileRead> } {
  const sizes = new Map<string, number>();
  const checks = new Map<string, Diagnostic[]>();
  for (const f of files) {
    const c = checkInput(f, a.limits.maxFileSize);
    if (c.size === undefined) checks.set(f, c.diagnostics);
    else sizes.set(f, c.size);
  }
  const dataBytes = files.filter((f) => f !== a.units).reduce((s, f) => s + (sizes.get(f) ?? 0), 0);
  const stream = opts.mode === "always" || (opts.mode === "auto" && dataBytes >= opts.threshold);
  // Which files stream: their header read from their first bytes (else they are read whole).
  const heads = new Map<string, Head | { diagnostics: Diagnostic[] }>();
  if (stream) {
    for (const f of files) {
      const size = sizes.get(f);
      if (size === undefined) continue;
      let h: ReturnType<typeof readHead>;
      try {
        h = readHead(f, size, a);
      } catch {
        continue; // (a file that cannot be opened: read whole, which names the problem)
      }
      if ("fallback" in h) continue;
      if ("header" in h && f !== a.units && h.header.includes(normKey(a.columns.indicator))) continue;
      heads.set(f, h);
    }
    const streamed = [...heads.keys()].filter((f) => f !== a.units);
    if (streamed.length > 0) opts.begin?.(streamed.reduce((s, f) => s + (sizes.get(f) ?? 0), 0), criteria);
  }

  const whole = async (abs: string, registry: boolean, choice?: SheetChoice): Promise<FileRead> => {
    const shown = displayPath(abs);
    const { bytes, diagnostics } = readInput(abs, a.limits.maxFileSize, sizes.has(abs));
    if (!bytes) return { tables: [], diagnostics };
    const r = isWorkbook(bytes)
      ? await readWorkbook(bytes, shown, { decimal: a.decimal, code: a.columns.code, ...(choice ? { choice } : {}) })
      : ((c) => ({ tables: c.table ? [c.table] : [], diagnostics: c.diagnostics }))(readCsv(bytes, shown, { encoding: a.encoding, delimiter: a.delimiter, decimal: a.decimal }));
    return { tables: r.tables.map((t) => wholeTable(criteria, a, abs, t, registry)), diagnostics: r.diagnostics };
  };

  const streamed = async (abs: string, registry: boolean, h: Head, choice?: SheetChoice): Promise<FileRead> => {
    const shown = displayPath(abs);
    const { spec, unknown } = tableSpec(criteria, a, { path: abs, at: shown, header: h.header, headerLine: h.headerLine, delimiter: h.delimiter, decimal: h.decimal ?? a.decimal, headerEnd: h.end }, registry);
    const rows = await readRows(spec, opts.read);
    if (rows.invalidUtf8 && (a.encoding === "auto" || a.encoding === "utf-8") && looksLikeWindows1258(readHeadBytes(abs))) {
      // perhaps windows-1258: read whole, where it is decoded as such (with its note)
      return whole(abs, registry, choice);
    }
    if (rows.invalidUtf8) {
      const line = await invalidUtf8Line(abs);
      return { tables: [], diagnostics: [diag("ENCODING_INVALID_UTF8", "error", { line }, { file: shown, line })] };
    }
    if (rows.syntax) {
      // The whole reader names the opening quote of an unclosed field exactly: ask it, where it can.
      const exact = (sizes.get(abs) as number) <= EXACT_LIMIT ? readCsv(readFileSync(abs), shown, { encoding: a.encoding, delimiter: a.delimiter, decimal: a.decimal }).diagnostics : undefined;
      return { tables: [], diagnostics: exact ?? [diag("CSV_SYNTAX", "error", { detail: rows.syntax.detail }, { file: shown, line: rows.syntax.line })] };
    }
    const own = [...h.diagnostics];
    for (const d of rows.csv) own.push(diag(d.code, d.severity, d.code === "CSV_REPEATED_HEADER" ? { first: h.headerLine } : d.args, { file: shown, line: d.line }));
    if (rows.rows === 0 && own.length === 0) own.push(diag("CSV_NO_ROWS", "warning", {}, { file: shown, line: h.headerLine }));
    return { tables: [{ file: shown, at: shown, header: h.header, headerLine: h.headerLine, spec, rows, unknown }], diagnostics: own };
  };

  return {
    async read(abs, registry, choice) {
      const problems = checks.get(abs) ?? (sizes.has(abs) ? undefined : checkInput(abs, a.limits.maxFileSize).diagnostics);
      if (problems?.length) return { tables: [], diagnostics: problems };
      const h = heads.get(abs);
      if (!h) return whole(abs, registry, choice);
      if (!("header" in h)) return { tables: [], diagnostics: h.diagnostics };
      return streamed(abs, registry, h, choice);
    },
  };
}
