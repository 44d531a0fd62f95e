// Empty forms made from the criteria: the units registry, a wide data file per level, the
// long-form file, and the form one unit fills in (`egov-score template`). Every one is CSV
// through csvDocument, so --excel and the other conventions hold; headers are what the loaders
// read back.
import type { ColumnNames } from "../load/manifest.ts";
import { dataColumns, readsData, ruleMaxAt, text, type Criteria, type IndicatorNode, type Lang } from "../model/criteria.ts";
import { csvDocument, defaultCsv, type CsvCell, type CsvOptions, type RenderOptions } from "./common.ts";
import { ruleText } from "./criteria.ts";
import { numberRange } from "../load/data.ts";
import { FORM_SHEETS } from "../model/form.ts";

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
  period?: string;
}

/** The form of a whole level (`template --level`): one row per unit, wide; no units for an empty template (`init --xlsx`). */
export interface LevelForm {
  criteria: Criteria;
  level: string;
  units: { code: string; name: string; parent?: string }[];
  columns: ColumnNames;
  period?: string;
}

/** The long-form template of `init --xlsx`: no unit yet, one row per unit and indicator. */
export interface LongForm {
  criteria: Criteria;
  long: true;
  columns: ColumnNames;
}

export type Form = UnitForm | LevelForm | LongForm;

// ---------------------------------------------------------------------------------------------
// The forms as a model: what the CSV templates write, and what the workbook renderer
// (render/xlsx-form.ts) lays out with its instructions, validations and locks. One model, so
// that a workbook has the headers the CSV has, which are what the loaders read.

/** What a value cell accepts: a list (yes/no, categories), or a number in a range, whole or not. */
export type Validation = { type: "list"; values: string[] } | { type: "decimal" | "whole"; min?: number; max?: number };

export interface FormCell {
  value: string | number | null;
  /** a cell the unit fills in (unlocked) */
  input?: boolean;
  validation?: Validation;
}

export interface FormColumn {
  header: string;
  /** a column the unit fills in; otherwise a label, locked */
  input: boolean;
  /** the width in characters the column needs to be read */
  width: number;
  /** for the empty rows of a template: what the whole column accepts */
  validation?: Validation;
}

export interface FormModel {
  /** the lines above the header */
  title: string[];
  /** rows between the title and the header, describing each column: a caption (in the column before the first described one) and a cell per column */
  describe: { caption: string; cells: (string | number | null)[] }[];
  columns: FormColumn[];
  rows: FormCell[][];
  /** columns kept in view when scrolling right */
  freezeColumns: number;
  /** empty rows for a template without units, their cells open and validated as their column says */
  blankRows: number;
  /** the instructions, one paragraph a line */
  instructions: string[];
}

/** A count: a number written whole, as the thresholds of its steps are (meetings, incidents). */
function isCount(ind: IndicatorNode): boolean {
  const r = ind.rule;
  return ind.unit === "number" && r.type === "steps" && r.steps.every((x) => [x.atLeast, x.atMost].every((v) => v === undefined || Number.isInteger(v)));
}

const YES_NO = { vi: ["có", "không"], en: ["yes", "no"] } as const;

/**
 * What an indicator's value cell accepts at a level: the words a reader reads as yes and no, the
 * categories, or the range of its unit; points (the `points` rule) up to the maximum the engine
 * caps them at.
 */
export function valueValidation(ind: IndicatorNode, lang: Lang, level: string): Validation | undefined {
  const r = ind.rule;
  if (r.type === "categorical") return { type: "list", values: r.categories.map((c) => c.value) };
  if (ind.unit === "boolean" || r.type === "boolean") return { type: "list", values: [...YES_NO[lang]] };
  if (ind.unit === "text") return undefined;
  const [min, unitMax] = numberRange(ind);
  const levelMax = ind.maxByLevel.get(level);
  // (an input's rule is never applied: its figure has no maximum)
  const max = r.type === "points" && ind.role !== "input" && levelMax !== undefined ? Math.min(unitMax, ruleMaxAt(ind, level, levelMax)) : unitMax;
  const range = { ...(Number.isFinite(min) ? { min } : {}), ...(Number.isFinite(max) ? { max } : {}) };
  if (isCount(ind)) return { type: "whole", ...range };
  return range.min === undefined && range.max === undefined ? undefined : { type: "decimal", ...range };
}

/** What a numerator or denominator cell accepts: counts for a share (percent, fraction), numbers of 0 or more otherwise; none where a value is no number. */
export function ratioValidation(ind: IndicatorNode): Validation | undefined {
  if (ind.unit === "boolean" || ind.unit === "text" || ind.rule.type === "boolean" || ind.rule.type === "categorical") return undefined;
  return { type: ind.unit === "percent" || ind.unit === "fraction" ? "whole" : "decimal", min: 0 };
}

const levelLabel = (c: Criteria, level: string, lang: Lang): string => {
  const l = c.levels.find((x) => x.id === level);
  return l ? `${text(l.label, lang, l.id)} (${l.id})` : level;
};

const W = {
  vi: {
    form: "Biểu mẫu số liệu",
    unit: "Đơn vị",
    level: "Cấp",
    period: "Kỳ đánh giá",
    criteria: "Bộ tiêu chí",
    label: "Chỉ số",
    hint: "Cách ghi",
    max: "Điểm tối đa",
    evidence: "tài liệu kiểm chứng",
    steps: "Cách điền",
  },
  en: {
    form: "Data form",
    unit: "Unit",
    level: "Level",
    period: "Period",
    criteria: "Criteria",
    label: "Indicator",
    hint: "What to write",
    max: "Maximum",
    evidence: "evidence",
    steps: "How to fill it in",
  },
} as const;

function formTitle(c: Criteria, lang: Lang): string {
  return `${W[lang].form}: ${text(c.title, lang, c.id)}`;
}

function factsLine(c: Criteria, lang: Lang, first: string, period: string | undefined): string {
  return [first, period ? `${W[lang].period}: ${period}` : "", `${W[lang].criteria}: ${c.id} v${c.version}`].filter(Boolean).join(" · ");
}

/** The instructions of a form, in the run's language: how to fill it in and send it back. */
function instructions(c: Criteria, lang: Lang, facts: string, layout: "unit" | "level" | "long", headerRow: number, sheet: string): string[] {
  const vi = lang === "vi";
  const na = vi ? "“-” hoặc “không áp dụng”" : "“-” or “N/A”";
  const lines = [formTitle(c, lang), facts, "", W[lang].steps];
  const steps = vi
    ? [
        layout === "unit"
          ? `Điền vào trang “${sheet}”: mỗi dòng một chỉ số áp dụng cho đơn vị. Chỉ các ô trắng (giá trị, tử số, mẫu số, tài liệu kiểm chứng) được sửa; các cột tô xám đã khóa.`
          : layout === "level"
            ? `Điền vào trang “${sheet}”: mỗi dòng một đơn vị, mỗi chỉ số một cột giá trị và một cột tài liệu kiểm chứng (tên cột kết thúc bằng .evidence). Tên chỉ số, cách ghi và điểm tối đa ở các dòng phía trên dòng tiêu đề.`
            : `Điền vào trang “${sheet}”: mỗi dòng một đơn vị và một chỉ số (mã đơn vị, mã chỉ số, giá trị hoặc tử số và mẫu số, tài liệu kiểm chứng).`,
        `Dòng ${headerRow} (tô đậm) là dòng tiêu đề mà egov-score đọc: không sửa, không thêm, xóa hay đổi thứ tự cột, không đổi tên trang.`,
        "Số: ghi số (85 hoặc 85,5). Tỉ lệ % ghi từ 0 đến 100 (85 hoặc 85%); với chỉ số tỉ lệ có thể điền tử số và mẫu số thay cho giá trị.",
        "Có/không và các lựa chọn: chọn trong danh sách của ô.",
        `Không áp dụng: ghi ${na} (Excel hỏi xác nhận vì giá trị nằm ngoài danh sách, chọn Có). Ô để trống là thiếu số liệu.`,
        "Tài liệu kiểm chứng: số, ngày và trích yếu văn bản, hoặc đường dẫn tới tài liệu.",
        "Lưu dưới dạng Excel (.xlsx) và gửi lại tệp: đặt vào thư mục dữ liệu của kỳ đánh giá, egov-score đọc trực tiếp; chạy egov-score validate để kiểm tra.",
      ]
    : [
        layout === "unit"
          ? `Fill in the sheet “${sheet}”: one row per indicator that applies to the unit. Only the white cells (value, numerator, denominator, evidence) can be edited; the grey columns are locked.`
          : layout === "level"
            ? `Fill in the sheet “${sheet}”: one row per unit; per indicator, a column for its value and one for its evidence (its header ends in .evidence). The indicators' names, what to write and their maxima are in the rows above the header.`
            : `Fill in the sheet “${sheet}”: one row per unit and indicator (the unit's code, the indicator's id, the value or the numerator and denominator, the evidence).`,
        `Row ${headerRow} (bold) is the header egov-score reads: do not edit it, do not add, delete or reorder columns, do not rename the sheet.`,
        "Numbers: write the figure (85 or 85.5). Percentages from 0 to 100 (85 or 85%); for a ratio indicator the numerator and denominator can be given instead of the value.",
        "Yes/no and categories: pick from the cell's list.",
        `Not applicable: write ${na} (Excel asks to confirm a value outside its list: answer Yes). An empty cell is a missing value.`,
        "Evidence: the document's number, date and title, or a link to it.",
        "Save as an Excel workbook (.xlsx) and send the file back: it goes into the assessment's data folder as it is, and egov-score reads it; egov-score validate checks it.",
      ];
  steps.forEach((x, i) => lines.push(`${i + 1}. ${x}`));
  return lines;
}


const width = (...texts: (string | number | null | undefined)[]): number => Math.min(60, Math.max(8, ...texts.map((x) => [...String(x ?? "")].length + 2)));

/**
 * One unit's long-form form: a row per indicator that applies at its level, with the unit's
 * code, name and level filled in, the indicator's label, a hint and the maximum, and empty cells
 * for the value (or the numerator and denominator) and the evidence. Read back as it is, the
 * extra columns (label, hint, max) are ignored.
 */
export function unitFormModel(f: UnitForm, lang: Lang): FormModel {
  const { criteria: c, unit: u, columns: col } = f;
  const withParent = parentOf(c, u.level) !== undefined;
  const head = [col.code, col.name, ...(needsLevel(c) ? [col.level] : []), ...(withParent ? [col.parent] : []), col.indicator, "label", "hint", "max", col.value, col.numerator, col.denominator, col.evidence];
  const inputs = new Set([col.value, col.numerator, col.denominator, col.evidence]);
  const inds = dataIndicators(c, u.level);
  const rows: FormCell[][] = inds.map((ind) => {
    const ratio = ratioValidation(ind);
    const value = valueValidation(ind, lang, u.level);
    return [
      { value: u.code },
      { value: u.name },
      ...(needsLevel(c) ? [{ value: u.level }] : []),
      ...(withParent ? [{ value: u.parent ?? "" }] : []),
      { value: ind.id },
      { value: text(ind.label, lang, ind.id) },
      { value: valueHint(ind, lang) },
      { value: ind.role === "input" ? null : (ind.maxByLevel.get(u.level) ?? null) },
      { value: "", input: true, ...(value ? { validation: value } : {}) },
      { value: "", input: ratio !== undefined, ...(ratio ? { validation: ratio } : {}) },
      { value: "", input: ratio !== undefined, ...(ratio ? { validation: ratio } : {}) },
      { value: "", input: true },
    ];
  });
  const widths = head.map((h, i) => width(h, ...rows.map((r) => r[i]?.value)));
  const facts = factsLine(c, lang, `${W[lang].unit}: ${u.code} – ${u.name} · ${W[lang].level}: ${levelLabel(c, u.level, lang)}`, f.period);
  const title = [formTitle(c, lang), facts];
  return {
    title,
    describe: [],
    columns: head.map((h, i) => ({ header: h, input: inputs.has(h), width: h === "hint" ? Math.min(48, widths[i] ?? 8) : h === col.evidence ? 36 : (widths[i] ?? 8) })),
    rows,
    freezeColumns: 0,
    blankRows: 0,
    instructions: instructions(c, lang, facts, "unit", title.length + 2, FORM_SHEETS[lang].data),
  };
}

/**
 * A level's wide form: the unit fields, then per indicator that applies and reads data its
 * column (the header the CSV template has) and its evidence column (`<column>.evidence`); the
 * indicators' labels, hints and maxima in the rows above the header. Units of the level filled
 * in; none for an empty template, whose rows are then open.
 */
export function levelFormModel(f: LevelForm, lang: Lang): FormModel {
  const { criteria: c, level, columns: col } = f;
  const withParent = parentOf(c, level) !== undefined;
  const fields = [col.code, col.name, ...(needsLevel(c) ? [col.level] : []), ...(withParent ? [col.parent] : [])];
  const inds = dataIndicators(c, level);
  const open = f.units.length === 0;
  const columns: FormColumn[] = [
    ...fields.map((h, i): FormColumn => ({ header: h, input: open, width: i === 1 ? Math.max(24, width(h, ...f.units.map((u) => u.name))) : width(h, ...f.units.map((u) => u.code), ...f.units.map((u) => u.parent)) })),
    ...inds.flatMap((ind): FormColumn[] => {
      const v = valueValidation(ind, lang, level);
      return [
        { header: ind.column, input: true, width: Math.max(12, Math.min(20, width(ind.column))), ...(v ? { validation: v } : {}) },
        { header: `${ind.column}.evidence`, input: true, width: 24 },
      ];
    }),
  ];
  const blank = fields.map(() => null);
  const describe = [
    { caption: W[lang].label, cells: [...blank, ...inds.flatMap((i) => [text(i.label, lang, i.id), `${W[lang].evidence}: ${text(i.label, lang, i.id)}`])] },
    { caption: W[lang].hint, cells: [...blank, ...inds.flatMap((i) => [valueHint(i, lang), null])] },
    { caption: W[lang].max, cells: [...blank, ...inds.flatMap((i) => [i.role === "input" ? null : (i.maxByLevel.get(level) ?? null), null])] },
  ];
  const rows: FormCell[][] = f.units.map((u) => [
    { value: u.code },
    { value: u.name },
    ...(needsLevel(c) ? [{ value: level }] : []),
    ...(withParent ? [{ value: u.parent ?? "" }] : []),
    ...inds.flatMap((ind): FormCell[] => {
      const v = valueValidation(ind, lang, level);
      return [{ value: "", input: true, ...(v ? { validation: v } : {}) }, { value: "", input: true }];
    }),
  ]);
  const facts = factsLine(c, lang, `${W[lang].level}: ${levelLabel(c, level, lang)}`, f.period);
  const title = [formTitle(c, lang), facts];
  return {
    title,
    describe,
    columns,
    rows,
    freezeColumns: Math.min(2, fields.length),
    blankRows: open ? 500 : 0,
    instructions: instructions(c, lang, facts, "level", title.length + 1 + describe.length + 1, FORM_SHEETS[lang].data),
  };
}

/** The long-form template of `init --xlsx`: the CSV's long header, open rows, the indicator's id picked from a list. */
export function longFormModel(f: LongForm, lang: Lang): FormModel {
  const { criteria: c, columns: col } = f;
  const ids = dataColumns(c).filter(readsData).map((i) => i.id);
  const whole: Validation = { type: "decimal", min: 0 };
  const head: FormColumn[] = [
    { header: col.code, input: true, width: 12 },
    { header: col.indicator, input: true, width: Math.max(14, width(...ids)), validation: { type: "list", values: ids } },
    { header: col.value, input: true, width: 12 },
    { header: col.numerator, input: true, width: 12, validation: whole },
    { header: col.denominator, input: true, width: 12, validation: whole },
    { header: col.evidence, input: true, width: 36 },
  ];
  const facts = factsLine(c, lang, "", undefined);
  const title = [formTitle(c, lang), facts];
  return { title, describe: [], columns: head, rows: [], freezeColumns: 0, blankRows: 500, instructions: instructions(c, lang, facts, "long", title.length + 2, FORM_SHEETS[lang].data) };
}

export function formModel(f: Form, lang: Lang): FormModel {
  return "unit" in f ? unitFormModel(f, lang) : "long" in f ? longFormModel(f, lang) : levelFormModel(f, lang);
}

/** A form as CSV: its header and its prefilled rows, nothing else (the CSV templates of `init` are the header alone). */
export function templateCsv(f: Form, o: RenderOptions): string {
  const m = formModel(f, o.lang);
  const rows: CsvCell[][] = [m.columns.map((c) => c.header), ...m.rows.map((r) => r.map((x) => x.value))];
  return csvDocument(rows, o.csv);
}
