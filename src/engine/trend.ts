// Trends over several periods: per level, the mean percentage and each band's count per period,
// and each unit's percentage per period. Pure; the report draws them with render/svg.ts.
import type { Level, Text } from "../model/criteria.ts";
import type { Result, UnitResult } from "../model/result.ts";
import { compareCodes } from "./rank.ts";

export interface BandTrend {
  id: string;
  label: Text;
  color?: string;
  /** units in the band, per period */
  counts: number[];
}

export interface UnitTrend {
  code: string;
  name: string;
  /** the percentage per period; null where the unit is absent or not ranked */
  percent: (number | null)[];
}

export interface LevelTrend {
  level: Level;
  periods: string[];
  /** units ranked, per period */
  ranked: number[];
  /** the mean percentage of the ranked units, per period; null where none is ranked */
  mean: (number | null)[];
  bands: BandTrend[];
  units: UnitTrend[];
}

/**
 * Trends over results given oldest first. A period is named by its result's `period`, else by
 * its position (1, 2, ...). Bands are those of the latest criteria, then any other band id seen.
 */
export function trends(results: readonly Result[]): LevelTrend[] {
  const latest = results[results.length - 1];
  if (!latest) return [];
  const periods = results.map((r, i) => r.period ?? String(i + 1));
  const levelIds = latest.levels.map((l) => l.level.id);
  for (const r of results) for (const l of r.levels) if (!levelIds.includes(l.level.id)) levelIds.push(l.level.id);

  return levelIds.map((id) => {
    const perPeriod = results.map((r) => r.levels.find((l) => l.level.id === id)?.units ?? []);
    const level = [...results].reverse().flatMap((r) => r.levels.filter((l) => l.level.id === id))[0]?.level as Level;
    const ranked = perPeriod.map((us) => us.filter((u) => u.status !== "not-ranked" && u.percent !== null));

    const bands: BandTrend[] = latest.criteria.bands.list.map((b) => {
      const t: BandTrend = { id: b.id, label: b.label, counts: [] };
      if (b.color !== undefined) t.color = b.color;
      return t;
    });
    for (const us of ranked) for (const u of us) if (u.band !== null && !bands.some((b) => b.id === u.band)) bands.push({ id: u.band, label: {}, counts: [] });
    for (const b of bands) b.counts = ranked.map((us) => us.filter((u) => u.band === b.id).length);

    const mean = ranked.map((us) => (us.length === 0 ? null : us.reduce((s, u) => s + (u.percent as number), 0) / us.length));

    // Units in the latest period's order (peer group, rank), then those seen only earlier.
    const order: UnitResult[] = [];
    const seen = new Set<string>();
    const later = [...perPeriod].reverse();
    for (const us of later) {
      const fresh = us.filter((u) => !seen.has(u.code));
      if (us !== later[0]) fresh.sort((a, b) => compareCodes(a.code, b.code));
      for (const u of fresh) {
        seen.add(u.code);
        order.push(u);
      }
    }
    const byCode = perPeriod.map((us) => new Map(us.map((v) => [v.code, v] as const)));
    const units: UnitTrend[] = order.map((u) => ({
      code: u.code,
      name: u.name,
      percent: byCode.map((m) => {
        const x = m.get(u.code);
        return x && x.status !== "not-ranked" ? x.percent : null;
      }),
    }));
    return { level, periods, ranked: ranked.map((us) => us.length), mean, bands, units };
  });
}
