// The scoring engine: pure. Criteria and unit data in, the result model out.
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import { ruleMaxAt, weightAt, type Criteria, type CriteriaNode, type GroupNode, type IndicatorNode, type Level } from "../model/criteria.ts";
import type { Cell, Dataset, UnitData } from "../model/data.ts";
import type { LevelResult, NodeScore, Result, Status, UnitResult } from "../model/result.ts";
import { bandOf, compareCodes, rankGroup, roundTo } from "./rank.ts";
import { applyRule, cellValue, clamp01, cohortStats, ruleReads, type RuleOutcome } from "./rules.ts";
import { mean, median, STATS } from "./stats.ts";

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

interface LevelContext {
  level: Level;
  units: UnitData[];
  /** results of levels already scored, by unit code, for roll-ups */
  scored: Map<string, UnitResult>;
  /** unit code -> the codes of its descendants, per level */
  descendants: (code: string, level: string) => string[];
  diagnostics: Diagnostic[];
}

/** One indicator's cells read and scored by its rule, for every unit of a level (by position). */
interface Rated {
  /** the rule's outcome, where the unit has a value the rule reads */
  outcomes: (RuleOutcome | undefined)[];
  /** the cell of each unit (a value, or "not applicable") */
  cells: (Cell | undefined)[];
  /** the rates of the units with a value, in unit order: the cohort of an imputation */
  rates: number[];
}

function rate(ind: IndicatorNode, ctx: LevelContext, ruleMax: number): Rated {
  const n = ctx.units.length;
  const outcomes: (RuleOutcome | undefined)[] = new Array(n);
  const cells: (Cell | undefined)[] = new Array(n);
  const values: (number | boolean | string | undefined)[] = new Array(n);
  const reads = ruleReads(ind.rule);
  const rollup = ind.rule.type === "rollup";
  for (let i = 0; i < n; i++) {
    const u = ctx.units[i] as UnitData;
    if (rollup) {
      values[i] = rollupValue(ind, u.code, ctx);
      continue;
    }
    const cell = u.cells.get(ind.id);
    if (!cell) continue;
    cells[i] = cell;
    if (cell.kind === "na") continue;
    values[i] = cellValue(cell, reads);
  }
  const needsCohort = ind.rule.type === "relative" || ind.rule.type === "minmax" || ind.rule.type === "zscore";
  const stats = needsCohort ? cohortStats(values.filter((v) => v !== undefined) as number[]) : undefined;
  const rctx = stats ? { max: ruleMax, unitScale: unitScale(ind), stats } : { max: ruleMax, unitScale: unitScale(ind) };
  const rates: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === undefined) continue;
    const o = applyRule(ind.rule, v, rctx);
    outcomes[i] = o;
    rates.push(o.rate);
  }
  return { outcomes, cells, rates };
}

/** Scores one indicator for every unit of a level (by position): cohort-aware, missing values by policy. */
function scoreIndicator(ind: IndicatorNode, ctx: LevelContext): NodeScore[] {
  const n = ctx.units.length;
  const out: NodeScore[] = new Array(n);
  const max = ind.maxByLevel.get(ctx.level.id);
  if (max === undefined) {
    for (let i = 0; i < n; i++) out[i] = { id: ind.id, kind: "indicator", applicable: false, included: false, points: null, max: 0, rate: null };
    return out;
  }
  const { outcomes, cells, rates } = rate(ind, ctx, ruleMaxAt(ind, ctx.level.id, max));
  // the rate a missing value takes under impute-mean or impute-median: the cohort's, found once
  let cohortRate: number | undefined;
  const imputed = (): number => (cohortRate ??= (ind.missing === "impute-mean" ? mean(rates) : median(rates)) ?? 0);
  for (let i = 0; i < n; i++) {
    const o = outcomes[i];
    const cell = cells[i];
    if (o) {
      const ns: NodeScore = { id: ind.id, kind: "indicator", applicable: true, included: true, points: o.rate * max, max, rate: o.rate, detail: o.detail };
      if (cell) ns.cell = cell;
      out[i] = ns;
    } else if (cell?.kind === "na") {
      out[i] = { id: ind.id, kind: "indicator", applicable: false, included: false, points: null, max: 0, rate: null, cell };
    } else {
      out[i] = missingScore(ind, ctx.units[i] as UnitData, max, imputed, ctx);
    }
  }
  return out;
}

function missingScore(ind: IndicatorNode, u: UnitData, max: number, imputed: () => number, ctx: LevelContext): NodeScore {
  // Bonus and penalty points that are not claimed are simply zero: that is not missing data.
  if (ind.role !== "score") return { id: ind.id, kind: "indicator", applicable: true, included: true, points: 0, max, rate: 0 };
  switch (ind.missing) {
    case "exclude":
      return { id: ind.id, kind: "indicator", applicable: true, included: false, points: null, max: 0, rate: null, missing: "exclude" };
    case "impute-mean":
    case "impute-median": {
      const r = imputed();
      return { id: ind.id, kind: "indicator", applicable: true, included: true, points: r * max, max, rate: r, missing: ind.missing };
    }
    case "error":
      if (u.submitted) {
        ctx.diagnostics.push(diag("MISSING_VALUE", "error", { unit: u.code, indicator: ind.id }, u.blanks.get(ind.id) ?? u.row ?? u.source ?? {}));
      }
      return { id: ind.id, kind: "indicator", applicable: true, included: true, points: 0, max, rate: 0, missing: "error" };
    default:
      return { id: ind.id, kind: "indicator", applicable: true, included: true, points: 0, max, rate: 0, missing: "zero" };
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
  return STATS[ind.rule.stat ?? "mean"](rates) ?? undefined;
}

/**
 * The tree numbered for aggregation: the indicators first (in criteria.indicators order), then the
 * groups in post-order (children before their group), each group with the numbers of its children.
 */
interface Numbering {
  groups: { node: GroupNode; at: number; children: number[] }[];
  root: number;
  bonus: number[];
  penalty: number[];
  /** the numbers of the scored indicators (not bonus or penalty) */
  scored: number[];
}

function numberTree(criteria: Criteria): Numbering {
  const at = new Map<string, number>(criteria.indicators.map((ind, k) => [ind.id, k] as const));
  const groups: Numbering["groups"] = [];
  const number = (node: CriteriaNode): number => {
    if (node.kind === "indicator") return at.get(node.id) as number;
    const children = node.children.map(number);
    const n = criteria.indicators.length + groups.length;
    groups.push({ node, at: n, children });
    return n;
  };
  const root = number(criteria.root);
  const ids = (adj: Criteria["bonus"]): number[] => (adj ? adj.indicators.map((i) => at.get(i.id) as number) : []);
  const scored: number[] = [];
  criteria.indicators.forEach((ind, k) => {
    if (ind.role === "score") scored.push(k);
  });
  return { groups, root, bonus: ids(criteria.bonus), penalty: ids(criteria.penalty), scored };
}

/** Aggregates a group for one unit from its children's scores (numbered as in Numbering). */
function aggregate(group: GroupNode, children: number[], level: string, scores: NodeScore[]): NodeScore {
  let anyApplicable = false;
  let included = 0;
  for (const c of children) {
    const k = scores[c] as NodeScore;
    if (k.applicable) anyApplicable = true;
    if (k.included) included++;
  }
  const applicable = group.maxByLevel.has(level) && anyApplicable;
  if (!applicable || included === 0) {
    return { id: group.id, kind: "group", applicable, included: false, points: null, max: 0, rate: null };
  }
  if (group.aggregation === "sum") {
    let points = 0;
    let max = 0;
    for (const c of children) {
      const k = scores[c] as NodeScore;
      if (!k.included) continue;
      points += k.points ?? 0;
      max += k.max;
    }
    return { id: group.id, kind: "group", applicable, included: true, points, max, rate: max > 0 ? clamp01(points / max) : 0 };
  }
  let w = 0;
  let acc = 0;
  let anyZero = false;
  children.forEach((c, i) => {
    const k = scores[c] as NodeScore;
    if (!k.included) return;
    const child = group.children[i] as CriteriaNode;
    const wk = weightAt(child, level);
    const r = k.rate ?? 0;
    w += wk;
    if (group.aggregation === "mean") acc += wk * r;
    else if (r <= 0) anyZero = true;
    else acc += wk * Math.log(r);
  });
  const rate = w <= 0 ? 0 : group.aggregation === "mean" ? acc / w : anyZero ? 0 : Math.exp(acc / w);
  const max = group.maxByLevel.get(level) ?? 0;
  return { id: group.id, kind: "group", applicable, included: true, points: clamp01(rate) * max, max, rate: clamp01(rate) };
}

function adjustmentPoints(adj: Criteria["bonus"], numbers: number[], scores: NodeScore[]): number {
  if (!adj) return 0;
  let p = 0;
  for (const k of numbers) p += scores[k]?.points ?? 0;
  return Math.min(p, adj.max);
}

function scoreLevel(criteria: Criteria, ctx: LevelContext): UnitResult[] {
  const perIndicator = criteria.indicators.map((ind) => scoreIndicator(ind, ctx));
  const numbering = numberTree(criteria);
  const K = criteria.indicators.length;
  const level = ctx.level.id;

  const results: UnitResult[] = ctx.units.map((u, i) => {
    const scores: NodeScore[] = new Array(K + numbering.groups.length);
    for (let k = 0; k < K; k++) scores[k] = (perIndicator[k] as NodeScore[])[i] as NodeScore;
    for (const g of numbering.groups) scores[g.at] = aggregate(g.node, g.children, level, scores);
    // The same record as ever: indicators in criteria order, then groups children first.
    const nodes: Record<string, NodeScore> = {};
    for (const s of scores) nodes[s.id] = s;
    const root = scores[numbering.root] as NodeScore;
    const max = root.max;
    const bonus = adjustmentPoints(criteria.bonus, numbering.bonus, scores);
    const penalty = adjustmentPoints(criteria.penalty, numbering.penalty, scores);
    const ranked = u.submitted && root.included && max > 0;
    const base = ranked ? (root.points ?? 0) : null;
    const score = base === null ? null : Math.min(max, Math.max(0, base + bonus - penalty));
    let missing = false;
    for (const k of numbering.scored) if ((scores[k] as NodeScore).missing !== undefined) missing = true;
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
  // Each value is rounded to the tie decimals once, and once only when bands and ranks read the same.
  const keyOf = (r: UnitResult, on: "percent" | "score"): number | null => {
    const v = valueOf(r, on);
    return r.status === "not-ranked" || v === null ? null : roundTo(v, ranking.decimals);
  };
  const rankKeys = new Map<UnitResult, number | null>(results.map((r) => [r, keyOf(r, ranking.on)] as const));
  const groups = new Map<string, UnitResult[]>();
  for (const r of results) {
    const g = groups.get(r.peerGroup) ?? [];
    g.push(r);
    groups.set(r.peerGroup, g);
  }
  for (const g of groups.values()) {
    const rankable: { code: string; key: number }[] = [];
    for (const r of g) {
      const key = rankKeys.get(r);
      if (key !== null && key !== undefined) rankable.push({ code: r.code, key });
    }
    const ranks = rankGroup(rankable, ranking.method);
    for (const r of g) r.rank = ranks.get(r.code) ?? null;
  }
  for (const r of results) {
    const key = bands.on === ranking.on ? rankKeys.get(r) : keyOf(r, bands.on);
    if (key === null || key === undefined) continue;
    r.band = bandOf(key, bands.list)?.id ?? null;
  }
  return results.sort(
    (a, b) =>
      compareCodes(a.peerGroup, b.peerGroup) ||
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      compareCodes(a.code, b.code),
  );
}

/** unit code -> level -> the codes of its descendants at that level, in data order. */
function descendantIndex(data: Dataset): (code: string, level: string) => string[] {
  let index: Map<string, Map<string, string[]>> | undefined;
  return (code, level) => {
    if (!index) {
      index = new Map();
      const byCode = new Map(data.units.map((u) => [u.code, u] as const));
      for (const u of data.units) {
        const seen = new Set<string>();
        for (let p = u.parent; p !== undefined && !seen.has(p); p = byCode.get(p)?.parent) {
          seen.add(p);
          let perLevel = index.get(p);
          if (!perLevel) index.set(p, (perLevel = new Map()));
          const list = perLevel.get(u.level);
          if (list) list.push(u.code);
          else perLevel.set(u.level, [u.code]);
        }
      }
    }
    return index.get(code)?.get(level) ?? [];
  };
}

export function score(criteria: Criteria, data: Dataset): Result {
  const diagnostics: Diagnostic[] = [];
  const descendants = descendantIndex(data);
  const scored = new Map<string, UnitResult>();
  const byLevel = new Map<string, UnitResult[]>();
  for (const level of scoringOrder(criteria)) {
    const units = data.units.filter((u) => u.level === level.id).sort((a, b) => compareCodes(a.code, b.code));
    const ctx: LevelContext = { level, units, scored, descendants, diagnostics };
    const results = scoreLevel(criteria, ctx);
    for (const r of results) scored.set(r.code, r);
    byLevel.set(level.id, results);
  }
  const levels: LevelResult[] = criteria.levels.map((level) => ({ level, units: byLevel.get(level.id) ?? [] }));
  const result: Result = { criteria, levels, diagnostics };
  if (data.period !== undefined) result.period = data.period;
  return result;
}
