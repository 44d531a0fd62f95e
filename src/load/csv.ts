// Reading a CSV file as it arrives from Excel: the encoding (BOM, UTF-8, UTF-16, windows-1258),
// the delimiter (comma, semicolon, tab), then csv-parse. Rows keep their line numbers.
import { parse } from "csv-parse/sync";
import { diag, type Diagnostic } from "../diag/diagnostic.ts";

export type Encoding = "auto" | "utf-8" | "utf-16le" | "windows-1258";
export type Delimiter = "auto" | "," | ";" | "\t";

export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
  delimiter: string;
}

const ASCII = /^[\x00-\x7f]*$/;
/** Text keys (headers, codes) are compared after NFC normalisation and trimming. (ASCII text
 * is its own NFC form: the test is cheaper than normalize() for a million codes.) */
export const normKey = (s: string): string => (ASCII.test(s) ? s : s.normalize("NFC")).trim();

const WORKBOOK_MAGIC = [
  [0x50, 0x4b, 0x03, 0x04], // xlsx (a zip file)
  [0xd0, 0xcf, 0x11, 0xe0], // xls
];

export function decode(bytes: Uint8Array, encoding: Encoding, file: string): { text?: string; diagnostics: Diagnostic[] } {
  const b = bytes;
  if (WORKBOOK_MAGIC.some((m) => m.every((x, i) => b[i] === x))) return { diagnostics: [diag("FILE_IS_WORKBOOK", "error", { path: file }, { file })] };
  // A byte-order mark says what the file is, whatever the manifest declares.
  let enc: string = encoding;
  let start = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) [enc, start] = ["utf-8", 3];
  else if (b[0] === 0xff && b[1] === 0xfe) [enc, start] = ["utf-16le", 2];
  else if (b[0] === 0xfe && b[1] === 0xff) [enc, start] = ["utf-16be", 2];
  const diagnostics: Diagnostic[] = [];
  if (enc === "auto") {
    // Many zero bytes in alternate positions: UTF-16 without its byte-order mark.
    let zeros = 0;
    const n = Math.min(b.length, 4096);
    for (let i = 1; i < n; i += 2) if (b[i] === 0) zeros++;
    if (n >= 4 && zeros > n / 4) return { diagnostics: [diag("ENCODING_UTF16_NO_BOM", "error", {}, { file, line: 1 })] };
    enc = "utf-8";
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
  if (enc === "utf-8") {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), diagnostics };
    } catch {
      const loose = new TextDecoder("utf-8").decode(body);
      const at = loose.indexOf("\ufffd");
      const line = loose.slice(0, Math.max(0, at)).split("\n").length;
      return { diagnostics: [diag("ENCODING_INVALID_UTF8", "error", { line }, { file, line })] };
    }
  }
  return { text: new TextDecoder(enc).decode(body).normalize("NFC"), diagnostics };
}

/** The delimiter of a CSV text: the most frequent of , ; and tab on its first line. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c] = (counts[c] ?? 0) + 1;
  }
  let best = ",";
  for (const d of [";", "\t"]) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

export function readCsv(bytes: Uint8Array, file: string, opts: { encoding: Encoding; delimiter: Delimiter }): { table?: CsvTable; diagnostics: Diagnostic[] } {
  const decoded = decode(bytes, opts.encoding, file);
  if (decoded.text === undefined) return { diagnostics: decoded.diagnostics };
  if (decoded.text.trim() === "") return { diagnostics: [diag("FILE_EMPTY", "error", {}, { file, line: 1 })] };
  // One line ending throughout: csv-parse miscounts lines in files that mix CRLF and LF.
  const text = decoded.text.replace(/\r\n?/g, "\n");
  const delimiter = opts.delimiter === "auto" ? detectDelimiter(text) : opts.delimiter;
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  let lastLine = 0;
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      bom: true,
      on_record: (r: string[], ctx: { lines: number }) => {
        lastLine = ctx.lines;
        return r;
      },
    }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number; code?: string };
    const where = err.code === "CSV_QUOTE_NOT_CLOSED" ? openQuote(text, lastLine, delimiter) : { line: err.lines ?? 1 };
    return { diagnostics: [diag("CSV_SYNTAX", "error", { detail: err.message.replace(/^Invalid [^:]*: /, "").replace(/ at line \d+$/, "").split("\n")[0] ?? "" }, { file, ...where })] };
  }
  const diagnostics: Diagnostic[] = [...decoded.diagnostics];
  const [first, ...rest] = records;
  if (!first) return { diagnostics: [diag("FILE_EMPTY", "error", {}, { file, line: 1 })] };
  const header = first.record.map(normKey);
  const startLine = (r: { raw: string; info: { lines: number } }): number => r.info.lines - (r.raw.replace(/^\n+/, "").replace(/\n$/, "").match(/\n/g)?.length ?? 0);
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    if (h !== "" && seen.has(h)) diagnostics.push(diag("CSV_DUPLICATE_HEADER", "error", { header: h }, { file, line: startLine(first), column: i + 1 }));
    seen.set(h, i);
  });
  const rows: CsvRow[] = [];
  const headerKey = header.join("\u0000");
  for (const r of rest) {
    if (r.record.every((c) => c.trim() === "")) continue;
    // The header again, often after a byte-order mark: two exports pasted into one file.
    if (r.record.map(normKey).join("\u0000") === headerKey) {
      diagnostics.push(diag("CSV_REPEATED_HEADER", "warning", { first: startLine(first) }, { file, line: startLine(r) }));
      continue;
    }
    // A row with extra empty cells at the end (a trailing separator from Excel) is not ragged.
    let cells = r.record;
    while (cells.length > header.length && (cells[cells.length - 1] ?? "").trim() === "") cells = cells.slice(0, -1);
    if (cells.length !== header.length) {
      diagnostics.push(diag("CSV_RAGGED", "error", { expected: header.length, actual: cells.length }, { file, line: startLine(r) }));
      continue;
    }
    rows.push({ line: startLine(r), cells });
  }
  if (rows.length === 0 && diagnostics.length === 0) diagnostics.push(diag("CSV_NO_ROWS", "warning", {}, { file, line: startLine(first) }));
  return { table: { file, header, rows, delimiter }, diagnostics };
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
