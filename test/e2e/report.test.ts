// report, rank -f md and explain, run as a user runs them: the built CLI on the Cà Mau sample
// and on test/fixtures/report; the workbook read back with exceljs.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, folder, ROOT, run } from "../helpers/exec.ts";

const CA_MAU = "samples/ca-mau-2019";
const FIXTURE = "test/fixtures/report";
const NO_STACK = /^\s+at |node:internal/m;
const csvRows = (csv: string): string[][] => parse(csv) as string[][];

async function workbook(file: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === "string") await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as objects keyed by the header row. */
function records(ws: ExcelJS.Worksheet, headerRow = 1): Record<string, ExcelJS.CellValue>[] {
  const header = (ws.getRow(headerRow).values as ExcelJS.CellValue[]).slice(1).map(String);
  const out: Record<string, ExcelJS.CellValue>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
  }
  return out;
}

describe("report -f md (the default on stdout)", () => {
  it("has, per level, the summary, the ranking, the pillars, the gaps and the units not ranked", () => {
    const r = run(["report", CA_MAU]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.startsWith("# Báo cáo kết quả đánh giá: ")).toBe(true);
    for (const h of ["## Sở, ban, ngành (so)", "## UBND cấp huyện (huyen)", "## UBND cấp xã (xa)"]) expect(r.stdout).toContain(h);
    expect(r.stdout.match(/^### Tổng hợp$/gm)).toHaveLength(3);
    expect(r.stdout.match(/^### Phân tích điểm yếu$/gm)).toHaveLength(3);
    // the commune that sent nothing is listed with its reason
    expect(r.stdout).toMatch(/\| 970-09 \| [^|]+ \| [^|]+ \| không gửi dữ liệu \|/);
    // 20 departments, all in the summary row
    expect(r.stdout).toContain("| 20 | 20 | 0 |");
  });

  it("every table row has as many cells as its header", () => {
    const out = run(["report", CA_MAU, "--lang", "en"]).stdout;
    const blocks = out.split(/\n\n/).filter((b) => b.startsWith("|"));
    expect(blocks.length).toBeGreaterThan(15);
    for (const b of blocks) {
      const lines = b.split("\n").filter((l) => l.startsWith("|"));
      const cells = (l: string) => l.replace(/\\\|/g, "").split("|").length;
      for (const l of lines) expect(cells(l), l).toBe(cells(lines[0] as string));
    }
  });

  it("--level keeps one level; -o FILE.md writes Markdown", () => {
    const dir = folder({});
    const out = path.join(dir, "r.md");
    const r = run(["report", CA_MAU, "--level", "huyen", "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const md = readFileSync(out, "utf8");
    expect(md).toContain("## UBND cấp huyện (huyen)");
    expect(md).not.toContain("(xa)");
  });

  it("rank -f md: GitHub-flavoured tables with the same ranks as csv", () => {
    const md = run(["rank", CA_MAU, "-f", "md", "--level", "huyen"]).stdout;
    const csv = csvRows(run(["rank", CA_MAU, "-f", "csv", "--level", "huyen"]).stdout).slice(1);
    const body = md.split("\n").filter((l) => /^\| \d/.test(l));
    expect(body.map((l) => l.split(" | ")[1])).toEqual(csv.map((c) => c[2]));
    expect(md).toMatch(/^\|---:\|---\|---\|/m);
  });
});

describe("report -o FILE.html", () => {
  let html = "";
  beforeAll(() => {
    const out = path.join(folder({}), "r.html");
    const r = run(["report", CA_MAU, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    html = readFileSync(out, "utf8");
  });

  it("is one self-contained file: no script, no link, no external URL", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(|src=/i);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, "")).not.toMatch(/https?:/);
    expect(html).toContain("Content-Security-Policy");
  });

  it("has a section per level with its charts, and a print stylesheet breaking pages between levels", () => {
    expect(html.match(/<section class="level"/g)).toHaveLength(3);
    // per level: band chart, ranking chart, pillar chart, then one profile per ranked unit
    expect(html.match(/<svg class="chart"/g)).toHaveLength(9);
    expect(html.match(/<svg class="chart profile-chart"/g)).toHaveLength(20 + 9 + 100);
    expect(html.match(/class="threshold"/g)).toHaveLength(3 * 4);
    expect(html).toContain("@page { size: A4");
    expect(html).toContain("section.level + section.level { break-before: page; }");
  });

  it("Vietnamese labels for the Vietnamese criteria, English with --lang en", () => {
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain("Phân tích điểm yếu");
    const out = path.join(folder({}), "r.html");
    run(["report", CA_MAU, "-o", out, "--lang", "en", "--level", "so"]);
    const en = readFileSync(out, "utf8");
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Gap analysis");
  });
});

describe("report -f xlsx", () => {
  let file = "";
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    file = path.join(folder({}), "r.xlsx");
    const r = run(["report", CA_MAU, "-o", file]);
    expect(r.code, r.stderr).toBe(0);
    wb = await workbook(file);
  });

  it("has the overview, a ranking per level, the pillars, the gaps and the detail", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng quan", "Bảng xếp hạng so", "Bảng xếp hạng huyen", "Bảng xếp hạng xa", "Lĩnh vực", "Phân tích điểm yếu", "Chi tiết"]);
  });

  it("the ranking cells read back with the same numbers as rank -f csv", () => {
    const csv = csvRows(run(["rank", CA_MAU, "-f", "csv"]).stdout);
    const head = csv[0] as string[];
    const col = (k: string) => head.indexOf(k);
    const pillars = head.slice(col("status") + 1);
    for (const level of ["so", "huyen", "xa"]) {
      const ws = wb.getWorksheet(`Bảng xếp hạng ${level}`)!;
      const rows = records(ws);
      const expected = csv.filter((c) => c[0] === level);
      expect(rows.map((r) => r["Mã"])).toEqual(expected.map((c) => c[col("code")]));
      const pillarHeads = Object.keys(rows[0]!).filter((k) => /\(\d+\)$/.test(k));
      expect(pillarHeads).toHaveLength(pillars.length);
      for (const [i, c] of expected.entries()) {
        const r = rows[i]!;
        const num = (v: string | undefined) => (v === "" || v === undefined ? null : Number(v));
        expect(r["Tổng điểm"] ?? null).toBe(num(c[col("score")]));
        // a unit not ranked has no score, so no maximum (nor percentage), as in rank's CSV
        expect(r["Tối đa"] ?? null).toBe(c[col("status")] === "not-ranked" ? null : num(c[col("max")]));
        expect(r["%"] ?? null).toBe(num(c[col("percent")]));
        expect(r["Hạng"] ?? null).toBe(num(c[col("rank")]));
        pillarHeads.forEach((h, j) => expect(r[h] ?? null).toBe(num(c[col("status") + 1 + j])));
      }
    }
  });

  it("the detail sheet carries the value, numerator, denominator, rate, points and maximum of score -f csv", () => {
    const score = csvRows(run(["score", CA_MAU, "-f", "csv"]).stdout);
    const rows = records(wb.getWorksheet("Chi tiết")!);
    expect(rows).toHaveLength(score.length - 1);
    const num = (v: string | undefined) => (v === "" || v === undefined ? null : Number(v));
    for (const [i, s] of score.slice(1).entries()) {
      const r = rows[i]!;
      expect([r["Mã"], r["Chỉ số"]]).toEqual([s[1], s[3]]);
      expect([r["Tử số"] ?? null, r["Mẫu số"] ?? null, r["Tỉ lệ"] ?? null, r["Điểm"] ?? null, r["Tối đa"] ?? null]).toEqual([num(s[5]), num(s[6]), num(s[7]), num(s[8]), num(s[9])]);
      if (/^-?\d/.test(s[4] ?? "")) expect(r["Giá trị"]).toBe(Number(s[4]));
    }
  });

  it("numbers are numeric cells with formats; headers frozen and filtered; columns fit the names", () => {
    const ws = wb.getWorksheet("Bảng xếp hạng xa")!;
    const head = (ws.getRow(1).values as string[]).slice(1);
    const at = (h: string) => head.indexOf(h) + 1;
    const cell = ws.getRow(2).getCell(at("Tổng điểm"));
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.numFmt).toBe("0.00");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const names = ws.getColumn(at("Đơn vị")).values.slice(2).map((v) => [...String(v ?? "")].length);
    expect(ws.getColumn(at("Đơn vị")).width).toBeGreaterThanOrEqual(Math.min(60, Math.max(...names)));
    const detail = wb.getWorksheet("Chi tiết")!;
    const dh = (detail.getRow(1).values as string[]).slice(1);
    expect(detail.getRow(2).getCell(dh.indexOf("Tỉ lệ") + 1).numFmt).toBe("0.0%");
    const ov = wb.getWorksheet("Tổng quan")!;
    expect(ov.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(records(ov, 4).map((r) => [r["Cấp"], r["Số đơn vị đánh giá"], r["Được xếp hạng"]])).toEqual([
      ["so", 20, 20],
      ["huyen", 9, 9],
      ["xa", 101, 100],
    ]);
  });

  it("goes to stdout on a pipe, and is refused on a terminal", () => {
    const piped = spawnSync(process.execPath, [BIN, "report", FIXTURE, "-f", "xlsx"], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" } });
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 2).toString()).toBe("PK");
    // `script` gives the command a terminal for stdout
    const tty = spawnSync("script", ["-qec", `${process.execPath} ${BIN} report ${FIXTURE} -f xlsx`, "/dev/null"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", LANG: "C" } });
    if (tty.error) return; // no `script` on this machine: the pipe case above still ran
    expect(tty.status).toBe(2);
    expect(tty.stdout).toContain("USAGE_BINARY_TERMINAL");
    expect(tty.stdout).toContain("-o");
  });
});

describe("atomic output for report files", () => {
  it.each(["html", "xlsx", "md"])("a failed %s run leaves an existing file as it was", (ext) => {
    const dir = folder({ "c.yaml": "id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nindicators:\n  - { id: a, max: 1, rule: { type: points } }\n", "egov-score.yaml": "criteria: c.yaml\ndata: d.csv\n", "d.csv": "code,a\nA,abc\n" });
    const out = path.join(dir, `r.${ext}`);
    writeFileSync(out, "old");
    const r = run(["report", dir, "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("VALUE_NOT_A_NUMBER");
    expect(readFileSync(out, "utf8")).toBe("old");
  });

  it("a rename that fails (the target is a folder) leaves no temporary file behind", () => {
    const dir = folder({ "r.xlsx/keep.txt": "kept" });
    const r = run(["report", FIXTURE, "-o", path.join(dir, "r.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("OUTPUT_FAILED");
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(readdirSync(dir)).toEqual(["r.xlsx"]);
    expect(readFileSync(path.join(dir, "r.xlsx/keep.txt"), "utf8")).toBe("kept");
  });

  it("refuses to write the report over an input", () => {
    const dir = folder({});
    mkdirSync(path.join(dir, "a"));
    const r = run(["report", FIXTURE, "-o", path.join(ROOT, FIXTURE, "criteria.yaml"), "-f", "html"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("USAGE_OUTPUT_IS_INPUT");
  });
});

describe("report formats and usage", () => {
  it("the format follows the -o extension; -f overrides it; other formats are refused", () => {
    const dir = folder({});
    run(["report", FIXTURE, "-o", path.join(dir, "a.html")]);
    expect(readFileSync(path.join(dir, "a.html"), "utf8").startsWith("<!DOCTYPE html>")).toBe(true);
    run(["report", FIXTURE, "-o", path.join(dir, "b.txt")]);
    expect(readFileSync(path.join(dir, "b.txt"), "utf8").startsWith("# ")).toBe(true);
    run(["report", FIXTURE, "-o", path.join(dir, "c.txt"), "-f", "html"]);
    expect(readFileSync(path.join(dir, "c.txt"), "utf8").startsWith("<!DOCTYPE html>")).toBe(true);
    // (commander's message, in the language of the assessment's criteria: Vietnamese here)
    const bad = run(["report", FIXTURE, "-f", "csv"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/các giá trị được nhận: md, html, xlsx/);
    expect(run(["report", FIXTURE, "-f", "csv", "--lang", "en"]).stderr).toMatch(/Allowed choices are md, html, xlsx/);
  });

  it("--help lists report and explain; exceljs is bundled, in a file of its own that only xlsx output loads", () => {
    const h = run(["--help"]).stdout;
    expect(h).toContain("report");
    expect(h).toContain("explain");
    expect(run(["report", "--help"]).stdout.replace(/\s+/g, " ")).toContain('output format (default: from the -o extension, else md) (choices: "md", "html", "xlsx")');
    // dist/excel.js holds exceljs's code; the CLI's bundle does not, nor does it name the package
    // (it is not installed with egov-score) ...
    const cli = readFileSync(path.join(ROOT, "dist/cli.js"), "utf8");
    expect(readFileSync(path.join(ROOT, "dist/excel.js"), "utf8")).toContain("WorksheetWriter");
    expect(cli).not.toContain("WorksheetWriter");
    expect(cli).not.toMatch(/require\("exceljs"\)|from\s*"exceljs"|import\("exceljs"\)/);
    // ... and only the workbook renderers (results, forms) and the workbook reader require
    // dist/excel.js, when they run
    const requires = [...cli.matchAll(/require\("\.\/excel\.js"\)/g)].map((m) => cli.slice(0, m.index).lastIndexOf("\n// "));
    expect(requires.length).toBeGreaterThan(0);
    // esbuild heads each module's code with a comment naming its file
    expect(new Set(requires.map((at) => cli.slice(at + 4, cli.indexOf("\n", at + 1))))).toEqual(new Set(["src/render/xlsx.ts", "src/render/xlsx-form.ts", "src/load/workbook.ts"]));
    // always inside the function that needs it, never when the bundle starts
    expect([...cli.matchAll(/(.{40})require\("\.\/excel\.js"\)/g)].every((m) => m[1]!.includes("Promise.resolve().then("))).toBe(true);
  });
});

describe("explain", () => {
  it("by code: every indicator with its value, source, rule and arithmetic; the total, band, rank and neighbours", () => {
    const r = run(["explain", "S02", CA_MAU]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe("Sở Nội vụ (S02) · Sở, ban, ngành (so) · 2019");
    expect(r.stdout).toMatch(/may-tinh · Tỷ lệ cán bộ, công chức được trang bị máy tính +\d+,\d\d \/ 5/);
    expect(r.stdout).toMatch(/giá trị: 40\/51 → 78,431373 +samples\/ca-mau-2019\/data\/so\.csv:3:2 \(dòng 3, cột 2 "may-tinh\.num"\)/);
    expect(r.stdout).toContain("cách tính: 40 / 51 × 100 = 78,431373 · tỷ lệ 0,784314 · 0,784314 × 5 = 3,921569");
    expect(r.stdout).toMatch(/^Tổng điểm: \d+,\d\d \/ 98 = \d+,\d\d% · Xếp loại: \S+ · Hạng \d+\/20$/m);
    expect(r.stdout).toMatch(/^ {2}xếp trên: \d+\. /m);
    expect(r.stdout).toMatch(/^ {2}xếp dưới: \d+\. /m);
    expect(r.stdout).toContain("Điểm thưởng (tối đa 3)");
  });

  it("by a part of the name, without accents; -f json with the same total as rank", () => {
    const j = JSON.parse(run(["explain", "so noi vu", CA_MAU, "-f", "json"]).stdout);
    expect(j.schemaVersion).toBe(1);
    expect(j.unit).toMatchObject({ code: "S02", level: "so", status: expect.any(String) });
    const csv = csvRows(run(["rank", CA_MAU, "-f", "csv", "--level", "so"]).stdout).find((c) => c[2] === "S02")!;
    expect([j.score, j.max, j.percent, j.rank]).toEqual([Number(csv[5]), Number(csv[6]), Number(csv[7]), Number(csv[1])]);
    expect(j.indicators).toHaveLength(23);
    const mt = j.indicators.find((i: { id: string }) => i.id === "may-tinh");
    expect(mt).toMatchObject({ value: { raw: "40/51", numerator: 40, denominator: 51 }, source: { line: 3, column: 2, header: "may-tinh.num" }, max: 5 });
    const groupSum = j.groups.filter((g: { depth: number }) => g.depth === 1).reduce((s: number, g: { points: number }) => s + g.points, 0);
    expect(groupSum).toBeCloseTo(j.base, 9);
  });

  it("an unknown unit exits 2 with the closest codes and names", () => {
    const r = run(["explain", "S2O", CA_MAU, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/error UNIT_NOT_FOUND: no unit has the code or name "S2O"; did you mean S20 \(Ban Quản lý Khu kinh tế\), /);
    expect(r.stderr).toContain("S02 (Sở Nội vụ)");
    expect(r.stderr).not.toMatch(NO_STACK);
    const byName = run(["explain", "Tran Van Thoy", CA_MAU, "--lang", "en"]);
    expect(byName.code).toBe(2);
    expect(byName.stderr).toContain("968 (Huyện Trần Văn Thời)");
  });

  it("a name shared by several units exits 2 and lists them", () => {
    const r = run(["explain", "Sở", CA_MAU, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/UNIT_AMBIGUOUS: "Sở" matches \d+ units: S\d\d \(/);
  });

  it("an exact name, administrative prefix and accents aside, wins over the names that contain it", () => {
    // Xã Khánh Bình, beside Xã Khánh Bình Đông, Tây and Tây Bắc
    const r = run(["explain", "Khanh Binh", CA_MAU]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe("Xã Khánh Bình (968-03) · UBND cấp xã (xa) · 2019");
    const tay = run(["explain", "binh tay", CA_MAU, "--lang", "en"]);
    expect(tay.code).toBe(2);
    expect(tay.stderr).toMatch(/UNIT_AMBIGUOUS: "binh tay" matches 2 units: 968-05 \(Xã Khánh Bình Tây\), 968-06 \(Xã Khánh Bình Tây Bắc\)/);
  });

  it("a unit not ranked says why", () => {
    const r = run(["explain", "970-09", CA_MAU, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Not ranked: no data submitted");
  });
});
