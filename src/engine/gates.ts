// Checks a CI job asks for. Pure: a result in, the units that fail the check out.
import type { Result, UnitResult } from "../model/result.ts";
import { bandOf, roundTo } from "./rank.ts";
import { mean } from "./stats.ts";

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

/** What a badge says of a result: the mean percentage of its ranked units and the band of that mean. */
export interface Standing {
  /** ranked units (`ranked` or `incomplete`) over the result's levels */
  units: number;
  /** their mean percentage; null when no unit is ranked */
  percent: number | null;
  /** the band of the mean: of the mean percentage, or of the mean score where the bands are on the score */
  band: string | null;
}

/** The mean standing of every ranked unit of the result, whatever its level (a province as a whole). */
export function standing(result: Result): Standing {
  const percents: number[] = [];
  const scores: number[] = [];
  for (const l of result.levels) {
    for (const u of l.units) {
      if (u.rank === null || u.percent === null || u.score === null) continue;
      percents.push(u.percent);
      scores.push(u.score);
    }
  }
  if (percents.length === 0) return { units: 0, percent: null, band: null };
  const percent = mean(percents) as number;
  const bands = result.criteria.bands;
  const on = bands.on === "percent" ? percent : (mean(scores) as number);
  return { units: percents.length, percent, band: bandOf(roundTo(on, result.criteria.ranking.decimals), bands.list)?.id ?? null };
}
