// Empty forms made from the criteria: the units registry, a wide data file per level, the
// long-form file, and the form one unit fills in (`egov-score template`). Every one is CSV
// through csvDocument, so --excel and the other conventions hold; headers are what the loaders
// read back.
import type { ColumnNames } from "../load/manifest.ts";
import { dataColumns, readsData, text, type Criteria, type IndicatorNode, type Lang } from "../model/criteria.ts";
import { csvDocument, defaultCsv, type CsvCell, type CsvOptions, type RenderOptions } from "./common.ts";
import { ruleText } from "./criteria.ts";

/** The columns a unit of `level` reports figures for: the indicators that apply there and read
 * data (not roll-ups, not computed ones), then the inputs that the computed ones read there. */
export function dataIndicators(c: Criteria, level: string): IndicatorNode[] {
  return dataColumns(c).filter((i) => i.maxByLevel.has(level) && readsData(i));
}

const needsLevel = (c: Criteria): boolean => c.levels.length > 1;
const parentOf = (c: Criteria, level: string): string | undefined => c.levels.find((l) => l.id === level)?.parent;

/** The registry's header: code and name; the level when there are several; the parent when a level has one; the peer-group attributes. */
export function unitFields(c: Criteria): string[] {
  const attrs = c.levels.flatMap((l) => (l.peers.by === "attribute" && l.peers.attribute ? [l.peers.attribute] : []));
  return ["code", "name", ...(needsLevel(c) ? ["level"] : []), ...(c.levels.some((l) => l.parent) ? ["parent"] : []), ...new Set(attrs)];
}

export function unitsTemplate(c: Criteria, o: CsvOptions = defaultCsv): string {
  return csvDocument([unitFields(c)], o);
}

/**
 * A wide file for one level: the unit fields (so that a row stands on its own while the registry
 * is empty), then one column per indicator that applies at the level.
 */
export function wideTemplate(c: Criteria, level: string, o: CsvOptions = defaultCsv): string {
  const fields = ["code", "name", ...(needsLevel(c) ? ["level"] : []), ...(parentOf(c, level) ? ["parent"] : [])];
  return csvDocument([[...fields, ...dataIndicators(c, level).map((i) => i.column)]], o);
}

export const LONG_COLUMNS = ["code", "indicator", "value", "numerator", "denominator", "evidence"] as const;

export function longTemplate(o: CsvOptions = defaultCsv): string {
  return csvDocument([[...LONG_COLUMNS]], o);
}

const HINT = {
  vi: {
    percent: "tỉ lệ %, từ 0 đến 100",
    fraction: "tỉ lệ, từ 0 đến 1",
    number: "số",
    boolean: "có/không",
    text: (v: string) => `một trong: ${v}`,
    ratio: "hoặc điền tử số và mẫu số",
    lower: "càng thấp càng tốt",
    bonus: "điểm thưởng",
    penalty: "điểm trừ",
    input: "số liệu để tính chỉ số, không chấm điểm riêng",
  },
  en: {
    percent: "percent, 0 to 100",
    fraction: "a fraction, 0 to 1",
    number: "a number",
    boolean: "yes/no (có/không)",
    text: (v: string) => `one of: ${v}`,
    ratio: "or fill in the numerator and the denominator",
    lower: "lower is better",
    bonus: "bonus",
    penalty: "penalty",
    input: "a figure that computed indicators read, not scored itself",
  },
} as const;

/** What to write in an indicator's value cell: its unit, and the rule where it says more. */
export function valueHint(ind: IndicatorNode, lang: Lang): string {
  const h = HINT[lang];
  const r = ind.rule;
  const parts: string[] = [];
  if (ind.unit === "text") parts.push(h.text(r.type === "categorical" ? r.categories.map((x) => x.value).join(", ") : "…"));
  else parts.push(h[ind.unit]);
  if (ind.unit === "percent" && (r.type === "ratio" || r.type === "target")) parts.push(h.ratio);
  if (r.type === "target" || r.type === "steps" || r.type === "linear") parts.push(ruleText(r, lang).replace(/, (lower is better|càng thấp càng tốt)$/, ""));
  if (ind.direction === "lower") parts.push(h.lower);
  if (ind.role !== "score") parts.push(h[ind.role]);
  return parts.join("; ");
}

export interface UnitForm {
  criteria: Criteria;
  unit: { code: string; name: string; level: string; parent?: string };
  /** the headers the assessment reads, from its manifest */
  columns: ColumnNames;
}

/**
 * The long-form file one unit fills in: a row per indicator that applies at its level, with the
 * unit's code, name and level filled in, the indicator's label, a hint and the maximum, and
 * empty cells for the value (or the numerator and denominator) and the evidence. Read back as it
 * is, the extra columns (label, hint, max) are ignored.
 */
export function templateCsv(f: UnitForm, o: RenderOptions): string {
  const { criteria: c, unit: u, columns: col } = f;
  const withParent = parentOf(c, u.level) !== undefined;
  const head = [col.code, col.name, ...(needsLevel(c) ? [col.level] : []), ...(withParent ? [col.parent] : []), col.indicator, "label", "hint", "max", col.value, col.numerator, col.denominator, col.evidence];
  const rows: CsvCell[][] = [head];
  for (const ind of dataIndicators(c, u.level)) {
    rows.push([
      u.code,
      u.name,
      ...(needsLevel(c) ? [u.level] : []),
      ...(withParent ? [u.parent ?? ""] : []),
      ind.id,
      text(ind.label, o.lang, ind.id),
      valueHint(ind, o.lang),
      ind.role === "input" ? null : (ind.maxByLevel.get(u.level) ?? null),
      "",
      "",
      "",
      "",
    ]);
  }
  return csvDocument(rows, o.csv);
}
