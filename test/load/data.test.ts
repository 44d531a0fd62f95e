// From CSV tables to units: the registry, wide and long files, periods, parents, value checks.
import { describe, expect, it } from "vitest";
import { criteriaFrom, load as loadAll, settings } from "../helpers/model.ts";
import { unitsOf } from "../helpers/dataset.ts";

/** The loader, without DATA_COLUMN_ABSENT nor DATA_LEVEL_NOT_SENT (tested in data-checks.test.ts): the files of a column or two here raise it for the
 * criteria's other indicators (test/load/data-checks.test.ts "absent columns" tests it). */
function load(...args: Parameters<typeof loadAll>) {
  const r = loadAll(...args);
  // (the loader's columns, and the same units as objects)
  return { ...r, dataset: { ...r.dataset, units: unitsOf(args[0], r.dataset) }, diagnostics: r.diagnostics.filter((d) => d.code !== "DATA_COLUMN_ABSENT" && d.code !== "DATA_LEVEL_NOT_SENT") };
}

const C = criteriaFrom(`id: t
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
  - { id: d, max: 1, levels: [xa], rule: { type: points } }
`);
const UNITS = "code,name,level,parent,type\nH1,Huyện 1,huyen,,huyen\nX1,Xã 1,xa,H1,xa\nX2,Phường 2,xa,H1,phuong\n";

const codes = (r: ReturnType<typeof load>) => r.diagnostics.map((d) => [d.code, d.file, d.line, d.column]);

describe("units and files", () => {
  it("merges a wide file and a long file of the same unit", () => {
    // (the registry's "type" kept as the manifest's columns.attributes keeps it)
    const r = load(C, ["code,a,b\nX1,50,có\n", "code,indicator,value,evidence\nX1,c,5,QĐ 12/2019\nX1,d,1,\n"], UNITS, { ...settings, columns: { ...settings.columns, attributes: ["type"] } });
    expect(r.diagnostics).toEqual([]);
    const x1 = r.dataset.units.find((u) => u.code === "X1")!;
    expect([...x1.cells.keys()].sort()).toEqual(["a", "b", "c", "d"]);
    expect(x1.attributes).toEqual({ type: "xa" });
    expect(r.dataset.units.find((u) => u.code === "X2")?.submitted).toBe(false);
  });
  it("the same value given twice is an error pointing at the second", () => {
    expect(codes(load(C, ["code,a\nX1,50\n", "code,indicator,value\nX1,a,60\n"], UNITS))).toEqual([["DATA_DUPLICATE_VALUE", "data1.csv", 2, 3]]);
  });
  it("a unit twice in one file", () => {
    expect(codes(load(C, "code,a\nX1,50\nX2,1\nX1,60\n", UNITS))).toEqual([["DATA_DUPLICATE_UNIT", "data0.csv", 4, 1]]);
  });
  it("a unit missing from the registry, with a suggestion", () => {
    const r = load(C, "code,a\nX3,50\n", UNITS);
    expect(codes(r)).toEqual([["DATA_UNKNOWN_UNIT", "data0.csv", 2, 1]]);
    expect(r.diagnostics[0]?.args.suggestion).toBeDefined();
  });
  it("an unknown indicator in a long file, with a suggestion", () => {
    const r = load(C, "code,indicator,value\nX1,dd,1\n", UNITS);
    expect(codes(r)).toEqual([["DATA_UNKNOWN_INDICATOR", "data0.csv", 2, 2]]);
    expect(r.diagnostics[0]?.args.suggestion).toBe("d");
  });
  it("an unknown column in a wide file is a warning", () => {
    const r = load(C, "code,a,ghi chu\nX1,50,ok\n", UNITS);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.column])).toEqual([["CSV_UNKNOWN_COLUMN", "warning", 3]]);
  });
  it("a value for an indicator that does not apply at the level is a warning and ignored", () => {
    const r = load(C, "code,d\nH1,1\n", UNITS);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["DATA_NOT_APPLICABLE_LEVEL", "warning"]]);
    expect(r.dataset.units.find((u) => u.code === "H1")?.cells.size).toBe(0);
  });
  it("without a registry, units come from the data rows, with their level and parent", () => {
    const r = load(C, "code,name,level,parent,a\nH1,Huyện 1,huyen,,50\nX1,Xã 1,xa,H1,60\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.dataset.units.map((u) => [u.code, u.level, u.parent])).toEqual([["H1", "huyen", undefined], ["X1", "xa", "H1"]]);
  });
  it("without a registry and a level column, several levels cannot be told apart", () => {
    expect(codes(load(C, "code,a\nX1,50\n"))).toEqual([["DATA_NO_LEVEL", "data0.csv", 2, undefined]]);
  });
  it("an empty level cell is reported at the cell, not dropped in silence", () => {
    const r = load(C, "code,name,level,parent,a\nH1,Huyện 1,huyen,,50\nH2,Huyện 2,,,60\n");
    expect(codes(r)).toEqual([["DATA_NO_LEVEL", "data0.csv", 3, 3]]);
    expect(load(C, "code,a\nH1,50\n", "code,name,level\nH1,Huyện 1,\n").diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([["DATA_NO_LEVEL", "units.csv", 2, 3]]);
  });
  it("a registry with a header and no rows yet lists nothing: the units come from the data", () => {
    const r = load(C, "code,name,level,a\nH1,Huyện 1,huyen,50\n", "code,name,level,parent\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.dataset.units.map((u) => [u.code, u.name, u.level, u.submitted])).toEqual([["H1", "Huyện 1", "huyen", true]]);
  });
  it("codes and headers are NFC-normalised and trimmed", () => {
    const r = load(C, `code, a \n ${"X1"} ,50\n`, UNITS);
    expect(r.diagnostics).toEqual([]);
    expect(r.dataset.units.find((u) => u.code === "X1")?.cells.get("a")).toMatchObject({ value: 50 });
  });
});

describe("parents", () => {
  it.each([
    ["a missing parent", "code,name,level,parent\nH1,H,huyen,\nX1,X,xa,H9\n", "UNIT_PARENT_MISSING"],
    ["a parent of the wrong level", "code,name,level,parent\nH1,H,huyen,\nX1,X,xa,H1\nX2,X,xa,X1\n", "UNIT_PARENT_LEVEL"],
    ["a unit that is its own parent", "code,name,level,parent\nH1,H,huyen,\nX1,X,xa,X1\n", "UNIT_PARENT_CYCLE"],
    ["a cycle of parents", "code,name,level,parent\nX1,X,xa,X2\nX2,X,xa,X1\n", "UNIT_PARENT_CYCLE"],
    ["an unknown level", "code,name,level,parent\nH1,H,tinh,\n", "DATA_UNKNOWN_LEVEL"],
  ])("%s", (_n, units, code) => {
    expect(load(C, "code,a\n", units).diagnostics.map((d) => d.code)).toContain(code);
  });
  it("a commune without a parent is a warning", () => {
    const r = load(C, "code,a\nX1,5\n", "code,name,level,parent\nX1,X,xa,\n");
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["UNIT_NO_PARENT", "warning"]]);
  });
});

describe("values", () => {
  it.each([
    ["a percentage above 100", "code,a\nX1,120\n", "VALUE_OUT_OF_RANGE", 2],
    ["a negative count", "code,c\nX1,-2\n", "VALUE_NEGATIVE", 2],
    ["a numerator above its denominator", "code,a.num,a.den\nX1,5,4\n", "VALUE_NUM_ABOVE_DEN", 2],
    ["half a ratio", "code,a.num,a.den\nX1,5,\n", "VALUE_HALF_RATIO", 3],
    ["a yes/no cell that is neither", "code,b\nX1,maybe\n", "VALUE_NOT_BOOLEAN", 2],
    ["a decimal comma under decimal '.'", "code,a\nX1,\"97,5\"\n", "VALUE_DECIMAL_COMMA", 2],
    ["text in a number", "code,c\nX1,bốn\n", "VALUE_NOT_A_NUMBER", 2],
  ])("%s", (_n, data, code, column) => {
    expect(codes(load(C, data, UNITS))).toEqual([[code, "data0.csv", 2, column]]);
  });
  it("a zero denominator is not applicable, with a warning", () => {
    const r = load(C, "code,a.num,a.den\nX1,0,0\n", UNITS);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["VALUE_ZERO_DENOMINATOR", "warning"]]);
    expect(r.dataset.units.find((u) => u.code === "X1")?.cells.get("a")?.kind).toBe("na");
  });
  it("Vietnamese numbers with decimal ','", () => {
    const r = load(C, "code;a;c\nX1;97,28;1.234,5\n", UNITS, { ...settings, decimal: "," });
    expect(r.diagnostics).toEqual([]);
    const u = r.dataset.units.find((x) => x.code === "X1")!;
    expect([u.cells.get("a"), u.cells.get("c")].map((c) => (c?.kind === "number" ? c.value : null))).toEqual([97.28, 1234.5]);
  });
});

describe("periods", () => {
  const data = "code,period,a\nX1,2019,50\nX1,2020,60\nX2,2020,70\n";
  it("without --period the latest period is scored, with a note", () => {
    const r = load(C, data, UNITS);
    expect(r.dataset.period).toBe("2020");
    expect(r.periods).toEqual(["2019", "2020"]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["PERIOD_LATEST", "note"]]);
    expect(r.dataset.units.find((u) => u.code === "X1")?.cells.get("a")).toMatchObject({ value: 60 });
  });
  it("a chosen period", () => {
    const r = load(C, data, UNITS, { ...settings, period: "2019" });
    expect(r.diagnostics).toEqual([]);
    expect(r.dataset.units.find((u) => u.code === "X2")?.submitted).toBe(false);
  });
  it("a period that is not in the data", () => {
    expect(load(C, data, UNITS, { ...settings, period: "2018" }).diagnostics.map((d) => d.code)).toEqual(["PERIOD_NOT_FOUND"]);
  });
});
