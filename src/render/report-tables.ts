// The report's tables as plain models (columns with a kind, rows of text and numbers), built once
// from the engine's report and laid out by the md, html and xlsx renderers alike, so that the
// three formats cannot disagree on a figure or a heading.
import type { IndicatorGap, IndicatorLoss, LevelReport, PeerGroup, Report } from "../engine/report.ts";
import { text, type Criteria, type Lang, type View } from "../model/criteria.ts";
import type { UnitResult } from "../model/result.ts";
import { columnsOf, includedPoints } from "../engine/views.ts";
import { assessedNote, bandLabel, decimalFor, fixedFor, machine } from "./common.ts";
import { t } from "./labels.ts";

/**
 * int: a count; number: a value as it was read; points and percent: at the criteria's decimals;
 * rate: a share in [0, 1], shown as %.
 */
export type ColumnKind = "text" | "int" | "number" | "points" | "percent" | "rate";
export type Value = string | number | null;

export interface Column {
  label: string;
  kind: ColumnKind;
  /** a column of names, to be kept wide enough to read */
  wide?: boolean;
}

export interface TableModel {
  columns: Column[];
  rows: Value[][];
  /** a line under the table (a footnote) */
  note?: string;
}

const col = (label: string, kind: ColumnKind = "text"): Column => ({ label: cap(label), kind });
const wide = (label: string): Column => ({ label: cap(label), kind: "text", wide: true });
/** Labels shared with running text start lower-case; a heading starts with a capital. */
export const cap = (s: string): string => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);

/** A cell of a report table for a reader: numbers with a decimal comma in Vietnamese. */
export function display(v: Value, kind: ColumnKind, decimals: number, lang: Lang = "en"): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  switch (kind) {
    case "int":
      return String(v);
    case "number":
      return decimalFor(String(machine(v)), lang);
    case "rate":
      return `${fixedFor(v * 100, 1, lang)}%`;
    case "text":
      return String(v);
    default:
      return fixedFor(v, decimals, lang);
  }
}

export const levelTitle = (l: LevelReport, lang: Lang): string => `${text(l.level.label, lang, l.level.id)} (${l.level.id})`;
export const nodeLabel = (c: Criteria, id: string, lang: Lang): string => {
  const n = c.indicators.find((i) => i.id === id) ?? findGroup(c, id);
  return n ? text(n.label, lang, id) : id;
};

function findGroup(c: Criteria, id: string) {
  const stack = [...c.root.children];
  while (stack.length) {
    const n = stack.shift();
    if (!n) break;
    if (n.id === id) return n;
    if (n.kind === "group") stack.push(...n.children);
  }
  return undefined;
}

export function summaryTable(l: LevelReport, lang: Lang): TableModel {
  const s = l.summary;
  return {
    columns: [col(t("assessed", lang), "int"), col(t("rankedCount", lang), "int"), col(t("notRankedCount", lang), "int"), col(t("incompleteCount", lang), "int"), col(`${t("mean", lang)} %`, "percent"), col(`${t("median", lang)} %`, "percent"), col(`${t("lowest", lang)} %`, "percent"), col(`${t("highest", lang)} %`, "percent")],
    rows: [[s.assessed, s.ranked, s.notRanked, s.incomplete, s.mean, s.median, s.min, s.max]],
  };
}

export function bandsTable(l: LevelReport, c: Criteria, lang: Lang): TableModel {
  const unit = c.bands.on === "percent" ? " %" : "";
  return {
    columns: [col(t("band", lang)), col(t("threshold", lang)), col(t("count", lang), "int")],
    rows: [
      ...l.summary.bands.map((b) => {
        const band = c.bands.list.find((x) => x.id === b.id);
        return [bandLabel(c, b.id, lang), `≥ ${band?.min ?? 0}${unit}`, b.count];
      }),
      ...(l.summary.notRanked > 0 ? [[cap(t("not-ranked", lang)), "", l.summary.notRanked]] : []),
    ],
  };
}

/** The ranking's columns at a level: the same for each of its peer groups. */
export function rankingColumns(l: LevelReport, lang: Lang): Column[] {
  const showParent = l.level.parent !== undefined;
  return [
    col(t("stt", lang), "int"),
    col(t("code", lang)),
    wide(t("unit", lang)),
    ...(showParent ? [wide(t("parent", lang))] : []),
    ...l.pillars.map((p) => col(`${text(p.label, lang, p.id)} (${p.maxByLevel.get(l.level.id) ?? 0})`, "points")),
    col(t("total", lang), "points"),
    col(t("max", lang), "points"),
    col(t("percent", lang), "percent"),
    col(t("rank", lang), "int"),
    col(t("band", lang)),
  ];
}

/** The annex layout: STT, code, unit, parent, each pillar's points, total, max, %, rank, band. */
export function rankingTable(rep: Report, l: LevelReport, g: PeerGroup, lang: Lang, columns: Column[] = rankingColumns(l, lang)): TableModel {
  const c = rep.result.criteria;
  // (each pillar's points read off the columns: a unit's node objects are made for every node)
  const cols = columnsOf(rep.result);
  const pillars = l.pillars.map((p) => cols.node(p.id));
  const showParent = l.level.parent !== undefined;
  // (each unit's figures read off the columns by row: no unit object is made for a long table;
  // a band's label once per band and mark)
  const { unit } = cols;
  const bandTexts = new Map<string, Map<string | null, string>>();
  const bandText = (band: string | null, status: string): string => {
    let byBand = bandTexts.get(status);
    if (byBand === undefined) bandTexts.set(status, (byBand = new Map()));
    let s = byBand.get(band);
    if (s === undefined) byBand.set(band, (s = status === "not-ranked" ? cap(t("not-ranked", lang)) : `${bandLabel(c, band, lang)}${status === "incomplete" ? " *" : status === "assessed" ? " †" : ""}`));
    return s;
  };
  const rows: Value[][] = [];
  let incomplete = false;
  const assessed: { code: string; status: string; reason?: string }[] = [];
  for (let i = 0; i < g.rows.length; i++) {
    const row = g.rows[i] as number;
    const status = unit.status(row);
    const out = status === "not-ranked";
    const code = unit.code(row);
    const cells: Value[] = [i + 1, code, unit.name(row)];
    if (showParent) {
      const parent = unit.parent(row);
      cells.push(parent ? (rep.names.get(parent) ?? parent) : "");
    }
    for (const n of pillars) cells.push(out ? null : includedPoints(n, row));
    // a unit not ranked has no score: no maximum nor percentage either
    cells.push(unit.score(row), out ? null : unit.max(row), unit.percent(row), unit.rank(row), bandText(unit.band(row), status));
    rows.push(cells);
    if (status === "incomplete") incomplete = true;
    else if (status === "assessed") {
      const reason = unit.reason(row);
      assessed.push(reason !== undefined ? { code, status, reason } : { code, status });
    }
  }
  const m: TableModel = { columns, rows };
  const notes = [incomplete ? `* ${t("incomplete", lang)}` : undefined, assessedNote(assessed, lang)].filter((x): x is string => x !== undefined);
  if (notes.length) m.note = notes.join(" · ");
  return m;
}

export function pillarTable(l: LevelReport, lang: Lang): TableModel {
  return {
    columns: [col(t("code", lang)), wide(t("pillar", lang)), col(t("max", lang), "points"), col(t("meanPoints", lang), "points"), col(t("meanMax", lang), "points"), col(t("meanRate", lang), "rate"), col(t("count", lang), "int")],
    rows: l.pillarAverages.map((p) => {
      const node = l.pillars.find((x) => x.id === p.id);
      return [p.id, node ? text(node.label, lang, p.id) : p.id, p.max, p.meanPoints, p.meanMax, p.meanRate, p.units];
    }),
  };
}

export function gapTable(gaps: readonly IndicatorGap[], c: Criteria, lang: Lang): TableModel {
  return {
    columns: [
      col(t("code", lang)),
      wide(t("indicator", lang)),
      col(t("max", lang), "points"),
      col(t("full", lang), "int"),
      col(t("partial", lang), "int"),
      col(t("zero", lang), "int"),
      col(t("not-applicable", lang), "int"),
      col(t("missing", lang), "int"),
      col(t("meanPoints", lang), "points"),
      col(t("meanRate", lang), "rate"),
      col(t("meanLost", lang), "points"),
    ],
    rows: gaps.map((g) => [g.id, nodeLabel(c, g.id, lang), g.max, g.full, g.partial, g.zero, g.notApplicable, g.missing, g.meanPoints, g.meanRate, g.meanLost]),
  };
}

/** Each unit's three weakest indicators, by name, with the points lost. */
export function unitGapTable(l: LevelReport, c: Criteria, lang: Lang): TableModel {
  // (a level's few indicators recur in thousands of rows: each label looked up once)
  const labels = new Map<string, string>();
  const label = (id: string): string => {
    let s = labels.get(id);
    if (s === undefined) labels.set(id, (s = nodeLabel(c, id, lang)));
    return s;
  };
  const w = (x: IndicatorLoss | undefined): string => (x ? `${label(x.id)} (−${fixedFor(x.lost, 2, lang)})` : "");
  return {
    columns: [col(t("code", lang)), wide(t("unit", lang)), col(t("weak1", lang)), col(t("weak2", lang)), col(t("weak3", lang))],
    rows: l.unitGaps.map((g) => [g.code, g.name, w(g.weakest[0]), w(g.weakest[1]), w(g.weakest[2])]),
  };
}

export function notRankedTable(rep: Report, l: LevelReport, lang: Lang): TableModel {
  const showParent = l.level.parent !== undefined;
  return {
    columns: [col(t("code", lang)), wide(t("unit", lang)), ...(showParent ? [wide(t("parent", lang))] : []), col(t("reason", lang))],
    rows: l.notRanked.map((u) => [u.code, u.name, ...(showParent ? [u.parent ? (rep.names.get(u.parent) ?? u.parent) : ""] : []), t(u.reason, lang)]),
  };
}

export function incompleteTable(l: LevelReport, lang: Lang): TableModel {
  return {
    columns: [col(t("code", lang)), wide(t("unit", lang)), col(t("missingIndicators", lang))],
    rows: l.incomplete.map((u) => [u.code, u.name, u.missing.map((m) => `${m.id} (${t(`policy-${m.policy}`, lang)})`).join(", ")]),
  };
}

/** The peer group's heading, when the level ranks in several groups. */
export function peerGroupTitle(l: LevelReport, g: PeerGroup, lang: Lang): string | undefined {
  if (g.key === "" || l.level.peers.by === "level") return undefined;
  return l.level.peers.by === "parent" ? `${t("parent", lang)}: ${g.label}` : `${t("peerGroup", lang)}: ${g.label}`;
}

/**
 * A view (criteria `views:`) of a level's units: each group's points (its maximum at the level in
 * the heading, from the first unit that has it), the view's total, maximum, percentage and band.
 */
export function viewTable(c: Criteria, view: View, units: readonly UnitResult[], lang: Lang): TableModel {
  const scored = units.filter((u) => u.views !== undefined);
  const of = (u: UnitResult) => u.views?.find((v) => v.id === view.id);
  const groupMax = view.groups.map((_, i) => Math.max(0, ...scored.map((u) => of(u)?.groups[i]?.max ?? 0)));
  const columns = [
    col(t("code", lang)),
    wide(t("unit", lang)),
    ...view.groups.map((g, i) => col(`${text(g.label, lang, g.id)} (${decimalFor(String(machine(groupMax[i] ?? 0)), lang)})`, "points")),
    col(t("total", lang), "points"),
    col(t("max", lang), "points"),
    col(t("percent", lang), "percent"),
    ...(view.bands ? [col(t("band", lang))] : []),
  ];
  const rows = scored.map((u): Value[] => {
    const v = of(u);
    const band = v?.band ? text(view.bands?.list.find((b) => b.id === v.band)?.label, lang, v.band) : "";
    return [u.code, u.name, ...view.groups.map((_, i) => v?.groups[i]?.points ?? null), v?.points ?? null, v?.max ?? null, v?.percent ?? null, ...(view.bands ? [band] : [])];
  });
  return { columns, rows, note: `${t("viewNote", lang)}` };
}
