// The report as an Excel workbook: an overview, the ranking of each level, the pillar averages,
// the gap analysis and the per-indicator detail. Numbers are real numeric cells with number
// formats; every sheet has a frozen header row, filters, and columns wide enough for Vietnamese
// names. Text that Excel would run as a formula gets a leading quote, as in CSV. exceljs is loaded
// only here, only when this format is asked for. The audit's workbook (and the report's annex)
// is made here too: a sheet per level with its tables, and one with its correlation matrix.
import type { Workbook, Worksheet } from "exceljs";
import type { Audit } from "../engine/audit.ts";
import { auditTables, type Kind } from "./audit.ts";
import type { Comparison } from "../engine/compare.ts";
import { buildReport, type Report } from "../engine/report.ts";
import type { SensitivityResult } from "../engine/sensitivity.ts";
import { text, type Lang } from "../model/criteria.ts";
import type { Result, UnitResult } from "../model/result.ts";
import { bandLabel, cellText, machine, provisionalHeading, PROVISIONAL_MARK, provisionalLines, type RenderOptions } from "./common.ts";
import { message } from "../diag/format.ts";

/** A unit's status in words; an assessed unit's with its reason. */
const statusText = (u: UnitResult | undefined, lang: Lang): string =>
  u?.status === "assessed" ? `${t("assessed-not-ranked", lang)}${u.reason ? `: ${u.reason}` : ""}` : t(u?.status ?? "ranked", lang);
import { compareCriteriaLine, compareTitle, moveText } from "./compare.ts";
import { t } from "./labels.ts";
import { gapTable, levelTitle, peerGroupTitle, pillarTable, rankingTable, summaryTable, type ColumnKind, type TableModel, type Value } from "./report-tables.ts";
import { indicatorRows, scoreInput } from "./score.ts";
import { sensitivityTitle, settingsLine } from "./sensitivity.ts";


/** A column of a sheet: the report's kinds, a signed change (+1.25, -0.50) at the criteria's decimals, and ranks gained or lost (↑3, ↓1, =). */
type SheetKind = ColumnKind | "change" | "move";

function numFmt(kind: SheetKind, decimals: number): string | undefined {
  const d = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  switch (kind) {
    case "int":
      return "0";
    case "points":
    case "percent":
      return d;
    case "change":
      return `+${d};-${d};${d}`;
    case "move":
      return '"↑"0;"↓"0;"="';
    case "rate":
      return "0.0%";
    default:
      return undefined;
  }
}

interface SheetColumn {
  header: string;
  kind: SheetKind;
}

/** Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(wb: Workbook, name: string): string {
  const base = [...name.replace(/[:\\/?*[\]]/g, "_").replace(/^'|'$/g, "_")].slice(0, 31).join("") || "Sheet";
  let out = base;
  for (let i = 2; wb.getWorksheet(out) !== undefined; i++) out = `${[...base].slice(0, 28).join("")} ${i}`;
  return out;
}

function addTable(ws: Worksheet, columns: SheetColumn[], rows: Value[][], decimals: number, firstRow = 1): void {
  const header = ws.getRow(firstRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = cellText(c.header);
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEAEEF2" } };
    cell.alignment = { vertical: "top", wrapText: true };
  });
  rows.forEach((r, ri) => {
    const row = ws.getRow(firstRow + 1 + ri);
    r.forEach((v, ci) => {
      const kind = columns[ci]?.kind ?? "text";
      const cell = row.getCell(ci + 1);
      // nothing to show is an empty cell, not a cell holding an empty text
      if (v === null || v === "") return;
      if (typeof v === "number") {
        cell.value = machine(v);
        const f = numFmt(kind, decimals);
        if (f) cell.numFmt = f;
      } else {
        cell.value = cellText(v);
      }
    });
  });
  const widths = columns.map((c, i) => {
    let w = Math.min(24, [...c.header].length);
    for (const r of rows) {
      const v = r[i];
      const len = v === null || v === undefined ? 0 : typeof v === "number" ? (FORMATTED.has(c.kind) ? 8 : String(machine(v)).length) : [...v].length;
      if (len > w) w = len;
    }
    return Math.max(6, Math.min(60, w + 2));
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: "frozen", ySplit: firstRow, xSplit: 0 }];
  if (columns.length > 0) ws.autoFilter = { from: { row: firstRow, column: 1 }, to: { row: firstRow + Math.max(rows.length, 1), column: columns.length } };
}

/** Columns whose numbers show at a fixed width whatever their digits. */
const FORMATTED = new Set<SheetKind>(["points", "percent", "rate", "change"]);

const fromModel = (m: TableModel): SheetColumn[] => m.columns.map((c) => ({ header: c.label, kind: c.kind }));

export async function reportXlsx(rep: Report, o: RenderOptions): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const lang: Lang = o.lang;
  const r = rep.result;
  const c = r.criteria;
  const dec = c.decimals;
  const wb = new ExcelJS.Workbook();
  wb.creator = "egov-score";
  wb.title = cellText(text(c.title, lang, c.id));

  // Overview: one row per level, with the band counts.
  const ov = wb.addWorksheet(sheetName(wb, t("overview", lang)));
  const tableRow = putHeading(ov, headingLines(r, lang, `${t("report", lang)}: `));
  const sumCols: SheetColumn[] = [
    { header: t("level", lang), kind: "text" },
    { header: t("name", lang), kind: "text" },
    ...(rep.levels[0] ? fromModel(summaryTable(rep.levels[0], lang)) : []),
    ...c.bands.list.map((b) => ({ header: bandLabel(c, b.id, lang), kind: "int" as const })),
  ];
  const sumRows = rep.levels.map((l) => [l.level.id, text(l.level.label, lang, l.level.id), ...(summaryTable(l, lang).rows[0] ?? []), ...l.summary.bands.map((b) => b.count)]);
  addTable(ov, sumCols, sumRows, dec, tableRow);

  // The ranking of each level in the annex layout, with the status of each unit.
  for (const l of rep.levels) rankingSheet(wb, rep, l, lang, r.provisional?.length ? [provisionalHeading(r.provisional, lang)] : undefined);
  provisionalSheet(wb, r, lang);

  // Pillar averages of every level.
  const pl = wb.addWorksheet(sheetName(wb, t("pillar", lang)));
  const first = rep.levels[0];
  if (first) {
    const pCols: SheetColumn[] = [{ header: t("level", lang), kind: "text" }, ...fromModel(pillarTable(first, lang))];
    addTable(pl, pCols, rep.levels.flatMap((l) => pillarTable(l, lang).rows.map((row) => [l.level.id, ...row])), dec);
  }

  // The gap analysis of every level.
  const gp = wb.addWorksheet(sheetName(wb, t("gaps", lang)));
  if (first) {
    const gCols: SheetColumn[] = [{ header: t("level", lang), kind: "text" }, ...fromModel(gapTable(first.gaps, c, lang)), { header: t("pointsLost", lang), kind: "points" }];
    addTable(
      gp,
      gCols,
      rep.levels.flatMap((l) => gapTable(l.gaps, c, lang).rows.map((row, i) => [l.level.id, ...row, l.gaps[i]?.pointsLost ?? null])),
      dec,
    );
  }

  // Per unit and indicator: the value read, numerator, denominator, rate, points, maximum.
  detailSheet(wb, r, lang);

  // the audit's sheets, as the report's annex (loaded with the workbook, only when asked for)
  if (rep.audit) addAuditSheets(wb, rep.audit, o);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}

// ---------------------------------------------------------------------------------------------
// What every workbook of a ranking shares

/**
 * The lines a workbook opens with, from the result's own fields: the title, then the period,
 * the criteria, the decision and the illustrative mark. Every workbook of a result (report,
 * rank, score, sensitivity) takes its heading from here, so a marking of the result is added once.
 */
export function headingLines(r: Pick<Result, "criteria" | "period" | "provisional">, lang: Lang, prefix = ""): string[] {
  const c = r.criteria;
  const facts = [r.period ? `${t("period", lang)}: ${r.period}` : "", `${t("criteria", lang)}: ${c.id} v${c.version}`, c.decision ?? "", c.illustrative ? t("illustrative", lang) : ""];
  // a provisional ranking (--provisional) says so under the title of every sheet
  return [`${prefix}${text(c.title, lang, c.id)}`, facts.filter(Boolean).join(" · "), ...(r.provisional?.length ? [provisionalHeading(r.provisional, lang)] : [])];
}

/** Writes the heading lines from the first row (the first in bold, a provisional mark in bold red); the row a table below it starts at, after a blank one. */
function putHeading(ws: Worksheet, lines: readonly string[]): number {
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = cellText(line);
    if (line.startsWith(PROVISIONAL_MARK)) cell.font = { bold: true, size: 13, color: { argb: "FFCF222E" } };
    else if (i === 0) cell.font = { bold: true, size: 13 };
  });
  return lines.length + 2;
}

/** A provisional ranking's sheet of its cells in error (none otherwise). */
function provisionalSheet(wb: Workbook, r: Result, lang: Lang): void {
  if (!r.provisional?.length) return;
  const m = provisionalLines(r.provisional, lang, Infinity);
  const ws = wb.addWorksheet(sheetName(wb, "TẠM TÍNH - PROVISIONAL"));
  const first = putHeading(ws, [m.heading, m.note]);
  addTable(
    ws,
    [{ header: "file", kind: "text" }, { header: "line", kind: "int" }, { header: "column", kind: "int" }, { header: "code", kind: "text" }, { header: t("unit", lang), kind: "text" }, { header: "indicator", kind: "text" }, { header: "message", kind: "text" }],
    r.provisional.map((d) => [d.file ?? "", d.line ?? null, d.column ?? null, d.code, String(d.args.unit ?? ""), String(d.args.indicator ?? ""), message(d, lang)]),
    r.criteria.decimals,
    first,
  );
}

/** A line under a table: its footnote. */
function putNote(ws: Worksheet, row: number, note: string | undefined): void {
  if (note) ws.getCell(row, 1).value = cellText(note);
}

/** A level's ranking in the annex layout, its peer groups one under the other, with each unit's status. */
function rankingSheet(wb: Workbook, rep: Report, l: Report["levels"][number], lang: Lang, heading?: readonly string[]): void {
  const ws = wb.addWorksheet(sheetName(wb, `${t("ranking", lang)} ${l.level.id}`));
  const groups = l.peerGroups.map((g) => ({ g, title: peerGroupTitle(l, g, lang), m: rankingTable(rep, l, g, lang) }));
  const byGroup = groups.some((x) => x.title !== undefined);
  const model = groups[0]?.m;
  if (!model) return;
  const first = heading ? putHeading(ws, heading) : 1;
  const cols: SheetColumn[] = [...(byGroup ? [{ header: t("peerGroup", lang), kind: "text" as const }] : []), ...fromModel(model), { header: t("status", lang), kind: "text" }];
  const rows = groups.flatMap(({ g, title, m }) => m.rows.map((row, i) => [...(byGroup ? [title ?? ""] : []), ...row, statusText(g.units[i], lang)]));
  addTable(ws, cols, rows, rep.result.criteria.decimals, first);
  if (heading) putNote(ws, first + rows.length + 2, groups.find((x) => x.m.note)?.m.note);
  // printed as an annex: landscape, as wide as the page, the header on every page
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${first}:${first}` };
}

/** Per unit and indicator: the value read, numerator, denominator, rate, points, maximum. */
function detailSheet(wb: Workbook, r: Result, lang: Lang, heading?: readonly string[]): void {
  const c = r.criteria;
  const dt = wb.addWorksheet(sheetName(wb, t("detail", lang)));
  const first = heading ? putHeading(dt, heading) : 1;
  const dCols: SheetColumn[] = [
    { header: t("level", lang), kind: "text" },
    { header: t("code", lang), kind: "text" },
    { header: t("unit", lang), kind: "text" },
    { header: t("indicator", lang), kind: "text" },
    { header: t("name", lang), kind: "text" },
    { header: t("value", lang), kind: "number" },
    { header: t("numerator", lang), kind: "number" },
    { header: t("denominator", lang), kind: "number" },
    { header: t("rate", lang), kind: "rate" },
    { header: t("points", lang), kind: "points" },
    { header: t("max", lang), kind: "points" },
    { header: t("status", lang), kind: "text" },
  ];
  const labels = new Map(c.indicators.map((i) => [i.id, text(i.label, lang, i.id)] as const));
  const dRows: Value[][] = indicatorRows(scoreInput(r)).map((x) => [
    x.level,
    x.code,
    x.name,
    x.indicator,
    labels.get(x.indicator) ?? x.indicator,
    typeof x.value === "boolean" ? t(x.value ? "yes" : "no", lang) : x.value,
    x.numerator,
    x.denominator,
    x.rate,
    x.points,
    x.max,
    t(`status-${x.status}`, lang),
  ]);
  addTable(dt, dCols, dRows, c.decimals, first);
}

async function newWorkbook(title: string): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "egov-score";
  wb.title = cellText(title);
  return wb;
}

const bytes = async (wb: Workbook): Promise<Uint8Array> => new Uint8Array(await wb.xlsx.writeBuffer());

// ---------------------------------------------------------------------------------------------
// rank, score, compare and sensitivity as workbooks

/** `rank -o x.xlsx`: a sheet per level in the annex layout (STT, unit, pillars, total, %, rank, band), under the result's heading. */
export async function rankXlsx(r: Result, o: RenderOptions): Promise<Uint8Array> {
  const lang = o.lang;
  const rep = buildReport(r);
  const wb = await newWorkbook(text(r.criteria.title, lang, r.criteria.id));
  for (const l of rep.levels) {
    // with --top, the counts of the whole level, not of the rows shown (as the table says)
    const whole = r.levels.find((x) => x.level.id === l.level.id)?.whole;
    const counts = whole ?? { units: l.units.length, ranked: l.units.filter((u) => u.rank !== null).length };
    const shownRows = whole ? ` · ${t("shown", lang)} ${l.units.length}` : "";
    rankingSheet(wb, rep, l, lang, [...headingLines(r, lang), `${levelTitle(l, lang)} · ${counts.units} ${t("units", lang)}, ${counts.ranked} ${t("ranked", lang)}${shownRows}`]);
  }
  provisionalSheet(wb, r, lang);
  return bytes(wb);
}

/** `score -o x.xlsx`: one row per unit and indicator, as `score -f csv`, with the labels. */
export async function scoreXlsx(r: Result, o: RenderOptions): Promise<Uint8Array> {
  const wb = await newWorkbook(text(r.criteria.title, o.lang, r.criteria.id));
  detailSheet(wb, r, o.lang, headingLines(r, o.lang));
  return bytes(wb);
}

/** `compare -o x.xlsx`: a sheet per level, one row per unit: both sides' rank, score, percentage and band, and the changes. */
export async function compareXlsx(c: Comparison, o: RenderOptions): Promise<Uint8Array> {
  const lang = o.lang;
  const dec = c.after.criteria.decimals;
  const wb = await newWorkbook(compareTitle(c, lang));
  const { before: b, after: a } = c.labels;
  for (const l of c.levels) {
    const ws = wb.addWorksheet(sheetName(wb, `${t("compare", lang)} ${l.level.id}`));
    const first = putHeading(ws, [compareTitle(c, lang), compareCriteriaLine(c, lang), `${text(l.level.label, lang, l.level.id)} (${l.level.id})`]);
    const byGroup = l.level.peers.by !== "level" && l.units.some((u) => u.peerGroup !== "");
    const cols: SheetColumn[] = [
      ...(byGroup ? [{ header: t("peerGroup", lang), kind: "text" as const }] : []),
      { header: t("code", lang), kind: "text" },
      { header: t("unit", lang), kind: "text" },
      { header: `${t("rank", lang)} · ${b}`, kind: "int" },
      { header: `${t("rank", lang)} · ${a}`, kind: "int" },
      { header: t("move", lang), kind: "move" },
      { header: `${t("score", lang)} · ${b}`, kind: "points" },
      { header: `${t("score", lang)} · ${a}`, kind: "points" },
      { header: `${t("score", lang)} · ${t("change", lang)}`, kind: "change" },
      { header: `% · ${b}`, kind: "percent" },
      { header: `% · ${a}`, kind: "percent" },
      { header: `% · ${t("change", lang)} (${t("pp", lang)})`, kind: "change" },
      { header: `${t("band", lang)} · ${b}`, kind: "text" },
      { header: `${t("band", lang)} · ${a}`, kind: "text" },
      // a unit on one side only: new, or gone
      { header: t("status", lang), kind: "text" },
    ];
    const band = (side: Comparison["before"], id: string | null | undefined, status: string | undefined): string =>
      status === "not-ranked" ? t("not-ranked", lang) : id ? bandLabel(side.criteria, id, lang) : "";
    const rows: Value[][] = l.units.map((u) => [
      ...(byGroup ? [u.peerGroup] : []),
      u.code,
      u.name,
      u.before?.rank ?? null,
      u.after?.rank ?? null,
      u.move,
      machine(u.before?.score),
      machine(u.after?.score),
      machine(u.scoreChange),
      machine(u.before?.percent),
      machine(u.after?.percent),
      machine(u.percentChange),
      band(c.before, u.before?.band, u.before?.status),
      band(c.after, u.after?.band, u.after?.status),
      u.presence === "both" ? "" : moveText(u, lang),
    ]);
    addTable(ws, cols, rows, dec, first);
  }
  return bytes(wb);
}

/** `sensitivity -o x.xlsx`: a sheet per level, one row per unit: the nominal rank, the interval of the runs, the shift and the band shares. */
export async function sensitivityXlsx(r: SensitivityResult, o: RenderOptions): Promise<Uint8Array> {
  const lang = o.lang;
  const c = r.criteria;
  const wb = await newWorkbook(sensitivityTitle(r, lang));
  const names = r.names ?? new Map<string, string>();
  for (const l of r.levels) {
    const ws = wb.addWorksheet(sheetName(wb, `${t("sensitivity", lang)} ${l.level.id}`));
    const first = putHeading(ws, [...headingLines(r, lang, `${t("sensitivity", lang)}: `), settingsLine(r, lang), `${text(l.level.label, lang, l.level.id)} (${l.level.id})`]);
    const showParent = l.level.parent !== undefined;
    const bands = [...c.bands.list.map((b) => ({ id: b.id as string | null, label: bandLabel(c, b.id, lang) })), { id: null, label: t("noBand", lang) }];
    const cols: SheetColumn[] = [
      { header: t("code", lang), kind: "text" },
      { header: t("unit", lang), kind: "text" },
      ...(showParent ? [{ header: t("parent", lang), kind: "text" as const }] : []),
      { header: t("rank", lang), kind: "int" },
      { header: t("percent", lang), kind: "percent" },
      { header: t("median", lang), kind: "number" },
      { header: "P5", kind: "int" },
      { header: "P95", kind: "int" },
      { header: t("shift", lang), kind: "percent" },
      { header: t("band", lang), kind: "text" },
      { header: `${t("band", lang)} · ${t("change", lang)}`, kind: "rate" },
      ...bands.map((b) => ({ header: b.label, kind: "rate" as const })),
      { header: t("wide", lang), kind: "text" },
      { header: t("status", lang), kind: "text" },
    ];
    const rows: Value[][] = l.units.map((u) => [
      u.code,
      u.name,
      ...(showParent ? [u.parent ? (names.get(u.parent) ?? u.parent) : ""] : []),
      u.rank,
      machine(u.percent),
      u.median,
      u.low,
      u.high,
      machine(u.shift),
      u.rank === null ? t("not-ranked", lang) : bandLabel(c, u.band, lang),
      machine(u.bandChange),
      ...bands.map((b) => (u.rank === null ? null : machine(u.bands.find((x) => x.band === b.id)?.p ?? 0))),
      u.wide ? t("wide", lang) : "",
      t(u.status, lang),
    ]);
    addTable(ws, cols, rows, 2, first);
  }
  return bytes(wb);
}

// ---------------------------------------------------------------------------------------------
// The audit

const AUDIT_FORMAT: Record<Kind, string | undefined> = { text: undefined, int: "0", num: "0.000", pct: "0.0%" };

function putRow(ws: Worksheet, row: number, values: (string | number | null)[], kinds: Kind[], bold = false): void {
  const r = ws.getRow(row);
  values.forEach((v, i) => {
    const cell = r.getCell(i + 1);
    cell.value = v === null ? null : typeof v === "number" ? v : cellText(v);
    const fmt = AUDIT_FORMAT[kinds[i] ?? "text"];
    if (typeof v === "number" && fmt) cell.numFmt = fmt;
    if (bold) cell.font = { bold: true };
  });
}

export async function auditXlsx(a: Audit, o: RenderOptions): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "egov-score";
  addAuditSheets(wb, a, o);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}

/** Two sheets per level: the audit's tables, and the correlation matrix (also the report's annex). */
export function addAuditSheets(wb: Workbook, a: Audit, o: RenderOptions): void {
  for (const l of a.levels) {
    const ws = wb.addWorksheet(`audit ${l.level.id}`.slice(0, 31));
    let row = 1;
    putRow(ws, row++, [`${text(l.level.label, o.lang, l.level.id)} (${l.level.id}) · ${l.units}`], ["text"], true);
    for (const tb of auditTables(a, l, o.lang)) {
      row++;
      putRow(ws, row++, [tb.title], ["text"], true);
      const kinds = tb.columns.map((c) => c.kind);
      putRow(ws, row++, tb.columns.map((c) => c.header), kinds.map(() => "text" as const), true);
      for (const r of tb.rows) putRow(ws, row++, r, kinds);
      if (tb.note) putRow(ws, row++, [tb.note], ["text"]);
    }
    ws.getColumn(1).width = 28;
    for (let i = 2; i <= 11; i++) ws.getColumn(i).width = 14;
    const m = wb.addWorksheet(`r ${l.level.id}`.slice(0, 31));
    const ids = l.indicators.map((i) => i.id);
    putRow(m, 1, ["", ...ids], ids.map(() => "text" as const).concat("text"), true);
    l.matrix.forEach((r, i) => putRow(m, i + 2, [ids[i] as string, ...r], ["text", ...ids.map(() => "num" as const)]));
    m.getColumn(1).width = 24;
    m.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  }
}
