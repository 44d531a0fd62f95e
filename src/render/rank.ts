// The ranking in three formats: a table per level (and peer group), CSV with the columns of
// SPEC.md, and JSON with schemaVersion 1.
import Table from "cli-table3";
import { text } from "../model/criteria.ts";
import type { LevelResult, Result, UnitResult } from "../model/result.ts";
import { bandIndex, bandLabel, csvDocument, groupBy, inert, machine, shown, type CsvCell, type RenderOptions } from "./common.ts";
import { t } from "./labels.ts";

export const RANK_COLUMNS = ["level", "rank", "code", "name", "parent", "score", "max", "percent", "band", "status"] as const;

function topNodes(r: Result) {
  return r.criteria.root.children;
}

const peerGroups = (l: LevelResult): [string, UnitResult[]][] => groupBy(l.units, (u) => u.peerGroup);

export function rankTable(r: Result, o: RenderOptions): string {
  const { lang, palette: p } = o;
  const c = r.criteria;
  const dec = c.decimals;
  const names = new Map<string, string>();
  for (const l of r.levels) for (const u of l.units) names.set(u.code, u.name);
  const out: string[] = [];
  const title = `${text(c.title, lang, c.id)}${r.period ? ` · ${r.period}` : ""}`;
  out.push(p.bold(inert(title)));
  if (c.illustrative) out.push(p.dim(t("illustrative", lang)));
  for (const l of r.levels) {
    const ranked = l.units.filter((u) => u.rank !== null).length;
    out.push("");
    out.push(p.bold(`${inert(text(l.level.label, lang, l.level.id))} (${l.level.id})`) + p.dim(` · ${l.units.length} ${t("units", lang)}, ${ranked} ${t("ranked", lang)}`));
    const showParent = l.level.parent !== undefined;
    const nodes = topNodes(r).filter((n) => n.maxByLevel.has(l.level.id));
    for (const [group, units] of peerGroups(l)) {
      if (group !== "" && l.level.peers.by !== "level") {
        const label = l.level.peers.by === "parent" ? `${t("parent", lang)}: ${names.get(group) ?? group}` : `${t("peerGroup", lang)}: ${group}`;
        out.push(p.dim(inert(label)));
      }
      const head = [t("rank", lang), t("code", lang), t("unit", lang), ...(showParent ? [t("parent", lang)] : []), ...nodes.map((n) => n.id), t("score", lang), t("max", lang), t("percent", lang), t("band", lang)];
      const colAligns: ("left" | "right")[] = ["right", "left", "left", ...(showParent ? ["left" as const] : []), ...nodes.map(() => "right" as const), "right", "right", "right", "left"];
      const table = new Table({ head, style: { head: [], border: [], compact: true }, colAligns });
      for (const u of units) {
        const status = u.status === "not-ranked" ? t("not-ranked", lang) : bandLabel(c, u.band, lang);
        table.push([
          u.rank === null ? "—" : `${u.rank}${u.status === "incomplete" ? "*" : ""}`,
          inert(u.code),
          inert(u.name),
          ...(showParent ? [inert(u.parent ? (names.get(u.parent) ?? u.parent) : "")] : []),
          ...nodes.map((n) => (u.status === "not-ranked" ? "" : shown(u.nodes[n.id]?.points, dec) || "—")),
          shown(u.score, dec),
          shown(u.max, dec),
          shown(u.percent, dec),
          u.status === "not-ranked" ? p.dim(status) : p.band(bandIndex(c, u.band), status),
        ]);
      }
      out.push(table.toString());
    }
    if (l.units.some((u) => u.status === "incomplete")) out.push(p.dim(`* ${t("incomplete", lang)}`));
  }
  return `${out.join("\n")}\n`;
}

function groupPoints(r: Result, u: UnitResult): (number | null)[] {
  return topNodes(r).map((n) => (u.status === "not-ranked" ? null : machine(u.nodes[n.id]?.included ? u.nodes[n.id]?.points : null)));
}

export function rankCsv(r: Result, o?: RenderOptions): string {
  const rows: CsvCell[][] = [[...RANK_COLUMNS, ...topNodes(r).map((n) => n.id)]];
  for (const l of r.levels) {
    for (const u of l.units) {
      rows.push([u.level, u.rank, u.code, u.name, u.parent ?? "", machine(u.score), machine(u.max), machine(u.percent), u.band ?? "", u.status, ...groupPoints(r, u)]);
    }
  }
  return csvDocument(rows, o?.csv);
}

export function rankJson(r: Result, o: RenderOptions): string {
  const c = r.criteria;
  const doc = {
    schemaVersion: 1,
    criteria: { id: c.id, version: c.version, title: text(c.title, o.lang, c.id) },
    period: r.period ?? null,
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
          status: u.status,
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
