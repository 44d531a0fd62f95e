// The workbook reader on workbooks made here with exceljs (the files LibreOffice saved are in
// test/fixtures and run end to end): which sheets, where the header is, and every kind of cell
// as the text a CSV export would hold.
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { location } from "../../src/diag/format.ts";
import { inStreamOrder, readSheets, readWhole, readWorkbook, workbookKind } from "../../src/load/workbook.ts";
import { ROOT } from "../helpers/exec.ts";
import { readFileSync } from "node:fs";

type Setup = (wb: ExcelJS.Workbook) => void;

async function book(setup: Setup): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  setup(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const read = async (setup: Setup, o: Partial<Parameters<typeof readWorkbook>[2]> = {}) => readWorkbook(await book(setup), "so.xlsx", { decimal: ".", code: "code", ...o });
const codes = (r: { diagnostics: { code: string }[] }) => r.diagnostics.map((d) => d.code);

describe("which sheets are read", () => {
  it("every visible sheet whose header has the code column; hidden and other sheets are skipped with a note", async () => {
    const r = await read((wb) => {
      wb.addWorksheet("Hướng dẫn").addRow(["Điền số liệu vào các trang sau"]);
      const a = wb.addWorksheet("Sở");
      a.addRow(["code", "x"]);
      a.addRow(["S01", 1]);
      const h = wb.addWorksheet("Cũ", { state: "hidden" });
      h.addRow(["code", "x"]);
      h.addRow(["S09", 9]);
      wb.addWorksheet("Trống");
      const b = wb.addWorksheet("Huyện");
      b.addRow(["code", "x"]);
      b.addRow(["H01", 2]);
    });
    expect(r.tables.map((t) => [t.sheet, t.rows.map((x) => x.cells)])).toEqual([
      ["Sở", [["S01", "1"]]],
      ["Huyện", [["H01", "2"]]],
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.sheet, d.args.reason])).toEqual([
      ["WORKBOOK_SHEET_SKIPPED", "note", "Hướng dẫn", "no-header"],
      ["WORKBOOK_SHEET_SKIPPED", "note", "Cũ", "hidden"],
      ["WORKBOOK_SHEET_SKIPPED", "note", "Trống", "empty"],
    ]);
  });

  it("the sheet the manifest names, even hidden; its header found below a title block", async () => {
    const r = await read(
      (wb) => {
        wb.addWorksheet("Khác").addRow(["code"]);
        const s = wb.addWorksheet("Số liệu", { state: "hidden" });
        s.getCell("A1").value = "BIỂU MẪU";
        s.getRow(3).values = ["code", "x"];
        s.getRow(4).values = ["S01", 5];
      },
      { choice: { sheet: "Số liệu" } },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]).toMatchObject({ sheet: "Số liệu", headerLine: 3, header: ["code", "x"], rows: [{ line: 4, cells: ["S01", "5"] }] });
  });

  it("a named sheet that is not there, or empty, or without the header at header-row:", async () => {
    const setup: Setup = (wb) => {
      const s = wb.addWorksheet("Sở");
      s.addRow(["Tiêu đề"]);
      s.addRow(["code", "x"]);
      s.addRow(["S01", 1]);
      wb.addWorksheet("Trống");
    };
    const missing = await read(setup, { choice: { sheet: "Huyện" } });
    expect(missing.diagnostics.map((d) => [d.code, d.args.known])).toEqual([["WORKBOOK_SHEET_NOT_FOUND", "Sở, Trống"]]);
    expect(codes(await read(setup, { choice: { sheet: "Trống" } }))).toEqual(["WORKBOOK_SHEET_EMPTY"]);
    const wrongRow = await read(setup, { choice: { sheet: "Sở", headerRow: 1 } });
    expect(wrongRow.diagnostics.map((d) => [d.code, d.sheet, d.line, d.args.row])).toEqual([["WORKBOOK_NO_HEADER", "Sở", 1, 1]]);
    expect(location(wrongRow.diagnostics[0] as never)).toBe("so.xlsx › Sở › 1:1");
    const right = await read(setup, { choice: { sheet: "Sở", headerRow: 2 } });
    expect(right.tables[0]?.rows.map((x) => x.line)).toEqual([3]);
    const noHeader = await read(setup, { choice: { sheet: "Sở" }, code: "ma" });
    expect(noHeader.diagnostics.map((d) => [d.code, d.sheet, d.line, d.args.sheets])).toEqual([["WORKBOOK_NO_HEADER", "Sở", undefined, "Sở"]]);
    // without a sheet, header-row: applies to every sheet
    expect(codes(await read(setup, { choice: { headerRow: 1 } }))).toEqual(["WORKBOOK_NO_HEADER"]);
  });

  it("no sheet with the header: one error naming the sheets looked at; a workbook of empty sheets: WORKBOOK_SHEET_EMPTY", async () => {
    const r = await read((wb) => {
      wb.addWorksheet("A").addRow(["ma", "x"]);
      wb.addWorksheet("B").addRow(["ghi chú"]);
    });
    expect(r.diagnostics.map((d) => [d.code, d.sheet, d.args.sheets])).toEqual([["WORKBOOK_NO_HEADER", "A", "A, B"]]);
    expect(r.tables).toEqual([]);
    expect(codes(await read((wb) => void wb.addWorksheet("Sheet1")))).toEqual(["WORKBOOK_SHEET_EMPTY"]);
  });

  it("another code column (columns.code) is the one looked for", async () => {
    const r = await read((wb) => {
      const s = wb.addWorksheet("S");
      s.addRow(["Mã đơn vị", "x"]);
      s.addRow(["S01", 1]);
    }, { code: "Mã đơn vị" });
    expect(r.tables[0]?.header).toEqual(["Mã đơn vị", "x"]);
  });
});

describe("rows as in CSV", () => {
  it("duplicate and repeated headers, a row wider than the header, blank rows, a header without rows", async () => {
    const r = await read((wb) => {
      const s = wb.addWorksheet("S");
      s.addRow(["code", "x", "x"]);
      s.addRow(["S01", 1, 2]);
      s.addRow([]);
      s.addRow(["code", "x", "x"]);
      s.addRow(["S02", 1, 2, "lạc"]);
      s.addRow(["S03"]);
      const e = wb.addWorksheet("E");
      e.addRow(["code"]);
    });
    expect(r.diagnostics.map((d) => [d.code, d.sheet, d.line, d.column])).toEqual([
      ["CSV_DUPLICATE_HEADER", "S", 1, 3],
      ["CSV_REPEATED_HEADER", "S", 4, undefined],
      ["CSV_RAGGED", "S", 5, undefined],
      ["CSV_NO_ROWS", "E", 1, undefined],
    ]);
    // a short row ends at its last filled cell
    expect(r.tables[0]?.rows.map((x) => x.cells)).toEqual([
      ["S01", "1", "2"],
      ["S03", "", ""],
    ]);
  });
});

describe("cells as Excel holds them", () => {
  const cells = async (values: { v: ExcelJS.CellValue; fmt?: string }[], decimal: "." | "," = ".") => {
    const r = await read(
      (wb) => {
        const s = wb.addWorksheet("S");
        s.addRow(["code", ...values.map((_, i) => `c${i}`)]);
        const row = s.addRow(["S01", ...values.map((x) => x.v)]);
        values.forEach((x, i) => {
          if (x.fmt) row.getCell(i + 2).numFmt = x.fmt;
        });
      },
      { decimal },
    );
    return { cells: r.tables[0]?.rows[0]?.cells.slice(1), row: r.tables[0]?.rows[0], diagnostics: r.diagnostics };
  };

  it("numbers, percentages, booleans, text numbers, rich text, hyperlinks, error cells", async () => {
    const r = await cells([
      { v: 85.5 },
      { v: 0.855, fmt: "0.0%" },
      { v: 0.07, fmt: '0%;"âm"' },
      { v: true },
      { v: false },
      { v: "85,5" },
      { v: { richText: [{ text: "có" }, { text: " ạ" }] } },
      { v: { text: "xem", hyperlink: "https://example.org" } },
      { v: { error: "#DIV/0!" } as ExcelJS.CellErrorValue },
      { v: { error: "#N/A" } as ExcelJS.CellErrorValue },
      { v: 1e-7 },
    ]);
    expect(r.cells).toEqual(["85.5", "85.5%", "7%", "TRUE", "FALSE", "85,5", "có ạ", "xem", "#DIV/0!", "#N/A", "1e-7"]);
  });

  it("under decimal \",\" numbers are written with a comma: the loader reads them under the same convention", async () => {
    expect((await cells([{ v: 85.5 }, { v: 0.855, fmt: "0.0%" }, { v: 12 }], ",")).cells).toEqual(["85,5", "85,5%", "12"]);
  });

  it("dates: the year alone, the month, or the day, as the format shows them", async () => {
    const d = new Date(Date.UTC(2019, 11, 31));
    expect((await cells([{ v: d, fmt: "yyyy" }, { v: d, fmt: "mm/yyyy" }, { v: d, fmt: "dd/mm/yyyy" }, { v: d }])).cells).toEqual(["2019", "2019-12", "2019-12-31", "2019-12-31"]);
  });

  it("formulas by their cached value (0 and FALSE too); without one, a problem kept for when the cell is read", async () => {
    const r = await cells([
      { v: { formula: "1+1", result: 2 } },
      { v: { formula: "1-1", result: 0 } },
      { v: { formula: "1>2", result: false } },
      { v: { formula: "A1&\"x\"", result: "codex" } },
      { v: { formula: "0.5", result: 0.5 }, fmt: "0%" },
      { v: { formula: "B2*2" } },
      { v: { formula: "DATE(2020,1,1)", result: 43831 }, fmt: "yyyy" },
      { v: { formula: "1/0", result: { error: "#DIV/0!" } } },
    ]);
    // (a boolean result streams as 0 or 1, which reads as no or yes)
    expect(r.cells).toEqual(["2", "0", "0", "codex", "50%", "", "2020", "#DIV/0!"]);
    expect(r.diagnostics).toEqual([]);
    const p = r.row?.problems?.get(6);
    expect(p && [p.code, p.sheet, p.line, p.column, p.args.formula, p.args.header]).toEqual(["WORKBOOK_FORMULA_NO_VALUE", "S", 2, 7, "B2*2", "c5"]);
    expect(location(p as never)).toBe("so.xlsx › S › G2");
  });
});

describe("cells as Excel shows them", () => {
  const row = async (values: ExcelJS.CellValue[]) => {
    const r = await read((wb) => {
      const s = wb.addWorksheet("S");
      s.addRow(["code", ...values.map((_, i) => `c${i}`)]);
      s.addRow(["S01", ...values]);
    });
    return r.tables[0]?.rows[0];
  };

  it("numbers at the 15 digits Excel shows: a cell that shows 1 is 1, not 1.0000000000000009", async () => {
    // (Excel saves 17 digits: 1.0000000000000009 fails a step "at most 1", which the cell shows met)
    const r = await row([1.0000000000000009, 0.1 + 0.2, 94.99999999999999, 123456789.123456789, -2.5e-10, { formula: "0.1+0.2", result: 0.1 + 0.2 }]);
    expect(r?.cells.slice(1)).toEqual(["1", "0.3", "95", "123456789.123457", "-2.5e-10", "0.3"]);
  });

  it("a formula's #N/A (a lookup that failed) is an error where the cell is read, not the \"not applicable\" typed", async () => {
    const r = await row([{ formula: "VLOOKUP(A2,X:Y,2,0)", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue, { error: "#N/A" } as ExcelJS.CellErrorValue]);
    expect(r?.cells.slice(1)).toEqual(["#N/A", "#N/A"]);
    const p = r?.problems?.get(1);
    expect(p && [p.code, p.severity, p.sheet, p.line, p.column, p.args.value, p.args.header]).toEqual(["VALUE_CELL_ERROR", "error", "S", 2, 2, "#N/A", "c0"]);
    expect(r?.problems?.size).toBe(1);
  });
});

describe("what is not a workbook this reader reads", () => {
  it("kinds by their bytes", async () => {
    expect(workbookKind(await book((wb) => void wb.addWorksheet("S")))).toBe("xlsx");
    expect(workbookKind(Buffer.from("code\nX1\n"))).toBeUndefined();
    expect(workbookKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe("zip");
    expect(workbookKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe("xls");
    const ods = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")]);
    expect(workbookKind(ods)).toBe("ods");
    const xlsb = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from("xl/workbook.bin")]);
    expect(workbookKind(xlsb)).toBe("xlsb");
    const locked = readFileSync(path.join(ROOT, "test/fixtures/broken/workbook-password/data/scores.xlsx"));
    expect(workbookKind(locked)).toBe("encrypted");
    expect(codes(await readWorkbook(locked, "k.xlsx", { decimal: ".", code: "code" }))).toEqual(["WORKBOOK_ENCRYPTED"]);
  });

  it("each with its diagnostic, naming the file", async () => {
    const ods = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")]);
    const r = await readWorkbook(ods, "d.ods", { decimal: ".", code: "code" });
    expect(r.diagnostics.map((d) => [d.code, d.file, d.args.format])).toEqual([["FILE_IS_WORKBOOK", "d.ods", "ods"]]);
    // a workbook cut short: the zip says xl/workbook.xml, but cannot be read
    const whole = await book((wb) => wb.addWorksheet("S").addRow(["code"]));
    const cut = Buffer.concat([whole.subarray(0, 40), Buffer.from("xl/workbook.xml"), Buffer.alloc(64)]);
    const broken = await readWorkbook(cut, "d.xlsx", { decimal: ".", code: "code" });
    expect(broken.diagnostics.map((d) => [d.code, d.file])).toEqual([["WORKBOOK_UNREADABLE", "d.xlsx"]]);
  });
});

describe("the whole-workbook reader, where streaming fails, reads the same", () => {
  it("sheets, states, rows and cells as the streaming reader reads them", async () => {
    const b = await book((wb) => {
      wb.addWorksheet("Hướng dẫn").addRow(["ghi chú"]);
      const s = wb.addWorksheet("S", { state: "hidden" });
      s.addRow(["code", "a", "b", "c"]);
      s.addRow(["S01", 0.5, { formula: "1+1", result: 2 }, { formula: "B2*2" }]);
      s.getCell("B2").numFmt = "0%";
      s.addRow([]);
      s.addRow(["S02", true, "x"]);
    });
    const streamed = await readSheets(b, ".", undefined);
    const whole = await readWhole(b, ".");
    expect(whole).toEqual(streamed);
    expect(whole.map((s) => [s.name, s.hidden, s.rows.length])).toEqual([
      ["Hướng dẫn", false, 1],
      ["S", true, 3],
    ]);
  });
});

describe("a workbook whose only data is hidden", () => {
  it("says the sheets are hidden and that no sheet it may read has the header", async () => {
    const r = await read((wb) => {
      const h = wb.addWorksheet("Ẩn", { state: "hidden" });
      h.addRow(["code", "x"]);
      h.addRow(["S01", 1]);
    });
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.sheet])).toEqual([
      ["WORKBOOK_SHEET_SKIPPED", "note", "Ẩn"],
      ["WORKBOOK_NO_HEADER", "error", "Ẩn"],
    ]);
  });
});

describe("the parts of a workbook, laid out for the streaming reader", () => {
  // LibreOffice (and Excel) write the shared strings, and here the workbook's relations, after the
  // sheets; exceljs's streaming reader then keeps those sheets in temporary files, where a sheet
  // was seen to come back empty, or not at all, under load.
  const entries = (b: Uint8Array): string[] => {
    const dir = Buffer.from(b);
    const names: [number, string][] = [];
    for (let i = dir.indexOf("PK\x01\x02"); i >= 0; i = dir.indexOf("PK\x01\x02", i + 4)) names.push([dir.readUInt32LE(i + 42), dir.toString("utf8", i + 46, i + 46 + dir.readUInt16LE(i + 28))]);
    return names.sort((x, y) => x[0] - y[0]).map((n) => n[1]);
  };
  const local = (b: Uint8Array): string[] => {
    const buf = Buffer.from(b);
    const names: string[] = [];
    for (let i = 0; buf.readUInt32LE(i) === 0x04034b50; ) {
      const name = buf.toString("utf8", i + 30, i + 30 + buf.readUInt16LE(i + 26));
      names.push(name);
      const next = buf.indexOf("PK\x03\x04", i + 30);
      const dir = buf.indexOf("PK\x01\x02", i + 30);
      i = next >= 0 && next < dir ? next : dir;
    }
    return names;
  };

  it.each(["test/fixtures/accepted/workbook-long-sheet/data/phieu.xlsx", "test/fixtures/accepted/workbook-long-sheet/units.xlsx", "samples/ca-mau-2019-xlsx/data/so.xlsx"])("%s: the workbook, its relations, strings and styles first; the same sheets read", async (file) => {
    const bytes = readFileSync(path.join(ROOT, file));
    const before = entries(bytes);
    const firstSheet = (names: string[]) => names.findIndex((n) => n.startsWith("xl/worksheets/"));
    expect(before.indexOf("xl/sharedStrings.xml")).toBeGreaterThan(firstSheet(before));
    const after = inStreamOrder(bytes);
    const order = local(after);
    expect([...order].sort()).toEqual([...before].sort());
    for (const part of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"]) expect(order.indexOf(part)).toBeLessThan(firstSheet(order));
    const shape = (sheets: Awaited<ReturnType<typeof readWhole>>) => sheets.map((s) => [s.name, s.rows.map((r) => r.cells.join("|"))]);
    expect(shape(await readSheets(after, ".", undefined))).toEqual(shape(await readWhole(bytes, ".")));
  });

  it("leaves alone bytes it cannot lay out, and a workbook already in order", () => {
    const junk = Buffer.from("PK\x03\x04 not really a zip");
    expect(inStreamOrder(junk)).toBe(junk);
    const bytes = readFileSync(path.join(ROOT, "test/fixtures/accepted/workbook-long-sheet/units.xlsx"));
    const once = inStreamOrder(bytes);
    expect(Buffer.from(inStreamOrder(once)).equals(Buffer.from(once))).toBe(true);
  });
});
