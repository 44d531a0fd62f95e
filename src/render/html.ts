// The report as one self-contained HTML file: inline CSS, inline SVG charts, no script, no font,
// no request of any kind (a Content-Security-Policy says so to the browser too). Readable on a
// screen, printable on A4 with a page break before each level. Every text from the data is escaped.
import { auditFragment } from "./audit.ts";
import { sensitivitySection } from "./sensitivity.ts";
import { trendCharts } from "./trend.ts";
import type { LevelReport, Report } from "../engine/report.ts";
import { text, type Lang } from "../model/criteria.ts";
import { provisionalLines, type RenderOptions } from "./common.ts";
import { bandChart, esc, pillarChart, pillarColour, profileChart, rankingChart } from "./charts.ts";
import { t } from "./labels.ts";
import {
  bandsTable,
  display,
  gapTable,
  incompleteTable,
  levelTitle,
  nodeLabel,
  notRankedTable,
  peerGroupTitle,
  pillarTable,
  viewTable,
  rankingTable,
  summaryTable,
  unitGapTable,
  type Column,
  type TableModel,
} from "./report-tables.ts";

const slug = (s: string): string => s.replace(/[^A-Za-z0-9_-]/g, "_");

export function htmlTable(m: TableModel, decimals: number, cls = "", lang: Lang = "en"): string {
  const attr = (c: Column | undefined): string => (!c ? "" : c.kind !== "text" ? ' class="num"' : c.wide ? ' class="wide"' : "");
  const head = `<thead><tr>${m.columns.map((c) => `<th${attr(c)}>${esc(c.label)}</th>`).join("")}</tr></thead>`;
  const body = m.rows.map((r) => `<tr>${r.map((v, i) => `<td${attr(m.columns[i])}>${esc(display(v, m.columns[i]?.kind ?? "text", decimals, lang))}</td>`).join("")}</tr>`).join("\n");
  const table = `<table${cls ? ` class="${cls}"` : ""}>\n${head}\n<tbody>\n${body}\n</tbody>\n</table>`;
  return m.note ? `${table}\n<p class="note">${esc(m.note)}</p>` : table;
}

export function summaryHtml(rep: Report, l: LevelReport, lang: Lang): string {
  const c = rep.result.criteria;
  return [
    `<h3>${t("summary", lang)}</h3>`,
    htmlTable(summaryTable(l, lang), c.decimals, "summary", lang),
    `<div class="pair">`,
    `<figure>${bandChart(rep, l, lang)}<figcaption>${esc(t("bands", lang))}</figcaption></figure>`,
    htmlTable(bandsTable(l, c, lang), c.decimals, "bands", lang),
    `</div>`,
  ].join("\n");
}

export function rankingHtml(rep: Report, l: LevelReport, lang: Lang): string {
  const dec = rep.result.criteria.decimals;
  const out = [`<h3>${t("ranking", lang)}</h3>`];
  if (l.summary.ranked > 0) out.push(`<figure class="wide">${rankingChart(rep, l, lang)}<figcaption>${esc(t("rankingChart", lang))}</figcaption></figure>`);
  for (const g of l.peerGroups) {
    const title = peerGroupTitle(l, g, lang);
    if (title) out.push(`<h4>${esc(title)}</h4>`);
    out.push(htmlTable(rankingTable(rep, l, g, lang), dec, "ranking", lang));
  }
  return out.join("\n");
}

export function pillarsHtml(rep: Report, l: LevelReport, lang: Lang): string {
  const c = rep.result.criteria;
  const views = c.views.flatMap((v) => [`<h3>${t("views", lang)}: ${esc(text(v.label, lang, v.id))}</h3>`, htmlTable(viewTable(c, v, l.units, lang), c.decimals, "", lang)]);
  return [`<h3>${t("pillars", lang)}</h3>`, `<figure>${pillarChart(rep, l, lang)}</figure>`, htmlTable(pillarTable(l, lang), c.decimals, "", lang), ...views].join("\n");
}

export function gapsHtml(rep: Report, l: LevelReport, lang: Lang): string {
  const c = rep.result.criteria;
  const dec = c.decimals;
  const weakest = l.weakest.length
    ? `<ol class="weakest">\n${l.weakest.map((g) => `<li><b>${esc(g.id)}</b> ${esc(nodeLabel(c, g.id, lang))}: ${t("meanLost", lang)} ${display(g.meanLost, "points", dec, lang)} ${t("ofMax", lang)} ${display(g.max, "points", dec, lang)}</li>`).join("\n")}\n</ol>`
    : `<p>${t("none", lang)}</p>`;
  return [
    `<h3>${t("gaps", lang)}</h3>`,
    htmlTable(gapTable(l.gaps, c, lang), dec, "gaps", lang),
    `<h4>${t("weakest", lang)}</h4>`,
    weakest,
    `<h4>${t("unitWeakest", lang)}</h4>`,
    l.unitGaps.length ? htmlTable(unitGapTable(l, c, lang), dec, "", lang) : `<p>${t("none", lang)}</p>`,
  ].join("\n");
}

export function profilesHtml(rep: Report, l: LevelReport, lang: Lang): string {
  const dec = rep.result.criteria.decimals;
  const ranked = l.units.filter((u) => u.status !== "not-ranked");
  if (ranked.length === 0) return "";
  const legend = l.pillars.map((p, i) => `<span><i style="background:${pillarColour(i)}"></i>${i + 1}. ${esc(text(p.label, lang, p.id))}</span>`).join(" ");
  const cards = ranked.map((u) => `<figure class="profile">${profileChart(rep, l, u, lang)}<figcaption><b>${u.rank ?? ""}.</b> ${esc(u.name)}<br><span>${display(u.percent, "percent", dec, lang)}%</span></figcaption></figure>`);
  return [`<h3>${t("profile", lang)}</h3>`, `<p class="legend">${legend}</p>`, `<div class="profiles">`, ...cards, `</div>`].join("\n");
}

export function notRankedHtml(rep: Report, l: LevelReport, lang: Lang): string {
  const dec = rep.result.criteria.decimals;
  const out = [`<h3>${t("notRankedWhy", lang)}</h3>`, l.notRanked.length ? htmlTable(notRankedTable(rep, l, lang), dec, "", lang) : `<p>${t("none", lang)}</p>`];
  if (l.incomplete.length) out.push(`<h3>${t("incompleteUnits", lang)}</h3>`, htmlTable(incompleteTable(l, lang), dec, "", lang));
  return out.join("\n");
}

/** With three periods or more: the level's mean, band counts and units over time. */
function trendHtml(rep: Report, l: LevelReport, lang: Lang): string {
  const tr = rep.trends?.find((x) => x.level.id === l.level.id);
  if (!tr) return "";
  const note = tr.crosswalk ? [`<p class="muted">${esc(`${t("crosswalk", lang)} ${tr.crosswalk.file}: ${tr.crosswalk.units} ${t("trendCrosswalk", lang)}.`)}</p>`] : [];
  return [`<h3>${esc(t("trend", lang))}</h3>`, ...note, `<div class="charts">`, ...trendCharts(tr, lang), `</div>`].join("\n");
}

export function levelHtml(rep: Report, l: LevelReport, lang: Lang): string {
  return [
    `<section class="level" id="level-${slug(l.level.id)}">`,
    `<h2>${esc(levelTitle(l, lang))}</h2>`,
    summaryHtml(rep, l, lang),
    trendHtml(rep, l, lang),
    rankingHtml(rep, l, lang),
    pillarsHtml(rep, l, lang),
    gapsHtml(rep, l, lang),
    profilesHtml(rep, l, lang),
    notRankedHtml(rep, l, lang),
    `</section>`,
  ].join("\n");
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #24292f; background: #fff; margin: 0 auto; padding: 24px 28px 48px; max-width: 1120px; font-size: 14px; line-height: 1.45; }
header h1 { font-size: 22px; margin: 0 0 6px; }
header p { margin: 2px 0; color: #57606a; }
.provisional { margin-top: 10px; padding: 8px 12px; border: 2px solid #cf222e; background: #ffebe9; color: #82071e; border-radius: 4px; }
.provisional p { margin: 2px 0; }
.provisional b { font-size: 16px; }
.illustrative { display: inline-block; margin-top: 6px; padding: 2px 8px; border: 1px solid #d4a72c; background: #fff8c5; color: #6f4f00; border-radius: 4px; font-size: 12px; }
nav.toc { margin: 14px 0 8px; padding: 8px 12px; background: #f6f8fa; border-radius: 6px; }
nav.toc a { margin-right: 16px; color: #0969da; text-decoration: none; }
h2 { font-size: 19px; border-bottom: 2px solid #d0d7de; padding-bottom: 4px; margin: 28px 0 10px; }
h3 { font-size: 16px; margin: 22px 0 8px; }
h4 { font-size: 14px; margin: 14px 0 6px; }
table { border-collapse: collapse; margin: 6px 0 10px; font-size: 12.5px; }
th, td { border: 1px solid #d0d7de; padding: 3px 7px; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; text-align: left; }
th.num { text-align: right; max-width: 11em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.wide { min-width: 13em; }
table.ranking td:last-child, table.gaps td:first-child { white-space: nowrap; }
table.ranking tbody tr:nth-child(even), table.gaps tbody tr:nth-child(even) { background: #f9fafb; }
.note { font-size: 12px; color: #57606a; margin: 0 0 10px; }
figure { margin: 8px 0; }
figcaption { font-size: 12px; color: #57606a; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg.chart text { fill: #24292f; }
.pair { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.profiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px 14px; }
figure.profile { margin: 0; padding: 6px; border: 1px solid #eaeef2; border-radius: 4px; }
figure.profile figcaption { font-size: 11px; line-height: 1.3; margin-top: 2px; }
figure.profile figcaption span { color: #57606a; }
.legend { font-size: 12px; color: #57606a; }
.legend span { margin-right: 12px; white-space: nowrap; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: -1px; }
ol.weakest { margin: 4px 0 10px; padding-left: 22px; }
footer { margin-top: 32px; font-size: 12px; color: #57606a; border-top: 1px solid #d0d7de; padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 10pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav.toc { display: none; }
  section.level + section.level { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure, svg.chart, .pair { break-inside: avoid; }
  thead { display: table-header-group; }
  table { font-size: 7.5pt; width: 100%; }
  th, td { padding: 2px 3px; }
  td.wide { min-width: 8em; }
  th.num { max-width: none; }
  table.summary, table.bands { width: auto; }
  .profiles { grid-template-columns: repeat(5, 1fr); }
}
.sensitivity tr.wide td { color: #cf222e; }
.sensitivity .settings, .sensitivity .note { color: #57606a; }
.sensitivity figure { margin: 10px 0; overflow-x: auto; }
.audit figure { margin: 10px 0; overflow-x: auto; }
.audit .muted { color: #57606a; }
`;

export function reportHtml(rep: Report, o: RenderOptions): string {
  const { lang } = o;
  const r = rep.result;
  const c = r.criteria;
  const title = `${t("report", lang)}: ${text(c.title, lang, c.id)}`;
  const facts = [r.period ? `${t("period", lang)}: ${r.period}` : "", `${t("criteria", lang)}: ${c.id} v${c.version}`, c.decision ? `${t("decision", lang)}: ${c.decision}` : ""].filter(Boolean);
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(title)}${r.period ? ` · ${esc(r.period)}` : ""}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>${esc(title)}</h1>`,
    `<p>${esc(facts.join(" · "))}</p>`,
    c.illustrative ? `<p class="illustrative">${esc(t("illustrative", lang))}</p>` : "",
    r.provisional?.length ? provisionalBanner(r.provisional, lang) : "",
    "</header>",
    rep.levels.length > 1 ? `<nav class="toc"><b>${t("contents", lang)}:</b> ${rep.levels.map((l) => `<a href="#level-${slug(l.level.id)}">${esc(levelTitle(l, lang))}</a>`).join(" ")}</nav>` : "",
    ...rep.levels.map((l) => levelHtml(rep, l, lang)),
    rep.sensitivity ? `<section class="level">\n${sensitivitySection(rep.sensitivity, "html", o, { depth: 2 })}\n</section>` : "",
    rep.audit ? `<section class="level">\n${auditFragment(rep.audit, lang, 2)}\n</section>` : "",
    `<footer>${esc(t("madeWith", lang))}</footer>`,
    "</body>",
    "</html>",
    "",
  ]
    .filter((x) => x !== "")
    .join("\n")
    .concat("\n");
}

/** The banner of a provisional ranking (--provisional): the heading, what it means, the cells in error. */
function provisionalBanner(cells: NonNullable<Report["result"]["provisional"]>, lang: Lang): string {
  const m = provisionalLines(cells, lang);
  return `<div class="provisional" role="alert"><p><b>${esc(m.heading)}</b></p><p>${esc(m.note)}</p><ul>${m.cells.map((x) => `<li>${esc(x)}</li>`).join("")}</ul></div>`;
}
