// The ranking in three formats: a table per level (and peer group), CSV with the columns of
// SPEC.md, and JSON with schemaVersion 1.
import { text, type Lang } from "../model/criteria.ts";
import type { LevelResult, Result, UnitResult } from "../model/result.ts";
import { ASSESSED, NOT_RANKED, STATUS, type ColumnarResult } from "../engine/scoring.ts";
import { assessedNote, bandIndex, bandLabel, csvDocument, csvField, csvFieldWriters, csvLine, defaultCsv, groupBy, inert, machine, provisionalByUnit, provisionalJson, provisionalLines, provisionalRowMark, shown, type CsvCell, type RenderOptions } from "./common.ts";
import { fitLines, fitTable, type Column } from "./fit.ts";
import { t } from "./labels.ts";
import { unitNames } from "./select.ts";
import { display, viewTable } from "./report-tables.ts";

// band_label: the band's label in the run's language, beside its id (SPEC.md allows it there)
export const RANK_COLUMNS = ["level", "rank", "code", "name", "parent", "score", "max", "percent", "band", "band_label", "status"] as const;

function topNodes(r: Result) {
  return r.criteria.root.children;
}

const peerGroups = (l: LevelResult): [string, UnitResult[]][] => groupBy(l.units, (u) => u.peerGroup);

export function rankTable(r: Result, o: RenderOptions): string {
  const { lang, palette: p, width } = o;
  const c = r.criteria;
  const dec = c.decimals;
  const names = unitNames(r);
  const out: string[] = [];
  const title = `${text(c.title, lang, c.id)}${r.period ? ` · ${r.period}` : ""}`;
  out.push(p.bold(fitLines(inert(title), width)));
  if (c.illustrative) out.push(p.dim(t("illustrative", lang)));
  if (r.provisional?.length) {
    const m = provisionalLines(r.provisional, lang);
    out.push("", p.bold(m.heading), fitLines(m.note, width), ...m.cells.map((x) => fitLines(`  ${inert(x)}`, width)));
  }
  for (const l of r.levels) {
    // with --top, the counts of the whole level, not of the rows shown
    const counts = l.whole ?? { units: l.units.length, ranked: l.units.filter((u) => u.rank !== null).length };
    const shownRows = l.whole ? ` · ${t("shown", lang)} ${l.units.length}` : "";
    out.push("");
    out.push(fitLines(p.bold(`${inert(text(l.level.label, lang, l.level.id))} (${l.level.id})`) + p.dim(` · ${counts.units} ${t("units", lang)}, ${counts.ranked} ${t("ranked", lang)}${shownRows}`), width));
    const showParent = l.level.parent !== undefined;
    const nodes = topNodes(r).filter((n) => n.maxByLevel.has(l.level.id));
    let notes: string[] = [];
    for (const [group, units] of peerGroups(l)) {
      if (group !== "" && l.level.peers.by !== "level") {
        const label = l.level.peers.by === "parent" ? `${t("parent", lang)}: ${names.get(group) ?? group}` : `${t("peerGroup", lang)}: ${group}`;
        out.push(p.dim(inert(label)));
      }
      const col = (head: string, align: Column["align"], cell: (u: UnitResult) => string, kind?: Column["kind"]): Column => ({ head, align, cells: units.map(cell), ...(kind ? { kind } : {}) });
      const fitted = fitTable(
        [
          col(t("rank", lang), "right", (u) => (u.rank === null ? (u.status === "assessed" ? "†" : "—") : `${u.rank}${u.status === "incomplete" ? "*" : ""}`)),
          col(t("code", lang), "left", (u) => inert(u.code), "id"),
          col(t("unit", lang), "left", (u) => inert(u.name), "name"),
          ...(showParent ? [col(t("parent", lang), "left", (u) => inert(u.parent ? (names.get(u.parent) ?? u.parent) : ""), "parent")] : []),
          ...nodes.map((n) => col(inert(text(n.label, lang, n.id)), "right", (u) => (u.status === "not-ranked" ? "" : shown(u.nodes[n.id]?.points, dec, lang) || "—"), "group")),
          col(t("score", lang), "right", (u) => shown(u.score, dec, lang)),
          col(t("max", lang), "right", (u) => shown(u.max, dec, lang), "max"),
          col(t("percent", lang), "right", (u) => shown(u.percent, dec, lang)),
          col(t("band", lang), "left", (u) => {
            const status = u.status === "not-ranked" ? t("not-ranked", lang) : bandLabel(c, u.band, lang);
            return u.status === "not-ranked" ? p.dim(status) : p.band(bandIndex(c, u.band), status);
          }),
        ],
        width,
        lang,
      );
      out.push(fitted.table);
      notes = fitted.notes;
    }
    if (l.units.some((u) => u.status === "incomplete")) out.push(p.dim(`* ${t("incomplete", lang)}`));
    const assessed = assessedNote(l.units, lang);
    if (assessed) out.push(p.dim(inert(assessed)));
    for (const n of notes) out.push(p.dim(n));
    // the views beside the ranking: one table each (when the scoring kept what they read)
    for (const v of l.units.some((u) => u.views) ? c.views : []) {
      const m = viewTable(c, v, l.units, lang);
      out.push("", p.bold(inert(`${t("views", lang)}: ${text(v.label, lang, v.id)}`)));
      const kinds: (Column["kind"] | undefined)[] = m.columns.map((x, i) => (i === 0 ? "id" : i === 1 ? "name" : x.kind === "text" ? "text" : undefined));
      const fitted = fitTable(
        m.columns.map((x, i) => ({ head: inert(x.label), align: x.kind === "text" ? "left" : "right", cells: m.rows.map((row) => inert(display(row[i] ?? null, x.kind, dec, lang))), ...(kinds[i] ? { kind: kinds[i] } : {}) })),
        width,
        lang,
      );
      out.push(fitted.table);
      if (m.note) out.push(p.dim(m.note));
    }
  }
  return `${out.join("\n")}\n`;
}

function groupPoints(r: Result, u: UnitResult): (number | null)[] {
  return topNodes(r).map((n) => (u.status === "not-ranked" ? null : machine(u.nodes[n.id]?.included ? u.nodes[n.id]?.points : null)));
}

// (reason: only where the assessment marks units assessed and not ranked; a provisional ranking,
// --provisional, has one more column, last: every row says so)
const csvHeader = (r: Result): CsvCell[] => [...RANK_COLUMNS, ...topNodes(r).map((n) => n.id), ...(r.unranked ? ["reason"] : []), ...(r.provisional?.length ? ["provisional"] : [])];

function csvRows(r: Result, lang: Lang): CsvCell[][] {
  const rows: CsvCell[][] = [];
  const own = r.provisional?.length ? provisionalByUnit(r.provisional) : undefined;
  for (const l of r.levels) {
    for (const u of l.units) {
      rows.push([u.level, u.rank, u.code, u.name, u.parent ?? "", machine(u.score), machine(u.max), machine(u.percent), u.band ?? "", u.band ? bandLabel(r.criteria, u.band, lang) : "", u.status, ...groupPoints(r, u), ...(r.unranked ? [u.reason ?? ""] : []), ...(own ? [provisionalRowMark(own.get(u.code))] : [])]);
    }
  }
  return rows;
}

export function rankCsv(r: Result, o?: RenderOptions): string {
  return csvDocument([csvHeader(r), ...csvRows(r, o?.lang ?? r.criteria.language)], o?.csv);
}

export function rankJson(r: Result, o: RenderOptions): string {
  const c = r.criteria;
  const doc = {
    schemaVersion: 1,
    criteria: { id: c.id, version: c.version, title: text(c.title, o.lang, c.id) },
    period: r.period ?? null,
    ...(r.provisional?.length ? { provisional: provisionalJson(r.provisional, o.lang) } : {}),
    levels: r.levels.map((l) => ({
      id: l.level.id,
      label: text(l.level.label, o.lang, l.level.id),
      units: l.units.map((u) => {
        const pts = groupPoints(r, u);
        return {
          level: u.level,
          rank: u.rank,
          code: u.code,
          name: u.name,
          parent: u.parent ?? null,
          score: machine(u.score),
          max: machine(u.max),
          percent: machine(u.percent),
          band: u.band,
          bandLabel: u.band ? bandLabel(c, u.band, o.lang) : null,
          status: u.status,
          // (only where the assessment marks units assessed and not ranked, as the CSV's column)
          ...(r.unranked ? { reason: u.reason ?? null } : {}),
          ...(u.views ? { views: Object.fromEntries(u.views.map((v) => [v.id, { points: machine(v.points), max: machine(v.max), percent: machine(v.percent), band: v.band, groups: Object.fromEntries(v.groups.map((g) => [g.id, { points: machine(g.points), max: machine(g.max), percent: machine(g.percent) }])) }])) } : {}),
          peerGroup: u.peerGroup,
          bonus: machine(u.bonus),
          penalty: machine(u.penalty),
          groups: Object.fromEntries(topNodes(r).map((n, i) => [n.id, pts[i] ?? null])),
        };
      }),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * rankCsv of a ranking in columns (engine/scoring.ts), in pieces of `batch` rows: the same
 * bytes, without an object per unit (a million units). --level and --top as select() has them.
 */
export function* rankCsvColumns(r: ColumnarResult, o: RenderOptions | undefined, sel: { level?: string; top?: number } = {}, batch = 1000): Generator<string> {
  const c = o?.csv ?? defaultCsv;
  const d = c.delimiter;
  const { text, num } = csvFieldWriters(c);
  // text written as it is, which most codes and names are (csvField would neither quote nor
  // neutralise it): one test instead of csvField's three; csvField writes the rest
  const special = new RegExp(`^[=+\\-@\\t\\r]|["\\r\\n${d}]`);
  const field = (s: string): string => (special.test(s) ? csvField(s, c) : s);
  const parents = new Map<string, string>();
  const parentText = (s: string): string => {
    let v = parents.get(s);
    if (v === undefined) {
      v = csvField(s, c);
      if (parents.size < 100_000) parents.set(s, v);
    }
    return v;
  };
  const data = r.dataset;
  const bands = r.criteria.bands.list;
  const lang = o?.lang ?? r.criteria.language;
  const bandCells = bands.map((b) => `${text(b.id)}${d}${text(bandLabel(r.criteria, b.id, lang))}`);
  const reasons = data.unranked;
  const own = r.provisional?.length ? provisionalByUnit(r.provisional) : undefined;
  yield `${c.bom ? "\ufeff" : ""}${csvLine([...RANK_COLUMNS, ...r.criteria.root.children.map((n) => n.id), ...(reasons ? ["reason"] : []), ...(own ? ["provisional"] : [])], c)}`;
  for (const l of r.levels) {
    if (sel.level !== undefined && l.level.id !== sel.level) continue;
    const level = text(l.level.id);
    let out = "";
    let n = 0;
    for (const g of l.order) {
      const rank = r.rank[g] as number;
      if (sel.top !== undefined && (rank === 0 || rank > sel.top)) continue;
      const status = r.status[g] as number;
      const band = r.band[g] as number;
      let line = `${level}${d}${rank === 0 ? "" : String(rank)}${d}${field(data.code[g] as string)}${d}${field(data.nameOf(g))}${d}${parentText(data.parent[g] ?? "")}${d}${num(r.score[g] as number)}${d}${status === NOT_RANKED ? "" : num(r.max[g] as number)}${d}${num(r.percent[g] as number)}${d}${band < 0 ? d : bandCells[band]}${d}${text(STATUS[status] as string)}`;
      // (a node not included has no points: NaN, written as nothing, as machine(null) is)
      for (const t of r.top) line += `${d}${status === NOT_RANKED ? "" : num(t.points[g] as number)}`;
      if (reasons) line += `${d}${status === ASSESSED ? csvField(reasons.get(g) ?? "", c) : ""}`;
      if (own) line += `${d}${csvField(provisionalRowMark(own.get(data.code[g] as string)), c)}`;
      out += `\n${line}`;
      if (++n === batch) {
        yield out;
        out = "";
        n = 0;
      }
    }
    if (out) yield out;
  }
  yield "\n";
}
