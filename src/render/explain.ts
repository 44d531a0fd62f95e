// How one unit's score was made: a readable account for the terminal, and JSON for machines.
import type { ExplainedGroup, ExplainedIndicator, Explanation, Neighbour } from "../engine/explain.ts";
import { num } from "../engine/explain.ts";
import { cellName, location } from "../diag/format.ts";
import { text, type Lang } from "../model/criteria.ts";
import type { Cell, Source } from "../model/data.ts";
import { bandIndex, bandLabel, decimalFor, inert, machine, shown, type RenderOptions } from "./common.ts";
import { ruleText } from "./criteria.ts";
import { fitLines } from "./fit.ts";
import { arithmeticText, detailText } from "./detail.ts";
import { t } from "./labels.ts";
import { cap } from "./report-tables.ts";

const width = (s: string): number => [...s].length;

function sourceText(s: Source | undefined, lang: Lang): string {
  if (!s) return "";
  if (s.sheet !== undefined) return `${location(s)}${s.header ? ` "${s.header}"` : ""}`;
  const col = s.column !== undefined ? `, ${t("column", lang)} ${s.column}${s.header ? ` "${s.header}"` : ""}` : "";
  return `${s.file}:${s.line}${s.column !== undefined ? `:${s.column}` : ""} (${t("line", lang)} ${s.line}${col})`;
}

function valueText(c: Cell | undefined, lang: Lang): string {
  if (!c) return "";
  switch (c.kind) {
    case "na":
      return `"${c.raw}" → ${t("not-applicable", lang)}`;
    case "boolean":
      return `"${c.raw}" → ${t(c.value ? "yes" : "no", lang)}`;
    case "text":
      return `"${c.raw}"`;
    default:
      // the cell as written, then the number read from it in the run's convention
      return c.numerator !== undefined ? `${c.raw} → ${decimalFor(num(c.value), lang)}` : String(c.raw).trim() === num(c.value) ? num(c.value) : `"${c.raw}" → ${decimalFor(num(c.value), lang)}`;
  }
}

function missingText(i: ExplainedIndicator, lang: Lang, dec: number): string {
  const policy = t(`policy-${i.missing ?? "zero"}`, lang);
  const pts = i.points === null ? t("notInMax", lang) : `${shown(i.points, dec, lang)}`;
  return `${t("missingValue", lang)}: ${policy} → ${pts}`;
}

export function explainText(e: Explanation, o: RenderOptions): string {
  const { lang, palette: p } = o;
  const c = e.criteria;
  const dec = c.decimals;
  const u = e.unit;
  const level = c.levels.find((l) => l.id === u.level);
  const out: string[] = [];
  out.push(p.bold(inert(`${u.name} (${u.code})`)) + inert(` · ${text(level?.label, lang, u.level)} (${u.level})${e.period ? ` · ${e.period}` : ""}`));
  out.push(p.dim(inert(`${text(c.title, lang, c.id)} · ${c.id} v${c.version}`)));
  out.push("");
  const score = (pts: number | null, max: number, applicable: boolean): string => (applicable ? `${shown(pts ?? 0, dec, lang)} / ${num(max)}` : t("not-applicable", lang));
  const heads = [...e.items, ...e.bonus, ...e.penalty].map((i) => `${"  ".repeat(i.depth - 1)}${i.id} · ${text(i.label, lang, i.id)}`);
  const col = Math.min(72, Math.max(...heads.map(width), 20)) + 2;
  const line = (head: string, right: string): string => {
    const h = inert(head);
    return `${h}${" ".repeat(Math.max(2, col - width(h)))}${right}`;
  };
  const indicator = (i: ExplainedIndicator): void => {
    const pad = "  ".repeat(i.depth);
    const right = !i.applicable ? p.dim(t("not-applicable", lang)) : i.points === null ? p.dim(t("notInMax", lang)) : score(i.points, i.max, true);
    out.push(line(`${"  ".repeat(i.depth - 1)}${i.id} · ${text(i.label, lang, i.id)}`, right));
    if (i.formula) {
      out.push(`${pad}  ${t("formula", lang)}: ${inert(i.formula.text)}`);
      for (const s of i.formula.steps) {
        const figure = s.value === "-" ? t("not-applicable", lang) : s.value === "?" ? t("missing", lang) : s.value === "÷0" ? "÷ 0" : decimalFor(s.value, lang);
        const step = s.kind === "read" ? `${s.text} = ${figure}` : `${decimalFor(s.text, lang)} = ${figure}`;
        out.push(`${pad}    ${inert(step)}${s.source ? p.dim(`  ${inert(sourceText(s.source, lang))}`) : ""}`);
      }
      const v = i.formula.value;
      out.push(`${pad}  ${t("value", lang).toLowerCase()}: ${v === null ? t("not-applicable", lang) : typeof v === "boolean" ? t(v ? "yes" : "no", lang) : decimalFor(num(v), lang)}`);
    }
    if (i.cell) out.push(`${pad}  ${t("value", lang).toLowerCase()}: ${inert(valueText(i.cell, lang))}${i.cell.source ? p.dim(`  ${inert(sourceText(i.cell.source, lang))}`) : ""}`);
    out.push(`${pad}  ${t("rule", lang).toLowerCase()}: ${ruleText(i.rule, lang)}`);
    if (i.arithmetic) out.push(`${pad}  ${t("arithmetic", lang)}: ${inert(arithmeticText(i.arithmetic, lang))}`);
    else if (i.missing) out.push(`${pad}  ${missingText(i, lang, dec)}`);
    else if (!i.applicable && !i.cell && !i.formula) out.push(`${pad}  ${p.dim(t("not-applicable", lang))}${i.where ? p.dim(inert(` (${t("appliesWhere", lang)} ${i.where})`)) : ""}`);
  };
  for (const item of e.items) {
    if (item.kind === "group") {
      const g = item as ExplainedGroup;
      out.push(p.bold(line(`${"  ".repeat(g.depth - 1)}${g.id} · ${text(g.label, lang, g.id)}`, score(g.points, g.max, g.included))));
    } else indicator(item);
  }
  for (const [name, list, adj] of [["bonus", e.bonus, c.bonus], ["penalty", e.penalty, c.penalty]] as const) {
    if (!adj || list.length === 0) continue;
    out.push(p.bold(`${t(name, lang)} (${t("max", lang).toLowerCase()} ${num(adj.max)})`));
    for (const i of list) indicator(i);
  }
  out.push("");
  if (u.status === "not-ranked") {
    const reason = Object.values(u.nodes).some((n) => n.cell !== undefined) ? "nothing-applicable" : "no-data";
    out.push(p.bold(`${cap(t("not-ranked", lang))}: ${t(reason, lang)}`));
    return `${fitLines(out.join("\n"), o.width)}\n`;
  }
  if (c.bonus || c.penalty) {
    out.push(`${t("base", lang)}: ${shown(u.base, dec, lang)} / ${num(u.max as number)}`);
    out.push(`${t("bonus", lang)}: +${shown(u.bonus, dec, lang)} · ${t("penalty", lang)}: −${shown(u.penalty, dec, lang)}`);
  }
  const band = p.band(bandIndex(c, u.band), bandLabel(c, u.band, lang));
  out.push(p.bold(`${t("total", lang)}: ${shown(u.score, dec, lang)} / ${num(u.max as number)} = ${shown(u.percent, dec, lang)}%`) + ` · ${t("band", lang)}: ${band} · ${u.status === "assessed" ? inert(`${t("assessed-not-ranked", lang)}${u.reason ? `: ${u.reason}` : ""}`) : `${t("rankOf", lang)} ${u.rank}/${e.peers}${u.status === "incomplete" ? ` (${t("incomplete", lang)})` : ""}`}`);
  const neighbour = (label: string, n: Neighbour | undefined): string =>
    n ? `  ${label}: ${n.rank}. ${inert(n.name)} (${inert(n.code)}) ${shown(n.score, dec, lang)} · ${shown(n.percent, dec, lang)}%` : `  ${label}: —`;
  out.push(neighbour(t("above", lang), e.above));
  out.push(neighbour(t("below", lang), e.below));
  for (const v of u.views ?? []) {
    const view = c.views.find((x) => x.id === v.id);
    const band = v.band ? ` · ${t("band", lang)}: ${inert(text(view?.bands?.list.find((b) => b.id === v.band)?.label, lang, v.band))}` : "";
    out.push(`${t("views", lang)}: ${inert(text(view?.label, lang, v.id))} (${v.id}) ${shown(v.points, dec, lang)} / ${num(v.max)} = ${shown(v.percent, dec, lang)}%${band}`);
    for (const [i, g] of v.groups.entries()) out.push(`  ${inert(`${g.id} · ${text(view?.groups[i]?.label, lang, g.id)}`)}  ${g.points === null ? t("not-applicable", lang) : `${shown(g.points, dec, lang)} / ${num(g.max)} = ${shown(g.percent, dec, lang)}%`}`);
  }
  return `${fitLines(out.join("\n"), o.width)}\n`;
}

function indicatorJson(i: ExplainedIndicator, lang: Lang) {
  const cell = i.cell;
  return {
    id: i.id,
    label: text(i.label, lang, i.id),
    depth: i.depth,
    role: i.role,
    rule: i.rule,
    ruleText: ruleText(i.rule),
    agency: i.agency ?? null,
    appliesWhere: i.where ?? null,
    applicable: i.applicable,
    included: i.included,
    value: cell
      ? {
          raw: cell.raw,
          kind: cell.kind,
          value: cell.kind === "na" ? null : cell.kind === "number" ? machine(cell.value) : cell.value,
          numerator: cell.kind === "number" ? (cell.numerator ?? null) : null,
          denominator: cell.kind === "number" ? (cell.denominator ?? null) : null,
        }
      : null,
    formula: i.formula
      ? {
          expression: i.formula.text,
          value: typeof i.formula.value === "number" ? machine(i.formula.value) : i.formula.value,
          steps: i.formula.steps.map((s) => ({ kind: s.kind, text: s.text, value: s.value, source: s.source ? { file: s.source.file, line: s.source.line, column: s.source.column ?? null } : null })),
        }
      : null,
    source: cell?.source
      ? { file: cell.source.file, line: cell.source.line, column: cell.source.column ?? null, header: cell.source.header ?? null, ...(cell.source.sheet !== undefined ? { sheet: cell.source.sheet, cell: cellName(cell.source) ?? null } : {}) }
      : null,
    // (in one notation whatever the language: a machine format)
    detail: i.detail ? detailText(i.detail, "en") : null,
    arithmetic: i.arithmetic ? arithmeticText(i.arithmetic, "en") : null,
    missing: i.missing ?? null,
    rate: machine(i.rate),
    points: machine(i.points),
    max: machine(i.max),
  };
}

export function explainJson(e: Explanation, o: RenderOptions): string {
  const u = e.unit;
  const c = e.criteria;
  const neighbour = (n: Neighbour | undefined) => (n ? { code: n.code, name: n.name, rank: n.rank, score: machine(n.score), percent: machine(n.percent) } : null);
  const doc = {
    schemaVersion: 1,
    criteria: { id: c.id, version: c.version },
    period: e.period ?? null,
    unit: { code: u.code, name: u.name, level: u.level, parent: u.parent ?? null, peerGroup: u.peerGroup, status: u.status, ...(u.status === "assessed" ? { reason: u.reason ?? null } : {}) },
    groups: e.items.filter((i): i is ExplainedGroup => i.kind === "group").map((g) => ({ id: g.id, label: text(g.label, o.lang, g.id), depth: g.depth, aggregation: g.aggregation, included: g.included, points: machine(g.points), max: machine(g.max), rate: machine(g.rate) })),
    indicators: e.items.filter((i): i is ExplainedIndicator => i.kind === "indicator").map((i) => indicatorJson(i, o.lang)),
    bonusIndicators: e.bonus.map((i) => indicatorJson(i, o.lang)),
    penaltyIndicators: e.penalty.map((i) => indicatorJson(i, o.lang)),
    base: machine(u.base),
    bonus: machine(u.bonus),
    penalty: machine(u.penalty),
    score: machine(u.score),
    max: machine(u.max),
    percent: machine(u.percent),
    band: u.band,
    rank: u.rank,
    peers: e.peers,
    above: neighbour(e.above),
    below: neighbour(e.below),
    ...(u.views ? { views: u.views.map((v) => ({ id: v.id, points: machine(v.points), max: machine(v.max), percent: machine(v.percent), band: v.band, groups: v.groups.map((g) => ({ id: g.id, points: machine(g.points), max: machine(g.max), percent: machine(g.percent) })) })) } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
