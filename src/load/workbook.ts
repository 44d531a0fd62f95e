// Reading a workbook (.xlsx) as a record source: every worksheet that holds data gives a header
// and rows numbered as in the sheet, the same table a CSV file gives (csv.ts), so that the rest
// of the loader (data.ts) is shared. Cells are read as Excel holds them and written as the text
// a CSV export under the assessment's decimal convention would hold: numbers as numbers, a
// percentage-formatted 0.85 as 85%, booleans, dates (for periods), formulas by their cached value,
// error cells by their error (#N/A reads as not applicable, as in CSV; the others are errors
// where they are read). exceljs reads it, streaming (WorkbookReader): three times faster than
// loading the whole workbook (bench/README.md).
import { Readable } from "node:stream";
import type { Cell as XlCell } from "exceljs";
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import type { CsvRow, CsvTable } from "./csv.ts";
import { classifyRecord, duplicateHeaders, headerKey, normKey } from "./dialect.ts";
import type { Decimal } from "./values.ts";
import { isFormSheet } from "../model/form.ts";

/** Which sheet to read and where its header is, from a manifest data entry (`sheet:`, `header-row:`). */
export interface SheetChoice {
  sheet?: string;
  headerRow?: number;
}

export type WorkbookKind = "xlsx" | "xlsb" | "xls" | "encrypted" | "ods" | "zip";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const starts = (b: Uint8Array, m: number[]): boolean => m.every((x, i) => b[i] === x);

/**
 * What kind of workbook the bytes are, if any: an Office Open XML workbook (a zip holding
 * xl/workbook.xml), an OpenDocument spreadsheet, another zip; in an OLE compound file, a workbook
 * encrypted with a password (Office keeps the encrypted workbook in a stream named
 * EncryptedPackage) or an Excel 97–2003 .xls.
 */
export function workbookKind(b: Uint8Array): WorkbookKind | undefined {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (starts(b, ZIP)) {
    if (buf.subarray(0, 200).includes("application/vnd.oasis.opendocument")) return "ods";
    return buf.includes("xl/workbook.xml") ? "xlsx" : buf.includes("xl/workbook.bin") ? "xlsb" : "zip";
  }
  if (starts(b, OLE)) return buf.includes(Buffer.from("EncryptedPackage", "utf16le")) ? "encrypted" : "xls";
  return undefined;
}

/** The rows of a sheet as read: text cells, and the formulas that had no cached value (by 0-based column). */
interface SheetRows {
  name: string;
  hidden: boolean;
  rows: SheetRow[];
}

/**
 * A row as read: its cells' texts; the formulas without a cached value, and those whose value is
 * #N/A (a lookup that failed, not a "not applicable" typed), by 0-based column: problems where
 * the cell is read.
 */
interface SheetRow {
  line: number;
  cells: string[];
  formulas?: Map<number, string>;
  failed?: Set<number>;
}

/** A cell of `row` at 0-based column i, as cellText read it; false where it holds nothing. */
function place(row: SheetRow, i: number, t: CellText): boolean {
  if (typeof t === "string") {
    row.cells[i] = t;
    return t !== "";
  }
  if ("formula" in t) {
    row.cells[i] = "";
    (row.formulas ??= new Map()).set(i, t.formula);
  } else {
    // (its text kept: a code, a parent or a period cell reads "#N/A" as before, and is refused there)
    row.cells[i] = t.failed;
    (row.failed ??= new Set()).add(i);
  }
  return true;
}

/** How far down a title block the header row is looked for. */
const HEADER_SEARCH_ROWS = 50;

/**
 * The tables of a workbook: the sheet named by `choice.sheet`, else every visible sheet whose
 * header row has the unit code column (`code`); the others are skipped with a note. The header
 * row is `choice.headerRow`, else the first row (of the first 50) that has the code column.
 */
export async function readWorkbook(bytes: Uint8Array, file: string, o: { decimal: Decimal; code: string; choice?: SheetChoice }): Promise<{ tables: CsvTable[]; diagnostics: Diagnostic[] }> {
  const kind = workbookKind(bytes);
  if (kind !== "xlsx") {
    if (kind === "encrypted") return fail(diag("WORKBOOK_ENCRYPTED", "error", { path: file }, { file }));
    if (kind === "xls" || kind === "ods" || kind === "xlsb") return fail(diag("FILE_IS_WORKBOOK", "error", { path: file, format: kind }, { file }));
    return fail(diag("WORKBOOK_UNREADABLE", "error", { path: file, detail: "a zip file without a workbook (xl/workbook.xml) in it" }, { file }));
  }
  let sheets: SheetRows[];
  try {
    sheets = await readSheets(inStreamOrder(bytes), o.decimal, o.choice?.sheet);
    if (sheets.some((x) => x.rows.some((r) => r.formulas))) await settleFormulas(bytes, sheets, o.decimal);
  } catch {
    // the streaming reader stumbles where loading the whole workbook may not (it keeps some
    // sheets in temporary files): the workbook is unreadable only if that fails too
    try {
      sheets = await readWhole(bytes, o.decimal);
    } catch (e) {
      const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";
      return fail(diag("WORKBOOK_UNREADABLE", "error", { path: file, detail }, { file }));
    }
  }
  const code = normKey(o.code);
  const diagnostics: Diagnostic[] = [];
  const tables: CsvTable[] = [];
  const wanted = o.choice?.sheet;
  if (wanted !== undefined) {
    const s = sheets.find((x) => normKey(x.name) === normKey(wanted));
    if (!s) return fail(diag("WORKBOOK_SHEET_NOT_FOUND", "error", { sheet: wanted, known: sheets.map((x) => x.name).join(", ") }, { file }));
    if (s.rows.length === 0) return fail(diag("WORKBOOK_SHEET_EMPTY", "error", { sheet: s.name }, { file, sheet: s.name }));
    const t = sheetTable(s, file, code, o.choice?.headerRow, diagnostics);
    if (!t) return fail(diag("WORKBOOK_NO_HEADER", "error", { column: code, sheet: s.name, ...(o.choice?.headerRow !== undefined ? { row: o.choice.headerRow } : { sheets: s.name }) }, { file, sheet: s.name, ...(o.choice?.headerRow !== undefined ? { line: o.choice.headerRow } : {}) }));
    return { tables: [t], diagnostics };
  }
  const skipped: Diagnostic[] = [];
  for (const s of sheets) {
    const skip = (reason: string) => skipped.push(diag("WORKBOOK_SHEET_SKIPPED", "note", { sheet: s.name, reason, column: code }, { file, sheet: s.name }));
    if (s.hidden) skip("hidden");
    else if (s.rows.length === 0) skip("empty");
    else {
      const t = sheetTable(s, file, code, o.choice?.headerRow, diagnostics);
      if (t) tables.push(t);
      else skip("no-header");
    }
  }
  // (a form egov-score wrote, read back: its instructions and lists sheets go without a note)
  const read = tables.map((t) => t.sheet ?? "");
  if (tables.length > 0) return { tables, diagnostics: [...skipped.filter((d) => !isFormSheet(String(d.args.sheet), read)), ...diagnostics] };
  // nothing to read: a workbook of empty sheets, or of sheets without the header (or hidden:
  // their notes say so)
  const filled = sheets.filter((x) => x.rows.length > 0);
  const empty = sheets[0];
  if (filled.length === 0) return fail(diag("WORKBOOK_SHEET_EMPTY", "error", { sheet: empty?.name ?? "" }, empty ? { file, sheet: empty.name } : { file }));
  const looked = filled.filter((x) => !x.hidden);
  const first = looked[0] ?? (filled[0] as SheetRows);
  const row = o.choice?.headerRow;
  const args: Record<string, string | number> = { column: code, sheet: first.name, sheets: (looked.length ? looked : filled).map((x) => x.name).join(", "), ...(row !== undefined ? { row } : {}) };
  const noHeader = diag("WORKBOOK_NO_HEADER", "error", args, row !== undefined ? { file, sheet: first.name, line: row } : { file, sheet: first.name });
  return { tables: [], diagnostics: [...skipped.filter((d) => d.args.reason === "hidden"), noHeader] };
}

const fail = (d: Diagnostic) => ({ tables: [] as CsvTable[], diagnostics: [d] });

/**
 * The workbook's zip with its parts in the order the streaming reader needs: the workbook, its
 * relations, its shared strings and styles before the sheets. exceljs keeps a sheet met before
 * them in a temporary file, and under load it then sometimes gives that sheet without its rows,
 * or loses it (LibreOffice and Excel both write the shared strings after the sheets). The parts
 * are moved whole, compressed as they are; the reader reads a zip front to back, by its local
 * headers. Bytes it cannot lay out (not a zip it understands) are returned as they are.
 */
export function inStreamOrder(bytes: Uint8Array): Uint8Array {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the end of central directory record: its signature, within the last 64 KiB + 22 bytes
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return bytes;
  const count = b.readUInt16LE(end + 10);
  const directory = b.readUInt32LE(end + 16);
  const entries: { name: string; offset: number }[] = [];
  let at = directory;
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return bytes;
    const nameLength = b.readUInt16LE(at + 28);
    entries.push({ name: b.toString("utf8", at + 46, at + 46 + nameLength), offset: b.readUInt32LE(at + 42) });
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  entries.sort((x, y) => x.offset - y.offset);
  // each part runs from its local header to the next one's (its data descriptor included)
  const parts = entries.map((e, i) => ({ name: e.name, start: e.offset, end: entries[i + 1]?.offset ?? directory }));
  if (parts.some((p) => p.end <= p.start || p.end > directory || b.readUInt32LE(p.start) !== 0x04034b50)) return bytes;
  const first = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"];
  const sheet = (name: string) => name.startsWith("xl/worksheets/");
  const firstSheet = parts.findIndex((p) => sheet(p.name));
  if (firstSheet < 0 || !parts.slice(firstSheet).some((p) => first.includes(p.name))) return bytes;
  const ordered = [...parts.filter((p) => first.includes(p.name)), ...parts.filter((p) => !first.includes(p.name))];
  // (the central directory follows unchanged: the streaming reader stops at its signature)
  return Buffer.concat([...ordered.map((p) => b.subarray(p.start, p.end)), b.subarray(directory)]);
}

/** A sheet's rows as a table, from its header row on; undefined when that row has no code column. */
function sheetTable(s: SheetRows, file: string, code: string, headerRow: number | undefined, diagnostics: Diagnostic[]): CsvTable | undefined {
  const at = headerRow !== undefined ? s.rows.findIndex((r) => r.line === headerRow) : s.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.some((c) => normKey(c) === code));
  const headRow = s.rows[at];
  if (at < 0 || !headRow || !headRow.cells.some((c) => normKey(c) === code)) return undefined;
  const where = { file, sheet: s.name };
  const header = trimEnd(headRow.cells.map(normKey));
  for (const i of duplicateHeaders(header)) diagnostics.push(diag("CSV_DUPLICATE_HEADER", "error", { header: header[i] as string }, { ...where, line: headRow.line, column: i + 1 }));
  const key = headerKey(header);
  const rows: CsvRow[] = [];
  for (const r of s.rows.slice(at + 1)) {
    // a row ends at its last filled cell: the empty cells after it are the header's
    const cells = r.cells.length < header.length ? [...r.cells, ...Array<string>(header.length - r.cells.length).fill("")] : r.cells;
    const k = classifyRecord(cells, header, key);
    if (k.kind === "repeated-header") diagnostics.push(diag("CSV_REPEATED_HEADER", "warning", { first: headRow.line }, { ...where, line: r.line }));
    else if (k.kind === "ragged") diagnostics.push(diag("CSV_RAGGED", "error", { expected: header.length, actual: k.actual }, { ...where, line: r.line }));
    else if (k.kind === "row") {
      const row: CsvRow = { line: r.line, cells: k.cells };
      for (const [i, formula] of r.formulas ?? []) {
        if (i >= header.length) continue;
        (row.problems ??= new Map()).set(i, diag("WORKBOOK_FORMULA_NO_VALUE", "error", { formula, header: header[i] ?? "" }, { ...where, line: r.line, column: i + 1 }));
      }
      for (const i of r.failed ?? []) {
        if (i >= header.length) continue;
        (row.problems ??= new Map()).set(i, diag("VALUE_CELL_ERROR", "error", { value: r.cells[i] ?? "", header: header[i] ?? "" }, { ...where, line: r.line, column: i + 1 }));
      }
      rows.push(row);
    }
  }
  if (rows.length === 0) diagnostics.push(diag("CSV_NO_ROWS", "warning", {}, { ...where, line: headRow.line }));
  return { file, sheet: s.name, headerLine: headRow.line, header, rows, delimiter: "" };
}

const trimEnd = (cells: string[]): string[] => {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] ?? "") === "") n--;
  return cells.slice(0, n);
};

/** Every sheet's rows (only the named sheet's, when one is named), in the workbook's order of sheets. */
export async function readSheets(bytes: Uint8Array, decimal: Decimal, only: string | undefined): Promise<SheetRows[]> {
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const out: SheetRows[] = [];
  for await (const ws of reader as AsyncIterable<{ name: string; state?: string } & AsyncIterable<{ number: number; eachCell: (o: { includeEmpty: boolean }, f: (c: XlCell, col: number) => void) => void }>>) {
    const sheet: SheetRows = { name: ws.name, hidden: ws.state === "hidden" || ws.state === "veryHidden", rows: [] };
    out.push(sheet);
    if (only !== undefined && normKey(ws.name) !== normKey(only)) {
      // read through all the same: a sheet the reader kept in a temporary file (met before the
      // workbook's list of sheets) must be read before it is removed
      for await (const _ of ws) void _;
      continue;
    }
    for await (const row of ws) {
      const r: SheetRow = { line: row.number, cells: [] };
      let any = false;
      row.eachCell({ includeEmpty: false }, (c, col) => {
        if (place(r, col - 1, cellText(c, decimal))) any = true;
      });
      if (!any) continue;
      for (let i = 0; i < r.cells.length; i++) r.cells[i] ??= "";
      sheet.rows.push(r);
    }
  }
  // the reader meets sheets in the order of the zip file: put them in the workbook's
  const order = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
  return out.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

/** Every sheet's rows, from the whole workbook loaded at once. */
export async function readWhole(bytes: Uint8Array, decimal: Decimal): Promise<SheetRows[]> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const sheet: SheetRows = { name: ws.name, hidden: ws.state === "hidden" || ws.state === "veryHidden", rows: [] };
    ws.eachRow((row, line) => {
      const r: SheetRow = { line, cells: [] };
      let any = false;
      row.eachCell((c, col) => {
        if (place(r, col - 1, cellText(c, decimal))) any = true;
      });
      for (let i = 0; i < r.cells.length; i++) r.cells[i] ??= "";
      if (any) sheet.rows.push(r);
    });
    return sheet;
  });
}

/**
 * The streaming reader keeps no result of a formula that ended in an error (#DIV/0!): such a
 * cell looks like one never calculated. Where a sheet has formulas without a value, the whole
 * workbook is loaded (slower, and rare) to tell the two apart.
 */
async function settleFormulas(bytes: Uint8Array, sheets: SheetRows[], decimal: Decimal): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  for (const s of sheets) {
    const ws = wb.getWorksheet(s.name);
    if (!ws) continue;
    for (const r of s.rows) {
      if (!r.formulas) continue;
      for (const i of [...r.formulas.keys()]) {
        const t = cellText(ws.getCell(r.line, i + 1), decimal);
        if (typeof t !== "string" && "formula" in t) continue;
        r.formulas.delete(i);
        place(r, i, t);
      }
      if (r.formulas.size === 0) delete r.formulas;
    }
  }
}

/** Outside quoted text and escapes: a number format's own characters. */
const formatCode = (numFmt: unknown): string => (typeof numFmt === "string" ? numFmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "") : "");
const isPercentFormat = (numFmt: unknown): boolean => formatCode(numFmt).includes("%");
const isDateFormat = (numFmt: unknown): boolean => {
  const f = formatCode(numFmt).toLowerCase();
  return f !== "general" && /[ymd]/.test(f) && !/[#0?]/.test(f);
};

/**
 * A number in the assessment's decimal convention, at the 15 significant digits Excel shows and
 * calculates with: Excel saves 17, so a cell that shows 1 may hold 1.0000000000000009, which a
 * step "at most 1" would fail; without float noise from ×100 either.
 */
function numberText(v: number, numFmt: unknown, decimal: Decimal): string {
  if (isDateFormat(numFmt)) return dateText(new Date(Math.round((v - 25569) * 864e5)), numFmt);
  const percent = isPercentFormat(numFmt);
  const s = String(Number((percent ? v * 100 : v).toPrecision(15)));
  return `${decimal === "," ? s.replace(".", ",") : s}${percent ? "%" : ""}`;
}

/** A date as a period names it: the year alone when the format shows only the year, the month when it shows no day. */
function dateText(d: Date, numFmt: unknown): string {
  const f = formatCode(numFmt).toLowerCase();
  const y = String(d.getUTCFullYear());
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  if (f.includes("y") && !f.includes("d") && !f.includes("m")) return y;
  if (f.includes("y") && !f.includes("d")) return `${y}-${m}`;
  return `${y}-${m}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** A cell as text; the formula of a formula cell without a cached value; the #N/A a formula gave. */
type CellText = string | { formula: string } | { failed: string };

function cellText(c: XlCell, decimal: Decimal): CellText {
  const v = c.value as unknown;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return numberText(v, c.numFmt, decimal);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return dateText(v, c.numFmt);
  const o = v as { richText?: { text: string }[]; error?: string; formula?: string; sharedFormula?: string; result?: unknown; text?: unknown };
  if (o.richText) return o.richText.map((r) => r.text).join("");
  if (o.error !== undefined) return o.error;
  if (o.formula !== undefined || o.sharedFormula !== undefined) {
    // (the value of a formula cell leaves out a result of 0 or FALSE: its model keeps it; a
    // result the streaming reader could not read, an error, is NaN there)
    const model = (c as unknown as { model?: { result?: unknown } }).model;
    const r = model && model.result !== undefined ? model.result : o.result;
    if (r === undefined || r === null || (typeof r === "number" && Number.isNaN(r))) {
      const f = o.formula ?? o.sharedFormula ?? "";
      // an error typed into a cell is kept by some applications as a formula of itself
      return /^#[A-Z0-9/!?_:]+$/i.test(f) ? f : { formula: f };
    }
    if (typeof r === "number") return numberText(r, c.numFmt, decimal);
    if (typeof r === "boolean") return r ? "TRUE" : "FALSE";
    if (typeof r === "object" && "error" in r) {
      const error = String((r as { error: unknown }).error);
      // (#N/A typed reads as not applicable, as in CSV; a formula's #N/A is a lookup that failed)
      return error.toUpperCase() === "#N/A" ? { failed: error } : error;
    }
    return String(r);
  }
  if (o.text !== undefined) return typeof o.text === "string" ? o.text : cellText({ value: o.text, numFmt: c.numFmt } as XlCell, decimal) as string;
  return "";
}
