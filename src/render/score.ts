// Per unit and indicator: the value as read, the rate, the points and the maximum.
import { fitLines, fitTable, type Column } from "./fit.ts";
import type { IndicatorNode } from "../model/criteria.ts";
import { text } from "../model/criteria.ts";
import type { Cell } from "../model/data.ts";
import type { NodeScore, Result, UnitResult } from "../model/result.ts";
import { csvDocument, inert, machine, shown, type CsvCell, type RenderOptions } from "./common.ts";
import { t } from "./labels.ts";

export type IndicatorStatus = "scored" | "not-applicable" | "missing" | "excluded" | "imputed" | "not-submitted";

export interface IndicatorRow {
  level: string;
  code: string;
  name: string;
  indicator: string;
  value: number | string | boolean | null;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  points: number | null;
  max: number | null;
  status: IndicatorStatus;
}

function cellValue(c: Cell | undefined): number | string | boolean | null {
  if (!c || c.kind === "na") return null;
  return c.value;
}

function statusOf(u: UnitResult, s: NodeScore): IndicatorStatus {
  if (u.status === "not-ranked") return "not-submitted";
  if (!s.applicable) return "not-applicable";
  if (s.missing === "exclude") return "excluded";
  if (s.missing === "impute-mean" || s.missing === "impute-median") return "imputed";
  if (s.missing) return "missing";
  return "scored";
}

/** One row per unit and applicable indicator, the shared shape of every `score` format. */
export function indicatorRows(r: Result): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (const l of r.levels) {
    const inds = r.criteria.indicators.filter((i: IndicatorNode) => i.maxByLevel.has(l.level.id));
    for (const u of l.units) {
      for (const ind of inds) {
        const s = u.nodes[ind.id];
        if (!s) continue;
        const c = s.cell;
        const submitted = u.status !== "not-ranked";
        rows.push({
          level: u.level,
          code: u.code,
          name: u.name,
          indicator: ind.id,
          // (a computed indicator has no cell: its value is the expression's)
          value: s.formula ? s.formula().value : cellValue(c),
          numerator: c?.kind === "number" ? (c.numerator ?? null) : null,
          denominator: c?.kind === "number" ? (c.denominator ?? null) : null,
          rate: submitted ? machine(s.rate) : null,
          points: submitted ? machine(s.points) : null,
          max: s.applicable ? machine(ind.maxByLevel.get(l.level.id)) : null,
          status: statusOf(u, s),
        });
      }
    }
  }
  return rows;
}

const COLUMNS = ["level", "code", "name", "indicator", "value", "numerator", "denominator", "rate", "points", "max", "status"] as const;

const plainValue = (v: IndicatorRow["value"]): string | number | null => (typeof v === "boolean" ? (v ? "yes" : "no") : typeof v === "number" ? machine(v) : v);

export function scoreCsv(r: Result, o?: RenderOptions): string {
  const rows: CsvCell[][] = [[...COLUMNS]];
  for (const row of indicatorRows(r)) rows.push(COLUMNS.map((k) => (k === "value" ? plainValue(row.value) : row[k])) as CsvCell[]);
  return csvDocument(rows, o?.csv);
}

export function scoreJson(r: Result): string {
  const doc = { schemaVersion: 1, criteria: { id: r.criteria.id, version: r.criteria.version }, period: r.period ?? null, rows: indicatorRows(r) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One small table per unit, under a heading with its total: readable, and quick to draw. */
export function scoreTable(r: Result, o: RenderOptions): string {
  const { lang, palette: p, width } = o;
  const label = new Map(r.criteria.indicators.map((i) => [i.id, text(i.label, lang, i.id)]));
  const dec = r.criteria.decimals;
  const out: string[] = [];
  const rows = indicatorRows(r);
  const byUnit = new Map<string, IndicatorRow[]>();
  for (const row of rows) byUnit.set(row.code, [...(byUnit.get(row.code) ?? []), row]);
  for (const l of r.levels) {
    out.push(p.bold(`${inert(text(l.level.label, lang, l.level.id))} (${l.level.id})`), "");
    for (const u of l.units) {
      const total = u.status === "not-ranked" ? t("not-ranked", lang) : `${shown(u.score, dec, lang)} / ${shown(u.max, dec, lang)} (${shown(u.percent, dec, lang)}%) · ${t("rank", lang)} ${u.rank ?? "—"}`;
      out.push(fitLines(`${p.bold(inert(`${u.code} ${u.name}`))} · ${total}`, width));
      const unitRows = byUnit.get(u.code) ?? [];
      const value = (row: IndicatorRow) => (row.numerator !== null ? `${row.numerator}/${row.denominator}` : typeof row.value === "number" ? String(machine(row.value)) : typeof row.value === "boolean" ? (row.value ? "✓" : "✗") : (row.value ?? ""));
      const status = (row: IndicatorRow) => (row.status === "scored" ? "" : row.status === "not-applicable" ? t("not-applicable", lang) : row.status === "not-submitted" ? t("not-ranked", lang) : `${t("missing", lang)} (${row.status})`);
      const col = (head: string, align: Column["align"], cell: (row: IndicatorRow) => string, kind?: Column["kind"]): Column => ({ head, align, cells: unitRows.map(cell), ...(kind ? { kind } : {}) });
      // indicators by name (the id is in -f csv and json)
      const table = fitTable(
        [
          col(t("indicator", lang), "left", (row) => inert(label.get(row.indicator) ?? row.indicator), "name"),
          col(t("value", lang), "right", (row) => inert(value(row))),
          col(t("rate", lang), "right", (row) => shown(row.rate, 3, lang)),
          col(t("points", lang), "right", (row) => shown(row.points, dec, lang)),
          col(t("max", lang), "right", (row) => shown(row.max, dec, lang)),
          col(t("status", lang), "left", (row) => p.dim(status(row)), "text"),
        ],
        width,
        lang,
      );
      out.push(table.table, "");
    }
  }
  return out.join("\n");
}
