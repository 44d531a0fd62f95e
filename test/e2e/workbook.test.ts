// Workbooks read as data, through the built CLI: the sample as workbooks saved by LibreOffice
// ranks byte for byte as the CSV sample; a problem in a workbook is placed at its sheet and cell in
// every output format; a workbook is read whole, even where CSV files are streamed.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { folder, ROOT, run } from "../helpers/exec.ts";

const CSV_SAMPLE = "samples/ca-mau-2019";
const XLSX_SAMPLE = "samples/ca-mau-2019-xlsx";
const CELL_ERROR = "test/fixtures/broken/workbook-cell-error";
const STACK = /^\s+at |node:internal|internal error/m;

describe("samples/ca-mau-2019-xlsx: the sample as workbooks", () => {
  it.each([["csv"], ["json"], ["md"], ["table"]])("rank -f %s is byte-identical to the CSV sample's", (format) => {
    const csv = run(["rank", CSV_SAMPLE, "-f", format]);
    const xlsx = run(["rank", XLSX_SAMPLE, "-f", format]);
    expect(csv.code).toBe(0);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stderr).toBe("");
    expect(xlsx.stdout.length).toBeGreaterThan(1000);
    expect(xlsx.stdout).toBe(csv.stdout);
  });

  it("rank with streaming forced (EGOV_SCORE_LARGE=always) reads workbooks whole and gives the same", () => {
    const csv = run(["rank", CSV_SAMPLE, "-f", "csv"]);
    const xlsx = run(["rank", XLSX_SAMPLE, "-f", "csv"], { env: { EGOV_SCORE_LARGE: "always" } });
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stdout).toBe(csv.stdout);
  });

  it("validate reads the registry and the three workbooks; score shows the same values", () => {
    const v = run(["validate", XLSX_SAMPLE, "-f", "json"]);
    expect(v.code).toBe(0);
    const j = JSON.parse(v.stdout);
    expect(j).toMatchObject({ valid: true, errors: 0, warnings: 0, units: 130 });
    expect(j.files).toEqual(expect.arrayContaining([expect.stringMatching(/units\.xlsx$/), expect.stringMatching(/data\/xa\.xlsx$/)]));
    expect(run(["score", XLSX_SAMPLE, "-f", "csv"]).stdout).toBe(run(["score", CSV_SAMPLE, "-f", "csv"]).stdout);
  });

  it("explain names the cell a value was read from: file › sheet › cell", () => {
    const e = run(["explain", "S01", XLSX_SAMPLE, "--lang", "en", "-f", "json"]);
    expect(e.code, e.stderr).toBe(0);
    const sources = JSON.stringify(JSON.parse(e.stdout));
    expect(sources).toContain('"sheet":"so"');
    expect(sources).toMatch(/"cell":"[A-Z]+2"/);
    const t = run(["explain", "S01", XLSX_SAMPLE, "--lang", "en"]);
    expect(t.stdout).toMatch(/samples\/ca-mau-2019-xlsx\/data\/so\.xlsx › so › [A-Z]+2/);
  });

  it("--data takes a workbook as it takes a CSV file", () => {
    const r = run(["rank", "--criteria", "criteria/vn-cqdt-2019.yaml", "--units", `${XLSX_SAMPLE}/units.xlsx`, "--data", `${XLSX_SAMPLE}/data/so.xlsx`, "-f", "csv", "--level", "so"]);
    expect(r.code, r.stderr).toBe(0);
    const csv = run(["rank", "--criteria", "criteria/vn-cqdt-2019.yaml", "--units", `${CSV_SAMPLE}/units.csv`, "--data", `${CSV_SAMPLE}/data/so.csv`, "-f", "csv", "--level", "so"]);
    expect(r.stdout).toBe(csv.stdout);
  });
});

describe("a problem in a workbook is placed at its sheet and cell, in every format", () => {
  const file = `${CELL_ERROR}/data/scores.xlsx`;

  it("text: file › sheet › cell; rank exits 2 with it and no stack", () => {
    const v = run(["validate", CELL_ERROR, "--lang", "en"]);
    expect(v.code).toBe(2);
    expect(v.stdout).toContain(`${file} › scores › E4: error VALUE_CELL_ERROR: "#DIV/0!" in "dvc" is a spreadsheet error, not a value`);
    const r = run(["rank", CELL_ERROR, "--lang", "vi"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${file} › scores › E4: lỗi VALUE_CELL_ERROR`);
    expect(r.stderr).not.toMatch(STACK);
  });

  it("json: the row as line, the column number, the sheet and the cell", () => {
    const j = JSON.parse(run(["validate", CELL_ERROR, "-f", "json"]).stdout);
    expect(j.diagnostics).toMatchObject([{ code: "VALUE_CELL_ERROR", file, line: 4, column: 5, sheet: "scores", cell: "E4" }]);
  });

  it("sarif: the row as the region's line, the sheet and cell as properties and in the message", () => {
    const s = JSON.parse(run(["validate", CELL_ERROR, "-f", "sarif", "--lang", "en"]).stdout);
    const r = s.runs[0].results[0];
    expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: file }, region: { startLine: 4 } });
    expect(r.properties).toEqual({ sheet: "scores", cell: "E4" });
    expect(r.message.text).toMatch(/^scores › E4: "#DIV\/0!"/);
  });

  it("github: an annotation on the file and row, the sheet and cell leading the message", () => {
    const g = run(["validate", CELL_ERROR, "-f", "github", "--lang", "en"]).stdout;
    expect(g).toContain(`::error file=${file},line=4,title=egov-score VALUE_CELL_ERROR::scores › E4: "#DIV/0!" in "dvc"`);
  });

  it("junit and gitlab: the place with its sheet and cell", () => {
    const ju = run(["validate", CELL_ERROR, "-f", "junit", "--lang", "en"]).stdout;
    expect(ju).toContain(`name="VALUE_CELL_ERROR ${file} › scores › E4"`);
    const gl = JSON.parse(run(["validate", CELL_ERROR, "-f", "gitlab", "--lang", "en"]).stdout);
    expect(gl[0]).toMatchObject({ check_name: "VALUE_CELL_ERROR", location: { path: file, lines: { begin: 4 } } });
    expect(gl[0].description).toContain("scores › E4: ");
  });
});

describe("a manifest data entry names the sheet and the header row", () => {
  const fixture = path.join(ROOT, "test/fixtures/accepted/workbook-long-sheet");
  const withManifest = (manifest: string) =>
    folder({
      "egov-score.yaml": manifest,
      "criteria.yaml": readFileSync(path.join(fixture, "criteria.yaml")),
      "units.xlsx": readFileSync(path.join(fixture, "units.xlsx")),
      "data/phieu.xlsx": readFileSync(path.join(fixture, "data/phieu.xlsx")),
    });

  it("a sheet the workbook does not have: the error names the manifest's file and lists the sheets", () => {
    const dir = withManifest('criteria: criteria.yaml\nunits: units.xlsx\ndata:\n  - { file: data/phieu.xlsx, sheet: "Phieu" }\n');
    const j = JSON.parse(run(["validate", dir, "-f", "json", "--lang", "en"]).stdout);
    expect(j.diagnostics.map((d: { code: string; file: string; args: { known?: string } }) => [d.code, path.basename(d.file), d.args.known])).toEqual([["WORKBOOK_SHEET_NOT_FOUND", "phieu.xlsx", "Hướng dẫn, Phiếu"]]);
  });

  it("without header-row:, a title cell that reads like the header is taken for it, and the rows below do not fit: header-row: is the way out", () => {
    const dir = withManifest("criteria: criteria.yaml\nunits: units.xlsx\ndata:\n  - { file: data/phieu.xlsx, sheet: Phiếu }\n");
    const r = run(["validate", dir, "-f", "json"]);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.diagnostics[0]).toMatchObject({ sheet: "Phiếu", line: 4 });
    const fixed = withManifest("criteria: criteria.yaml\nunits: units.xlsx\ndata:\n  - { file: data/phieu.xlsx, sheet: Phiếu, header-row: 4 }\n");
    expect(run(["rank", fixed, "-f", "csv"]).stdout).toBe(run(["rank", fixture, "-f", "csv"]).stdout);
  });

  it("header-row: must be a whole number from 1: the manifest's own error, at the key", () => {
    const dir = withManifest("criteria: criteria.yaml\nunits: units.xlsx\ndata:\n  - { file: data/phieu.xlsx, header-row: 0 }\n");
    const r = run(["validate", dir, "-f", "json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ file: expect.stringMatching(/egov-score\.yaml$/), line: 4 });
  });
});
