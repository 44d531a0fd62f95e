// Per unit and indicator: the value as read, the rate, the points and the maximum.
import { fitLines, fitTable, type Column } from "./fit.ts";
import type { IndicatorNode } from "../model/criteria.ts";
import { text } from "../model/criteria.ts";
import type { NodeScore, Result, UnitResult } from "../model/result.ts";
import { columnsOf } from "../engine/views.ts";
import { csvField, csvFieldWriters, csvLine, defaultCsv, inert, machine, shown, type RenderOptions } from "./common.ts";
import { byteWriter, chunksText, encode, end, putBytes, putNumber, take } from "./csv-bytes.ts";
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

function statusOf(u: UnitResult, applicable: boolean, missing: NodeScore["missing"]): IndicatorStatus {
  if (u.status === "not-ranked") return "not-submitted";
  if (!applicable) return "not-applicable";
  if (missing === "exclude") return "excluded";
  if (missing === "impute-mean" || missing === "impute-median") return "imputed";
  if (missing) return "missing";
  return "scored";
}

/**
 * An IndicatorRow with its figures as the engine has them (not yet machine(), NaN for null), and
 * where it stands: the unit's count and the indicator's place among the level's (`slot`), that
 * a writer may keep what it made of them.
 */
type RawRow = Omit<IndicatorRow, "rate" | "points" | "max"> & { rate: number; points: number; max: number; unit: number; slot: number };

/**
 * Every row of the `score` formats, one per unit and applicable indicator, handed to `visit` as
 * one object filled anew for each row (copy it to keep it): read off the result's columns, so
 * that half a million rows cost no object per node. Pauses after each unit's rows (a consumer
 * may hand out what it made of them): iterate it to the end.
 */
function* eachIndicatorRow(r: Result, visit: (row: RawRow) => void): Generator<void> {
  const cols = columnsOf(r);
  const row: RawRow = { level: "", code: "", name: "", indicator: "", value: null, numerator: null, denominator: null, rate: NaN, points: NaN, max: NaN, status: "scored", unit: -1, slot: -1 };
  let slots = 0;
  for (const l of r.levels) {
    const inds = r.criteria.indicators.filter((i: IndicatorNode) => i.maxByLevel.has(l.level.id)).flatMap((ind) => {
      const c = cols.indicator(ind.id);
      return c ? [{ ind, c, max: ind.maxByLevel.get(l.level.id) as number, slot: slots++ }] : [];
    });
    for (const u of l.units) {
      row.unit++;
      const g = cols.rowOf(u);
      const submitted = u.status !== "not-ranked";
      row.level = u.level;
      row.code = u.code;
      row.name = u.name;
      for (const { ind, c, max, slot } of inds) {
        if (c.has && c.has[g] !== 1) continue;
        const applicable = c.applicable[g] === 1;
        // (a computed indicator has no cell: its value is the expression's)
        const { numerator, denominator } = c.ratio(g);
        row.indicator = ind.id;
        row.value = c.value(g);
        row.numerator = numerator;
        row.denominator = denominator;
        row.rate = submitted ? (c.rate[g] as number) : NaN;
        row.points = submitted ? (c.points[g] as number) : NaN;
        row.max = applicable ? max : NaN;
        row.status = statusOf(u, applicable, c.missing(g));
        row.slot = slot;
        visit(row);
      }
      yield;
    }
  }
}

/** One row per unit and applicable indicator, the shared shape of every `score` format. */
export function indicatorRows(r: Result): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  for (const _ of eachIndicatorRow(r, ({ unit: _unit, slot: _slot, ...row }) => rows.push({ ...row, rate: machine(row.rate), points: machine(row.points), max: machine(row.max) })));
  return rows;
}

const COLUMNS = ["level", "code", "name", "indicator", "value", "numerator", "denominator", "rate", "points", "max", "status"] as const;

/**
 * The CSV of the rows (csvDocument's bytes), in chunks as they fill: `score -f csv` writes each
 * as it comes. The texts that repeat are encoded once: a unit's level, code and name, an
 * indicator's id, a text value, a status; numbers are written as digits.
 */
export function* scoreCsvChunks(r: Result, o?: RenderOptions): Generator<Uint8Array> {
  const c = o?.csv ?? defaultCsv;
  const d = c.delimiter;
  const w = byteWriter(c);
  const { text, num } = csvFieldWriters(c);
  // a text value with the delimiter after it, a status with the line's end: as written, once each
  const fields = (after: string) => {
    const known = new Map<string, Uint8Array>();
    return (s: string): Uint8Array => {
      let b = known.get(s);
      if (b === undefined) known.set(s, (b = encode(`${text(s)}${after}`)));
      return b;
    };
  };
  const valueField = fields(d);
  const statusField = fields("\n");
  const yes = encode(`yes${d}`);
  const no = encode(`no${d}`);
  const delimiter = encode(d);
  putBytes(w, encode(`${c.bom ? "\ufeff" : ""}${csvLine([...COLUMNS], c)}\n`));
  let unit: Uint8Array = new Uint8Array(0);
  let at = -1;
  // per indicator of a level: its id, and its maximum where it applies, each with the delimiter after it
  const indicatorField: Uint8Array[] = [];
  const maxField: Uint8Array[] = [];
  const write = (row: RawRow): void => {
    if (row.unit !== at) {
      at = row.unit;
      unit = encode(`${text(row.level)}${d}${csvField(row.code, c)}${d}${csvField(row.name, c)}${d}`);
    }
    putBytes(w, unit);
    putBytes(w, (indicatorField[row.slot] ??= encode(`${text(row.indicator)}${d}`)));
    const v = row.value;
    if (typeof v === "number") putNumber(w, v);
    else putBytes(w, typeof v === "boolean" ? (v ? yes : no) : v === null ? delimiter : valueField(v));
    putNumber(w, row.numerator);
    putNumber(w, row.denominator);
    putNumber(w, row.rate);
    putNumber(w, row.points);
    putBytes(w, Number.isNaN(row.max) ? delimiter : (maxField[row.slot] ??= encode(`${num(row.max)}${d}`)));
    putBytes(w, statusField(row.status));
  };
  for (const _ of eachIndicatorRow(r, write)) if (w.ready.length) yield* take(w);
  yield* end(w);
}

/** The CSV of the rows, whole (scoreCsvChunks' text). */
export function scoreCsv(r: Result, o?: RenderOptions): string {
  return chunksText([...scoreCsvChunks(r, o)]);
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
