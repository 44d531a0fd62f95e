// The trend charts of one level over several periods, as inline SVG for HTML reports: the mean
// percentage, the number of units in each band, and each unit's percentage.
import type { LevelTrend } from "../engine/trend.ts";
import { text, type Lang } from "../model/criteria.ts";
import { lineChart } from "./svg.ts";

const WORDS = {
  mean: { vi: "Tỉ lệ % bình quân", en: "Mean percentage" },
  bands: { vi: "Số đơn vị theo xếp loại", en: "Units per band" },
  units: { vi: "Tỉ lệ % của từng đơn vị", en: "Each unit's percentage" },
  count: { vi: "đơn vị", en: "units" },
} as const;

/** Three SVG charts for one level: the mean, the band counts, the units' percentages. */
export function trendCharts(t: LevelTrend, lang: Lang): string[] {
  const level = text(t.level.label, lang, t.level.id);
  const mean = lineChart({ title: `${level}: ${WORDS.mean[lang]}`, x: t.periods, series: [{ name: WORDS.mean[lang], values: t.mean }], yMin: 0, yMax: 100, yLabel: "%" });
  const bands = lineChart({
    title: `${level}: ${WORDS.bands[lang]}`,
    x: t.periods,
    series: t.bands.map((b) => ({ name: text(b.label, lang, b.id), values: b.counts, ...(b.color ? { color: b.color } : {}) })),
    yMin: 0,
    yLabel: WORDS.count[lang],
  });
  const units = lineChart({
    title: `${level}: ${WORDS.units[lang]}`,
    x: t.periods,
    series: t.units.map((u) => ({ name: `${u.code} ${u.name}${u.from ? ` ← ${u.from.join(", ")}` : ""}`, values: u.percent })),
    yMin: 0,
    yMax: 100,
    yLabel: "%",
  });
  return [mean, bands, units];
}
