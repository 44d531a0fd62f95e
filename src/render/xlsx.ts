// The report as an Excel workbook: an overview, the ranking of each level, the pillar averages,
// the gap analysis and the per-indicator detail. Numbers are real numeric cells with number
// formats; every sheet has a frozen header row, filters, and columns wide enough for Vietnamese
// names. Text that Excel would run as a formula gets a leading quote, as in CSV. exceljs is loaded
// only here, only when this format is asked for. The audit's workbook (and the report's annex)
// is made here too: a sheet per level with its tables, and one with its correlation matrix.
import type { Workbook, Worksheet } from "exceljs";
import type { Audit } from "../engine/audit.ts";
import { auditTables, type Kind } from "./audit.ts";
import type { Report } from "../engine/report.ts";
import { text, type Lang } from "../model/criteria.ts";
import { bandLabel, inert, machine, neutralise, provisionalLines, type RenderOptions } from "./common.ts";
import { message } from "../diag/format.ts";
import { t } from "./labels.ts";
import { gapTable, peerGroupTitle, pillarTable, rankingTable, summaryTable, type ColumnKind, type TableModel, type Value } from "./report-tables.ts";
import { indicatorRows } from "./score.ts";

/** Text as a workbook may hold it: no character XML forbids, one line of control-free text, neutralised. */
export function cellText(s: string): string {
  return neutralise(inert(s).replace(/[\ufffe\uffff]/g, ""));
}

function numFmt(kind: ColumnKind, decimals: number): string | undefined {
  const d = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  switch (kind) {
    case "int":
      return "0";
    case "points":
    case "percent":
      return d;
    case "rate":
      return "0.0%";
    default:
      return undefined;
  }
}

interface SheetColumn {
  header: string;
  kind: ColumnKind;
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
      if (v === null) return;
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
const FORMATTED = new Set<ColumnKind>(["points", "percent", "rate"]);

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
  ov.getCell("A1").value = cellText(`${t("report", lang)}: ${text(c.title, lang, c.id)}`);
  ov.getCell("A1").font = { bold: true, size: 13 };
  ov.getCell("A2").value = cellText([r.period ? `${t("period", lang)}: ${r.period}` : "", `${t("criteria", lang)}: ${c.id} v${c.version}`, c.illustrative ? t("illustrative", lang) : ""].filter(Boolean).join(" · "));
  // A provisional ranking: its mark above every ranking, and a sheet of the cells in error.
  const provisional = r.provisional?.length ? provisionalLines(r.provisional, lang, Infinity) : undefined;
  const mark = (ws: Worksheet, at: string): void => {
    if (!provisional) return;
    ws.getCell(at).value = cellText(provisional.heading);
    ws.getCell(at).font = { bold: true, size: 13, color: { argb: "FFCF222E" } };
  };
  mark(ov, "A3");
  const sumCols: SheetColumn[] = [
    { header: t("level", lang), kind: "text" },
    { header: t("name", lang), kind: "text" },
    ...(rep.levels[0] ? fromModel(summaryTable(rep.levels[0], lang)) : []),
    ...c.bands.list.map((b) => ({ header: bandLabel(c, b.id, lang), kind: "int" as const })),
  ];
  const sumRows = rep.levels.map((l) => [l.level.id, text(l.level.label, lang, l.level.id), ...(summaryTable(l, lang).rows[0] ?? []), ...l.summary.bands.map((b) => b.count)]);
  addTable(ov, sumCols, sumRows, dec, 4);

  // The ranking of each level in the annex layout, with the status of each unit.
  for (const l of rep.levels) {
    const ws = wb.addWorksheet(sheetName(wb, `${t("ranking", lang)} ${l.level.id}`));
    const groups = l.peerGroups.map((g) => ({ g, title: peerGroupTitle(l, g, lang), m: rankingTable(rep, l, g, lang) }));
    const byGroup = groups.some((x) => x.title !== undefined);
    const model = groups[0]?.m;
    if (!model) continue;
    const cols: SheetColumn[] = [...(byGroup ? [{ header: t("peerGroup", lang), kind: "text" as const }] : []), ...fromModel(model), { header: t("status", lang), kind: "text" }];
    const rows = groups.flatMap(({ g, title, m }) => m.rows.map((row, i) => [...(byGroup ? [title ?? ""] : []), ...row, t(g.units[i]?.status ?? "ranked", lang)]));
    mark(ws, "A1");
    addTable(ws, cols, rows, dec, provisional ? 3 : 1);
  }

  if (provisional && r.provisional) {
    const pv = wb.addWorksheet(sheetName(wb, "TẠM TÍNH - PROVISIONAL"));
    mark(pv, "A1");
    pv.getCell("A2").value = cellText(provisional.note);
    addTable(
      pv,
      [{ header: "file", kind: "text" }, { header: "line", kind: "int" }, { header: "column", kind: "int" }, { header: "code", kind: "text" }, { header: t("unit", lang), kind: "text" }, { header: "indicator", kind: "text" }, { header: "message", kind: "text" }],
      r.provisional.map((d) => [d.file ?? "", d.line ?? null, d.column ?? null, d.code, String(d.args.unit ?? ""), String(d.args.indicator ?? ""), message(d, lang)]),
      dec,
      4,
    );
  }

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
  const dt = wb.addWorksheet(sheetName(wb, t("detail", lang)));
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
  const dRows: Value[][] = indicatorRows(r).map((x) => [
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
  addTable(dt, dCols, dRows, dec);

  // the audit's sheets, as the report's annex (loaded with the workbook, only when asked for)
  if (rep.audit) addAuditSheets(wb, rep.audit, o);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
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
