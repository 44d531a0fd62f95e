// Whole loads of small assessment folders: the manifest, the criteria, the registry and the
// data together, the files read (so that no output overwrites one), and where loading stops.
import { realpathSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { unitsOf } from "../helpers/dataset.ts";
import { loadAssessment, loadAssessmentCriteria, loadCriteriaFile } from "../../src/load/assessment.ts";
import { DEFAULT_LIMITS } from "../../src/load/limits.ts";
import { folder } from "../helpers/exec.ts";

const tmp = (files: Record<string, string | Uint8Array>): string => realpathSync(folder(files));

const CRITERIA = `id: t
title: T
version: 1
levels:
  - id: tinh
  - id: xa
    parent: tinh
indicators:
  - id: p
    max: 10
    rule: { type: ratio }
`;

const ONE_LEVEL = `id: t
title: T
version: 1
levels:
  - id: u
indicators:
  - id: p
    max: 10
    rule: { type: ratio }
`;

const UNITS = "code,name,level,parent,vung\nT1,Tỉnh 1,tinh,,bac\nX1,Xã 1,xa,T1,bac\nX2,Xã 2,xa,T1,nam\n";

/** The codes of the diagnostics, with the file (relative to the folder), line and column. */
const found = (dir: string, ds: { code: string; file?: string; line?: number; column?: number }[]) =>
  ds.map((d) => [d.code, d.file === undefined ? undefined : path.relative(dir, d.file), d.line, d.column]);

describe("loadAssessment: a whole folder", () => {
  it("with a registry: every unit, its attributes and cells, and every file read", async () => {
    const dir = tmp({
      "egov-score.yaml": "criteria: c.yaml\nunits: units.csv\ndata: [data/*.csv]\nperiod: '2024'\ncolumns: { attributes: [vung] }\n",
      "c.yaml": CRITERIA,
      "units.csv": UNITS,
      "data/xa.csv": "code,p\nX1,40\nX2,85%\n",
      "data/tinh.csv": "code,p\nT1,90\n",
    });
    const l = await loadAssessment(dir, {});
    expect(l.diagnostics).toEqual([]);
    expect(l.criteria?.id).toBe("t");
    expect(l.dataset?.period).toBe("2024");
    expect(unitsOf(l.criteria!, l.dataset!).map((u) => [u.code, u.name, u.level, u.parent ?? null, u.attributes.vung, u.submitted, u.cells.get("p")?.raw])).toEqual([
      ["T1", "Tỉnh 1", "tinh", null, "bac", true, "90"],
      ["X1", "Xã 1", "xa", "T1", "bac", true, "40"],
      ["X2", "Xã 2", "xa", "T1", "nam", true, "85%"],
    ]);
    // the manifest, the criteria, the registry, then the data files in sorted order
    expect(l.inputs.map((f) => path.relative(dir, f))).toEqual(["egov-score.yaml", "c.yaml", "units.csv", "data/tinh.csv", "data/xa.csv"]);
    expect(l.periods).toEqual([]);
  });

  it("without a registry: the units come from the data; the periods from a period column", async () => {
    const dir = tmp({
      "egov-score.yaml": "criteria: c.yaml\ndata: d.csv\n",
      "c.yaml": ONE_LEVEL,
      "d.csv": "code,name,period,p\nA,Alpha,2019,10\nA,Alpha,2020,20\nB,Beta,2020,30\n",
    });
    const l = await loadAssessment(dir, {});
    expect(l.diagnostics.map((d) => d.code)).toEqual(["PERIOD_LATEST"]);
    expect(l.periods).toEqual(["2019", "2020"]);
    expect(l.dataset?.period).toBe("2020");
    expect(unitsOf(l.criteria!, l.dataset!).map((u) => [u.code, u.cells.get("p")?.raw])).toEqual([["A", "20"], ["B", "30"]]);
    expect(l.inputs.map((f) => path.relative(dir, f))).toEqual(["egov-score.yaml", "c.yaml", "d.csv"]);
  });

  it("a registry also matched by the data glob is read once, as the registry", async () => {
    const dir = tmp({
      "egov-score.yaml": "criteria: c.yaml\nunits: units.csv\ndata: ['*.csv']\n",
      "c.yaml": CRITERIA,
      "units.csv": UNITS,
      "xa.csv": "code,p\nX1,40\n",
    });
    const l = await loadAssessment(dir, {});
    // (the province, listed, sent no row: said once)
    expect(l.diagnostics.map((d) => [d.code, d.args.level])).toEqual([["DATA_LEVEL_NOT_SENT", "tinh"]]);
    expect(l.inputs.map((f) => path.relative(dir, f))).toEqual(["egov-score.yaml", "c.yaml", "units.csv", "xa.csv"]);
    expect(unitsOf(l.criteria!, l.dataset!).filter((u) => u.submitted).map((u) => u.code)).toEqual(["X1"]);
  });

  it("the manifest's input: decides how the CSV files are read", async () => {
    const dir = tmp({
      "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\ninput: { delimiter: ';', decimal: ',' }\ncolumns: { code: ma }\nmap: { p: 'tỷ lệ' }\n",
      "c.yaml": ONE_LEVEL,
      "d.csv": "ma;tỷ lệ\nA;12,5\n",
    });
    const l = await loadAssessment(dir, {});
    expect(l.diagnostics).toEqual([]);
    const cell = unitsOf(l.criteria!, l.dataset!)[0]?.cells.get("p");
    expect(cell?.kind === "number" ? cell.value : undefined).toBe(12.5);
  });

  it("flags name everything without a manifest; the files read are the flags' files", async () => {
    const dir = tmp({ "c.yaml": ONE_LEVEL, "d.csv": "code,p\nA,1\n" });
    const l = await loadAssessment(dir, { criteria: path.join(dir, "c.yaml"), data: [path.join(dir, "d.csv")] });
    expect(l.diagnostics).toEqual([]);
    expect(l.inputs).toEqual([path.join(dir, "c.yaml"), path.join(dir, "d.csv")]);
    expect(l.assessment?.limits).toEqual(DEFAULT_LIMITS);
  });
});

describe("loadAssessment: where loading stops, and what it reports", () => {
  it("a registry that does not exist: FILE_NOT_FOUND, and the data rows are not each reported as unknown units", async () => {
    const dir = tmp({ "egov-score.yaml": "criteria: c.yaml\nunits: units.csv\ndata: [d.csv]\n", "c.yaml": CRITERIA, "d.csv": "code,p\nX1,1\nX2,2\nX3,3\n" });
    const l = await loadAssessment(dir, {});
    expect(found(dir, l.diagnostics)).toEqual([["FILE_NOT_FOUND", "units.csv", undefined, undefined]]);
    expect(l.dataset).toBeUndefined();
    expect(l.criteria?.id).toBe("t");
    // both were tried, so both are inputs no output may replace
    expect(l.inputs.map((f) => path.relative(dir, f))).toEqual(["egov-score.yaml", "c.yaml", "units.csv", "d.csv"]);
  });

  it("a registry that is not CSV (an unclosed quote): its problem only, and no dataset", async () => {
    const dir = tmp({ "egov-score.yaml": "criteria: c.yaml\nunits: units.csv\ndata: [d.csv]\n", "c.yaml": CRITERIA, "units.csv": 'code,name,level\nX1,"Xã 1,xa\n', "d.csv": "code,p\nX1,1\n" });
    const l = await loadAssessment(dir, {});
    expect(l.dataset).toBeUndefined();
    // the quote opens in field 2 of line 2
    expect(found(dir, l.diagnostics)).toEqual([["CSV_SYNTAX", "units.csv", 2, 2]]);
  });

  it("a registry that is a broken workbook (a zip of nothing): WORKBOOK_UNREADABLE, and no dataset", async () => {
    const dir = tmp({ "egov-score.yaml": "criteria: c.yaml\nunits: units.xlsx\ndata: [d.csv]\n", "c.yaml": CRITERIA, "units.xlsx": new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), "d.csv": "code,p\nX1,1\n" });
    const l = await loadAssessment(dir, {});
    expect(l.dataset).toBeUndefined();
    expect(l.diagnostics.map((d) => d.code)).toEqual(["WORKBOOK_UNREADABLE"]);
  });

  it("a data file missing and a glob matching nothing are reported; the other files still load", async () => {
    const dir = tmp({ "egov-score.yaml": "criteria: c.yaml\ndata:\n  - a.csv\n  - gone.csv\n  - more/*.csv\n", "c.yaml": ONE_LEVEL, "a.csv": "code,p\nA,1\n" });
    const l = await loadAssessment(dir, {});
    expect(found(dir, l.diagnostics)).toEqual([
      ["GLOB_NO_MATCH", "egov-score.yaml", 5, 5],
      ["FILE_NOT_FOUND", "gone.csv", undefined, undefined],
    ]);
    expect(unitsOf(l.criteria!, l.dataset!).map((u) => u.code)).toEqual(["A"]);
    expect(l.inputs.map((f) => path.relative(dir, f))).toEqual(["egov-score.yaml", "c.yaml", "a.csv", "gone.csv"]);
  });

  it("a data file with a unit the registry does not list: DATA_UNKNOWN_UNIT at its row and column", async () => {
    const dir = tmp({ "egov-score.yaml": "criteria: c.yaml\nunits: units.csv\ndata: [d.csv]\n", "c.yaml": CRITERIA, "units.csv": UNITS, "d.csv": "p,code\n1,X1\n2,X9\n" });
    expect(found(dir, (await loadAssessment(dir, {})).diagnostics)).toEqual([["DATA_UNKNOWN_UNIT", "d.csv", 3, 2], ["DATA_LEVEL_NOT_SENT", "units.csv", 1, undefined]]);
  });

  it("criteria that do not load: their problems, and neither data nor dataset is read", async () => {
    const dir = tmp({ "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n", "c.yaml": ONE_LEVEL.replace("max: 10", "max: ten"), "d.csv": "code,p\nA,1\n" });
    const l = await loadAssessment(dir, {});
    expect(found(dir, l.diagnostics)).toEqual([["SCHEMA_TYPE", "c.yaml", 8, 10]]);
    expect(l.criteria).toBeUndefined();
    expect(l.dataset).toBeUndefined();
    expect(l.inputs.map((f) => path.relative(dir, f))).toEqual(["egov-score.yaml", "c.yaml"]);
  });

  it("a broken manifest: its problem, and nothing else read", async () => {
    const dir = tmp({ "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\nunknown: 1\n" });
    const l = await loadAssessment(dir, {});
    expect(found(dir, l.diagnostics)).toEqual([["MANIFEST_UNKNOWN_KEY", "egov-score.yaml", 3, 1]]);
    expect(l).toMatchObject({ periods: [], inputs: [] });
    expect(l.assessment).toBeUndefined();
  });
});

describe("loadAssessment: periods of a series", () => {
  const series = () =>
    tmp({
      "series/egov-score.yaml": 'periods:\n  "2019": ../y2019\n  "2020": ../y2020/egov-score.yaml\n',
      "y2019/egov-score.yaml": "criteria: ../c.yaml\ndata: [d.csv]\nperiod: self-assessment\n",
      "y2019/d.csv": "code,p\nA,10\n",
      "y2020/egov-score.yaml": "criteria: ../c.yaml\ndata: [d.csv]\n",
      "y2020/d.csv": "code,p\nA,20\nB,30\n",
      "c.yaml": ONE_LEVEL,
    });

  it("a period naming a folder loads that folder, under the series' label, after the series' warning", async () => {
    const dir = series();
    const l = await loadAssessment(path.join(dir, "series"), {});
    expect(l.diagnostics.map((d) => d.code)).toEqual(["PERIOD_LATEST"]);
    expect(l.periods).toEqual(["2019", "2020"]);
    expect(l.dataset?.period).toBe("2020");
    expect(unitsOf(l.criteria!, l.dataset!).map((u) => u.code)).toEqual(["A", "B"]);
    expect(l.inputs.map((f) => path.relative(dir, f))).toEqual(["series/egov-score.yaml", "y2020/egov-score.yaml", "c.yaml", "y2020/d.csv"]);
  });

  it("--period chooses the folder, and the folder's own period: label gives way to the series' one", async () => {
    const l = await loadAssessment(path.join(series(), "series"), { period: "2019" });
    expect(l.diagnostics).toEqual([]);
    expect(l.dataset?.period).toBe("2019");
    expect(unitsOf(l.criteria!, l.dataset!).map((u) => u.code)).toEqual(["A"]);
  });

  it("a period pointing at another series: PERIOD_NESTED against the outer manifest", async () => {
    const dir = series();
    const outer = tmp({ "egov-score.yaml": `periods:\n  "all": ${path.join(dir, "series")}\n` });
    const l = await loadAssessment(outer, {});
    expect(l.diagnostics).toEqual([{ code: "PERIOD_NESTED", severity: "error", args: { period: "all", path: path.join(dir, "series") }, file: path.join(outer, "egov-score.yaml") }]);
    expect(l.dataset).toBeUndefined();
    expect(l.periods).toEqual(["all"]);
  });

  it("a period naming a folder without a manifest: MANIFEST_NOT_FOUND for that folder", async () => {
    const dir = tmp({ "egov-score.yaml": 'periods:\n  "2019": y2019\n', "y2019/d.csv": "code,p\nA,1\n" });
    const l = await loadAssessment(dir, {});
    expect(l.diagnostics.map((d) => [d.code, d.args.dir])).toEqual([["MANIFEST_NOT_FOUND", path.join(dir, "y2019")]]);
    expect(l.periods).toEqual(["2019"]);
  });

  it("periods with data: entries share the series' criteria and registry", async () => {
    const dir = tmp({
      "egov-score.yaml": 'criteria: c.yaml\nunits: units.csv\nperiods:\n  "2019": { data: y2019.csv }\n  "2020": { data: [y2020.csv], units: units-2020.csv }\n',
      "c.yaml": ONE_LEVEL,
      "units.csv": "code,name\nA,Alpha\n",
      "units-2020.csv": "code,name\nA,Alpha\nB,Beta\n",
      "y2019.csv": "code,p\nA,1\n",
      "y2020.csv": "code,p\nA,2\nB,3\n",
    });
    const l2019 = await loadAssessment(dir, { period: "2019" });
    expect(l2019.diagnostics).toEqual([]);
    expect(l2019.periods).toEqual(["2019", "2020"]);
    expect(unitsOf(l2019.criteria!, l2019.dataset!).map((u) => u.code)).toEqual(["A"]);
    const l2020 = await loadAssessment(dir, { period: "2020" });
    expect(unitsOf(l2020.criteria!, l2020.dataset!).map((u) => [u.code, u.cells.get("p")?.raw])).toEqual([["A", "2"], ["B", "3"]]);
    expect(l2020.inputs.map((f) => path.relative(dir, f))).toEqual(["egov-score.yaml", "c.yaml", "units-2020.csv", "y2020.csv"]);
  });
});

describe("loadAssessmentCriteria and loadCriteriaFile", () => {
  it("loads the criteria alone, without reading data (which need not exist)", () => {
    const dir = tmp({ "egov-score.yaml": "criteria: c.yaml\ndata: [missing/*.csv]\n", "c.yaml": ONE_LEVEL });
    const l = loadAssessmentCriteria(dir, {});
    expect(l.diagnostics).toEqual([]);
    expect(l.criteria?.indicators.map((i) => i.id)).toEqual(["p"]);
    expect(l.dataset).toBeUndefined();
    expect(l.inputs.map((f) => path.relative(dir, f))).toEqual(["egov-score.yaml", "c.yaml"]);
  });

  it("follows a series to the chosen period's folder", () => {
    const dir = tmp({ "s/egov-score.yaml": 'periods:\n  "1": ../a\n', "a/egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n", "a/c.yaml": ONE_LEVEL });
    const l = loadAssessmentCriteria(path.join(dir, "s"), {});
    expect(l.diagnostics).toEqual([]);
    expect(l.criteria?.id).toBe("t");
    expect(l.periods).toEqual(["1"]);
    expect(l.inputs.map((f) => path.relative(dir, f))).toEqual(["s/egov-score.yaml", "a/egov-score.yaml", "a/c.yaml"]);
  });

  it("a manifest without criteria: NO_CRITERIA, and no criteria read", () => {
    const dir = tmp({ "egov-score.yaml": "data: [d.csv]\n" });
    const l = loadAssessmentCriteria(dir, {});
    expect(l.diagnostics.map((d) => d.code)).toEqual(["NO_CRITERIA"]);
    expect(l.inputs.map((f) => path.relative(dir, f))).toEqual(["egov-score.yaml"]);
  });

  it.each([
    ["a file that does not exist", "gone.yaml", {}, ["FILE_NOT_FOUND"]],
    ["a file that is not UTF-8", "latin.yaml", {}, ["ENCODING_INVALID_UTF8"]],
    ["a file over the size limit", "c.yaml", { maxFileSize: 20 }, ["FILE_TOO_LARGE"]],
    ["a file deeper than the depth limit", "c.yaml", { maxDepth: 2 }, ["YAML_TOO_DEEP"]],
  ])("loadCriteriaFile: %s", (_name, file, limits, expected) => {
    const dir = tmp({ "c.yaml": ONE_LEVEL, "latin.yaml": new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]) });
    const r = loadCriteriaFile(path.join(dir, file), {}, { ...DEFAULT_LIMITS, ...limits });
    expect(r.criteria).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(expected);
  });

  it("loadCriteriaFile applies the map: an indicator read from another column", () => {
    const dir = tmp({ "c.yaml": ONE_LEVEL });
    const r = loadCriteriaFile(path.join(dir, "c.yaml"), { p: "Tỷ lệ" });
    expect(r.criteria?.indicators.map((i) => [i.id, i.column])).toEqual([["p", "Tỷ lệ"]]);
  });
});

describe("workbooks among the data", () => {
  const workbook = async (sheets: Record<string, (string | number)[][]>): Promise<Uint8Array> => {
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const ws = wb.addWorksheet(name);
      rows.forEach((r, i) => (ws.getRow(i + 1).values = r));
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };

  it("a data entry names a sheet and its header row; a plain entry reads every sheet with the header; both beside CSV", async () => {
    const dir = tmp({
      "egov-score.yaml": 'criteria: c.yaml\ndata:\n  - { file: a.xlsx, sheet: "Số liệu", header-row: 3 }\n  - b.xlsx\n  - { file: "c*.csv" }\n',
      "c.yaml": ONE_LEVEL,
      "a.xlsx": await workbook({ "Khác": [["code", "p"], ["Z", 9]], "Số liệu": [["code"], [], ["code", "p"], ["A", 1]] }),
      "b.xlsx": await workbook({ "Hướng dẫn": [["Ghi chú"]], "B": [["code", "p"], ["B", 2]] }),
      "c1.csv": "code,p\nC,3\n",
    });
    const l = await loadAssessment(dir, {});
    expect(l.diagnostics.map((d) => [d.code, d.sheet])).toEqual([["WORKBOOK_SHEET_SKIPPED", "Hướng dẫn"]]);
    expect(unitsOf(l.criteria!, l.dataset!).map((u) => [u.code, u.source?.sheet ?? null, u.source?.line])).toEqual([
      ["A", "Số liệu", 4],
      ["B", "B", 2],
      ["C", null, 2],
    ]);
  });

  it("a period's data entries may name sheets too", async () => {
    const dir = tmp({
      "egov-score.yaml": "criteria: c.yaml\nperiods:\n  \"2019\": { data: { file: a.xlsx, sheet: Y2019 } }\n  \"2020\": { data: [{ file: a.xlsx, sheet: Y2020 }] }\n",
      "c.yaml": ONE_LEVEL,
      "a.xlsx": await workbook({ Y2019: [["code", "p"], ["A", 1]], Y2020: [["code", "p"], ["A", 2], ["B", 3]] }),
    });
    const older = await loadAssessment(dir, { period: "2019" });
    expect(unitsOf(older.criteria!, older.dataset!).map((u) => u.code)).toEqual(["A"]);
    const latest = await loadAssessment(dir, {});
    expect(unitsOf(latest.criteria!, latest.dataset!).map((u) => u.code)).toEqual(["A", "B"]);
  });
});
