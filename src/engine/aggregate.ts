// Aggregation of a group over the units of a level: each child is folded in as it is scored, in
// tree order, so that no child's scores need to be held. Pure.
import type { AggregationName } from "../model/criteria-schema.ts";
import type { GroupNode } from "../model/criteria.ts";
import { clamp01 } from "./rules.ts";

/** A node's score of one unit: NaN stands for "no points" (null in the result model). */
export interface NodeValue {
  applicable: boolean;
  included: boolean;
  points: number;
  max: number;
  rate: number;
}

/**
 * A group's running aggregation, one slot per unit of the level (by position). What a slot
 * sums depends on the aggregation, and is named for each:
 * - sum: `points` and `max` of the included children;
 * - mean: `weight` and `weighted` (weight × rate);
 * - geometric: `weight` and `weighted` (weight × log rate), and `zero` when a rate was 0.
 */
export interface Aggregation {
  mode: AggregationName;
  /** some child applies */
  applicable: Uint8Array;
  /** some child counts in the maximum */
  any: Uint8Array;
  /** sum: the points; mean and geometric: the weights */
  pointsOrWeight: Float64Array;
  /** sum: the maxima; mean: weighted rates; geometric: weighted logs of the rates */
  maxOrWeighted: Float64Array;
  zero: Uint8Array;
}

export function aggregation(mode: AggregationName, m: number): Aggregation {
  return {
    mode,
    applicable: new Uint8Array(m),
    any: new Uint8Array(m),
    pointsOrWeight: new Float64Array(m),
    maxOrWeighted: new Float64Array(m),
    zero: new Uint8Array(mode === "geometric" ? m : 0),
  };
}

/** One child's score of the unit at position p into its group's aggregation. */
export function fold(t: Aggregation, p: number, s: NodeValue, weight: number): void {
  if (s.applicable) t.applicable[p] = 1;
  if (!s.included) return;
  t.any[p] = 1;
  if (t.mode === "sum") {
    t.pointsOrWeight[p] = (t.pointsOrWeight[p] as number) + (Number.isNaN(s.points) ? 0 : s.points);
    t.maxOrWeighted[p] = (t.maxOrWeighted[p] as number) + s.max;
    return;
  }
  const r = Number.isNaN(s.rate) ? 0 : s.rate;
  t.pointsOrWeight[p] = (t.pointsOrWeight[p] as number) + weight;
  if (t.mode === "mean") t.maxOrWeighted[p] = (t.maxOrWeighted[p] as number) + weight * r;
  else if (r <= 0) t.zero[p] = 1;
  else t.maxOrWeighted[p] = (t.maxOrWeighted[p] as number) + weight * Math.log(r);
}

/**
 * The group's score of the unit at position p, written into `out` (one object rewritten for
 * every unit: no object per unit and group is made). A sum's maximum is its included children's;
 * a mean's or geometric mean's is the group's declared maximum at the level.
 */
export function groupScore(t: Aggregation, group: GroupNode, level: string, p: number, out: NodeValue): NodeValue {
  out.applicable = group.maxByLevel.has(level) && t.applicable[p] === 1;
  out.included = out.applicable && t.any[p] === 1;
  out.points = NaN;
  out.max = 0;
  out.rate = NaN;
  if (!out.included) return out;
  if (t.mode === "sum") {
    const points = t.pointsOrWeight[p] as number;
    const max = t.maxOrWeighted[p] as number;
    out.points = points;
    out.max = max;
    out.rate = max > 0 ? clamp01(points / max) : 0;
    return out;
  }
  const w = t.pointsOrWeight[p] as number;
  const b = t.maxOrWeighted[p] as number;
  const rate = clamp01(w <= 0 ? 0 : t.mode === "mean" ? b / w : t.zero[p] ? 0 : Math.exp(b / w));
  const declared = group.maxByLevel.get(level) ?? 0;
  out.points = rate * declared;
  out.max = declared;
  out.rate = rate;
  return out;
}
