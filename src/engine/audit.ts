// The statistical audit of a criteria set on its scored data, per level, as the OECD/JRC Handbook
// on Constructing Composite Indicators and COINr (get_stats, get_corr_flags, get_cronbach,
// get_PCA, get_eff_weights) check a set before its ranking is published: availability,
// distributions and outliers, correlations, internal consistency, and each indicator's actual
// importance against its nominal weight. Pure: a result in, an audit model out. docs/audit.md
// gives every formula.
import type { CriteriaNode, Criteria, GroupNode, IndicatorNode, Level } from "../model/criteria.ts";
import { weightAt } from "../model/criteria.ts";
import type { Result, UnitResult } from "../model/result.ts";
import { pearson, spearman } from "./correlation.ts";
import { rankIndexes, roundTo } from "./rank.ts";
import { max, mean, median, min } from "./stats.ts";

export interface AuditOptions {
  /** the share of values an indicator or a unit needs (JRC: 65%) */
  minAvailability: number;
  /** |skewness| above this, together with kurtosis above `kurtosis`, flags outliers (JRC: 2 and 3.5) */
  skewness: number;
  kurtosis: number;
  /** at most this many values winsorised per indicator (COINr's winmax default: 5) */
  winsorMax: number;
  /** two indicators correlated above this are collinear (JRC: 0.9) */
  collinear: number;
  /** an indicator correlated with its pillar below this (and not negatively) barely relates to it */
  weak: number;
  /** an importance this many times its nominal weight, or this many times smaller, is far from it */
  importanceRatio: number;
}

export const DEFAULT_AUDIT: AuditOptions = { minAvailability: 0.65, skewness: 2, kurtosis: 3.5, winsorMax: 5, collinear: 0.9, weak: 0.3, importanceRatio: 2 };

export interface Distribution {
  n: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  /** sample standard deviation (n − 1) */
  sd: number | null;
  /** adjusted Fisher–Pearson skewness G1; null below 3 values or without spread */
  skewness: number | null;
  /** excess kurtosis G2 (0 for a normal distribution); null below 4 values or without spread */
  kurtosis: number | null;
}

export interface Winsorisation {
  /** values replaced by the next value inward */
  count: number;
  /** the units whose value was replaced */
  units: string[];
  skewness: number | null;
  kurtosis: number | null;
  /** true when the distribution is no longer flagged after it */
  cleared: boolean;
}

export interface Pair {
  pearson: number | null;
  spearman: number | null;
}

export interface IndicatorAudit {
  id: string;
  /** the top-level group holding the indicator; the criteria's root for an indicator at the top */
  pillar: string;
  /** ranked units where the indicator applies, and those among them with a value */
  applicable: number;
  available: number;
  availability: number | null;
  lowAvailability: boolean;
  /** of the rates (points / maximum, in [0, 1]) of the units with a value */
  distribution: Distribution;
  /** two values or more, all equal: the indicator cannot tell the units apart (and has no correlation) */
  constant: boolean;
  outliers: boolean;
  winsorised: Winsorisation | null;
  withPillar: Pair;
  withTotal: Pair;
  /** Pearson's r with its own pillar below 0 */
  negative: boolean;
  /** Pearson's r with its own pillar in [0, weak) */
  weak: boolean;
  /** the share of the level's total the criteria give the indicator (its maximum, or its weights) */
  nominal: number;
  /** r² with the total, over the sum of r² of the level's indicators; null when r is undefined */
  importance: number | null;
  /** importance / nominal */
  ratio: number | null;
  importanceFlag: "over" | "under" | null;
}

export interface PillarAudit {
  id: string;
  indicators: string[];
  /** units with a value for every indicator of the pillar (Cronbach's alpha and the PCA read these) */
  complete: number;
  alpha: number | null;
  /** the first principal component's share of the variance (of the correlation matrix) */
  pc1: number | null;
}

export interface UnitAvailability {
  code: string;
  name: string;
  applicable: number;
  available: number;
  share: number;
  low: boolean;
}

export interface CollinearPair {
  a: string;
  b: string;
  pearson: number;
  samePillar: boolean;
}

export interface WinsorEffect {
  /** units with at least one value winsorised */
  units: number;
  /** units whose rank in their peer group would change, and the largest move */
  moved: number;
  maxMove: number;
}

export interface LevelAudit {
  level: Level;
  /** the ranked units audited */
  units: number;
  indicators: IndicatorAudit[];
  pillars: PillarAudit[];
  unitAvailability: UnitAvailability[];
  /** Pearson's r between the level's indicators (pairwise over the units with both values), in `indicators` order; 1 on the diagonal, null for an indicator without variation */
  matrix: (number | null)[][];
  collinear: CollinearPair[];
  /** what winsorising every flagged indicator would do to the ranking; null when nothing is flagged, or when a mean or geometric group makes points not additive */
  winsorEffect: WinsorEffect | null;
}

export interface Audit {
  criteria: Criteria;
  period?: string;
  options: AuditOptions;
  levels: LevelAudit[];
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** Sample variance (n − 1). */
function variance(xs: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const m = mean(xs) as number;
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return s / (n - 1);
}

/** min, max, mean, median, sd, and the bias-adjusted skewness G1 and excess kurtosis G2 (Excel's SKEW and KURT, pandas' skew and kurt). */
export function distribution(xs: readonly number[]): Distribution {
  const n = xs.length;
  const m = mean(xs);
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = x - (m as number);
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  const spread = n > 1 && m2 > 0 && (max(xs) as number) > (min(xs) as number);
  let skewness: number | null = null;
  let kurtosis: number | null = null;
  if (spread && n >= 3) {
    const g1 = (m3 / n) / (m2 / n) ** 1.5;
    skewness = (Math.sqrt(n * (n - 1)) / (n - 2)) * g1;
  }
  if (spread && n >= 4) {
    const g2 = (m4 / n) / (m2 / n) ** 2 - 3;
    kurtosis = ((n - 1) / ((n - 2) * (n - 3))) * ((n + 1) * g2 + 6);
  }
  const v = variance(xs);
  return { n, min: min(xs), max: max(xs), mean: m, median: median(xs), sd: v === null ? null : Math.sqrt(v), skewness, kurtosis };
}

const flagged = (d: Pick<Distribution, "skewness" | "kurtosis">, o: AuditOptions): boolean =>
  d.skewness !== null && d.kurtosis !== null && Math.abs(d.skewness) > o.skewness && d.kurtosis > o.kurtosis;

/**
 * COINr's winsorisation: while the distribution is flagged and fewer than `winsorMax` values have
 * been replaced, the values at the extreme on the side of the skew (the highest for a positive
 * skew) take the next value inward. Returns the new values and the positions replaced.
 */
export function winsorise(xs: readonly number[], o: AuditOptions): { values: number[]; replaced: number[] } {
  const values = [...xs];
  const replaced = new Set<number>();
  let d = distribution(values);
  while (flagged(d, o) && replaced.size < o.winsorMax) {
    const high = (d.skewness as number) > 0;
    const extreme = (high ? d.max : d.min) as number;
    let next: number | undefined;
    for (const x of values) if (x !== extreme && (next === undefined || (high ? x > next : x < next))) next = x;
    if (next === undefined) break;
    values.forEach((x, i) => {
      if (x === extreme) {
        values[i] = next as number;
        replaced.add(i);
      }
    });
    d = distribution(values);
  }
  return { values, replaced: [...replaced].sort((a, b) => a - b) };
}

/** Cronbach's alpha of the columns (each a list over the same units): k/(k−1) · (1 − Σ var(column) / var(row sums)). */
export function cronbach(columns: readonly (readonly number[])[]): number | null {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  if (k < 2 || n < 2) return null;
  const sums = Array.from({ length: n }, (_, u) => columns.reduce((s, c) => s + (c[u] as number), 0));
  const total = variance(sums) as number;
  if (total === 0) return null;
  const parts = columns.reduce((s, c) => s + (variance(c) as number), 0);
  return (k / (k - 1)) * (1 - parts / total);
}

/** Eigenvalues of a symmetric matrix, largest first (cyclic Jacobi rotations). */
export function eigenvalues(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  const a = matrix.map((r) => [...r]);
  const at = (i: number, j: number): number => (a[i] as number[])[j] as number;
  const set = (i: number, j: number, v: number): void => {
    (a[i] as number[])[j] = v;
  };
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += at(i, j) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(at(p, q)) < 1e-300) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * at(p, q));
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          set(k, p, c * akp - s * akq);
          set(k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          set(p, k, c * apk - s * aqk);
          set(q, k, s * apk + c * aqk);
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => at(i, i)).sort((x, y) => y - x);
}

/** The first principal component's share of the variance of standardised columns: λ₁ / k of their correlation matrix. */
export function firstComponentShare(columns: readonly (readonly number[])[]): number | null {
  const k = columns.length;
  if (k < 2) return null;
  const r: number[][] = [];
  for (let i = 0; i < k; i++) {
    const row: number[] = [];
    for (let j = 0; j < k; j++) {
      const v = i === j ? 1 : pearson(columns[i] as number[], columns[j] as number[]);
      if (v === null) return null;
      row.push(v);
    }
    r.push(row);
  }
  return (eigenvalues(r)[0] as number) / k;
}

// ---------------------------------------------------------------------------------------------
// The audit of one level

const hasValue = (u: UnitResult, id: string): boolean => {
  const s = u.nodes[id];
  return s !== undefined && s.applicable && s.missing === undefined && s.rate !== null;
};

/** Each indicator's share of the level's total as the criteria write it: maxima in sum groups, weights in the others. */
export function nominalShares(criteria: Criteria, level: string): Map<string, number> {
  const out = new Map<string, number>();
  const visit = (g: GroupNode, share: number): void => {
    const kids = g.children.filter((c) => c.maxByLevel.has(level) && (c.kind === "group" || c.role === "score"));
    const size = (c: CriteriaNode): number => (g.aggregation === "sum" ? (c.maxByLevel.get(level) as number) : weightAt(c, level));
    const all = kids.reduce((s, c) => s + size(c), 0);
    for (const c of kids) {
      const sh = all > 0 ? (share * size(c)) / all : 0;
      if (c.kind === "group") visit(c, sh);
      else out.set(c.id, sh);
    }
  };
  visit(criteria.root, 1);
  return out;
}

/** True when every group above the indicator adds points: then a change of rate moves the total by rate × maximum. */
function additive(criteria: Criteria, ind: IndicatorNode): boolean {
  let g: GroupNode = criteria.root;
  if (g.aggregation !== "sum") return false;
  for (const id of ind.path) {
    const next = g.children.find((c) => c.id === id);
    if (!next || next.kind !== "group" || next.aggregation !== "sum") return false;
    g = next;
  }
  return true;
}

function auditLevel(criteria: Criteria, level: Level, all: readonly UnitResult[], o: AuditOptions): LevelAudit {
  const units = all.filter((u) => u.rank !== null && u.percent !== null);
  const inds = criteria.indicators.filter((i) => i.role === "score" && i.maxByLevel.has(level.id));
  const pillarOf = (i: IndicatorNode): string => i.path[0] ?? criteria.root.id;
  const rate = (u: UnitResult, id: string): number => u.nodes[id]?.rate as number;
  const nominal = nominalShares(criteria, level.id);

  const audits: IndicatorAudit[] = inds.map((ind) => {
    const applicable = units.filter((u) => u.nodes[ind.id]?.applicable === true);
    const having = applicable.filter((u) => hasValue(u, ind.id));
    const values = having.map((u) => rate(u, ind.id));
    const dist = distribution(values);
    const outliers = flagged(dist, o);
    let winsorised: Winsorisation | null = null;
    if (outliers) {
      const w = winsorise(values, o);
      const after = distribution(w.values);
      winsorised = { count: w.replaced.length, units: w.replaced.map((i) => (having[i] as UnitResult).code), skewness: after.skewness, kurtosis: after.kurtosis, cleared: !flagged(after, o) };
    }
    const pillar = pillarOf(ind);
    const withP = pillar === criteria.root.id ? having : having.filter((u) => typeof u.nodes[pillar]?.rate === "number");
    const pillarValue = (u: UnitResult): number => (pillar === criteria.root.id ? (u.percent as number) / 100 : (u.nodes[pillar]?.rate as number));
    const xs = withP.map((u) => rate(u, ind.id));
    const ps = withP.map(pillarValue);
    const ts = having.map((u) => (u.percent as number) / 100);
    const withPillar = { pearson: pearson(xs, ps), spearman: spearman(xs, ps) };
    const withTotal = { pearson: pearson(values, ts), spearman: spearman(values, ts) };
    const availability = applicable.length ? having.length / applicable.length : null;
    return {
      id: ind.id,
      pillar,
      applicable: applicable.length,
      available: having.length,
      availability,
      lowAvailability: availability !== null && availability < o.minAvailability,
      distribution: dist,
      constant: dist.n >= 2 && dist.min === dist.max,
      outliers,
      winsorised,
      withPillar,
      withTotal,
      negative: withPillar.pearson !== null && withPillar.pearson < 0,
      weak: withPillar.pearson !== null && withPillar.pearson >= 0 && withPillar.pearson < o.weak,
      nominal: nominal.get(ind.id) ?? 0,
      importance: null,
      ratio: null,
      importanceFlag: null,
    };
  });

  // importance: r² with the total, normalised over the indicators where r is defined, against the nominal shares renormalised over the same ones
  const defined = audits.filter((a) => a.withTotal.pearson !== null);
  const r2 = defined.reduce((s, a) => s + (a.withTotal.pearson as number) ** 2, 0);
  const nom = defined.reduce((s, a) => s + a.nominal, 0);
  for (const a of defined) {
    if (r2 === 0 || nom === 0) continue;
    a.importance = (a.withTotal.pearson as number) ** 2 / r2;
    const n = a.nominal / nom;
    a.ratio = n > 0 ? a.importance / n : null;
    a.importanceFlag = a.ratio === null ? null : a.ratio > o.importanceRatio ? "over" : a.ratio < 1 / o.importanceRatio ? "under" : null;
  }

  const matrix = inds.map((a, i) =>
    inds.map((b) => {
      // an indicator without variation has no correlation, not even with itself
      if (a === b) return (audits[i] as IndicatorAudit).distribution.sd ? 1 : null;
      const both = units.filter((u) => hasValue(u, a.id) && hasValue(u, b.id));
      return pearson(
        both.map((u) => rate(u, a.id)),
        both.map((u) => rate(u, b.id)),
      );
    }),
  );
  const collinear: CollinearPair[] = [];
  inds.forEach((a, i) =>
    inds.forEach((b, j) => {
      const r = matrix[i]?.[j];
      if (j > i && r !== null && r !== undefined && r > o.collinear) collinear.push({ a: a.id, b: b.id, pearson: r, samePillar: pillarOf(a) === pillarOf(b) });
    }),
  );

  const pillarIds = [...new Set(inds.map(pillarOf))];
  const pillars: PillarAudit[] = pillarIds.map((id) => {
    const members = inds.filter((i) => pillarOf(i) === id);
    const complete = units.filter((u) => members.every((m) => hasValue(u, m.id)));
    const columns = members.map((m) => complete.map((u) => rate(u, m.id)));
    return { id, indicators: members.map((m) => m.id), complete: complete.length, alpha: cronbach(columns), pc1: firstComponentShare(columns) };
  });

  const unitAvailability = units.map((u) => {
    const applicable = inds.filter((i) => u.nodes[i.id]?.applicable === true);
    const available = applicable.filter((i) => hasValue(u, i.id)).length;
    const share = applicable.length ? available / applicable.length : 0;
    return { code: u.code, name: u.name, applicable: applicable.length, available, share, low: share < o.minAvailability };
  });

  return { level, units: units.length, indicators: audits, pillars, unitAvailability, matrix, collinear, winsorEffect: winsorEffect(criteria, inds, audits, units, o) };
}

/** The ranks if every flagged indicator were winsorised, for indicators whose points add up to the total. */
function winsorEffect(criteria: Criteria, inds: readonly IndicatorNode[], audits: readonly IndicatorAudit[], units: readonly UnitResult[], o: AuditOptions): WinsorEffect | null {
  const flaggedInds = inds.filter((_, i) => audits[i]?.winsorised);
  if (flaggedInds.length === 0 || !flaggedInds.every((i) => additive(criteria, i))) return null;
  const delta = new Map<string, number>();
  for (const ind of flaggedInds) {
    const having = units.filter((u) => hasValue(u, ind.id));
    const w = winsorise(
      having.map((u) => u.nodes[ind.id]?.rate as number),
      o,
    );
    for (const i of w.replaced) {
      const u = having[i] as UnitResult;
      const s = u.nodes[ind.id];
      const change = ((w.values[i] as number) - (s?.rate as number)) * (s?.max as number);
      delta.set(u.code, (delta.get(u.code) ?? 0) + change);
    }
  }
  const decimals = criteria.ranking.decimals;
  const on = criteria.ranking.on;
  const key = (u: UnitResult, d: number): number => roundTo(on === "score" ? (u.score as number) + d : (((u.score as number) + d) / (u.max as number)) * 100, decimals);
  let moved = 0;
  let maxMove = 0;
  const groups = new Map<string, UnitResult[]>();
  for (const u of units) groups.set(u.peerGroup, [...(groups.get(u.peerGroup) ?? []), u]);
  for (const g of groups.values()) {
    const ranksOf = (d: (u: UnitResult) => number): Map<string, number> => {
      const { order, rank } = rankIndexes(g.length, (i) => key(g[i] as UnitResult, d(g[i] as UnitResult)), (i) => (g[i] as UnitResult).code, criteria.ranking.method);
      return new Map(order.map((i, j) => [(g[i] as UnitResult).code, rank[j] as number]));
    };
    const before = ranksOf(() => 0);
    const after = ranksOf((u) => delta.get(u.code) ?? 0);
    for (const u of g) {
      const m = Math.abs((before.get(u.code) as number) - (after.get(u.code) as number));
      if (m > 0) moved++;
      maxMove = Math.max(maxMove, m);
    }
  }
  return { units: delta.size, moved, maxMove };
}

export function audit(result: Result, options: Partial<AuditOptions> = {}): Audit {
  const o = { ...DEFAULT_AUDIT, ...options };
  const out: Audit = { criteria: result.criteria, options: o, levels: result.levels.map((l) => auditLevel(result.criteria, l.level, l.units, o)) };
  if (result.period !== undefined) out.period = result.period;
  return out;
}
