// The scoring engine: pure. Criteria and unit data in, the result model out.
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import type { Criteria, CriteriaNode, GroupNode, IndicatorNode, Level } from "../model/criteria.ts";
import type { Cell, Dataset, UnitData } from "../model/data.ts";
import type { LevelResult, NodeScore, Result, Status, UnitResult } from "../model/result.ts";
import { bandOf, compareCodes, rankGroup, roundTo } from "./rank.ts";
import { applyRule, cellValue, clamp01, cohortStats, ruleReads } from "./rules.ts";

const unitScale = (ind: IndicatorNode): number => (ind.unit === "percent" ? 100 : 1);

/** Levels ordered so that a level is scored after the levels it rolls up. */
export function scoringOrder(criteria: Criteria): Level[] {
  const deps = new Map<string, Set<string>>(criteria.levels.map((l) => [l.id, new Set<string>()]));
  for (const ind of criteria.indicators) {
    if (ind.rule.type !== "rollup") continue;
    for (const level of ind.maxByLevel.keys()) deps.get(level)?.add(ind.rule.level);
  }
  const done = new Set<string>();
  const order: Level[] = [];
  const visit = (l: Level, seen: Set<string>): void => {
    if (done.has(l.id) || seen.has(l.id)) return; // cycles are refused by the loader
    seen.add(l.id);
    for (const d of deps.get(l.id) ?? []) {
      const dl = criteria.levels.find((x) => x.id === d);
      if (dl) visit(dl, seen);
    }
    done.add(l.id);
    order.push(l);
  };
  for (const l of criteria.levels) visit(l, new Set());
  return order;
}

function peerKey(level: Level, u: UnitData): string {
  switch (level.peers.by) {
    case "parent":
      return u.parent ?? "";
    case "attribute":
      return u.attributes[level.peers.attribute ?? ""] ?? "";
    default:
      return "";
  }
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

interface LevelContext {
  level: Level;
  units: UnitData[];
  /** results of levels already scored, by unit code, for roll-ups */
  scored: Map<string, UnitResult>;
  /** unit code -> the codes of its descendants, per level */
  descendants: (code: string, level: string) => string[];
  diagnostics: Diagnostic[];
}

/**
 * Scores one indicator for every unit of a level: cohort-aware, missing values by policy.
 * The scores come in the order of ctx.units (arrays indexed by position: maps keyed by unit code
 * cost more than the scoring itself at national scale).
 */
function scoreIndicator(ind: IndicatorNode, ctx: LevelContext): NodeScore[] {
  const n = ctx.units.length;
  const out = new Array<NodeScore | undefined>(n);
  const max = ind.maxByLevel.get(ctx.level.id);
  if (max === undefined) {
    for (let i = 0; i < n; i++) out[i] = { id: ind.id, kind: "indicator", applicable: false, included: false, points: null, max: 0, rate: null };
    return out as NodeScore[];
  }
  const reads = ruleReads(ind.rule);
  const values = new Array<{ value: number | boolean | string; cell?: Cell } | undefined>(n);
  const na = new Array<Cell | undefined>(n);
  const cohort: number[] = [];
  ctx.units.forEach((u, i) => {
    if (ind.rule.type === "rollup") {
      const v = rollupValue(ind, u.code, ctx);
      if (v !== undefined) {
        values[i] = { value: v };
        cohort.push(v);
      }
      return;
    }
    const cell = u.cells.get(ind.id);
    if (!cell) return;
    if (cell.kind === "na") {
      na[i] = cell;
      return;
    }
    const v = cellValue(cell, reads);
    if (v !== undefined) {
      values[i] = { value: v, cell };
      cohort.push(v as number);
    }
  });
  const needsCohort = ind.rule.type === "relative" || ind.rule.type === "minmax" || ind.rule.type === "zscore";
  const stats = needsCohort ? cohortStats(cohort) : undefined;

  const rates: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!v) continue;
    const o = applyRule(ind.rule, v.value, stats ? { max, unitScale: unitScale(ind), stats } : { max, unitScale: unitScale(ind) });
    rates.push(o.rate);
    const ns: NodeScore = { id: ind.id, kind: "indicator", applicable: true, included: true, points: o.rate * max, max, rate: o.rate, detail: o.detail };
    if (v.cell) ns.cell = v.cell;
    out[i] = ns;
  }
  // The cohort's mean or median rate, computed once for the indicator (not once per missing value).
  let cohortRate: number | undefined;
  const imputed = (): number =>
    (cohortRate ??= rates.length === 0 ? 0 : ind.missing === "impute-mean" ? mean(rates) : median(rates));
  ctx.units.forEach((u, i) => {
    if (out[i]) return;
    const cell = na[i];
    if (cell) {
      out[i] = { id: ind.id, kind: "indicator", applicable: false, included: false, points: null, max: 0, rate: null, cell };
      return;
    }
    out[i] = missingScore(ind, u, max, imputed, ctx);
  });
  return out as NodeScore[];
}

function missingScore(ind: IndicatorNode, u: UnitData, max: number, imputed: () => number, ctx: LevelContext): NodeScore {
  const base = { id: ind.id, kind: "indicator" as const, applicable: true };
  // Bonus and penalty points that are not claimed are simply zero: that is not missing data.
  if (ind.role !== "score") return { ...base, included: true, points: 0, max, rate: 0 };
  switch (ind.missing) {
    case "exclude":
      return { ...base, included: false, points: null, max: 0, rate: null, missing: "exclude" };
    case "impute-mean":
    case "impute-median": {
      const r = imputed();
      return { ...base, included: true, points: r * max, max, rate: r, missing: ind.missing };
    }
    case "error":
      if (u.submitted) {
        ctx.diagnostics.push(diag("MISSING_VALUE", "error", { unit: u.code, indicator: ind.id }, u.blanks.get(ind.id) ?? u.row ?? u.source ?? {}));
      }
      return { ...base, included: true, points: 0, max, rate: 0, missing: "error" };
    default:
      return { ...base, included: true, points: 0, max, rate: 0, missing: "zero" };
  }
}

function rollupValue(ind: IndicatorNode, code: string, ctx: LevelContext): number | undefined {
  if (ind.rule.type !== "rollup") return undefined;
  const of = ind.rule.of ?? "total";
  const rates: number[] = [];
  for (const c of ctx.descendants(code, ind.rule.level)) {
    const r = ctx.scored.get(c);
    if (!r || r.status === "not-ranked") continue;
    const rate = of === "total" ? (r.percent === null ? null : r.percent / 100) : (r.nodes[of]?.rate ?? null);
    if (rate !== null) rates.push(rate);
  }
  if (rates.length === 0) return undefined;
  switch (ind.rule.stat ?? "mean") {
    case "median":
      return median(rates);
    case "min":
      return Math.min(...rates);
    case "max":
      return Math.max(...rates);
    default:
      return mean(rates);
  }
}

/** Aggregates a group for one unit from its children's scores. */
function aggregate(group: GroupNode, level: string, scores: Record<string, NodeScore>): NodeScore {
  const kids = group.children.map((c) => scores[c.id]).filter((s): s is NodeScore => s !== undefined);
  const applicable = group.maxByLevel.has(level) && kids.some((k) => k.applicable);
  const inc = kids.filter((k) => k.included);
  if (!applicable || inc.length === 0) {
    return { id: group.id, kind: "group", applicable, included: false, points: null, max: 0, rate: null };
  }
  if (group.aggregation === "sum") {
    let points = 0;
    let max = 0;
    for (const k of inc) {
      points += k.points ?? 0;
      max += k.max;
    }
    return { id: group.id, kind: "group", applicable, included: true, points, max, rate: max > 0 ? clamp01(points / max) : 0 };
  }
  const weightOf = new Map(group.children.map((c) => [c.id, c.weight] as const));
  let w = 0;
  let acc = 0;
  let anyZero = false;
  for (const k of inc) {
    const wk = weightOf.get(k.id) ?? 1;
    const r = k.rate ?? 0;
    w += wk;
    if (group.aggregation === "mean") acc += wk * r;
    else if (r <= 0) anyZero = true;
    else acc += wk * Math.log(r);
  }
  const rate = w <= 0 ? 0 : group.aggregation === "mean" ? acc / w : anyZero ? 0 : Math.exp(acc / w);
  const max = group.maxByLevel.get(level) ?? 0;
  return { id: group.id, kind: "group", applicable, included: true, points: clamp01(rate) * max, max, rate: clamp01(rate) };
}

function aggregateTree(node: CriteriaNode, level: string, scores: Record<string, NodeScore>): void {
  if (node.kind === "indicator") return;
  for (const c of node.children) aggregateTree(c, level, scores);
  scores[node.id] = aggregate(node, level, scores);
}

function adjustmentPoints(adj: Criteria["bonus"], scores: Record<string, NodeScore>): number {
  if (!adj) return 0;
  let p = 0;
  for (const ind of adj.indicators) p += scores[ind.id]?.points ?? 0;
  return Math.min(p, adj.max);
}

function scoreLevel(criteria: Criteria, ctx: LevelContext): UnitResult[] {
  const perIndicator = criteria.indicators.map((ind) => scoreIndicator(ind, ctx));

  const results: UnitResult[] = ctx.units.map((u, i) => {
    const nodes: Record<string, NodeScore> = {};
    criteria.indicators.forEach((ind, k) => {
      const s = perIndicator[k]?.[i];
      if (s) nodes[ind.id] = s;
    });
    aggregateTree(criteria.root, ctx.level.id, nodes);
    const root = nodes[criteria.root.id] as NodeScore;
    const max = root.max;
    const bonus = adjustmentPoints(criteria.bonus, nodes);
    const penalty = adjustmentPoints(criteria.penalty, nodes);
    const ranked = u.submitted && root.included && max > 0;
    const base = ranked ? (root.points ?? 0) : null;
    const score = base === null ? null : Math.min(max, Math.max(0, base + bonus - penalty));
    const missing = criteria.indicators.some((i) => i.role === "score" && nodes[i.id]?.missing !== undefined);
    const status: Status = !ranked ? "not-ranked" : missing ? "incomplete" : "ranked";
    const r: UnitResult = {
      code: u.code,
      name: u.name,
      level: u.level,
      peerGroup: peerKey(ctx.level, u),
      status,
      score,
      max,
      percent: score === null ? null : (score / max) * 100,
      band: null,
      rank: null,
      base,
      bonus: ranked ? bonus : 0,
      penalty: ranked ? penalty : 0,
      nodes,
    };
    if (u.parent !== undefined) r.parent = u.parent;
    return r;
  });

  const { ranking, bands } = criteria;
  const valueOf = (r: UnitResult, on: "percent" | "score"): number | null => (on === "percent" ? r.percent : r.score);
  const groups = new Map<string, UnitResult[]>();
  for (const r of results) {
    const g = groups.get(r.peerGroup) ?? [];
    g.push(r);
    groups.set(r.peerGroup, g);
  }
  for (const g of groups.values()) {
    const rankable = g.flatMap((r) => {
      const v = valueOf(r, ranking.on);
      return r.status === "not-ranked" || v === null ? [] : [{ code: r.code, key: roundTo(v, ranking.decimals) }];
    });
    const ranks = rankGroup(rankable, ranking.method);
    for (const r of g) r.rank = ranks.get(r.code) ?? null;
  }
  for (const r of results) {
    const v = valueOf(r, bands.on);
    if (r.status === "not-ranked" || v === null) continue;
    r.band = bandOf(roundTo(v, ranking.decimals), bands.list)?.id ?? null;
  }
  return results.sort(
    (a, b) =>
      compareCodes(a.peerGroup, b.peerGroup) ||
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      compareCodes(a.code, b.code),
  );
}

export function score(criteria: Criteria, data: Dataset): Result {
  const diagnostics: Diagnostic[] = [];
  // The units of `level` below `code` (at any depth), in the order of data.units. Found by walking
  // down an index of children, built once: walking up from every unit of the level, for every
  // unit that rolls up, was quadratic (minutes for a national dataset).
  let children: Map<string, number[]> | undefined;
  const descendants = (code: string, level: string): string[] => {
    if (!children) {
      children = new Map();
      data.units.forEach((u, i) => {
        if (u.parent === undefined) return;
        const list = children?.get(u.parent);
        if (list) list.push(i);
        else children?.set(u.parent, [i]);
      });
    }
    const found: number[] = [];
    const seen = new Set<number>();
    const stack = [...(children.get(code) ?? [])];
    for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
      if (seen.has(i)) continue;
      seen.add(i);
      const u = data.units[i] as UnitData;
      if (u.level === level) found.push(i);
      for (const c of children.get(u.code) ?? []) stack.push(c);
    }
    return found.sort((a, b) => a - b).map((i) => (data.units[i] as UnitData).code);
  };
  const scored = new Map<string, UnitResult>();
  const byLevel = new Map<string, UnitResult[]>();
  for (const level of scoringOrder(criteria)) {
    const units = data.units.filter((u) => u.level === level.id).sort((a, b) => compareCodes(a.code, b.code));
    const results = scoreLevel(criteria, { level, units, scored, descendants, diagnostics });
    for (const r of results) scored.set(r.code, r);
    byLevel.set(level.id, results);
  }
  const levels: LevelResult[] = criteria.levels.map((level) => ({ level, units: byLevel.get(level.id) ?? [] }));
  const result: Result = { criteria, levels, diagnostics };
  if (data.period !== undefined) result.period = data.period;
  return result;
}
