// A streamed file must read as the same file read whole: the same diagnostics, in the same
// order, at the same positions, the same cells, and a dataset that ranks the same. Files are cut
// into many small ranges here, so that every path of the range reader runs.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.mjs";
import { loadAssessment } from "../../src/load/assessment.ts";
import type { LoadOptions } from "../../src/load/tables.ts";
import { folder, ROOT } from "../helpers/exec.ts";
import { ratios, sameAsObjectLoader, TWO_LEVELS } from "../helpers/large.ts";

async function compare(dir: string, chunk = 97, overrides = {}) {
  return (await sameAsObjectLoader(dir, { chunk }, overrides)) as NonNullable<Awaited<ReturnType<typeof sameAsObjectLoader>>>;
}

const fixtures = (kind: string, names: string[]) => names.map((n) => path.join(ROOT, "test/fixtures", kind, n));

describe("the large-input loader reads as the object loader", () => {
  it.each(["samples/ca-mau-2019", "samples/ca-mau-2020", "samples/ca-mau-2019-self", "samples/un-egdi", "test/fixtures/report"])("%s", async (dir) => {
    const { standard } = await compare(path.join(ROOT, dir));
    expect(standard.dataset?.size).toBeGreaterThan(5);
  });

  it.each(fixtures("accepted", ["decimal-comma", "not-applicable", "semicolon-delimiter", "tab-delimiter"]))("%s", async (dir) => {
    await compare(dir);
  });

  it.each(
    fixtures("broken", [
      "csv-duplicate-header",
      "csv-no-code-column",
      "csv-ragged",
      "csv-unclosed-quote",
      "data-duplicate-unit",
      "data-empty-file",
      "data-unknown-level",
      "data-unknown-unit",
      "unit-own-parent",
      "unit-parent-missing",
      "unit-parent-wrong-level",
      "value-decimal-comma",
      "value-decimal-dot",
      "value-half-ratio",
      "value-negative-count",
      "value-not-boolean",
      "value-num-above-den",
      "value-percent-above-100",
      "value-unknown-category",
    ]),
  )("%s: the same problems", async (dir) => {
    const { standard } = await compare(dir);
    expect(standard.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  it.each([1, 7, 42])("generated national-style data, seed %i, cut into many ranges", async (seed) => {
    const dir = mkdtempSync(path.join(tmpdir(), "egov-score-large-"));
    generate(dir, 700, seed);
    const { standard, large } = await compare(dir, 4096);
    // (the numerators and denominators kept: the file's one-for-one columns, streamed and whole)
    expect(ratios(standard.criteria as never, large.dataset as never).kept.length).toBeGreaterThan(100);
  });

  it("line ends CRLF and lone CR, blank lines, quoted fields with line breaks, a BOM, a repeated header", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "egov-score-large-"));
    generate(dir, 300, 9);
    const lines = readFileSync(path.join(dir, "data.csv"), "utf8").split("\n");
    const header = lines[0] as string;
    const edited = lines.map((l, i) => {
      if (i === 40) return l.replace(/^([^,]*),([^,]*),/, '$1,"$2, with a comma\nand a line break",');
      if (i === 80) return `\n\n${l}`;
      if (i === 120) return `${header}\n${l}`;
      return l;
    });
    writeFileSync(path.join(dir, "data.csv"), `\ufeff${edited.join("\r\n")}`);
    await compare(dir, 1500);
    writeFileSync(path.join(dir, "data.csv"), edited.join("\r"));
    await compare(dir, 1500);
  });

  it("a registry of units, several data files, periods, attributes for peer groups, problems of every kind", async () => {
    const dir = folder({
      "egov-score.yaml": "criteria: criteria.yaml\nunits: units.csv\ndata: data/*.csv\ncolumns:\n  attributes: [kind]\n",
      "criteria.yaml": TWO_LEVELS,
      "units.csv": "code,name,level,parent,kind\nH1,Huyện 1,huyen,,thi-xa\nH2,Huyện 2,huyen,,huyen\nH3,Huyện 3,huyen,,huyen\nX1,Xã 1,xa,H1,\nX2,Xã 2,xa,H1,\nX3,Xã 3,xa,H2,\nX4,Xã 4,xa,H9,\nX1,Again,xa,H1,\nX5,Xã 5,,H2,\n",
      "data/a.csv": "code,period,a,b,c,d\nH1,2024,50,có,40,tot\nH2,2024,60,không,,kha\nH3,2024,70,x,60,tot\nX1,2024,80,có,,TOT\nX2,2024,-,có,,kha\nX3,2024,30,không,,xau\nX9,2024,1,có,,tot\nH1,2023,10,có,10,tot\nH1,2024,1,có,1,tot\n",
      "data/b.csv": "code,period,e,a.num,a.den,note\nH1,2024,3,,,x\nH2,2024,,2,4,\nX1,2024,5,1,2,\nX2,2024,7,,,\nX3,2024,9,3,0,\n",
    });
    const { standard } = await compare(dir, 50);
    const codes = standard.diagnostics.map((d) => d.code);
    for (const c of ["DATA_DUPLICATE_UNIT", "DATA_UNKNOWN_UNIT", "DATA_DUPLICATE_VALUE", "PERIOD_LATEST", "VALUE_UNKNOWN_CATEGORY", "UNIT_PARENT_MISSING", "DATA_NO_LEVEL", "CSV_UNKNOWN_COLUMN"]) expect(codes).toContain(c);
  });

  it("keeps a ratio's numerator and denominator read from a second data file, unit by unit", async () => {
    const dir = folder({
      "egov-score.yaml": "criteria: criteria.yaml\nunits: units.csv\ndata: data/*.csv\ncolumns:\n  attributes: [kind]\n",
      "criteria.yaml": TWO_LEVELS,
      "units.csv": "code,name,level,parent,kind\nH1,Huyện 1,huyen,,huyen\nH2,Huyện 2,huyen,,huyen\nX1,Xã 1,xa,H1,\nX2,Xã 2,xa,H2,\n",
      "data/a.csv": "code,a,b,c,d,e,f\nH1,50,có,40,tot,1,2\nH2,60,không,50,kha,2,3\nX1,80,có,,tot,3,4\nX2,70,có,,kha,4,5\n",
      "data/b.csv": "code,z.num,z.den\nX2,1.5,4\nH1,3,7\nX1,-,\n",
    });
    const { standard, large } = await compare(dir, 20);
    expect(ratios(standard.criteria as never, large.dataset as never).kept).toEqual(["z H1 3/7", "z X2 1.5/4"]);
  });

  it("reads a long file whole beside a streamed wide one; small data whole in auto mode", async () => {
    const streamed = async (dir: string, opts: LoadOptions) => {
      let bytes = 0;
      await loadAssessment(dir, {}, { ...opts, begin: (b) => (bytes = b) });
      return bytes;
    };
    const opts: LoadOptions = { mode: "always", threshold: 0, read: { chunk: 100, parallel: 2, workers: false } };
    const mixed = path.join(ROOT, "test/fixtures/accepted/long-and-wide");
    // (the wide file streamed, the long one not: fewer bytes than the two)
    const both = ["long.csv", "scores.csv"].map((f) => statSync(path.join(mixed, "data", f)).size);
    expect(await streamed(mixed, opts)).toBe(both[1]);
    await compare(mixed, 100);
    expect(await streamed(path.join(ROOT, "samples/ca-mau-2019"), { ...opts, mode: "auto", threshold: 1 << 20 })).toBe(0);
  });
});

describe("plain numbers are read as Number() reads them", () => {
  it("digits, a decimal point or comma, a minus: the same double, else NaN", async () => {
    const fc = (await import("fast-check")).default;
    const { plainNumber } = await import("../../src/load/rows/rows.ts");
    const text = fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,17}$/), fc.option(fc.stringMatching(/^[0-9]{1,8}$/))).map(([neg, i, f]) => `${neg ? "-" : ""}${i}${f === null ? "" : `.${f}`}`);
    fc.assert(
      fc.property(text, (s) => {
        expect(Object.is(plainNumber(s, 46), Number(s))).toBe(true);
        expect(Object.is(plainNumber(s.replace(".", ","), 44), Number(s))).toBe(true);
      }),
      { numRuns: 20000 },
    );
    for (const s of ["", "-", ".5", "5.", "1e5", "+1", " 1", "1,5", "1.2.3", "0x10", "--1"]) expect(plainNumber(s, 46)).toBeNaN();
  });
});
