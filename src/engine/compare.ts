// What changed between two results: two periods of an assessment, or a self-assessment and its
// verification. Pure: two result models in, a comparison model out; every renderer reads it.
import type { Criteria, IndicatorNode, Level, Text } from "../model/criteria.ts";
import type { LevelResult, NodeColumn, Result, ResultColumns, Status, UnitFigures, UnitResult } from "../model/result.ts";
import { columnsOf, includedPoints } from "./views.ts";
import type { Combine } from "../model/crosswalk.ts";
import { bandOf, compareCodes, roundTo } from "./rank.ts";
import { combine, type Lineage } from "./crosswalk.ts";
import { kendallTauB, spearman } from "./correlation.ts";
import { atPrecisionOf, mean } from "./stats.ts";

/** One side of a unit's comparison. */
export interface Side {
  status: Status;
  /** the competition rank in the peer group: 1 + the number of units ranked strictly ahead */
  rank: number | null;
  score: number | null;
  /** null when not ranked */
  max: number | null;
  percent: number | null;
  band: string | null;
}

/**
 * `both`: the unit is in both results; `new`: only in the second; `gone`: only in the first;
 * `merged`: formed, by the crosswalk, from units of the first (compared with their combination).
 */
export type Presence = "both" | "new" | "gone" | "merged";

/** A predecessor of a merged unit, as the first result scored it. */
export interface PredecessorSide {
  code: string;
  name: string;
  share: number;
  weight: number;
  status: Status | null;
  percent: number | null;
}

/** How a merged unit's first side was made: the combination of its predecessors. */
export interface CrosswalkNote {
  combine: Combine;
  /** with `weighted`: the registry attribute */
  weight?: string;
  dates: string[];
  from: PredecessorSide[];
}
export type BandChange = "up" | "down" | "same";

export interface GroupChange {
  id: string;
  before: number | null;
  after: number | null;
  change: number | null;
}

/** An indicator's points on both sides; `change` is its effect on the unit's score. */
export interface IndicatorChange {
  id: string;
  before: number;
  after: number;
  change: number;
}

export interface UnitChange {
  code: string;
  name: string;
  level: string;
  parent?: string;
  peerGroup: string;
  presence: Presence;
  before: Side | null;
  after: Side | null;
  /** ranks gained (positive) or lost (negative); null unless ranked on both sides in the same peer group */
  move: number | null;
  /** null when the two totals are not on the same basis (different criteria) */
  scoreChange: number | null;
  /** in percentage points */
  percentChange: number | null;
  /** null unless both sides have a band that the second side's band list knows */
  bandChange: BandChange | null;
  /** one entry per top-level group of either side, the second side's first */
  groups: GroupChange[];
  /** the indicators whose points differ most, largest first (a few, see CompareOptions) */
  differences: IndicatorChange[];
  /** a merged unit: its first side is the combination of these predecessors */
  crosswalk?: CrosswalkNote;
}

/** How one indicator moved over every unit of a level compared on both sides. */
export interface IndicatorShift {
  id: string;
  /** units with points for the indicator on both sides */
  units: number;
  higher: number;
  lower: number;
  totalChange: number;
  meanChange: number;
}

export interface Transitions {
  /** band ids from the best, then `not-ranked`, then `absent` (the unit is not in that result) */
  categories: string[];
  /** counts[from][to] */
  counts: Record<string, Record<string, number>>;
}

/** How alike the two rankings of one peer group are, over the units ranked on both sides. */
export interface RankCorrelation {
  peerGroup: string;
  /** units ranked on both sides in this peer group */
  units: number;
  /** Spearman's rho of the two ranks (mid-ranks for ties); null below two units or without spread */
  spearman: number | null;
  /** Kendall's tau-b of the two ranks (ties counted); null likewise */
  kendall: number | null;
}

export interface LevelSummary {
  counts: { before: number; after: number; compared: number; up: number; down: number; same: number; new: number; gone: number; merged: number };
  /** over the units ranked on both sides */
  meanPercentChange: number | null;
  meanScoreChange: number | null;
  mostImproved: UnitChange[];
  largestFalls: UnitChange[];
  transitions: Transitions;
  new: string[];
  gone: string[];
  /** units of the second result compared with the combination of their predecessors */
  merged: string[];
  /** ranked in the first result, listed but not ranked in the second */
  stoppedSubmitting: string[];
  /** listed but not ranked in the first result, ranked in the second */
  startedSubmitting: string[];
  /** the indicators that moved most over the level, by total change in points */
  indicators: IndicatorShift[];
  /** the two rankings compared as rankings: one entry per peer group of the level */
  rankCorrelation: RankCorrelation[];
}

export interface LevelComparison {
  level: Level;
  /** by peer group, then by the second side's rank; units not ranked, then gone ones, last */
  units: UnitChange[];
  summary: LevelSummary;
}

export interface IndicatorRef {
  id: string;
  label: Text;
}

export interface MaxChange {
  /** an indicator id, or the criteria's root for the total */
  id: string;
  level: string;
  before: number;
  after: number;
}

export interface Comparison {
  labels: { before: string; after: string };
  before: Result;
  after: Result;
  /** `score` when both criteria give the same indicators the same maxima; otherwise `percent` */
  basis: "score" | "percent";
  indicators: { onlyBefore: IndicatorRef[]; onlyAfter: IndicatorRef[]; maxChanged: MaxChange[] };
  levels: LevelComparison[];
  /** the second side verifies the first (a self-assessment): falls are over-claims, rises under-claims */
  verification?: boolean;
  /** the crosswalk the comparison followed: its file, and how many units of the second side it merged */
  crosswalk?: { file: string; merged: number; predecessors: number; dates: string[] };
}

export interface CompareOptions {
  labels: { before: string; after: string };
  /** how many indicators per unit in `differences` (default 3) */
  differences?: number;
  /** how many units in `mostImproved` and `largestFalls` (default 5) */
  top?: number;
  /** the second side verifies the first */
  verification?: boolean;
  /** the crosswalk: each merged unit of the second result and the units of the first it was formed from */
  lineages?: ReadonlyMap<string, Lineage>;
  /** the crosswalk file, named in the outputs */
  crosswalkFile?: string;
}

const NOT_RANKED = "not-ranked";
const ABSENT = "absent";

/** Which indicators exist on one side only, and which maxima changed: can totals be compared? */
export function criteriaDifferences(before: Criteria, after: Criteria): Comparison["indicators"] {
  const b = new Map(before.indicators.map((i) => [i.id, i] as const));
  const a = new Map(after.indicators.map((i) => [i.id, i] as const));
  const ref = (i: IndicatorNode): IndicatorRef => ({ id: i.id, label: i.label });
  const onlyBefore = before.indicators.filter((i) => !a.has(i.id)).map(ref);
  const onlyAfter = after.indicators.filter((i) => !b.has(i.id)).map(ref);
  const maxChanged: MaxChange[] = [];
  const maxima = (id: string, x: Map<string, number>, y: Map<string, number>) => {
    for (const level of new Set([...x.keys(), ...y.keys()])) {
      const bx = x.get(level) ?? 0;
      const ay = y.get(level) ?? 0;
      if (bx !== ay) maxChanged.push({ id, level, before: bx, after: ay });
    }
  };
  maxima(after.root.id, before.root.maxByLevel, after.root.maxByLevel);
  for (const i of after.indicators) {
    const j = b.get(i.id);
    if (j) maxima(i.id, j.maxByLevel, i.maxByLevel);
  }
  return { onlyBefore, onlyAfter, maxChanged };
}

/**
 * A unit of one result: its row in that result's columns, its level and place there, its status
 * and peer group, and its competition rank. (Read by row: a unit object each, for every unit of
 * both results, was much of the comparison's garbage.)
 */
interface Entry {
  g: number;
  l: LevelResult;
  i: number;
  status: Status;
  peerGroup: string;
  rank: number | null;
}

/** The units of a result by code, each with its row and its competition rank in its peer group. */
function entriesOf(r: Result, cols: ResultColumns): Map<string, Entry> {
  const out = new Map<string, Entry>();
  const unit = cols.unit;
  for (const l of r.levels) {
    const rows = cols.rows(l);
    const ranks = competitionRanks(rows, unit);
    for (let i = 0; i < rows.length; i++) {
      const g = rows[i] as number;
      out.set(unit.code(g), { g, l, i, status: unit.status(g), peerGroup: unit.peerGroup(g), rank: ranks[i] as number | null });
    }
  }
  return out;
}

/** The unit object of an entry (a merged unit's predecessors: the few a crosswalk names). */
const unitOf = (e: Entry): UnitResult => e.l.units[e.i] as UnitResult;

/** The competition rank of every ranked unit of a level's rows (null: not ranked), whatever method the criteria rank with. */
function competitionRanks(rows: ArrayLike<number>, unit: UnitFigures): (number | null)[] {
  const byGroup = new Map<string, number[]>();
  const ranks: (number | null)[] = [];
  // each ranked unit's peers' ranks (the list of its group)
  const peersOf: (number[] | undefined)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const rank = unit.rank(rows[i] as number);
    ranks.push(rank);
    if (rank === null) {
      peersOf.push(undefined);
      continue;
    }
    const peers = unit.peerGroup(rows[i] as number);
    let list = byGroup.get(peers);
    if (list) list.push(rank);
    else byGroup.set(peers, (list = [rank]));
    peersOf.push(list);
  }
  for (const list of byGroup.values()) list.sort((a, b) => a - b);
  return ranks.map((rank, i) => {
    if (rank === null) return null;
    // 1 + the number of ranks below this one: the first index holding this rank (binary search)
    const list = peersOf[i] as number[];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as number) < rank) lo = mid + 1;
      else hi = mid;
    }
    return 1 + lo;
  });
}

function sideOf(e: Entry, unit: UnitFigures): Side {
  const g = e.g;
  return { status: e.status, rank: e.rank, score: unit.score(g), max: unit.max(g), percent: unit.percent(g), band: unit.band(g) };
}

const isRanked = (s: Side | null): s is Side & { percent: number } => s !== null && s.status !== NOT_RANKED && s.percent !== null;

function bandChange(before: Side | null, after: Side | null, bands: readonly { id: string }[]): BandChange | null {
  if (!before?.band || !after?.band) return null;
  if (before.band === after.band) return "same";
  const ib = bands.findIndex((b) => b.id === before.band);
  const ia = bands.findIndex((b) => b.id === after.band);
  if (ib < 0 || ia < 0) return null;
  // bands are listed from the highest
  return ia < ib ? "up" : "down";
}

/**
 * a − b of two results' figures, without binary noise: each figure is exact to its 15th
 * significant digit, and so is their difference, no further (9.652 − 8.85 is 0.802, not
 * 0.802000000000001).
 */
export function difference(a: number, b: number): number {
  // (equal figures, as most of a unit's groups are from one year to the next: no rounding to do)
  if (a === b && Number.isFinite(a)) return 0;
  return atPrecisionOf(a - b, Math.max(Math.abs(a), Math.abs(b)));
}

/** A unit's `nodes[id]?.points`, read off its result's columns (undefined: no such node). */
const pointsAt = (cols: ResultColumns, u: UnitResult, id: string): number | null | undefined => pointsOf(cols.node(id), cols.rowOf(u));

/** A unit's points of a node where they count in its maximum; null when the unit is absent or not ranked. */
function groupAt(c: NodeColumn | undefined, e: { status: Status; g: number } | undefined): number | null {
  return !e || e.status === NOT_RANKED ? null : includedPoints(c, e.g);
}

/** A unit's points of a node where they count in its maximum, else null. */
const groupPoints = (cols: ResultColumns, u: UnitResult | undefined, id: string): number | null => groupAt(cols.node(id), u && { status: u.status, g: cols.rowOf(u) });

/**
 * The indicators of the second criteria that the first has too, with their figures on each side;
 * `k`: the indicator's place in the second criteria (`order`).
 */
type Shared = { k: number; penalty: boolean; before: NodeColumn | undefined; after: NodeColumn | undefined }[];

/** A node's points of a unit's row, as `nodes[id]?.points` (undefined: no such node). */
function pointsOf(c: NodeColumn | undefined, g: number): number | null | undefined {
  if (!c || (c.has && c.has[g] !== 1)) return undefined;
  const x = c.points[g] as number;
  return Number.isNaN(x) ? null : x;
}

/**
 * The indicators whose points differ, as their effect on the score (a penalty counts negatively),
 * four numbers each, in the second criteria's order: the indicator's place there, its points
 * before, after, and the change. (A flat list: a comparison of two years finds dozens per unit,
 * and an object each would be most of the comparison's garbage.)
 */
type Changes = number[];
const NO_CHANGES: Changes = [];

function indicatorChanges(b: Entry, a: Entry, shared: Shared, decimals: number): Changes {
  if (b.status === NOT_RANKED || a.status === NOT_RANKED) return NO_CHANGES;
  const out: Changes = [];
  for (const s of shared) {
    const pb = pointsOf(s.before, b.g);
    const pa = pointsOf(s.after, a.g);
    // (the same points: no change, which most indicators of most units show)
    if (pb === null || pb === undefined || pa === null || pa === undefined || pa === pb) continue;
    const change = s.penalty ? difference(pb, pa) : difference(pa, pb);
    if (roundTo(change, decimals) === 0) continue;
    out.push(s.k, pb, pa, change);
  }
  return out;
}

/**
 * The first `n` of `xs` in the order `cmp`, as a stable sort would list them (equal ones in the
 * order given), without sorting the rest.
 */
function firstOf<T>(xs: Iterable<T>, n: number, cmp: (x: T, y: T) => number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const x of xs) {
    if (out.length === n && cmp(out[n - 1] as T, x) <= 0) continue;
    let j = out.length;
    while (j > 0 && cmp(out[j - 1] as T, x) > 0) j--;
    out.splice(j, 0, x);
    if (out.length > n) out.pop();
  }
  return out;
}

/** The `limit` largest changes, largest first; of equal ones, the first in the criteria (as a stable sort). */
function largestChanges(changes: Changes, limit: number, order: readonly string[]): IndicatorChange[] {
  if (changes.length === 0) return [];
  // (each change is four numbers: the indicator, before, after, the change; picked by offset)
  const offsets = Array.from({ length: changes.length >> 2 }, (_, i) => i << 2);
  const size = (i: number) => Math.abs(changes[i + 3] as number);
  return firstOf(offsets, limit, (i, j) => size(j) - size(i)).map((i) => ({ id: order[changes[i] as number] as string, before: changes[i + 1] as number, after: changes[i + 2] as number, change: changes[i + 3] as number }));
}

function transitionsOf(units: readonly UnitChange[], bandIds: readonly string[]): Transitions {
  const categories = [...bandIds];
  for (const u of units) for (const s of [u.before, u.after]) if (s?.band && !categories.includes(s.band)) categories.push(s.band);
  categories.push(NOT_RANKED, ABSENT);
  const counts: Record<string, Record<string, number>> = {};
  for (const from of categories) counts[from] = Object.fromEntries(categories.map((to) => [to, 0]));
  const cat = (s: Side | null): string => (s === null ? ABSENT : s.status === NOT_RANKED || !s.band ? NOT_RANKED : s.band);
  for (const u of units) {
    const row = counts[cat(u.before)] as Record<string, number>;
    row[cat(u.after)] = (row[cat(u.after)] ?? 0) + 1;
  }
  return { categories, counts };
}

function summarise(units: UnitChange[], bandIds: readonly string[], diffs: ReadonlyMap<UnitChange, Changes>, order: readonly string[], top: number, decimals: number): LevelSummary {
  const compared = units.filter((u) => isRanked(u.before) && isRanked(u.after));
  const moved = units.filter((u) => u.move !== null);
  const changes = compared.map((u) => u.percentChange as number);
  const scoreChanges = compared.flatMap((u) => (u.scoreChange === null ? [] : [u.scoreChange]));
  const byChange = (dir: 1 | -1) =>
    firstOf(
      compared.filter((u) => dir * roundTo(u.percentChange as number, decimals) > 0),
      top,
      (x, y) => dir * ((y.percentChange as number) - (x.percentChange as number)) || compareCodes(x.code, y.code),
    );
  // per indicator of `order`: the units whose points rose and fell, the total change, and the
  // largest points (its total is exact to that figure's 15th digit); summed in the units' order
  const n = order.length;
  const [seen, higher, lower] = [new Uint8Array(n), new Int32Array(n), new Int32Array(n)];
  const [total, largest] = [new Float64Array(n), new Float64Array(n)];
  for (const u of compared) {
    const ch = diffs.get(u) ?? NO_CHANGES;
    for (let i = 0; i < ch.length; i += 4) {
      const k = ch[i] as number;
      const d = ch[i + 3] as number;
      seen[k] = 1;
      largest[k] = Math.max(largest[k] as number, Math.abs(ch[i + 1] as number), Math.abs(ch[i + 2] as number));
      if (d > 0) higher[k] = (higher[k] as number) + 1;
      if (d < 0) lower[k] = (lower[k] as number) + 1;
      total[k] = atPrecisionOf((total[k] as number) + d, largest[k] as number);
    }
  }
  // `units` counts every unit compared, those whose points did not change included.
  const shifts: IndicatorShift[] = [];
  for (let k = 0; k < n; k++) {
    if (seen[k] !== 1 || roundTo(total[k] as number, decimals) === 0) continue;
    shifts.push({ id: order[k] as string, units: compared.length, higher: higher[k] as number, lower: lower[k] as number, totalChange: total[k] as number, meanChange: (total[k] as number) / compared.length });
  }
  // (in the criteria's order already: of equal totals, the first)
  const indicators = firstOf(shifts, top, (x, y) => Math.abs(y.totalChange) - Math.abs(x.totalChange));
  return {
    counts: {
      // a merged unit stands for its predecessors on the first side: they are counted, each once
      before: units.filter((u) => u.before !== null && u.presence !== "merged").length + new Set(units.flatMap((u) => (u.presence === "merged" ? (u.crosswalk?.from.map((p) => p.code) ?? []) : []))).size,
      after: units.filter((u) => u.after !== null).length,
      compared: compared.length,
      up: moved.filter((u) => (u.move as number) > 0).length,
      down: moved.filter((u) => (u.move as number) < 0).length,
      same: moved.filter((u) => u.move === 0).length,
      new: units.filter((u) => u.presence === "new").length,
      gone: units.filter((u) => u.presence === "gone").length,
      merged: units.filter((u) => u.presence === "merged").length,
    },
    meanPercentChange: mean(changes),
    meanScoreChange: scoreChanges.length === compared.length ? mean(scoreChanges) : null,
    mostImproved: byChange(1),
    largestFalls: byChange(-1),
    transitions: transitionsOf(units, bandIds),
    new: units.filter((u) => u.presence === "new").map((u) => u.code),
    gone: units.filter((u) => u.presence === "gone").map((u) => u.code),
    merged: units.filter((u) => u.presence === "merged").map((u) => u.code),
    stoppedSubmitting: units.filter((u) => isRanked(u.before) && u.after !== null && u.after.status === NOT_RANKED).map((u) => u.code),
    startedSubmitting: units.filter((u) => u.before !== null && u.before.status === NOT_RANKED && isRanked(u.after)).map((u) => u.code),
    indicators,
    rankCorrelation: rankCorrelations(units),
  };
}

/**
 * Spearman's rho and Kendall's tau-b of the two ranks, per peer group, over the units whose ranks
 * can be compared (`move` is set: ranked on both sides, in the same peer group). The ranks are
 * competition ranks, so tied units share one and count as ties.
 */
export function rankCorrelations(units: readonly UnitChange[]): RankCorrelation[] {
  const groups = new Map<string, { before: number[]; after: number[] }>();
  for (const u of units) {
    if (!groups.has(u.peerGroup)) groups.set(u.peerGroup, { before: [], after: [] });
    // a move is set only where both sides have a rank in the same peer group
    if (u.move === null || u.before?.rank === null || u.before?.rank === undefined || u.after?.rank === null || u.after?.rank === undefined) continue;
    const g = groups.get(u.peerGroup) as { before: number[]; after: number[] };
    g.before.push(u.before.rank);
    g.after.push(u.after.rank);
  }
  return [...groups].map(([peerGroup, g]) => ({ peerGroup, units: g.before.length, spearman: spearman(g.before, g.after), kendall: kendallTauB(g.before, g.after) }));
}

/**
 * A level's units in the comparison's order: by peer group, then those ranked in the second
 * result, those not ranked there, and gone ones, each by rank (the second side's, else the
 * first's), then by code. Each unit's keys are found once, not at every comparison.
 */
function listed(units: UnitChange[]): UnitChange[] {
  // peer groups by compareCodes, those it holds equal sharing a place
  const groups = [...new Set(units.map((u) => u.peerGroup))].sort(compareCodes);
  const peer = new Map<string, number>();
  groups.forEach((g, i) => peer.set(g, i > 0 && compareCodes(groups[i - 1] as string, g) === 0 ? (peer.get(groups[i - 1] as string) as number) : i));
  const keyed = units.map((u, i) => ({
    u,
    i,
    peer: peer.get(u.peerGroup) as number,
    place: u.presence === "gone" ? 2 : u.after?.rank === null || u.after === null ? 1 : 0,
    rank: u.after?.rank ?? u.before?.rank ?? Infinity,
  }));
  keyed.sort((x, y) => x.peer - y.peer || x.place - y.place || x.rank - y.rank || compareCodes(x.u.code, y.u.code) || x.i - y.i);
  return keyed.map((k) => k.u);
}

export function compare(before: Result, after: Result, o: CompareOptions): Comparison {
  const indicators = criteriaDifferences(before.criteria, after.criteria);
  const basis = indicators.onlyBefore.length || indicators.onlyAfter.length || indicators.maxChanged.length ? "percent" : "score";
  const limit = o.differences ?? 3;
  const top = o.top ?? 5;
  const decimals = after.criteria.ranking.decimals;
  const beforeIds = new Set(before.criteria.indicators.map((i) => i.id));
  const order = after.criteria.indicators.map((i) => i.id);
  const place = new Map(order.map((id, k) => [id, k] as const));
  const groupIds = [...after.criteria.root.children.map((n) => n.id)];
  for (const n of before.criteria.root.children) if (!groupIds.includes(n.id)) groupIds.push(n.id);
  const bandIds = after.criteria.bands.list.map((b) => b.id);
  // (every node of every unit, read off the scorings' columns: no object per node)
  const cols = { before: columnsOf(before), after: columnsOf(after) };
  const shared: Shared = after.criteria.indicators.flatMap((ind, k) => (beforeIds.has(ind.id) ? [{ k, penalty: ind.role === "penalty", before: cols.before.node(ind.id), after: cols.after.node(ind.id) }] : []));
  const groupCols = { before: groupIds.map((g) => cols.before.node(g)), after: groupIds.map((g) => cols.after.node(g)) };

  const levelIds = after.levels.map((l) => l.level.id);
  for (const l of before.levels) if (!levelIds.includes(l.level.id)) levelIds.push(l.level.id);
  const allBefore = entriesOf(before, cols.before);
  const allAfter = entriesOf(after, cols.after);

  // Units of the first result that the crosswalk merged into units of the second: not gone.
  const lineages = o.lineages ?? new Map<string, Lineage>();
  const consumed = new Set<string>();
  for (const [code, l] of lineages) if (allAfter.has(code)) for (const p of l.from) consumed.add(p.code);
  const merge = (l: Lineage) => mergedSide(l, allBefore, cols.before, before.criteria, after.criteria, beforeIds, groupIds);

  const levels: LevelComparison[] = levelIds.map((id) => {
    const la = after.levels.find((l) => l.level.id === id);
    const lb = before.levels.find((l) => l.level.id === id);
    const level = (la ?? lb)?.level as Level;
    // A unit is listed at its level in the second result; a gone unit at its level in the first.
    const codes: string[] = [];
    if (la) {
      const rows = cols.after.rows(la);
      for (let i = 0; i < rows.length; i++) codes.push(cols.after.unit.code(rows[i] as number));
    }
    if (lb) {
      const rows = cols.before.rows(lb);
      for (let i = 0; i < rows.length; i++) {
        const code = cols.before.unit.code(rows[i] as number);
        if (!allAfter.has(code) && !consumed.has(code)) codes.push(code);
      }
    }
    const diffs = new Map<UnitChange, Changes>();
    /** A unit's change, from its two sides: the unit shown (the second side's, else the first's,
     * with its result's figures), the points of each group before, and the crosswalk's note for a merged unit. */
    const change = (shown: Entry, unit: UnitFigures, ea: Entry | undefined, presence: UnitChange["presence"], sb: Side | null, sa: Side | null, changes: Changes, groupBefore: (i: number) => number | null, moved: boolean, note?: UnitChange["crosswalk"]): UnitChange => {
      const both = isRanked(sb) && isRanked(sa);
      const g = shown.g;
      const c: UnitChange = {
        code: unit.code(g),
        name: unit.name(g),
        level: shown.l.level.id,
        peerGroup: shown.peerGroup,
        presence,
        before: sb,
        after: sa,
        move: both && moved && sb.rank !== null && sa.rank !== null ? sb.rank - sa.rank : null,
        scoreChange: both && basis === "score" && sa.score !== null && sb.score !== null ? difference(sa.score, sb.score) : null,
        percentChange: both ? difference(sa.percent, sb.percent) : null,
        bandChange: bandChange(sb, sa, after.criteria.bands.list),
        groups: groupIds.map((g, i) => {
          const pb = groupBefore(i);
          const pa = groupAt(groupCols.after[i], ea);
          return { id: g, before: pb, after: pa, change: pb !== null && pa !== null ? difference(pa, pb) : null };
        }),
        differences: largestChanges(changes, limit, order),
        ...(note ? { crosswalk: note } : {}),
      };
      const parent = unit.parent(g);
      if (parent !== undefined) c.parent = parent;
      diffs.set(c, changes);
      return c;
    };
    const units = codes.map((code): UnitChange => {
      const a = allAfter.get(code);
      const lineage = a ? lineages.get(code) : undefined;
      if (a && lineage) {
        // a unit formed from earlier units, against their combination (no move: no rank before)
        const m = merge(lineage);
        const changes: Changes = [];
        if (a.status !== NOT_RANKED) {
          for (const x of m.indicators) {
            const pa = pointsOf(cols.after.node(x.id), a.g);
            if (pa === null || pa === undefined) continue;
            const change = x.penalty ? difference(x.points, pa) : difference(pa, x.points);
            if (roundTo(change, decimals) !== 0) changes.push(place.get(x.id) as number, x.points, pa, change);
          }
        }
        return change(a, cols.after.unit, a, "merged", m.side, sideOf(a, cols.after.unit), changes, (i) => m.groups.get(groupIds[i] as string) ?? null, false, m.note);
      }
      const b = allBefore.get(code);
      const changes = a && b ? indicatorChanges(b, a, shared, decimals) : NO_CHANGES;
      return change((a ?? b) as Entry, a ? cols.after.unit : cols.before.unit, a, a && b ? "both" : a ? "new" : "gone", b ? sideOf(b, cols.before.unit) : null, a ? sideOf(a, cols.after.unit) : null, changes, (i) => groupAt(groupCols.before[i], b), a?.peerGroup === b?.peerGroup);
    });
    const sorted = listed(units);
    return { level, units: sorted, summary: summarise(sorted, bandIds, diffs, order, top, decimals) };
  });

  const merged = levels.flatMap((l) => l.units.filter((u) => u.presence === "merged"));
  const crosswalk = o.crosswalkFile !== undefined
    ? { file: o.crosswalkFile, merged: merged.length, predecessors: new Set(merged.flatMap((u) => u.crosswalk?.from.map((p) => p.code) ?? [])).size, dates: [...new Set(merged.flatMap((u) => u.crosswalk?.dates ?? []))].sort() }
    : undefined;
  return { labels: o.labels, before, after, basis, indicators, levels, ...(o.verification ? { verification: true } : {}), ...(crosswalk ? { crosswalk } : {}) };
}

/**
 * The first side of a merged unit: its predecessors' results combined as the crosswalk says.
 * Only predecessors ranked in the first result count; with none, the unit was not ranked there.
 * Percentages are combined directly (mean, weighted), or as the sum of scores over the sum of
 * maxima (sum); the band is the first criteria's band of the combined figure; there is no rank.
 */
function mergedSide(l: Lineage, allBefore: ReadonlyMap<string, Entry>, cols: ResultColumns, bc: Criteria, ac: Criteria, beforeIds: ReadonlySet<string>, groupIds: readonly string[]) {
  const how = l.method.combine;
  const preds = l.from.flatMap((p) => {
    const e = allBefore.get(p.code);
    return e ? [{ p, u: unitOf(e) }] : [];
  });
  const ranked = preds.filter(({ u }) => u.status !== NOT_RANKED && u.percent !== null && u.score !== null);
  const over = (f: (u: UnitResult) => number | null) => combine(ranked.flatMap(({ p, u }) => { const x = f(u); return x === null ? [] : [{ x, p }]; }), how);
  const score = over((u) => u.score);
  const max = over((u) => u.max) ?? 0;
  const percent = how === "sum" ? (score !== null && max > 0 ? (100 * score) / max : null) : over((u) => u.percent);
  const status: Status = ranked.length === 0 ? NOT_RANKED : ranked.some(({ u }) => u.status === "incomplete") ? "incomplete" : "ranked";
  const value = bc.bands.on === "score" ? score : percent;
  const band = status === NOT_RANKED || value === null ? null : (bandOf(value, bc.bands.list)?.id ?? null);
  const side: Side = { status, rank: null, score: status === NOT_RANKED ? null : score, max: status === NOT_RANKED ? null : max, percent: status === NOT_RANKED ? null : percent, band };
  const groups = new Map<string, number | null>();
  for (const g of groupIds) {
    const xs = ranked.map(({ p, u }) => ({ x: groupPoints(cols, u, g), p }));
    groups.set(g, xs.length && xs.every((v) => v.x !== null) ? combine(xs as { x: number; p: typeof xs[number]["p"] }[], how) : null);
  }
  const indicators: { id: string; points: number; penalty: boolean }[] = [];
  for (const ind of ac.indicators) {
    if (!beforeIds.has(ind.id) || ranked.length === 0) continue;
    const xs = ranked.map(({ p, u }) => ({ x: pointsAt(cols, u, ind.id) ?? null, p }));
    if (xs.some((v) => v.x === null)) continue;
    const points = combine(xs as { x: number; p: typeof xs[number]["p"] }[], how);
    if (points !== null) indicators.push({ id: ind.id, points, penalty: ind.role === "penalty" });
  }
  const note: CrosswalkNote = {
    combine: how,
    ...(how === "weighted" && l.method.weight !== undefined ? { weight: l.method.weight } : {}),
    dates: l.dates,
    from: l.from.map((p) => {
      const e = allBefore.get(p.code);
      const u = e && unitOf(e);
      return { code: p.code, name: u?.name ?? p.code, share: p.share, weight: p.weight, status: u?.status ?? null, percent: u && u.status !== NOT_RANKED ? u.percent : null };
    }),
  };
  return { side, groups, indicators, note };
}

export interface Drop {
  unit: UnitChange;
  /** `rank`: fell more than the allowed ranks; `band`: a lower band; `not-ranked`: ranked before, not now */
  reasons: ("rank" | "band" | "not-ranked")[];
}

/** The units a `--fail-on-drop N` gate stops on. Units gone from the second result are not drops. */
export function drops(c: Comparison, maxFall: number): Drop[] {
  const out: Drop[] = [];
  for (const l of c.levels) {
    for (const u of l.units) {
      const reasons: Drop["reasons"] = [];
      if (u.move !== null && -u.move > maxFall) reasons.push("rank");
      if (u.bandChange === "down") reasons.push("band");
      if (isRanked(u.before) && u.after !== null && u.after.status === NOT_RANKED) reasons.push("not-ranked");
      if (reasons.length) out.push({ unit: u, reasons });
    }
  }
  return out;
}
