// The data checks test/load/data.test.ts leaves out: the registry's own problems, long files,
// ratios given as two columns, units and ranges of values, and the attributes of units.
import { describe, expect, it } from "vitest";
import { criteriaFrom, load as loadAll, settings } from "../helpers/model.ts";
import { unitsOf } from "../helpers/dataset.ts";
import { score } from "../../src/engine/views.ts";

/** The loader, without DATA_COLUMN_ABSENT nor DATA_LEVEL_NOT_SENT (tested in data-checks.test.ts): the files of a column or two here raise it for the
 * criteria's other indicators (test/load/data-checks.test.ts "absent columns" tests it). */
function load(...args: Parameters<typeof loadAll>) {
  const r = loadAll(...args);
  // (the loader's columns, and the same units as objects)
  return { ...r, dataset: { ...r.dataset, units: unitsOf(args[0], r.dataset) }, diagnostics: r.diagnostics.filter((d) => d.code !== "DATA_COLUMN_ABSENT" && d.code !== "DATA_LEVEL_NOT_SENT") };
}

const CRITERIA = `id: t
title: T
version: 1
levels:
  - id: huyen
  - id: xa
    parent: huyen
indicators:
  - { id: a, max: 5, rule: { type: ratio } }
  - { id: b, max: 2, rule: { type: boolean } }
  - { id: c, max: 3, unit: number, rule: { type: steps, steps: [{ atLeast: 4, points: 3 }] } }
  - { id: f, max: 1, unit: fraction, rule: { type: points } }
  - { id: k, max: 2, rule: { type: categorical, categories: [{ value: Có, aliases: [yes], points: 2 }, { value: Một phần, share: 0.5 }] } }
  - { id: o, max: 2, rule: { type: categorical, categories: [{ value: A, points: 2 }], otherwise: 0 } }
  - { id: n, max: 4, unit: number, rule: { type: ratio } }
  - { id: z, max: 1, unit: number, rule: { type: zscore } }
`;
const C = criteriaFrom(CRITERIA);
const UNITS = "code,name,level,parent\nH1,Huyện 1,huyen,,\nX1,Xã 1,xa,H1\nX2,Xã 2,xa,H1\n";

/** code, file, line, column of every diagnostic */
const found = (r: ReturnType<typeof load>) => r.diagnostics.map((d) => [d.code, d.file, d.line, d.column]);
const cell = (r: ReturnType<typeof load>, unit: string, ind: string) => r.dataset.units.find((u) => u.code === unit)?.cells.get(ind);

describe("the registry's own problems", () => {
  it("a registry without the code column: CSV_NO_CODE_COLUMN at its header, naming the first headers; data rows are not blamed", () => {
    const r = load(C, "code,a\nX1,50\n", "ma,ten,cap,cha,vung,loai,khoi\nX1,Xã 1,xa,H1,bac,xa,1\n");
    expect(found(r)).toEqual([["CSV_NO_CODE_COLUMN", "units.csv", 1, undefined]]);
    expect(r.diagnostics[0]?.args).toEqual({ column: "code", header: "ma, ten, cap, cha, vung, loai, …" });
    expect(r.dataset.units).toEqual([]);
  });

  it("a data file without the code column: CSV_NO_CODE_COLUMN at its header, with all its few headers", () => {
    const r = load(C, "ma,a\nX1,50\n", UNITS);
    expect(found(r)).toEqual([["CSV_NO_CODE_COLUMN", "data0.csv", 1, undefined]]);
    expect(r.diagnostics[0]?.args.header).toBe("ma, a");
  });

  it("a registry row without a code, and a unit listed twice, at the code cell", () => {
    const r = load(C, "code,a\nX1,50\n", "name,code,level,parent\nHuyện 1,H1,huyen,\nXã 9,,xa,H1\nXã 1,X1,xa,H1\nXã 1 bis,X1,xa,H1\n");
    expect(found(r)).toEqual([
      ["DATA_NO_CODE", "units.csv", 3, 2],
      ["DATA_DUPLICATE_UNIT", "units.csv", 5, 2],
    ]);
    expect(r.diagnostics[1]?.args.first).toBe("units.csv:4");
  });

  it("a registry row with an unknown level: DATA_UNKNOWN_LEVEL at the cell; its data rows are not reported again", () => {
    const r = load(C, "code,a\nX1,50\nT1,20\n", "code,name,level\nX1,Xã 1,xa\nT1,Tỉnh 1,tinh\n");
    expect(found(r)).toEqual([["DATA_UNKNOWN_LEVEL", "units.csv", 3, 3], ["UNIT_NO_PARENT", "units.csv", 2, undefined]]);
    expect(r.diagnostics[0]?.args).toEqual({ level: "tinh", known: "huyen, xa" });
  });

  it("a registry without a level column, for criteria of several levels: DATA_NO_LEVEL per unit", () => {
    expect(found(load(C, "code,a\nX1,50\n", "code,name\nX1,Xã 1\n"))).toEqual([["DATA_NO_LEVEL", "units.csv", 2, undefined]]);
  });

  it("a unit without a name is named by its code; attributes of the registry are kept, trimmed", () => {
    // (kept: the manifest's columns.attributes names it; the registry's other columns are not read)
    const r = load(C, "code,a\nH1,50\n", "code,name,level,vung,ghi-chu\nH1,,huyen, bac ,x\n", { ...settings, columns: { ...settings.columns, attributes: ["vung"] } });
    expect(r.dataset.units.map((u) => [u.code, u.name, u.attributes])).toEqual([["H1", "H1", { vung: "bac" }]]);
  });
});

describe("units made from data rows", () => {
  it("a data row without a code: DATA_NO_CODE at the code cell", () => {
    expect(found(load(C, "level,code,a\nhuyen,H1,50\nhuyen,,60\n"))).toEqual([["DATA_NO_CODE", "data0.csv", 3, 2]]);
  });

  it("columns.attributes keep those columns of the data as attributes (not as unknown columns)", () => {
    const s = { ...settings, columns: { ...settings.columns, attributes: ["vung"] } };
    const r = load(C, "code,level,vung,a\nH1,huyen,bac,50\n", undefined, s);
    expect(r.diagnostics).toEqual([]);
    expect(r.dataset.units[0]?.attributes).toEqual({ vung: "bac" });
  });

  it("an unknown level in a data row: DATA_UNKNOWN_LEVEL at the cell, the row dropped", () => {
    const r = load(C, "code,level,a\nT1,tinh,50\n");
    expect(found(r)).toEqual([["DATA_UNKNOWN_LEVEL", "data0.csv", 2, 2]]);
    expect(r.dataset.units).toEqual([]);
  });

  it("a header that is a column's name but for case is that column (Excel users capitalise headers); beside the exact name, it is not", () => {
    // (found by typing KY-SO: the column was read as absent, every unit scored 0 on it, with two warnings)
    const r = load(C, "code,A,N.NUM,n.Den\nX1,40,3,4\n", UNITS);
    expect(r.diagnostics).toEqual([]);
    expect(cell(r, "X1", "a")).toMatchObject({ value: 40, source: { header: "A" } });
    expect(cell(r, "X1", "n")).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
    const both = load(C, "code,a,A\nX1,40,50\n", UNITS);
    expect(both.diagnostics.map((d) => [d.code, d.args.header, d.args.suggestion])).toEqual([["CSV_UNKNOWN_COLUMN", "A", "a"]]);
    expect(cell(both, "X1", "a")).toMatchObject({ value: 40 });
  });

  it("ignore: skips a column without a warning", () => {
    const s = { ...settings, ignore: ["ghi chu"] };
    expect(load(C, "code,a,ghi chu\nX1,50,ok\n", UNITS, s).diagnostics).toEqual([]);
  });

  it("a column of a misspelt indicator is a warning with a suggestion; an empty header is skipped", () => {
    const r = load(C, "code,aa,,b\nX1,50,x,có\n", UNITS);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.column, d.args.suggestion])).toEqual([["CSV_UNKNOWN_COLUMN", "warning", 2, "a"]]);
  });
});

describe("long files", () => {
  it("values, numerators and denominators, with the indicator given by id; empty indicator cells skipped", () => {
    const r = load(C, "code,indicator,value,numerator,denominator\nX1,a,,3,4\nX1,c,7,,\nX1,,9,,\n", UNITS);
    expect(r.diagnostics).toEqual([]);
    expect(cell(r, "X1", "a")).toMatchObject({ kind: "number", value: 75, numerator: 3, denominator: 4, raw: "3/4" });
    expect(cell(r, "X1", "c")).toMatchObject({ kind: "number", value: 7 });
  });

  it("an indicator named by its column (map:) in a long file", () => {
    const c = criteriaFrom("id: t\ntitle: T\nversion: 1\nlevels:\n  - id: u\nindicators:\n  - { id: a, max: 5, column: Tỷ lệ A, rule: { type: ratio } }\n");
    const r = load(c, "code,indicator,value\nU1,Tỷ lệ A,40\n");
    expect(r.diagnostics).toEqual([]);
    expect(cell(r, "U1", "a")).toMatchObject({ value: 40 });
  });

  it("an unknown indicator far from every id: no suggestion", () => {
    const r = load(C, "code,indicator,value\nX1,xxxxxxxxxxxx,1\n", UNITS);
    expect(r.diagnostics.map((d) => [d.code, d.args.suggestion])).toEqual([["DATA_UNKNOWN_INDICATOR", undefined]]);
  });

  it("a long file without a value column reads nothing from value cells", () => {
    const r = load(C, "code,indicator,numerator,denominator\nX1,a,1,2\nX1,c,,\n", UNITS);
    expect(r.diagnostics).toEqual([]);
    expect(cell(r, "X1", "a")).toMatchObject({ value: 50 });
    expect(cell(r, "X1", "c")).toBeUndefined();
  });

  it("only the rows of the period scored are read", () => {
    const s = { ...settings, period: "2020" };
    const r = load(C, "code,period,indicator,value\nX1,2019,c,1\nX1,2020,c,2\n", UNITS, s);
    expect(r.diagnostics).toEqual([]);
    expect(cell(r, "X1", "c")).toMatchObject({ value: 2 });
  });
});

describe("cells", () => {
  it.each([
    ["a yes/no cell that is neither", "b", "maybe", "VALUE_NOT_BOOLEAN", { value: "maybe" }],
    ["a category that is not listed", "k", "Không", "VALUE_UNKNOWN_CATEGORY", { value: "Không", allowed: "Có, Một phần" }],
    ["a fraction above 1", "f", "1.5", "VALUE_OUT_OF_RANGE", { value: "1.5", range: "0–1" }],
    ["a negative fraction", "f", "-0.1", "VALUE_OUT_OF_RANGE", { value: "-0.1", range: "0–1" }],
    ["a fraction given as a percentage above 100%", "f", "120%", "VALUE_OUT_OF_RANGE", { value: "120%", range: "0–1" }],
    ["a negative count", "c", "-2", "VALUE_NEGATIVE", { value: "-2" }],
    // (found by typing into the cells what agencies type: each was read another way, silently)
    ["a percent sign on a count", "c", "4%", "VALUE_PERCENT_SIGN", { value: "4%" }],
    ["a percent sign on points", "z", "2 %", "VALUE_PERCENT_SIGN", { value: "2 %" }],
    ["a space inside a count, not between thousands", "c", "1 5", "VALUE_NOT_A_NUMBER", { value: "1 5" }],
    ["hundreds of digits", "c", "9".repeat(400), "VALUE_NOT_FINITE", { value: "9".repeat(400) }],
  ])("%s: %s at the cell", (_name, ind, value, code, args) => {
    const r = load(C, `code,${ind}\nX1,${value}\n`, UNITS);
    expect(r.diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, ...d.args }))).toEqual([{ code, line: 2, column: 2, header: ind, indicator: ind, unit: "X1", ...args }]);
    expect(cell(r, "X1", ind)).toBeUndefined();
  });

  it.each([
    ["a category by its alias, whatever the case", "k", "YES", { kind: "text", value: "YES" }],
    ["a category in NFC form of a decomposed text", "k", "Mo\u0323\u0302t phần", { kind: "text", value: "Một phần" }],
    ["a category with a no-break space inside, as copied from a web page", "k", "Một\u00a0phần", { kind: "text", value: "Một\u00a0phần" }],
    ["a category with two spaces inside", "k", "Một  phần", { kind: "text", value: "Một  phần" }],
    ["any text when the rule has otherwise:", "o", "Z", { kind: "text", value: "Z" }],
    ["a fraction as a percentage", "f", "40%", { kind: "number", value: 0.4 }],
    ["a negative value for a relative rule", "z", "-3", { kind: "number", value: -3 }],
    ["not applicable", "c", "N/A", { kind: "na" }],
  ])("%s", (_name, ind, value, expected) => {
    const r = load(C, `code,${ind}\nX1,${value}\n`, UNITS);
    expect(r.diagnostics).toEqual([]);
    expect(cell(r, "X1", ind)).toMatchObject(expected);
  });

  it("a category with other spaces inside scores as the category", () => {
    const r = loadAll(C, "code,k\nX1,Một\u00a0phần\nX2,Một   phần\n", UNITS);
    const points = score(C, r.dataset).levels.flatMap((l) => l.units).map((u) => [u.code, u.nodes.k?.points]);
    expect(points.filter(([code]) => code !== "H1")).toEqual([["X1", 1], ["X2", 1]]);
  });

  it("an empty cell is remembered as a blank, at the first file that leaves it empty", () => {
    // (where a missing value is pointed at: kept for the indicators whose policy is an error)
    const r = load(criteriaFrom(CRITERIA.replace("rule: { type: steps", "missing: error, rule: { type: steps")), ["code,c\nX1,\n", "code,c\nX1,\n"], UNITS);
    expect(r.dataset.units.find((u) => u.code === "X1")?.blanks.get("c")).toEqual({ file: "data0.csv", line: 2, column: 2 });
  });
});

describe("ratios given as two columns", () => {
  it.each([
    ["a numerator without denominator, at the empty denominator", "code,a.num,a.den\nX1,3,\n", [["VALUE_HALF_RATIO", 3, { given: "numerator", missing: "denominator" }]]],
    ["a denominator without numerator, at the empty numerator", "code,a.num,a.den\nX1,,4\n", [["VALUE_HALF_RATIO", 2, { given: "denominator", missing: "numerator" }]]],
    ["a numerator column alone, at it", "code,a.num\nX1,3\n", [["VALUE_HALF_RATIO", 2, { given: "numerator", missing: "denominator" }]]],
    ["a numerator that is not a number, at it", "code,a.num,a.den\nX1,ba,4\n", [["VALUE_NOT_A_NUMBER", 2, { value: "ba" }]]],
    ["a negative denominator, at it", "code,a.num,a.den\nX1,3,-4\n", [["VALUE_NEGATIVE", 3, { value: "-4" }]]],
    ["both wrong: both reported", "code,a.num,a.den\nX1,-1,x\n", [["VALUE_NEGATIVE", 2, { value: "-1" }], ["VALUE_NOT_A_NUMBER", 3, { value: "x" }]]],
    ["a numerator above its denominator, at the numerator", "code,a.num,a.den\nX1,5,4\n", [["VALUE_NUM_ABOVE_DEN", 2, { numerator: 5, denominator: 4 }]]],
    ["a percent sign on a numerator, at it", "code,a.num,a.den\nX1,3%,4\n", [["VALUE_PERCENT_SIGN", 2, { value: "3%" }]]],
    ["a percent sign on a denominator, at it", "code,a.num,a.den\nX1,3,4 %\n", [["VALUE_PERCENT_SIGN", 3, { value: "4 %" }]]],
    ["a value beside a numerator and a denominator, at the value", "code,a,a.num,a.den\nX1,94.1,50,100\n", [["VALUE_AND_RATIO", 2, { value: "94.1", numerator: "50", denominator: "100" }]]],
    ["a value beside a numerator alone, at the value", "code,a,a.num,a.den\nX1,94.1,50,\n", [["VALUE_AND_RATIO", 2, { value: "94.1", numerator: "50", denominator: "—" }]]],
    ["a value that is not its numerator and denominator's ratio, to its decimals", "code,a,a.num,a.den\nX1,92.7,87,94\n", [["VALUE_AND_RATIO", 2, { value: "92.7", numerator: "87", denominator: "94" }]]],
    ["a long row's value beside its ratio, at the value", "code,indicator,value,numerator,denominator\nX1,a,94.1,50,100\n", [["VALUE_AND_RATIO", 3, { value: "94.1", numerator: "50", denominator: "100" }]]],
  ])("%s", (_name, csv, expected) => {
    const r = load(C, csv, UNITS);
    expect(r.diagnostics.map((d) => [d.code, d.column, Object.fromEntries(Object.entries(d.args).filter(([k]) => !["header", "indicator", "unit"].includes(k)))])).toEqual(expected);
    expect(cell(r, "X1", "a")).toBeUndefined();
  });

  it("a zero denominator is a warning and the value not applicable", () => {
    const r = load(C, "code,a.num,a.den\nX1,0,0\n", UNITS);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.column])).toEqual([["VALUE_ZERO_DENOMINATOR", "warning", 3]]);
    expect(cell(r, "X1", "a")).toMatchObject({ kind: "na", raw: "0/0" });
  });

  it("a not-applicable numerator or denominator makes the value not applicable", () => {
    const r = load(C, "code,a.num,a.den\nX1,-,4\nX2,3,N/A\n", UNITS);
    expect(r.diagnostics).toEqual([]);
    expect([cell(r, "X1", "a")?.kind, cell(r, "X2", "a")?.kind]).toEqual(["na", "na"]);
  });

  it("a count may exceed its denominator (unit: number): the plain quotient", () => {
    const r = load(C, "code,n.num,n.den\nX1,6,4\n", UNITS);
    expect(r.diagnostics).toEqual([]);
    expect(cell(r, "X1", "n")).toMatchObject({ kind: "number", value: 1.5, source: { column: 2, header: "n.num" } });
  });

  it("a numerator or a denominator written like a thousand of the other convention: read as written, a warning at the cell", () => {
    // (DOMAIN.md: a real file turned 2154 procedures into 2.154)
    const r = load(C, "code,c,a.num,a.den\nX1,2.154,1.100,1250\nX2,4,1,1.000\nH1,0.125,1,2\n", UNITS);
    const warned = r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.args.value, d.args.below, d.args.above, d.args.thousands]);
    expect(warned).toEqual([
      ["VALUE_LOOKS_LIKE_THOUSANDS", "warning", 2, 3, "1.100", "1", "2", "1100"],
      ["VALUE_LOOKS_LIKE_THOUSANDS", "warning", 3, 4, "1.000", "1", "2", "1000"],
    ]);
    expect(cell(r, "X1", "a")).toMatchObject({ value: (1.1 * 100) / 1250 });
    // a value column is left alone: days and amounts have three decimals of their own
    expect(cell(r, "X1", "c")).toMatchObject({ value: 2.154 });
    // under decimal ",": 1,100
    const comma = load(C, "code;n.num;n.den\nX1;1,100;2\nX2;2,15;2\n", UNITS, { ...settings, decimal: "," });
    expect(comma.diagnostics.map((d) => [d.code, d.line, d.args.thousands])).toEqual([["VALUE_LOOKS_LIKE_THOUSANDS", 2, "1100"]]);
    // nor a negative: it is no count (VALUE_NEGATIVE says so)
    expect(load(C, "code,n.num,n.den\nX1,-1.100,2\n", UNITS).diagnostics.map((d) => d.code)).toEqual(["VALUE_NEGATIVE"]);
  });

  it("a value beside its numerator and denominator that is their ratio, to its decimals, repeats them: the ratio is read", () => {
    // (a workbook whose value column is a formula of the two: its value is the ratio)
    const r = load(C, "code,a,a.num,a.den\nX1,92.55,87,94\nX2,93,87,94\nH1,92.5531914893617,87,94\n", UNITS);
    expect(r.diagnostics).toEqual([]);
    for (const u of ["X1", "X2", "H1"]) expect(cell(r, u, "a")).toMatchObject({ value: (87 * 100) / 94, numerator: 87, denominator: 94 });
  });

  it("the value column wins when the two columns are empty", () => {
    const r = load(C, "code,a,a.num,a.den\nX1,40,,\n", UNITS);
    expect(r.diagnostics).toEqual([]);
    expect(cell(r, "X1", "a")).toMatchObject({ value: 40 });
  });

  it("an evidence column is not an unknown column, and is not read as a value", () => {
    const r = load(C, "code,c,c.evidence\nX1,5,QĐ 1\n", UNITS);
    expect(r.diagnostics).toEqual([]);
    expect(cell(r, "X1", "c")).toMatchObject({ value: 5 });
  });
});

describe("absent columns", () => {
  const all = "code,a,b,c,f,k,o,n,z";
  const row = (code: string) => `${code},50,có,4,0.5,Có,A,2,1`;

  it("an indicator with no column in any file of a level: DATA_COLUMN_ABSENT at the first file's header, with the units and the points at stake", () => {
    const r = loadAll(C, [`code,a,b,c,f,k,o,n\n${row("X1").replace(/,1$/, "")}\n${row("X2").replace(/,1$/, "")}`, `${all}\n${row("H1")}`], UNITS);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([["DATA_COLUMN_ABSENT", "warning", "data0.csv", 1, undefined]]);
    expect(r.diagnostics[0]?.args).toEqual({ column: "z", indicator: "z", level: "xa", units: 2, points: 1, files: "data0.csv" });
  });

  it("a column in another file of the same level, or a numerator and denominator, is enough; a long file is not checked", () => {
    expect(loadAll(C, [`code,a,b,c,f,k\nX1,50,có,4,0.5,Có`, `code,o,n.num,n.den,z\nX1,A,1,2,1\nX2,A,1,2,1`, `${all}\n${row("H1")}`], UNITS).diagnostics).toEqual([]);
    expect(loadAll(C, ["code,indicator,value\nX1,a,50\nH1,a,50\n"], UNITS).diagnostics.map((d) => d.code)).toEqual([]);
  });

  it("a level of the registry whose units sent no row, where others did: DATA_LEVEL_NOT_SENT at the registry's header (its file left out of data:)", () => {
    // (found by leaving a level's file out: its units were all "not ranked", and validate said nothing)
    const r = loadAll(C, [`${all}\n${row("H1")}`], UNITS);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.args])).toEqual([["DATA_LEVEL_NOT_SENT", "warning", "units.csv", 1, { level: "xa", units: 2, files: "data0.csv" }]]);
    // every level sent a row: nothing; no registry: nothing (the units are those of the rows)
    expect(loadAll(C, [`${all}\n${row("H1")}\n${row("X1")}`], UNITS).diagnostics.map((d) => d.code)).toEqual([]);
    expect(loadAll(C, [`${all.replace("code", "code,level")}\n${row("H1").replace("H1", "H1,huyen")}`]).diagnostics.map((d) => d.code)).toEqual([]);
  });

  it("rows of other periods only: the warning names the period scored", () => {
    const dated = (code: string, period: string) => `${period},${row(code)}`;
    const r = loadAll(C, [`period,${all}\n${dated("H1", "2018")}\n${dated("H1", "2019")}\n${dated("X1", "2018")}`], UNITS, { ...settings, period: "2019" });
    expect(r.diagnostics.map((d) => [d.code, d.args.level, d.args.period])).toEqual([["DATA_LEVEL_NOT_SENT", "xa", "2019"]]);
  });

  it("a level no indicator applies at sends nothing: its units are parents only, and no warning", () => {
    const onlyXa = criteriaFrom(CRITERIA.replace(/max: (\d+),/g, "max: { xa: $1 },"));
    expect(loadAll(onlyXa, [`${all}\n${row("X1")}\n${row("X2")}`], UNITS).diagnostics.map((d) => d.code)).toEqual([]);
  });
});
