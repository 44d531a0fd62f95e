// The engine: scores a dataset in columns, level by level (levels rolled up first), and ranks it.
// Pure. This is the only scorer: every command's result comes from here, a national dataset or a
// million units alike; views.ts turns what it keeps into the result model the renderers read.
//
// A level is scored in one walk of the criteria tree: each indicator is rated for every unit of
// the level (rate.ts) and folded into its group's aggregation as it comes (aggregate.ts), each
// group into its parent, then bonus and penalty, status, ranks and bands (rank.ts).
import type { Diagnostic } from "../diag/diagnostic.ts";
import { weightAt, type Criteria, type CriteriaNode, type GroupNode, type IndicatorNode, type Level } from "../model/criteria.ts";
import { NO_LEVEL, type ColumnarDataset } from "../model/columns.ts";
import type { Status } from "../model/result.ts";
import { aggregation, fold, groupScore, type Aggregation, type NodeValue } from "./aggregate.ts";
import { levelUnits, peerRuns, scoringOrder, type LevelCache } from "./levels.ts";
import { rankLevel } from "./rank.ts";
import { fractionWarnings, NOT_MISSING, rateIndicator, rateScratch, type RateCache, type RateScratch } from "./rate.ts";
import { rollupValues } from "./rollup.ts";
import { computeColumns } from "./compute.ts";
import type { RuleContext } from "./rules.ts";

export const STATUS: readonly Status[] = ["ranked", "not-ranked", "incomplete", "assessed"];
export const RANKED = 0;
export const NOT_RANKED = 1;
export const INCOMPLETE = 2;
/** scored, shown and banded, never given a rank (the manifest's `unranked:`) */
export const ASSESSED = 3;

/**
 * What a scoring keeps besides each unit's total, status, rank and band:
 * - "points": the top-level nodes' points (the ranking's CSV needs no more; a million units);
 * - "top": the top-level nodes whole, and base, bonus and penalty (the ranking's other formats);
 * - "all": every node of every unit, how each missing value was handled, the rules' contexts and
 *   the roll-ups' values (what score, explain, report and compare show).
 */
export type Keep = "points" | "top" | "all";

/** A node's scores of every unit (NaN for null; applicable, included and max are empty under "points"). */
export interface NodeColumns {
  node: CriteriaNode;
  applicable: Uint8Array;
  included: Uint8Array;
  points: Float64Array;
  max: Float64Array;
  rate: Float64Array;
  /** an indicator's missing-data code per unit (rate.ts missingPolicyOf), under "all" */
  missing?: Uint8Array;
}

/** The scoring in columns, indexed by unit (as the dataset); NaN (or 0 for rank, -1 for band) is null. */
export interface ColumnarResult {
  criteria: Criteria;
  period?: string;
  dataset: ColumnarDataset;
  keep: Keep;
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
  /** under "all": every node by id (indicators, groups, the root) */
  nodes: Map<string, NodeColumns>;
  /** under "all": per indicator (criteria.indicators order), the context its rule read at each level */
  contexts: Map<string, RuleContext>[];
  /** under "all": the values of roll-up indicators, by indicator index */
  rollups: Map<number, Float64Array>;
  diagnostics: Diagnostic[];
  /** `--provisional`: the cells in error this ranking was made despite (model/result.ts) */
  provisional?: Diagnostic[];
}

export interface ScoreOptions {
  keep?: Keep;
  /** the rates of values kept from earlier scorings of the same columns (see RateCache) */
  rates?: RateCache;
  /** the levels' units and peer groups kept from earlier scorings of the same dataset */
  levels?: LevelCache;
  /** false: skip the checks of the data itself (figures that look like another scale), which a
   * rescoring of data already checked (a sensitivity run) would only repeat */
  checks?: boolean;
}

function nodeColumns(node: CriteriaNode, n: number, whole: boolean, missing: boolean): NodeColumns {
  const m = whole ? n : 0;
  const c: NodeColumns = {
    node,
    applicable: new Uint8Array(m),
    included: new Uint8Array(m),
    points: new Float64Array(n).fill(NaN),
    max: new Float64Array(m),
    rate: new Float64Array(m).fill(NaN),
  };
  if (missing) c.missing = new Uint8Array(n);
  return c;
}

/** Writes one unit's score of a node into the node's kept columns. */
function keepScore(c: NodeColumns, g: number, s: NodeValue, missing: number): void {
  c.points[g] = s.points;
  if (c.max.length === 0) return;
  c.applicable[g] = s.applicable ? 1 : 0;
  c.included[g] = s.included ? 1 : 0;
  c.max[g] = s.max;
  c.rate[g] = s.rate;
  if (c.missing) c.missing[g] = missing;
}

export function scoreColumns(criteria: Criteria, loaded: ColumnarDataset, { keep = "all", rates, levels: cache, checks = true }: ScoreOptions = {}): ColumnarResult {
  const n = loaded.size;
  const computeDiagnostics: Diagnostic[] = [];
  // the values of computed indicators, once (a caller that scores again passes them computed)
  const data = computeColumns(criteria, loaded, computeDiagnostics);
  const whole = keep !== "points";
  const all = keep === "all";
  const out: ColumnarResult = {
    criteria,
    dataset: data,
    keep,
    levels: [],
    peerGroup: new Array<string>(n).fill(""),
    status: new Uint8Array(n).fill(NOT_RANKED),
    score: new Float64Array(n).fill(NaN),
    max: new Float64Array(n),
    percent: new Float64Array(n).fill(NaN),
    base: new Float64Array(whole ? n : 0).fill(NaN),
    bonus: new Float64Array(whole ? n : 0),
    penalty: new Float64Array(whole ? n : 0),
    rank: new Int32Array(n),
    band: new Int16Array(n).fill(-1),
    top: [],
    nodes: new Map(),
    contexts: criteria.indicators.map(() => new Map()),
    rollups: new Map(),
    diagnostics: computeDiagnostics,
  };
  if (data.period !== undefined) out.period = data.period;

  // Where each node's scores are kept: every node under "all"; else the top-level nodes, and the
  // rates of the nodes that roll-ups of higher levels read.
  const kept = new Map<string, NodeColumns>();
  const keepNode = (node: CriteriaNode, whole: boolean): NodeColumns => {
    let c = kept.get(node.id);
    if (!c) kept.set(node.id, (c = nodeColumns(node, n, whole, all && node.kind === "indicator")));
    return c;
  };
  if (all) {
    for (const ind of criteria.indicators) keepNode(ind, true);
    const groups = (node: CriteriaNode): void => {
      if (node.kind === "indicator") return;
      node.children.forEach(groups);
      keepNode(node, true);
    };
    groups(criteria.root);
    out.nodes = kept;
  }
  const byId = new Map<string, CriteriaNode>();
  const index = (node: CriteriaNode): void => {
    byId.set(node.id, node);
    if (node.kind === "group") node.children.forEach(index);
  };
  index(criteria.root);
  const nodeRates = new Map<string, Float64Array>();
  for (const ind of criteria.indicators) {
    if (ind.rule.type !== "rollup" || ind.rule.of === undefined || ind.rule.of === "total") continue;
    const node = byId.get(ind.rule.of);
    if (node) nodeRates.set(ind.rule.of, keepNode(node, true).rate);
  }
  out.top = criteria.root.children.map((node) => keepNode(node, whole));

  const levelIndex = new Map(criteria.levels.map((l, i) => [l.id, i] as const));
  const indicatorIndex = new Map(criteria.indicators.map((ind, k) => [ind, k] as const));
  const unitsOf = new Map<string, Int32Array>();
  const rankKeys = new Float64Array(n);
  const byLevel = new Map<string, Int32Array>();
  // unit code -> index, for roll-ups only (the loader's, when it has one)
  let codes: Map<string, number> | undefined = data.index;
  const indexOf = (): Map<string, number> => {
    if (!codes) {
      codes = new Map();
      for (let i = 0; i < n; i++) if (data.level[i] !== NO_LEVEL) codes.set(data.code[i] as string, i);
    }
    return codes;
  };
  const rolledUp = { notRanked: (g: number) => out.status[g] === NOT_RANKED, percent: out.percent, nodeRates };

  for (const level of scoringOrder(criteria)) {
    const li = levelIndex.get(level.id) as number;
    const units = levelUnits(data, li, cache);
    unitsOf.set(level.id, units);
    const m = units.length;
    const missingAny = new Uint8Array(m);
    // a value of a scored indicator, as sent (not imputed, not "not applicable"): a unit that sent
    // only bonus or penalty points, or only "not applicable", is not ranked
    const valued = new Uint8Array(m);
    const scratch: RateScratch = rateScratch(m);
    const rollups = new Map<IndicatorNode, Float64Array>();
    for (const ind of criteria.indicators) {
      if (ind.rule.type !== "rollup" || !ind.maxByLevel.has(level.id)) continue;
      const values = rollupValues(ind, li, data, rolledUp, indexOf(), unitsOf.get(ind.rule.level) ?? new Int32Array(0));
      rollups.set(ind, values);
      if (all) {
        const k = indicatorIndex.get(ind) as number;
        const prev = out.rollups.get(k);
        if (prev) for (const g of units) prev[g] = values[g] as number;
        else out.rollups.set(k, values);
      }
    }

    /** An indicator's scores for every unit of the level, folded into its group as they come. */
    const scoreIndicator = (ind: IndicatorNode, into: Aggregation): void => {
      const max = ind.maxByLevel.get(level.id);
      // not applicable at this level: nothing to fold (kept columns stay as they are: null)
      if (max === undefined) return;
      const k = indicatorIndex.get(ind) as number;
      const c = kept.get(ind.id);
      const weight = weightAt(ind, level.id);
      const rollup = rollups.get(ind);
      const ctx = rateIndicator(
        { ind, k, level: level.id, max, units, data, ...(rollup ? { rollup } : {}), ...(rates ? { rates } : {}), diagnostics: out.diagnostics },
        scratch,
        (p, s, missing) => {
          fold(into, p, s, weight);
          if (ind.role === "score") {
            if (missing !== NOT_MISSING) missingAny[p] = 1;
            else if (s.included) valued[p] = 1;
          }
          if (c) keepScore(c, units[p] as number, s, missing);
        },
      );
      if (all) out.contexts[k]?.set(level.id, ctx);
      if (checks && !rollup) fractionWarnings({ ind, k, level: level.id, units, data, diagnostics: out.diagnostics });
    };
    const one: NodeValue = { applicable: false, included: false, points: NaN, max: 0, rate: NaN };
    /** A group's aggregation over the level: its children scored and folded in, in tree order. */
    const aggregateGroup = (group: GroupNode): Aggregation => {
      const t = aggregation(group.aggregation, m);
      for (const child of group.children) {
        if (child.kind === "indicator") {
          scoreIndicator(child, t);
          continue;
        }
        const sub = aggregateGroup(child);
        const c = kept.get(child.id);
        const weight = weightAt(child, level.id);
        for (let p = 0; p < m; p++) {
          const s = groupScore(sub, child, level.id, p, one);
          fold(t, p, s, weight);
          if (c) keepScore(c, units[p] as number, s, NOT_MISSING);
        }
      }
      return t;
    };
    const root = aggregateGroup(criteria.root);
    const rootKept = kept.get(criteria.root.id);
    const adjustment = (adj: Criteria["bonus"]): Float64Array => {
      const t = aggregation("sum", m);
      if (adj) {
        for (const ind of adj.indicators) scoreIndicator(ind, t);
        for (let q = 0; q < m; q++) t.pointsOrWeight[q] = Math.min(t.pointsOrWeight[q] as number, adj.max);
      }
      return t.pointsOrWeight;
    };
    const bonus = adjustment(criteria.bonus);
    const penalty = adjustment(criteria.penalty);

    const peers = level.peers;
    const attribute = peers.by === "attribute" ? data.attributes.get(peers.attribute ?? "") : undefined;
    for (let p = 0; p < m; p++) {
      const g = units[p] as number;
      const s = groupScore(root, criteria.root, level.id, p, one);
      if (rootKept) keepScore(rootKept, g, s, NOT_MISSING);
      const max = s.max;
      const ranked = data.submitted[g] === 1 && valued[p] === 1 && s.included && max > 0;
      out.max[g] = max;
      out.peerGroup[g] = peers.by === "parent" ? (data.parent[g] ?? "") : peers.by === "attribute" ? (attribute?.[g] ?? "") : "";
      if (!ranked) continue;
      const base = Number.isNaN(s.points) ? 0 : s.points;
      const score = Math.min(max, Math.max(0, base + (bonus[p] as number) - (penalty[p] as number)));
      out.status[g] = data.unranked?.has(g) ? ASSESSED : missingAny[p] ? INCOMPLETE : RANKED;
      if (whole) {
        out.base[g] = base;
        out.bonus[g] = bonus[p] as number;
        out.penalty[g] = penalty[p] as number;
      }
      out.score[g] = score;
      out.percent[g] = (score / max) * 100;
    }
    const { ranking, bands } = criteria;
    const valueOf = (on: "percent" | "score") => (on === "percent" ? (g: number) => out.percent[g] as number : (g: number) => out.score[g] as number);
    const order = rankLevel(
      peerRuns(units, out.peerGroup, cache),
      m,
      { code: data.code, peerGroup: out.peerGroup, notRanked: (g) => out.status[g] === NOT_RANKED || out.status[g] === ASSESSED, banded: (g) => out.status[g] === ASSESSED, rankedValue: valueOf(ranking.on), bandedValue: valueOf(bands.on), rank: out.rank, band: out.band, key: rankKeys },
      { method: ranking.method, decimals: ranking.decimals, sameValue: bands.on === ranking.on },
      bands.list,
    );
    byLevel.set(level.id, order);
  }
  out.levels = criteria.levels.map((level) => ({ level, order: byLevel.get(level.id) ?? new Int32Array(0) }));
  return out;
}
