// The computations behind `report`: per level, the summary, the pillar averages, the gap
// analysis and the units left out of the ranking. Pure: a result in, a plain data model out,
// which the md, html and xlsx renderers all read.
import type { Audit } from "./audit.ts";
import type { SensitivityResult } from "./sensitivity.ts";
import type { LevelTrend } from "./trend.ts";
import type { CriteriaNode, Level } from "../model/criteria.ts";
import type { IndicatorFigures, LevelResult, NodeColumn, NodeScore, Result, ResultColumns, UnitFigures, UnitNames, UnitResult } from "../model/result.ts";
import { compareCodes } from "./rank.ts";
import { NOT_MISSING } from "./rate.ts";
import { columnsOf, includedPoints, namesOfOwnUnits, unitColumns } from "./views.ts";
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
  /** its units' rows in the result's columns (engine/views.ts columnsOf), in the level's order */
  rows: number[];
  /** its units (made when first read: the long tables read `rows`) */
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
  names: UnitNames;
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
  return summaryAt(units.map((_, i) => i), unitColumns(units).unit, bandIds);
}

/** summarise of the units at `rows`. */
function summaryAt(rows: ArrayLike<number>, unit: UnitFigures, bandIds: readonly string[]): LevelSummary {
  // (one pass over the units: a national level has thousands)
  const pct: number[] = [];
  const inBand = new Map<string | null, number>();
  let scored = 0;
  let ranked = 0;
  let incomplete = 0;
  for (let i = 0; i < rows.length; i++) {
    const g = rows[i] as number;
    const status = unit.status(g);
    if (status === "not-ranked") continue;
    scored++;
    if (unit.rank(g) !== null) ranked++;
    if (status === "incomplete") incomplete++;
    const percent = unit.percent(g);
    if (percent !== null) pct.push(percent);
    const band = unit.band(g);
    inBand.set(band, (inBand.get(band) ?? 0) + 1);
  }
  return {
    assessed: rows.length,
    // (a unit assessed and not ranked is scored, in the statistics, and counted in neither)
    ranked,
    notRanked: rows.length - scored,
    incomplete,
    mean: mean(pct),
    median: median(pct),
    min: min(pct),
    max: max(pct),
    bands: bandIds.map((id) => ({ id, count: inBand.get(id) ?? 0 })),
  };
}

/** The rows of the units that are scored (ranked, incomplete or assessed): the statistics' units. */
const rankedRows = (units: readonly UnitResult[], cols: ResultColumns): number[] => units.filter(isRanked).map(cols.rowOf);

// (the means below are sums over the units in their order, divided by the count: stats.ts `mean`
// of the same figures, without a list of them)
const meanOf = (sum: number, count: number): number | null => (count ? sum / count : null);

export function pillarAverages(units: readonly UnitResult[], pillars: readonly CriteriaNode[], level: string, cols: ResultColumns = unitColumns(units)): PillarAverage[] {
  return averagesAt(rankedRows(units, cols), pillars, level, cols);
}

/** pillarAverages of the scored units at `rows`. */
function averagesAt(ranked: readonly number[], pillars: readonly CriteriaNode[], level: string, cols: ResultColumns): PillarAverage[] {
  const averages: PillarAverage[] = [];
  for (const p of pillars) {
    const c = cols.node(p.id);
    let count = 0;
    let points = 0;
    let maxima = 0;
    let rates = 0;
    if (c) {
      for (const g of ranked) {
        const x = includedPoints(c, g);
        if (x === null) continue;
        count++;
        points += x;
        maxima += c.max[g] as number;
        rates += nullIsZero(c.rate[g] as number);
      }
    }
    averages.push({
      id: p.id,
      max: p.maxByLevel.get(level) ?? 0,
      units: count,
      meanPoints: meanOf(points, count),
      meanMax: meanOf(maxima, count),
      meanRate: meanOf(rates, count),
    });
  }
  return averages;
}

const nullIsZero = (x: number): number => (Number.isNaN(x) ? 0 : x);
/** the missing codes of an indicator the result does not hold (read, never written) */
const NONE_MISSING: ArrayLike<number> = { length: 0 };

type Outcome = "full" | "partial" | "zero" | "notApplicable" | "missing";
const OUTCOMES: readonly Outcome[] = ["full", "partial", "zero", "notApplicable", "missing"];

/** Where one unit stands on one indicator. A value left blank is "missing" whatever its policy. */
export function outcome(n: NodeScore): Outcome {
  return OUTCOMES[outcomeOf(n.applicable, n.included, n.missing !== undefined, n.rate ?? 0)] as Outcome;
}

/** outcome's index in OUTCOMES. */
function outcomeOf(applicable: boolean, included: boolean, missing: boolean, rate: number): number {
  if (!applicable) return 3;
  if (missing || !included) return 4;
  return rate >= 1 - EPS ? 0 : rate <= EPS ? 2 : 1;
}

type Indicator = { id: string; path: string[]; maxByLevel: Map<string, number> };

export function indicatorGaps(units: readonly UnitResult[], indicators: readonly Indicator[], level: string, cols: ResultColumns = unitColumns(units)): IndicatorGap[] {
  return indicatorsAt(rankedRows(units, cols), indicators, level, cols, 0).gaps;
}

/** A unit's indicators by points lost, most first; ties in criteria order. */
export function unitWeakest(u: UnitResult, indicatorIds: readonly string[], limit = 3, cols: ResultColumns = unitColumns([u])): IndicatorLoss[] {
  const indicators = indicatorIds.map((id) => ({ id, path: [], maxByLevel: new Map<string, number>() }));
  return indicatorsAt([cols.rowOf(u)], indicators, "", cols, limit).weakest[0] as IndicatorLoss[];
}

/**
 * The gap analysis of the indicators over the scored units at `rows` (indicatorGaps), and each
 * unit's `atMost` largest losses (unitWeakest), in one walk: one indicator's column at a time, unit
 * after unit (a column read unit after unit costs less than every column of one unit, then of the
 * next). Each unit keeps its largest losses as they come, in criteria order, so that an equal
 * loss stays after them.
 */
function indicatorsAt(rows: readonly number[], indicators: readonly Indicator[], level: string, cols: ResultColumns, atMost: number): { gaps: IndicatorGap[]; weakest: IndicatorLoss[][] } {
  const n = rows.length;
  const limit = Math.max(0, atMost);
  // unit p's losses so far, largest first, at p × limit onwards, with the indicators' positions
  const lostBy = new Float64Array(n * limit);
  const which = new Int32Array(n * limit);
  const kept = new Int32Array(n);
  const outcomes = new Int32Array(OUTCOMES.length);
  const figures = indicators.map((ind) => cols.indicator(ind.id));
  // (the same columns: an indicator's figures are its node's, with its cells)
  const columns = indicators.map((ind, i) => figures[i] ?? cols.node(ind.id));
  const gaps: IndicatorGap[] = [];
  // (loops, not a function per indicator, and no call per unit: the one loop nest is compiled
  // once, early in a large level, and runs over every unit of every indicator)
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i] as Indicator;
    const c = columns[i];
    const f = figures[i];
    const missingCode = f?.missingCode ?? NONE_MISSING;
    outcomes.fill(0);
    let count = 0;
    let counted = 0;
    let points = 0;
    let rates = 0;
    let lost = 0;
    if (c) {
      // (the columns read into locals: a property read per unit and column costs more than the arithmetic)
      const { has, applicable, included, rate: rateOf, max, points: pointsOf } = c;
      for (let p = 0; p < n; p++) {
        const row = rows[p] as number;
        if (has !== undefined && has[row] !== 1) continue;
        let rate = rateOf[row] as number;
        if (rate !== rate) rate = 0;
        const isIncluded = included[row] === 1;
        if (f) {
          count++;
          // outcomeOf, written out
          let o: number;
          if (applicable[row] !== 1) o = 3;
          else if (!isIncluded || missingCode[row] !== NOT_MISSING) o = 4;
          else o = rate >= 1 - EPS ? 0 : rate <= EPS ? 2 : 1;
          (outcomes[o] as number)++;
        }
        // includedPoints, written out: the points where they count in the unit's maximum
        if (!isIncluded) continue;
        const x = pointsOf[row] as number;
        if (x !== x) continue;
        const l = Math.max(0, (max[row] as number) - x);
        if (f) {
          counted++;
          points += x;
          rates += rate;
          lost += l;
        }
        if (!(l > EPS) || limit === 0) continue;
        // the unit's largest losses so far, this one put in its place
        const base = p * limit;
        const k = kept[p] as number;
        let at = k;
        while (at > 0 && (lostBy[base + at - 1] as number) < l) at--;
        if (at >= limit) continue;
        for (let j = Math.min(k, limit - 1); j > at; j--) {
          lostBy[base + j] = lostBy[base + j - 1] as number;
          which[base + j] = which[base + j - 1] as number;
        }
        lostBy[base + at] = l;
        which[base + at] = i;
        if (k < limit) kept[p] = k + 1;
      }
    }
    gaps.push({
      id: ind.id,
      pillar: ind.path[0] ?? ind.id,
      max: ind.maxByLevel.get(level) ?? 0,
      units: count,
      full: outcomes[0] as number,
      partial: outcomes[1] as number,
      zero: outcomes[2] as number,
      notApplicable: outcomes[3] as number,
      missing: outcomes[4] as number,
      meanPoints: meanOf(points, counted),
      meanRate: meanOf(rates, counted),
      pointsLost: lost,
      meanLost: meanOf(lost, counted),
    });
  }
  return { gaps, weakest: lossesOf(rows, indicators, columns, { lost: lostBy, which, kept, limit }) };
}

/**
 * Each unit's largest losses as IndicatorLoss, from indicatorsAt's walk. (A function apart: the
 * walk's loop is compiled while it runs, and this loop after it, in the same function, had no
 * type feedback yet there, and threw that compiled code away at every level.)
 */
function lossesOf(rows: readonly number[], indicators: readonly Indicator[], columns: readonly (NodeColumn | undefined)[], top: { lost: Float64Array; which: Int32Array; kept: Int32Array; limit: number }): IndicatorLoss[][] {
  const { lost, which, kept, limit } = top;
  const weakest: IndicatorLoss[][] = [];
  for (let p = 0; p < rows.length; p++) {
    const g = rows[p] as number;
    const unit: IndicatorLoss[] = [];
    for (let j = p * limit; j < p * limit + (kept[p] as number); j++) {
      const i = which[j] as number;
      const c = columns[i] as NodeColumn;
      unit.push({ id: (indicators[i] as Indicator).id, points: c.points[g] as number, max: c.max[g] as number, lost: lost[j] as number });
    }
    weakest.push(unit);
  }
  return weakest;
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

function notRankedReason(row: number, cols: ResultColumns): NotRankedReason {
  // A unit that sent nothing has no cell anywhere; one that sent only "not applicable" values
  // (or values its policy left out) has cells but nothing that counts in its maximum.
  return cols.hasCell(row) ? "nothing-applicable" : "no-data";
}

/** The indicators a unit has no value for, and how each was handled. */
function missingOf(row: number, ids: readonly string[], figures: readonly (IndicatorFigures | undefined)[]): IncompleteUnit["missing"] {
  const out: IncompleteUnit["missing"] = [];
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    // (the code read first: a unit misses a few of dozens of indicators)
    if (f === undefined || f.missingCode[row] === NOT_MISSING) continue;
    const policy = f.missing(row);
    if (policy !== undefined) out.push({ id: ids[i] as string, policy });
  }
  return out;
}

/** The level's peer groups, in order of first appearance: each its units' rows and positions in the level. */
function peerGroupsOf(l: LevelResult, rows: ArrayLike<number>, unit: UnitFigures, names: UnitNames): PeerGroup[] {
  const groups = new Map<string, { rows: number[]; at: number[] }>();
  for (let i = 0; i < rows.length; i++) {
    const g = rows[i] as number;
    const key = unit.peerGroup(g);
    const group = groups.get(key);
    if (group) {
      group.rows.push(g);
      group.at.push(i);
    } else groups.set(key, { rows: [g], at: [i] });
  }
  return [...groups].map(([key, { rows: groupRows, at }]) => ({
    key,
    label: l.level.peers.by === "parent" ? (names.get(key) ?? key) : key,
    rows: groupRows,
    get units(): UnitResult[] {
      const units = l.units;
      return at.map((i) => units[i] as UnitResult);
    },
  }));
}

/**
 * Every unit's name, districts too when --level kept only the communes: the names select() keeps
 * (of every unit, before --level), where the result has them and they name its units as they are.
 */
function namesOf(result: Result, cols: ResultColumns): UnitNames {
  const given = result.names;
  if (namesOfOwnUnits(given, result)) return given as UnitNames;
  const { code, name } = cols.unit;
  const agree = (l: LevelResult): boolean => {
    const rows = cols.rows(l);
    for (let i = 0; i < rows.length; i++) if (given?.get(code(rows[i] as number)) !== name(rows[i] as number)) return false;
    return true;
  };
  if (given && result.levels.every(agree)) return given;
  // (the result's own units' names first, then those given)
  const own = new Map<string, string>();
  for (const l of result.levels) {
    const rows = cols.rows(l);
    for (let i = 0; i < rows.length; i++) own.set(code(rows[i] as number), name(rows[i] as number));
  }
  return given ? { get: (c) => own.get(c) ?? given.get(c) } : own;
}

export function buildReport(result: Result, o: { weakest?: number; perUnit?: number } = {}): Report {
  const c = result.criteria;
  const cols = columnsOf(result);
  const names = namesOf(result, cols);
  const bandIds = c.bands.list.map((b) => b.id);
  const unit = cols.unit;
  const levels = result.levels.map((l): LevelReport => {
    const id = l.level.id;
    const pillars = c.root.children.filter((n) => n.maxByLevel.has(id));
    const scored = c.indicators.filter((i) => i.role === "score" && i.maxByLevel.has(id));
    const ids = scored.map((i) => i.id);
    const figures = ids.map((i) => cols.indicator(i));
    // the units sorted out once, by row, off the columns (a national level has thousands: no
    // object per unit is made for them)
    const all = cols.rows(l);
    const ranked: number[] = [];
    const out: number[] = [];
    const incomplete: IncompleteUnit[] = [];
    for (let i = 0; i < all.length; i++) {
      const g = all[i] as number;
      const status = unit.status(g);
      if (status === "not-ranked") {
        out.push(g);
        continue;
      }
      ranked.push(g);
      if (status === "incomplete") incomplete.push({ code: unit.code(g), name: unit.name(g), missing: missingOf(g, ids, figures) });
    }
    const { gaps, weakest } = indicatorsAt(ranked, scored, id, cols, o.perUnit ?? 3);
    return {
      level: l.level,
      get units(): UnitResult[] {
        return l.units;
      },
      peerGroups: peerGroupsOf(l, all, unit, names),
      pillars,
      summary: summaryAt(all, unit, bandIds),
      pillarAverages: averagesAt(ranked, pillars, id, cols),
      gaps,
      weakest: weakestIndicators(gaps, o.weakest ?? 5),
      unitGaps: ranked.map((g, p) => ({ code: unit.code(g), name: unit.name(g), weakest: weakest[p] as IndicatorLoss[] })),
      notRanked: out
        .map((g) => {
          const parent = unit.parent(g);
          return { code: unit.code(g), name: unit.name(g), ...(parent !== undefined ? { parent } : {}), reason: notRankedReason(g, cols) };
        })
        .sort((a, b) => compareCodes(a.code, b.code)),
      incomplete,
    };
  });
  return { result, names, levels };
}
