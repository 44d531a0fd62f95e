// Trends over several periods: per level, the mean percentage and each band's count per period,
// and each unit's percentage per period. Pure; the report draws them with render/svg.ts.
import type { Level, Text } from "../model/criteria.ts";
import type { Result, UnitResult } from "../model/result.ts";
import { compareCodes } from "./rank.ts";
import { combine, type Lineage } from "./crosswalk.ts";

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
  /** a unit the crosswalk formed from earlier units: their codes; in the periods before it existed, `percent` is their combination */
  from?: string[];
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
  /** the crosswalk followed: its file, and how many units of the level have earlier periods from their predecessors */
  crosswalk?: { file: string; units: number };
}

/** The crosswalk of the latest period: its lineages (engine/crosswalk.ts) and its file. */
export interface TrendCrosswalk {
  lineages: ReadonlyMap<string, Lineage>;
  file: string;
}

/** A merged unit's percentage in an earlier period: its predecessors' combined as the crosswalk says. */
function combinedPercent(l: Lineage, units: ReadonlyMap<string, UnitResult>): number | null {
  const ranked = l.from.flatMap((p) => {
    const u = units.get(p.code);
    return u && u.status !== "not-ranked" && u.percent !== null && u.score !== null ? [{ p, u }] : [];
  });
  if (ranked.length === 0) return null;
  if (l.method.combine === "sum") {
    const score = combine(ranked.map(({ p, u }) => ({ x: u.score as number, p })), "sum") ?? 0;
    const max = combine(ranked.map(({ p, u }) => ({ x: u.max as number, p })), "sum") ?? 0;
    return max > 0 ? (100 * score) / max : null;
  }
  return combine(ranked.map(({ p, u }) => ({ x: u.percent as number, p })), l.method.combine);
}

/**
 * Trends over results given oldest first. A period is named by its result's `period`, else by
 * its position (1, 2, ...). Bands are those of the latest criteria, then any other band id seen.
 */
export function trends(results: readonly Result[], crosswalk?: TrendCrosswalk): LevelTrend[] {
  const latest = results[results.length - 1];
  if (!latest) return [];
  const periods = results.map((r, i) => r.period ?? String(i + 1));
  const levelIds = latest.levels.map((l) => l.level.id);
  for (const r of results) for (const l of r.levels) if (!levelIds.includes(l.level.id)) levelIds.push(l.level.id);
  // every unit of each period, whatever its level (a predecessor may be listed at another level):
  // made once, and only where a crosswalk asks
  const everyUnit = crosswalk ? results.map((r) => new Map(r.levels.flatMap((l) => l.units.map((v) => [v.code, v] as const)))) : [];

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
    const lineages = crosswalk?.lineages ?? new Map<string, Lineage>();
    // the predecessors of a unit followed here are not followed again on their own
    const absorbed = new Set<string>();
    for (const u of order) for (const p of lineages.get(u.code)?.from ?? []) absorbed.add(p.code);
    const units: UnitTrend[] = order
      .filter((u) => !absorbed.has(u.code) || byCode[byCode.length - 1]?.has(u.code))
      .map((u) => {
        const l = lineages.get(u.code);
        const t: UnitTrend = {
          code: u.code,
          name: u.name,
          percent: byCode.map((m, i) => {
            const x = m.get(u.code);
            if (x) return x.status !== "not-ranked" ? x.percent : null;
            return l ? combinedPercent(l, everyUnit[i] as Map<string, UnitResult>) : null;
          }),
        };
        if (l) t.from = l.from.map((p) => p.code);
        return t;
      });
    const out: LevelTrend = { level, periods, ranked: ranked.map((us) => us.length), mean, bands, units };
    const followed = units.filter((u) => u.from).length;
    if (crosswalk && followed > 0) out.crosswalk = { file: crosswalk.file, units: followed };
    return out;
  });
}
