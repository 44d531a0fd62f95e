// rank, score, compare and sensitivity written as workbooks (-o x.xlsx, -f xlsx), run as a user
// runs them: the built CLI on the Cà Mau samples, the workbooks read back with exceljs and held
// to the figures the same command writes as CSV.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, run } from "../helpers/exec.ts";

const CA_MAU = "samples/ca-mau-2019";
const CA_MAU_2020 = "samples/ca-mau-2020";
const NO_STACK = /^\s+at |node:internal/m;
const out = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), "egov-score-xlsx-")), name);
const csvRecords = (csv: string): Record<string, string>[] => parse(csv, { columns: true }) as Record<string, string>[];
/** A CSV field as the workbook holds it: a number, or nothing for an empty field. */
const num = (s: string | undefined): number | null => (s === undefined || s === "" ? null : Number(s));

async function workbook(file: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === "string") await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb;
}

const texts = (ws: ExcelJS.Worksheet, row: number): string[] => (ws.getRow(row).values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ""));

/** The rows under a header row, as objects keyed by the header, up to the first empty row. */
function records(ws: ExcelJS.Worksheet, headerRow: number): Record<string, ExcelJS.Cell>[] {
  const header = texts(ws, headerRow);
  const rows: Record<string, ExcelJS.Cell>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount && ws.getRow(r).hasValues; r++) rows.push(Object.fromEntries(header.map((h, i) => [h, ws.getCell(r, i + 1)])));
  return rows;
}

/** The row of a sheet whose first cell is `first`: where its table's header is. */
function rowOf(ws: ExcelJS.Worksheet, first: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === first) return r;
  throw new Error(`no row starts with ${first} in ${ws.name}`);
}

function frozenAt(ws: ExcelJS.Worksheet): { ySplit?: number; xSplit?: number; state?: string } {
  const v = ws.views[0] as { state?: string; ySplit?: number; xSplit?: number } | undefined;
  return { state: v?.state, ySplit: v?.ySplit, xSplit: v?.xSplit };
}

describe("rank -o ranking.xlsx: the annex layout, a sheet per level", () => {
  let wb: ExcelJS.Workbook;
  let csv: Record<string, string>[];
  beforeAll(async () => {
    const file = out("ranking.xlsx");
    const r = run(["rank", CA_MAU, "-o", file]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "", ""]);
    wb = await workbook(file);
    csv = csvRecords(run(["rank", CA_MAU, "-f", "csv"]).stdout);
  }, 60_000);

  it("has one sheet per level, each under the result's heading", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Bảng xếp hạng so", "Bảng xếp hạng huyen", "Bảng xếp hạng xa"]);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(String(ws.getCell("A1").value)).toMatch(/^Bộ chỉ số đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin/);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("Kỳ đánh giá: 2019 · Bộ tiêu chí: vn-cqdt-2019 v2019 · Minh họa, không phải văn bản chính thức");
    expect(ws.getCell("A3").value).toBe("Sở, ban, ngành (so) · 20 đơn vị, 20 xếp hạng");
  });

  it("the header of the annex (STT, unit, pillars with their maxima, total, max, %, rank, band, status), frozen, with a filter", () => {
    const ws = wb.getWorksheet("Bảng xếp hạng so") as ExcelJS.Worksheet;
    expect(texts(ws, 5)).toEqual([
      "STT",
      "Mã",
      "Đơn vị",
      "Hạ tầng kỹ thuật (15)",
      "Ứng dụng công nghệ thông tin trong nội bộ (25)",
      "Dịch vụ công trực tuyến và một cửa (33)",
      "Nhân lực và công tác chỉ đạo (10)",
      "An toàn thông tin (5)",
      "Mức độ hài lòng (10)",
      "Tổng điểm",
      "Tối đa",
      "%",
      "Hạng",
      "Xếp loại",
      "Trạng thái",
    ]);
    expect(ws.getCell("A5").font?.bold).toBe(true);
    expect(frozenAt(ws)).toEqual({ state: "frozen", ySplit: 5, xSplit: 0 });
    expect(ws.autoFilter).toBe("A5:O25");
    // printed as an annex: A4 landscape, one page wide, the header repeated
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "5:5" });
    // the level of communes names each commune's district
    expect(texts(wb.getWorksheet("Bảng xếp hạng xa") as ExcelJS.Worksheet, 5).slice(0, 4)).toEqual(["STT", "Mã", "Đơn vị", "Trực thuộc"]);
  });

  it("every figure is a number cell with a number format, and the same number rank -f csv writes", () => {
    for (const ws of wb.worksheets) {
      const level = ws.name.split(" ").pop() as string;
      const rows = records(ws, 5);
      const expected = csv.filter((c) => c.level === level);
      expect(rows.map((r) => r["Mã"]?.value)).toEqual(expected.map((c) => c.code));
      rows.forEach((r, i) => {
        const c = expected[i] as Record<string, string>;
        expect(r["STT"]?.value).toBe(i + 1);
        expect(r["Tổng điểm"]?.value).toBe(num(c.score));
        expect(r["%"]?.value).toBe(num(c.percent));
        // (a unit that sent nothing has its level's maximum in the annex, as its peers do)
        if (c.status !== "not-ranked") expect(r["Tối đa"]?.value).toBe(num(c.max));
        expect(r["Hạng"]?.value).toBe(num(c.rank));
        expect(r["Hạ tầng kỹ thuật (15)"]?.value).toBe(num(c["ha-tang"]));
        if (c.status !== "not-ranked") {
          expect([r["Tổng điểm"]?.numFmt, r["%"]?.numFmt, r["Hạng"]?.numFmt]).toEqual(["0.00", "0.00", "0"]);
          expect(typeof r["Tổng điểm"]?.value).toBe("number");
        }
      });
    }
  });

  it("a unit that sent nothing is listed, not ranked", () => {
    const xa = records(wb.getWorksheet("Bảng xếp hạng xa") as ExcelJS.Worksheet, 5);
    const out = xa.filter((r) => r["Trạng thái"]?.value === "không xếp hạng");
    expect(out.length).toBe(csv.filter((c) => c.level === "xa" && c.status === "not-ranked").length);
    expect(out.length).toBeGreaterThan(0);
    for (const r of out) expect([r["Hạng"]?.value, r["Xếp loại"]?.value]).toEqual([null, "Không xếp hạng"]);
  });
});

describe("rank -f xlsx, other ways", () => {
  it("--level and --top: the rows shown, the heading counting the whole level; in English with --lang en", async () => {
    const file = out("top.xlsx");
    const r = run(["rank", CA_MAU, "--level", "huyen", "--top", "3", "-o", file, "--lang", "en"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ranking huyen"]);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell("A3").value).toBe("District People's Committees (huyen) · 9 units, 9 ranked · shown 3");
    expect(records(ws, 5).map((x) => x["Rank"]?.value)).toEqual([1, 2, 3]);
  });

  it("to a pipe: the workbook's bytes on stdout; on a terminal: refused (USAGE_BINARY_TERMINAL), exit 2", async () => {
    const piped = spawnSync(process.execPath, [BIN, "rank", CA_MAU, "--level", "so", "-f", "xlsx"], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    expect(piped.status).toBe(0);
    const wb = await workbook(piped.stdout);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Bảng xếp hạng so"]);
    const tty = spawnSync("script", ["-qec", `${process.execPath} ${BIN} rank ${CA_MAU} -f xlsx --lang en`, "/dev/null"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", LANG: "C" } });
    if (tty.error) return; // no `script` on this machine: the pipe case above still ran
    expect(tty.status).toBe(2);
    expect(tty.stdout).toContain("error USAGE_BINARY_TERMINAL: xlsx is a binary format and stdout is a terminal");
    expect(tty.stdout).toContain("-o rank.xlsx");
  });

  it("an .xlsx output is always a workbook: CSV flags or another -f with it are usage errors that write nothing", () => {
    for (const [args, code] of [
      [["--excel"], "USAGE_CSV_FLAG"],
      [["--decimal", ",", "--delimiter", ";"], "USAGE_CSV_FLAG"],
      [["-f", "csv"], "USAGE_FORMAT_CONFLICT"],
    ] as const) {
      const file = out("r.xlsx");
      const r = run(["rank", CA_MAU, "-o", file, ...args, "--lang", "en"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^error ${code}:`));
      expect(r.stderr).not.toMatch(NO_STACK);
      expect(existsSync(file)).toBe(false);
    }
  });

  it("a run stopped by bad data leaves an existing workbook as it was", () => {
    const file = out("r.xlsx");
    writeFileSync(file, "before");
    const r = run(["rank", CA_MAU, "--data", "nowhere/*.csv", "-o", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(readFileSync(file, "utf8")).toBe("before");
  });
});

describe("score -o scores.xlsx", () => {
  it("one row per unit and indicator, as score -f csv, with the indicator's name; values, rates and points as numbers", async () => {
    const file = out("scores.xlsx");
    const r = run(["score", CA_MAU, "--level", "so", "-o", file, "--lang", "en"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Detail"]);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell("A2").value).toBe("Period: 2019 · Criteria: vn-cqdt-2019 v2019 · Illustrative, not an official text");
    const header = rowOf(ws, "Level");
    expect(texts(ws, header)).toEqual(["Level", "Code", "Unit", "Indicator", "Name", "Value", "Numerator", "Denominator", "Rate", "Points", "Max", "Status"]);
    expect(frozenAt(ws)).toMatchObject({ state: "frozen", ySplit: header });
    const rows = records(ws, header);
    const csv = csvRecords(run(["score", CA_MAU, "--level", "so", "-f", "csv"]).stdout);
    expect(rows.length).toBe(csv.length);
    rows.forEach((x, i) => {
      const c = csv[i] as Record<string, string>;
      expect([x["Code"]?.value, x["Indicator"]?.value]).toEqual([c.code, c.indicator]);
      expect(x["Points"]?.value).toBe(c.points === "" ? null : Number(c.points));
      expect(x["Rate"]?.value).toBe(c.rate === "" ? null : Number(c.rate));
      if (c.rate !== "") expect(x["Rate"]?.numFmt).toBe("0.0%");
      if (c.points !== "") expect(x["Points"]?.numFmt).toBe("0.00");
    });
    expect(rows.find((x) => x["Indicator"]?.value === "may-tinh")?.["Name"]?.value).toBe("Staff with a computer");
  });
});

describe("compare -o changes.xlsx", () => {
  it("a sheet per level: both sides' rank, score, percentage and band, and the changes as signed numbers", async () => {
    const file = out("changes.xlsx");
    const r = run(["compare", CA_MAU, CA_MAU_2020, "-o", file, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(NO_STACK);
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Comparison so", "Comparison huyen", "Comparison xa"]);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("Comparison: 2019 → 2020");
    const header = rowOf(ws, "Code");
    expect(texts(ws, header)).toEqual([
      "Code",
      "Unit",
      "Rank · 2019",
      "Rank · 2020",
      "Move",
      "Score · 2019",
      "Score · 2020",
      "Score · Change",
      "% · 2019",
      "% · 2020",
      "% · Change (pp)",
      "Band · 2019",
      "Band · 2020",
      "Status",
    ]);
    expect(frozenAt(ws)).toMatchObject({ state: "frozen", ySplit: header });
    const csv = csvRecords(run(["compare", CA_MAU, CA_MAU_2020, "--level", "so", "-f", "csv"]).stdout);
    const rows = records(ws, header);
    expect(rows.map((x) => x["Code"]?.value)).toEqual(csv.map((c) => c.code));
    rows.forEach((x, i) => {
      const c = csv[i] as Record<string, string>;
      expect(x["Score · Change"]?.value).toBe(num(c.score_change));
      if (c.score_change !== "") expect(x["Score · Change"]?.numFmt).toBe("+0.00;-0.00;0.00");
      expect(x["Rank · 2020"]?.value).toBe(num(c.rank_after));
      // ranks gained as a number, shown ↑3, ↓1 or =
      expect(x["Move"]?.value).toBe(num(c.move));
      if (c.move !== "") expect(x["Move"]?.numFmt).toBe('"↑"0;"↓"0;"="');
      expect(x["Status"]?.value).toBe(c.presence === "both" ? null : c.presence);
    });
  });
});

describe("sensitivity -o robustness.xlsx", () => {
  it("a sheet per level: the nominal rank, the 5–95% interval as whole numbers, the band shares as percentages", async () => {
    const file = out("robustness.xlsx");
    const r = run(["sensitivity", CA_MAU, "--level", "so", "--runs", "60", "--workers", "0", "-o", file, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(NO_STACK);
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Sensitivity of the ranking so"]);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(String(ws.getCell("A1").value)).toMatch(/^Sensitivity of the ranking: /);
    expect(String(ws.getCell("A3").value)).toMatch(/^60 runs, seed 1/);
    const header = rowOf(ws, "Code");
    expect(texts(ws, header).slice(0, 11)).toEqual(["Code", "Unit", "Rank", "%", "Median", "P5", "P95", "Shift", "Band", "Band · Change", "Excellent"]);
    const csv = csvRecords(run(["sensitivity", CA_MAU, "--level", "so", "--runs", "60", "--workers", "0", "-f", "csv"]).stdout);
    const rows = records(ws, header);
    expect(rows.map((x) => x["Code"]?.value)).toEqual(csv.map((c) => c.code));
    rows.forEach((x, i) => {
      const c = csv[i] as Record<string, string>;
      expect([x["Rank"]?.value, x["P5"]?.value, x["P95"]?.value]).toEqual([c.rank, c.p5, c.p95].map(num));
      expect(x["P95"]?.numFmt).toBe("0");
      expect(x["Excellent"]?.value).toBe(Number(c.p_xuat_sac ?? c["p_xuat-sac"]));
      expect(x["Excellent"]?.numFmt).toBe("0.0%");
    });
  });
});
