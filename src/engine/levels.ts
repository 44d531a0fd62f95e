// The order of the work: which level is scored first (roll-ups read the levels below them), the
// units of a level in the order of their codes, and its peer groups in order. Pure.
import { compareCodes } from "./rank.ts";
import type { Criteria, Level } from "../model/criteria.ts";
import type { ColumnarDataset } from "../model/columns.ts";

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

/**
 * What stays the same from one scoring of a dataset to the next (a sensitivity analysis scores
 * one dataset a thousand times under perturbed criteria): each level's units in code order, and
 * its peer groups in order. The caller that scores again makes one (levelCache) and passes it.
 */
export interface LevelCache {
  /** the dataset's codes and levels the cache was filled for (another dataset empties it) */
  code?: readonly string[];
  level?: Uint8Array;
  units: Map<number, Int32Array>;
  peers: WeakMap<Int32Array, { groupOf: string[]; runs: PeerRuns }>;
}

export const levelCache = (): LevelCache => ({ units: new Map(), peers: new WeakMap() });

/** The units of level `li`, in the order of their codes (stable: equal codes in data order). */
export function levelUnits(data: ColumnarDataset, li: number, cache?: LevelCache): Int32Array {
  if (cache && (cache.code !== data.code || cache.level !== data.level)) {
    cache.code = data.code;
    cache.level = data.level;
    cache.units.clear();
  }
  const known = cache?.units.get(li);
  if (known) return known;
  const members: number[] = [];
  for (let i = 0; i < data.size; i++) if (data.level[i] === li) members.push(i);
  members.sort((a, b) => compareCodes(data.code[a] as string, data.code[b] as string));
  const units = Int32Array.from(members);
  cache?.units.set(li, units);
  return units;
}

/** Peer groups in order, as runs of groups whose keys compare as equal (codes equal as numbers beyond 2^53 sort as one). */
export type PeerRuns = number[][][];

/** A level's units (in code order) grouped by peer group, the groups in the order of their keys. */
export function peerRuns(units: Int32Array, peerGroup: readonly string[], cache?: LevelCache): PeerRuns {
  const known = cache?.peers.get(units);
  // (the same units grouped the same way: every unit's group as before)
  if (known && units.every((g, p) => known.groupOf[p] === peerGroup[g])) return known.runs;
  const groups = new Map<string, number[]>();
  for (const g of units) {
    const k = peerGroup[g] as string;
    const list = groups.get(k);
    if (list) list.push(g);
    else groups.set(k, [g]);
  }
  const keys = [...groups.keys()].sort(compareCodes);
  const runs: PeerRuns = [];
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && compareCodes(keys[i] as string, keys[j] as string) === 0) j++;
    runs.push(keys.slice(i, j).map((k) => groups.get(k) as number[]));
    i = j;
  }
  cache?.peers.set(units, { groupOf: Array.from(units, (g) => peerGroup[g] as string), runs });
  return runs;
}
