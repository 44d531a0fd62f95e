// Forms as workbooks, as the department makes them and an agency opens them: `template --unit
// CODE -o form.xlsx`, `template --level ID -o level.xlsx` and `init --xlsx`, run through the
// built CLI; the workbooks read back with exceljs: sheets, the header row (the CSV template's,
// so that the loader reads the workbook as it reads the CSV), validations, locks, frozen panes.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { folder, run } from "../helpers/exec.ts";

const CA_MAU = "samples/ca-mau-2019";
const NO_STACK = /^\s+at |node:internal/m;
const out = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), "egov-score-form-")), name);
const csvRows = (csv: string): string[][] => parse(csv) as string[][];

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const texts = (ws: ExcelJS.Worksheet, row: number): string[] => (ws.getRow(row).values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));

/** The header row the workbook names (egov_header): where the loader finds it. */
function headerRow(wb: ExcelJS.Workbook): { sheet: string; row: number } {
  const named = (wb.definedNames.model as { name: string; ranges: string[] }[]).find((n) => n.name === "egov_header");
  const m = /^'?(.+?)'?!\$A\$(\d+):\$[A-Z]+\$\d+$/.exec(named?.ranges[0] ?? "");
  if (!m) throw new Error(`no egov_header: ${JSON.stringify(wb.definedNames.model)}`);
  return { sheet: m[1] as string, row: Number(m[2]) };
}

const locked = (c: ExcelJS.Cell): boolean => c.protection?.locked !== false;
/** The sheet's protection as the workbook has it (exceljs reads it, its types do not say so). */
const protection = (ws: ExcelJS.Worksheet): Record<string, unknown> | undefined => (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection;

describe("template --unit S01 -o S01.xlsx: the form one agency fills in", () => {
  let wb: ExcelJS.Workbook;
  let data: ExcelJS.Worksheet;
  let csv: string[][];
  let header: number;
  const col = (name: string): number => csv[0]!.indexOf(name) + 1;
  const rowOf = (indicator: string): number => header + csv.findIndex((r) => r[col("indicator") - 1] === indicator);
  beforeAll(async () => {
    const file = out("S01.xlsx");
    const r = run(["template", CA_MAU, "--unit", "S01", "-o", file]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "", ""]);
    wb = await workbook(file);
    data = wb.getWorksheet("Số liệu") as ExcelJS.Worksheet;
    csv = csvRows(run(["template", CA_MAU, "--unit", "S01", "-f", "csv"]).stdout);
    header = headerRow(wb).row;
  }, 60_000);

  it("instructions first, in the criteria's language, then the data sheet", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Hướng dẫn", "Số liệu"]);
    const ins = wb.getWorksheet("Hướng dẫn") as ExcelJS.Worksheet;
    expect(String(ins.getCell("A1").value)).toMatch(/^Biểu mẫu số liệu: Bộ chỉ số đánh giá, xếp hạng/);
    expect(ins.getCell("A2").value).toBe("Đơn vị: S01 – Văn phòng UBND tỉnh · Cấp: Sở, ban, ngành (so) · Kỳ đánh giá: 2019 · Bộ tiêu chí: vn-cqdt-2019 v2019");
    const lines = Array.from({ length: ins.rowCount }, (_, i) => String(ins.getCell(i + 1, 1).value ?? ""));
    expect(lines).toContain(`2. Dòng ${header} (tô đậm) là dòng tiêu đề mà egov-score đọc: không sửa, không thêm, xóa hay đổi thứ tự cột, không đổi tên trang.`);
    expect(lines.some((l) => l.includes("không áp dụng"))).toBe(true);
  });

  it("the header row is the CSV template's, named egov_header, bold, frozen, under a title block", () => {
    expect(headerRow(wb)).toEqual({ sheet: "Số liệu", row: 4 });
    expect(texts(data, header)).toEqual(csv[0]);
    expect(csv[0]).toEqual(["code", "name", "level", "indicator", "label", "hint", "max", "value", "numerator", "denominator", "evidence"]);
    expect(data.getCell(header, 1).font?.bold).toBe(true);
    expect(String(data.getCell("A1").value)).toMatch(/^Biểu mẫu số liệu: /);
    expect(data.views[0]).toMatchObject({ state: "frozen", ySplit: header });
    expect(data.autoFilter).toBe(`A${header}:K${header + csv.length - 1}`);
  });

  it("the rows are the CSV template's: the unit, each indicator that applies, its label, hint and maximum (a number)", () => {
    csv.slice(1).forEach((r, i) => {
      const row = texts(data, header + 1 + i);
      expect(row.slice(0, 7)).toEqual(r.slice(0, 7));
    });
    expect(csv.length - 1).toBe(27); // the indicators of a department that read data (a commune-only one left out)
    expect(data.getCell(rowOf("may-tinh"), col("max")).value).toBe(5);
    // a commune-only indicator is not on a department's form
    expect(csv.some((r) => r[col("indicator") - 1] === "cat-giam-thoi-gian")).toBe(false);
  });

  it("value cells validate: yes/no and categories from a list, percentages 0–100, counts as whole numbers", () => {
    const dv = (indicator: string, name = "value") => data.getCell(rowOf(indicator), col(name)).dataValidation;
    expect(dv("mang-chuyen-dung")).toMatchObject({ type: "list", formulae: ['"có,không"'], errorStyle: "warning" });
    expect(dv("truong-ban-chi-dao")).toMatchObject({ type: "list", formulae: ['"chu-tich,pho-chu-tich,khong"'] });
    expect(dv("may-tinh")).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 100] });
    expect(dv("hop-ban-chi-dao")).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    // points given by a council: up to the maximum the engine caps them at (VALUE_ABOVE_MAX beyond)
    expect(dv("sang-kien")).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 2] });
    // a ratio's numerator and denominator are counts; a yes/no indicator has none to give
    expect(dv("may-tinh", "numerator")).toMatchObject({ type: "whole", formulae: [0] });
    expect(dv("may-tinh", "denominator")).toMatchObject({ type: "whole", formulae: [0] });
    expect(dv("mang-chuyen-dung", "numerator")).toBeUndefined();
  });

  it("the sheet is protected without a password; only the cells to fill in are open", () => {
    expect(protection(data)).toMatchObject({ sheet: true });
    expect(protection(data)).not.toHaveProperty("hashValue");
    expect(protection(data)).not.toHaveProperty("password");
    const r = rowOf("may-tinh");
    for (const name of ["code", "name", "level", "indicator", "label", "hint", "max"]) expect([name, locked(data.getCell(r, col(name)))]).toEqual([name, true]);
    for (const name of ["value", "numerator", "denominator", "evidence"]) expect([name, locked(data.getCell(r, col(name)))]).toEqual([name, false]);
    expect(locked(data.getCell(rowOf("mang-chuyen-dung"), col("numerator")))).toBe(true);
    expect(locked(data.getCell(header, col("value")))).toBe(true);
  });

  it("in English with --lang en; a commune's form names its district", async () => {
    const file = out("X.xlsx");
    const unit = csvRows(readFileSync(path.join(CA_MAU, "units.csv"), "utf8")).find((r) => r[2] === "xa")!;
    const r = run(["template", CA_MAU, "--unit", unit[0]!, "-o", file, "--lang", "en"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Instructions", "Data"]);
    const ws = wb.getWorksheet("Data") as ExcelJS.Worksheet;
    expect(texts(ws, headerRow(wb).row)).toEqual(["code", "name", "level", "parent", "indicator", "label", "hint", "max", "value", "numerator", "denominator", "evidence"]);
    expect(texts(ws, headerRow(wb).row + 1).slice(0, 6)).toEqual([unit[0], unit[1], "xa", unit[3], "may-tinh", "Staff with a computer"]);
    expect(ws.getCell(headerRow(wb).row + 2, 9).dataValidation).toMatchObject({ type: "list", formulae: ['"yes,no"'] });
  });
});

describe("template --level xa -o xa.xlsx: a whole level, one row per unit", () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  let csv: string[][];
  let header: number;
  beforeAll(async () => {
    const file = out("xa.xlsx");
    const r = run(["template", CA_MAU, "--level", "xa", "-o", file]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "", ""]);
    wb = await workbook(file);
    ws = wb.getWorksheet("Số liệu") as ExcelJS.Worksheet;
    csv = csvRows(run(["template", CA_MAU, "--level", "xa", "-f", "csv"]).stdout);
    header = headerRow(wb).row;
  }, 60_000);

  it("the CSV: the wide template's header (and an evidence column per indicator), a row per unit of the level", () => {
    expect(csv[0]!.slice(0, 6)).toEqual(["code", "name", "level", "parent", "may-tinh", "may-tinh.evidence"]);
    expect(csv.length - 1).toBe(101);
    expect(csv[1]!.slice(0, 4)).toEqual(["964-01", "Phường 1", "xa", "964"]);
  });

  it("the header row is the CSV's, below the title and the rows naming each indicator, its hint and its maximum", () => {
    expect(header).toBe(7);
    expect(texts(ws, header)).toEqual(csv[0]);
    const c = csv[0]!.indexOf("may-tinh") + 1;
    expect([ws.getCell(4, c - 1).value, ws.getCell(4, c).value]).toEqual(["Chỉ số", "Tỷ lệ cán bộ, công chức được trang bị máy tính"]);
    expect([ws.getCell(5, c - 1).value, ws.getCell(5, c).value]).toEqual(["Cách ghi", "tỉ lệ %, từ 0 đến 100; hoặc điền tử số và mẫu số"]);
    expect([ws.getCell(6, c - 1).value, ws.getCell(6, c).value]).toEqual(["Điểm tối đa", 5]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 7, xSplit: 2 });
  });

  it("a row per unit, unit fields locked, value and evidence cells open and validated", () => {
    csv.slice(1).forEach((r, i) => expect(texts(ws, header + 1 + i).slice(0, 4)).toEqual(r.slice(0, 4)));
    const first = header + 1;
    const at = (name: string) => ws.getCell(first, csv[0]!.indexOf(name) + 1);
    expect(locked(at("code"))).toBe(true);
    expect(locked(at("name"))).toBe(true);
    expect(locked(at("may-tinh"))).toBe(false);
    expect(locked(at("may-tinh.evidence"))).toBe(false);
    expect(at("may-tinh").dataValidation).toMatchObject({ type: "decimal", formulae: [0, 100] });
    expect(at("su-co-attt").dataValidation).toMatchObject({ type: "whole", formulae: [0] });
    expect(at("mang-chuyen-dung").dataValidation).toMatchObject({ type: "list", formulae: ['"có,không"'] });
    expect(protection(ws)).toMatchObject({ sheet: true });
  });
});

describe("template --level so -f csv, filled and put back", () => {
  it("reads as wide data, its evidence columns too: validate and rank without a warning but that the other levels sent nothing", () => {
    const csv = csvRows(run(["template", CA_MAU, "--level", "so", "-f", "csv"]).stdout);
    const head = csv[0]!;
    // a figure every indicator accepts: yes, the first category, 1 for counts and points, 80 otherwise
    const fill = (h: string): string => {
      if (h.endsWith(".evidence")) return "QĐ 12/QĐ-UBND";
      if (["mang-chuyen-dung", "mot-cua-dien-tu", "can-bo-cntt", "cap-do-attt", "giai-thuong"].includes(h)) return "có";
      if (h === "truong-ban-chi-dao") return "chu-tich";
      if (["hop-ban-chi-dao", "su-co-attt", "sang-kien", "su-co-mat-du-lieu", "bao-cao-tre"].includes(h)) return "1";
      return "80";
    };
    const lines = [head.join(","), ...csv.slice(1).map((r) => r.map((v, i) => (i < 3 ? `"${v}"` : fill(head[i]!))).join(","))];
    const dir = folder({ "so.csv": `${lines.join("\n")}\n` });
    const args = ["--criteria", "criteria/vn-cqdt-2019.yaml", "--data", path.join(dir, "so.csv"), "--units", path.join(CA_MAU, "units.csv"), "--lang", "en"];
    // (the registry lists the districts and communes too: their units, without a row, are not ranked)
    const others = [...["huyen", "xa"].map((l) => `warning DATA_LEVEL_NOT_SENT: no unit of level "${l}" has a row in the data files`)];
    const warnings = (stderr: string) => [...stderr.matchAll(/(warning|error) [A-Z_]+: .*? has a row in the data files/g)].map((m) => m[0]);
    const v = run(["validate", ...args]);
    expect([v.code, v.stderr, warnings(v.stdout)], v.stdout).toEqual([0, "", others]);
    expect(v.stdout).toContain("0 errors, 2 warnings");
    const r = run(["rank", ...args, "--level", "so", "-f", "csv"]);
    expect([r.code, warnings(r.stderr)]).toEqual([0, others]);
    const ranked = csvRows(r.stdout).slice(1);
    expect(ranked).toHaveLength(20);
    // every department wrote the same figures: they share rank 1
    expect(new Set(ranked.map((x) => x[1]))).toEqual(new Set(["1"]));
  });
});

describe("template: bad usage", () => {
  it.each([
    [[], "USAGE_TEMPLATE_WHAT", "template needs --unit CODE (one unit's form) or --level ID (a whole level's form)"],
    [["--unit", "S01", "--level", "so"], "USAGE_TEMPLATE_WHAT", "template makes the form of one unit or of one level, not both"],
    [["--level", "tinh"], "USAGE_LEVEL", 'unknown level "tinh"'],
    [["--unit", "S99"], "UNIT_NOT_FOUND", 'no unit has the code or name "S99"'],
    [["--unit", "S01", "--excel"], "USAGE_CSV_FLAG", "--excel"],
  ])("%j: exit 2, a coded message, no workbook", (args, code, message) => {
    const file = out("f.xlsx");
    const r = run(["template", CA_MAU, ...args, "-o", file, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^error ${code}: `));
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(existsSync(file)).toBe(false);
  });
});

describe("init --xlsx: the data templates as workbooks", () => {
  let dir: string;
  beforeAll(() => {
    const cwd = folder({});
    const r = run(["init", "a", "--from", "vn-cqdt-2019", "--xlsx", "--period", "2025", "-q"], { cwd });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    dir = path.join(cwd, "a");
  }, 60_000);

  it("writes data/<level>.xlsx and data/long-template.xlsx; the registry stays CSV; the manifest reads the data folder", () => {
    for (const f of ["units.csv", "data/so.xlsx", "data/huyen.xlsx", "data/xa.xlsx", "data/long-template.xlsx"]) expect([f, existsSync(path.join(dir, f))]).toEqual([f, true]);
    for (const f of ["data/so.csv", "data/long-template.csv"]) expect([f, existsSync(path.join(dir, f))]).toEqual([f, false]);
    expect(readFileSync(path.join(dir, "egov-score.yaml"), "utf8")).toContain("data:\n  - data        ");
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toContain("| `data/xa.xlsx` |");
  });

  it("each level's workbook has the header of the CSV template init writes without --xlsx, and open rows to fill in", async () => {
    const cwd = folder({});
    expect(run(["init", "b", "--from", "vn-cqdt-2019", "-q"], { cwd }).code).toBe(0);
    for (const level of ["so", "huyen", "xa"]) {
      const wb = await workbook(path.join(dir, `data/${level}.xlsx`));
      const h = headerRow(wb);
      const ws = wb.getWorksheet(h.sheet) as ExcelJS.Worksheet;
      const csvHeader = csvRows(readFileSync(path.join(cwd, `b/data/${level}.csv`), "utf8"))[0]!;
      // the CSV template's columns, each indicator followed by its evidence column
      expect(texts(ws, h.row).filter((x) => !x.endsWith(".evidence"))).toEqual(csvHeader);
      expect(String(ws.getCell("A2").value)).toContain("Kỳ đánh giá: 2025");
      // no unit yet: the unit fields are open too, and the rows below the header
      expect(locked(ws.getCell(h.row + 1, 1))).toBe(false);
      expect(locked(ws.getCell(h.row + 300, 1))).toBe(false);
      expect(ws.getCell(h.row + 300, csvHeader.indexOf("may-tinh") + 1).dataValidation).toMatchObject({ type: "decimal", formulae: [0, 100] });
      expect(protection(ws)).toMatchObject({ sheet: true, insertRows: true });
    }
  });

  it("the long-form workbook: the long header, the indicator picked from a list of the criteria's indicators", async () => {
    const wb = await workbook(path.join(dir, "data/long-template.xlsx"));
    const h = headerRow(wb);
    const ws = wb.getWorksheet(h.sheet) as ExcelJS.Worksheet;
    expect(texts(ws, h.row)).toEqual(["code", "indicator", "value", "numerator", "denominator", "evidence"]);
    const list = ws.getCell(h.row + 1, 2).dataValidation;
    expect(list?.type).toBe("list");
    // too long for a formula: the list is kept on a hidden sheet
    const ref = /^lists!\$A\$1:\$A\$(\d+)$/.exec(String(list?.formulae?.[0]));
    expect(ref).not.toBeNull();
    const lists = wb.getWorksheet("lists") as ExcelJS.Worksheet;
    expect(lists.state).toBe("veryHidden");
    const ids = Array.from({ length: Number(ref![1]) }, (_, i) => lists.getCell(i + 1, 1).value);
    expect(ids).toContain("may-tinh");
    expect(ids).toContain("su-co-mat-du-lieu");
  });
});
