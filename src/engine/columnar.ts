// The engine on columns: the scoring of score.ts for datasets too large for an object per unit
// and per cell (a national dataset, a million units). Pure. Unit data comes as typed arrays, one
// per indicator; results go out as typed arrays, one per field of the ranking. Only `rank` uses
// it, for large inputs (load/large/); every other command, and small inputs, use score().
//
// The numbers are the same as score()'s, to the last bit: the same rules (rateOf, the rates of
// rules.ts), the same order of every sum (units by code, children in tree order), the same
// roll-ups, imputation, ranking (rankGroup) and bands (bandOf). test/engine/columnar.test.ts
// checks the two engines against each other, output byte for byte.
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import type { Criteria, CriteriaNode, GroupNode, IndicatorNode, Level } from "../model/criteria.ts";
import type { Dataset, Source } from "../model/data.ts";
import type { NodeScore, Result, Status, UnitResult } from "../model/result.ts";
import { bandOf, compareCodes, rankIndexes, roundTo } from "./rank.ts";
import { clamp01, cohortStats, rateOf, ruleReads } from "./rules.ts";
import { scoringOrder } from "./score.ts";

/** How a unit's cell of an indicator stands. */
export const ABSENT = 0;
export const VALUE = 1;
export const NOT_APPLICABLE = 2;

/** The kind of cell an indicator's column holds: what its unit says. */
export type CellKind = "number" | "boolean" | "text";
export const cellKind = (ind: IndicatorNode): CellKind => (ind.unit === "boolean" ? "boolean" : ind.unit === "text" ? "text" : "number");

export interface IndicatorColumn {
  /** per unit: ABSENT (no value: empty cell, no cell), VALUE or NOT_APPLICABLE */
  state: Uint8Array;
  /** per unit with a value: the number; a boolean as 1 or 0; a text as its index in `texts` */
  value: Float64Array;
  /** the distinct texts of a text indicator */
  texts: string[];
}

/** Unit data in columns: the units (in the order of code, as Dataset.units) and their cells. */
export interface ColumnarDataset {
  period?: string;
  size: number;
  code: string[];
  name: string[];
  /** index into criteria.levels */
  level: Uint8Array;
  parent: (string | undefined)[];
  /** the unit attributes that peer groups use, by name */
  attributes: Map<string, (string | undefined)[]>;
  /** 1 when a data row or cell was found for the unit */
  submitted: Uint8Array;
  /** one per indicator of criteria.indicators, in that order */
  cells: IndicatorColumn[];
  /** the units in the order of their codes, as Dataset.units (absent: they are in that order) */
  order?: Int32Array;
  /** where a missing value is pointed at (the `error` policy): the empty cell, else the unit's row */
  missingAt(unit: number, indicator: number): Source | Record<string, never>;
}

export const STATUS: readonly Status[] = ["ranked", "not-ranked", "incomplete"];
const RANKED = 0;
export const NOT_RANKED = 1;
const INCOMPLETE = 2;

/** A top-level node of every unit, as NodeScore has it (NaN for null). */
export interface NodeColumns {
  node: CriteriaNode;
  applicable: Uint8Array;
  included: Uint8Array;
  points: Float64Array;
  max: Float64Array;
  rate: Float64Array;
}

/** The ranking in columns, indexed by unit (as the dataset); NaN (or 0 for rank, -1 for band) is null. */
export interface ColumnarResult {
  criteria: Criteria;
  period?: string;
  dataset: ColumnarDataset;
  /** per level of criteria.levels, its units in the order of the ranking: peer group, rank, code */
  levels: { level: Level; order: Int32Array }[];
  peerGroup: string[];
  status: Uint8Array;
  score: Float64Array;
  max: Float64Array;
  percent: Float64Array;
  base: Float64Array;
  bonus: Float64Array;
  penalty: Float64Array;
  rank: Int32Array;
  /** index into criteria.bands.list */
  band: Int16Array;
  /** the top-level nodes (criteria.root.children), for the ranking's group columns */
  top: NodeColumns[];
  /** false: of the top-level nodes, only `included` and `points` were kept */
  full: boolean;
  diagnostics: Diagnostic[];
}

/** One node's scores for the units of a level (positions in the level). */
interface LevelNode {
  applicable: Uint8Array;
  included: Uint8Array;
  points: Float64Array;
  max: Float64Array;
  rate: Float64Array;
  /** an indicator whose missing value was handled by a policy (score role only) */
  missing?: Uint8Array;
}

function levelNode(m: number): LevelNode {
  return { applicable: new Uint8Array(m), included: new Uint8Array(m), points: new Float64Array(m).fill(NaN), max: new Float64Array(m), rate: new Float64Array(m).fill(NaN) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Math.min / Math.max of a list, without spreading it into arguments (a province's communes). */
function extreme(xs: readonly number[], sign: 1 | -1): number {
  let best = sign === 1 ? -Infinity : Infinity;
  for (const x of xs) if (sign === 1 ? x > best : x < best) best = x;
  return best;
}

const unitScale = (ind: IndicatorNode): number => (ind.unit === "percent" ? 100 : 1);

/**
 * Scores a dataset in columns. `full: false` keeps, of the top-level nodes, only their points
 * (what the ranking's CSV shows): a million units spare the memory of the rest.
 */
export function scoreColumns(criteria: Criteria, data: ColumnarDataset, { full = true }: { full?: boolean } = {}): ColumnarResult {
  const n = data.size;
  const diagnostics: Diagnostic[] = [];
  const out: ColumnarResult = {
    criteria,
    dataset: data,
    levels: [],
    peerGroup: new Array<string>(n).fill(""),
    status: new Uint8Array(n).fill(NOT_RANKED),
    score: new Float64Array(n).fill(NaN),
    max: new Float64Array(n),
    percent: new Float64Array(n).fill(NaN),
    base: new Float64Array(n).fill(NaN),
    bonus: new Float64Array(n),
    penalty: new Float64Array(n),
    rank: new Int32Array(n),
    band: new Int16Array(n).fill(-1),
    top: criteria.root.children.map((node) => ({
      node,
      applicable: new Uint8Array(full ? n : 0),
      included: new Uint8Array(n),
      points: new Float64Array(n).fill(NaN),
      max: new Float64Array(full ? n : 0),
      rate: new Float64Array(full ? n : 0).fill(NaN),
    })),
    full,
    diagnostics,
  };
  if (data.period !== undefined) out.period = data.period;

  // Rates of the nodes that roll-ups of higher levels read, over every unit.
  const rolledUp = new Map<string, Float64Array>();
  for (const ind of criteria.indicators) {
    if (ind.rule.type === "rollup" && ind.rule.of !== undefined && ind.rule.of !== "total") rolledUp.set(ind.rule.of, new Float64Array(n).fill(NaN));
  }
  // unit code -> index, for roll-ups only
  let codes: Map<string, number> | undefined;
  const indexOf = (): Map<string, number> => {
    if (!codes) {
      codes = new Map();
      for (let i = 0; i < n; i++) if (data.level[i] !== 255) codes.set(data.code[i] as string, i);
    }
    return codes;
  };
  const levelIndex = new Map(criteria.levels.map((l, i) => [l.id, i] as const));
  const topIndex = new Map(criteria.root.children.map((c, i) => [c.id, i] as const));
  const indicatorIndex = new Map(criteria.indicators.map((ind, k) => [ind, k] as const));
  const byLevel = new Map<string, Int32Array>();

  for (const level of scoringOrder(criteria)) {
    const li = levelIndex.get(level.id) as number;
    const members: number[] = [];
    for (let j = 0; j < n; j++) {
      const i = data.order ? (data.order[j] as number) : j;
      if (data.level[i] === li) members.push(i);
    }
    members.sort((a, b) => compareCodes(data.code[a] as string, data.code[b] as string));
    const units = Int32Array.from(members);
    const m = units.length;
    const missingAny = new Uint8Array(m);

    // Roll-up values: each unit of the rolled-up level adds its rate to every ancestor of this
    // level, in the order of the dataset (the order score() sums them in).
    const rollups = new Map<IndicatorNode, Float64Array>();
    for (const ind of criteria.indicators) {
      if (ind.rule.type !== "rollup" || !ind.maxByLevel.has(level.id)) continue;
      rollups.set(ind, rollupValues(ind, li, data, out, rolledUp, indexOf(), levelIndex));
    }

    // Working arrays of one indicator, reused from one indicator to the next: each indicator's
    // scores are folded into its group (and kept where needed) before the next is scored.
    const scratch = { node: levelNode(m), missing: new Uint8Array(m), has: new Uint8Array(m), value: new Float64Array(m), cohort: new Float64Array(m), rates: new Float64Array(m) };
    const scoreIndicator = (ind: IndicatorNode): LevelNode => {
      const k = indicatorIndex.get(ind) as number;
      const r = scratch.node;
      r.applicable.fill(0);
      r.included.fill(0);
      r.points.fill(NaN);
      r.max.fill(0);
      r.rate.fill(NaN);
      delete r.missing;
      const max = ind.maxByLevel.get(level.id);
      if (max === undefined) return r;
      const col = data.cells[k] as IndicatorColumn;
      const rollup = rollups.get(ind);
      const usable = rollup !== undefined || ruleReads(ind.rule) === cellKind(ind);
      const has = scratch.has.fill(0);
      const value = scratch.value;
      const needsCohort = ind.rule.type === "relative" || ind.rule.type === "minmax" || ind.rule.type === "zscore";
      // the values of the units that have one, in unit order: the cohort's statistics need them
      const cohort = needsCohort ? scratch.cohort : undefined;
      let count = 0;
      for (let p = 0; p < m; p++) {
        const g = units[p] as number;
        if (rollup) {
          const v = rollup[g] as number;
          if (!Number.isNaN(v)) {
            has[p] = VALUE;
            value[p] = v;
            if (cohort) cohort[count++] = v;
          }
          continue;
        }
        // bits above the state are the loader's own flags (load/large/rows.ts)
        const s = (col.state[g] as number) & 3;
        if (s === NOT_APPLICABLE) has[p] = NOT_APPLICABLE;
        else if (s === VALUE && usable) {
          has[p] = VALUE;
          const v = col.value[g] as number;
          value[p] = v;
          if (cohort) cohort[count++] = v;
        }
      }
      const ctx = cohort ? { max, unitScale: unitScale(ind), stats: cohortStats(cohort.subarray(0, count)) } : { max, unitScale: unitScale(ind) };
      const rate = rateOf(ind.rule);
      const kind = rollup ? "number" : cellKind(ind);
      // A text or a yes/no has few distinct values: each is rated once.
      const memo = new Map<number, number>();
      const rateAt = (x: number): number => {
        if (kind === "number") return rate(x, ctx);
        let v = memo.get(x);
        if (v === undefined) memo.set(x, (v = rate(kind === "boolean" ? x === 1 : (col.texts[x] as string), ctx)));
        return v;
      };
      // the rates of the units with a value, in unit order: imputation takes their mean or median
      const imputes = ind.missing === "impute-mean" || ind.missing === "impute-median";
      const rates = imputes ? scratch.rates : undefined;
      let rated = 0;
      for (let p = 0; p < m; p++) {
        if (has[p] !== VALUE) continue;
        const x = rateAt(value[p] as number);
        if (rates) rates[rated++] = x;
        r.applicable[p] = 1;
        r.included[p] = 1;
        r.points[p] = x * max;
        r.max[p] = max;
        r.rate[p] = x;
      }
      let cohortRate: number | undefined;
      const imputed = (): number => {
        if (cohortRate === undefined) {
          const xs = Array.from((rates as Float64Array).subarray(0, rated));
          cohortRate = xs.length === 0 ? 0 : ind.missing === "impute-mean" ? mean(xs) : median(xs);
        }
        return cohortRate;
      };
      const missing = ind.role === "score" ? scratch.missing.fill(0) : undefined;
      if (missing) r.missing = missing;
      for (let p = 0; p < m; p++) {
        if (has[p] === VALUE || has[p] === NOT_APPLICABLE) continue;
        r.applicable[p] = 1;
        // Bonus and penalty points that are not claimed are simply zero: that is not missing data.
        if (!missing) {
          r.included[p] = 1;
          r.points[p] = 0;
          r.max[p] = max;
          r.rate[p] = 0;
          continue;
        }
        missing[p] = 1;
        missingAny[p] = 1;
        if (ind.missing === "exclude") continue;
        let x = 0;
        if (ind.missing === "impute-mean" || ind.missing === "impute-median") x = imputed();
        else if (ind.missing === "error") {
          const g = units[p] as number;
          if (data.submitted[g]) diagnostics.push(diag("MISSING_VALUE", "error", { unit: data.code[g] as string, indicator: ind.id }, data.missingAt(g, k)));
        }
        r.included[p] = 1;
        r.points[p] = x * max;
        r.max[p] = max;
        r.rate[p] = x;
      }
      return r;
    };

    // Every indicator in the order of criteria.indicators (the order of score()'s diagnostics):
    // the tree depth first, then bonus, then penalty; groups fold their children as they come.
    const keep = (node: CriteriaNode, r: LevelNode): void => {
      const t = topIndex.get(node.id);
      if (t !== undefined && node.path.length === 0) {
        const c = out.top[t] as NodeColumns;
        for (let p = 0; p < m; p++) {
          const g = units[p] as number;
          c.included[g] = r.included[p] as number;
          c.points[g] = r.points[p] as number;
          if (!full) continue;
          c.applicable[g] = r.applicable[p] as number;
          c.max[g] = r.max[p] as number;
          c.rate[g] = r.rate[p] as number;
        }
      }
      const ru = rolledUp.get(node.id);
      if (ru) for (let p = 0; p < m; p++) ru[units[p] as number] = r.rate[p] as number;
    };
    const scoreGroup = (group: GroupNode): LevelNode => {
      const acc = aggregator(group, level.id, m);
      for (const child of group.children) acc.add(scoreNode(child), child.weight);
      return acc.finish();
    };
    const scoreNode = (node: CriteriaNode): LevelNode => {
      const r = node.kind === "indicator" ? scoreIndicator(node) : scoreGroup(node);
      keep(node, r);
      return r;
    };
    const root = scoreGroup(criteria.root);
    const adjustment = (adj: Criteria["bonus"]): Float64Array => {
      const p = new Float64Array(m);
      if (!adj) return p;
      for (const ind of adj.indicators) {
        const r = scoreIndicator(ind);
        keep(ind, r);
        for (let q = 0; q < m; q++) p[q] = (p[q] as number) + (Number.isNaN(r.points[q]) ? 0 : (r.points[q] as number));
      }
      for (let q = 0; q < m; q++) p[q] = Math.min(p[q] as number, adj.max);
      return p;
    };
    const bonus = adjustment(criteria.bonus);
    const penalty = adjustment(criteria.penalty);

    const peers = level.peers;
    const attribute = peers.by === "attribute" ? data.attributes.get(peers.attribute ?? "") : undefined;
    for (let p = 0; p < m; p++) {
      const g = units[p] as number;
      const max = root.max[p] as number;
      const ranked = data.submitted[g] === 1 && root.included[p] === 1 && max > 0;
      out.max[g] = max;
      out.peerGroup[g] = peers.by === "parent" ? (data.parent[g] ?? "") : peers.by === "attribute" ? (attribute?.[g] ?? "") : "";
      if (!ranked) continue;
      const base = Number.isNaN(root.points[p]) ? 0 : (root.points[p] as number);
      const score = Math.min(max, Math.max(0, base + (bonus[p] as number) - (penalty[p] as number)));
      out.status[g] = missingAny[p] ? INCOMPLETE : RANKED;
      out.base[g] = base;
      out.score[g] = score;
      out.percent[g] = (score / max) * 100;
      out.bonus[g] = bonus[p] as number;
      out.penalty[g] = penalty[p] as number;
    }
    byLevel.set(level.id, rankLevel(criteria, units, out));
  }
  out.levels = criteria.levels.map((level) => ({ level, order: byLevel.get(level.id) ?? new Int32Array(0) }));
  return out;
}

/**
 * A group from its children, as score.ts's aggregate, for every unit of the level at once. The
 * children are folded in as they come, in tree order (the order of score()'s sums), so that only
 * one child's scores are held at a time.
 */
function aggregator(group: GroupNode, level: string, m: number) {
  const applicable = new Uint8Array(m);
  const any = new Uint8Array(m);
  const sum = group.aggregation === "sum";
  const mean = group.aggregation === "mean";
  // sum: points and maximum; mean and geometric: weights and the weighted sum (of logs)
  const a = new Float64Array(m);
  const b = new Float64Array(m);
  const zero = sum || mean ? undefined : new Uint8Array(m);
  return {
    add(k: LevelNode, weight: number): void {
      for (let p = 0; p < m; p++) {
        if (k.applicable[p]) applicable[p] = 1;
        if (!k.included[p]) continue;
        any[p] = 1;
        if (sum) {
          a[p] = (a[p] as number) + (Number.isNaN(k.points[p]) ? 0 : (k.points[p] as number));
          b[p] = (b[p] as number) + (k.max[p] as number);
          continue;
        }
        const rate = Number.isNaN(k.rate[p]) ? 0 : (k.rate[p] as number);
        a[p] = (a[p] as number) + weight;
        if (mean) b[p] = (b[p] as number) + weight * rate;
        else if (rate <= 0) (zero as Uint8Array)[p] = 1;
        else b[p] = (b[p] as number) + weight * Math.log(rate);
      }
    },
    finish(): LevelNode {
      const r = levelNode(m);
      const applies = group.maxByLevel.has(level);
      const declared = group.maxByLevel.get(level) ?? 0;
      for (let p = 0; p < m; p++) {
        const ok = applies && applicable[p] === 1;
        r.applicable[p] = ok ? 1 : 0;
        if (!ok || !any[p]) continue;
        r.included[p] = 1;
        if (sum) {
          const points = a[p] as number;
          const max = b[p] as number;
          r.points[p] = points;
          r.max[p] = max;
          r.rate[p] = max > 0 ? clamp01(points / max) : 0;
          continue;
        }
        const w = a[p] as number;
        const acc = b[p] as number;
        const rate = w <= 0 ? 0 : mean ? acc / w : zero?.[p] ? 0 : Math.exp(acc / w);
        r.points[p] = clamp01(rate) * declared;
        r.max[p] = declared;
        r.rate[p] = clamp01(rate);
      }
      return r;
    },
  };
}

/** The value of a roll-up indicator for every unit (NaN where no child unit has a rate). */
function rollupValues(
  ind: IndicatorNode,
  li: number,
  data: ColumnarDataset,
  out: ColumnarResult,
  rolledUp: Map<string, Float64Array>,
  indexOf: Map<string, number>,
  levelIndex: Map<string, number>,
): Float64Array {
  const rule = ind.rule as Extract<IndicatorNode["rule"], { type: "rollup" }>;
  const of = rule.of ?? "total";
  const stat = rule.stat ?? "mean";
  const from = levelIndex.get(rule.level);
  const values = new Float64Array(data.size).fill(NaN);
  const lists = new Map<number, number[]>();
  const nodeRate = of === "total" ? undefined : rolledUp.get(of);
  for (let j = 0; j < data.size; j++) {
    const i = data.order ? (data.order[j] as number) : j;
    if (data.level[i] !== from || out.status[i] === NOT_RANKED) continue;
    const rate = of === "total" ? (out.percent[i] as number) / 100 : nodeRate ? (nodeRate[i] as number) : NaN;
    if (Number.isNaN(rate)) continue;
    // every ancestor of this unit (at any depth) that belongs to the level rolling up
    const seen = new Set<number>();
    for (let p = data.parent[i]; p !== undefined; ) {
      const a = indexOf.get(p);
      if (a === undefined || seen.has(a)) break;
      seen.add(a);
      if (data.level[a] === li) {
        const list = lists.get(a);
        if (list) list.push(rate);
        else lists.set(a, [rate]);
      }
      p = data.parent[a];
    }
  }
  for (const [a, rates] of lists) {
    values[a] = stat === "median" ? median(rates) : stat === "min" ? extreme(rates, -1) : stat === "max" ? extreme(rates, 1) : mean(rates);
  }
  return values;
}

/** Ranks and bands of one level's units, and their order: peer group, rank, code (as score()). */
function rankLevel(criteria: Criteria, units: Int32Array, out: ColumnarResult): Int32Array {
  const { ranking, bands } = criteria;
  const code = out.dataset.code;
  const valueOf = (g: number, on: "percent" | "score"): number => (on === "percent" ? (out.percent[g] as number) : (out.score[g] as number));
  // The key of each ranked unit: its value rounded at the ranking's decimals (bands reuse it
  // when they grade the same value).
  const key = new Float64Array(out.dataset.size);
  const groups = new Map<string, number[]>();
  for (const g of units) {
    if (out.status[g] !== NOT_RANKED) key[g] = roundTo(valueOf(g, ranking.on), ranking.decimals);
    const k = out.peerGroup[g] as string;
    const list = groups.get(k);
    if (list) list.push(g);
    else groups.set(k, [g]);
  }
  const ordered = new Int32Array(units.length);
  let o = 0;
  const keys = [...groups.keys()].sort(compareCodes);
  for (let i = 0; i < keys.length; ) {
    // Peer groups that compare as equal (codes equal as numbers beyond 2^53) sort as one.
    let j = i + 1;
    while (j < keys.length && compareCodes(keys[i] as string, keys[j] as string) === 0) j++;
    const run: number[] = [];
    for (const k of keys.slice(i, j)) {
      const g = groups.get(k) as number[];
      const ranked = g.filter((u) => out.status[u] !== NOT_RANKED);
      const r = rankIndexes(ranked.length, (x) => key[ranked[x] as number] as number, (x) => code[ranked[x] as number] as string, ranking.method);
      r.order.forEach((x, y) => (out.rank[ranked[x] as number] = r.rank[y] as number));
      // the ranking's order (best first, ties by code), then the units not ranked, by code
      for (const x of r.order) run.push(ranked[x] as number);
      for (const u of g) if (out.status[u] === NOT_RANKED) run.push(u);
    }
    if (j - i > 1) run.sort((a, b) => compareCodes(out.peerGroup[a] as string, out.peerGroup[b] as string) || (out.rank[a] || Infinity) - (out.rank[b] || Infinity) || compareCodes(code[a] as string, code[b] as string));
    for (const u of run) ordered[o++] = u;
    i = j;
  }
  const same = bands.on === ranking.on;
  for (const g of units) {
    if (out.status[g] === NOT_RANKED) continue;
    const b = bandOf(same ? (key[g] as number) : roundTo(valueOf(g, bands.on), ranking.decimals), bands.list);
    out.band[g] = b ? bands.list.indexOf(b) : -1;
  }
  return ordered;
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * Units of a columnar result as the result model has them, for the rank view only: every field
 * of UnitResult, and in `nodes` the top-level nodes (the ranking's group columns) alone.
 */
export function unitResult(r: ColumnarResult, g: number): UnitResult {
  if (!r.full) throw new Error("unitResult needs the nodes scoreColumns keeps with full: true");
  const d = r.dataset;
  const nodes: Record<string, NodeScore> = {};
  for (const t of r.top) {
    nodes[t.node.id] = {
      id: t.node.id,
      kind: t.node.kind,
      applicable: t.applicable[g] === 1,
      included: t.included[g] === 1,
      points: orNull(t.points[g] as number),
      max: t.max[g] as number,
      rate: orNull(t.rate[g] as number),
    };
  }
  const u: UnitResult = {
    code: d.code[g] as string,
    name: d.name[g] as string,
    level: r.criteria.levels[d.level[g] as number]?.id as string,
    peerGroup: r.peerGroup[g] as string,
    status: STATUS[r.status[g] as number] as Status,
    score: orNull(r.score[g] as number),
    max: r.max[g] as number,
    percent: orNull(r.percent[g] as number),
    band: r.band[g] === -1 ? null : (r.criteria.bands.list[r.band[g] as number]?.id ?? null),
    rank: r.rank[g] === 0 ? null : (r.rank[g] as number),
    base: orNull(r.base[g] as number),
    bonus: r.bonus[g] as number,
    penalty: r.penalty[g] as number,
    nodes,
  };
  const parent = d.parent[g];
  if (parent !== undefined) u.parent = parent;
  return u;
}

/** The whole ranking as the result model (for the rank view: nodes hold the top-level nodes). */
export function rankResult(r: ColumnarResult): Result {
  const result: Result = {
    criteria: r.criteria,
    levels: r.levels.map((l) => ({ level: l.level, units: Array.from(l.order, (g) => unitResult(r, g)) })),
    diagnostics: r.diagnostics,
  };
  if (r.period !== undefined) result.period = r.period;
  return result;
}

/** The dataset of the object loader in columns (for tests, and for datasets already loaded). */
export function toColumns(criteria: Criteria, data: Dataset): ColumnarDataset {
  const n = data.units.length;
  const levelIndex = new Map(criteria.levels.map((l, i) => [l.id, i] as const));
  const attributes = new Map<string, (string | undefined)[]>();
  for (const l of criteria.levels) {
    const a = l.peers.attribute;
    if (l.peers.by === "attribute" && a !== undefined && !attributes.has(a)) attributes.set(a, data.units.map((u) => u.attributes[a]));
  }
  const cells = criteria.indicators.map((ind): IndicatorColumn => {
    const col: IndicatorColumn = { state: new Uint8Array(n), value: new Float64Array(n), texts: [] };
    const textIndex = new Map<string, number>();
    const kind = cellKind(ind);
    data.units.forEach((u, i) => {
      const cell = u.cells.get(ind.id);
      if (!cell) return;
      if (cell.kind === "na") {
        col.state[i] = NOT_APPLICABLE;
        return;
      }
      if (cell.kind !== kind) return;
      col.state[i] = VALUE;
      if (cell.kind === "number") col.value[i] = cell.value;
      else if (cell.kind === "boolean") col.value[i] = cell.value ? 1 : 0;
      else {
        let t = textIndex.get(cell.value);
        if (t === undefined) {
          textIndex.set(cell.value, (t = col.texts.length));
          col.texts.push(cell.value);
        }
        col.value[i] = t;
      }
    });
    return col;
  });
  const out: ColumnarDataset = {
    size: n,
    code: data.units.map((u) => u.code),
    name: data.units.map((u) => u.name),
    level: Uint8Array.from(data.units, (u) => levelIndex.get(u.level) ?? 255),
    parent: data.units.map((u) => u.parent),
    attributes,
    submitted: Uint8Array.from(data.units, (u) => (u.submitted ? 1 : 0)),
    cells,
    missingAt: (g, k) => {
      const u = data.units[g];
      const ind = criteria.indicators[k];
      return (u && ind && (u.blanks.get(ind.id) ?? u.row ?? u.source)) || {};
    },
  };
  if (data.period !== undefined) out.period = data.period;
  return out;
}
