// The forms as workbooks (`template -o form.xlsx`, `init --xlsx`): an instructions sheet, then
// the data sheet the loader reads: a title block, the rows that describe the columns (the wide
// form), the header row (bold, framed, frozen, named `egov_header`), then the rows to fill in.
// The header is the CSV template's, so the workbook reads back as the CSV does. Value cells
// carry data validation (lists, number ranges, whole numbers) and are the only cells open; the
// sheet is protected without a password, so that a label cannot be typed over by mistake.
// exceljs is loaded only here, only when a workbook form is asked for.
import type { DataValidation, Worksheet } from "exceljs";
import { cellText, type RenderOptions } from "./common.ts";
import { columnLetters } from "../diag/format.ts";
import { FORM_SHEETS, LISTS_SHEET } from "../model/form.ts";
import { formModel, type Form, type FormModel, type Validation } from "./template.ts";

/** The defined name of the header row of the data sheet: where the loader finds the header without looking for it. */
export const HEADER_NAME = "egov_header";

const LOCKED_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } } as const;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } } as const;
const THIN = { style: "thin", color: { argb: "FF808080" } } as const;

/** A list's values in the formula Excel keeps (at most 255 characters, no comma or quote in a value); otherwise undefined. */
function inlineList(values: readonly string[]): string | undefined {
  if (values.some((v) => /[,"]/.test(v))) return undefined;
  const joined = values.join(",");
  return joined.length <= 255 ? `"${joined}"` : undefined;
}

/** The data validation of a cell: a warning, not a stop, so that "-" or "không áp dụng" (not applicable) can still be written. */
function dataValidation(v: Validation, lists: (values: readonly string[]) => string, lang: "vi" | "en"): DataValidation {
  const vi = lang === "vi";
  if (v.type === "list") {
    return {
      type: "list",
      allowBlank: true,
      formulae: [lists(v.values)],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: vi ? "Giá trị ngoài danh sách" : "Not in the list",
      error: cellText(`${vi ? "Chọn một trong" : "Pick one of"}: ${v.values.join(", ")}`),
    };
  }
  const range = v.min !== undefined && v.max !== undefined ? { operator: "between" as const, formulae: [v.min, v.max] } : v.min !== undefined ? { operator: "greaterThanOrEqual" as const, formulae: [v.min] } : { operator: "lessThanOrEqual" as const, formulae: [v.max as number] };
  const what = v.type === "whole" ? (vi ? "một số nguyên" : "a whole number") : vi ? "một số" : "a number";
  const bounds = v.min !== undefined && v.max !== undefined ? (vi ? ` từ ${v.min} đến ${v.max}` : ` from ${v.min} to ${v.max}`) : v.min !== undefined ? (vi ? ` từ ${v.min} trở lên` : ` of ${v.min} or more`) : vi ? ` không quá ${v.max}` : ` of at most ${v.max}`;
  return {
    type: v.type,
    allowBlank: true,
    ...range,
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: vi ? "Giá trị không hợp lệ" : "Not a valid value",
    error: `${vi ? "Cần" : "Expected"} ${what}${bounds}`,
  };
}

function instructionsSheet(ws: Worksheet, m: FormModel): void {
  ws.getColumn(1).width = 110;
  m.instructions.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = cellText(line);
    cell.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) cell.font = { bold: true, size: 13 };
    else if (i === 3) cell.font = { bold: true };
  });
}

/** The data sheet: the title block, the describing rows, the header, the rows; returns the header's row. */
function dataSheet(ws: Worksheet, m: FormModel, lists: (values: readonly string[]) => string, lang: "vi" | "en"): number {
  m.title.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = cellText(line);
    cell.font = i === 0 ? { bold: true, size: 13 } : { italic: true };
  });
  let row = m.title.length + 2;
  // the describing rows: their caption in the column before the first described one
  const firstDescribed = m.describe[0]?.cells.findIndex((x) => x !== null) ?? -1;
  for (const d of m.describe) {
    const r = ws.getRow(row++);
    if (firstDescribed > 0) {
      const cap = r.getCell(firstDescribed);
      cap.value = cellText(d.caption);
      cap.font = { italic: true, bold: true };
      cap.alignment = { horizontal: "right", vertical: "top" };
    }
    d.cells.forEach((v, i) => {
      if (v === null) return;
      const cell = r.getCell(i + 1);
      cell.value = typeof v === "number" ? v : cellText(v);
      cell.font = { italic: true };
      cell.fill = LOCKED_FILL;
      cell.alignment = { wrapText: true, vertical: "top" };
    });
  }
  const header = row;
  const h = ws.getRow(header);
  m.columns.forEach((c, i) => {
    const cell = h.getCell(i + 1);
    cell.value = cellText(c.header);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    ws.getColumn(i + 1).width = c.width;
  });
  const put = (r: number, i: number, value: string | number | null, input: boolean, v: Validation | undefined): void => {
    const cell = ws.getCell(r, i + 1);
    if (value !== null && value !== "") cell.value = typeof value === "number" ? value : cellText(value);
    if (input) {
      cell.protection = { locked: false };
      if (v) cell.dataValidation = dataValidation(v, lists, lang);
    } else {
      cell.fill = LOCKED_FILL;
    }
    cell.alignment = { vertical: "top", wrapText: !input };
  };
  m.rows.forEach((cells, ri) => cells.forEach((c, i) => put(header + 1 + ri, i, c.value, c.input === true, c.validation)));
  for (let ri = 0; ri < m.blankRows; ri++) m.columns.forEach((c, i) => put(header + 1 + m.rows.length + ri, i, null, c.input, c.validation));
  return header;
}

/** A form as a workbook: instructions first, then the data sheet, protected without a password. */
export async function formXlsx(f: Form, o: RenderOptions): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const lang = o.lang;
  const m = formModel(f, lang);
  const names = FORM_SHEETS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = "egov-score";
  wb.title = cellText(m.title[0] ?? "");
  instructionsSheet(wb.addWorksheet(names.instructions), m);
  const ws = wb.addWorksheet(names.data);
  // lists too long for a formula (or with a comma in a value) go on a sheet of their own, hidden
  let listSheet: Worksheet | undefined;
  let listColumn = 0;
  const lists = (values: readonly string[]): string => {
    const inline = inlineList(values);
    if (inline) return inline;
    listSheet ??= wb.addWorksheet(LISTS_SHEET, { state: "veryHidden" });
    listColumn++;
    values.forEach((v, i) => {
      (listSheet as Worksheet).getCell(i + 1, listColumn).value = cellText(v);
    });
    const col = columnLetters(listColumn);
    return `${LISTS_SHEET}!$${col}$1:$${col}$${values.length}`;
  };
  const header = dataSheet(ws, m, lists, lang);
  ws.views = [{ state: "frozen", ySplit: header, xSplit: m.freezeColumns, activeCell: `${columnLetters(m.freezeColumns + 1)}${header + 1}` }];
  ws.autoFilter = { from: { row: header, column: 1 }, to: { row: header + Math.max(1, m.rows.length + m.blankRows), column: m.columns.length } };
  wb.definedNames.add(`'${names.data}'!$A$${header}:$${columnLetters(m.columns.length)}$${header}`, HEADER_NAME);
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true, insertRows: m.blankRows > 0, deleteRows: m.blankRows > 0 });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
