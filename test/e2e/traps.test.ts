// The mistakes of people who fill in Excel files, one folder each under test/fixtures/traps/
// (made by scripts/make-traps.mjs from samples/ca-mau-2019): each one is read as the user meant
// it, or validate --strict says what and where, on both readers; and rank never exits 0 with a
// wrong result in silence. Then the clean samples, --provisional, and the forms of `template`.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run } from "../helpers/exec.ts";

const TRAPS = path.join(ROOT, "test/fixtures/traps");
const SAMPLE = path.join(ROOT, "samples/ca-mau-2019");

type Position = [code: string, file: string | null, line: number | null, column: number | null];
interface Trap {
  mistake: string;
  validate: { exit: number; strict: number; diagnostics: Position[] | { codes: string[]; first: Position }; message?: string; period?: string };
  rank: "same" | "same-warns" | "warns" | "stops";
}
interface JsonDiagnostic {
  code: string;
  severity: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
  period?: string;
}

const original = run(["rank", SAMPLE, "-f", "csv", "--lang", "en"]).stdout;

/** A diagnostic's position, its file relative to the trap's folder. */
const position = (dir: string, d: JsonDiagnostic): Position => [d.code, d.file ? path.relative(dir, path.resolve(ROOT, d.file)) : null, d.line ?? null, d.column ?? null];

const traps = readdirSync(TRAPS).sort();

describe("the corpus of traps", () => {
  it("holds at least 30 mistakes, each a folder with its manifest and its expectations", () => {
    expect(traps.length).toBeGreaterThanOrEqual(30);
    for (const id of traps) expect(readdirSync(path.join(TRAPS, id))).toEqual(expect.arrayContaining(["egov-score.yaml", "trap.json"]));
  });
});

describe.each(traps)("%s", (id) => {
  const dir = path.join(TRAPS, id);
  const trap = JSON.parse(readFileSync(path.join(dir, "trap.json"), "utf8")) as Trap;
  const expected = trap.validate.diagnostics;
  const first = Array.isArray(expected) ? expected[0] : expected.first;

  it(`validate --strict names the code and the position, on both readers (${trap.mistake})`, () => {
    expect(run(["validate", dir, "--lang", "en"]).code).toBe(trap.validate.exit);
    for (const env of [{}, { EGOV_SCORE_LARGE: "always" }] as Record<string, string>[]) {
      const v = run(["validate", dir, "--strict", "--lang", "en", "-f", "json"], { env });
      expect(v.code, v.stderr).toBe(trap.validate.strict);
      const diags = (JSON.parse(v.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
      const got = diags.map((d) => position(dir, d));
      if (Array.isArray(expected)) expect(got).toEqual(expected);
      else {
        expect(new Set(got.map((g) => g[0]))).toEqual(new Set(expected.codes));
        expect(got).toContainEqual(expected.first);
      }
      const firstFound = diags.find((d) => first && d.code === first[0]);
      if (trap.validate.message) expect(firstFound?.message).toContain(trap.validate.message);
      if (trap.validate.period) expect(firstFound?.period).toBe(trap.validate.period);
      // --strict: no warning is left a warning
      expect(diags.filter((d) => d.severity === "warning")).toEqual([]);
    }
  });

  it(`rank: ${trap.rank}`, () => {
    const r = run(["rank", dir, "-f", "csv", "--lang", "en"]);
    const told = first ? r.stderr.includes(first[0]) : true;
    switch (trap.rank) {
      case "same":
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toBe(original);
        break;
      case "same-warns":
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toBe(original);
        expect(told, r.stderr).toBe(true);
        break;
      case "warns":
        expect(r.code, r.stderr).toBe(0);
        expect(told, r.stderr).toBe(true);
        break;
      case "stops":
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(told, r.stderr).toBe(true);
        break;
    }
    // never a different ranking, exit 0, without a word on stderr
    if (r.code === 0 && r.stdout !== original) expect(r.stderr).toMatch(/warning [A-Z_]+/);
  });
});

describe("an absent column in CI", () => {
  it("is in the job summary of validate --strict (as an error) and of rank (as a warning)", () => {
    const dir = path.join(TRAPS, "04-column-deleted");
    for (const [args, severity] of [[["validate", dir, "--strict"], "error"], [["rank", dir, "-f", "csv"], "warning"]] as const) {
      const summary = path.join(mkdtempSync(path.join(tmpdir(), "egov-score-summary-")), "summary.md");
      run([...args, "--lang", "en"], { env: { GITHUB_STEP_SUMMARY: summary } });
      expect(readFileSync(summary, "utf8")).toMatch(new RegExp(`\\*\\*${severity}\\*\\* \`DATA_COLUMN_ABSENT\` \`[^\`]*data/huyen\\.csv:1\`: no file of level "huyen" has the column "ky-so" .*: its 9 units .* 6 points at stake`));
    }
  });
});

describe("the clean samples", () => {
  it("pass validate --strict with 0 warnings, the multi-period series too (every period checked, no note)", () => {
    for (const s of ["ca-mau-2019", "ca-mau-2020", "ca-mau-2019-self", "un-egdi"]) {
      const v = run(["validate", path.join(ROOT, "samples", s), "--strict", "--lang", "en"]);
      expect(v.code, v.stdout).toBe(0);
      expect(v.stdout).toMatch(/^0 errors, 0 warnings · /m);
    }
    const series = run(["validate", path.join(ROOT, "samples/ca-mau-series"), "--strict", "--lang", "en"]);
    expect(series.code, series.stdout).toBe(0);
    // both periods' folders are read: the series manifest, then each period's manifest, units and
    // three data files, and the criteria they share
    expect(series.stdout).toBe("0 errors, 0 warnings · checked 12 files, 131 units\n");
  });
});

/** A copy of a trap's folder (or of the sample), its relative paths kept working. */
function copyOf(from: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "egov-score-trap-")), "a", "b", "c", path.basename(from));
  cpSync(from, dir, { recursive: true });
  const m = path.join(dir, "egov-score.yaml");
  writeFileSync(m, readFileSync(m, "utf8").replaceAll("../../../../", `${ROOT}/`).replace("../../criteria/", `${ROOT}/criteria/`));
  return dir;
}

describe("rank --provisional and report --provisional", () => {
  const dir = path.join(TRAPS, "07-points-above-maximum");
  const twoErrors = (() => {
    const d = copyOf(dir);
    const f = path.join(d, "data/so.csv");
    const lines = readFileSync(f, "utf8").split("\n");
    lines[2] = (lines[2] as string).replace(/^S02,40,51,có,33,40,89\.7,/, "S02,40,51,có,33,40,8x9.7,");
    writeFileSync(f, lines.join("\n"));
    return d;
  })();

  it("without the flag, errors stop the run as before", () => {
    const r = run(["rank", twoErrors, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });

  it("ranks, treating each cell in error as missing, and marks the table, the CSV, the JSON and the Markdown", () => {
    const table = run(["rank", twoErrors, "--provisional", "--lang", "en", "--level", "so"]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("TẠM TÍNH / PROVISIONAL: 2 cells in error\n");
    expect(table.stdout).toMatch(/data\/so\.csv:2:28: VALUE_ABOVE_MAX: 2\.5 for "sang-kien" of unit "S01"/);
    expect(table.stdout).toMatch(/data\/so\.csv:3:7: VALUE_NOT_A_NUMBER: "8x9\.7" in "van-ban-dien-tu"/);
    expect(table.stderr).toContain("error VALUE_ABOVE_MAX");

    const csv = run(["rank", twoErrors, "--provisional", "--lang", "en", "-f", "csv"]).stdout.trimEnd().split("\n");
    expect(csv[0]).toMatch(/,provisional$/);
    expect(csv.slice(1).every((l) => /,TẠM TÍNH \/ PROVISIONAL(:[^,]*)?$/.test(l))).toBe(true);
    expect(csv.find((l) => l.includes(",S01,"))).toMatch(/,TẠM TÍNH \/ PROVISIONAL: sang-kien VALUE_ABOVE_MAX .*data\/so\.csv:2:28$/);
    // the same bytes when the files are streamed
    expect(run(["rank", twoErrors, "--provisional", "--lang", "en", "-f", "csv"], { env: { EGOV_SCORE_LARGE: "always" } }).stdout.trimEnd().split("\n")).toEqual(csv);

    const json = JSON.parse(run(["rank", twoErrors, "--provisional", "--lang", "en", "-f", "json"]).stdout) as { provisional: { heading: string; cellsInError: number; cells: { code: string; unit: string; indicator: string; line: number; column: number }[] } };
    expect(json.provisional.heading).toBe("TẠM TÍNH / PROVISIONAL: 2 cells in error");
    expect(json.provisional.cells.map((c) => [c.code, c.unit, c.indicator, c.line, c.column])).toEqual([
      ["VALUE_NOT_A_NUMBER", "S02", "van-ban-dien-tu", 3, 7],
      ["VALUE_ABOVE_MAX", "S01", "sang-kien", 2, 28],
    ]);
    expect(run(["rank", twoErrors, "--provisional", "-f", "md"]).stdout).toMatch(/^> \*\*TẠM TÍNH \/ PROVISIONAL: 2 ô có lỗi\*\*$/m);
  });

  it("the cell in error scores as a missing value: the same as the cell left empty", () => {
    const emptied = copyOf(dir);
    const f = path.join(emptied, "data/so.csv");
    const lines = readFileSync(f, "utf8").split("\n");
    const at = (lines[0] as string).split(",").indexOf("sang-kien");
    const row = (lines[1] as string).split(",");
    row[at] = "";
    lines[1] = row.join(",");
    writeFileSync(f, lines.join("\n"));
    const provisional = run(["rank", dir, "--provisional", "-f", "csv", "--lang", "en"]).stdout.split("\n").map((l) => l.replace(/,(TẠM TÍNH \/ PROVISIONAL.*|provisional)$/, ""));
    const clean = run(["rank", emptied, "-f", "csv", "--lang", "en"]).stdout.split("\n");
    expect(provisional[0]).toBe(`${clean[0]}`);
    expect(provisional.slice(1)).toEqual(clean.slice(1));
  });

  it("report: a banner in HTML, the mark on the workbook's sheets and a sheet of the cells", async () => {
    const html = run(["report", twoErrors, "--provisional", "-f", "html", "--lang", "en"]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/<div class="provisional" role="alert"><p><b>TẠM TÍNH \/ PROVISIONAL: 2 cells in error<\/b>/);
    const out = path.join(mkdtempSync(path.join(tmpdir(), "egov-score-prov-")), "r.xlsx");
    expect(run(["report", twoErrors, "--provisional", "-o", out]).code).toBe(0);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Bảng xếp hạng so")?.getCell("A1").value).toBe("TẠM TÍNH / PROVISIONAL: 2 ô có lỗi");
    const cells = wb.getWorksheet("TẠM TÍNH - PROVISIONAL");
    expect(cells?.getCell("A1").value).toBe("TẠM TÍNH / PROVISIONAL: 2 ô có lỗi");
    expect([cells?.getCell("D5").value, cells?.getCell("E5").value]).toEqual(["VALUE_NOT_A_NUMBER", "S02"]);
  });

  it("other errors still stop it (an unknown unit is not a cell)", () => {
    const r = run(["rank", path.join(TRAPS, "09-mistyped-code-with-name"), "--provisional"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("DATA_UNKNOWN_UNIT");
  });
});

describe("template follows the manifest's input: settings", () => {
  it("a folder made by init --excel gets a ';' form that validate reads back", () => {
    const base = mkdtempSync(path.join(tmpdir(), "egov-score-tpl-"));
    expect(run(["init", "tinh", "--excel", "--yes"], { cwd: base }).code).toBe(0);
    const dir = path.join(base, "tinh");
    writeFileSync(path.join(dir, "units.csv"), "\ufeffcode;name;level;parent\nS01;Sở Nội vụ;so;\n");
    const t = run(["template", "--unit", "S01", "-o", "data/S01.csv"], { cwd: dir });
    expect(t.code, t.stderr).toBe(0);
    const form = readFileSync(path.join(dir, "data/S01.csv"), "utf8");
    expect(form.startsWith("\ufeffcode;name;level;indicator;")).toBe(true);
    // filled in as the unit would, with a decimal comma; read alone (the empty templates aside)
    const filled = form.replace(/^(S01;Sở Nội vụ;so;ky-so;.*;)(;;;)$/m, "$185,5;;;");
    writeFileSync(path.join(dir, "data/S01.csv"), filled);
    const v = run(["validate", "--lang", "en", "--data", "data/S01.csv"], { cwd: dir });
    expect(v.stdout).not.toMatch(/CSV_SYNTAX|CSV_NO_CODE_COLUMN|CSV_DELIMITER_MISMATCH|VALUE_/);
    expect(v.code, v.stdout).toBe(0);
  });
});
