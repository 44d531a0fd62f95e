// The statistical audit in every format. The tables are built once per level as plain models
// (auditTables) and laid out by the terminal table, Markdown, HTML (with a correlation heatmap and
// the importance chart in SVG) and the workbook; CSV is one row per level and indicator with every
// figure, JSON the whole model.
import Table from "cli-table3";
import type { Audit, IndicatorAudit, LevelAudit } from "../engine/audit.ts";
import { text, type Criteria, type Lang } from "../model/criteria.ts";
import { csvDocument, decimalFor, esc, inert, machine, mdText, type CsvCell, type RenderOptions } from "./common.ts";

const L = {
  title: { vi: "Kiểm định thống kê bộ chỉ số", en: "Statistical audit of the criteria" },
  units: { vi: "đơn vị xếp hạng", en: "ranked units" },
  availability: { vi: "Độ đầy đủ dữ liệu và phân phối", en: "Availability and distribution" },
  indicator: { vi: "Chỉ số", en: "Indicator" },
  pillar: { vi: "Lĩnh vực", en: "Pillar" },
  values: { vi: "Có số liệu", en: "Values" },
  share: { vi: "Tỉ lệ", en: "Share" },
  min: { vi: "Nhỏ nhất", en: "Min" },
  max: { vi: "Lớn nhất", en: "Max" },
  mean: { vi: "Trung bình", en: "Mean" },
  median: { vi: "Trung vị", en: "Median" },
  skew: { vi: "Độ lệch", en: "Skewness" },
  kurt: { vi: "Độ nhọn", en: "Kurtosis" },
  flags: { vi: "Cảnh báo", en: "Flags" },
  outliers: { vi: "Giá trị ngoại lai và winsorize", en: "Outliers and winsorisation" },
  replaced: { vi: "Số giá trị thay", en: "Values replaced" },
  unitsReplaced: { vi: "Đơn vị", en: "Units" },
  skewAfter: { vi: "Độ lệch sau", en: "Skewness after" },
  kurtAfter: { vi: "Độ nhọn sau", en: "Kurtosis after" },
  cleared: { vi: "Hết cảnh báo", en: "Cleared" },
  correlations: { vi: "Tương quan với lĩnh vực và tổng điểm", en: "Correlations with the pillar and the total" },
  rPillar: { vi: "r lĩnh vực", en: "r pillar" },
  rhoPillar: { vi: "ρ lĩnh vực", en: "ρ pillar" },
  rTotal: { vi: "r tổng", en: "r total" },
  rhoTotal: { vi: "ρ tổng", en: "ρ total" },
  collinear: { vi: "Cặp chỉ số tương quan cao (đa cộng tuyến)", en: "Collinear pairs" },
  samePillar: { vi: "Cùng lĩnh vực", en: "Same pillar" },
  pillars: { vi: "Độ nhất quán của từng lĩnh vực", en: "Consistency of each pillar" },
  indicators: { vi: "Số chỉ số", en: "Indicators" },
  complete: { vi: "Đơn vị đủ số liệu", en: "Complete units" },
  alpha: { vi: "Cronbach α", en: "Cronbach's α" },
  pc1: { vi: "Thành phần chính 1", en: "First component" },
  importance: { vi: "Tầm quan trọng thực tế so với trọng số danh nghĩa", en: "Importance against the nominal weight" },
  nominal: { vi: "Trọng số danh nghĩa", en: "Nominal weight" },
  actual: { vi: "Tầm quan trọng (r²)", en: "Importance (r²)" },
  ratio: { vi: "Tỉ số", en: "Ratio" },
  lowUnits: { vi: "Đơn vị thiếu nhiều số liệu", en: "Units with low availability" },
  code: { vi: "Mã", en: "Code" },
  unit: { vi: "Đơn vị", en: "Unit" },
  matrix: { vi: "Ma trận tương quan Pearson giữa các chỉ số", en: "Pearson correlations between the indicators" },
  none: { vi: "không có", en: "none" },
  yes: { vi: "có", en: "yes" },
  no: { vi: "không", en: "no" },
  effect: { vi: "Nếu winsorize mọi chỉ số bị cảnh báo", en: "If every flagged indicator were winsorised" },
  effectText: {
    vi: (u: number, m: number, x: number) => `${u} đơn vị đổi giá trị, ${m} đơn vị đổi hạng (tối đa ${x} bậc)`,
    en: (u: number, m: number, x: number) => `${u} units change value, ${m} change rank (by ${x} at most)`,
  },
  effectNone: { vi: "không tính được: có nhóm tổng hợp bằng trung bình", en: "not computed: a group aggregates by a mean" },
  flagLow: { vi: "thiếu số liệu", en: "low availability" },
  flagOutliers: { vi: "ngoại lai", en: "outliers" },
  flagConstant: { vi: "không phân biệt được đơn vị", en: "no variation" },
  flagNegative: { vi: "tương quan âm với lĩnh vực", en: "negative with its pillar" },
  flagWeak: { vi: "ít liên quan đến lĩnh vực", en: "weak with its pillar" },
  flagOver: { vi: "quan trọng hơn trọng số", en: "more important than its weight" },
  flagUnder: { vi: "kém quan trọng hơn trọng số", en: "less important than its weight" },
  thresholds: { vi: "Ngưỡng", en: "Thresholds" },
} as const;

type Key = keyof typeof L;
const t = (k: Exclude<Key, "effectText">, lang: Lang): string => L[k][lang];

export type Kind = "text" | "int" | "num" | "pct";
export interface AuditTable {
  id: string;
  title: string;
  columns: { header: string; kind: Kind }[];
  rows: (string | number | null)[][];
  note?: string;
}

const label = (c: Criteria, id: string, lang: Lang): string => {
  if (id === c.root.id) return text(c.title, lang, id);
  let found = id;
  const visit = (n: { id: string; label: { vi?: string; en?: string }; kind: string; children?: unknown[] }): void => {
    if (n.id === id) found = text(n.label, lang, id);
    if (n.kind === "group") for (const k of n.children as (typeof n)[]) visit(k);
  };
  visit(c.root as unknown as Parameters<typeof visit>[0]);
  return found;
};

export function flagsOf(a: IndicatorAudit, lang: Lang): string[] {
  const out: string[] = [];
  if (a.lowAvailability) out.push(t("flagLow", lang));
  if (a.constant) out.push(t("flagConstant", lang));
  if (a.outliers) out.push(t("flagOutliers", lang));
  if (a.negative) out.push(t("flagNegative", lang));
  if (a.weak) out.push(t("flagWeak", lang));
  if (a.importanceFlag === "over") out.push(t("flagOver", lang));
  if (a.importanceFlag === "under") out.push(t("flagUnder", lang));
  return out;
}

/** The tables of one level, in the order every format shows them. */
export function auditTables(a: Audit, l: LevelAudit, lang: Lang): AuditTable[] {
  const c = a.criteria;
  const o = a.options;
  const pillarName = (id: string) => (id === c.root.id ? "—" : id);
  const tables: AuditTable[] = [];
  tables.push({
    id: "availability",
    title: t("availability", lang),
    columns: [
      { header: t("indicator", lang), kind: "text" },
      { header: t("pillar", lang), kind: "text" },
      { header: t("values", lang), kind: "text" },
      { header: t("share", lang), kind: "pct" },
      { header: t("min", lang), kind: "num" },
      { header: t("max", lang), kind: "num" },
      { header: t("mean", lang), kind: "num" },
      { header: t("median", lang), kind: "num" },
      { header: t("skew", lang), kind: "num" },
      { header: t("kurt", lang), kind: "num" },
      { header: t("flags", lang), kind: "text" },
    ],
    rows: l.indicators.map((i) => [
      i.id,
      pillarName(i.pillar),
      `${i.available}/${i.applicable}`,
      i.availability,
      i.distribution.min,
      i.distribution.max,
      i.distribution.mean,
      i.distribution.median,
      i.distribution.skewness,
      i.distribution.kurtosis,
      flagsOf(i, lang).join("; "),
    ]),
    note: `${t("thresholds", lang)}: ${lang === "vi" ? "đủ số liệu" : "availability"} ≥ ${o.minAvailability * 100}% · |${t("skew", lang).toLowerCase()}| > ${o.skewness} ${lang === "vi" ? "và" : "and"} ${t("kurt", lang).toLowerCase()} > ${o.kurtosis} · r > ${o.collinear} · r < ${o.weak} · ${t("ratio", lang).toLowerCase()} > ${o.importanceRatio} ${lang === "vi" ? "hoặc" : "or"} < 1/${o.importanceRatio}`,
  });
  const flagged = l.indicators.filter((i) => i.winsorised);
  tables.push({
    id: "outliers",
    title: t("outliers", lang),
    columns: [
      { header: t("indicator", lang), kind: "text" },
      { header: t("skew", lang), kind: "num" },
      { header: t("kurt", lang), kind: "num" },
      { header: t("replaced", lang), kind: "int" },
      { header: t("unitsReplaced", lang), kind: "text" },
      { header: t("skewAfter", lang), kind: "num" },
      { header: t("kurtAfter", lang), kind: "num" },
      { header: t("cleared", lang), kind: "text" },
    ],
    rows: flagged.map((i) => {
      const w = i.winsorised as NonNullable<IndicatorAudit["winsorised"]>;
      return [i.id, i.distribution.skewness, i.distribution.kurtosis, w.count, w.units.join(", "), w.skewness, w.kurtosis, w.cleared ? t("yes", lang) : t("no", lang)];
    }),
    note: flagged.length
      ? `${t("effect", lang)}: ${l.winsorEffect ? L.effectText[lang](l.winsorEffect.units, l.winsorEffect.moved, l.winsorEffect.maxMove) : t("effectNone", lang)}`
      : t("none", lang),
  });
  tables.push({
    id: "correlations",
    title: t("correlations", lang),
    columns: [
      { header: t("indicator", lang), kind: "text" },
      { header: t("pillar", lang), kind: "text" },
      { header: t("rPillar", lang), kind: "num" },
      { header: t("rhoPillar", lang), kind: "num" },
      { header: t("rTotal", lang), kind: "num" },
      { header: t("rhoTotal", lang), kind: "num" },
      { header: t("flags", lang), kind: "text" },
    ],
    rows: l.indicators.map((i) => [
      i.id,
      pillarName(i.pillar),
      i.withPillar.pearson,
      i.withPillar.spearman,
      i.withTotal.pearson,
      i.withTotal.spearman,
      [i.negative ? t("flagNegative", lang) : "", i.weak ? t("flagWeak", lang) : ""].filter(Boolean).join("; "),
    ]),
  });
  tables.push({
    id: "collinear",
    title: t("collinear", lang),
    columns: [
      { header: t("indicator", lang), kind: "text" },
      { header: t("indicator", lang), kind: "text" },
      { header: "r", kind: "num" },
      { header: t("samePillar", lang), kind: "text" },
    ],
    rows: l.collinear.map((p) => [p.a, p.b, p.pearson, p.samePillar ? t("yes", lang) : t("no", lang)]),
    ...(l.collinear.length ? {} : { note: t("none", lang) }),
  });
  tables.push({
    id: "pillars",
    title: t("pillars", lang),
    columns: [
      { header: t("pillar", lang), kind: "text" },
      { header: t("indicators", lang), kind: "int" },
      { header: t("complete", lang), kind: "int" },
      { header: t("alpha", lang), kind: "num" },
      { header: t("pc1", lang), kind: "pct" },
    ],
    rows: l.pillars.map((p) => [p.id === c.root.id ? label(c, p.id, lang) : `${p.id} ${label(c, p.id, lang)}`, p.indicators.length, p.complete, p.alpha, p.pc1]),
  });
  tables.push({
    id: "importance",
    title: t("importance", lang),
    columns: [
      { header: t("indicator", lang), kind: "text" },
      { header: t("nominal", lang), kind: "pct" },
      { header: t("actual", lang), kind: "pct" },
      { header: t("ratio", lang), kind: "num" },
      { header: t("flags", lang), kind: "text" },
    ],
    rows: l.indicators.map((i) => [i.id, i.nominal, i.importance, i.ratio, i.importanceFlag === "over" ? t("flagOver", lang) : i.importanceFlag === "under" ? t("flagUnder", lang) : ""]),
  });
  const low = l.unitAvailability.filter((u) => u.low);
  tables.push({
    id: "units",
    title: t("lowUnits", lang),
    columns: [
      { header: t("code", lang), kind: "text" },
      { header: t("unit", lang), kind: "text" },
      { header: t("values", lang), kind: "text" },
      { header: t("share", lang), kind: "pct" },
    ],
    rows: low.map((u) => [u.code, u.name, `${u.available}/${u.applicable}`, u.share]),
    ...(low.length ? {} : { note: t("none", lang) }),
  });
  return tables;
}

/** A figure as the human formats show it: three decimals, a percentage with one. */
export function cellShown(v: string | number | null, kind: Kind, lang: Lang = "en"): string {
  if (v === null) return "—";
  if (typeof v === "string") return v;
  if (kind === "int") return String(v);
  if (kind === "pct") return `${decimalFor((v * 100).toFixed(1), lang)}%`;
  return decimalFor(v.toFixed(3), lang);
}

const levelTitle = (a: Audit, l: LevelAudit, lang: Lang): string => `${text(l.level.label, lang, l.level.id)} (${l.level.id}) · ${l.units} ${t("units", lang)}`;
const head = (a: Audit, lang: Lang): string => `${t("title", lang)}: ${text(a.criteria.title, lang, a.criteria.id)}${a.period ? ` · ${a.period}` : ""}`;

export function auditTable(a: Audit, o: RenderOptions): string {
  const { lang, palette: p } = o;
  const out: string[] = [p.bold(inert(head(a, lang)))];
  for (const l of a.levels) {
    out.push("", p.bold(inert(levelTitle(a, l, lang))));
    for (const tb of auditTables(a, l, lang)) {
      out.push("", p.bold(tb.title));
      if (tb.rows.length) {
        const table = new Table({ head: tb.columns.map((c) => c.header), style: { head: [], border: [], compact: true }, colAligns: tb.columns.map((c) => (c.kind === "text" ? "left" : "right")) });
        for (const r of tb.rows) table.push(r.map((v, i) => inert(cellShown(v, tb.columns[i]?.kind ?? "text", lang))));
        out.push(table.toString());
      }
      if (tb.note) out.push(p.dim(inert(tb.note)));
    }
  }
  return `${out.join("\n")}\n`;
}

function mdTable(tb: AuditTable, lang: Lang): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(tb.columns.map((c) => mdText(c.header))), line(tb.columns.map((c) => (c.kind === "text" ? "---" : "---:"))), ...tb.rows.map((r) => line(r.map((v, i) => mdText(cellShown(v, tb.columns[i]?.kind ?? "text", lang)))))].join("\n");
}

/** The audit in Markdown; `depth` is the heading level of its title (1 alone, 2 as the annex of a report). */
export function auditMd(a: Audit, o: RenderOptions, depth = 1): string {
  const h = (n: number) => "#".repeat(depth + n);
  const out: string[] = [`${h(0)} ${mdText(head(a, o.lang))}`];
  for (const l of a.levels) {
    out.push("", `${h(1)} ${mdText(levelTitle(a, l, o.lang))}`);
    for (const tb of auditTables(a, l, o.lang)) {
      out.push("", `${h(2)} ${mdText(tb.title)}`);
      if (tb.rows.length) out.push("", mdTable(tb, o.lang));
      if (tb.note) out.push("", `_${mdText(tb.note)}_`);
    }
  }
  return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// SVG

/** Blue for positive, red for negative, white at 0; grey when undefined. */
export function heatColor(r: number | null): string {
  if (r === null) return "#d0d7de";
  const x = Math.max(-1, Math.min(1, r));
  const mix = (a: number) => Math.round(255 + (a - 255) * Math.abs(x));
  return x >= 0 ? `rgb(${mix(33)},${mix(102)},${mix(172)})` : `rgb(${mix(178)},${mix(24)},${mix(43)})`;
}

/** The correlation matrix as a heatmap: a cell per pair, its r written in it. */
export function heatmapSvg(l: LevelAudit, title: string): string {
  const ids = l.indicators.map((i) => i.id);
  const n = ids.length;
  const cell = 28;
  const left = 8 + Math.max(...ids.map((s) => s.length), 1) * 6.5;
  const top = left;
  const w = left + n * cell + 8;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="${w.toFixed(0)}" height="${(top + n * cell + 8).toFixed(0)}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>`];
  ids.forEach((id, i) => {
    out.push(`<text x="${(left - 4).toFixed(1)}" y="${(top + i * cell + cell / 2 + 4).toFixed(1)}" text-anchor="end" font-size="11">${esc(id)}</text>`);
    const x = left + i * cell + cell / 2;
    out.push(`<text x="${x.toFixed(1)}" y="${(top - 4).toFixed(1)}" font-size="11" transform="rotate(-90 ${x.toFixed(1)} ${(top - 4).toFixed(1)})" dominant-baseline="middle">${esc(id)}</text>`);
  });
  l.matrix.forEach((row, i) =>
    row.forEach((r, j) => {
      const x = left + j * cell;
      const y = top + i * cell;
      const dark = r !== null && Math.abs(r) > 0.6;
      out.push(
        `<g><title>${esc(`${ids[i]} × ${ids[j]}: ${r === null ? "—" : r.toFixed(3)}`)}</title><rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${cell}" height="${cell}" fill="${heatColor(r)}" stroke="#fff"/><text x="${(x + cell / 2).toFixed(1)}" y="${(y + cell / 2 + 3).toFixed(1)}" text-anchor="middle" font-size="8" fill="${dark ? "#fff" : "#1f2328"}">${r === null ? "—" : r.toFixed(2).replace(/^(-?)0\./, "$1.")}</text></g>`,
      );
    }),
  );
  out.push("</svg>");
  return out.join("");
}

/** Per indicator, two bars: the nominal weight and the importance (r², normalised), on one scale. */
export function importanceSvg(l: LevelAudit, title: string, legend: [string, string]): string {
  const rows = l.indicators;
  const labelW = 8 + Math.max(...rows.map((r) => r.id.length), 1) * 6.5;
  const barW = 320;
  const rowH = 22;
  const top = 26;
  const peak = Math.max(...rows.map((r) => Math.max(r.nominal, r.importance ?? 0)), 1e-9);
  const scale = (v: number) => (v / peak) * barW;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" class="importance" width="${(labelW + barW + 60).toFixed(0)}" height="${top + rows.length * rowH + 8}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>`];
  out.push(`<rect x="${labelW}" y="4" width="10" height="10" fill="#8c959f"/><text x="${labelW + 14}" y="13" font-size="11">${esc(legend[0])}</text>`);
  out.push(`<rect x="${labelW + 150}" y="4" width="10" height="10" fill="#2f81f7"/><text x="${labelW + 164}" y="13" font-size="11">${esc(legend[1])}</text>`);
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const flag = r.importanceFlag !== null;
    out.push(`<text x="${(labelW - 4).toFixed(1)}" y="${y + 14}" text-anchor="end" font-size="11"${flag ? ' font-weight="bold"' : ""}>${esc(r.id)}</text>`);
    out.push(`<rect x="${labelW.toFixed(1)}" y="${y + 2}" width="${scale(r.nominal).toFixed(1)}" height="8" fill="#8c959f"><title>${esc(`${r.id}: ${(r.nominal * 100).toFixed(1)}%`)}</title></rect>`);
    if (r.importance !== null) {
      out.push(`<rect x="${labelW.toFixed(1)}" y="${y + 11}" width="${scale(r.importance).toFixed(1)}" height="8" fill="${flag ? "#cf222e" : "#2f81f7"}"><title>${esc(`${r.id}: ${(r.importance * 100).toFixed(1)}%`)}</title></rect>`);
    }
    out.push(`<text x="${(labelW + Math.max(scale(r.nominal), scale(r.importance ?? 0)) + 4).toFixed(1)}" y="${y + 14}" font-size="10">${r.ratio === null ? "—" : `×${r.ratio.toFixed(2)}`}</text>`);
  });
  out.push("</svg>");
  return out.join("");
}

function htmlTable(tb: AuditTable, lang: Lang): string {
  const th = tb.columns.map((c) => `<th>${esc(c.header)}</th>`).join("");
  const rows = tb.rows.map((r) => `<tr>${r.map((v, i) => `<td${tb.columns[i]?.kind === "text" ? "" : ' class="n"'}>${esc(cellShown(v, tb.columns[i]?.kind ?? "text", lang))}</td>`).join("")}</tr>`).join("");
  return `<div class="wrap"><table><thead><tr>${th}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The audit's sections as an HTML fragment (the report's annex embeds it); `depth` is the heading level of its title. */
export function auditFragment(a: Audit, lang: Lang, depth = 1): string {
  const h = (n: number, s: string) => `<h${depth + n}>${esc(s)}</h${depth + n}>`;
  const out = [`<section class="audit">${h(0, head(a, lang))}`];
  for (const l of a.levels) {
    out.push(`<section>${h(1, levelTitle(a, l, lang))}`);
    for (const tb of auditTables(a, l, lang)) {
      out.push(h(2, tb.title));
      if (tb.rows.length) out.push(htmlTable(tb, lang));
      if (tb.note) out.push(`<p class="muted">${esc(tb.note)}</p>`);
      if (tb.id === "correlations" && l.indicators.length > 1) out.push(h(2, t("matrix", lang)), `<figure>${heatmapSvg(l, `${t("matrix", lang)} · ${l.level.id}`)}</figure>`);
      if (tb.id === "importance") out.push(`<figure>${importanceSvg(l, `${t("importance", lang)} · ${l.level.id}`, [t("nominal", lang), t("actual", lang)])}</figure>`);
    }
    out.push("</section>");
  }
  out.push("</section>");
  return out.join("\n");
}

const CSS = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.2rem .5rem}
th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}.muted{color:#57606a}.wrap{overflow-x:auto}svg text{font-family:system-ui,sans-serif}`;

export function auditHtml(a: Audit, o: RenderOptions): string {
  const title = head(a, o.lang);
  return [
    "<!doctype html>",
    `<html lang="${o.lang}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${esc(title)}</title><style>${CSS}</style></head>`,
    "<body>",
    auditFragment(a, o.lang),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// csv and json

export const AUDIT_COLUMNS = [
  "level",
  "indicator",
  "pillar",
  "units",
  "applicable",
  "available",
  "availability",
  "low_availability",
  "min",
  "max",
  "mean",
  "median",
  "sd",
  "skewness",
  "kurtosis",
  "constant",
  "outliers",
  "winsorised",
  "skewness_winsorised",
  "kurtosis_winsorised",
  "pearson_pillar",
  "spearman_pillar",
  "pearson_total",
  "spearman_total",
  "negative",
  "weak",
  "nominal",
  "importance",
  "ratio",
  "importance_flag",
] as const;

export function auditCsv(a: Audit, o?: RenderOptions): string {
  const rows: CsvCell[][] = [[...AUDIT_COLUMNS]];
  const b = (x: boolean) => (x ? "true" : "false");
  for (const l of a.levels) {
    for (const i of l.indicators) {
      const d = i.distribution;
      rows.push([
        l.level.id,
        i.id,
        i.pillar,
        l.units,
        i.applicable,
        i.available,
        machine(i.availability),
        b(i.lowAvailability),
        machine(d.min),
        machine(d.max),
        machine(d.mean),
        machine(d.median),
        machine(d.sd),
        machine(d.skewness),
        machine(d.kurtosis),
        b(i.constant),
        b(i.outliers),
        i.winsorised?.count ?? null,
        machine(i.winsorised?.skewness),
        machine(i.winsorised?.kurtosis),
        machine(i.withPillar.pearson),
        machine(i.withPillar.spearman),
        machine(i.withTotal.pearson),
        machine(i.withTotal.spearman),
        b(i.negative),
        b(i.weak),
        machine(i.nominal),
        machine(i.importance),
        machine(i.ratio),
        i.importanceFlag ?? "",
      ]);
    }
  }
  return csvDocument(rows, o?.csv);
}

export function auditJson(a: Audit, o: RenderOptions): string {
  const pair = (p: { pearson: number | null; spearman: number | null }) => ({ pearson: machine(p.pearson), spearman: machine(p.spearman) });
  const doc = {
    schemaVersion: 1,
    criteria: { id: a.criteria.id, version: a.criteria.version, title: text(a.criteria.title, o.lang, a.criteria.id) },
    period: a.period ?? null,
    options: a.options,
    levels: a.levels.map((l) => ({
      id: l.level.id,
      label: text(l.level.label, o.lang, l.level.id),
      units: l.units,
      indicators: l.indicators.map((i) => ({
        id: i.id,
        pillar: i.pillar,
        applicable: i.applicable,
        available: i.available,
        availability: machine(i.availability),
        lowAvailability: i.lowAvailability,
        distribution: Object.fromEntries(Object.entries(i.distribution).map(([k, v]) => [k, machine(v)])),
        constant: i.constant,
        outliers: i.outliers,
        winsorised: i.winsorised && { ...i.winsorised, skewness: machine(i.winsorised.skewness), kurtosis: machine(i.winsorised.kurtosis) },
        withPillar: pair(i.withPillar),
        withTotal: pair(i.withTotal),
        negative: i.negative,
        weak: i.weak,
        nominal: machine(i.nominal),
        importance: machine(i.importance),
        ratio: machine(i.ratio),
        importanceFlag: i.importanceFlag,
      })),
      pillars: l.pillars.map((p) => ({ ...p, alpha: machine(p.alpha), pc1: machine(p.pc1) })),
      collinear: l.collinear.map((p) => ({ ...p, pearson: machine(p.pearson) })),
      winsorEffect: l.winsorEffect,
      unitAvailability: l.unitAvailability.map((u) => ({ ...u, share: machine(u.share) })),
      matrix: { indicators: l.indicators.map((i) => i.id), pearson: l.matrix.map((r) => r.map((v) => machine(v))) },
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
