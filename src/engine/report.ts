// The computations behind `report`: per level, the summary, the pillar averages, the gap
// analysis and the units left out of the ranking. Pure: a result in, a plain data model out,
// which the md, html and xlsx renderers all read.
import type { Audit } from "./audit.ts";
import type { SensitivityResult } from "./sensitivity.ts";
import type { LevelTrend } from "./trend.ts";
import type { CriteriaNode, Level } from "../model/criteria.ts";
import type { NodeScore, Result, UnitResult } from "../model/result.ts";
import { compareCodes } from "./rank.ts";
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

export function pillarAverages(units: readonly UnitResult[], pillars: readonly CriteriaNode[], level: string): PillarAverage[] {
  const ranked = units.filter(isRanked);
  return pillars.map((p) => {
    const nodes = ranked.flatMap((u) => {
      const n = u.nodes[p.id];
      return n?.included && n.points !== null ? [n] : [];
    });
    return {
      id: p.id,
      max: p.maxByLevel.get(level) ?? 0,
      units: nodes.length,
      meanPoints: mean(nodes.map((n) => n.points as number)),
      meanMax: mean(nodes.map((n) => n.max)),
      meanRate: mean(nodes.map((n) => n.rate ?? 0)),
    };
  });
}

type Outcome = "full" | "partial" | "zero" | "notApplicable" | "missing";

/** Where one unit stands on one indicator. A value left blank is "missing" whatever its policy. */
export function outcome(n: NodeScore): Outcome {
  if (!n.applicable) return "notApplicable";
  if (n.missing !== undefined || !n.included) return "missing";
  const r = n.rate ?? 0;
  return r >= 1 - EPS ? "full" : r <= EPS ? "zero" : "partial";
}

const lost = (n: NodeScore): number => Math.max(0, n.max - (n.points ?? 0));

export function indicatorGaps(units: readonly UnitResult[], indicators: readonly { id: string; path: string[]; maxByLevel: Map<string, number> }[], level: string): IndicatorGap[] {
  const ranked = units.filter(isRanked);
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
    const counted: NodeScore[] = [];
    for (const u of ranked) {
      const n = u.nodes[ind.id];
      if (!n) continue;
      g.units += 1;
      g[outcome(n)] += 1;
      if (n.included && n.points !== null) counted.push(n);
    }
    g.pointsLost = counted.reduce((s, n) => s + lost(n), 0);
    g.meanPoints = mean(counted.map((n) => n.points as number));
    g.meanRate = mean(counted.map((n) => n.rate ?? 0));
    g.meanLost = counted.length ? g.pointsLost / counted.length : null;
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
export function unitWeakest(u: UnitResult, indicatorIds: readonly string[], limit = 3): IndicatorLoss[] {
  return indicatorIds
    .flatMap((id, i) => {
      const n = u.nodes[id];
      if (!n?.included || n.points === null) return [];
      const l = lost(n);
      return l > EPS ? [{ loss: { id, points: n.points, max: n.max, lost: l }, i }] : [];
    })
    .sort((a, b) => b.loss.lost - a.loss.lost || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.loss);
}

function notRankedReason(u: UnitResult): NotRankedReason {
  // A unit that sent nothing has no cell anywhere; one that sent only "not applicable" values
  // (or values its policy left out) has cells but nothing that counts in its maximum.
  return Object.values(u.nodes).some((n) => n.cell !== undefined) ? "nothing-applicable" : "no-data";
}

function peerGroupsOf(level: Level, units: readonly UnitResult[], names: Record<string, string>): PeerGroup[] {
  const groups = new Map<string, UnitResult[]>();
  for (const u of units) groups.set(u.peerGroup, [...(groups.get(u.peerGroup) ?? []), u]);
  return [...groups].map(([key, us]) => ({ key, label: level.peers.by === "parent" ? (names[key] ?? key) : key, units: us }));
}

export function buildReport(result: Result, o: { weakest?: number; perUnit?: number } = {}): Report {
  const c = result.criteria;
  const names: Record<string, string> = {};
  // every unit's name, districts too when --level kept only the communes
  if (result.names) for (const [code, name] of result.names) names[code] = name;
  for (const l of result.levels) for (const u of l.units) names[u.code] = u.name;
  const bandIds = c.bands.list.map((b) => b.id);
  const levels = result.levels.map((l): LevelReport => {
    const id = l.level.id;
    const pillars = c.root.children.filter((n) => n.maxByLevel.has(id));
    const scored = c.indicators.filter((i) => i.role === "score" && i.maxByLevel.has(id));
    const gaps = indicatorGaps(l.units, scored, id);
    const ids = scored.map((i) => i.id);
    const ranked = l.units.filter(isRanked);
    return {
      level: l.level,
      units: l.units,
      peerGroups: peerGroupsOf(l.level, l.units, names),
      pillars,
      summary: summarise(l.units, bandIds),
      pillarAverages: pillarAverages(l.units, pillars, id),
      gaps,
      weakest: weakestIndicators(gaps, o.weakest ?? 5),
      unitGaps: ranked.map((u) => ({ code: u.code, name: u.name, weakest: unitWeakest(u, ids, o.perUnit ?? 3) })),
      notRanked: l.units
        .filter((u) => !isRanked(u))
        .sort((a, b) => compareCodes(a.code, b.code))
        .map((u) => ({ code: u.code, name: u.name, ...(u.parent !== undefined ? { parent: u.parent } : {}), reason: notRankedReason(u) })),
      incomplete: l.units
        .filter((u) => u.status === "incomplete")
        .map((u) => ({
          code: u.code,
          name: u.name,
          missing: ids.flatMap((i) => {
            const m = u.nodes[i]?.missing;
            return m === undefined ? [] : [{ id: i, policy: m }];
          }),
        })),
    };
  });
  return { result, names, levels };
}
