// Views (criteria `views:`): extra groupings of the main tree's indicators, such as the DTI
// pillars, scored for one unit from its indicators' scores. Pure. A view never changes the
// total, the rank or the band: it is read off the scores the engine already made.
import type { Criteria, View } from "../model/criteria.ts";
import type { UnitResult, ViewGroupScore, ViewScore } from "../model/result.ts";
import { bandOf } from "./rank.ts";

/**
 * One view of one unit. A group sums the points and maxima of its indicators that count in the
 * unit's maximum (not applicable or excluded ones stay out, as in the main tree); `mean` takes
 * the mean of their rates instead (over the same maximum). The view's total is the sum of its
 * groups. A unit that is not ranked for want of data has no view scores.
 */
export function viewScore(view: View, u: UnitResult): ViewScore {
  const none = u.status === "not-ranked";
  const groups = view.groups.map((g): ViewGroupScore => {
    let points = 0;
    let max = 0;
    let rates = 0;
    let n = 0;
    for (const id of g.indicators) {
      const s = u.nodes[id];
      if (!s?.included) continue;
      points += s.points ?? 0;
      max += s.max;
      rates += s.rate ?? 0;
      n++;
    }
    if (none || n === 0) return { id: g.id, points: null, max, percent: null };
    const p = g.aggregation === "mean" ? (rates / n) * max : points;
    return { id: g.id, points: p, max, percent: max > 0 ? (p / max) * 100 : null };
  });
  const counted = groups.filter((g) => g.points !== null);
  const points = none || counted.length === 0 ? null : counted.reduce((t, g) => t + (g.points as number), 0);
  const max = groups.reduce((t, g) => t + g.max, 0);
  const percent = points === null || max <= 0 ? null : (points / max) * 100;
  const value = view.bands?.on === "score" ? points : percent;
  const band = value === null || !view.bands ? null : (bandOf(value, view.bands.list)?.id ?? null);
  return { id: view.id, points, max, percent, band, groups };
}

/** Every view of the criteria for one unit (its nodes must be the whole tree: keep "all"). */
export const viewScores = (criteria: Criteria, u: UnitResult): ViewScore[] => criteria.views.map((v) => viewScore(v, u));
