// Broken inputs, run through the built CLI as a user would. Every case is the shared base
// (test/fixtures/broken/_base) with one fault; `validate` must name the fault by code, file, line
// and column, and `rank` must refuse the same input with exit 2, the same code on stderr, nothing
// on stdout and no stack trace. Valid variants of the base (encodings, delimiters, decimal commas,
// long files, not-applicable tokens) must be read to the same ranking.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { windows1258 } from "../helpers/encodings.ts";
import { folder, ROOT, run } from "../helpers/exec.ts";

const BROKEN = path.join(ROOT, "test/fixtures/broken");
const ACCEPTED = path.join(ROOT, "test/fixtures/accepted");
const BASE = path.join(BROKEN, "_base");

const base = (file: string): string => readFileSync(path.join(BASE, file), "utf8");

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The base in a temporary folder, with some files replaced (text or bytes). */
function variant(files: Record<string, string | Uint8Array>): string {
  const dir = folder({
    "egov-score.yaml": base("egov-score.yaml"),
    "criteria.yaml": base("criteria.yaml"),
    "units.csv": base("units.csv"),
    "data/scores.csv": base("data/scores.csv"),
    ...files,
  });
  made.push(dir);
  return dir;
}


/** How to run a case: from the folder above it, so that `validate <dir>` shows paths as `<dir>/…`. */
function place(dir: string): { cwd: string; arg: string } {
  return { cwd: path.dirname(dir), arg: path.basename(dir) };
}

interface JsonDiagnostic {
  code: string;
  severity: "error" | "warning";
  file: string | null;
  line: number | null;
  column: number | null;
  /** in a workbook: the sheet and the cell (A1) */
  sheet?: string;
  cell?: string | null;
  message: string;
  hint: string | null;
}

const STACK = /^\s+at |node:internal|internal error/m;

/** The text form of a diagnostic's head, as `validate` prints it on stdout and `rank` on stderr. */
function head(d: JsonDiagnostic): string {
  const where = d.sheet !== undefined ? [d.file, d.sheet, d.cell].filter((x) => x !== null).join(" › ") : [d.file, d.line, d.column].filter((x) => x !== null).join(":");
  return `${where ? `${where}: ` : ""}error ${d.code}: `;
}

interface BrokenCase {
  name: string;
  /** the expected error */
  code: string;
  /** relative to the assessment folder; null when the diagnostic names no file */
  file: string | null;
  line: number | null;
  /** omitted: not asserted (the loader gives none where it could; see the notes on the row) */
  column?: number | null;
  /** in a workbook: the sheet, and the cell as Excel names it (C7); null: none */
  sheet?: string | null;
  cell?: string | null;
  /** other error codes the same fault may bring along */
  also?: string[];
  /** text the hint must contain */
  hint?: string;
  /** builds the folder (bytes awkward to commit); default: the fixture folder named `name` */
  make?: () => string;
}

const broken: BrokenCase[] = [
  // YAML
  { name: "yaml-bad-indent", code: "YAML_SYNTAX", file: "criteria.yaml", line: 13, column: 1 },
  { name: "yaml-tab-indent", code: "YAML_TAB", file: "criteria.yaml", line: 12, column: 1, also: ["YAML_SYNTAX"], hint: "spaces" },
  { name: "yaml-duplicate-key", code: "YAML_DUPLICATE_KEY", file: "criteria.yaml", line: 34, column: 9 },
  { name: "criteria-empty", code: "FILE_EMPTY", file: "criteria.yaml", line: 1, column: 1 },
  { name: "yaml-unclosed-bracket", code: "YAML_UNCLOSED", file: "criteria.yaml", line: 27, column: 15, hint: "}" },
  // criteria schema: the position of the key itself, or of the bad value
  // `maxx` replaces `max`, so the missing max is reported too.
  { name: "criteria-unknown-key", code: "CRITERIA_UNKNOWN_KEY", file: "criteria.yaml", line: 33, column: 9, also: ["SCHEMA_REQUIRED"] },
  { name: "criteria-unknown-rule-type", code: "SCHEMA_VALUE", file: "criteria.yaml", line: 27, column: 23 },
  { name: "criteria-wrong-type", code: "SCHEMA_TYPE", file: "criteria.yaml", line: 33, column: 14 },
  // criteria semantics
  { name: "criteria-steps-order", code: "CRITERIA_STEPS_ORDER", file: "criteria.yaml", line: 43, column: 26 },
  { name: "criteria-step-bound", code: "CRITERIA_STEP_BOUND", file: "criteria.yaml", line: 43, column: 15 },
  { name: "criteria-max-sum", code: "CRITERIA_MAX_SUM", file: "criteria.yaml", line: 30, column: 10 },
  { name: "criteria-bands-order", code: "CRITERIA_BANDS_ORDER", file: "criteria.yaml", line: 57, column: 23 },
  { name: "criteria-duplicate-id", code: "CRITERIA_DUPLICATE_ID", file: "criteria.yaml", line: 36, column: 13 },
  { name: "criteria-unknown-parent-level", code: "CRITERIA_UNKNOWN_LEVEL", file: "criteria.yaml", line: 13, column: 13, hint: "huyen, xa" },
  { name: "criteria-unknown-indicator-level", code: "CRITERIA_UNKNOWN_LEVEL", file: "criteria.yaml", line: 25, column: 25 },
  // Both levels are in the cycle; each is reported at its own parent:.
  { name: "criteria-level-cycle", code: "CRITERIA_LEVEL_CYCLE", file: "criteria.yaml", line: 11, column: 13 },
  // manifest and files
  { name: "manifest-unknown-key", code: "MANIFEST_UNKNOWN_KEY", file: "egov-score.yaml", line: 3, column: 1 },
  { name: "manifest-unknown-input-key", code: "MANIFEST_UNKNOWN_KEY", file: "egov-score.yaml", line: 4, column: 3 },
  { name: "manifest-bad-encoding", code: "SCHEMA_VALUE", file: "egov-score.yaml", line: 4, column: 13 },
  { name: "criteria-not-found", code: "FILE_NOT_FOUND", file: "tieu-chi.yaml", line: null, column: null },
  { name: "criteria-is-directory", code: "FILE_IS_DIRECTORY", file: "data", line: null, column: null },
  { name: "data-file-not-found", code: "FILE_NOT_FOUND", file: "data/diem.csv", line: null, column: null },
  { name: "glob-no-match", code: "GLOB_NO_MATCH", file: "egov-score.yaml", line: 4, column: 5 },
  { name: "data-empty-file", code: "FILE_EMPTY", file: "data/scores.csv", line: 1, column: null },
  // encodings
  {
    name: "utf-16-without-bom",
    make: () => variant({ "data/scores.csv": Buffer.from(base("data/scores.csv"), "utf16le") }),
    code: "ENCODING_UTF16_NO_BOM",
    file: "data/scores.csv",
    line: 1,
    column: null,
    hint: "input.encoding: utf-16le",
  },
  // CSV structure: a column is the field number
  { name: "csv-ragged", code: "CSV_RAGGED", file: "data/scores.csv", line: 3, column: null },
  { name: "csv-unclosed-quote", code: "CSV_SYNTAX", file: "data/scores.csv", line: 4, column: 5 },
  { name: "csv-no-code-column", code: "CSV_NO_CODE_COLUMN", file: "data/scores.csv", line: 1, column: null },
  { name: "csv-duplicate-header", code: "CSV_DUPLICATE_HEADER", file: "data/scores.csv", line: 1, column: 8 },
  // workbooks (made by scripts/make-workbooks.mjs, saved by LibreOffice unless said otherwise)
  { name: "workbook-not-a-workbook", code: "WORKBOOK_UNREADABLE", file: "data/scores.xlsx", line: null, column: null, sheet: null, hint: ".xlsx" },
  // encrypted as Excel does (ECMA-376 agile encryption, by officecrypto-tool)
  { name: "workbook-password", code: "WORKBOOK_ENCRYPTED", file: "data/scores.xlsx", line: null, column: null, sheet: null, hint: "password" },
  { name: "workbook-xls", code: "FILE_IS_WORKBOOK", file: "data/scores.xls", line: null, column: null, sheet: null, hint: ".xlsx" },
  { name: "workbook-empty-sheet", code: "WORKBOOK_SHEET_EMPTY", file: "data/scores.xlsx", line: null, column: null, sheet: "Sheet1", cell: null },
  { name: "workbook-no-header", code: "WORKBOOK_NO_HEADER", file: "data/scores.xlsx", line: null, column: null, sheet: "scores", cell: null, hint: "header-row:" },
  // written by exceljs, which saves formulas without calculating them
  { name: "workbook-formula-no-value", code: "WORKBOOK_FORMULA_NO_VALUE", file: "data/scores.xlsx", line: 3, column: 5, sheet: "scores", cell: "E3" },
  { name: "workbook-cell-error", code: "VALUE_CELL_ERROR", file: "data/scores.xlsx", line: 4, column: 5, sheet: "scores", cell: "E4" },
  // units
  { name: "data-duplicate-unit", code: "DATA_DUPLICATE_UNIT", file: "data/scores.csv", line: 6, column: 1 },
  { name: "data-unknown-unit", code: "DATA_UNKNOWN_UNIT", file: "data/scores.csv", line: 5, column: 1 },
  // The unit with the bad level is then missing from the registry, so its data row is unknown too.
  { name: "data-unknown-level", code: "DATA_UNKNOWN_LEVEL", file: "units.csv", line: 5, column: 3 },
  { name: "long-unknown-indicator", code: "DATA_UNKNOWN_INDICATOR", file: "data/long.csv", line: 2, column: 2 },
  // The parent checks give the unit's row but no column (the parent cell, column 4, would be better).
  { name: "unit-parent-missing", code: "UNIT_PARENT_MISSING", file: "units.csv", line: 5, column: 4 },
  { name: "unit-parent-wrong-level", code: "UNIT_PARENT_LEVEL", file: "units.csv", line: 5, column: 4 },
  { name: "unit-own-parent", code: "UNIT_PARENT_CYCLE", file: "units.csv", line: 5, column: 4 },
  // values
  { name: "value-decimal-comma", code: "VALUE_DECIMAL_COMMA", file: "data/scores.csv", line: 4, column: 5, hint: 'input.decimal: ","' },
  { name: "value-decimal-dot", code: "VALUE_DECIMAL_DOT", file: "data/scores.csv", line: 4, column: 5 },
  { name: "value-percent-above-100", code: "VALUE_OUT_OF_RANGE", file: "data/scores.csv", line: 3, column: 5 },
  { name: "value-negative-count", code: "VALUE_NEGATIVE", file: "data/scores.csv", line: 5, column: 6 },
  { name: "value-num-above-den", code: "VALUE_NUM_ABOVE_DEN", file: "data/scores.csv", line: 2, column: 2 },
  { name: "value-half-ratio", code: "VALUE_HALF_RATIO", file: "data/scores.csv", line: 2, column: 3 },
  { name: "value-not-boolean", code: "VALUE_NOT_BOOLEAN", file: "data/scores.csv", line: 3, column: 4 },
  { name: "value-unknown-category", code: "VALUE_UNKNOWN_CATEGORY", file: "data/scores.csv", line: 5, column: 7 },
  { name: "missing-value-error", code: "MISSING_VALUE", file: "data/scores.csv", line: 5, column: 5 },
  // added with the hardening issue: YAML limits, encodings of YAML, number forms, more structure
  {
    name: "yaml-alias-bomb",
    make: () =>
      variant({
        "criteria.yaml": [
          "a: &a [x, x, x, x, x, x, x, x, x, x]",
          ...Array.from({ length: 9 }, (_, i) => {
            const p = String.fromCharCode(97 + i);
            const q = String.fromCharCode(98 + i);
            return `${q}: &${q} [${Array(10).fill(`*${p}`).join(", ")}]`;
          }),
        ].join("\n"),
      }),
    code: "YAML_ALIAS_LIMIT",
    file: "criteria.yaml",
    line: 1,
    column: 1,
  },
  { name: "yaml-too-deep", make: () => variant({ "criteria.yaml": `a: ${"[".repeat(5000)}${"]".repeat(5000)}\n` }), code: "YAML_TOO_DEEP", file: "criteria.yaml", line: 1, column: null, hint: "--max-depth" },
  { name: "criteria-in-windows-1258", make: () => variant({ "criteria.yaml": windows1258(base("criteria.yaml")) }), code: "ENCODING_INVALID_UTF8", file: "criteria.yaml", line: 3, column: null },
  { name: "criteria-missing-rule", make: () => variant({ "criteria.yaml": base("criteria.yaml").replace("        rule: { type: ratio }\n", "") }), code: "SCHEMA_REQUIRED", file: "criteria.yaml", line: 20, column: 9 },
  { name: "criteria-negative-max", make: () => variant({ "criteria.yaml": base("criteria.yaml").replace("        max: 5\n        unit: percent", "        max: -5\n        unit: percent") }), code: "SCHEMA_RANGE", file: "criteria.yaml", line: 21, column: 14 },
  { name: "criteria-unknown-band-key", make: () => variant({ "criteria.yaml": base("criteria.yaml").replace("{ id: tot, min: 80 }", "{ id: tot, mini: 80 }") }), code: "CRITERIA_UNKNOWN_KEY", file: "criteria.yaml", line: 55, column: 18, also: ["SCHEMA_REQUIRED"] },
  { name: "criteria-duplicate-category", make: () => variant({ "criteria.yaml": base("criteria.yaml").replace("{ value: pho-chu-tich, points: 2 }", "{ value: Chu-Tich, points: 2 }") }), code: "CRITERIA_DUPLICATE_CATEGORY", file: "criteria.yaml", line: 51, column: 15 },
  { name: "criteria-goalposts", make: () => variant({ "criteria.yaml": base("criteria.yaml").replace("        rule: { type: ratio }\n      - id: mang", "        rule: { type: linear, lower: 90, upper: 10 }\n      - id: mang") }), code: "CRITERIA_GOALPOSTS", file: "criteria.yaml", line: 23, column: 15 },
  { name: "manifest-empty", make: () => variant({ "egov-score.yaml": "" }), code: "NO_CRITERIA", file: "egov-score.yaml", line: null, column: null, also: ["NO_DATA"] },
  { name: "manifest-data-wrong-type", make: () => variant({ "egov-score.yaml": "criteria: criteria.yaml\nunits: units.csv\ndata: 5\n" }), code: "SCHEMA_TYPE", file: "egov-score.yaml", line: 3, column: 7 },
  { name: "units-no-code-column", make: () => variant({ "units.csv": base("units.csv").replace("code,", "ma,") }), code: "CSV_NO_CODE_COLUMN", file: "units.csv", line: 1, column: null },
  { name: "unit-parent-cycle", make: () => variant({ "units.csv": base("units.csv").replace("X1,Xã Tân Thuận,xa,H1", "X1,Xã Tân Thuận,xa,X2").replace("X2,Xã Hàm Rồng,xa,H2", "X2,Xã Hàm Rồng,xa,X1") }), code: "UNIT_PARENT_CYCLE", file: "units.csv", line: 4, column: 4 },
  { name: "data-no-code", make: () => variant({ "data/scores.csv": base("data/scores.csv").replace("H2,30,60", ",30,60") }), code: "DATA_NO_CODE", file: "data/scores.csv", line: 3, column: 1 },
  { name: "data-value-given-twice", make: () => variant({ "data/long.csv": "code,indicator,value\nH1,dvc,70\n" }), code: "DATA_DUPLICATE_VALUE", file: "data/scores.csv", line: 2, column: 5 },
  { name: "value-1e308-percent", make: () => variant({ "data/scores.csv": base("data/scores.csv").replace("90.5", "1e308") }), code: "VALUE_OUT_OF_RANGE", file: "data/scores.csv", line: 4, column: 5 },
  { name: "value-nan", make: () => variant({ "data/scores.csv": base("data/scores.csv").replace("90.5", "NaN") }), code: "VALUE_NOT_A_NUMBER", file: "data/scores.csv", line: 4, column: 5 },
  { name: "value-infinity", make: () => variant({ "data/scores.csv": base("data/scores.csv").replace("90.5", "Infinity") }), code: "VALUE_NOT_A_NUMBER", file: "data/scores.csv", line: 4, column: 5 },
  { name: "value-double-minus", make: () => variant({ "data/scores.csv": base("data/scores.csv").replace("90.5,12,", "90.5,--5,") }), code: "VALUE_NOT_A_NUMBER", file: "data/scores.csv", line: 4, column: 6 },
  { name: "value-nul-byte", make: () => variant({ "data/scores.csv": base("data/scores.csv").replace("90.5", "9\u00000") }), code: "VALUE_NOT_A_NUMBER", file: "data/scores.csv", line: 4, column: 5 },
  { name: "value-percent-sign-above-100", make: () => variant({ "data/scores.csv": base("data/scores.csv").replace("không,50,", "không,120%,") }), code: "VALUE_OUT_OF_RANGE", file: "data/scores.csv", line: 3, column: 5 },
  { name: "value-vietnamese-thousands-under-dot", make: () => variant({ "data/scores.csv": base("data/scores.csv").replace("80,120,", '80,"1.234.567,8",') }), code: "VALUE_DECIMAL_COMMA", file: "data/scores.csv", line: 2, column: 6, hint: 'input.decimal: ","' },
  {
    name: "value-english-thousands-under-comma",
    make: () => variant({ "egov-score.yaml": `${base("egov-score.yaml")}input: { decimal: "," }\n`, "data/scores.csv": base("data/scores.csv").replace("80,120,", '80,"1,234,567.8",').replace("90.5", '"90,5"') }),
    code: "VALUE_NOT_A_NUMBER",
    file: "data/scores.csv",
    line: 2,
    column: 6,
  },
];

describe("broken input: validate names the fault, rank refuses it cleanly", () => {
  it.each(broken)("$name: $code", (c) => {
    const { cwd, arg } = place(c.make ? c.make() : path.join(BROKEN, c.name));

    const v = run(["validate", arg, "-f", "json"], { cwd });
    expect(v.stderr).not.toMatch(STACK);
    expect(v.code).toBe(2);
    const report = JSON.parse(v.stdout) as { valid: boolean; diagnostics: JsonDiagnostic[] };
    expect(report.valid).toBe(false);
    const want: Partial<JsonDiagnostic> = { code: c.code, severity: "error", file: c.file === null ? null : `${arg}/${c.file}`, line: c.line };
    if (c.column !== undefined) want.column = c.column;
    if (c.sheet !== undefined) want.sheet = c.sheet ?? undefined;
    if (c.cell !== undefined) want.cell = c.cell;
    const found = report.diagnostics.find((d) => Object.entries(want).every(([k, x]) => d[k as keyof JsonDiagnostic] === x));
    expect(found, JSON.stringify(report.diagnostics, null, 2)).toBeDefined();
    const d = found as JsonDiagnostic;
    expect(d.message).not.toBe("");
    if (c.hint) expect(d.hint).toContain(c.hint);
    const others = report.diagnostics.filter((x) => x.severity === "error" && x.code !== c.code && !c.also?.includes(x.code));
    expect(others).toEqual([]);

    const r = run(["rank", arg], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(head(d));
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe("validate prints file:line:col: error CODE: message, then a hint", () => {
  it.each([
    { name: "criteria-unknown-key", text: 'criteria.yaml:33:9: error CRITERIA_UNKNOWN_KEY: unknown key "maxx" in groups[1].indicators[0]' },
    { name: "csv-ragged", text: "data/scores.csv:3: error CSV_RAGGED: the row has 6 cells but the header has 7" },
    { name: "criteria-not-found", text: "tieu-chi.yaml: error FILE_NOT_FOUND: file not found: criteria-not-found/tieu-chi.yaml" },
  ])("$name", ({ name, text }) => {
    const v = run(["validate", name], { cwd: BROKEN });
    expect(v.code).toBe(2);
    expect(v.stderr).not.toMatch(STACK);
    const lines = v.stdout.split("\n");
    const at = lines.indexOf(`${name}/${text}`);
    expect(at, v.stdout).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(/^ {2}hint: \S/);
    expect(v.stdout).toMatch(/^\d+ errors?, \d+ warnings? · /m);
  });
});

// The ranking of the base; every variant below that carries the same figures must give it.
const BASE_RANKING = [
  "level,rank,code,name,parent,score,max,percent,band,band_label,status,ha-tang,dich-vu",
  "huyen,1,H1,Huyện Đầm Dơi,,18.2,20,91,tot,tot,ranked,9,9.2",
  "huyen,2,H2,Huyện Năm Căn,,7.5,20,37.5,yeu,yeu,ranked,2.5,5",
  "xa,1,X1,Xã Tân Thuận,H1,17.62,20,88.1,tot,tot,ranked,10,7.62",
  "xa,2,X2,Xã Hàm Rồng,H2,5.5,20,27.5,yeu,yeu,ranked,2.5,3",
];

interface GoodCase {
  name: string;
  /** the folder: a generated one, else test/fixtures/accepted/<name> */
  make?: () => string;
  /** the command and its flags; default: rank -f csv */
  args?: [string, ...string[]];
  /** the lines stdout must hold, in order; default: the base ranking */
  lines?: string[];
  /** what stderr says (a note); default: nothing */
  stderr?: RegExp;
}

const good: GoodCase[] = [
  { name: "the shared base", make: () => BASE },
  {
    name: "UTF-8 with a byte-order mark (every file)",
    make: () =>
      variant(Object.fromEntries(["egov-score.yaml", "criteria.yaml", "units.csv", "data/scores.csv"].map((f) => [f, `\ufeff${base(f)}`]))),
  },
  {
    // an agency's registry saved by older Excel, among UTF-8 files: read as windows-1258, with a note
    name: "windows-1258 under input.encoding auto",
    make: () => variant({ "units.csv": windows1258(base("units.csv")) }),
    stderr: /units\.csv: note ENCODING_WINDOWS_1258: .*units\.csv is not UTF-8: read as windows-1258/,
  },
  { name: "UTF-16LE with a byte-order mark", make: () => variant({ "data/scores.csv": Buffer.from(`\ufeff${base("data/scores.csv")}`, "utf16le") }) },
  {
    name: "windows-1258 declared in the manifest",
    make: () =>
      variant({
        "egov-score.yaml": `${base("egov-score.yaml")}input:\n  encoding: windows-1258\n`,
        "units.csv": windows1258(base("units.csv")),
        "data/scores.csv": windows1258(base("data/scores.csv")),
      }),
  },
  { name: "semicolon-delimiter" },
  { name: "tab-delimiter" },
  {
    // 97,28 and 1.234,5 under decimal ","; 1234.5 reaches the top step (3 points).
    name: "decimal-comma",
    args: ["score", "-f", "csv"],
    lines: [
      "level,code,name,indicator,value,numerator,denominator,rate,points,max,status",
      "huyen,H1,Huyện Đầm Dơi,dvc,97.28,,,0.9728,3.8912,4,scored",
      "huyen,H1,Huyện Đầm Dơi,ho-so,1234.5,,,1,3,3,scored",
      "xa,X1,Xã Tân Thuận,dvc,90.5,,,0.905,3.62,4,scored",
    ],
  },
  // X2 comes from a long file (code,indicator,value,numerator,denominator,evidence), the rest from the wide one.
  { name: "long-and-wide" },
  // A workbook as agencies fill it in (test/fixtures/accepted/workbook-form): an instructions sheet
  // and a hidden sheet skipped with a note each, the header below a title block, percentages as
  // percentage cells, yes/no as booleans, a year as a date, a descriptive column ignored.
  // (its "Hướng dẫn" beside "Số liệu" is the layout of egov-score's own forms: read without a note)
  { name: "workbook-form", stderr: /^[^\n]*Danh mục: note WORKBOOK_SHEET_SKIPPED: .*hidden\n[^\n]*\n$/ },
  // A long form, one row per indicator with its label and maximum beside the value, from the sheet
  // and header row the manifest names (a title cell above says "code" too); the registry a workbook.
  { name: "workbook-long-sheet" },
  {
    // X1 marks dvc "-", ho-so "N/A", lanh-dao "không áp dụng": its maximum drops from 20 to 10.
    // X2 leaves dvc empty: missing, not not-applicable, so its maximum stays 20.
    name: "not-applicable",
    lines: [BASE_RANKING[0] as string, "xa,1,X1,Xã Tân Thuận,H1,10,10,100,tot,tot,ranked,10,", "xa,2,X2,Xã Hàm Rồng,H2,4.5,20,22.5,yeu,yeu,incomplete,2.5,2"],
  },
];

describe("valid variants of the base are read right", () => {
  it.each(good)("$name", (c) => {
    const { cwd, arg } = place(c.make ? c.make() : path.join(ACCEPTED, c.name));

    const v = run(["validate", arg, "-f", "json"], { cwd });
    expect(v.code, v.stdout).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ valid: true, errors: 0, warnings: 0 });

    const [command, ...flags] = c.args ?? ["rank", "-f", "csv"];
    const r = run([command, arg, ...flags], { cwd });
    expect(r.code, r.stderr).toBe(0);
    if (c.stderr) expect(r.stderr).toMatch(c.stderr);
    else expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    if (c.lines) {
      const at = c.lines.map((l) => lines.indexOf(l));
      expect(at.every((i) => i >= 0), r.stdout).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    } else {
      expect(lines).toEqual(BASE_RANKING);
    }
  });
});
