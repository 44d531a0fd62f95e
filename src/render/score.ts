// Per unit and indicator: the value as read, the rate, the points and the maximum.
import { fitLines, fitTable, type Column } from "./fit.ts";
import type { IndicatorNode, Level } from "../model/criteria.ts";
import { text } from "../model/criteria.ts";
import { digitsScaleAt, valueAt } from "../model/columns.ts";
import type { Result } from "../model/result.ts";
import type { ColumnarResult } from "../engine/scoring.ts";
import { denominatorAt, indicatorRowViews, numeratorAt, ROW_STATUS, rowFigureAt, rowMaxAt, rowStatusAt, shownAt, shownValueAt, SHOWS_RATIO, SHOWS_VALUE, type IndicatorRowView, type RowStatus } from "../engine/views.ts";
import { csvField, csvFieldWriters, csvLine, defaultCsv, inert, machine, NUMBER_ROOM, shown, type RenderOptions } from "./common.ts";
import { byteWriter, chunksText, copyBytes, decimalBytes, encode, end, numberBytes, putBytes, room, take } from "./csv-bytes.ts";
import { t } from "./labels.ts";

export type IndicatorStatus = RowStatus;

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

/** What the `score` rows are read from: a scoring that kept every node, and the levels shown (--level; absent: every level). */
export interface ScoreInput {
  scoring: ColumnarResult;
  levels?: readonly string[];
}

/** A result's rows: those of the scoring it was read from (engine/views.ts resultOf), at its levels (after --level). */
export function scoreInput(r: Result): ScoreInput {
  if (!r.scoring) throw new Error("the score rows are read off a scoring: a result made by resultOf");
  return { scoring: r.scoring, levels: r.levels.map((l) => l.level.id) };
}

/** An indicator of a level as its rows read it: its view, its maximum at the level, and its place among the indicators of every level shown (`slot`). */
interface LevelIndicator {
  view: IndicatorRowView;
  max: number;
  slot: number;
}

/** The levels shown, each with its units (in the ranking's order) and the indicators that apply at it (in criteria order). */
function scoreLevels(s: ScoreInput): { level: Level; order: Int32Array; indicators: LevelIndicator[] }[] {
  const r = s.scoring;
  const views = indicatorRowViews(r);
  let slots = 0;
  return r.levels
    .filter((l) => s.levels === undefined || s.levels.includes(l.level.id))
    .map((l) => ({
      level: l.level,
      order: l.order,
      indicators: r.criteria.indicators.flatMap((ind: IndicatorNode, k) => {
        const view = views[k];
        const max = ind.maxByLevel.get(l.level.id);
        return view && max !== undefined ? [{ view, max, slot: slots++ }] : [];
      }),
    }));
}

/**
 * One row, as the engine has its figures (NaN for none, not yet machine()): the unit's row in
 * the scoring (`g`), the level's indicator, what the row shows of the cell (SHOWS_VALUE,
 * SHOWS_RATIO: the value is read off `at.view` where shown) and its status (an index into
 * ROW_STATUS). One object, filled anew for each row by readRow.
 */
interface RowAt {
  g: number;
  at: LevelIndicator;
  shows: number;
  status: number;
  numerator: number;
  denominator: number;
  rate: number;
  points: number;
  max: number;
}

const newRow = (): RowAt => ({ g: -1, at: { view: undefined as unknown as IndicatorRowView, max: NaN, slot: -1 }, shows: 0, status: 0, numerator: NaN, denominator: NaN, rate: NaN, points: NaN, max: NaN });

/** Fills `row` with unit g's row of the indicator `at`: what every format writes of it. */
function readRow(row: RowAt, r: ColumnarResult, at: LevelIndicator, g: number): RowAt {
  const v = at.view;
  const shows = shownAt(v, r.dataset.level, g);
  const status = rowStatusAt(v, r.status, g);
  row.g = g;
  row.at = at;
  row.shows = shows;
  row.status = status;
  row.numerator = shows & SHOWS_RATIO ? numeratorAt(v, r.dataset, g) : NaN;
  row.denominator = shows & SHOWS_RATIO ? denominatorAt(v, r.dataset, g) : NaN;
  row.rate = rowFigureAt(v.scores.rate, r.status, g);
  row.points = rowFigureAt(v.scores.points, r.status, g);
  row.max = rowMaxAt(v, g, at.max);
  return row;
}

/**
 * The units whose rows the `score` formats show, level by level, each level's units in the
 * ranking's order: each unit's row in the scoring (`g`), and the indicators that apply at its
 * level, in criteria order, a row each (readRow).
 */
function* scoreUnits(s: ScoreInput): Generator<{ g: number; indicators: readonly LevelIndicator[] }> {
  for (const l of scoreLevels(s)) for (const g of l.order) yield { g, indicators: l.indicators };
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** A row as the JSON, the table and the workbook have it. */
function indicatorRow(r: ColumnarResult, row: RowAt): IndicatorRow {
  const g = row.g;
  const d = r.dataset;
  return {
    level: r.criteria.levels[d.level[g] as number]?.id as string,
    code: d.code[g] as string,
    name: d.nameOf(g),
    indicator: row.at.view.ind.id,
    value: row.shows & SHOWS_VALUE ? shownValueAt(row.at.view, g) : null,
    numerator: orNull(row.numerator),
    denominator: orNull(row.denominator),
    rate: machine(row.rate),
    points: machine(row.points),
    max: machine(row.max),
    status: ROW_STATUS[row.status] as IndicatorStatus,
  };
}

/** One row per unit and applicable indicator, the shared shape of every `score` format. */
export function indicatorRows(s: ScoreInput): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const row = newRow();
  for (const u of scoreUnits(s)) for (const at of u.indicators) rows.push(indicatorRow(s.scoring, readRow(row, s.scoring, at, u.g)));
  return rows;
}

const COLUMNS = ["level", "code", "name", "indicator", "value", "numerator", "denominator", "rate", "points", "max", "status"] as const;

/**
 * The CSV of the rows (csvDocument's bytes), in chunks as they fill: `score -f csv` writes each
 * as it comes. The texts that repeat are encoded once: a unit's level, code and name, an
 * indicator's id, a text value, a status; numbers are written as digits, a value kept as
 * decimal digits straight from them.
 */
export function* scoreCsvChunks(s: ScoreInput, o?: RenderOptions): Generator<Uint8Array> {
  const r = s.scoring;
  const data = r.dataset;
  const c = o?.csv ?? defaultCsv;
  const d = c.delimiter;
  const w = byteWriter(c);
  const { text, num } = csvFieldWriters(c);
  // a text value with the delimiter after it, as written, once each
  const known = new Map<string, Uint8Array>();
  const valueField = (s: string): Uint8Array => {
    let b = known.get(s);
    if (b === undefined) known.set(s, (b = encode(`${text(s)}${d}`)));
    return b;
  };
  const statusField = ROW_STATUS.map((x) => encode(`${text(x)}\n`));
  const yes = encode(`yes${d}`);
  const no = encode(`no${d}`);
  const delimiter = encode(d);
  const levels = r.criteria.levels.map((l) => text(l.id));
  putBytes(w, encode(`${c.bom ? "\ufeff" : ""}${csvLine([...COLUMNS], c)}\n`));
  // per indicator of a level: its id, and its maximum where it applies, each with the delimiter after it
  const indicatorField: Uint8Array[] = [];
  const maxField: Uint8Array[] = [];
  // the most bytes of a row but for its fields of text: five numbers with their delimiters
  const numbers = 5 * (NUMBER_ROOM + 1);
  const row = newRow();
  // (a row written by a function of its own, not in the generator's loop: V8 compiles it, hot
  // from the first units, long before it would the generator's whole loop)
  const writeRow = (unit: Uint8Array, ind: LevelIndicator, g: number): void => {
    readRow(row, r, ind, g);
    const v = ind.view;
    const id = (indicatorField[ind.slot] ??= encode(`${text(v.ind.id)}${d}`));
    const max = Number.isNaN(row.max) ? delimiter : (maxField[ind.slot] ??= encode(`${num(row.max)}${d}`));
    const status = statusField[row.status] as Uint8Array;
    // the value's field where it is not a number (whose room is among `numbers`)
    let value: Uint8Array | undefined = delimiter;
    const col = v.cells as NonNullable<IndicatorRowView["cells"]>;
    if (row.shows & SHOWS_VALUE) {
      if (v.kind === "number") value = undefined;
      else {
        const x = shownValueAt(v, g);
        value = typeof x === "boolean" ? (x ? yes : no) : valueField(String(x));
      }
    }
    // (room for the whole row once, then every field written without a check)
    room(w, unit.length + id.length + (value?.length ?? 0) + numbers + max.length + status.length);
    const buf = w.buf;
    // (a unit's fields, some dozens of bytes, copied natively: a loop costs more until V8 compiles it)
    buf.set(unit, w.at);
    let to = w.at + unit.length;
    to = copyBytes(buf, to, id);
    if (value !== undefined) to = copyBytes(buf, to, value);
    else {
      // (the value as the loader kept it: its decimal digits where it has them, else the number)
      const scale = digitsScaleAt(col, g);
      to = scale >= 0 ? decimalBytes(w, to, col.value[g] as number, scale) : numberBytes(w, to, valueAt(col, g));
    }
    if (row.shows & SHOWS_RATIO) {
      to = numberBytes(w, to, row.numerator);
      to = numberBytes(w, to, row.denominator);
    } else {
      // (no ratio: nothing, as numberBytes writes for NaN, without the two calls)
      buf[to++] = w.delimiter;
      buf[to++] = w.delimiter;
    }
    to = numberBytes(w, to, row.rate);
    to = numberBytes(w, to, row.points);
    to = copyBytes(buf, to, max);
    w.at = copyBytes(buf, to, status);
  };
  const writeUnit = (g: number, indicators: readonly LevelIndicator[]): void => {
    const unit = encode(`${levels[data.level[g] as number]}${d}${csvField(data.code[g] as string, c)}${d}${csvField(data.nameOf(g), c)}${d}`);
    for (const ind of indicators) writeRow(unit, ind, g);
  };
  for (const { g, indicators } of scoreUnits(s)) {
    writeUnit(g, indicators);
    if (w.ready.length) yield* take(w);
  }
  yield* end(w);
}

/** The CSV of the rows, whole (scoreCsvChunks' text). */
export function scoreCsv(r: Result, o?: RenderOptions): string {
  return chunksText([...scoreCsvChunks(scoreInput(r), o)]);
}

export function scoreJson(r: Result): string {
  const doc = { schemaVersion: 1, criteria: { id: r.criteria.id, version: r.criteria.version }, period: r.period ?? null, rows: indicatorRows(scoreInput(r)) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One small table per unit, under a heading with its total: readable, and quick to draw. */
export function scoreTable(r: Result, o: RenderOptions): string {
  const { lang, palette: p, width } = o;
  const label = new Map(r.criteria.indicators.map((i) => [i.id, text(i.label, lang, i.id)]));
  const dec = r.criteria.decimals;
  const out: string[] = [];
  const rows = indicatorRows(scoreInput(r));
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
