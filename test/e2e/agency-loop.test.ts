// The agency loop end to end, through the built CLI: the department makes an assessment folder
// (`init --xlsx`), sends each agency its form (`template --unit CODE -o CODE.xlsx`, and a level's
// form for the districts), the agencies fill them in (here with exceljs, as a script would), the
// workbooks go back into the data folder as they are, beside CSV files, and the folder validates,
// ranks (the same ranking as the CSV sample holding the same figures) and reports as a workbook.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { folder, ROOT, run } from "../helpers/exec.ts";

const SAMPLE = path.join(ROOT, "samples/ca-mau-2019");
const rowsOf = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true });
const cellValue = (v: string): string | number => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);

/** The form's data sheet, and the number of its header row (the row whose first cell is "code"). */
async function dataSheet(file: string): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; header: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets.find((w) => w.state === "visible" && w.getColumn(1).values.includes("code")) as ExcelJS.Worksheet;
  let header = 0;
  ws.eachRow((row, n) => {
    if (header === 0 && row.getCell(1).value === "code") header = n;
  });
  return { wb, ws, header };
}

/** A unit's long form filled with its figures: value, or numerator and denominator, per indicator row. */
async function fillUnitForm(file: string, figures: Record<string, string>): Promise<void> {
  const { wb, ws, header } = await dataSheet(file);
  const col = (name: string) => (ws.getRow(header).values as unknown[]).indexOf(name);
  const [ind, value, num, den] = [col("indicator"), col("value"), col("numerator"), col("denominator")];
  ws.eachRow((row, n) => {
    if (n <= header) return;
    const id = String(row.getCell(ind).value);
    for (const [c, v] of [[value, figures[id]], [num, figures[`${id}.num`]], [den, figures[`${id}.den`]]] as const) if (v !== undefined && v !== "") row.getCell(c).value = cellValue(v);
  });
  await wb.xlsx.writeFile(file);
}

/** A level's wide form filled: each unit's row, each indicator's column (a ratio given as its percentage). */
async function fillLevelForm(file: string, figures: Map<string, Record<string, string>>): Promise<void> {
  const { wb, ws, header } = await dataSheet(file);
  const names = ws.getRow(header).values as unknown[];
  ws.eachRow((row, n) => {
    const r = n > header ? figures.get(String(row.getCell(1).value)) : undefined;
    if (!r) return;
    names.forEach((h, c) => {
      if (typeof h !== "string" || ["code", "name", "level", "parent"].includes(h) || h.endsWith(".evidence")) return;
      if (r[h] !== undefined && r[h] !== "") row.getCell(c).value = cellValue(r[h]);
      else if (r[`${h}.num`]) row.getCell(c).value = (Number(r[`${h}.num`]) * 100) / Number(r[`${h}.den`]);
    });
  });
  await wb.xlsx.writeFile(file);
}

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe("the agency loop: init, forms as workbooks, filled, put back, validate, rank, report", () => {
  it("ranks as the CSV sample with the same figures, and reports as a workbook", async () => {
    const cwd = folder({});
    made.push(cwd);
    const dir = path.join(cwd, "2019");
    expect(run(["init", "2019", "--from", "vn-cqdt-2019", "--xlsx", "--period", "2019", "-q"], { cwd }).code).toBe(0);
    // the department's registry of the assessed units
    copyFileSync(path.join(SAMPLE, "units.csv"), path.join(dir, "units.csv"));
    const data = path.join(dir, "data");
    const templates = readdirSync(data);
    expect(templates.some((f) => f.endsWith(".xlsx"))).toBe(true);

    // forms: two departments by unit, the districts by level
    for (const code of ["S01", "S02"]) {
      const t = run(["template", dir, "--unit", code, "-o", path.join(cwd, `${code}.xlsx`), "-q"]);
      expect(t.code, t.stderr).toBe(0);
    }
    const lf = run(["template", dir, "--level", "huyen", "-o", path.join(cwd, "huyen.xlsx"), "-q"]);
    expect(lf.code, lf.stderr).toBe(0);

    // filled by the agencies, and put back as they are; the empty templates leave the folder
    const so = rowsOf(path.join(SAMPLE, "data/so.csv"));
    for (const code of ["S01", "S02"]) await fillUnitForm(path.join(cwd, `${code}.xlsx`), so.find((r) => r.code === code) as Record<string, string>);
    await fillLevelForm(path.join(cwd, "huyen.xlsx"), new Map(rowsOf(path.join(SAMPLE, "data/huyen.csv")).map((r) => [r.code as string, r])));
    for (const f of templates) rmSync(path.join(data, f));
    for (const f of ["S01.xlsx", "S02.xlsx", "huyen.xlsx"]) copyFileSync(path.join(cwd, f), path.join(data, f));
    // the other departments and the communes sent CSV
    const soCsv = readFileSync(path.join(SAMPLE, "data/so.csv"), "utf8").split("\n");
    writeFileSync(path.join(data, "so-khac.csv"), soCsv.filter((l) => !/^S0[12],/.test(l)).join("\n"));
    copyFileSync(path.join(SAMPLE, "data/xa.csv"), path.join(data, "xa.csv"));

    const v = run(["validate", dir, "-f", "json", "--lang", "en"]);
    const report = JSON.parse(v.stdout);
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity !== "note"), v.stdout).toEqual([]);
    expect(v.code).toBe(0);
    expect(report.units).toBe(130);
    // the forms' own instructions and lists sheets go without a note: a folder of a hundred forms
    // would print a hundred of them (a sheet of another workbook is still noted: test/load/workbook)
    expect(report.diagnostics).toEqual([]);

    const rank = run(["rank", dir, "-f", "csv", "-q"]);
    expect(rank.code, rank.stderr).toBe(0);
    expect(rank.stdout).toBe(run(["rank", SAMPLE, "-f", "csv"]).stdout);

    const out = path.join(cwd, "bao-cao.xlsx");
    const rep = run(["report", dir, "-o", out, "-q"]);
    expect(rep.code, rep.stderr).toBe(0);
    expect(existsSync(out) && statSync(out).size).toBeGreaterThan(10_000);
  }, 120_000);
});
