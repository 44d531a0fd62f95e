// `explain` and trends at their edges: counts given as two columns, agencies, groups that do not
// apply at a level, bonus and penalty lines, a level only in older periods, renamed bands.
import { arithmeticText } from "../../src/render/detail.ts";
import { describe, expect, it } from "vitest";
import { explain, type ExplainedIndicator } from "../../src/engine/explain.ts";
import { trends } from "../../src/engine/trend.ts";
import type { Result, UnitResult } from "../../src/model/result.ts";
import { scoreOf, unit } from "../helpers/model.ts";

const CRITERIA = `id: t
title: T
version: 1
levels:
  - id: so
  - id: xa
groups:
  - id: g
    indicators:
      - { id: dv, max: 4, unit: number, agency: Sở Nội vụ, rule: { type: ratio } }
      - { id: f, max: 2, unit: fraction, rule: { type: ratio } }
  - id: only-so
    levels: [so]
    indicators:
      - { id: s, max: 4, rule: { type: points } }
bonus:
  max: 1
  indicators:
    - { id: award, max: 1, rule: { type: boolean } }
penalty:
  max: 2
  indicators:
    - { id: late, max: 2, levels: [xa], rule: { type: points } }
`;
const UNITS = "code,name,level\nS1,Sở 1,so\nX1,Xã 1,xa\nX2,Xã 2,xa\n";

describe("explain at its edges", () => {
  // X1: dv 3/4 = 0.75 (unit number: no × 100) → 3; f 0.5 → 1; award yes → +1; late 1 → −1: 4 + 1 − 1 = 4 of 6
  const r = scoreOf(CRITERIA, "code,dv.num,dv.den,f,award,late\nX1,3,4,0.5,có,1\nX2,1,4,0.25,không,0\nS1,1,2,1,,\n", UNITS);
  const e = explain(r, unit(r, "X1"));
  const ind = (id: string) => [...e.items, ...e.bonus, ...e.penalty].find((i) => i.id === id) as ExplainedIndicator;

  it("a count from two columns on a plain number: the quotient without × 100", () => {
    expect(arithmeticText(ind("dv").arithmetic!, "en")).toBe("3 / 4 = 0.75 · rate 0.75 · 0.75 × 4 = 3");
    expect(arithmeticText(ind("f").arithmetic!, "en")).toBe("rate 0.5 · 0.5 × 2 = 1");
  });

  it("the agency responsible for an indicator is named", () => {
    expect([ind("dv").agency, ind("f").agency]).toEqual(["Sở Nội vụ", undefined]);
  });

  it("a group that does not apply at the unit's level is left out, with what it holds", () => {
    expect(e.items.map((i) => `${i.depth}${i.id}`)).toEqual(["1g", "2dv", "2f"]);
    expect(explain(r, unit(r, "S1")).items.map((i) => i.id)).toEqual(["g", "dv", "f", "only-so", "s"]);
  });

  it("bonus and penalty indicators of the level, each with its arithmetic", () => {
    expect(e.bonus.map((b) => [b.id, b.role, b.points, arithmeticText(b.arithmetic!, "en")])).toEqual([["award", "bonus", 1, "yes · 1 × 1 = 1"]]);
    expect(e.penalty.map((p) => [p.id, p.role, p.points, arithmeticText(p.arithmetic!, "en")])).toEqual([["late", "penalty", 1, "min(1, 2) · 0.5 × 2 = 1"]]);
    expect(explain(r, unit(r, "S1")).penalty).toEqual([]);
    expect([e.unit.base, e.unit.bonus, e.unit.penalty, e.unit.score, e.unit.max]).toEqual([4, 1, 1, 4, 6]);
  });

  it("a unit scored under other criteria: every node it lacks is explained as not applicable", () => {
    const stranger: UnitResult = { ...unit(r, "X1"), code: "Z", nodes: {} };
    const z = explain(r, stranger);
    expect(z.items.map((i) => [i.id, i.applicable, i.included, i.points, i.max, i.rate])).toEqual([
      ["g", false, false, null, 0, null],
      ["dv", false, false, null, 0, null],
      ["f", false, false, null, 0, null],
    ]);
    expect((z.items[1] as ExplainedIndicator).arithmetic).toBeUndefined();
    // not among the ranked units of its peer group: no neighbours
    expect([z.peers, z.above, z.below]).toEqual([2, undefined, undefined]);
  });

  it("a unit of a level the result does not hold has no peers", () => {
    const z = explain(r, { ...unit(r, "X1"), level: "tinh" });
    expect([z.items, z.peers]).toEqual([[], 0]);
  });
});

describe("trends at their edges", () => {
  const v1 = `id: t
title: T
version: 1
levels:
  - id: so
  - id: xa
bands:
  list:
    - { id: cao, min: 50 }
    - { id: thap, min: 0 }
indicators:
  - { id: p, max: 100, unit: number, rule: { type: points } }
`;
  const v2 = v1.replace("  - id: xa\n", "").replace("cao", "tot").replace("thap", "yeu");
  const withPeriod = (r: Result, period: string): Result => ({ ...r, period });
  const results = [
    withPeriod(scoreOf(v1, "code,p\nS1,40\nX1,70\n", "code,name,level\nS1,Sở 1,so\nX1,Xã 1,xa\n"), "2019"),
    withPeriod(scoreOf(v1, "code,p\nS1,60\nX1,80\n", "code,name,level\nS1,Sở 1,so\nX1,Xã 1,xa\n"), "2020"),
    withPeriod(scoreOf(v2, "code,p\nS1,90\n", "code,name,level\nS1,Sở 1,so\n"), "2021"),
  ];
  const [so, xa] = trends(results);

  it("a level dropped from the latest criteria still has its trend, empty where it is absent", () => {
    expect(xa?.level.id).toBe("xa");
    expect(xa?.periods).toEqual(["2019", "2020", "2021"]);
    expect(xa?.ranked).toEqual([1, 1, 0]);
    expect(xa?.mean).toEqual([70, 80, null]);
    expect(xa?.units).toEqual([{ code: "X1", name: "Xã 1", percent: [70, 80, null] }]);
  });

  it("bands of earlier criteria follow those of the latest, counted where they were given", () => {
    expect(so?.bands.map((b) => [b.id, b.counts])).toEqual([
      ["tot", [0, 0, 1]],
      ["yeu", [0, 0, 0]],
      ["thap", [1, 0, 0]],
      ["cao", [0, 1, 0]],
    ]);
  });

  it("no results, no trends; periods without a label are numbered", () => {
    expect(trends([])).toEqual([]);
    const unlabelled = trends(results.map(({ period: _p, ...r }) => r));
    expect(unlabelled[0]?.periods).toEqual(["1", "2", "3"]);
  });
});
