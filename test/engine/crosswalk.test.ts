// Crosswalks in the engine, by hand: lineages checked against both sides, the three ways of
// combining predecessors, merged units in the comparison and in the trends.
import { describe, expect, it } from "vitest";
import { compare, type Comparison, type UnitChange } from "../../src/engine/compare.ts";
import { combine, lineages as lineagesOf, type Predecessor, type SideUnit } from "../../src/engine/crosswalk.ts";
import { weightReader } from "../../src/load/crosswalk.ts";
import { trends } from "../../src/engine/trend.ts";
import type { Crosswalk, CrosswalkRow } from "../../src/model/crosswalk.ts";
import type { Result } from "../../src/model/result.ts";
import { scoreOf } from "../helpers/model.ts";

const CRITERIA = `id: t
title: T
version: "1"
levels:
  - id: u
  - id: v
bands:
  on: percent
  list:
    - { id: tot, min: 80 }
    - { id: kha, min: 50 }
    - { id: yeu, min: 0 }
indicators:
  - { id: p, max: { u: 100, v: 50 }, unit: number, rule: { type: points } }
`;

const row = (old: string, neu: string, share = 1, shareGiven = false, date?: string): CrosswalkRow => ({ old, new: neu, share, shareGiven, file: "cw.csv", line: 2, columns: { old: 1, new: 2 }, ...(date ? { date } : {}) });
const cw = (rows: CrosswalkRow[], method: Crosswalk["method"] = { combine: "mean" }, levels: Crosswalk["levels"] = {}): Crosswalk => ({ file: "cw.csv", rows, method, levels });
const side = (entries: [string, string, Record<string, string>?][]) => new Map<string, SideUnit>(entries.map(([c, level, attributes]) => [c, { level, attributes: attributes ?? {} }]));
// (the weights of these sides are written with a decimal dot)
const lineages = (c: Crosswalk, before: Map<string, SideUnit>, after: Map<string, SideUnit>, name: string, decimal: "." | "," = ".") => lineagesOf(c, before, after, name, weightReader(decimal));
const p = (share: number, weight = 1): Predecessor => ({ code: "x", share, weight });

describe("combine", () => {
  it.each([
    ["mean", 64], // (60 + 80 + 0.5×40) / 2.5
    ["sum", 160], // 60 + 80 + 0.5×40
    ["weighted", 68], // (100×60 + 300×80 + 0.5×200×40) / 500
  ] as const)("%s", (how, expected) => {
    expect(combine([{ x: 60, p: p(1, 100) }, { x: 80, p: p(1, 300) }, { x: 40, p: p(0.5, 200) }], how)).toBeCloseTo(expected, 12);
  });
  it("nothing to combine is null; weights of zero give null rather than a division by zero", () => {
    expect(combine([], "mean")).toBeNull();
    expect(combine([{ x: 5, p: p(1, 0) }], "weighted")).toBeNull();
  });
});

describe("lineages", () => {
  const before = side([["A", "u", { pop: "100" }], ["B", "u", { pop: "1.200" }], ["H", "v", { pop: "5" }], ["N", "u", { pop: "" }]]);
  const after = side([["X", "u"], ["Y", "u"]]);

  it("groups rows by the new unit, with shares, weights and dates", () => {
    // (1.200 is one thousand two hundred in the Vietnamese convention, decimal ",")
    const r = lineages(cw([row("A", "X", 1, false, "2025-07-01"), row("B", "X", 0.5, true, "2025-03-01"), row("B", "Y", 0.5, true)], { combine: "weighted", weight: "pop" }), before, after, "2024", ",");
    expect(r.diagnostics).toEqual([]);
    expect(r.lineages.get("X")).toEqual({ code: "X", level: "u", method: { combine: "weighted", weight: "pop" }, dates: ["2025-03-01", "2025-07-01"], from: [{ code: "A", share: 1, weight: 100 }, { code: "B", share: 0.5, weight: 1200 }] });
    expect(r.lineages.get("Y")?.from).toEqual([{ code: "B", share: 0.5, weight: 1200 }]);
  });

  it("an unknown old code, another level, a missing weight: each a diagnostic at its row; a new code unknown here is left to the loader", () => {
    const r = lineages(cw([row("Z", "X"), row("H", "X"), row("N", "Y"), row("A", "Q")], { combine: "weighted", weight: "pop" }), before, after, "2024");
    expect(r.diagnostics.map((d) => [d.code, d.args])).toEqual([
      ["CROSSWALK_UNKNOWN_CODE", { code: "Z", side: "2024", column: "old" }],
      ["CROSSWALK_LEVEL", { old: "H", oldLevel: "v", new: "X", newLevel: "u" }],
      ["CROSSWALK_WEIGHT", { code: "N", attribute: "pop", value: "" }],
    ]);
    expect(r.diagnostics[0]).toMatchObject({ file: "cw.csv", line: 2, column: 1 });
    expect(r.lineages.size).toBe(0);
  });

  it("a weight is read in the earlier side's decimal convention, thousands separators included; text that is no number there is an error, never a guess", () => {
    const weights = ["12.345", "12,345", "1 234,5", "1,234.5", "1,5", "7", "0", "-3", "n/a"];
    const b = side(weights.map((w, i) => [`P${i}`, "u", { pop: w }]));
    const rows = weights.map((_, i) => row(`P${i}`, "X"));
    const read = (decimal: "." | ",") => {
      const r = lineages(cw(rows, { combine: "weighted", weight: "pop" }), b, after, "2024", decimal);
      const got = new Map((r.lineages.get("X")?.from ?? []).map((f) => [weights[Number(f.code.slice(1))], f.weight]));
      return { got: Object.fromEntries(got), refused: r.diagnostics.map((d) => (d.args as { value: string }).value) };
    };
    // before: "12,345" was read 12.345 and "12.345" 12345 whatever the convention
    expect(read(".")).toEqual({ got: { "12.345": 12.345, "12,345": 12345, "1,234.5": 1234.5, "7": 7 }, refused: ["1 234,5", "1,5", "0", "-3", "n/a"] });
    expect(read(",")).toEqual({ got: { "12.345": 12345, "12,345": 12.345, "1 234,5": 1234.5, "1,5": 1.5, "7": 7 }, refused: ["1,234.5", "0", "-3", "n/a"] });
  });

  it("a method per level overrides the crosswalk's own; an attribute is found whatever its Unicode form", () => {
    const b = side([["A", "u", { "dân-số": "10" }]]);
    const r = lineages(cw([row("A", "X")], { combine: "mean" }, { u: { combine: "weighted", weight: "dân-số".normalize("NFD") } }), b, after, "2024");
    expect(r.lineages.get("X")?.method).toEqual({ combine: "weighted", weight: "dân-số".normalize("NFD") });
    expect(r.lineages.get("X")?.from[0]?.weight).toBe(10);
  });
});

const unitOf = (c: Comparison, code: string): UnitChange => {
  for (const l of c.levels) for (const u of l.units) if (u.code === code) return u;
  throw new Error(`no unit ${code}`);
};

describe("compare with lineages", () => {
  const units2024 = "code,name,level,pop\nA,A,u,100\nB,B,u,300\nC,C,u,200\nS,S,u,1\nK,K,u,5\n";
  const before = { ...scoreOf(CRITERIA, "code,p\nA,60\nB,80\nC,40\nK,90\n", units2024), period: "2024" } as Result;
  const after = { ...scoreOf(CRITERIA, "code,p\nX,70\nY,45\nZ,30\nK,95\n", "code,name,level\nX,X,u\nY,Y,u\nZ,Z,u\nK,K,u\n"), period: "2025" } as Result;
  const b = side([["A", "u", { pop: "100" }], ["B", "u", { pop: "300" }], ["C", "u", { pop: "200" }], ["S", "u", { pop: "1" }], ["K", "u", { pop: "5" }]]);
  const a = side([["X", "u"], ["Y", "u"], ["Z", "u"], ["K", "u"]]);
  const rows = [row("A", "X"), row("B", "X"), row("C", "X", 0.5, true), row("C", "Y", 0.5, true), row("S", "Z")];

  it.each([
    ["mean", { combine: "mean" }, 64, 64, 100],
    ["sum", { combine: "sum" }, 64, 160, 250],
    ["weighted", { combine: "weighted", weight: "pop" }, 68, 68, 100],
  ] as const)("%s: X's first side, band of the first criteria, no rank", (_, method, percent, scoreValue, max) => {
    const l = lineages(cw(rows, method), b, a, "2024").lineages;
    const c = compare(before, after, { labels: { before: "2024", after: "2025" }, lineages: l, crosswalkFile: "cw.csv" });
    const x = unitOf(c, "X");
    expect(x.presence).toBe("merged");
    expect(x.before?.percent).toBeCloseTo(percent, 12);
    expect(x.before?.score).toBeCloseTo(scoreValue, 12);
    expect(x.before?.max).toBeCloseTo(max, 12);
    expect(x.before?.band).toBe("kha");
    expect(x.before?.rank).toBeNull();
    expect(x.move).toBeNull();
    expect(x.percentChange).toBeCloseTo(70 - percent, 12);
    expect(x.scoreChange).toBeCloseTo(70 - scoreValue, 12);
    expect(x.groups.map((g) => g.id)).toEqual(["p"]);
    expect(x.groups[0]?.before).toBeCloseTo(scoreValue, 12);
    expect(x.differences.map((d) => d.id)).toEqual(["p"]);
    expect(x.crosswalk?.from.map((f) => [f.code, f.share, f.percent])).toEqual([["A", 1, 60], ["B", 1, 80], ["C", 0.5, 40]]);
    // S sent nothing in 2024: Z's first side is not ranked, and nothing is compared
    const z = unitOf(c, "Z");
    expect(z.before).toMatchObject({ status: "not-ranked", max: null, percent: null, band: null });
    expect(z.percentChange).toBeNull();
    expect(z.crosswalk?.from[0]).toMatchObject({ code: "S", status: "not-ranked", percent: null });
    // K kept its code; no predecessor is listed as gone
    expect(unitOf(c, "K").presence).toBe("both");
    expect(c.levels[0]?.units.map((u) => u.code).sort()).toEqual(["K", "X", "Y", "Z"]);
    expect(c.levels[0]?.summary.merged).toEqual(expect.arrayContaining(["X", "Y", "Z"]));
    expect(c.levels[0]?.summary.counts.merged).toBe(3);
    // the first side's count: K, and the predecessors A, B, C (divided, counted once) and S
    expect(c.levels[0]?.summary.counts.before).toBe(5);
    expect(c.crosswalk).toEqual({ file: "cw.csv", merged: 3, predecessors: 4, dates: [] });
  });

  it("without a crosswalk file named, the comparison carries no crosswalk", () => {
    const c = compare(before, after, { labels: { before: "2024", after: "2025" } });
    expect(c.crosswalk).toBeUndefined();
    expect(unitOf(c, "A").presence).toBe("gone");
  });
});

describe("trends with a crosswalk", () => {
  const units = "code,name,level\nA,A,u\nB,B,u\nK,K,u\n";
  const r2023 = { ...scoreOf(CRITERIA, "code,p\nA,50\nB,70\nK,80\n", units), period: "2023" } as Result;
  const r2024 = { ...scoreOf(CRITERIA, "code,p\nA,60\nB,80\nK,85\n", units), period: "2024" } as Result;
  const r2025 = { ...scoreOf(CRITERIA, "code,p\nX,75\nK,90\n", "code,name,level\nX,X,u\nK,K,u\n"), period: "2025" } as Result;
  const b = side([["A", "u"], ["B", "u"], ["K", "u"]]);
  const a = side([["X", "u"], ["K", "u"]]);

  it.each([
    ["mean", { combine: "mean" }, [60, 70, 75]],
    ["sum", { combine: "sum" }, [60, 70, 75]],
  ] as const)("%s: a merged unit's earlier periods are its predecessors' combination; they are not followed apart", (_, method, expected) => {
    const l = lineages(cw([row("A", "X"), row("B", "X")], method), b, a, "2023, 2024").lineages;
    const [t] = trends([r2023, r2024, r2025], { lineages: l, file: "cw.csv" });
    const x = t?.units.find((u) => u.code === "X");
    expect(x?.from).toEqual(["A", "B"]);
    x?.percent.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 12));
    expect(t?.units.map((u) => u.code).sort()).toEqual(["K", "X"]);
    expect(t?.crosswalk).toEqual({ file: "cw.csv", units: 1 });
  });

  it("without a crosswalk, units are followed by code only", () => {
    const [t] = trends([r2023, r2024, r2025]);
    expect(t?.units.find((u) => u.code === "X")?.percent).toEqual([null, null, 75]);
    expect(t?.crosswalk).toBeUndefined();
  });
});

describe("merged units at the edges", () => {
  const PEN = `id: t
title: T
version: "1"
levels:
  - id: h
  - id: u
    parent: h
bands:
  on: score
  list:
    - { id: tot, min: 70 }
    - { id: yeu, min: 0 }
indicators:
  - { id: p, max: 100, unit: number, rule: { type: points }, levels: [u] }
  - { id: q, max: 100, unit: number, rule: { type: points }, levels: [h] }
penalty:
  max: 10
  indicators:
    - { id: pen, max: 10, unit: number, rule: { type: points }, levels: [u] }
`;
  const units = "code,name,level,parent\nH,H,h,\nA,A,u,H\nB,B,u,H\n";
  const before = { ...scoreOf(PEN, "code,p,pen,q\nA,80,2,\nB,60,,\nH,,,50\n", units), period: "2024" } as Result;
  const after = { ...scoreOf(PEN, "code,p,pen,q\nX,75,1,\nY,,,\nH,,,55\n", "code,name,level,parent\nH,H,h,\nX,X,u,H\nY,Y,u,H\n"), period: "2025" } as Result;
  const b = side([["A", "u"], ["B", "u"], ["H", "h"]]);
  const a = side([["X", "u"], ["Y", "u"], ["H", "h"]]);
  const l = lineages(cw([row("A", "X"), row("B", "X"), row("A", "Y", 0.5, true)]), b, a, "2024").lineages;
  const c = compare(before, after, { labels: { before: "2024", after: "2025" }, lineages: l, crosswalkFile: "cw.csv" });

  it("a penalty counts against; the parent is kept; bands on the score", () => {
    const x = unitOf(c, "X");
    // A: 80 − 2 = 78, B: 60; X: 75 − 1 = 74; mean of A and B with shares 1 and 1 (A also gave half to Y): 69
    expect(x.before?.score).toBeCloseTo(69, 12);
    expect(x.before?.band).toBe("yeu");
    expect(x.after?.band).toBe("tot");
    expect(x.bandChange).toBe("up");
    expect(x.parent).toBe("H");
    const pen = x.differences.find((d) => d.id === "pen");
    // the penalty went from 1 (mean of 2 and 0) to 1: no change listed; p from 70 to 75
    expect(pen).toBeUndefined();
    expect(x.differences.find((d) => d.id === "p")?.change).toBeCloseTo(5, 12);
  });

  it("a merged unit that sent nothing on the second side: no differences, no change", () => {
    const y = unitOf(c, "Y");
    expect(y.after?.status).toBe("not-ranked");
    expect(y.differences).toEqual([]);
    expect(y.percentChange).toBeNull();
  });

  it("trends: a period where no predecessor was ranked reads null, under every method", () => {
    const r2023 = { ...scoreOf(PEN, "code,p,pen,q\nH,,,40\n", units), period: "2023" } as Result;
    for (const combine of ["mean", "sum", "weighted"] as const) {
      const ll = lineages(cw([row("A", "X"), row("B", "X")], combine === "weighted" ? { combine, weight: "w" } : { combine }), side([["A", "u", { w: "1" }], ["B", "u", { w: "3" }]]), a, "x").lineages;
      const t = trends([r2023, before, after], { lineages: ll, file: "cw.csv" }).find((x) => x.level.id === "u");
      const x = t?.units.find((u) => u.code === "X");
      expect(x?.percent[0], combine).toBeNull();
      // 2024: A 78, B 60 (scores of 100)
      expect(x?.percent[1], combine).toBeCloseTo(combine === "weighted" ? (78 + 3 * 60) / 4 : 69, 12);
    }
  });
});
