// Reading a CSV file as it arrives from Excel: the encoding (BOM, UTF-8, UTF-16, windows-1258),
// the delimiter (comma, semicolon, tab), then csv-parse. Rows keep their line numbers.
import { parse } from "csv-parse/sync";
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import { byteOrderMark, classifyRecord, delimiterName, duplicateHeaders, fileDecimal, fileDelimiter, headerKey, isWorkbook, looksLikeUtf16, looksLikeWindows1258, normKey, recordStartLine as startLine } from "./dialect.ts";

export type Encoding = "auto" | "utf-8" | "utf-16le" | "windows-1258";
export type Delimiter = "auto" | "," | ";" | "\t";

export interface CsvRow {
  line: number;
  cells: string[];
  /** problems of cells (by 0-based column) that count only where the cell is read: a workbook's
   * formula without a cached value */
  problems?: Map<number, Diagnostic>;
}

export interface CsvTable {
  file: string;
  /** a worksheet of a workbook (load/workbook.ts): its rows are the sheet's row numbers */
  sheet?: string;
  /** the line (or row) of the header; 1 when absent */
  headerLine?: number;
  header: string[];
  rows: CsvRow[];
  delimiter: string;
  /** the decimal mark of this file's numbers, where it is not the manifest's: a comma-separated
   * file in a folder of decimal commas writes decimal points (CSV_DELIMITER_MISMATCH) */
  decimal?: "." | ",";
}

export { detectDelimiter, normKey } from "./dialect.ts";

/** `guess`: a file of data that is not UTF-8 may be windows-1258 (an agency's CSV; never criteria or a manifest). */
export function decode(bytes: Uint8Array, encoding: Encoding, file: string, guess = false): { text?: string; diagnostics: Diagnostic[] } {
  const b = bytes;
  // (data files that are workbooks are read as such before this: load/workbook.ts; here, criteria or a manifest)
  if (isWorkbook(b)) return { diagnostics: [diag("FILE_IS_WORKBOOK", "error", { path: file, format: b[0] === 0x50 ? "xlsx" : "xls" }, { file })] };
  // A byte-order mark says what the file is, whatever the manifest declares.
  const bom = byteOrderMark(b);
  const enc: string = bom ? bom.encoding : encoding === "auto" ? "auto" : encoding;
  const start = bom ? bom.length : 0;
  const diagnostics: Diagnostic[] = [];
  let as = enc;
  if (enc === "auto") {
    if (looksLikeUtf16(b)) return { diagnostics: [diag("ENCODING_UTF16_NO_BOM", "error", {}, { file, line: 1 })] };
    as = "utf-8";
  } else if (enc === "windows-1258" && start === 0 && b.some((x) => x >= 0x80)) {
    // Text in windows-1258 almost never forms valid UTF-8 sequences: such a file is UTF-8.
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(b);
      return { text, diagnostics: [diag("ENCODING_MISMATCH", "warning", { declared: encoding }, { file })] };
    } catch {
      // not UTF-8: windows-1258 as declared
    }
  }
  const body = b.subarray(start);
  if (as === "utf-8") {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), diagnostics };
    } catch {
      // Not UTF-8: an agency's file saved by older Excel, in windows-1258, is read as such, with a
      // note (input.encoding: auto) or a warning (utf-8 was declared); anything else is an error.
      if (guess && start === 0 && looksLikeWindows1258(body)) {
        const severity = encoding === "auto" ? "note" : "warning";
        return { text: new TextDecoder("windows-1258").decode(body).normalize("NFC"), diagnostics: [diag("ENCODING_WINDOWS_1258", severity, { path: file, declared: encoding }, { file })] };
      }
      const loose = new TextDecoder("utf-8").decode(body);
      const at = loose.indexOf("\ufffd");
      const line = loose.slice(0, Math.max(0, at)).split("\n").length;
      return { diagnostics: [diag("ENCODING_INVALID_UTF8", "error", { line }, { file, line })] };
    }
  }
  return { text: new TextDecoder(as).decode(body).normalize("NFC"), diagnostics };
}

export function readCsv(bytes: Uint8Array, file: string, opts: { encoding: Encoding; delimiter: Delimiter; decimal?: "." | "," }): { table?: CsvTable; diagnostics: Diagnostic[] } {
  const decoded = decode(bytes, opts.encoding, file, true);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  if (decoded.text.trim() === "") return { diagnostics: [diag("FILE_EMPTY", "error", {}, { file, line: 1 })] };
  // One line ending throughout: csv-parse miscounts lines in files that mix CRLF and LF.
  const text = decoded.text.replace(/\r\n?/g, "\n");
  const { delimiter, found } = fileDelimiter(text, opts.delimiter);
  let records: CsvRecord[];
  let lastLine = 0;
  try {
    records = quoteFree(text) ? splitRecords(text, delimiter) : (splitQuoted(text, delimiter) ?? parseRecords(text, delimiter, (line) => (lastLine = line)));
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const where = err.code === "CSV_QUOTE_NOT_CLOSED" ? openQuote(text, lastLine, delimiter) : { line: err.lines ?? 1 };
    return { diagnostics: [diag("CSV_SYNTAX", "error", { detail: err.message.replace(/^Invalid [^:]*: /, "").replace(/ at line \d+$/, "").split("\n")[0] ?? "" }, { file, ...where })] };
  }
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  const decimal = fileDecimal(found, opts.decimal);
  if (found) diagnostics.push(diag("CSV_DELIMITER_MISMATCH", "warning", { found: delimiterName(found), declared: delimiterName(opts.delimiter), ...(decimal ? { decimal } : {}) }, { file, line: 1 }));
  const [first, ...rest] = records;
  if (!first) return { diagnostics: [diag("FILE_EMPTY", "error", {}, { file, line: 1 })] };
  const header = first.record.map(normKey);
  for (const i of duplicateHeaders(header)) diagnostics.push(diag("CSV_DUPLICATE_HEADER", "error", { header: header[i] as string }, { file, line: startLine(first), column: i + 1 }));
  const rows: CsvRow[] = [];
  const key = headerKey(header);
  for (const r of rest) {
    const k = classifyRecord(r.record, header, key);
    if (k.kind === "repeated-header") diagnostics.push(diag("CSV_REPEATED_HEADER", "warning", { first: startLine(first) }, { file, line: startLine(r) }));
    else if (k.kind === "ragged") diagnostics.push(diag("CSV_RAGGED", "error", { expected: header.length, actual: k.actual }, { file, line: startLine(r) }));
    else if (k.kind === "row") rows.push({ line: startLine(r), cells: k.cells });
  }
  if (rows.length === 0 && diagnostics.length === 0) diagnostics.push(diag("CSV_NO_ROWS", "warning", {}, { file, line: startLine(first) }));
  return { table: { file, header, rows, delimiter, ...(decimal ? { decimal } : {}) }, diagnostics };
}

/** A record as csv-parse gives it: its fields, its text, and the line it ends on. */
export interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** The records of a text with "\n" line ends, by csv-parse; `onRecord` hears each one's last line. */
export function parseRecords(text: string, delimiter: string, onRecord: (line: number) => void = () => {}): CsvRecord[] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
    bom: true,
    on_record: (r: string[], ctx: { lines: number }) => {
      onRecord(ctx.lines);
      return r;
    },
  }) as unknown as CsvRecord[];
}

/** A text without quotes (nor a byte-order mark left in it): every line is a record, as is. */
export const quoteFree = (text: string): boolean => !text.includes('"') && text.charCodeAt(0) !== 0xfeff;

/**
 * parseRecords of a quote-free text, line by line: the same records (test/load/csv-split.test.ts
 * holds it to that). csv-parse reads character by character, which on a start with nothing yet
 * compiled cost a province's run more than scoring it; splitting lines costs next to nothing.
 */
export function splitRecords(text: string, delimiter: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  eachLine(text, 0, (raw, line) => out.push({ record: raw.split(delimiter), raw, info: { lines: line } }));
  return out;
}

/**
 * The records of a text whose quoted fields are the plain kind (a field in quotes from delimiter
 * to delimiter, a quote inside written twice, no line break inside), as csv-parse gives them;
 * undefined for anything else (a quoted line break, a quote inside an unquoted field, text after
 * a closing quote, a byte-order mark), which csv-parse reads, or names as a syntax error. A
 * registry whose names are quoted ("Xã Số 1, huyện A") is read without csv-parse's character loop.
 */
export function splitQuoted(text: string, delimiter: string): CsvRecord[] | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  const out: CsvRecord[] = [];
  let plain = true;
  eachLine(text, 0, (raw, line) => {
    if (!plain) return;
    const record = raw.includes('"') ? quotedFields(raw, delimiter) : raw.split(delimiter);
    if (record) out.push({ record, raw, info: { lines: line } });
    else plain = false;
  });
  return plain ? out : undefined;
}

/** The fields of one line with quotes, or undefined where csv-parse would read it otherwise. */
function quotedFields(line: string, d: string): string[] | undefined {
  const out: string[] = [];
  const n = line.length;
  for (let i = 0; ; ) {
    if (line.charCodeAt(i) === 34) {
      let v = "";
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return undefined; // (a quote that closes on another line, or never)
        if (line.charCodeAt(q + 1) === 34) {
          v += line.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        v += line.slice(j, q);
        i = q + 1;
        break;
      }
      out.push(v);
      if (i === n) return out;
      if (line[i] !== d) return undefined; // (text after the closing quote)
    } else {
      const e = line.indexOf(d, i);
      const field = line.slice(i, e < 0 ? n : e);
      if (field.includes('"')) return undefined; // (a quote inside an unquoted field)
      out.push(field);
      if (e < 0) return out;
      i = e;
    }
    // past the delimiter; a delimiter that ends the line ends it with an empty field
    i++;
    if (i === n) {
      out.push("");
      return out;
    }
  }
}

/**
 * The lines of a text without quotes and with "\n" line ends, as csv-parse gives its records
 * (blank lines skipped): each line's text and number, counted on from `line`. Returns the number
 * of the last line seen. A text that ends without a line end ends with its last line.
 */
export function eachLine(text: string, line: number, onLine: (raw: string, line: number) => void): number {
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    line++;
    if (end > at) onLine(text.slice(at, end), line);
    at = end + 1;
  }
  return line;
}

/** Where the quote that never closes opens: the first non-blank line after the last good record,
 * and the number of the field it starts. */
function openQuote(text: string, lastLine: number, delimiter: string): { line: number; column?: number } {
  const lines = text.split("\n");
  let line = lastLine + 1;
  while (line <= lines.length && (lines[line - 1] ?? "").trim() === "") line++;
  const s = lines[line - 1] ?? "";
  let field = 1;
  let quoted = false;
  let openedAt = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      if (!quoted) openedAt = field;
      quoted = !quoted;
    } else if (!quoted && s.startsWith(delimiter, i)) field++;
  }
  return quoted ? { line, column: openedAt } : { line };
}
