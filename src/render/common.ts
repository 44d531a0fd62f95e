// Shared by the renderers: number display, machine numbers, and CSV cells that a spreadsheet
// cannot mistake for formulas.
import type { Band, Criteria, Lang } from "../model/criteria.ts";
import { text } from "../model/criteria.ts";
import type { Diagnostic } from "../diag/diagnostic.ts";
import { location, message } from "../diag/format.ts";
import { t } from "./labels.ts";

/** Colour and emphasis, decided by the CLI; renderers stay pure. */
export interface Palette {
  band: (index: number, s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
  /** a gain and a loss (rank moves) */
  up: (s: string) => string;
  down: (s: string) => string;
}

export const plainPalette: Palette = { band: (_i, s) => s, dim: (s) => s, bold: (s) => s, up: (s) => s, down: (s) => s };

/** How CSV is written: Excel on a Vietnamese Windows wants a BOM, ";" and a decimal comma. */
export interface CsvOptions {
  delimiter: "," | ";" | "\t";
  decimal: "." | ",";
  bom: boolean;
}

export const defaultCsv: CsvOptions = { delimiter: ",", decimal: ".", bom: false };

export interface RenderOptions {
  lang: Lang;
  palette: Palette;
  csv?: CsvOptions;
  /** the checks a CI job asked for, for the formats that report them (junit) */
  gate?: { failUnder?: number; failOnDrop?: number };
  /** terminal tables: the width to fit (render/fit.ts); none for a file, a pipe, or --wide */
  width?: number;
}

/** A number for display, at fixed decimals; with a decimal comma in Vietnamese (94,87). */
export function shown(x: number | null | undefined, decimals: number, lang: Lang = "en"): string {
  if (x === null || x === undefined) return "";
  return decimalFor(x.toFixed(decimals), lang);
}

/** A number already written with a dot, in the language's convention (each dot between two digits becomes a comma). */
export function decimalFor(s: string, lang: Lang): string {
  if (lang !== "vi") return s;
  // (most texts are one number, toFixed's or String's: its one dot, if any, is between digits)
  const dot = s.indexOf(".");
  if (dot < 0) return s;
  if (dot === s.lastIndexOf(".") && isDigit(s.charCodeAt(dot - 1)) && isDigit(s.charCodeAt(dot + 1))) return `${s.slice(0, dot)},${s.slice(dot + 1)}`;
  return s.replace(/(\d)\.(\d)/g, "$1,$2");
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A number for machines: full precision without binary noise (0.1 + 0.2 is written 0.3). */
export function machine(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  // an integer of 15 digits or fewer already is its 15-digit form (and is most maxima and ranks)
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x === 0 ? 0 : x;
  // r / 10^d of two exact integers is the double nearest that decimal: Number() of its text
  if (shortDecimal(x)) return x < 0 ? -(decimalDigits / (POW10[decimalScale] as number)) : decimalDigits / (POW10[decimalScale] as number);
  return Number(x.toPrecision(15));
}

/**
 * String(machine(x)), faster: between 1e-6 and 1e15, x.toPrecision(15) is already that text but
 * for trailing zeros (a decimal of 15 digits or fewer is the shortest that reads back as the same
 * number, and JavaScript writes numbers of that size without an exponent). Null: "".
 */
export function machineText(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "";
  if (Number.isInteger(x) && x < 1e15 && x > -1e15) return x === 0 ? "0" : String(x);
  if (shortDecimal(x)) return decimalText(x < 0);
  const a = x < 0 ? -x : x;
  if (a < 1e-6 || a >= 1e15) return String(machine(x));
  const p = x.toPrecision(15);
  // (999999999999999.9 rounds up to 1e15, which toPrecision writes with an exponent)
  if (p.indexOf("e") >= 0) return String(machine(x));
  if (p.indexOf(".") < 0) return p;
  let end = p.length;
  while (p.charCodeAt(end - 1) === 48) end--;
  if (p.charCodeAt(end - 1) === 46) end--;
  return p.slice(0, end);
}

// 10^k as doubles (exact up to 10^22), for k from -30 to 30: POW10[k + 30]; POW10 alone for 0..6
const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];
const POW10_SIGNED = Array.from({ length: 61 }, (_, i) => Number(`1e${i - 30}`));
// the scales shortDecimal tries, most frequent first: two decimals (scores such as 73.24), one, three...
const SCALES = [2, 1, 3, 4, 5, 6];
// shortDecimal's answer: |x| written at 15 significant digits is decimalDigits × 10^-decimalScale
let decimalDigits = 0;
let decimalScale = 0;

/**
 * Whether x, written at 15 significant digits (toPrecision(15), what machine() keeps), is a
 * decimal of at most 6 decimals: then |that decimal| = decimalDigits × 10^-decimalScale, found
 * without toPrecision's exact arithmetic, which is slow. Most values of an assessment are such
 * decimals (73.24, and their sums, 2558.7200000000003). Exact, not a guess: r = round(|x| × 10^d)
 * is that decimal when |x| is nearer to r × 10^-d than half a unit of the 15th significant digit,
 * with room for the rounding of the product and of the bound itself; otherwise (a ratio such as
 * 62.7564102564103, or a tie) the answer is no, and toPrecision decides. test/render/machine.test.ts
 * holds it to toPrecision(15) on millions of values.
 */
function shortDecimal(x: number): boolean {
  const a = x < 0 ? -x : x;
  if (!(a >= 1e-6 && a < 1e15)) return false;
  // the decimal exponent of a, or one less near a power of ten (a smaller one only makes the test stricter)
  let e = Math.floor(Math.log10(a));
  if ((POW10_SIGNED[e + 30] as number) > a) e--;
  for (let i = 0; i < SCALES.length; i++) {
    const d = SCALES[i] as number;
    const y = a * (POW10[d] as number);
    if (y >= 1e15) return false;
    const r = Math.round(y);
    if (r === 0) continue;
    // y - r is exact (Sterbenz); y is within y × 2^-53 of a × 10^d; half a unit of the 15th digit
    // of a, times 10^d, is 0.5 × 10^(e + d - 14): a quarter of it leaves room for the rest
    const off = y > r ? y - r : r - y;
    if (off + y * 1.2e-16 < 0.25 * (POW10_SIGNED[e + d - 14 + 30] as number)) {
      decimalDigits = r;
      decimalScale = d;
      return true;
    }
  }
  return false;
}

/** The text of shortDecimal's decimal, without trailing zeros: 255872 at scale 2 is 2558.72. */
function decimalText(negative: boolean): string {
  const scale = POW10[decimalScale] as number;
  // the integer part is exact: digits below 10^15, at most 6 decimals
  const whole = Math.floor(decimalDigits / scale);
  const frac = decimalDigits - whole * scale;
  let t: string;
  if (frac === 0) t = String(whole);
  else if (decimalScale === 2) t = `${whole}.${FRACTIONS_2[frac] as string}`;
  else if (decimalScale === 1) t = `${whole}.${frac}`;
  else t = `${whole}.${String(frac).padStart(decimalScale, "0").replace(/0+$/, "")}`;
  return negative ? `-${t}` : t;
}
// the two decimals 01 to 99 as written after the point: "01", "1" (for 10), "99"...
const FRACTIONS_2 = Array.from({ length: 100 }, (_, m) => String(m).padStart(2, "0").replace(/0$/, ""));

/** Removes terminal control sequences, so that data cannot recolour or clear the screen. */
export function inert(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

/** Escapes text for HTML and SVG, in content and in attribute values; control characters go. */
export function esc(s: string): string {
  return inert(s).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string);
}

/**
 * Text from the data as inert Markdown (a table cell or a line): no control sequences, no line
 * breaks, and every character that could start formatting, a link, a tag or a new cell escaped.
 */
export function mdText(s: string): string {
  // (most cells are figures, codes and names: nothing to escape, remove or trim)
  // eslint-disable-next-line no-control-regex
  if (!/[\\`*_{}[\]<>|~$&#!\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s) && s === s.trim()) return s;
  return inert(s.replace(/\r\n|[\r\n\u2028\u2029\t]/g, " "))
    .replace(/[\\`*_{}[\]<>|~$&#!]/g, (ch) => `\\${ch}`)
    .trim();
}

/** Items grouped by a key, groups in the order they first appear. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = groups.get(k);
    if (g) g.push(it);
    else groups.set(k, [it]);
  }
  return [...groups];
}

export type CsvCell = string | number | null | undefined;

/** Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading quote. */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Text as a workbook may hold it: no character XML forbids, one line of control-free text, neutralised. */
export function cellText(s: string): string {
  return neutralise(inert(s).replace(/[\ufffe\uffff]/g, ""));
}

/**
 * The field writers of a CSV written row by row from columns: a text (levels, codes, names,
 * statuses: few and repeated) escaped once and remembered, and a number in the CSV's decimal
 * convention (csvField(machine(x)), without the round trip through a number).
 */
export function csvFieldWriters(c: CsvOptions): { text: (s: string) => string; num: (x: number | null) => string } {
  const known = new Map<string, string>();
  const text = (s: string): string => {
    let v = known.get(s);
    if (v === undefined) known.set(s, (v = csvField(s, c)));
    return v;
  };
  const num = c.decimal === "," ? (x: number | null): string => machineText(x).replace(".", ",") : machineText;
  return { text, num };
}

/**
 * A CSV field. Numbers are written as they are (with a decimal comma when asked); text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) is neutralised with a leading quote.
 */
export function csvField(v: CsvCell, o: CsvOptions = defaultCsv): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return o.decimal === "," ? String(v).replace(".", ",") : String(v);
  const s = neutralise(v);
  return /["\r\n]/.test(s) || s.includes(o.delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line of a CSV file, without its line end. */
export function csvLine(row: readonly CsvCell[], o: CsvOptions = defaultCsv): string {
  return row.map((c) => csvField(c, o)).join(o.delimiter);
}

/** A whole CSV file: header and rows, one convention throughout. */
export function csvDocument(rows: readonly (readonly CsvCell[])[], o: CsvOptions = defaultCsv): string {
  const body = rows.map((r) => csvLine(r, o)).join("\n");
  return `${o.bom ? "\ufeff" : ""}${body}\n`;
}

export function bandIndex(criteria: Criteria, id: string | null): number {
  return id === null ? -1 : criteria.bands.list.findIndex((b) => b.id === id);
}

export function bandLabel(criteria: Criteria, id: string | null, lang: Lang): string {
  if (id === null) return "";
  const b: Band | undefined = criteria.bands.list.find((x) => x.id === id);
  return b ? text(b.label, lang, b.id) : id;
}

/** The note under a table that lists units assessed and not ranked: "† assessed, not ranked: S19 (reason), S20". */
export function assessedNote(units: readonly { code: string; status: string; reason?: string }[], lang: Lang): string | undefined {
  const listed = units.filter((u) => u.status === "assessed").map((u) => (u.reason ? `${u.code} (${u.reason})` : u.code));
  return listed.length ? `† ${t("assessed-not-ranked", lang)}: ${listed.join(", ")}` : undefined;
}

/** The words that mark a provisional ranking, in both languages, in every format. */
export const PROVISIONAL_MARK = "TẠM TÍNH / PROVISIONAL";

/** The mark of a provisional ranking, the same in every format: "TẠM TÍNH / PROVISIONAL: 3 cells in error". */
export function provisionalHeading(cells: readonly Diagnostic[], lang: Lang): string {
  return `${PROVISIONAL_MARK}: ${cells.length} ${t(cells.length === 1 ? "provisional.cell" : "provisional.cells", lang)}`;
}

/** One cell in error, as the provisional outputs list it: where, the code, what is wrong. */
export function provisionalCell(d: Diagnostic, lang: Lang): string {
  const where = location(d);
  return `${where ? `${where}: ` : ""}${d.code}: ${message(d, lang)}`;
}

/** The cells in error of each unit (by code), for the per-unit marks of CSV rows. */
export function provisionalByUnit(cells: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const m = new Map<string, Diagnostic[]>();
  for (const d of cells) {
    const u = d.args.unit;
    if (u === undefined) continue;
    const list = m.get(String(u)) ?? [];
    list.push(d);
    m.set(String(u), list);
  }
  return m;
}

/** A CSV row's provisional mark: the heading's words, then the unit's own cells in error. */
export function provisionalRowMark(own: readonly Diagnostic[] | undefined): string {
  return own?.length ? `${PROVISIONAL_MARK}: ${own.map((d) => `${d.args.indicator ?? ""} ${d.code}${d.file ? ` ${location(d)}` : ""}`).join("; ")}` : PROVISIONAL_MARK;
}

/** A JSON document's provisional field. */
export function provisionalJson(cells: readonly Diagnostic[], lang: Lang) {
  return {
    heading: provisionalHeading(cells, lang),
    cellsInError: cells.length,
    cells: cells.map((d) => ({ code: d.code, file: d.file ?? null, line: d.line ?? null, column: d.column ?? null, unit: d.args.unit ?? null, indicator: d.args.indicator ?? null, message: message(d, lang) })),
  };
}

/** The provisional mark as lines of text: the heading, what it means, the cells (the first `limit`). */
export function provisionalLines(cells: readonly Diagnostic[], lang: Lang, limit = 20): { heading: string; note: string; cells: string[] } {
  const shownCells = cells.slice(0, limit).map((d) => provisionalCell(d, lang));
  if (cells.length > limit) shownCells.push(`… ${cells.length - limit} ${t("provisional.more", lang)}`);
  return { heading: provisionalHeading(cells, lang), note: t("provisional.note", lang), cells: shownCells };
}
