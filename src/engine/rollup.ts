// Roll-ups: an indicator of a level whose value is a statistic (mean, median, min, max) of the
// rates of its descendants at another level, already scored. Pure.
import type { IndicatorNode } from "../model/criteria.ts";
import type { ColumnarDataset } from "../model/columns.ts";
import { STATS } from "./stats.ts";

export interface RolledUp {
  /** every unit's status: NOT_RANKED units are left out */
  notRanked: (g: number) => boolean;
  /** every unit's percentage (of: total) */
  percent: Float64Array;
  /** the rates of the nodes that roll-ups read (of: a node id), by unit */
  nodeRates: Map<string, Float64Array>;
}

/**
 * The value of a roll-up indicator for every unit of level `li` (NaN where no descendant has a
 * rate). Each unit of the rolled-up level (`children`, in code order) adds its rate to every
 * ancestor of this level, at any depth: the order in which the rates are summed is the order of
 * the children's codes.
 */
export function rollupValues(ind: IndicatorNode, li: number, data: ColumnarDataset, scored: RolledUp, indexOf: Map<string, number>, children: Int32Array): Float64Array {
  const rule = ind.rule as Extract<IndicatorNode["rule"], { type: "rollup" }>;
  const of = rule.of ?? "total";
  const values = new Float64Array(data.size).fill(NaN);
  const lists = new Map<number, number[]>();
  const nodeRate = of === "total" ? undefined : scored.nodeRates.get(of);
  for (const i of children) {
    if (scored.notRanked(i)) continue;
    const rate = of === "total" ? (scored.percent[i] as number) / 100 : nodeRate ? (nodeRate[i] as number) : NaN;
    if (Number.isNaN(rate)) continue;
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
  for (const [a, rates] of lists) values[a] = STATS[rule.stat ?? "mean"](rates) as number;
  return values;
}
