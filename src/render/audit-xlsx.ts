// The audit as an Excel workbook: a sheet per level with its tables one under the other (numbers
// as numeric cells with formats), and a sheet per level with the correlation matrix. exceljs is
// loaded only here, only when this format is asked for.
import type { Worksheet } from "exceljs";
import type { Audit } from "../engine/audit.ts";
import { text } from "../model/criteria.ts";
import { auditTables, type Kind } from "./audit.ts";
import type { RenderOptions } from "./common.ts";
import { cellText } from "./xlsx.ts";

const FORMAT: Record<Kind, string | undefined> = { text: undefined, int: "0", num: "0.000", pct: "0.0%" };

function put(ws: Worksheet, row: number, values: (string | number | null)[], kinds: Kind[], bold = false): void {
  const r = ws.getRow(row);
  values.forEach((v, i) => {
    const cell = r.getCell(i + 1);
    cell.value = v === null ? null : typeof v === "number" ? v : cellText(v);
    const fmt = FORMAT[kinds[i] ?? "text"];
    if (typeof v === "number" && fmt) cell.numFmt = fmt;
    if (bold) cell.font = { bold: true };
  });
}

export async function auditXlsx(a: Audit, o: RenderOptions): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "egov-score";
  for (const l of a.levels) {
    const ws = wb.addWorksheet(`audit ${l.level.id}`.slice(0, 31));
    let row = 1;
    put(ws, row++, [`${text(l.level.label, o.lang, l.level.id)} (${l.level.id}) · ${l.units}`], ["text"], true);
    for (const tb of auditTables(a, l, o.lang)) {
      row++;
      put(ws, row++, [tb.title], ["text"], true);
      const kinds = tb.columns.map((c) => c.kind);
      put(ws, row++, tb.columns.map((c) => c.header), kinds.map(() => "text" as const), true);
      for (const r of tb.rows) put(ws, row++, r, kinds);
      if (tb.note) put(ws, row++, [tb.note], ["text"]);
    }
    ws.getColumn(1).width = 28;
    for (let i = 2; i <= 11; i++) ws.getColumn(i).width = 14;
    const m = wb.addWorksheet(`r ${l.level.id}`.slice(0, 31));
    const ids = l.indicators.map((i) => i.id);
    put(m, 1, ["", ...ids], ids.map(() => "text" as const).concat("text"), true);
    l.matrix.forEach((r, i) => put(m, i + 2, [ids[i] as string, ...r], ["text", ...ids.map(() => "num" as const)]));
    m.getColumn(1).width = 24;
    m.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}
