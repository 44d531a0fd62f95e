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
import { ruleMaxAt, weightAt, type Criteria, type CriteriaNode, type GroupNode, type IndicatorNode, type Level } from "../model/criteria.ts";
import type { Dataset, Source } from "../model/data.ts";
import type { NodeScore, Result, Status, UnitResult } from "../model/result.ts";
import { bandOf, compareCodes, roundTo } from "./rank.ts";
import { clamp01, cohortStats, rateOf, ruleReads, type CohortStats } from "./rules.ts";
import { scoringOrder } from "./score.ts";
import { mean, median, STATS } from "./stats.ts";

/** How a unit's cell of an indicator stands. */
export const ABSENT = 0;
export const VALUE = 1;
export const NOT_APPLICABLE = 2;

/** The kind of cell an indicator's column holds: what its unit says. */
export type CellKind = "number" | "boolean" | "text";
export const cellKind = (ind: IndicatorNode): CellKind => (ind.unit === "boolean" ? "boolean" : ind.unit === "text" ? "text" : "number");

export interface IndicatorColumn {
  /** per unit: ABSENT (no value: empty cell, no cell), VALUE or NOT_APPLICABLE (bits 0-1) */
  state: Uint8Array;
  /**
   * per unit with a value: the number; a boolean as 1 or 0; a text as its index in `texts`.
   * Either the values themselves (Float64Array), or, in half the memory, their decimal digits
   * (Int32Array): the value is digits / 10^scale, the scale in bits 4-7 of the state, and 15
   * there means the value is in `wide` instead. digits / 10^scale, two exact doubles divided, is
   * the correctly rounded value of the decimal: what Number() reads from its text.
   */
  value: Float64Array | Int32Array;
  wide?: Map<number, number>;
  /** the distinct texts of a text indicator */
  texts: string[];
}

export const WIDE = 15;
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** A unit's value in a column (see IndicatorColumn). */
export function valueAt(col: IndicatorColumn, g: number): number {
  const v = col.value;
  if (v instanceof Float64Array) return v[g] as number;
  const scale = (col.state[g] as number) >> 4;
  return scale === WIDE ? (col.wide?.get(g) as number) : (v[g] as number) / (POW10[scale] as number);
}

/** Unit data in columns: the units (in the order of code, as Dataset.units) and their cells. */
export interface ColumnarDataset {
  period?: string;
  size: number;
  code: string[];
  /** the unit's name (kept as bytes by the large-input loader: read when shown) */
  nameOf: (i: number) => string;
  /** index into criteria.levels */
  level: Uint8Array;
  parent: (string | undefined)[];
  /** the unit attributes that peer groups use, by name */
  attributes: Map<string, (string | undefined)[]>;
  /** 1 when a data row or cell was found for the unit */
  submitted: Uint8Array;
  /** one per indicator of criteria.indicators, in that order */
  cells: IndicatorColumn[];
  /** unit code -> index, when the loader has one (roll-ups use it) */
  index?: Map<string, number>;
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
  /** false: of the top-level nodes only their points were kept, and no base, bonus or penalty (the CSV needs no more) */
  full: boolean;
  diagnostics: Diagnostic[];
}

/**
 * A group's running aggregation over the units of a level (positions in the level): each child
 * is folded in as it is scored, in tree order (the order of score()'s sums), so that no child's
 * scores need to be held. As score.ts's aggregate: sum (points and maxima of the included
 * children), mean (weights and weighted rates), geometric (weights and weighted logs, and
 * whether a rate was zero).
 */
interface Acc {
  mode: "sum" | "mean" | "geometric";
  applicable: Uint8Array;
  any: Uint8Array;
  a: Float64Array;
  b: Float64Array;
  zero: Uint8Array;
}

function acc(mode: Acc["mode"], m: number): Acc {
  return { mode, applicable: new Uint8Array(m), any: new Uint8Array(m), a: new Float64Array(m), b: new Float64Array(m), zero: new Uint8Array(mode === "geometric" ? m : 0) };
}

/** One child's score of one unit into its group's aggregation. */
function fold(t: Acc, p: number, applicable: boolean, included: boolean, points: number, max: number, rate: number, weight: number): void {
  if (applicable) t.applicable[p] = 1;
  if (!included) return;
  t.any[p] = 1;
  if (t.mode === "sum") {
    t.a[p] = (t.a[p] as number) + (Number.isNaN(points) ? 0 : points);
    t.b[p] = (t.b[p] as number) + max;
    return;
  }
  const r = Number.isNaN(rate) ? 0 : rate;
  t.a[p] = (t.a[p] as number) + weight;
  if (t.mode === "mean") t.b[p] = (t.b[p] as number) + weight * r;
  else if (r <= 0) t.zero[p] = 1;
  else t.b[p] = (t.b[p] as number) + weight * Math.log(r);
}

/** Where a node's scores go besides its group: the top-level nodes' columns, roll-ups' rates. */
interface Keep {
  top?: NodeColumns;
  rate?: Float64Array;
}

function keepOne(k: Keep, g: number, applicable: boolean, included: boolean, points: number, max: number, rate: number): void {
  if (k.top) {
    if (k.top.included.length > 0) k.top.included[g] = included ? 1 : 0;
    k.top.points[g] = points;
    if (k.top.max.length > 0) {
      k.top.applicable[g] = applicable ? 1 : 0;
      k.top.max[g] = max;
      k.top.rate[g] = rate;
    }
  }
  if (k.rate) k.rate[g] = rate;
}

const unitScale = (ind: IndicatorNode): number => (ind.unit === "percent" ? 100 : 1);

/**
 * Scores a dataset in columns. `full: false` keeps, of the top-level nodes, only their points
 * (what the ranking's CSV shows): a million units spare the memory of the rest.
 */
/**
 * The rates of indicators' values, kept between calls on the same columns by a caller that
 * scores them again and again under criteria that keep every rule (a sensitivity analysis): by
 * column, rule, and level with the maximum the rule reads its points against.
 */
export type RateCache = WeakMap<IndicatorColumn, Map<object, Map<string, { units: Int32Array; rates: Float64Array }>>>;

export interface ScoreColumnsOptions {
  /** false: of the top-level nodes, only their points (what the ranking's CSV shows) */
  full?: boolean;
  /** reuse the rates of values from earlier calls (see RateCache) */
  rates?: RateCache;
}

export function scoreColumns(criteria: Criteria, data: ColumnarDataset, { full = true, rates: rateCache }: ScoreColumnsOptions = {}): ColumnarResult {
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
    // (base, bonus, penalty and the top-level nodes' details only for the result model: full)
    base: new Float64Array(full ? n : 0).fill(NaN),
    bonus: new Float64Array(full ? n : 0),
    penalty: new Float64Array(full ? n : 0),
    rank: new Int32Array(n),
    band: new Int16Array(n).fill(-1),
    top: criteria.root.children.map((node) => ({
      node,
      applicable: new Uint8Array(full ? n : 0),
      included: new Uint8Array(full ? n : 0),
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
  const keeps = new Map<string, Keep>();
  criteria.root.children.forEach((c, i) => keeps.set(c.id, { top: out.top[i] as NodeColumns }));
  for (const [id, rate] of rolledUp) keeps.set(id, { ...keeps.get(id), rate });
  const levelIndex = new Map(criteria.levels.map((l, i) => [l.id, i] as const));
  const indicatorIndex = new Map(criteria.indicators.map((ind, k) => [ind, k] as const));
  const byLevel = new Map<string, Int32Array>();
  /** the ranking key of each unit (rankLevel's), one array for every level */
  const rankKeys = new Float64Array(n);
  /** each level's units, by code */
  const unitsOf = new Map<string, Int32Array>();
  // unit code -> index, for roll-ups only (the loader's, when it has one)
  let codes: Map<string, number> | undefined = data.index;
  const indexOf = (): Map<string, number> => {
    if (!codes) {
      codes = new Map();
      for (let i = 0; i < n; i++) if (data.level[i] !== 255) codes.set(data.code[i] as string, i);
    }
    return codes;
  };

  for (const level of scoringOrder(criteria)) {
    const li = levelIndex.get(level.id) as number;
    const units = levelUnits(data, li);
    unitsOf.set(level.id, units);
    const m = units.length;
    const missingAny = new Uint8Array(m);

    // Roll-up values: each unit of the rolled-up level adds its rate to every ancestor of this
    // level, in the order of their codes (the order score() sums them in).
    const rollups = new Map<IndicatorNode, Float64Array>();
    for (const ind of criteria.indicators) {
      if (ind.rule.type !== "rollup" || !ind.maxByLevel.has(level.id)) continue;
      rollups.set(ind, rollupValues(ind, li, data, out, rolledUp, indexOf(), unitsOf.get(ind.rule.level) ?? new Int32Array(0)));
    }
    // working arrays, reused from one indicator to the next
    const value = new Float64Array(m);
    const pending = new Int32Array(m);
    const rates = new Float64Array(m);

    /** An indicator's scores for every unit of the level, folded into its group as they come. */
    const scoreIndicator = (ind: IndicatorNode, into: Acc): void => {
      const k = indicatorIndex.get(ind) as number;
      const max = ind.maxByLevel.get(level.id);
      // not applicable at this level: nothing to fold (kept columns stay as they are: null)
      if (max === undefined) return;
      const keep = keeps.get(ind.id);
      const col = data.cells[k] as IndicatorColumn;
      const f64 = col.value instanceof Float64Array ? col.value : undefined;
      const rollup = rollups.get(ind);
      const usable = rollup !== undefined || ruleReads(ind.rule) === cellKind(ind);
      const weight = weightAt(ind, level.id);
      const put = (p: number, applicable: boolean, included: boolean, points: number, mx: number, rate: number): void => {
        fold(into, p, applicable, included, points, mx, rate, weight);
        if (keep) keepOne(keep, units[p] as number, applicable, included, points, mx, rate);
      };
      const rate = rateOf(ind.rule);
      const kind = rollup ? "number" : cellKind(ind);
      const cohortRule = ind.rule.type === "relative" || ind.rule.type === "minmax" || ind.rule.type === "zscore";
      const imputes = ind.missing === "impute-mean" || ind.missing === "impute-median";
      const scored = ind.role === "score";
      const ruleMax = ruleMaxAt(ind, level.id, max);
      let ctx: { max: number; unitScale: number; stats?: CohortStats } = { max: ruleMax, unitScale: unitScale(ind) };
      // A text or a yes/no has few distinct values: each is rated once.
      const memo = new Map<number, number>();
      const rateAt = (x: number): number => {
        if (kind === "number") return rate(x, ctx);
        let v = memo.get(x);
        if (v === undefined) memo.set(x, (v = rate(kind === "boolean" ? x === 1 : (col.texts[x] as string), ctx)));
        return v;
      };
      // The rates of this column's values at this level, from an earlier call; else recorded
      // for the next one, when the caller keeps them (never a roll-up's: its values change).
      const cacheKey = `${level.id}\u0000${ruleMax}\u0000${ind.unit}`;
      let byRule = rateCache && !rollup ? rateCache.get(col) : undefined;
      if (rateCache && !rollup && !byRule) rateCache.set(col, (byRule = new Map()));
      let byKey = byRule?.get(ind.rule);
      if (byRule && !byKey) byRule.set(ind.rule, (byKey = new Map()));
      // (rates by position in the level: kept for these units only)
      const entry = byKey?.get(cacheKey);
      const known = entry?.units === units ? entry.rates : undefined;
      const record = byKey && !known ? new Float64Array(m).fill(NaN) : undefined;
      const remember = (): void => void (record && byKey?.set(cacheKey, { units, rates: record }));
      // First pass: the value of each unit. A value is scored at once unless the rule needs the
      // cohort's statistics; a missing value at once unless it is imputed from the others' rates.
      let waiting = 0;
      let rated = 0;
      let withValue = 0;
      for (let p = 0; p < m; p++) {
        const g = units[p] as number;
        let s: number;
        let v = 0;
        if (rollup) {
          v = rollup[g] as number;
          s = Number.isNaN(v) ? ABSENT : VALUE;
        } else {
          // bits above the state are the loader's own flags (load/large/rows.ts)
          s = (col.state[g] as number) & 3;
          if (s === VALUE) {
            if (!usable) s = ABSENT;
            else if (f64) v = f64[g] as number;
            else {
              const scale = (col.state[g] as number) >> 4;
              v = scale === WIDE ? (col.wide?.get(g) as number) : ((col.value as Int32Array)[g] as number) / (POW10[scale] as number);
            }
          }
        }
        if (s === NOT_APPLICABLE) {
          put(p, false, false, NaN, 0, NaN);
          continue;
        }
        if (s === VALUE) {
          if (known) {
            const x = known[p] as number;
            if (imputes) rates[rated++] = x;
            put(p, true, true, x * max, max, x);
            continue;
          }
          if (cohortRule) {
            value[withValue++] = v;
            pending[waiting++] = p;
            continue;
          }
          const x = rateAt(v);
          if (record) record[p] = x;
          if (imputes) rates[rated++] = x;
          put(p, true, true, x * max, max, x);
          continue;
        }
        // missing. Bonus and penalty points that are not claimed are simply zero: not missing data.
        if (!scored) {
          put(p, true, true, 0, max, 0);
          continue;
        }
        missingAny[p] = 1;
        if (ind.missing === "exclude") put(p, true, false, NaN, 0, NaN);
        else if (imputes) pending[waiting++] = -1 - p;
        else {
          if (ind.missing === "error" && data.submitted[g]) diagnostics.push(diag("MISSING_VALUE", "error", { unit: data.code[g] as string, indicator: ind.id }, data.missingAt(g, k)));
          put(p, true, true, 0, max, 0);
        }
      }
      if (waiting === 0) return remember();
      // Second pass: values that needed the cohort, then missing values that take its mean or median.
      if (cohortRule) ctx = { max: ruleMax, unitScale: unitScale(ind), stats: cohortStats(value.subarray(0, withValue)) };
      let j = 0;
      for (let w = 0; w < waiting; w++) {
        const p = pending[w] as number;
        if (p < 0) continue;
        const x = rateAt(value[j++] as number);
        if (record) record[p] = x;
        if (imputes) rates[rated++] = x;
        put(p, true, true, x * max, max, x);
      }
      let cohortRate: number | undefined;
      for (let w = 0; w < waiting; w++) {
        const q = pending[w] as number;
        if (q >= 0) continue;
        if (cohortRate === undefined) {
          const xs = rates.subarray(0, rated);
          cohortRate = (ind.missing === "impute-mean" ? mean(xs) : median(xs)) ?? 0;
        }
        put(-1 - q, true, true, cohortRate * max, max, cohortRate);
      }
      remember();
    };

    /** A group's aggregation over the level: its children scored and folded in, in order. */
    const aggregateGroup = (group: GroupNode): Acc => {
      const t = acc(group.aggregation, m);
      for (const child of group.children) {
        if (child.kind === "indicator") scoreIndicator(child, t);
        else foldGroup(child, t);
      }
      return t;
    };
    // A group's score of one unit, from its aggregation, as score.ts's aggregate gives it (one
    // object, rewritten for every unit: no arrays for a group's scores are ever made).
    const one = { applicable: false, included: false, points: NaN, max: 0, rate: NaN };
    const groupScore = (t: Acc, group: GroupNode, p: number): typeof one => {
      const applies = group.maxByLevel.has(level.id);
      one.applicable = applies && t.applicable[p] === 1;
      one.included = one.applicable && t.any[p] === 1;
      one.points = NaN;
      one.max = 0;
      one.rate = NaN;
      if (!one.included) return one;
      if (t.mode === "sum") {
        const points = t.a[p] as number;
        const max = t.b[p] as number;
        one.points = points;
        one.max = max;
        one.rate = max > 0 ? clamp01(points / max) : 0;
        return one;
      }
      const w = t.a[p] as number;
      const b = t.b[p] as number;
      const rate = w <= 0 ? 0 : t.mode === "mean" ? b / w : t.zero[p] ? 0 : Math.exp(b / w);
      const declared = group.maxByLevel.get(level.id) ?? 0;
      one.points = clamp01(rate) * declared;
      one.max = declared;
      one.rate = clamp01(rate);
      return one;
    };
    const foldGroup = (group: GroupNode, into: Acc): void => {
      const t = aggregateGroup(group);
      const keep = keeps.get(group.id);
      for (let p = 0; p < m; p++) {
        const r = groupScore(t, group, p);
        fold(into, p, r.applicable, r.included, r.points, r.max, r.rate, weightAt(group, level.id));
        if (keep) keepOne(keep, units[p] as number, r.applicable, r.included, r.points, r.max, r.rate);
      }
    };
    // The root: its score of every unit (points, maximum, whether it counts).
    const scoreRoot = () => {
      const t = aggregateGroup(criteria.root);
      const r = { included: new Uint8Array(m), points: new Float64Array(m), max: new Float64Array(m) };
      for (let p = 0; p < m; p++) {
        const x = groupScore(t, criteria.root, p);
        r.included[p] = x.included ? 1 : 0;
        r.points[p] = x.points;
        r.max[p] = x.max;
      }
      return r;
    };
    const root = scoreRoot();
    const adjustment = (adj: Criteria["bonus"]): Float64Array => {
      const t = acc("sum", m);
      if (adj) {
        for (const ind of adj.indicators) scoreIndicator(ind, t);
        for (let q = 0; q < m; q++) t.a[q] = Math.min(t.a[q] as number, adj.max);
      }
      return t.a;
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
      if (full) {
        out.base[g] = base;
        out.bonus[g] = bonus[p] as number;
        out.penalty[g] = penalty[p] as number;
      }
      out.score[g] = score;
      out.percent[g] = (score / max) * 100;
    }
    byLevel.set(level.id, rankLevel(criteria, units, out, rankKeys));
  }
  out.levels = criteria.levels.map((level) => ({ level, order: byLevel.get(level.id) ?? new Int32Array(0) }));
  return out;
}

/** The value of a roll-up indicator for every unit (NaN where no child unit has a rate). */
function rollupValues(ind: IndicatorNode, li: number, data: ColumnarDataset, out: ColumnarResult, rolledUp: Map<string, Float64Array>, indexOf: Map<string, number>, children: Int32Array): Float64Array {
  const rule = ind.rule as Extract<IndicatorNode["rule"], { type: "rollup" }>;
  const of = rule.of ?? "total";
  const stat = rule.stat ?? "mean";
  const values = new Float64Array(data.size).fill(NaN);
  const lists = new Map<number, number[]>();
  const nodeRate = of === "total" ? undefined : rolledUp.get(of);
  // the rolled-up level's units by code: the order of Dataset.units, where score() takes them
  for (const i of children) {
    if (out.status[i] === NOT_RANKED) continue;
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
  for (const [a, rates] of lists) values[a] = STATS[stat](rates) as number;
  return values;
}

// What stays the same from one call to the next on the same dataset (a sensitivity analysis
// scores one dataset a thousand times under perturbed criteria): each level's units in code
// order, and their peer groups in order. Kept by the dataset's columns, which no one changes.
const unitsByLevel = new WeakMap<Uint8Array, { code: string[]; units: Map<number, Int32Array> }>();

/** The units of level `li`, in the order of their codes. */
function levelUnits(data: ColumnarDataset, li: number): Int32Array {
  let known = unitsByLevel.get(data.level);
  if (!known || known.code !== data.code) unitsByLevel.set(data.level, (known = { code: data.code, units: new Map() }));
  let units = known.units.get(li);
  if (!units) {
    const members: number[] = [];
    for (let i = 0; i < data.size; i++) if (data.level[i] === li) members.push(i);
    members.sort((a, b) => compareCodes(data.code[a] as string, data.code[b] as string));
    known.units.set(li, (units = Int32Array.from(members)));
  }
  return units;
}

/** Peer groups in order, as runs of groups whose keys compare as equal (codes equal as numbers beyond 2^53 sort as one). */
type PeerRuns = number[][][];
const peersByUnits = new WeakMap<Int32Array, { groupOf: string[]; runs: PeerRuns }>();

function peerRuns(units: Int32Array, peerGroup: readonly string[]): PeerRuns {
  const known = peersByUnits.get(units);
  // (the same units grouped the same way: every unit's group as before)
  if (known && units.every((g, p) => known.groupOf[p] === peerGroup[g])) return known.runs;
  const groups = new Map<string, number[]>();
  for (const g of units) {
    const k = peerGroup[g] as string;
    const list = groups.get(k);
    if (list) list.push(g);
    else groups.set(k, [g]);
  }
  const keys = [...groups.keys()].sort(compareCodes);
  const runs: PeerRuns = [];
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && compareCodes(keys[i] as string, keys[j] as string) === 0) j++;
    runs.push(keys.slice(i, j).map((k) => groups.get(k) as number[]));
    i = j;
  }
  peersByUnits.set(units, { groupOf: Array.from(units, (g) => peerGroup[g] as string), runs });
  return runs;
}

/** Ranks and bands of one level's units, and their order: peer group, rank, code (as score()). */
function rankLevel(criteria: Criteria, units: Int32Array, out: ColumnarResult, key: Float64Array): Int32Array {
  const { ranking, bands } = criteria;
  const code = out.dataset.code;
  const valueOf = (g: number, on: "percent" | "score"): number => (on === "percent" ? (out.percent[g] as number) : (out.score[g] as number));
  // The key of each ranked unit: its value rounded at the ranking's decimals (bands reuse it
  // when they grade the same value).
  for (const g of units) if (out.status[g] !== NOT_RANKED) key[g] = roundTo(valueOf(g, ranking.on), ranking.decimals);
  const ordered = new Int32Array(units.length);
  let o = 0;
  for (const groups of peerRuns(units, out.peerGroup)) {
    const run: number[] = [];
    for (const g of groups) {
      // The ranking's order, best first, ties by code: the group is in code order, and the sort
      // is stable. Then the units not ranked, by code.
      const ranked = g.filter((u) => out.status[u] !== NOT_RANKED).sort((a, b) => (key[b] as number) - (key[a] as number));
      let r = 0;
      let distinct = 0;
      ranked.forEach((u, j) => {
        if (j === 0 || key[u] !== key[ranked[j - 1] as number]) {
          distinct++;
          r = ranking.method === "dense" ? distinct : j + 1;
        }
        out.rank[u] = r;
        run.push(u);
      });
      for (const u of g) if (out.status[u] === NOT_RANKED) run.push(u);
    }
    if (groups.length > 1) run.sort((a, b) => compareCodes(out.peerGroup[a] as string, out.peerGroup[b] as string) || (out.rank[a] || Infinity) - (out.rank[b] || Infinity) || compareCodes(code[a] as string, code[b] as string));
    for (const u of run) ordered[o++] = u;
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
    name: d.nameOf(g),
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
      if (cell.kind === "number") (col.value as Float64Array)[i] = cell.value;
      else if (cell.kind === "boolean") (col.value as Float64Array)[i] = cell.value ? 1 : 0;
      else {
        let t = textIndex.get(cell.value);
        if (t === undefined) {
          textIndex.set(cell.value, (t = col.texts.length));
          col.texts.push(cell.value);
        }
        (col.value as Float64Array)[i] = t;
      }
    });
    return col;
  });
  const out: ColumnarDataset = {
    size: n,
    code: data.units.map((u) => u.code),
    nameOf: (i) => data.units[i]?.name ?? "",
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
