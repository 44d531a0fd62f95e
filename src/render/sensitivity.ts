// How robust each rank is: the sensitivity analysis in every format. A table per level for the
// terminal, one row per unit in CSV, everything in JSON, and Markdown and HTML documents whose
// body is `sensitivitySection` (the fragment the full report embeds), with an SVG whisker chart
// per level: each unit's nominal rank and its 5–95% interval, sorted.
import type { InputInfo, LevelSensitivity, SensitivityResult, UnitSensitivity } from "../engine/sensitivity.ts";
import type { UnitNames } from "../model/result.ts";
import { text, type Lang } from "../model/criteria.ts";
import { bandIndex, bandLabel, csvDocument, decimalFor, inert, machine, mdGrid, shown, type CsvCell, type RenderOptions } from "./common.ts";
import { t, type LabelKey } from "./labels.ts";
import { fitLines, fitTable, type Column } from "./fit.ts";
import { unitNames } from "./select.ts";
import { esc as escapeHtml, mdText as mdCell } from "./common.ts";

const pct = (x: number | null): string => (x === null ? "" : `${Math.round(x * 100)}%`);
/** A probability: "<1%" and ">99%" rather than a 0% or 100% that did not always hold. */
const chance = (x: number | null): string => (x === null ? "" : x > 0 && x < 0.01 ? "<1%" : x < 1 && x > 0.99 ? ">99%" : pct(x));
const fixed = (x: number | null, lang: Lang, d = 2): string => (x === null ? "" : decimalFor(x.toFixed(d), lang));
const rankText = (u: UnitSensitivity): string => (u.rank === null ? "—" : `${u.rank}${u.status === "incomplete" ? "*" : ""}`);
const intervalText = (u: UnitSensitivity): string => (u.low === null ? "" : u.low === u.high ? `${u.low}` : `${u.low}–${u.high}`);

/** One line on how the runs were drawn. */
export function settingsLine(r: SensitivityResult, lang: Lang): string {
  const s = r.settings;
  const head = lang === "vi" ? `${s.runs} lần chạy, hạt giống ${s.seed}` : `${s.runs} runs, seed ${s.seed}`;
  if (r.inputs.length === 0) return `${head}; ${lang === "vi" ? "không có lựa chọn nào thay đổi" : "no method choice varies"}`;
  return `${head}: ${r.inputs.map((i) => inputText(i, lang)).join("; ")}`;
}

function inputText(i: InputInfo, lang: Lang): string {
  switch (i.input) {
    case "weights": {
      const p = `±${Math.round((i.perturbation ?? 0) * 1000) / 10}%`;
      return lang === "vi" ? `trọng số và điểm tối đa ${p} (${i.nodes} nút)` : `weights and maxima ${p} (${i.nodes} nodes)`;
    }
    case "aggregation": {
      const from = t(`aggregation.${i.from ?? "sum"}` as LabelKey, lang);
      const to = t(`aggregation.${i.to ?? "geometric"}` as LabelKey, lang);
      return lang === "vi" ? `tổng hợp điểm tổng: ${from} hoặc ${to}` : `aggregation of the total: ${from} or ${to}`;
    }
    case "missing":
      return lang === "vi" ? "dữ liệu thiếu: tính 0, loại khỏi điểm tối đa, hoặc bù" : "missing data: zero, exclude or impute";
    default:
      return lang === "vi" ? `bỏ lần lượt một chỉ số (${i.indicators} chỉ số) hoặc không bỏ` : `one of ${i.indicators} indicators dropped, or none`;
  }
}

/** The wide threshold of a level, as words: one number, or the default rule. */
function wideText(r: SensitivityResult, l: LevelSensitivity, lang: Lang): string {
  const at = new Set(l.units.flatMap((u) => (u.wideAt === null ? [] : [u.wideAt])));
  if (r.settings.wide !== undefined || at.size === 1) {
    const n = r.settings.wide ?? [...at][0] ?? 0;
    return lang === "vi" ? `${n} hạng` : `${n} rank${n === 1 ? "" : "s"}`;
  }
  return lang === "vi" ? "một phần mười số đơn vị của nhóm" : "a tenth of the peer group";
}

/** The summary of a level: shift, band changes, wide intervals, then the indices, largest first. */
export function levelSummary(r: SensitivityResult, l: LevelSensitivity, lang: Lang): string[] {
  const lines: string[] = [];
  const changing = l.bandChangeShare === null ? null : Math.round(l.bandChangeShare * l.ranked);
  if (lang === "vi") {
    lines.push(`Độ lệch hạng trung bình: ${fixed(l.shift, lang)} hạng`);
    if (changing !== null) lines.push(`Đơn vị có thể đổi xếp loại (trong ít nhất 5% số lần chạy): ${pct(l.bandChangeShare)} (${changing}/${l.ranked})`);
    lines.push(`Khoảng 5–95% rộng hơn ${wideText(r, l, lang)}: ${l.wide}/${l.ranked} đơn vị`);
  } else {
    lines.push(`Mean rank shift: ${fixed(l.shift, lang)} ranks`);
    if (changing !== null) lines.push(`Units whose band can change (in at least 5% of the runs): ${pct(l.bandChangeShare)} (${changing} of ${l.ranked})`);
    lines.push(`5–95% intervals wider than ${wideText(r, l, lang)}: ${l.wide} of ${l.ranked} units`);
  }
  if (l.indices.length) {
    const sorted = [...l.indices].sort((a, b) => (b.index ?? -1) - (a.index ?? -1));
    const list = sorted.map((i) => `${t(`input.${i.input}` as LabelKey, lang)} ${i.index === null ? "—" : fixed(i.index, lang)}`).join(" · ");
    lines.push(`${lang === "vi" ? "Chỉ số độ nhạy bậc một" : "First-order sensitivity indices"}: ${list}`);
  }
  return lines;
}

function bandSharesText(r: SensitivityResult, u: UnitSensitivity, lang: Lang): string {
  return u.bands
    .filter((b) => b.p > 0)
    .map((b) => `${b.band === null ? t("noBand", lang) : bandLabel(r.criteria, b.band, lang)} ${chance(b.p)}`)
    .join(" · ");
}

function peerGroups(l: LevelSensitivity): [string, UnitSensitivity[]][] {
  const groups = new Map<string, UnitSensitivity[]>();
  for (const u of l.units) groups.set(u.peerGroup, [...(groups.get(u.peerGroup) ?? []), u]);
  return [...groups];
}

function groupLabel(l: LevelSensitivity, group: string, names: UnitNames, lang: Lang): string | undefined {
  if (group === "" || l.level.peers.by === "level") return undefined;
  return l.level.peers.by === "parent" ? `${t("parent", lang)}: ${names.get(group) ?? group}` : `${t("peerGroup", lang)}: ${group}`;
}

export function sensitivityTitle(r: SensitivityResult, lang: Lang): string {
  return `${t("sensitivity", lang)} · ${text(r.criteria.title, lang, r.criteria.id)}${r.period ? ` · ${r.period}` : ""}`;
}

// ---------------------------------------------------------------------------------------------
// table

export function sensitivityTable(r: SensitivityResult, o: RenderOptions): string {
  const { lang, palette: p, width } = o;
  const c = r.criteria;
  const names = unitNames(r);
  const out: string[] = [p.bold(fitLines(inert(sensitivityTitle(r, lang)), width)), p.dim(fitLines(inert(settingsLine(r, lang)), width))];
  for (const l of r.levels) {
    out.push("");
    out.push(p.bold(`${inert(text(l.level.label, lang, l.level.id))} (${l.level.id})`) + p.dim(` · ${l.ranked} ${t("ranked", lang)}`));
    const showParent = l.level.parent !== undefined;
    const flags = l.wide > 0;
    for (const [group, units] of peerGroups(l)) {
      const label = groupLabel(l, group, names, lang);
      if (label) out.push(p.dim(inert(label)));
      const col = (head: string, align: Column["align"], cell: (u: UnitSensitivity) => string, kind?: Column["kind"]): Column => ({ head, align, cells: units.map(cell), ...(kind ? { kind } : {}) });
      const fitted = fitTable(
        [
          col(t("rank", lang), "right", rankText),
          col(t("code", lang), "left", (u) => inert(u.code), "id"),
          col(t("unit", lang), "left", (u) => inert(u.name), "name"),
          ...(showParent ? [col(t("parent", lang), "left", (u) => inert(u.parent ? (names.get(u.parent) ?? u.parent) : ""), "parent")] : []),
          col(t("percent", lang), "right", (u) => shown(u.percent, c.decimals, lang)),
          col(t("median", lang), "right", (u) => (u.median === null ? "" : String(u.median))),
          col(t("interval", lang), "right", intervalText),
          col(t("shift", lang), "right", (u) => fixed(u.shift, lang)),
          col(t("band", lang), "left", (u) => (u.rank !== null ? p.band(bandIndex(c, u.band), bandLabel(c, u.band, lang)) : p.dim(t("not-ranked", lang))), "text"),
          col(t("sameBand", lang), "right", (u) => (u.bandChange === null ? "" : chance(1 - u.bandChange))),
          ...(flags ? [col("", "left", (u) => (u.wide ? p.band(99, t("wide", lang)) : ""))] : []),
        ],
        width,
        lang,
        // sensitivity's --wide is the width of an interval
        { wideFlag: false },
      );
      out.push(fitted.table);
      for (const n of fitted.notes) out.push(p.dim(n));
    }
    for (const line of levelSummary(r, l, lang)) out.push(fitLines(line, width));
    if (l.units.some((u) => u.status === "incomplete")) out.push(p.dim(`* ${t("incomplete", lang)}`));
  }
  return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// csv and json

/** Every band of the criteria, then "none": the band columns of the CSV. */
function bandColumns(r: SensitivityResult): (string | null)[] {
  return [...r.criteria.bands.list.map((b) => b.id as string | null), null];
}

const shareOf = (u: UnitSensitivity, band: string | null): number | null => (u.rank === null ? null : (u.bands.find((b) => b.band === band)?.p ?? 0));

export function sensitivityCsv(r: SensitivityResult, o?: RenderOptions): string {
  const bands = bandColumns(r);
  const rows: CsvCell[][] = [
    ["level", "code", "name", "parent", "status", "rank", "median", "p5", "p95", "width", "wide", "shift", "band", "band_change", ...bands.map((b) => `p_${b ?? "none"}`)],
  ];
  for (const l of r.levels) {
    for (const u of l.units) {
      rows.push([
        u.level,
        u.code,
        u.name,
        u.parent ?? "",
        u.status,
        u.rank,
        u.median,
        u.low,
        u.high,
        u.low === null || u.high === null ? null : u.high - u.low,
        u.rank === null ? "" : String(u.wide),
        machine(u.shift),
        u.band ?? "",
        machine(u.bandChange),
        ...bands.map((b) => machine(shareOf(u, b))),
      ]);
    }
  }
  return csvDocument(rows, o?.csv);
}

export function sensitivityJson(r: SensitivityResult, o: RenderOptions): string {
  const c = r.criteria;
  const s = r.settings;
  const doc = {
    schemaVersion: 1,
    criteria: { id: c.id, version: c.version, title: text(c.title, o.lang, c.id) },
    period: r.period ?? null,
    settings: { runs: s.runs, seed: s.seed, perturbation: s.perturbation, weights: s.weights, aggregation: s.aggregation, missing: s.missing, drop: s.drop, wide: s.wide ?? null },
    inputs: r.inputs,
    levels: r.levels.map((l) => ({
      id: l.level.id,
      label: text(l.level.label, o.lang, l.level.id),
      ranked: l.ranked,
      shift: machine(l.shift),
      bandChangeShare: machine(l.bandChangeShare),
      wide: l.wide,
      indices: Object.fromEntries(l.indices.map((i) => [i.input, machine(i.index)])),
      units: l.units.map((u) => ({
        level: u.level,
        code: u.code,
        name: u.name,
        parent: u.parent ?? null,
        peerGroup: u.peerGroup,
        status: u.status,
        rank: u.rank,
        score: machine(u.score),
        percent: machine(u.percent),
        band: u.band,
        median: u.median,
        p5: u.low,
        p95: u.high,
        shift: machine(u.shift),
        bandChange: machine(u.bandChange),
        bands: u.bands.map((b) => ({ band: b.band, p: machine(b.p) })),
        wide: u.wide,
        wideAt: u.wideAt,
      })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// the SVG whisker chart

const ROW = 16;
const PLOT = 420;
const TOP = 26;

function ticks(max: number): number[] {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000].find((s) => max / s <= 10) ?? Math.ceil(max / 10);
  const out = [1];
  for (let v = step; v <= max; v += step) if (v > 1) out.push(v);
  return out;
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * One level's chart: a row per ranked unit in the nominal order, the 5–95% interval as a whisker,
 * a tick at the median and a dot at the nominal rank; flagged units in red. Self-contained SVG.
 */
export function whiskerChart(r: SensitivityResult, l: LevelSensitivity, o: { lang: Lang }): string {
  const lang = o.lang;
  const units = l.units.filter((u) => u.rank !== null && u.low !== null && u.high !== null);
  if (units.length === 0) return "";
  const labels = units.map((u) => clip(`${u.code} ${u.name}`, 34));
  const left = Math.min(240, 12 + 6.2 * Math.max(...labels.map((s) => s.length)));
  const max = Math.max(2, ...units.map((u) => Math.max(u.high ?? 1, u.rank ?? 1)));
  const x = (rank: number): number => left + 8 + ((rank - 1) / (max - 1)) * PLOT;
  const width = Math.ceil(left + PLOT + 24);
  const height = TOP + units.length * ROW + 30;
  const caption = `${text(l.level.label, lang, l.level.id)} (${l.level.id})`;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="whiskers" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(`${t("sensitivity", lang)}: ${caption}`)}" font-family="system-ui, sans-serif" font-size="11">`,
  );
  parts.push(`<title>${escapeHtml(`${t("sensitivity", lang)}: ${caption}`)}</title>`);
  // the rank axis, 1 on the left
  parts.push(`<text x="${left}" y="${TOP - 12}" text-anchor="end" fill="#555">${escapeHtml(t("rank", lang))}</text>`);
  for (const v of ticks(max)) {
    const xv = x(v).toFixed(1);
    parts.push(`<line x1="${xv}" y1="${TOP - 8}" x2="${xv}" y2="${TOP + units.length * ROW}" stroke="#e4e4e4"/>`);
    parts.push(`<text x="${xv}" y="${TOP - 12}" text-anchor="middle" fill="#555">${v}</text>`);
  }
  units.forEach((u, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const color = u.wide ? "#c62828" : "#1f5fa8";
    const tip = `${u.code} ${u.name}: ${t("rank", lang)} ${u.rank}, ${t("median", lang).toLowerCase()} ${u.median}, 5–95% ${u.low}–${u.high}${u.wide ? ` (${t("wide", lang)})` : ""}`;
    parts.push(`<g><title>${escapeHtml(tip)}</title>`);
    parts.push(`<text x="${left}" y="${y + 4}" text-anchor="end" fill="#222">${escapeHtml(labels[i] as string)}</text>`);
    const x1 = x(u.low as number).toFixed(1);
    const x2 = x(u.high as number).toFixed(1);
    parts.push(`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="${color}" stroke-width="2"/>`);
    parts.push(`<line x1="${x1}" y1="${y - 4}" x2="${x1}" y2="${y + 4}" stroke="${color}"/><line x1="${x2}" y1="${y - 4}" x2="${x2}" y2="${y + 4}" stroke="${color}"/>`);
    const xm = x(u.median as number).toFixed(1);
    parts.push(`<line x1="${xm}" y1="${y - 5}" x2="${xm}" y2="${y + 5}" stroke="#222" stroke-width="1.5"/>`);
    parts.push(`<circle cx="${x(u.rank as number).toFixed(1)}" cy="${y}" r="3.5" fill="#fff" stroke="${color}" stroke-width="2"/></g>`);
  });
  const ly = TOP + units.length * ROW + 20;
  const legend =
    lang === "vi"
      ? ["○ hạng danh nghĩa", "| trung vị", "— khoảng 5–95%", `đỏ: khoảng rộng hơn ${wideText(r, l, lang)}`]
      : ["○ nominal rank", "| median", "— 5–95% interval", `red: wider than ${wideText(r, l, lang)}`];
  parts.push(`<text x="${left + 8}" y="${ly}" fill="#555">${escapeHtml(legend.join("   "))}</text>`);
  parts.push("</svg>");
  return parts.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Markdown and HTML: a section (for the report) and a whole document

export interface SectionOptions {
  /** the heading level of the section's title; each level's heading is one deeper (default 2) */
  depth?: number;
  /** false: no title heading (a document gives its own) */
  title?: boolean;
}

/** A level's units as the Markdown and HTML sections show them: the cells as text. */
function unitTable(r: SensitivityResult, l: LevelSensitivity, lang: Lang): { head: string[]; numeric: boolean[]; rows: { cells: string[]; wide: boolean }[] } {
  const c = r.criteria;
  const head = [t("rank", lang), t("code", lang), t("unit", lang), t("percent", lang), t("median", lang), t("interval", lang), t("shift", lang), t("band", lang), t("bandShares", lang), ""];
  const rows = l.units.map((u) => ({
    wide: u.wide,
    cells: [
      rankText(u),
      u.code,
      u.name,
      shown(u.percent, c.decimals, lang),
      u.median === null ? "" : String(u.median),
      intervalText(u),
      fixed(u.shift, lang),
      u.rank === null ? t("not-ranked", lang) : bandLabel(c, u.band, lang),
      bandSharesText(r, u, lang),
      u.wide ? t("wide", lang) : "",
    ],
  }));
  return { head, numeric: head.map((_, i) => [0, 3, 4, 5, 6].includes(i)), rows };
}

function mdSection(r: SensitivityResult, o: RenderOptions, depth: number, withTitle: boolean): string {
  const { lang } = o;
  const c = r.criteria;
  const h = (n: number) => "#".repeat(Math.min(6, n));
  const out: string[] = [...(withTitle ? [`${h(depth)} ${mdCell(t("sensitivity", lang))}`, ""] : []), mdCell(settingsLine(r, lang)), ""];
  for (const l of r.levels) {
    out.push(`${h(depth + 1)} ${mdCell(text(l.level.label, lang, l.level.id))} (${mdCell(l.level.id)})`, "");
    for (const line of levelSummary(r, l, lang)) out.push(`- ${mdCell(line)}`);
    out.push("");
    const m = unitTable(r, l, lang);
    out.push(mdGrid(m.head, m.rows.map((row) => row.cells), m.numeric));
    if (l.units.some((u) => u.status === "incomplete")) out.push("", `\\* ${mdCell(t("incomplete", lang))}`);
    out.push("");
  }
  return out.join("\n");
}

function htmlSection(r: SensitivityResult, o: RenderOptions, depth: number, withTitle: boolean): string {
  const { lang } = o;
  const h = (n: number) => `h${Math.min(6, n)}`;
  const out: string[] = [`<section class="sensitivity">`, ...(withTitle ? [`<${h(depth)}>${escapeHtml(t("sensitivity", lang))}</${h(depth)}>`] : []), `<p class="settings">${escapeHtml(settingsLine(r, lang))}</p>`];
  for (const l of r.levels) {
    out.push(`<${h(depth + 1)}>${escapeHtml(`${text(l.level.label, lang, l.level.id)} (${l.level.id})`)}</${h(depth + 1)}>`);
    out.push(`<ul>${levelSummary(r, l, lang).map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`);
    const chart = whiskerChart(r, l, o);
    if (chart) out.push(`<figure>${chart}</figure>`);
    const m = unitTable(r, l, lang);
    out.push(`<table><thead><tr>${m.head.map((x) => `<th>${escapeHtml(x)}</th>`).join("")}</tr></thead><tbody>`);
    for (const row of m.rows) out.push(`<tr${row.wide ? ' class="wide"' : ""}>${row.cells.map((x, i) => `<td${m.numeric[i] ? ' class="num"' : ""}>${escapeHtml(x)}</td>`).join("")}</tr>`);
    out.push(`</tbody></table>`);
    if (l.units.some((u) => u.status === "incomplete")) out.push(`<p class="note">* ${escapeHtml(t("incomplete", lang))}</p>`);
  }
  out.push(`</section>`);
  return out.join("\n");
}

/**
 * The sensitivity section of a report: Markdown, or an HTML fragment with an inline SVG chart
 * per level. `report --sensitivity` embeds it; `sensitivity -f md|html` wraps it in a document.
 */
export function sensitivitySection(r: SensitivityResult, format: "md" | "html", o: RenderOptions, s: SectionOptions = {}): string {
  const depth = s.depth ?? 2;
  const withTitle = s.title !== false;
  return format === "md" ? mdSection(r, o, depth, withTitle) : htmlSection(r, o, depth, withTitle);
}

export function sensitivityMd(r: SensitivityResult, o: RenderOptions): string {
  const note = r.criteria.illustrative ? `\n_${mdCell(t("illustrative", o.lang))}_\n` : "";
  return `# ${mdCell(sensitivityTitle(r, o.lang))}\n${note}\n${sensitivitySection(r, "md", o, { depth: 1, title: false })}`;
}

/** The style of the HTML document; a report embedding the section brings its own. */
export const SENSITIVITY_CSS = `body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:72rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.wide td{color:#c62828}.settings,.note{color:#555}figure{margin:1rem 0}svg{max-width:100%;height:auto}
@page{size:A4;margin:12mm}
@media print{body{margin:0;max-width:none;font-size:9pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}table{font-size:7.5pt}th,td{padding:1px 3px}tr,figure{break-inside:avoid}thead{display:table-header-group}h2,h3{break-after:avoid}}`;

// The page for a reader who is not a statistician: what was done and how to read it first, in
// plain words; the technical terms (seed, nodes, first-order index) in a method note at the end.
const PLAIN = {
  vi: {
    intro: (runs: number) =>
      `Trang này cho biết thứ hạng của mỗi đơn vị có chắc chắn không. Bảng xếp hạng đã được tính lại ${runs.toLocaleString("vi-VN")} lần, mỗi lần thay đổi một chút những lựa chọn mà người lập bộ tiêu chí có thể chọn khác một cách hợp lý: trọng số của các lĩnh vực, cách cộng điểm, cách xử lý số liệu còn thiếu, và bỏ bớt một chỉ số.`,
    read: [
      "<b>Khoảng 5–95%</b>: trong 90% số lần tính lại, đơn vị đứng trong khoảng hạng này. Khoảng hẹp (một hạng) là thứ hạng chắc chắn; khoảng rộng nghĩa là thứ hạng phụ thuộc vào cách tính, không nên dựa vào chênh lệch nhỏ giữa các đơn vị trong khoảng đó.",
      "<b>Giữ xếp loại</b>: tỷ lệ số lần tính lại mà đơn vị vẫn giữ xếp loại hiện tại. Ví dụ 74% nghĩa là khoảng 3 trong 4 lần vẫn cùng xếp loại, 1 trong 4 lần đổi sang xếp loại bên cạnh.",
      "<b>Trung vị</b>: thứ hạng ở giữa của mọi lần tính lại; <b>Lệch TB</b>: trung bình đơn vị lệch khỏi thứ hạng chính thức bao nhiêu hạng.",
    ],
    method: "Ghi chú phương pháp",
    terms: [
      "<b>Hạt giống</b>: con số khởi tạo dãy số ngẫu nhiên; cùng hạt giống cho cùng kết quả, để ai cũng kiểm tra lại được.",
      "<b>Nút</b>: các lĩnh vực và chỉ số có trọng số hoặc điểm tối đa được thay đổi.",
      "<b>Chỉ số độ nhạy bậc một</b>: phần thay đổi của thứ hạng do riêng từng lựa chọn gây ra (0: không ảnh hưởng, 1: quyết định toàn bộ); lựa chọn có chỉ số lớn nhất là lựa chọn đáng cân nhắc kỹ nhất.",
    ],
  },
  en: {
    intro: (runs: number) =>
      `This page shows how firm each unit's rank is. The ranking was computed again ${runs.toLocaleString("en")} times, each time changing a little the choices the authors of the criteria could reasonably have made otherwise: the weights of the groups, how points are added up, how missing figures are handled, and leaving one indicator out.`,
    read: [
      "<b>5–95% interval</b>: in 90% of the runs the unit's rank stays within it. A narrow interval (one rank) is a firm rank; a wide one means the rank depends on the method, and small differences between units inside it should not be relied on.",
      "<b>Same band</b>: the share of the runs in which the unit keeps its current band. 74% means that about 3 runs in 4 give the same band and 1 in 4 the band next to it.",
      "<b>Median</b>: the middle rank over all runs; <b>mean shift</b>: how many ranks, on average, the unit moves from its official rank.",
    ],
    method: "Method note",
    terms: [
      "<b>Seed</b>: the number that starts the random draws; the same seed gives the same output, so anyone can check it.",
      "<b>Nodes</b>: the groups and indicators whose weights or maxima were varied.",
      "<b>First-order sensitivity index</b>: the share of the changes in ranks due to each choice alone (0: none, 1: all of it); the choice with the largest index deserves the most thought.",
    ],
  },
};

export function sensitivityHtml(r: SensitivityResult, o: RenderOptions): string {
  const head = escapeHtml(sensitivityTitle(r, o.lang));
  const note = r.criteria.illustrative ? `<p class="note">${escapeHtml(t("illustrative", o.lang))}</p>\n` : "";
  const body = sensitivitySection(r, "html", o, { depth: 1, title: false });
  const w = PLAIN[o.lang];
  const intro = `<section class="plain"><p>${escapeHtml(w.intro(r.settings.runs))}</p>\n<ul>${w.read.map((x) => `<li>${x}</li>`).join("")}</ul></section>\n`;
  const method = `<section class="method"><h2>${w.method}</h2>\n<ul>${w.terms.map((x) => `<li>${x}</li>`).join("")}</ul></section>\n`;
  return `<!doctype html>\n<html lang="${o.lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${head}</title>\n<style>${SENSITIVITY_CSS}</style>\n</head>\n<body>\n<h1>${head}</h1>\n${note}${intro}${body}\n${method}</body>\n</html>\n`;
}
