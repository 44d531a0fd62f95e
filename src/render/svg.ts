// Inline SVG charts for the HTML outputs: pure functions returning an SVG string. Every piece of
// text that comes from data (names, labels, titles) is escaped.

import { esc } from "./common.ts";

/** Escapes text for XML and HTML content and attribute values (the one escaper, from common.ts). */
export const escapeXml = esc;

/** A coordinate with at most two decimals, so the same chart comes out on every machine. */
const n = (x: number): string => String(Math.round(x * 100) / 100);

export interface LineSeries {
  name: string;
  /** one value per x label; null leaves a gap */
  values: readonly (number | null)[];
  color?: string;
  dashed?: boolean;
}

export interface LineChartSpec {
  title: string;
  /** the x-axis labels, e.g. periods */
  x: readonly string[];
  series: readonly LineSeries[];
  /** y range; by default from 0 (or the lowest value) to the highest value */
  yMin?: number;
  yMax?: number;
  yLabel?: string;
  width?: number;
  height?: number;
}

const PALETTE = ["#0969da", "#1a7f37", "#d29922", "#cf222e", "#8250df", "#57606a", "#bf3989", "#0a3069"];

/** A safe colour for an attribute: a hex colour from the data, else one of the palette. */
const colour = (c: string | undefined, i: number): string => (c && /^#[0-9a-f]{3,8}$/i.test(c) ? c : (PALETTE[i % PALETTE.length] as string));

/** Round tick values between lo and hi: about five of them. */
function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw) as number;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/**
 * A line chart: one line per series over the x labels, a dot per value with a tooltip, a legend
 * under the plot. A null value breaks the line.
 */
export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 640;
  const legendRows = Math.ceil(spec.series.length / 3);
  const height = spec.height ?? 320 + legendRows * 18;
  const m = { top: 36, right: 24, bottom: 44 + legendRows * 18, left: 52 };
  const all = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const yMin = spec.yMin ?? Math.min(0, ...all);
  let yMax = spec.yMax ?? Math.max(yMin + 1, ...all);
  if (yMax <= yMin) yMax = yMin + 1;
  const pw = width - m.left - m.right;
  const ph = height - m.top - m.bottom;
  const count = spec.x.length;
  const xAt = (i: number): number => m.left + (count <= 1 ? pw / 2 : (i * pw) / (count - 1));
  const yAt = (v: number): number => m.top + ph - ((v - yMin) / (yMax - yMin)) * ph;

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(spec.title)}" font-family="sans-serif" font-size="12">`);
  out.push(`<title>${escapeXml(spec.title)}</title>`);
  out.push(`<text x="${n(width / 2)}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(spec.title)}</text>`);
  for (const t of ticks(yMin, yMax)) {
    const y = n(yAt(t));
    out.push(`<line x1="${m.left}" y1="${y}" x2="${m.left + pw}" y2="${y}" stroke="#d0d7de" stroke-width="1"/>`);
    out.push(`<text x="${m.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#57606a">${escapeXml(String(t))}</text>`);
  }
  if (spec.yLabel) out.push(`<text transform="translate(14 ${n(m.top + ph / 2)}) rotate(-90)" text-anchor="middle" fill="#57606a">${escapeXml(spec.yLabel)}</text>`);
  spec.x.forEach((label, i) => {
    out.push(`<text x="${n(xAt(i))}" y="${n(m.top + ph + 18)}" text-anchor="middle" fill="#57606a">${escapeXml(label)}</text>`);
  });
  spec.series.forEach((s, si) => {
    const c = colour(s.color, si);
    const dash = s.dashed ? ' stroke-dasharray="5 4"' : "";
    // Consecutive values make one polyline; a gap starts a new one.
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) out.push(`<polyline fill="none" stroke="${c}" stroke-width="2"${dash} points="${run.join(" ")}"/>`);
      run = [];
    };
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v) || i >= count) {
        flush();
        return;
      }
      run.push(`${n(xAt(i))},${n(yAt(v))}`);
    });
    flush();
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v) || i >= count) return;
      out.push(`<circle cx="${n(xAt(i))}" cy="${n(yAt(v))}" r="3" fill="${c}"><title>${escapeXml(`${s.name} · ${spec.x[i] ?? ""}: ${n(v)}`)}</title></circle>`);
    });
  });
  spec.series.forEach((s, si) => {
    const col = si % 3;
    const row = Math.floor(si / 3);
    const x = m.left + col * (pw / 3);
    const y = height - m.bottom + 34 + row * 18;
    out.push(`<rect x="${n(x)}" y="${n(y - 9)}" width="12" height="4" fill="${colour(s.color, si)}"/><text x="${n(x + 16)}" y="${n(y - 5)}" dominant-baseline="middle">${escapeXml(s.name)}</text>`);
  });
  out.push("</svg>");
  return out.join("\n");
}

export interface SlopeItem {
  label: string;
  before: number;
  after: number;
}

export interface SlopeChartSpec {
  title: string;
  left: string;
  right: string;
  items: readonly SlopeItem[];
  yMin?: number;
  yMax?: number;
  width?: number;
  height?: number;
  /** items are named at the right end when there are at most this many (default 30) */
  namedUpTo?: number;
}

const UP = "#1a7f37";
const DOWN = "#cf222e";
const SAME = "#8c959f";

/** A slope chart: each item a line from its value on the left to its value on the right. */
export function slopeChart(spec: SlopeChartSpec): string {
  const named = spec.items.length <= (spec.namedUpTo ?? 30);
  const width = spec.width ?? (named ? 640 : 420);
  const height = spec.height ?? (named ? Math.max(420, 72 + spec.items.length * 12) : 420);
  const m = { top: 48, right: named ? 260 : 60, bottom: 24, left: 60 };
  const values = spec.items.flatMap((i) => [i.before, i.after]);
  const yMin = spec.yMin ?? Math.floor(Math.min(100, ...values) / 10) * 10;
  const yMax = spec.yMax ?? Math.max(yMin + 10, Math.ceil(Math.max(0, ...values) / 10) * 10);
  const ph = height - m.top - m.bottom;
  const xl = m.left;
  const xr = width - m.right;
  const yAt = (v: number): number => m.top + ph - ((v - yMin) / (yMax - yMin || 1)) * ph;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(spec.title)}" font-family="sans-serif" font-size="11">`);
  out.push(`<title>${escapeXml(spec.title)}</title>`);
  out.push(`<text x="${n(width / 2)}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(spec.title)}</text>`);
  out.push(`<text x="${xl}" y="38" text-anchor="middle" font-weight="bold">${escapeXml(spec.left)}</text>`);
  out.push(`<text x="${xr}" y="38" text-anchor="middle" font-weight="bold">${escapeXml(spec.right)}</text>`);
  out.push(`<line x1="${xl}" y1="${m.top}" x2="${xl}" y2="${m.top + ph}" stroke="#57606a"/><line x1="${xr}" y1="${m.top}" x2="${xr}" y2="${m.top + ph}" stroke="#57606a"/>`);
  for (const t of ticks(yMin, yMax)) {
    const y = n(yAt(t));
    out.push(`<text x="${xl - 8}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#57606a">${escapeXml(String(t))}</text>`);
    out.push(`<line x1="${xl}" y1="${y}" x2="${xr}" y2="${y}" stroke="#eaeef2"/>`);
  }
  // Names at the right end, pushed apart so that they do not overlap.
  const labelY = new Map<SlopeItem, number>();
  let last = -Infinity;
  for (const it of [...spec.items].sort((a, b) => b.after - a.after)) {
    last = Math.max(yAt(it.after), last + 12);
    labelY.set(it, last);
  }
  for (const it of spec.items) {
    const d = Math.round((it.after - it.before) * 100) / 100;
    const c = d > 0 ? UP : d < 0 ? DOWN : SAME;
    const tip = `${it.label}: ${n(it.before)} → ${n(it.after)} (${d > 0 ? "+" : ""}${n(d)})`;
    out.push(
      `<g><title>${escapeXml(tip)}</title><line x1="${xl}" y1="${n(yAt(it.before))}" x2="${xr}" y2="${n(yAt(it.after))}" stroke="${c}" stroke-width="1.5" opacity="0.8"/>` +
        `<circle cx="${xl}" cy="${n(yAt(it.before))}" r="2.5" fill="${c}"/><circle cx="${xr}" cy="${n(yAt(it.after))}" r="2.5" fill="${c}"/>` +
        (named
          ? `<line x1="${xr + 3}" y1="${n(yAt(it.after))}" x2="${xr + 10}" y2="${n(labelY.get(it) ?? yAt(it.after))}" stroke="#8c959f" stroke-width="0.5"/>` +
            `<text x="${xr + 12}" y="${n(labelY.get(it) ?? yAt(it.after))}" dominant-baseline="middle">${escapeXml(it.label)}</text>`
          : "") +
        "</g>",
    );
  }
  out.push("</svg>");
  return out.join("\n");
}
