// The statistical audit in every format. The tables are built once per level as plain models
// (auditTables) and laid out by the terminal table, Markdown, HTML (with a correlation heatmap and
// the importance chart in SVG) and the workbook; CSV is one row per level and indicator with every
// figure, JSON the whole model.
import { fitLines, fitTable, type Column } from "./fit.ts";
import type { Audit, IndicatorAudit, LevelAudit } from "../engine/audit.ts";
import { text, type Criteria, type Lang } from "../model/criteria.ts";
import { csvDocument, decimalFor, esc, inert, machine, mdGrid, mdText, type CsvCell, type RenderOptions } from "./common.ts";
import { t } from "./labels.ts";

/** What winsorising every flagged indicator would change, in words. */
const EFFECT = {
  vi: (u: number, m: number, x: number) => `${u} đơn vị đổi giá trị, ${m} đơn vị đổi hạng (tối đa ${x} bậc)`,
  en: (u: number, m: number, x: number) => `${u} units change value, ${m} change rank (by ${x} at most)`,
} as const;

export type Kind = "text" | "int" | "num" | "pct";
export interface AuditTable {
  id: string;
  title: string;
  /** optional: a figure the terminal's table may leave out when it is narrow */
  columns: { header: string; kind: Kind; optional?: true }[];
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
  if (a.lowAvailability) out.push(t("audit.flagLow", lang));
  if (a.constant) out.push(t("audit.flagConstant", lang));
  if (a.outliers) out.push(t("audit.flagOutliers", lang));
  if (a.negative) out.push(t("audit.flagNegative", lang));
  if (a.weak) out.push(t("audit.flagWeak", lang));
  if (a.importanceFlag === "over") out.push(t("audit.flagOver", lang));
  if (a.importanceFlag === "under") out.push(t("audit.flagUnder", lang));
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
    title: t("audit.availability", lang),
    columns: [
      { header: t("audit.indicator", lang), kind: "text" },
      { header: t("audit.pillar", lang), kind: "text" },
      { header: t("audit.values", lang), kind: "text" },
      { header: t("audit.share", lang), kind: "pct" },
      { header: t("audit.min", lang), kind: "num", optional: true },
      { header: t("audit.max", lang), kind: "num", optional: true },
      { header: t("audit.mean", lang), kind: "num" },
      { header: t("audit.median", lang), kind: "num" },
      { header: t("audit.skew", lang), kind: "num", optional: true },
      { header: t("audit.kurt", lang), kind: "num", optional: true },
      { header: t("audit.flags", lang), kind: "text" },
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
    note: `${t("audit.thresholds", lang)}: ${lang === "vi" ? "đủ số liệu" : "availability"} ≥ ${o.minAvailability * 100}% · |${t("audit.skew", lang).toLowerCase()}| > ${o.skewness} ${lang === "vi" ? "và" : "and"} ${t("audit.kurt", lang).toLowerCase()} > ${o.kurtosis} · r > ${o.collinear} · r < ${o.weak} · ${t("audit.ratio", lang).toLowerCase()} > ${o.importanceRatio} ${lang === "vi" ? "hoặc" : "or"} < 1/${o.importanceRatio}`,
  });
  const flagged = l.indicators.filter((i) => i.winsorised);
  tables.push({
    id: "outliers",
    title: t("audit.outliers", lang),
    columns: [
      { header: t("audit.indicator", lang), kind: "text" },
      { header: t("audit.skew", lang), kind: "num" },
      { header: t("audit.kurt", lang), kind: "num" },
      { header: t("audit.replaced", lang), kind: "int" },
      { header: t("audit.unitsReplaced", lang), kind: "text" },
      { header: t("audit.skewAfter", lang), kind: "num", optional: true },
      { header: t("audit.kurtAfter", lang), kind: "num", optional: true },
      { header: t("audit.cleared", lang), kind: "text" },
    ],
    rows: flagged.map((i) => {
      const w = i.winsorised as NonNullable<IndicatorAudit["winsorised"]>;
      return [i.id, i.distribution.skewness, i.distribution.kurtosis, w.count, w.units.join(", "), w.skewness, w.kurtosis, w.cleared ? t("audit.yes", lang) : t("audit.no", lang)];
    }),
    note: flagged.length
      ? `${t("audit.effect", lang)}: ${l.winsorEffect ? EFFECT[lang](l.winsorEffect.units, l.winsorEffect.moved, l.winsorEffect.maxMove) : t("audit.effectNone", lang)}`
      : t("audit.none", lang),
  });
  tables.push({
    id: "correlations",
    title: t("audit.correlations", lang),
    columns: [
      { header: t("audit.indicator", lang), kind: "text" },
      { header: t("audit.pillar", lang), kind: "text" },
      { header: t("audit.rPillar", lang), kind: "num" },
      { header: t("audit.rhoPillar", lang), kind: "num", optional: true },
      { header: t("audit.rTotal", lang), kind: "num" },
      { header: t("audit.rhoTotal", lang), kind: "num", optional: true },
      { header: t("audit.flags", lang), kind: "text" },
    ],
    rows: l.indicators.map((i) => [
      i.id,
      pillarName(i.pillar),
      i.withPillar.pearson,
      i.withPillar.spearman,
      i.withTotal.pearson,
      i.withTotal.spearman,
      [i.negative ? t("audit.flagNegative", lang) : "", i.weak ? t("audit.flagWeak", lang) : ""].filter(Boolean).join("; "),
    ]),
  });
  tables.push({
    id: "collinear",
    title: t("audit.collinear", lang),
    columns: [
      { header: t("audit.indicator", lang), kind: "text" },
      { header: t("audit.indicator", lang), kind: "text" },
      { header: "r", kind: "num" },
      { header: t("audit.samePillar", lang), kind: "text" },
    ],
    rows: l.collinear.map((p) => [p.a, p.b, p.pearson, p.samePillar ? t("audit.yes", lang) : t("audit.no", lang)]),
    ...(l.collinear.length ? {} : { note: t("audit.none", lang) }),
  });
  tables.push({
    id: "pillars",
    title: t("audit.pillars", lang),
    columns: [
      { header: t("audit.pillar", lang), kind: "text" },
      { header: t("audit.indicators", lang), kind: "int" },
      { header: t("audit.complete", lang), kind: "int" },
      { header: t("audit.alpha", lang), kind: "num" },
      { header: t("audit.pc1", lang), kind: "pct" },
    ],
    rows: l.pillars.map((p) => [p.id === c.root.id ? label(c, p.id, lang) : `${p.id} ${label(c, p.id, lang)}`, p.indicators.length, p.complete, p.alpha, p.pc1]),
  });
  tables.push({
    id: "importance",
    title: t("audit.importance", lang),
    columns: [
      { header: t("audit.indicator", lang), kind: "text" },
      { header: t("audit.nominal", lang), kind: "pct" },
      { header: t("audit.actual", lang), kind: "pct" },
      { header: t("audit.ratio", lang), kind: "num" },
      { header: t("audit.flags", lang), kind: "text" },
    ],
    rows: l.indicators.map((i) => [i.id, i.nominal, i.importance, i.ratio, i.importanceFlag === "over" ? t("audit.flagOver", lang) : i.importanceFlag === "under" ? t("audit.flagUnder", lang) : ""]),
  });
  const low = l.unitAvailability.filter((u) => u.low);
  tables.push({
    id: "units",
    title: t("audit.lowUnits", lang),
    columns: [
      { header: t("audit.code", lang), kind: "text" },
      { header: t("audit.unit", lang), kind: "text" },
      { header: t("audit.values", lang), kind: "text" },
      { header: t("audit.share", lang), kind: "pct" },
    ],
    rows: low.map((u) => [u.code, u.name, `${u.available}/${u.applicable}`, u.share]),
    ...(low.length ? {} : { note: t("audit.none", lang) }),
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

const levelTitle = (a: Audit, l: LevelAudit, lang: Lang): string => `${text(l.level.label, lang, l.level.id)} (${l.level.id}) · ${l.units} ${t("audit.units", lang)}`;
const head = (a: Audit, lang: Lang): string => `${t("audit.title", lang)}: ${text(a.criteria.title, lang, a.criteria.id)}${a.period ? ` · ${a.period}` : ""}`;

export function auditTable(a: Audit, o: RenderOptions): string {
  const { lang, palette: p, width } = o;
  const out: string[] = [p.bold(fitLines(inert(head(a, lang)), width))];
  for (const l of a.levels) {
    out.push("", p.bold(fitLines(inert(levelTitle(a, l, lang)), width)));
    for (const tb of auditTables(a, l, lang)) {
      out.push("", p.bold(fitLines(tb.title, width)));
      if (tb.rows.length) {
        // text columns (names, warnings) wrap to the terminal; figures keep their width
        const columns: Column[] = tb.columns.map((c, i) => ({
          head: c.header,
          align: c.kind === "text" ? "left" : "right",
          cells: tb.rows.map((r) => inert(cellShown(r[i] ?? null, c.kind, lang))),
          ...(c.kind === "text" ? { kind: "text" as const } : c.optional ? { kind: "extra" as const } : {}),
        }));
        const fitted = fitTable(columns, width, lang);
        out.push(fitted.table, ...fitted.notes);
      }
      if (tb.note) out.push(p.dim(fitLines(inert(tb.note), width)));
    }
  }
  return `${out.join("\n")}\n`;
}

function mdTable(tb: AuditTable, lang: Lang): string {
  return mdGrid(
    tb.columns.map((c) => c.header),
    tb.rows.map((r) => r.map((v, i) => cellShown(v, tb.columns[i]?.kind ?? "text", lang))),
    tb.columns.map((c) => c.kind !== "text"),
  );
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
      if (tb.id === "correlations" && l.indicators.length > 1) out.push(h(2, t("audit.matrix", lang)), `<figure>${heatmapSvg(l, `${t("audit.matrix", lang)} · ${l.level.id}`)}</figure>`);
      if (tb.id === "importance") out.push(`<figure>${importanceSvg(l, `${t("audit.importance", lang)} · ${l.level.id}`, [t("audit.nominal", lang), t("audit.actual", lang)])}</figure>`);
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
