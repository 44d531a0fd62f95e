// Checks a CI job asks for. Pure: a result in, the units that fail the check out.
import type { Result, UnitResult } from "../model/result.ts";
import { roundTo } from "./rank.ts";

/**
 * The ranked units (`ranked` or `incomplete`) of the result whose percentage is below the
 * threshold. Units that are not ranked (no data submitted) have no percentage and never fail.
 * The percentage is compared as the tables show it, at the criteria's `decimals`, so that a
 * unit shown as 80.00 never fails a gate at 80. In the result's order: level, peer group, rank.
 */
export function belowThreshold(result: Result, threshold: number): UnitResult[] {
  const decimals = result.criteria.decimals;
  const out: UnitResult[] = [];
  for (const l of result.levels) {
    for (const u of l.units) {
      if (u.rank === null || u.percent === null) continue;
      if (roundTo(u.percent, decimals) < threshold) out.push(u);
    }
  }
  return out;
}
