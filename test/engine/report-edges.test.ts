// The report's computations at their edges: a level where nobody is ranked, units that sent only
// "not applicable", peer groups by parent named after the parent, indicators at the top of the
// tree, and the ordering of the weakest indicators, each worked out by hand.
import { describe, expect, it } from "vitest";
import { buildReport, indicatorGaps, outcome, pillarAverages, summarise, unitWeakest, weakestIndicators, type IndicatorGap } from "../../src/engine/report.ts";
import type { NodeScore, UnitResult } from "../../src/model/result.ts";
import { scoreOf } from "../helpers/model.ts";

const CRITERIA = `id: t
title: T
version: 1
levels:
  - id: huyen
  - id: xa
    parent: huyen
    peers: { by: parent }
bands:
  list:
    - { id: tot, min: 80 }
    - { id: yeu, min: 0 }
groups:
  - id: g
    indicators:
      - { id: a, max: 6, rule: { type: ratio } }
indicators:
  - { id: top, max: 4, levels: [xa], rule: { type: points } }
`;
const UNITS = "code,name,level,parent\nH1,Huyện Một,huyen,\nH2,Huyện Hai,huyen,\nX1,Xã 1,xa,H1\nX2,Xã 2,xa,H1\nX3,Xã 3,xa,H2\n";

describe("buildReport at its edges", () => {
  // Districts: H1 sent only "not applicable", H2 nothing: nobody ranked.
  // Communes: X1 = 3 + 4 = 7 / 10, X2 = 6 + 1 = 7 / 10, X3 = 0 + 2 = 2 / 10.
  const result = scoreOf(CRITERIA, "code,a,top\nH1,N/A,\nX1,50,4\nX2,100,1\nX3,0,2\n", UNITS);
  const report = buildReport(result);
  const [huyen, xa] = report.levels;

  it("a level where nobody is ranked: counts, and no statistics", () => {
    expect(huyen?.summary).toEqual({ assessed: 2, ranked: 0, notRanked: 2, incomplete: 0, mean: null, median: null, min: null, max: null, bands: [{ id: "tot", count: 0 }, { id: "yeu", count: 0 }] });
    expect(huyen?.pillarAverages).toEqual([{ id: "g", max: 6, units: 0, meanPoints: null, meanMax: null, meanRate: null }]);
    expect(huyen?.gaps).toEqual([{ id: "a", pillar: "g", max: 6, units: 0, full: 0, partial: 0, zero: 0, notApplicable: 0, missing: 0, meanPoints: null, meanRate: null, pointsLost: 0, meanLost: null }]);
    expect(huyen?.weakest).toEqual([]);
    expect(huyen?.unitGaps).toEqual([]);
  });

  it("why a unit is not ranked: only 'not applicable' sent, or nothing", () => {
    expect(huyen?.notRanked).toEqual([
      { code: "H1", name: "Huyện Một", reason: "nothing-applicable" },
      { code: "H2", name: "Huyện Hai", reason: "no-data" },
    ]);
  });

  it("peer groups by parent are labelled with the parent's name", () => {
    expect(xa?.peerGroups.map((g) => [g.key, g.label, g.units.map((u) => u.code)])).toEqual([
      ["H1", "Huyện Một", ["X1", "X2"]],
      ["H2", "Huyện Hai", ["X3"]],
    ]);
    // peers by level: one group, without a label
    expect(huyen?.peerGroups.map((g) => [g.key, g.label])).toEqual([["", ""]]);
  });

  it("an indicator at the top of the tree is its own pillar", () => {
    expect(xa?.pillars.map((p) => p.id)).toEqual(["g", "top"]);
    expect(xa?.gaps.map((g) => [g.id, g.pillar, g.max, g.full, g.partial, g.zero])).toEqual([
      ["a", "g", 6, 1, 1, 1],
      ["top", "top", 4, 1, 2, 0],
    ]);
    // a loses (3 + 0 + 6) / 3 = 3 per unit, top (0 + 3 + 2) / 3 = 5/3
    expect(xa?.weakest.map((g) => [g.id, g.meanLost])).toEqual([
      ["a", 3],
      ["top", 5 / 3],
    ]);
  });

  it("units not ranked are listed by code, with their parent", () => {
    const r = buildReport(scoreOf(CRITERIA, "code,a,top\nH1,50,\n", UNITS));
    expect(r.levels[1]?.notRanked).toEqual([
      { code: "X1", name: "Xã 1", parent: "H1", reason: "no-data" },
      { code: "X2", name: "Xã 2", parent: "H1", reason: "no-data" },
      { code: "X3", name: "Xã 3", parent: "H2", reason: "no-data" },
    ]);
  });
});

const node = (id: string, o: Partial<NodeScore>): NodeScore => ({ id, kind: "indicator", applicable: true, included: true, points: 0, max: 1, rate: 0, ...o });
const unitOf = (code: string, nodes: NodeScore[], o: Partial<UnitResult> = {}): UnitResult => ({
  code,
  name: code,
  level: "u",
  peerGroup: "",
  status: "ranked",
  score: 0,
  max: 1,
  percent: 50,
  band: null,
  rank: 1,
  base: 0,
  bonus: 0,
  penalty: 0,
  nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
  ...o,
});
const gapOf = (id: string, meanLost: number | null, meanRate: number | null): IndicatorGap => ({ id, pillar: id, max: 1, units: 1, full: 0, partial: 0, zero: 0, notApplicable: 0, missing: 0, meanPoints: null, meanRate, pointsLost: 0, meanLost });

describe("the report's functions on hand-made results", () => {
  it.each<[string, Partial<NodeScore>, ReturnType<typeof outcome>]>([
    ["full", { rate: 1 }, "full"],
    ["full within rounding", { rate: 1 - 1e-12 }, "full"],
    ["partial", { rate: 0.5 }, "partial"],
    ["zero", { rate: 0 }, "zero"],
    ["zero within rounding", { rate: 1e-12 }, "zero"],
    ["not applicable", { applicable: false, included: false, rate: null }, "notApplicable"],
    ["missing, scored zero", { missing: "zero" }, "missing"],
    ["missing, imputed", { missing: "impute-mean", rate: 0.7 }, "missing"],
    ["left out of the maximum", { included: false, rate: null, points: null }, "missing"],
  ])("outcome: %s", (_name, o, expected) => {
    expect(outcome(node("x", o))).toBe(expected);
  });

  it("summarise leaves out ranked units without a percentage and counts bands of ranked units only", () => {
    const us = [unitOf("A", [], { percent: 90, band: "tot" }), unitOf("B", [], { percent: null, band: "tot" }), unitOf("C", [], { status: "not-ranked", percent: null, band: "tot" })];
    expect(summarise(us, ["tot"])).toMatchObject({ assessed: 3, ranked: 2, notRanked: 1, mean: 90, median: 90, min: 90, max: 90, bands: [{ id: "tot", count: 2 }] });
  });

  it("pillarAverages of a pillar that does not apply at the level: maximum 0, no unit", () => {
    const pillar = { id: "p", maxByLevel: new Map([["other", 5]]) } as unknown as Parameters<typeof pillarAverages>[1][number];
    expect(pillarAverages([unitOf("A", [node("p", { included: false, points: null })])], [pillar], "u")).toEqual([{ id: "p", max: 0, units: 0, meanPoints: null, meanMax: null, meanRate: null }]);
  });

  it("indicatorGaps skips units without the indicator's node, and counts a missing rate as 0", () => {
    const ind = { id: "i", path: [], maxByLevel: new Map([["u", 2]]) };
    const gaps = indicatorGaps([unitOf("A", [node("i", { points: 1, max: 2, rate: null })]), unitOf("B", [])], [ind], "u");
    expect(gaps).toEqual([{ id: "i", pillar: "i", max: 2, units: 1, full: 0, partial: 0, zero: 1, notApplicable: 0, missing: 0, meanPoints: 1, meanRate: 0, pointsLost: 1, meanLost: 1 }]);
    expect(indicatorGaps([], [{ id: "j", path: ["g"], maxByLevel: new Map() }], "u")[0]).toMatchObject({ pillar: "g", max: 0, units: 0 });
  });

  it("weakestIndicators: most lost first; ties by the lower mean rate, then criteria order; nothing lost is left out", () => {
    const gaps = [gapOf("a", 1, 0.5), gapOf("b", 2, 0.4), gapOf("c", 1, 0.2), gapOf("d", null, null), gapOf("e", 1, null), gapOf("f", 1, 0.5), gapOf("g", 0, 0)];
    expect(weakestIndicators(gaps, 10).map((g) => g.id)).toEqual(["b", "e", "c", "a", "f"]);
    expect(weakestIndicators(gaps, 2).map((g) => g.id)).toEqual(["b", "e"]);
    expect(weakestIndicators(gaps).length).toBe(5);
  });

  it("unitWeakest: points lost per indicator, most first, ties in criteria order, at most the limit", () => {
    const u = unitOf("A", [node("p", { points: 1, max: 3 }), node("q", { points: 2, max: 4 }), node("r", { points: 0, max: 2 }), node("s", { points: 5, max: 5 }), node("t", { included: false, points: null }), node("v", { points: null })]);
    expect(unitWeakest(u, ["p", "q", "r", "s", "t", "v", "w"], 5)).toEqual([
      { id: "p", points: 1, max: 3, lost: 2 },
      { id: "q", points: 2, max: 4, lost: 2 },
      { id: "r", points: 0, max: 2, lost: 2 },
    ]);
    expect(unitWeakest(u, ["r", "q", "p"], 2).map((l) => l.id)).toEqual(["r", "q"]);
  });

  it("the weakest and per-unit limits are options of buildReport", () => {
    const result = scoreOf(CRITERIA, "code,a,top\nX1,50,1\nX2,0,0\n", UNITS);
    const r = buildReport(result, { weakest: 1, perUnit: 1 });
    expect(r.levels[1]?.weakest.map((g) => g.id)).toEqual(["a"]);
    expect(r.levels[1]?.unitGaps.map((g) => [g.code, g.weakest.map((l) => l.id)])).toEqual([
      // X1 loses 3 on a and 3 on top: the tie goes to criteria order
      ["X1", ["a"]],
      ["X2", ["a"]],
    ]);
  });
});
