// The report's charts as inline SVG, drawn from the result by our own code: no chart library,
// nothing fetched. Every text from the data is escaped; colours from the criteria are used only
// when they are plain hex colours.
import type { LevelReport, Report } from "../engine/report.ts";
import { max } from "../engine/stats.ts";
import { columnsOf, includedPoints } from "../engine/views.ts";
import { text, type Criteria, type Lang } from "../model/criteria.ts";
import type { UnitResult } from "../model/result.ts";
import { bandIndex, bandLabel, esc, inert } from "./common.ts";
import { t } from "./labels.ts";
import { cap } from "./report-tables.ts";

export { esc };

const FALLBACK = ["#1a7f37", "#4caf50", "#2f81f7", "#d29922", "#cf222e", "#8250df", "#57606a"];
const PILLAR_COLOURS = ["#2f81f7", "#1a7f37", "#bf8700", "#8250df", "#cf222e", "#0a7ea4", "#9a6700", "#6e7781"];
export const GREY = "#8c959f";

/** A band's colour: the criteria's when it is a plain hex colour, else one of ours. */
export function bandColour(c: Criteria, id: string | null): string {
  const i = bandIndex(c, id);
  if (i < 0) return GREY;
  const own = c.bands.list[i]?.color;
  return own !== undefined && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(own) ? own : (FALLBACK[i % FALLBACK.length] as string);
}

export const pillarColour = (i: number): string => PILLAR_COLOURS[i % PILLAR_COLOURS.length] as string;

const n1 = (x: number): string => String(Math.round(x * 10) / 10);

/** Cuts a label to fit a chart; the whole text stays in the element's <title>. */
export function clip(s: string, max: number): string {
  const chars = [...inert(s).replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

function svg(width: number, height: number, label: string, body: string[], cls = "chart"): string {
  return `<svg class="${cls}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}">\n<title>${esc(label)}</title>\n${body.join("\n")}\n</svg>`;
}

/** What the bands are drawn on: the percentage (axis 0–100) or the score (axis 0–the largest maximum). */
function scale(c: Criteria, units: readonly UnitResult[]): { value: (u: UnitResult) => number; top: number; unit: string } {
  if (c.bands.on === "score") {
    const top = max([...units.flatMap((u) => (u.max === null ? [] : [u.max])), ...c.bands.list.map((b) => b.min), 0]) || 1;
    return { value: (u) => u.score ?? 0, top, unit: "" };
  }
  return { value: (u) => u.percent ?? 0, top: 100, unit: "%" };
}

function ticks(top: number): number[] {
  const step = top <= 1 ? 0.25 : top <= 10 ? 2 : top <= 100 ? 20 : Math.ceil(top / 5);
  const out: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** Ranking bars, best first, coloured by band, with a line at each band's threshold. */
export function rankingChart(rep: Report, l: LevelReport, lang: Lang): string {
  const c = rep.result.criteria;
  const units = l.units.filter((u) => u.status !== "not-ranked").sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0) || (a.rank ?? 0) - (b.rank ?? 0));
  const s = scale(c, units);
  const labelW = 290;
  const barW = 560;
  const row = 17;
  const top = 44;
  const width = labelW + barW + 60;
  const height = top + Math.max(1, units.length) * row + 10;
  const x = (v: number): number => labelW + (Math.min(Math.max(v, 0), s.top) / s.top) * barW;
  const body: string[] = [];
  for (const v of ticks(s.top)) {
    body.push(`<line x1="${n1(x(v))}" y1="${top - 4}" x2="${n1(x(v))}" y2="${height - 10}" stroke="#d0d7de" stroke-width="0.5"/>`);
    body.push(`<text x="${n1(x(v))}" y="${top - 8}" font-size="9.5" text-anchor="middle" fill="#57606a">${v}${s.unit}</text>`);
  }
  const values: string[] = [];
  units.forEach((u, i) => {
    const y = top + i * row;
    const v = s.value(u);
    const name = `${u.rank ?? ""}. ${u.name}`;
    body.push(
      `<g><title>${esc(`${name} · ${v.toFixed(c.decimals)}${s.unit} · ${bandLabel(c, u.band, lang)}`)}</title>` +
        `<text x="${labelW - 6}" y="${y + 12.5}" font-size="11" text-anchor="end">${esc(clip(name, 44))}</text>` +
        `<rect x="${labelW}" y="${y + 2}" width="${n1(Math.max(0.5, x(v) - labelW))}" height="${row - 4}" fill="${bandColour(c, u.band)}"/></g>`,
    );
    values.push(`<text x="${n1(x(v) + 4)}" y="${y + 12.5}" font-size="10" fill="#24292f" stroke="#fff" stroke-width="3" paint-order="stroke">${v.toFixed(c.decimals)}</text>`);
  });
  // Thresholds over the bars, so that they show where a bar crosses them; their labels alternate
  // between two lines, so that close thresholds (80, 90) do not overlap.
  c.bands.list
    .filter((b) => b.min > 0 && b.min <= s.top)
    .forEach((b, i) => {
      const bx = n1(x(b.min));
      body.push(`<line class="threshold" x1="${bx}" y1="${top - 2}" x2="${bx}" y2="${height - 10}" stroke="${bandColour(c, b.id)}" stroke-width="1.2" stroke-dasharray="4 3"/>`);
      body.push(`<text x="${bx}" y="${i % 2 ? top - 21 : top - 32}" font-size="9.5" text-anchor="middle" font-weight="600" fill="${bandColour(c, b.id)}">${esc(clip(`${bandLabel(c, b.id, lang)} ≥ ${b.min}`, 24))}</text>`);
    });
  // The values last, on a white halo, readable over the threshold lines.
  body.push(...values);
  return svg(width, height, `${t("rankingChart", lang)}: ${text(l.level.label, lang, l.level.id)}`, body);
}

/** How many units fall in each band, and how many are not ranked. */
export function bandChart(rep: Report, l: LevelReport, lang: Lang): string {
  const c = rep.result.criteria;
  const items = [
    ...l.summary.bands.map((b) => ({ label: bandLabel(c, b.id, lang), count: b.count, colour: bandColour(c, b.id) })),
    ...(l.summary.notRanked > 0 ? [{ label: cap(t("not-ranked", lang)), count: l.summary.notRanked, colour: GREY }] : []),
  ];
  const most = Math.max(1, ...items.map((i) => i.count));
  const labelW = 130;
  const barW = 220;
  const row = 22;
  const width = labelW + barW + 50;
  const height = items.length * row + 8;
  const body = items.map((it, i) => {
    const y = 4 + i * row;
    const w = (it.count / most) * barW;
    return (
      `<g><title>${esc(`${it.label}: ${it.count}`)}</title>` +
      `<text x="${labelW - 6}" y="${y + 14}" font-size="11" text-anchor="end">${esc(clip(it.label, 20))}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${n1(Math.max(w, 0.5))}" height="${row - 6}" fill="${it.colour}"/>` +
      `<text x="${n1(labelW + w + 5)}" y="${y + 14}" font-size="11">${it.count}</text></g>`
    );
  });
  return svg(width, height, `${t("bands", lang)}: ${text(l.level.label, lang, l.level.id)}`, body);
}

/** Each pillar's mean attainment against its maximum (the full bar). */
export function pillarChart(rep: Report, l: LevelReport, lang: Lang): string {
  const dec = rep.result.criteria.decimals;
  const labelW = 230;
  const barW = 300;
  const row = 22;
  const width = labelW + barW + 110;
  const height = l.pillarAverages.length * row + 8;
  const body = l.pillarAverages.map((p, i) => {
    const y = 4 + i * row;
    const node = l.pillars.find((x) => x.id === p.id);
    const label = node ? text(node.label, lang, p.id) : p.id;
    const rate = p.meanRate ?? 0;
    return (
      `<g><title>${esc(`${label}: ${(p.meanPoints ?? 0).toFixed(dec)} / ${p.max} (${(rate * 100).toFixed(1)}%)`)}</title>` +
      `<text x="${labelW - 6}" y="${y + 14}" font-size="11" text-anchor="end">${esc(clip(label, 36))}</text>` +
      `<rect x="${labelW}" y="${y + 3}" width="${barW}" height="${row - 6}" fill="#eaeef2"/>` +
      `<rect x="${labelW}" y="${y + 3}" width="${n1(Math.max(rate * barW, 0.5))}" height="${row - 6}" fill="${pillarColour(i)}"/>` +
      `<text x="${labelW + barW + 6}" y="${y + 14}" font-size="10.5">${(p.meanPoints ?? 0).toFixed(dec)} / ${p.max} · ${(rate * 100).toFixed(0)}%</text></g>`
    );
  });
  return svg(width, height, `${t("pillars", lang)}: ${text(l.level.label, lang, l.level.id)}`, body);
}

/** One small chart per unit: a bar per pillar, its share of the pillar's maximum. */
export function profileChart(rep: Report, l: LevelReport, u: UnitResult, lang: Lang): string {
  const dec = rep.result.criteria.decimals;
  const bar = 18;
  const gap = 6;
  const h = 60;
  const width = l.pillars.length * (bar + gap) + gap;
  const height = h + 16;
  const body: string[] = [`<line x1="0" y1="${h + 2}" x2="${width}" y2="${h + 2}" stroke="#afb8c1" stroke-width="0.5"/>`];
  // (each pillar's figures read off the columns: a unit's node objects are made for every node)
  const cols = columnsOf(rep.result);
  const g = cols.rowOf(u);
  l.pillars.forEach((p, i) => {
    const n = cols.node(p.id);
    const points = includedPoints(n, g);
    const included = points !== null;
    const orZero = (x: number | undefined): number => (x === undefined || Number.isNaN(x) ? 0 : x);
    const x = gap + i * (bar + gap);
    const rate = included ? orZero(n?.rate[g]) : 0;
    const tip = included ? `${text(p.label, lang, p.id)}: ${points.toFixed(dec)} / ${n?.max[g]}` : `${text(p.label, lang, p.id)}: ${t("not-applicable", lang)}`;
    body.push(
      `<g><title>${esc(tip)}</title>` +
        `<rect x="${x}" y="2" width="${bar}" height="${h}" fill="#eaeef2"/>` +
        (included ? `<rect x="${x}" y="${n1(2 + h - rate * h)}" width="${bar}" height="${n1(Math.max(rate * h, 0.5))}" fill="${pillarColour(i)}"/>` : "") +
        `<text x="${x + bar / 2}" y="${h + 13}" font-size="9" text-anchor="middle" fill="#57606a">${i + 1}</text></g>`,
    );
  });
  return svg(width, height, `${u.name}: ${t("profile", lang)}`, body, "chart profile-chart");
}
