// The computations behind `report`: per level, the summary, the pillar averages, the gap
// analysis and the units left out of the ranking. Pure: a result in, a plain data model out,
// which the md, html and xlsx renderers all read.
import type { Audit } from "./audit.ts";
import type { SensitivityResult } from "./sensitivity.ts";
import type { LevelTrend } from "./trend.ts";
import type { CriteriaNode, Level } from "../model/criteria.ts";
import type { IndicatorFigures, NodeColumn, NodeScore, Result, ResultColumns, UnitResult } from "../model/result.ts";
import { compareCodes } from "./rank.ts";
import { columnsOf, unitColumns } from "./views.ts";
import { max, mean, median, min } from "./stats.ts";

/** How far a rate may be from 0 or 1 and still count as zero or full (binary noise). */
const EPS = 1e-9;

export interface LevelSummary {
  /** every unit of the level, ranked or not */
  assessed: number;
  /** units with a rank (including incomplete ones) */
  ranked: number;
  notRanked: number;
  /** ranked with missing values handled by the criteria's policy */
  incomplete: number;
  /** statistics of the percentage over the ranked units; null when none is ranked */
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  /** one entry per band of the criteria, highest first */
  bands: { id: string; count: number }[];
}

export interface PillarAverage {
  /** a top-level node of the criteria (a pillar, or an indicator at the top) */
  id: string;
  /** the pillar's nominal maximum at this level */
  max: number;
  /** units counted: ranked units where the pillar counts in the maximum */
  units: number;
  meanPoints: number | null;
  /** the mean of the units' applicable maxima (below `max` where indicators did not apply) */
  meanMax: number | null;
  /** the mean of points / applicable maximum, in [0, 1] */
  meanRate: number | null;
}

export interface IndicatorGap {
  id: string;
  /** the top-level node the indicator belongs to */
  pillar: string;
  /** the nominal maximum at this level */
  max: number;
  /** ranked units, each counted in exactly one of full, partial, zero, notApplicable, missing */
  units: number;
  full: number;
  partial: number;
  zero: number;
  notApplicable: number;
  /** no value given (scored by the missing policy: zero, imputed, or left out of the maximum) */
  missing: number;
  /** over the units where the indicator counts in the maximum */
  meanPoints: number | null;
  meanRate: number | null;
  /** the sum over units of maximum − points, where the indicator counts in the maximum */
  pointsLost: number;
  /** pointsLost / the units where it counts */
  meanLost: number | null;
}

export interface IndicatorLoss {
  id: string;
  points: number;
  max: number;
  lost: number;
}

export interface UnitGap {
  code: string;
  name: string;
  /** up to three indicators, most points lost first; empty when nothing was lost */
  weakest: IndicatorLoss[];
}

export type NotRankedReason = "no-data" | "nothing-applicable";

export interface NotRankedUnit {
  code: string;
  name: string;
  parent?: string;
  reason: NotRankedReason;
}

export interface IncompleteUnit {
  code: string;
  name: string;
  /** the indicators without a value, and how each was handled */
  missing: { id: string; policy: NonNullable<NodeScore["missing"]> }[];
}

export interface PeerGroup {
  /** "" when the level ranks all its units together */
  key: string;
  /** the parent's name (peers by parent), the attribute value, or "" */
  label: string;
  units: UnitResult[];
}

export interface LevelReport {
  level: Level;
  units: UnitResult[];
  peerGroups: PeerGroup[];
  /** the top-level nodes that apply at this level */
  pillars: CriteriaNode[];
  summary: LevelSummary;
  pillarAverages: PillarAverage[];
  /** every scored indicator that applies at this level, in criteria order */
  gaps: IndicatorGap[];
  /** the indicators that cost the level the most points, worst first */
  weakest: IndicatorGap[];
  unitGaps: UnitGap[];
  notRanked: NotRankedUnit[];
  incomplete: IncompleteUnit[];
}

export interface Report {
  result: Result;
  /** unit code -> name, across levels (to show parents by name) */
  names: Record<string, string>;
  levels: LevelReport[];
  /** per level, the periods of the data when there are three or more */
  trends?: LevelTrend[];
  /** with `report --sensitivity`: how robust each rank is */
  sensitivity?: SensitivityResult;
  /** with `report --audit`: the statistical audit of the criteria on these data, as an annex */
  audit?: Audit;
}

const isRanked = (u: UnitResult): boolean => u.status !== "not-ranked";

export function summarise(units: readonly UnitResult[], bandIds: readonly string[]): LevelSummary {
  const ranked = units.filter(isRanked);
  const pct = ranked.flatMap((u) => (u.percent === null ? [] : [u.percent]));
  return {
    assessed: units.length,
    // (a unit assessed and not ranked is scored, in the statistics, and counted in neither)
    ranked: ranked.filter((u) => u.rank !== null).length,
    notRanked: units.length - ranked.length,
    incomplete: units.filter((u) => u.status === "incomplete").length,
    mean: mean(pct),
    median: median(pct),
    min: min(pct),
    max: max(pct),
    bands: bandIds.map((id) => ({ id, count: ranked.filter((u) => u.band === id).length })),
  };
}

export function pillarAverages(units: readonly UnitResult[], pillars: readonly CriteriaNode[], level: string, cols: ResultColumns = unitColumns(units)): PillarAverage[] {
  const ranked = units.filter(isRanked).map(cols.rowOf);
  return pillars.map((p) => {
    const c = cols.node(p.id);
    const points: number[] = [];
    const maxima: number[] = [];
    const rates: number[] = [];
    if (c) {
      for (const g of ranked) {
        if (!has(c, g) || c.included[g] !== 1 || Number.isNaN(c.points[g])) continue;
        points.push(c.points[g] as number);
        maxima.push(c.max[g] as number);
        rates.push(nullIsZero(c.rate[g] as number));
      }
    }
    return {
      id: p.id,
      max: p.maxByLevel.get(level) ?? 0,
      units: points.length,
      meanPoints: mean(points),
      meanMax: mean(maxima),
      meanRate: mean(rates),
    };
  });
}

/** Whether the unit of row g has the node (a result built by hand may leave it out). */
const has = (c: NodeColumn, g: number): boolean => !c.has || c.has[g] === 1;
const nullIsZero = (x: number): number => (Number.isNaN(x) ? 0 : x);

type Outcome = "full" | "partial" | "zero" | "notApplicable" | "missing";

/** Where one unit stands on one indicator. A value left blank is "missing" whatever its policy. */
export function outcome(n: NodeScore): Outcome {
  return outcomeOf(n.applicable, n.included, n.missing !== undefined, n.rate ?? 0);
}

function outcomeOf(applicable: boolean, included: boolean, missing: boolean, rate: number): Outcome {
  if (!applicable) return "notApplicable";
  if (missing || !included) return "missing";
  return rate >= 1 - EPS ? "full" : rate <= EPS ? "zero" : "partial";
}

const lostOf = (max: number, points: number): number => Math.max(0, max - (Number.isNaN(points) ? 0 : points));

export function indicatorGaps(units: readonly UnitResult[], indicators: readonly { id: string; path: string[]; maxByLevel: Map<string, number> }[], level: string, cols: ResultColumns = unitColumns(units)): IndicatorGap[] {
  const ranked = units.filter(isRanked).map(cols.rowOf);
  return indicators.map((ind) => {
    const g: IndicatorGap = {
      id: ind.id,
      pillar: ind.path[0] ?? ind.id,
      max: ind.maxByLevel.get(level) ?? 0,
      units: 0,
      full: 0,
      partial: 0,
      zero: 0,
      notApplicable: 0,
      missing: 0,
      meanPoints: null,
      meanRate: null,
      pointsLost: 0,
      meanLost: null,
    };
    const c = cols.indicator(ind.id);
    const points: number[] = [];
    const rates: number[] = [];
    if (c) {
      for (const row of ranked) {
        if (!has(c, row)) continue;
        g.units += 1;
        const included = c.included[row] === 1;
        const rate = nullIsZero(c.rate[row] as number);
        g[outcomeOf(c.applicable[row] === 1, included, c.missing(row) !== undefined, rate)] += 1;
        if (!included || Number.isNaN(c.points[row])) continue;
        points.push(c.points[row] as number);
        rates.push(rate);
        g.pointsLost += lostOf(c.max[row] as number, c.points[row] as number);
      }
    }
    g.meanPoints = mean(points);
    g.meanRate = mean(rates);
    g.meanLost = points.length ? g.pointsLost / points.length : null;
    return g;
  });
}

/** The indicators that cost the most points per unit; ties: the lower mean rate, then criteria order. */
export function weakestIndicators(gaps: readonly IndicatorGap[], limit = 5): IndicatorGap[] {
  return gaps
    .map((g, i) => ({ g, i }))
    .filter(({ g }) => (g.meanLost ?? 0) > EPS)
    .sort((a, b) => (b.g.meanLost ?? 0) - (a.g.meanLost ?? 0) || (a.g.meanRate ?? 0) - (b.g.meanRate ?? 0) || a.i - b.i)
    .slice(0, limit)
    .map(({ g }) => g);
}

/** A unit's indicators by points lost, most first; ties in criteria order. */
export function unitWeakest(u: UnitResult, indicatorIds: readonly string[], limit = 3, cols: ResultColumns = unitColumns([u])): IndicatorLoss[] {
  const g = cols.rowOf(u);
  // the `limit` largest losses, kept in order as they come (lost, then criteria order)
  const top: IndicatorLoss[] = [];
  for (const id of indicatorIds) {
    const c = cols.node(id);
    if (!c || !has(c, g) || c.included[g] !== 1 || Number.isNaN(c.points[g])) continue;
    const points = c.points[g] as number;
    const max = c.max[g] as number;
    const l = lostOf(max, points);
    if (!(l > EPS)) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1] as IndicatorLoss).lost < l) at--;
    if (at >= limit) continue;
    top.splice(at, 0, { id, points, max, lost: l });
    if (top.length > limit) top.pop();
  }
  return top;
}

function notRankedReason(u: UnitResult, cols: ResultColumns): NotRankedReason {
  // A unit that sent nothing has no cell anywhere; one that sent only "not applicable" values
  // (or values its policy left out) has cells but nothing that counts in its maximum.
  return cols.hasCell(cols.rowOf(u)) ? "nothing-applicable" : "no-data";
}

/** The indicators a unit has no value for, and how each was handled. */
function missingOf(row: number, ids: readonly string[], figures: readonly (IndicatorFigures | undefined)[]): IncompleteUnit["missing"] {
  const out: IncompleteUnit["missing"] = [];
  figures.forEach((f, i) => {
    const policy = f?.missing(row);
    if (policy !== undefined) out.push({ id: ids[i] as string, policy });
  });
  return out;
}

function peerGroupsOf(level: Level, units: readonly UnitResult[], names: Record<string, string>): PeerGroup[] {
  const groups = new Map<string, UnitResult[]>();
  for (const u of units) {
    const g = groups.get(u.peerGroup);
    if (g) g.push(u);
    else groups.set(u.peerGroup, [u]);
  }
  return [...groups].map(([key, us]) => ({ key, label: level.peers.by === "parent" ? (names[key] ?? key) : key, units: us }));
}

export function buildReport(result: Result, o: { weakest?: number; perUnit?: number } = {}): Report {
  const c = result.criteria;
  const names: Record<string, string> = {};
  // every unit's name, districts too when --level kept only the communes
  if (result.names) for (const [code, name] of result.names) names[code] = name;
  for (const l of result.levels) for (const u of l.units) names[u.code] = u.name;
  const bandIds = c.bands.list.map((b) => b.id);
  const cols = columnsOf(result);
  const levels = result.levels.map((l): LevelReport => {
    const id = l.level.id;
    const pillars = c.root.children.filter((n) => n.maxByLevel.has(id));
    const scored = c.indicators.filter((i) => i.role === "score" && i.maxByLevel.has(id));
    const gaps = indicatorGaps(l.units, scored, id, cols);
    const ids = scored.map((i) => i.id);
    const figures = ids.map((i) => cols.indicator(i));
    const ranked = l.units.filter(isRanked);
    return {
      level: l.level,
      units: l.units,
      peerGroups: peerGroupsOf(l.level, l.units, names),
      pillars,
      summary: summarise(l.units, bandIds),
      pillarAverages: pillarAverages(l.units, pillars, id, cols),
      gaps,
      weakest: weakestIndicators(gaps, o.weakest ?? 5),
      unitGaps: ranked.map((u) => ({ code: u.code, name: u.name, weakest: unitWeakest(u, ids, o.perUnit ?? 3, cols) })),
      notRanked: l.units
        .filter((u) => !isRanked(u))
        .sort((a, b) => compareCodes(a.code, b.code))
        .map((u) => ({ code: u.code, name: u.name, ...(u.parent !== undefined ? { parent: u.parent } : {}), reason: notRankedReason(u, cols) })),
      incomplete: l.units
        .filter((u) => u.status === "incomplete")
        .map((u) => ({
          code: u.code,
          name: u.name,
          missing: missingOf(cols.rowOf(u), ids, figures),
        })),
    };
  });
  return { result, names, levels };
}
