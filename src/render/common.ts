// Shared by the renderers: number display, machine numbers, and CSV cells that a spreadsheet
// cannot mistake for formulas.
import type { Band, Criteria, Lang } from "../model/criteria.ts";
import { text } from "../model/criteria.ts";
import type { Diagnostic } from "../diag/diagnostic.ts";
import { decimalFor, location, message } from "../diag/format.ts";
import { t } from "./labels.ts";
import { fixedDigits } from "../engine/stats.ts";

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
  return fixedFor(x, decimals, lang);
}

/**
 * decimalFor(x.toFixed(d), lang): the same text, written from engine/stats.ts fixedDigits where
 * that is sure, without toFixed's exact decimal arithmetic (a report writes a figure per unit and
 * column: 100,000 of them for a national set). test/render/common.test.ts holds it to toFixed.
 */
export function fixedFor(x: number, d: number, lang: Lang): string {
  const n = fixedDigits(x, d);
  if (n < 0) return decimalFor(x.toFixed(d), lang);
  // (toFixed writes the sign of every negative x, "-0.00" too, and none for -0)
  const sign = x < 0 ? "-" : "";
  if (d === 0) return `${sign}${n}`;
  const p = POW10[d] as number;
  let whole = Math.floor(n / p);
  if (whole * p > n) whole--;
  const frac = n - whole * p;
  return `${sign}${whole}${lang === "vi" ? "," : "."}${frac >= p / 10 ? String(frac) : String(frac).padStart(d, "0")}`;
}

/** (the one definition lives beside the messages, which write numbers in the language too) */
export { decimalFor } from "../diag/format.ts";

/** A number for machines: full precision without binary noise (0.1 + 0.2 is written 0.3). */
export function machine(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  // an integer of 15 digits or fewer already is its 15-digit form (and is most maxima and ranks)
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x === 0 ? 0 : x;
  // r / 10^d of two exact integers is the double nearest that decimal: Number() of its text
  if (fastDecimal(x)) return x < 0 ? -(decimalDigits / (POW10[decimalScale] as number)) : decimalDigits / (POW10[decimalScale] as number);
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
  if (fastDecimal(x)) return decimalText(x < 0);
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

/** The most bytes writeMachineNumber writes: a sign, 15 digits, a point and an exponent, with room. */
export const NUMBER_ROOM = 32;

/**
 * machineText(x) as ASCII bytes into `buf` at `at`, with `point` for its decimal point (46 ".",
 * 44 ","): a CSV's number without a string. Null, NaN and infinities write nothing, as
 * machineText does. Needs NUMBER_ROOM bytes free; returns where the number ends.
 */
export function writeMachineNumber(buf: Uint8Array, at: number, x: number | null, point: number): number {
  if (x === null || !Number.isFinite(x)) return at;
  if (Number.isInteger(x) && x < 1e15 && x > -1e15) {
    // (-0 is written 0, as String() writes it)
    if (x < 0) buf[at++] = 45;
    const v = x < 0 ? -x : x;
    return writeDigits(buf, at, v, digitCount(v));
  }
  if (fastDecimal(x)) {
    if (x < 0) buf[at++] = 45;
    const scale = POW10[decimalScale] as number;
    const whole = Math.floor(decimalDigits / scale);
    const frac = decimalDigits - whole * scale;
    at = writeDigits(buf, at, whole, digitCount(whole));
    if (frac === 0) return at;
    buf[at++] = point;
    // the decimals, zeros first where the fraction is small (0.05)
    return writeDigits(buf, at, frac, decimalScale);
  }
  // (the rare number fastDecimal leaves to toPrecision: below 10^-6, from 10^15, or near a tie)
  const s = machineText(x);
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    buf[at++] = ch === 46 ? point : ch;
  }
  return at;
}

/**
 * writeMachineNumber(decodeDecimal(digits, scale)), written from the digits themselves: a value
 * the loader kept as decimal digits (model/columns.ts) without a double to take apart. The
 * double nearest a decimal of 15 digits or fewer reads back at 15 digits as that decimal
 * (trailing zeros dropped), and machineText writes it without an exponent from 10^-6 up: so
 * here for a scale of 6 or less (any other, writeMachineNumber). |digits| below 2^31.
 */
export function writeDecimalDigits(buf: Uint8Array, at: number, digits: number, scale: number, point: number): number {
  if (scale > 6) return writeMachineNumber(buf, at, digits / (POW10[scale] as number), point);
  if (digits < 0) {
    buf[at++] = 45;
    digits = -digits;
  }
  // the trailing zeros of the fraction off
  while (scale > 0 && digits % 10 === 0) {
    digits /= 10;
    scale--;
  }
  if (scale === 0) return writeDigits(buf, at, digits, digitCount(digits));
  const unit = POW10[scale] as number;
  const whole = Math.floor(digits / unit);
  at = writeDigits(buf, at, whole, digitCount(whole));
  buf[at++] = point;
  // the decimals, zeros first where the fraction is small (0.05)
  return writeDigits(buf, at, digits - whole * unit, scale);
}

/** How many digits a whole number (0 to 10^15) has. */
function digitCount(v: number): number {
  let n = 1;
  for (let p = 10; p <= v; p *= 10) n++;
  return n;
}

/** A whole number (0 to 10^15) as n ASCII digits, zeros first where it has fewer: returns the end. */
function writeDigits(buf: Uint8Array, at: number, v: number, n: number): number {
  let end = at + n;
  // in integer arithmetic, 8 digits at a time (a double's % and / are slower)
  while (v >= 1e8) {
    const q = Math.floor(v / 1e8);
    let lo = (v - q * 1e8) | 0;
    for (let i = end - 1; i >= end - 8; i--) {
      buf[i] = 48 + (lo % 10);
      lo = (lo / 10) | 0;
    }
    end -= 8;
    v = q;
  }
  let w = v | 0;
  for (let i = end - 1; i >= at; i--) {
    buf[i] = 48 + (w % 10);
    w = (w / 10) | 0;
  }
  return at + n;
}

// 10^k as doubles, exact, for k from 0 to 22
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
// 2^27 + 1: splits a double into two halves whose products are exact (Veltkamp)
const SPLIT = 134217729;
// fastDecimal's answer: |x| written at 15 significant digits is decimalDigits × 10^-decimalScale
let decimalDigits = 0;
let decimalScale = 0;

/**
 * Whether x, written at 15 significant digits (toPrecision(15), what machine() keeps), is found
 * without toPrecision's exact arithmetic, which is slow: then |that decimal| = decimalDigits ×
 * 10^-decimalScale, at the least scale (0 to 20: 2558.7200000000003 is 255872 at scale 2). Exact,
 * not a guess: the 15 digits are r = round(|x| × 10^(14 - e)), 10^e <= |x| < 10^(e + 1), with the
 * product's rounding error found exactly; near a tie, where that arithmetic cannot be sure, the
 * answer is no, and toPrecision decides. test/render/common.test.ts holds it to toPrecision(15).
 */
function fastDecimal(x: number): boolean {
  const a = x < 0 ? -x : x;
  if (!(a >= 1e-6 && a < 1e15)) return false;
  // d = 14 - e, with 10^e <= a < 10^(e + 1): the least d with a × 10^d >= 10^14, by halving (a
  // few comparisons cost less than Math.log10)
  let lo = 0;
  let hi = 20;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a * (POW10[mid] as number) >= 1e14) hi = mid;
    else lo = mid + 1;
  }
  let d = lo;
  // a × 10^d (< 10^15) is y + err exactly (Dekker's product: 10^d is exact)
  const t = POW10[d] as number;
  const y = a * t;
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * t;
  const th = c - (c - t);
  const tl = t - th;
  const err = ah * th - y + ah * tl + al * th + al * tl;
  // y's unit in the last place is at least 2^-6, so y - r is exact, and |err| is below 2^-4: the
  // sum is within 2^-53 of a × 10^d - r. Where y itself was rounded to a half, err says which
  // neighbour is nearer; then r is the nearest integer unless a × 10^d is near a half
  let r = Math.round(y);
  let off = y - r + err;
  if (off < -0.5) (r -= 1), (off += 1);
  else if (off > 0.5) (r += 1), (off -= 1);
  if (!(off < 0.4999999 && off > -0.4999999)) return false;
  // the trailing zeros off (at most 14 of them, and never past the point): r / 10^k is exact
  // where 10^k divides r, and else at least 10^-15 of r off any integer, never rounded to one
  let q = r / 1e8;
  if (d >= 8 && q === Math.floor(q)) (r = q), (d -= 8);
  q = r / 1e4;
  if (d >= 4 && q === Math.floor(q)) (r = q), (d -= 4);
  q = r / 100;
  if (d >= 2 && q === Math.floor(q)) (r = q), (d -= 2);
  q = r / 10;
  if (d >= 1 && q === Math.floor(q)) (r = q), (d -= 1);
  decimalDigits = r;
  decimalScale = d;
  return true;
}

/** The text of fastDecimal's decimal: 255872 at scale 2 is 2558.72. */
function decimalText(negative: boolean): string {
  const scale = POW10[decimalScale] as number;
  // (both parts exact: the digits are at most 10^15, the scale an exact power of ten)
  const whole = Math.floor(decimalDigits / scale);
  const frac = decimalDigits - whole * scale;
  let t: string;
  if (frac === 0) t = String(whole);
  else if (decimalScale <= 8) t = `${whole}.${String(frac).padStart(decimalScale, "0")}`;
  else {
    // (in two halves of at most 8 digits: small integers are written faster than large doubles)
    const hi = Math.floor(frac / 1e8);
    t = `${whole}.${String(hi).padStart(decimalScale - 8, "0")}${String(frac - hi * 1e8).padStart(8, "0")}`;
  }
  return negative ? `-${t}` : t;
}

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
  if (plainMd(s)) return s;
  // eslint-disable-next-line no-control-regex
  if (!/[\\`*_{}[\]<>|~$&#!\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s) && s === s.trim()) return s;
  return inert(s.replace(/\r\n|[\r\n\u2028\u2029\t]/g, " "))
    .replace(/[\\`*_{}[\]<>|~$&#!]/g, (ch) => `\\${ch}`)
    .trim();
}

/**
 * A Markdown table of texts from the data, each escaped (mdText): a header row, the rule (`---:`
 * where `right`: figures), then the rows. compare, audit and sensitivity write theirs with it;
 * the report's long tables have their own writer (render/markdown.ts mdTable).
 */
export function mdGrid(head: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdText).join(" | ")} |`;
  return [line(head), `| ${right.map((r) => (r ? "---:" : "---")).join(" | ")} |`, ...rows.map(line)].join("\n");
}

// the ASCII characters mdText escapes or removes: Markdown's and HTML's, and the controls
const MD_ASCII = new Uint8Array(128);
for (const ch of "\\`*_{}[]<>|~$&#!\u007f") MD_ASCII[ch.charCodeAt(0)] = 1;
MD_ASCII.fill(1, 0, 0x20);
/** Whether `c` is one of the spaces trim() removes that plainMd does not already refuse (Unicode's Zs, and U+FEFF). */
const edgeSpace = (c: number): boolean => c === 0x20 || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));

/**
 * True when mdText leaves `s` as it is, found by a walk over its characters (a report has
 * hundreds of thousands of cells, most of them plain): nothing mdText escapes or removes, and
 * nothing trim() takes off its ends. False where unsure: mdText then decides.
 */
export function plainMd(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 ? MD_ASCII[c] === 1 : c <= 0x9f || c === 0x2028 || c === 0x2029) return false;
  }
  return n === 0 || !(edgeSpace(s.charCodeAt(0)) || edgeSpace(s.charCodeAt(n - 1)));
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
