// What every table's rows are read with (tables.ts, rows/rows.ts, rows/assemble.ts): a cell
// into a typed value (readCell), the wide layout of a header, the period chosen, the units'
// attributes, and the checks on columns, unit names and levels. Pure over its inputs.
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import type { DiagCode } from "../diag/messages.ts";
import { compareCodes } from "../engine/rank.ts";
import { normaliseCategory } from "../engine/rules.ts";
import { dataColumns, unitScale, type Criteria, type IndicatorNode } from "../model/criteria.ts";
import type { Cell, Source } from "../model/data.ts";
import { closest, fold } from "../util/similar.ts";
import { normKey } from "./dialect.ts";
import type { Assessment } from "./manifest.ts";
import { isEmpty, isNotApplicable, isSpreadsheetError, ratioValue, readBoolean, readNumber, type Decimal } from "./values.ts";
import { attributeKey } from "../model/yesno.ts";

/** The unit attributes a loader keeps: those the criteria read (peer groups, `applies: where`), those the manifest declares (`columns.attributes`: a crosswalk's weight) and its `unranked: attribute`. */
export function keptAttributes(criteria: Criteria, s: Pick<Assessment, "unranked" | "columns">): string[] {
  const u = s.unranked?.attribute;
  return [...new Set([...criteria.attributes.map((a) => a.name), ...s.columns.attributes.map(normKey), ...(u === undefined ? [] : [normKey(u)])])];
}

/**
 * Why a unit is assessed and not ranked (manifest \`unranked:\`), or undefined: its code listed
 * under \`units:\`, else a filled cell of the registry column \`attribute:\` that is not a "no" (its
 * text is the reason; a plain yes gives none).
 */
export function unrankedReason(s: Pick<Assessment, "unranked">, code: string, cell: string | undefined): string | undefined {
  return listedReasons(s).get(code) ?? attributeReason(cell);
}

/** The reasons of the units listed under `unranked.units`, by code. */
export const listedReasons = (s: Pick<Assessment, "unranked">): Map<string, string> => new Map(Object.entries(s.unranked?.units ?? {}).map(([c, r]) => [normKey(c), r.normalize("NFC").trim()] as const));

/** The reason a filled cell of the `unranked.attribute` column gives ("" for a plain yes), or undefined. */
function attributeReason(cell: string | undefined): string | undefined {
  const text = normKey(cell ?? "");
  if (text === "" || attributeKey(text) === attributeKey(false)) return undefined;
  return attributeKey(text) === attributeKey(true) ? "" : text;
}

/** The first fields of a header, for CSV_NO_CODE_COLUMN. */
export const headerList = (h: string[]): string => (h.length > 6 ? `${h.slice(0, 6).join(", ")}, …` : h.join(", "));

/** A file, or a worksheet of a workbook: what a table or a source is read from. */
export type At = string | { file: string; sheet?: string };

/** A diagnostic's position (or a source's): the sheet and the column only where there is one. */
export const where = (at: At, line: number, column?: number): Source => {
  // (made for every cell read: plain assignments, no spreads)
  const p: Source = typeof at === "string" ? { file: at, line } : { file: at.file, line };
  if (typeof at !== "string" && at.sheet !== undefined) p.sheet = at.sheet;
  if (column !== undefined) p.column = column;
  return p;
};

/** Reads a level cell: empty means the only level (if there is one); an unknown level is reported. */
export function levelReader(levelIds: readonly string[], diagnostics: Diagnostic[]): (raw: string, file: At, line: number, column: number) => string | undefined {
  const singleLevel = levelIds.length === 1 ? levelIds[0] : undefined;
  return (raw, file, line, column) => {
    const l = normKey(raw);
    if (l === "") return singleLevel;
    if (levelIds.includes(l)) return l;
    diagnostics.push(diag("DATA_UNKNOWN_LEVEL", "error", { level: l, known: levelIds.join(", ") }, where(file, line, column)));
    return undefined;
  };
}

const RELATIVE_RULES = new Set(["linear", "relative", "minmax", "zscore"]);

/** Where an indicator is read in a wide row: column indexes, -1 where there is none. */
export interface CellColumns {
  value: number;
  numerator: number;
  denominator: number;
}

/** A cell as read, before it is placed: its column (0-based) instead of a full source. */
export type CellRead = (
  | { kind: "number"; value: number; numerator?: number; denominator?: number; raw: string }
  | { kind: "boolean"; value: boolean; raw: string }
  | { kind: "text"; value: string; raw: string }
  | { kind: "na"; raw: string }
) & { column: number };

/** Reports a problem of a cell: its code, the column (0-based), the message's arguments. */
export type CellProblem = (code: DiagCode, column: number, args: Record<string, string | number>, severity?: "error" | "warning") => void;

/**
 * The period scored: the one asked for (PERIOD_NOT_FOUND when the data has others only), else
 * the latest in the data (PERIOD_LATEST when there are several).
 */
export function choosePeriod(found: ReadonlySet<string>, asked: string | undefined, diagnostics: Diagnostic[]): { period: string | undefined; sorted: string[] } {
  const sorted = [...found].sort(compareCodes);
  if (asked !== undefined) {
    if (found.size > 0 && !found.has(asked)) diagnostics.push(diag("PERIOD_NOT_FOUND", "error", { period: asked, known: sorted.join(", ") }));
    return { period: asked, sorted };
  }
  const period = sorted[sorted.length - 1];
  if (sorted.length > 1) diagnostics.push(diag("PERIOD_LATEST", "note", { count: sorted.length, periods: sorted.join(", "), period: period as string }));
  return { period, sorted };
}

/**
 * What each column of a wide file holds: an indicator's value, numerator or denominator (the
 * first of equal headers only), or nothing the criteria know (CSV_UNKNOWN_COLUMN, with the
 * closest column). Unit fields, ignored and attribute columns are left out.
 */
export function wideColumns(criteria: Criteria, s: Pick<Assessment, "ignore" | "columns">, header: readonly string[], unitFields: ReadonlySet<number>, file: At, diagnostics: Diagnostic[], headerLine = 1): Map<IndicatorNode, CellColumns> {
  const byColumn = readColumns(criteria);
  const ignore = new Set(s.ignore.map(normKey));
  const attributes = new Set(s.columns.attributes.map(normKey));
  const layout = new Map<IndicatorNode, CellColumns>();
  const names = columnNames(criteria, header, byColumn);
  header.forEach((written, i) => {
    // a duplicated header is reported by the CSV reader; only its first column is read
    if (unitFields.has(i) || written === "" || ignore.has(written) || attributes.has(written) || header.indexOf(written) !== i) return;
    const h = names[i] as string;
    // (two headers naming one column case aside: the first is read)
    if (h !== written && names.indexOf(h) !== i) return;
    const m = /^(.*)\.(num|den|evidence)$/.exec(h);
    const ind = byColumn.get(h) ?? (m ? byColumn.get(m[1] as string) : undefined);
    if (!ind) {
      const suggestion = closest(h, byColumn.keys())[0];
      diagnostics.push(diag("CSV_UNKNOWN_COLUMN", "warning", { header: h, ...(suggestion ? { suggestion } : {}) }, where(file, headerLine, i + 1)));
      return;
    }
    const l = layout.get(ind) ?? { value: -1, numerator: -1, denominator: -1 };
    if (byColumn.get(h) === ind) l.value = i;
    else if (m?.[2] === "num") l.numerator = i;
    else if (m?.[2] === "den") l.denominator = i;
    layout.set(ind, l);
  });
  return layout;
}

/** Every column the data holds, by its name: the computed indicators' aside (they are computed, not read). */
const readColumns = (criteria: Criteria): Map<string, IndicatorNode> => new Map(dataColumns(criteria).flatMap((ind) => (ind.formula ? [] : [[ind.column, ind] as const])));

/**
 * The column each header names: itself, or a column of the criteria whose name it is but for
 * case (KY-SO, May-Tinh.NUM), where the header holds no column of that exact name and no other
 * column folds to it. Excel users capitalise headers; the column was read as absent (every unit
 * scored by the missing-data policy, two warnings), though what was meant was plain.
 */
export function columnNames(criteria: Criteria, header: readonly string[], byColumn: ReadonlyMap<string, IndicatorNode> = readColumns(criteria)): string[] {
  const caseless = (x: string): string => x.toLocaleLowerCase("vi");
  // a column's name by its caseless form; undefined where two columns share one
  const folded = new Map<string, string | undefined>();
  for (const c of byColumn.keys()) folded.set(caseless(c), folded.has(caseless(c)) ? undefined : c);
  const present = new Set(header);
  return header.map((h) => {
    if (byColumn.has(h)) return h;
    const m = /^(.*)\.(num|den|evidence)$/i.exec(h);
    if (m && byColumn.has(m[1] as string) && m[2] === (m[2] as string).toLowerCase()) return h;
    const column = folded.get(caseless(m ? (m[1] as string) : h));
    if (column === undefined) return h;
    const name = m ? `${column}.${(m[2] as string).toLowerCase()}` : column;
    return present.has(name) ? h : name;
  });
}

/** A cell as read, placed: where it was (its file, line, column and header). */
export function cellOf(r: CellRead, at: At, line: number, header: readonly string[]): Cell {
  // (made for every cell read: where() builds it without spreads)
  const source = where(at, line, r.column + 1);
  source.header = header[r.column] ?? "";
  switch (r.kind) {
    case "number":
      return r.numerator === undefined
        ? { kind: "number", value: r.value, raw: r.raw, source }
        : { kind: "number", value: r.value, numerator: r.numerator, denominator: r.denominator as number, raw: r.raw, source };
    case "boolean":
      return { kind: "boolean", value: r.value, raw: r.raw, source };
    case "text":
      return { kind: "text", value: r.value, raw: r.raw, source };
    default:
      return { kind: "na", raw: r.raw, source };
  }
}

/**
 * Reads one indicator's cell(s) of a row: the value column, or the numerator and denominator
 * columns. Undefined when they are empty, or wrong (the problem is reported). The row writer
 * (load/rows/rows.ts) reads every value here but the plain numbers it recognises first, and
 * cellAt reads a cell again here, so that every value is read, and complained about, one way.
 */
export function readCell(ind: IndicatorNode, cellAt: (i: number) => string, cols: CellColumns, decimal: Decimal, problem: CellProblem): CellRead | undefined {
  const num = cellAt(cols.numerator);
  const den = cellAt(cols.denominator);
  if (!isEmpty(num) || !isEmpty(den)) {
    // a value and a ratio of the same indicator that disagree: which one the typist meant, no
    // reader can tell (a value worked out from them, a formula's, agrees: the ratio is read)
    const beside = cellAt(cols.value);
    if (cols.value >= 0 && !isEmpty(beside) && !agrees(ind, beside, num, den, decimal)) {
      problem("VALUE_AND_RATIO", cols.value, { value: beside.trim(), numerator: num.trim() || "—", denominator: den.trim() || "—", indicator: ind.id });
      return undefined;
    }
    const parts = readRatio(ind, num, den, cols, decimal, problem);
    if (parts === "error") return undefined;
    const column = cols.numerator >= 0 ? cols.numerator : cols.denominator;
    if (parts === "na") return { kind: "na", raw: `${num}/${den}`, column };
    const scale = unitScale(ind);
    return { kind: "number", value: ratioValue(parts.n, parts.d, scale), numerator: parts.n, denominator: parts.d, raw: `${num}/${den}`, column };
  }
  if (cols.value < 0) return undefined;
  const raw = cellAt(cols.value);
  if (isEmpty(raw)) return undefined;
  const column = cols.value;
  if (isNotApplicable(raw)) return { kind: "na", raw, column };
  if (isSpreadsheetError(raw)) {
    problem("VALUE_CELL_ERROR", cols.value, { value: raw.trim() });
    return undefined;
  }
  if (ind.unit === "boolean") {
    const b = readBoolean(raw);
    if (b === undefined) {
      problem("VALUE_NOT_BOOLEAN", cols.value, { value: raw.trim() });
      return undefined;
    }
    return { kind: "boolean", value: b, raw, column };
  }
  if (ind.unit === "text") {
    const value = normKey(raw);
    if (ind.rule.type === "categorical" && ind.rule.otherwise === undefined) {
      const all = ind.rule.categories.flatMap((c) => [c.value, ...(c.aliases ?? [])]);
      const k = normaliseCategory(value);
      if (!all.some((a) => normaliseCategory(a) === k)) {
        problem("VALUE_UNKNOWN_CATEGORY", cols.value, { value, allowed: ind.rule.categories.map((c) => c.value).join(", ") });
        return undefined;
      }
    }
    return { kind: "text", value, raw, column };
  }
  const r = readNumber(raw, decimal);
  if (!r.ok) {
    problem(r.code, cols.value, { value: raw.trim(), ...commaHint(r.code, decimal) });
    return undefined;
  }
  if (r.percent && ind.unit !== "percent" && ind.unit !== "fraction") {
    problem("VALUE_PERCENT_SIGN", cols.value, { value: raw.trim() });
    return undefined;
  }
  let value = r.value;
  if (r.percent && ind.unit === "fraction") value /= 100;
  const bad = numberProblem(ind, value);
  if (bad) {
    problem(bad.code, cols.value, { value: raw.trim(), ...(bad.range ? { range: bad.range } : {}) });
    return undefined;
  }
  return { kind: "number", value, raw, column };
}

/** The numbers an indicator takes without complaint: numberProblem's bounds, inclusive. */
export function numberRange(ind: IndicatorNode): [number, number] {
  if (ind.unit === "percent") return [0, 100];
  if (ind.unit === "fraction") return [0, 1];
  return RELATIVE_RULES.has(ind.rule.type) ? [-Infinity, Infinity] : [0, Infinity];
}

/** What is wrong with a number read for an indicator: out of its unit's range, or negative. */
export function numberProblem(ind: IndicatorNode, value: number): { code: "VALUE_OUT_OF_RANGE" | "VALUE_NEGATIVE"; range?: string } | undefined {
  if (ind.unit === "percent" && (value < 0 || value > 100)) return { code: "VALUE_OUT_OF_RANGE", range: "0–100%" };
  if (ind.unit === "fraction" && (value < 0 || value > 1)) return { code: "VALUE_OUT_OF_RANGE", range: "0–1" };
  if (value < 0 && !RELATIVE_RULES.has(ind.rule.type)) return { code: "VALUE_NEGATIVE" };
  return undefined;
}

function readRatio(
  ind: IndicatorNode,
  num: string,
  den: string,
  cols: { numerator: number; denominator: number },
  decimal: Decimal,
  problem: CellProblem,
): { n: number; d: number } | "na" | "error" {
  if (isNotApplicable(num) || isNotApplicable(den)) return "na";
  if (isEmpty(num) || isEmpty(den)) {
    const emptyCol = isEmpty(num) ? cols.numerator : cols.denominator;
    problem("VALUE_HALF_RATIO", emptyCol >= 0 ? emptyCol : Math.max(cols.numerator, cols.denominator), {
      given: isEmpty(num) ? "denominator" : "numerator",
      missing: isEmpty(num) ? "numerator" : "denominator",
    });
    return "error";
  }
  let bad = false;
  for (const [raw, col] of [[num, cols.numerator], [den, cols.denominator]] as const) {
    if (!isSpreadsheetError(raw)) continue;
    problem("VALUE_CELL_ERROR", col, { value: raw.trim() });
    bad = true;
  }
  if (bad) return "error";
  const n = readNumber(num, decimal);
  const d = readNumber(den, decimal);
  for (const [r, raw, col] of [[n, num, cols.numerator], [d, den, cols.denominator]] as const) {
    if (!r.ok) {
      problem(r.code, col, { value: raw.trim(), ...commaHint(r.code, decimal) });
      bad = true;
    } else if (r.percent) {
      // (a numerator and a denominator are counts: the ratio is the percentage)
      problem("VALUE_PERCENT_SIGN", col, { value: raw.trim() });
      bad = true;
    } else if (r.value < 0) {
      problem("VALUE_NEGATIVE", col, { value: raw.trim() });
      bad = true;
    } else thousandsLike(raw, decimal, r.value, col, problem);
  }
  if (bad || !n.ok || !d.ok) return "error";
  if (d.value === 0) {
    problem("VALUE_ZERO_DENOMINATOR", cols.denominator, {}, "warning");
    return "na";
  }
  if (n.value > d.value && ind.unit !== "number") {
    problem("VALUE_NUM_ABOVE_DEN", cols.numerator, { numerator: n.value, denominator: d.value });
    return "error";
  }
  return { n: n.value, d: d.value };
}

export function checkColumns(a: Assessment, headers: readonly { file: string; header: readonly string[] }[], criteria?: Criteria, registry?: { file: string; header: readonly string[] }): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The attributes `applies: where` reads: a column of the registry, or of a data file when the
  // manifest keeps it (`columns: { attributes }`). Without one, every unit would silently find
  // the node not applicable.
  const kept = new Set(a.columns.attributes.map(normKey));
  for (const attr of criteria?.attributes ?? []) {
    if (attr.use !== "applies") continue;
    if (registry?.header.includes(attr.name)) continue;
    if (kept.has(attr.name) && headers.some((h) => h !== registry && h.header.includes(attr.name))) continue;
    out.push(diag("DATA_ATTRIBUTE_NOT_FOUND", "error", { attribute: attr.name, registry: registry?.file ?? "" }, attr.at));
  }
  for (const [key, at] of Object.entries(a.columnsAt ?? {})) {
    const name = normKey((a.columns as unknown as Record<string, string>)[key] as string);
    if (headers.some((h) => h.header.includes(name))) continue;
    const seen = headers[headers.length - 1];
    out.push(diag("DATA_COLUMN_NOT_FOUND", "error", { key, column: name, file: seen?.file ?? "", headers: (seen?.header ?? []).slice(0, 12).join(", ") }, at ?? {}));
  }
  return out;
}

/**
 * Whether a value typed beside a numerator and a denominator is their ratio, to the decimals it
 * is written with (85.1 beside 87/94, 92.55 beside 87/94...): then it only repeats them.
 */
function agrees(ind: IndicatorNode, value: string, num: string, den: string, decimal: Decimal): boolean {
  const v = readNumber(value, decimal);
  const n = readNumber(num, decimal);
  const d = readNumber(den, decimal);
  if (!v.ok || !n.ok || !d.ok || n.percent || d.percent || !(d.value > 0)) return false;
  const x = v.percent && ind.unit === "fraction" ? v.value / 100 : v.value;
  const ratio = ratioValue(n.value, d.value, unitScale(ind));
  const decimals = /[.,](\d+)\s*%?\s*$/.exec(value.trim())?.[1]?.length ?? 0;
  return Math.abs(x - ratio) <= 0.5 * 10 ** -decimals + 1e-9 * Math.abs(ratio);
}

/** one group of three digits after the decimal separator, and one to three before it (2.154, 1,100) */
const THOUSANDS_LIKE = { ".": /^\+?[1-9]\d{0,2}\.\d{3}$/, ",": /^\+?[1-9]\d{0,2},\d{3}$/ } as const;

/**
 * A numerator or a denominator (a count: of staff, of dossiers) read with three decimals (1.100
 * computers): a number written with a thousands separator under the other convention reads so.
 * Read as written, with a warning at the cell (DOMAIN.md: a real file turned 2154 procedures into
 * 2.154). A value column is left alone: days and amounts have three decimals of their own.
 */
function thousandsLike(raw: string, decimal: Decimal, value: number, column: number, problem: CellProblem): void {
  const s = raw.trim();
  if (!THOUSANDS_LIKE[decimal].test(s)) return;
  // (texts: whole numbers as they are, never written with a separator of either kind)
  const [below, above] = [Math.trunc(value), Math.trunc(value) + 1];
  problem("VALUE_LOOKS_LIKE_THOUSANDS", column, { value: s, below: String(below), above: String(above), thousands: String(Math.round(value * 1000)) }, "warning");
}

/** A number that could not be read is told how to write one in the data's own convention: under `decimal: ","`, 85,5. */
const commaHint = (code: string, decimal: Decimal): { decimal?: string } => (code === "VALUE_NOT_A_NUMBER" && decimal === "," ? { decimal } : {});

/** A data file as the checks after loading see it: its header, and the levels of the units its rows gave. */
export interface FileFeed {
  file: string;
  /** where its header is (a workbook's sheet and header row) */
  at?: Source;
  header: readonly string[];
  levels: ReadonlySet<string>;
}

/**
 * Indicators that apply to a level but have no column (value, `.num` or `.den`) in any file that
 * feeds the level: a deleted column would score every unit of the level by the missing-data
 * policy, in silence. A warning (an error under --strict) at the first such file's header, naming
 * the files, the column, the units affected and the points at stake. A long-format file names its
 * indicators row by row: a level it feeds is not checked.
 */
export function checkAbsentColumns(criteria: Criteria, s: Pick<Assessment, "columns">, feeds: readonly FileFeed[], unitsOfLevel: ReadonlyMap<string, number>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const longColumn = normKey(s.columns.indicator);
  // each file's headers as the columns they name (KY-SO is ky-so), once per file
  const byColumn = readColumns(criteria);
  const named = new Map(feeds.map((f) => [f, columnNames(criteria, f.header, byColumn)] as const));
  for (const level of criteria.levels) {
    const units = unitsOfLevel.get(level.id) ?? 0;
    const files = feeds.filter((f) => f.levels.has(level.id));
    if (units === 0 || files.length === 0 || files.some((f) => f.header.includes(longColumn))) continue;
    const present = new Set<string>();
    for (const f of files) for (const h of named.get(f) ?? []) present.add(h.replace(/\.(num|den)$/, ""));
    for (const ind of criteria.indicators) {
      const max = ind.maxByLevel.get(level.id);
      // (a roll-up reads the units below, not a column)
      if (max === undefined || ind.rule.type === "rollup" || present.has(ind.column)) continue;
      out.push(diag("DATA_COLUMN_ABSENT", "warning", { column: ind.column, indicator: ind.id, level: level.id, units, points: Math.abs(max), files: files.map((f) => f.file).join(", ") }, (files[0] as FileFeed).at ?? where((files[0] as FileFeed).file, 1)));
    }
  }
  return out;
}

const NAME_PREFIX = /^(?:uy ban nhan dan|ubnd|thi tran|thi xa|thanh pho|tp|xa|phuong|huyen|quan|so|tinh)\b\.?\s*/;

/** A unit's name as compared: accents, case, punctuation and the "Xã/Phường/Huyện/Sở…" prefix aside. */
export function nameKey(name: string): string {
  let k = fold(name).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  for (let next = k.replace(NAME_PREFIX, ""); next !== k && next !== ""; next = k.replace(NAME_PREFIX, "")) k = next;
  return k;
}

/** The registry's units by their name's key, for DATA_UNIT_NAME_MISMATCH and DATA_UNKNOWN_UNIT. */
export function namesIndex(entries: Iterable<[code: string, name: string]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [code, name] of entries) {
    const k = nameKey(name);
    // a name two units share names neither
    if (k !== "" && name !== code) out.set(k, out.has(k) ? "" : code);
  }
  return out;
}

/**
 * A data row that names its unit: the name must be the registry's for that code (a row copied
 * from another unit keeps the other's name); a warning naming the unit the name belongs to.
 *
 */
export function checkUnitName(code: string, rowName: string, registered: string, names: ReadonlyMap<string, string>, at: Source): Diagnostic | undefined {
  if (rowName === "" || registered === code) return undefined;
  const k = nameKey(rowName);
  if (k === "" || k === nameKey(registered)) return undefined;
  const owner = names.get(k);
  return diag("DATA_UNIT_NAME_MISMATCH", "warning", { unit: code, name: rowName, registered, ...(owner && owner !== code ? { owner } : {}) }, at);
}

/** The code to suggest for an unknown one: the unit the row's name belongs to, else the closest code. */
export function suggestUnit(code: string, rowName: string, names: ReadonlyMap<string, string>, codes: Iterable<string>): string | undefined {
  const byName = rowName === "" ? undefined : names.get(nameKey(rowName));
  return byName || closest(code, codes)[0];
}
