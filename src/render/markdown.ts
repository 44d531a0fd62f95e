// GitHub-flavoured Markdown: the ranking (`rank -f md`) and the whole report (`report -f md`),
// tables that render in a CI job summary. Every text from the data is escaped, so that a name
// cannot open a link, an HTML tag or a new table cell.
import type { LevelReport, Report } from "../engine/report.ts";
import { buildReport } from "../engine/report.ts";
import { text, type Lang } from "../model/criteria.ts";
import type { Result } from "../model/result.ts";
import { inert, mdGrid, mdText, plainMd, provisionalLines, type RenderOptions } from "./common.ts";
import { t } from "./labels.ts";
import { auditMd } from "./audit.ts";
import { sensitivitySection } from "./sensitivity.ts";
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
  rankingColumns,
  rankingTable,
  viewTable,
  summaryTable,
  unitGapTable,
  type TableModel,
  type Value,
} from "./report-tables.ts";

/** Text from the data, made inert: no control sequences, one line, Markdown and HTML escaped. */

export { mdText };

export function mdTable(m: TableModel, decimals: number, lang: Lang = "en"): string {
  const head = `| ${m.columns.map((c) => mdText(c.label)).join(" | ")} |`;
  const rule = `|${m.columns.map((c) => (c.kind === "text" ? "---" : "---:")).join("|")}|`;
  const kinds = m.columns.map((c) => c.kind);
  // (a figure as displayed is digits, a sign, a decimal point or comma, a %: nothing to escape;
  // each row written as one string, cell after cell: a national table has tens of thousands)
  const lines = [head, rule];
  const cells: string[] = [];
  // a text to escape, escaped once per table (a band with its mark recurs in thousands of rows)
  const escaped = new Map<string, string>();
  const textCell = (s: string): string => {
    if (plainMd(s)) return s || " ";
    let e = escaped.get(s);
    if (e === undefined) escaped.set(s, (e = mdText(s) || " "));
    return e;
  };
  for (const r of m.rows) {
    if (r.length === 0) {
      lines.push("|");
      continue;
    }
    cells.length = r.length;
    for (let i = 0; i < r.length; i++) {
      const v = r[i] as Value;
      cells[i] = typeof v === "number" ? display(v, kinds[i] ?? "text", decimals, lang) : v === null ? " " : textCell(v);
    }
    lines.push(`| ${cells.join(" | ")} |`);
  }
  if (m.note) lines.push("", mdText(m.note));
  return lines.join("\n");
}

function heading(r: Result, o: RenderOptions, prefix: string): string[] {
  const c = r.criteria;
  const lines = [`# ${prefix}${mdText(text(c.title, o.lang, c.id))}`, ""];
  const facts = [r.period ? `${t("period", o.lang)}: ${mdText(r.period)}` : "", `${t("criteria", o.lang)}: ${mdText(c.id)} v${mdText(c.version)}`, c.decision ? mdText(c.decision) : ""].filter(Boolean);
  lines.push(facts.join(" · "), "");
  if (c.illustrative) lines.push(`> ${t("illustrative", o.lang)}`, "");
  if (r.provisional?.length) {
    const m = provisionalLines(r.provisional, o.lang);
    lines.push(`> **${mdText(m.heading)}**`, ">", `> ${mdText(m.note)}`, ">", ...m.cells.map((x) => `> - ${mdText(x)}`), "");
  }
  return lines;
}

/** The ranking of a level, a section per peer group (its title, then its table), as lines: a report writes each as it comes. */
function* rankingSections(rep: Report, l: LevelReport, o: RenderOptions, depth: string): Generator<string[]> {
  // (the columns made once for the level: a national level has hundreds of peer groups)
  const columns = rankingColumns(l, o.lang);
  for (const g of l.peerGroups) {
    const title = peerGroupTitle(l, g, o.lang);
    yield [...(title ? [`${depth} ${mdText(title)}`, ""] : []), mdTable(rankingTable(rep, l, g, o.lang, columns), rep.result.criteria.decimals, o.lang), ""];
  }
}

export function rankMd(r: Result, o: RenderOptions): string {
  const rep = buildReport(r);
  const out = heading(r, o, "");
  for (const l of rep.levels) {
    out.push(`## ${mdText(levelTitle(l, o.lang))}`, "");
    out.push(`${l.summary.assessed} ${t("units", o.lang)}, ${l.summary.ranked} ${t("ranked", o.lang)}`, "");
    for (const lines of rankingSections(rep, l, o, "###")) out.push(...lines);
    for (const v of r.criteria.views) out.push(`### ${t("views", o.lang)}: ${mdText(text(v.label, o.lang, v.id))}`, "", mdTable(viewTable(r.criteria, v, l.units, o.lang), r.criteria.decimals, o.lang), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

export function reportMd(rep: Report, o: RenderOptions): string {
  let doc = "";
  for (const piece of reportMdPieces(rep, o)) doc += piece;
  return doc;
}

/**
 * reportMd in pieces, as they are written (the report command writes each as it comes: a
 * national report is megabytes, and its tables need not all be held until the end). Each piece is
 * lines, each line ended by "\n".
 */
export function* reportMdPieces(rep: Report, o: RenderOptions): Generator<string> {
  const { lang } = o;
  const c = rep.result.criteria;
  const dec = c.decimals;
  let out = heading(rep.result, o, `${t("report", lang)}: `);
  // the lines so far, as a piece (the document's last line is text, so the whole is these lines
  // joined, then "\n": what a trimEnd() of it would leave)
  const piece = (): string => {
    const s = out.length ? `${out.join("\n")}\n` : "";
    out = [];
    return s;
  };
  if (rep.levels.length > 1) {
    out.push(`## ${t("contents", lang)}`, "");
    for (const l of rep.levels) out.push(`- ${mdText(levelTitle(l, lang))}`);
    out.push("");
  }
  for (const l of rep.levels) {
    out.push(`## ${mdText(levelTitle(l, lang))}`, "");
    out.push(`### ${t("summary", lang)}`, "", mdTable(summaryTable(l, lang), dec, lang), "", mdTable(bandsTable(l, c, lang), dec, lang), "");
    const tr = rep.trends?.find((x) => x.level.id === l.level.id);
    if (tr) {
      const head = [t("period", lang), t("rankedCount", lang), `${t("mean", lang)} %`, ...tr.bands.map((b) => text(b.label, lang, b.id))];
      const rows = tr.periods.map((p, i) => [p, String(tr.ranked[i] ?? ""), tr.mean[i] === null || tr.mean[i] === undefined ? "" : (tr.mean[i] as number).toFixed(dec), ...tr.bands.map((b) => String(b.counts[i] ?? ""))]);
      out.push(`### ${t("trend", lang)}`, "", mdGrid(head, rows, head.map(() => false)), "");
      if (tr.crosswalk) {
        out.push(`_${mdText(`${t("crosswalk", lang)} ${tr.crosswalk.file}: ${tr.crosswalk.units} ${t("trendCrosswalk", lang)}.`)}_`, "");
        for (const u of tr.units.filter((x) => x.from)) out.push(`- ${mdText(`${u.code} ${u.name} ← ${(u.from as string[]).join(", ")}: ${u.percent.map((x) => (x === null ? "—" : x.toFixed(dec))).join(" → ")}`)}`);
        out.push("");
      }
    }
    out.push(`### ${t("ranking", lang)}`, "");
    for (const lines of rankingSections(rep, l, o, "####")) {
      out.push(...lines);
      if (out.length >= 64) yield piece();
    }
    out.push(`### ${t("pillars", lang)}`, "", mdTable(pillarTable(l, lang), dec, lang), "");
    for (const v of c.views) out.push(`### ${t("views", lang)}: ${mdText(text(v.label, lang, v.id))}`, "", mdTable(viewTable(c, v, l.units, lang), dec, lang), "");
    out.push(`### ${t("gaps", lang)}`, "", mdTable(gapTable(l.gaps, c, lang), dec, lang), "");
    out.push(`**${t("weakest", lang)}:**`, "");
    if (l.weakest.length === 0) out.push(t("none", lang));
    l.weakest.forEach((g, i) => out.push(`${i + 1}. ${mdText(g.id)} · ${mdText(nodeLabel(c, g.id, lang))} (${t("meanLost", lang)}: ${display(g.meanLost, "points", dec, lang)} ${t("ofMax", lang)} ${display(g.max, "points", dec, lang)})`));
    out.push("");
    yield piece();
    out.push(`### ${t("unitWeakest", lang)}`, "", l.unitGaps.length ? mdTable(unitGapTable(l, c, lang), dec, lang) : t("none", lang), "");
    yield piece();
    out.push(`### ${t("notRankedWhy", lang)}`, "", l.notRanked.length ? mdTable(notRankedTable(rep, l, lang), dec, lang) : t("none", lang), "");
    if (l.incomplete.length) out.push(`### ${t("incompleteUnits", lang)}`, "", mdTable(incompleteTable(l, lang), dec, lang), "");
    yield piece();
  }
  if (rep.sensitivity) out.push(sensitivitySection(rep.sensitivity, "md", o, { depth: 2 }), "");
  if (rep.audit) out.push(auditMd(rep.audit, o, 2), "");
  out.push("---", "", `_${t("madeWith", lang)}_`);
  yield piece();
}
