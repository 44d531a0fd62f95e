// The computations behind `explain`: finding one unit by code or name, and laying out how its
// score was made, indicator by indicator, with the groups, the total, the band and its neighbours.
import type { RuleInput } from "../model/criteria-schema.ts";
import { unitScale, type Criteria, type CriteriaNode, type IndicatorNode, type Text } from "../model/criteria.ts";
import type { Cell } from "../model/data.ts";
import type { Detail, FormulaStep, NodeScore, Result, Status, UnitResult } from "../model/result.ts";
import { distance, fold } from "../util/similar.ts";
import { compareCodes } from "./rank.ts";

export type UnitLookup =
  | { kind: "found"; unit: UnitResult }
  | { kind: "ambiguous"; units: UnitResult[] }
  | { kind: "unknown"; suggestions: UnitResult[] };

/**
 * A unit by its code (exact, then case-insensitive), or by a name that matches one unit:
 * the whole name, then the name without its administrative prefix ("khanh binh" is "Xã Khánh
 * Bình", not also "Xã Khánh Bình Đông"), then a part of it, accent- and case-insensitive ("hoa
 * binh" finds "Xã Hòa Bình").
 */
export function findUnit(result: Result, query: string): UnitLookup {
  const all = result.levels.flatMap((l) => l.units);
  const q = query.normalize("NFC").trim();
  const byCode = all.filter((u) => u.code === q);
  if (byCode.length === 1) return { kind: "found", unit: byCode[0] as UnitResult };
  const f = fold(q);
  const bare = withoutPrefix(f);
  for (const pick of [
    (u: UnitResult) => fold(u.code) === f,
    (u: UnitResult) => fold(u.name) === f,
    (u: UnitResult) => bare !== "" && withoutPrefix(fold(u.name)) === bare,
    (u: UnitResult) => f !== "" && fold(u.name).includes(f),
  ]) {
    const hits = all.filter(pick);
    if (hits.length === 1) return { kind: "found", unit: hits[0] as UnitResult };
    if (hits.length > 1) return { kind: "ambiguous", units: hits };
  }
  // Close by edit distance, but never a complete rewrite: "zz" suggests nothing for "H1".
  const limit = Math.max(2, Math.floor(f.length / 3));
  const near = (d: number, other: string): boolean => d <= limit && d < Math.max(f.length, other.length);
  const best = (score: (u: UnitResult) => { d: number; other: string }, byName: boolean) =>
    all
      .map((u) => ({ u, byName, ...score(u) }))
      // a two-letter word of a name ("Sở", "Xã") is too short to suggest anything
      .filter((x) => near(x.d, x.other) && (!byName || x.other.length >= 3))
      .sort((a, b) => a.d - b.d || compareCodes(a.u.code, b.u.code))
      .slice(0, 3);
  // closest first; at the same distance a code before a name
  const picked = [...best((u) => ({ d: distance(f, fold(u.code)), other: fold(u.code) }), false), ...best((u) => nameDistance(f, u.name), true)].sort(
    (a, b) => a.d - b.d || Number(a.byName) - Number(b.byName) || compareCodes(a.u.code, b.u.code),
  );
  const suggestions = picked.map((x) => x.u).filter((u, i, xs) => xs.indexOf(u) === i);
  return { kind: "unknown", suggestions: suggestions.slice(0, 5) };
}

// The administrative kinds a unit's name starts with, folded, longest first ("thi xa" before "xa").
const PREFIXES = ["uy ban nhan dan", "thanh pho", "thi tran", "thi xa", "phuong", "huyen", "quan", "ubnd", "tinh", "so", "xa", "tp"];
const PREFIX = new RegExp(`^(?:${PREFIXES.join("|")})\\.?\\s+`);

/** A folded name without its administrative prefix: "xa khanh binh" → "khanh binh". */
export function withoutPrefix(folded: string): string {
  return folded.replace(PREFIX, "").trim();
}

/** The edit distance of a folded query to a name, or to the run of its words of the query's length. */
function nameDistance(f: string, name: string): { d: number; other: string } {
  const words = fold(name).split(/\s+/);
  const n = f.split(/\s+/).length;
  let best = { d: distance(f, words.join(" ")), other: words.join(" ") };
  for (let i = 0; i + n <= words.length; i++) {
    const w = words.slice(i, i + n).join(" ");
    const d = distance(f, w);
    if (d < best.d) best = { d, other: w };
  }
  return best;
}

export interface ExplainedIndicator {
  kind: "indicator";
  id: string;
  label: Text;
  /** nesting depth under the root: 1 for a top-level node */
  depth: number;
  role: IndicatorNode["role"];
  rule: RuleInput;
  agency?: string;
  /** the unit attributes it applies to (`applies: where`), as written: "co-tthc: có" */
  where?: string;
  /** false where the indicator does not apply at the level, or its cell says not applicable */
  applicable: boolean;
  /** false where it is left out of the unit's maximum */
  included: boolean;
  cell?: Cell;
  /** a computed indicator: its expression, the value it gave, and how, step by step */
  formula?: { text: string; value: number | boolean | null; steps: FormulaStep[] };
  /** the rule's own account of the value, e.g. min(1, 45 / 50) (render/detail.ts writes it) */
  detail?: Detail;
  /** the whole arithmetic from the value to the points, e.g. 40 / 51 × 100 = 78.431373 · rate 0.784314 · 0.784314 × 5 = 3.921569 */
  arithmetic?: Arithmetic;
  missing?: NonNullable<NodeScore["missing"]>;
  rate: number | null;
  points: number | null;
  max: number;
}

export interface ExplainedGroup {
  kind: "group";
  id: string;
  label: Text;
  depth: number;
  applicable: boolean;
  included: boolean;
  aggregation: string;
  points: number | null;
  max: number;
  rate: number | null;
}

export interface Neighbour {
  code: string;
  name: string;
  rank: number;
  score: number | null;
  percent: number | null;
}

export interface Explanation {
  criteria: Criteria;
  unit: UnitResult;
  period?: string;
  /** the criteria tree in order: groups followed by what they hold */
  items: (ExplainedGroup | ExplainedIndicator)[];
  bonus: ExplainedIndicator[];
  penalty: ExplainedIndicator[];
  status: Status;
  /** the number of ranked units in the unit's peer group */
  peers: number;
  above?: Neighbour;
  below?: Neighbour;
}

/** A number written without binary noise, at most six decimals. */
export const num = (x: number): string => String(Math.round(x * 1e6) / 1e6);

/** From the value to the points: the value from its numerator and denominator (if it has them),
 * the rule's account, and rate × maximum = points. Figures only: render/detail.ts writes it. */
export interface Arithmetic {
  ratio?: string;
  detail: Detail;
  points: string;
}

function arithmetic(n: NodeScore, cell: Cell | undefined, scale: number): Arithmetic | undefined {
  if (n.points === null || n.rate === null || n.detail === undefined) return undefined;
  const a: Arithmetic = { detail: n.detail(), points: `${num(n.rate)} × ${num(n.max)} = ${num(n.points)}` };
  if (cell?.kind === "number" && cell.numerator !== undefined && cell.denominator !== undefined) {
    a.ratio = `${num(cell.numerator)} / ${num(cell.denominator)}${scale === 100 ? " × 100" : ""} = ${num(cell.value)}`;
  }
  return a;
}

function indicator(ind: IndicatorNode, u: UnitResult, depth: number): ExplainedIndicator {
  const n = u.nodes[ind.id];
  const e: ExplainedIndicator = {
    kind: "indicator",
    id: ind.id,
    label: ind.label,
    depth,
    role: ind.role,
    rule: ind.rule,
    applicable: n?.applicable ?? false,
    included: n?.included ?? false,
    rate: n?.rate ?? null,
    points: n?.points ?? null,
    max: n?.max ?? 0,
  };
  if (ind.agency !== undefined) e.agency = ind.agency;
  if (ind.where) e.where = ind.where.map((w) => `${w.attribute}: ${w.written}`).join("; ");
  if (n?.cell) e.cell = n.cell;
  if (ind.formula && n?.formula) e.formula = { text: ind.formula.text, ...n.formula() };
  if (n?.detail !== undefined) e.detail = n.detail();
  if (n?.missing !== undefined) e.missing = n.missing;
  const a = n ? arithmetic(n, n.cell, unitScale(ind)) : undefined;
  if (a !== undefined) e.arithmetic = a;
  return e;
}

export function explain(result: Result, u: UnitResult): Explanation {
  const c = result.criteria;
  const items: Explanation["items"] = [];
  const visit = (node: CriteriaNode, depth: number): void => {
    if (node.kind === "indicator") {
      if (node.maxByLevel.has(u.level)) items.push(indicator(node, u, depth));
      return;
    }
    if (!node.maxByLevel.has(u.level)) return;
    const n = u.nodes[node.id];
    items.push({
      kind: "group",
      id: node.id,
      label: node.label,
      depth,
      applicable: n?.applicable ?? false,
      included: n?.included ?? false,
      aggregation: node.aggregation,
      points: n?.points ?? null,
      max: n?.max ?? 0,
      rate: n?.rate ?? null,
    });
    for (const ch of node.children) visit(ch, depth + 1);
  };
  for (const ch of c.root.children) visit(ch, 1);
  const adj = (a: typeof c.bonus) => (a?.indicators ?? []).filter((i) => i.maxByLevel.has(u.level)).map((i) => indicator(i, u, 1));

  const level = result.levels.find((l) => l.level.id === u.level);
  const ranked = (level?.units ?? []).filter((x) => x.peerGroup === u.peerGroup && x.rank !== null);
  const at = ranked.findIndex((x) => x.code === u.code);
  const neighbour = (x: UnitResult | undefined): Neighbour | undefined =>
    x && x.rank !== null ? { code: x.code, name: x.name, rank: x.rank, score: x.score, percent: x.percent } : undefined;
  const e: Explanation = { criteria: c, unit: u, items, bonus: adj(c.bonus), penalty: adj(c.penalty), status: u.status, peers: ranked.length };
  if (result.period !== undefined) e.period = result.period;
  if (at >= 0) {
    const above = neighbour(ranked[at - 1]);
    const below = neighbour(ranked[at + 1]);
    if (above) e.above = above;
    if (below) e.below = below;
  }
  return e;
}
