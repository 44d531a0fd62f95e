// Reading a crosswalk with its assessment: the file's rows, shares split evenly or as given,
// the method from the manifest over the criteria, and each mistake at its place.
import { realpathSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadAssessment } from "../../src/load/assessment.ts";
import { folder } from "../helpers/exec.ts";

const CRITERIA = (extra = "") => `id: t
title: T
version: 1
levels:
  - id: u
indicators:
  - { id: p, max: 10, unit: number, rule: { type: points } }
${extra}`;

const load = async (crosswalk: string, manifest = "crosswalk: cw.csv\n", criteria = CRITERIA()) => {
  const dir = realpathSync(
    folder({
      "egov-score.yaml": `criteria: c.yaml\nunits: units.csv\ndata: [d.csv]\ncolumns: { attributes: [pop] }\n${manifest}`,
      "c.yaml": criteria,
      "units.csv": "code,name,level,pop\nX,X,u,1\nY,Y,u,2\n",
      "d.csv": "code,p\nX,5\nY,6\n",
      "cw.csv": crosswalk,
    }),
  );
  return await loadAssessment(dir, {});
};
const codes = (l: Awaited<ReturnType<typeof load>>) => l.diagnostics.map((d) => [d.code, d.line, d.column]);

describe("loadCrosswalk", () => {
  it("reads the rows; an old unit divided without shares is split evenly, beside given shares the rest is", async () => {
    const l = (await load("old,new,date,share,note\nA,X,2025-07-01,,\nB,X,,,\nB,Y,,,\nC,X,,40%,\nC,Y,,,\nC,Y2,,,\n".replace("C,Y2,,,\n", "")));
    expect(l.diagnostics).toEqual([]);
    const shares = l.crosswalk?.rows.map((r) => [r.old, r.new, r.share, r.date ?? null]);
    expect(shares).toEqual([
      ["A", "X", 1, "2025-07-01"],
      ["B", "X", 0.5, null],
      ["B", "Y", 0.5, null],
      ["C", "X", 0.4, null],
      ["C", "Y", expect.closeTo(0.6, 12), null],
    ]);
    expect(l.crosswalk?.method).toEqual({ combine: "mean" });
    expect(l.inputs.some((f) => f.endsWith("cw.csv"))).toBe(true);
  });

  it("the method: criteria first, the manifest over them, levels over both; a weight alone means weighted", async () => {
    const l = (await load("old,new\nA,X\n", "crosswalk: { file: cw.csv, weight: pop, levels: { u: { combine: sum } } }\n", CRITERIA("crosswalk: { combine: sum, levels: { v: { combine: mean } } }\n")));
    expect(l.diagnostics).toEqual([]);
    expect(l.crosswalk?.method).toEqual({ combine: "weighted", weight: "pop" });
    expect(l.crosswalk?.levels).toEqual({ u: { combine: "sum" }, v: { combine: "mean" } });
    expect(l.criteria?.crosswalk).toEqual({ combine: "sum", levels: { v: { combine: "mean" } } });
  });

  it("each mistake at its row and column", async () => {
    const l = (await load("old,new,date,share\n,X,,\nA,,,\nA,X,,\nA,X,,\nB,X,,2\nC,Q,,\nD,X,2025/7/1,\nE,X,,0.7\nE,Y,,0.6\n"));
    expect(codes(l)).toEqual([
      ["CROSSWALK_EMPTY_CODE", 2, 1],
      ["CROSSWALK_EMPTY_CODE", 3, 2],
      ["CROSSWALK_DUPLICATE", 5, 1],
      ["CROSSWALK_SHARE", 6, 4],
      ["CROSSWALK_UNKNOWN_CODE", 7, 2],
      ["CROSSWALK_DATE", 8, 3],
      ["CROSSWALK_SHARES", 10, 4],
    ]);
  });

  it("a file without old or new; weighted without a weight, or with one the registry does not declare", async () => {
    expect(codes((await load("from,to\nA,X\n")))).toEqual([["CROSSWALK_COLUMNS", 1, undefined], ["CROSSWALK_COLUMNS", 1, undefined]]);
    expect((await load("old,new\nA,X\n", "crosswalk: { file: cw.csv, combine: weighted }\n")).diagnostics.map((d) => [d.code, d.args.detail])).toEqual([["CROSSWALK_WEIGHT_ATTRIBUTE", "no weight:"]]);
    const l = (await load("old,new\nA,X\n", "crosswalk: { file: cw.csv, levels: { u: { weight: dan-so } } }\n"));
    expect(l.diagnostics.map((d) => [d.code, d.args.detail, d.line])).toEqual([["CROSSWALK_WEIGHT_ATTRIBUTE", "dan-so (u) is not under columns.attributes", 5]]);
  });

  it("a crosswalk file that is not there", async () => {
    expect((await load("", "crosswalk: nowhere.csv\n")).diagnostics.map((d) => d.code)).toEqual(["FILE_NOT_FOUND"]);
  });
});
