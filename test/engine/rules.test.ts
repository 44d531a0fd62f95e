// Every rule, hand-computed: one indicator, one unit, one cell, the expected points.
import { describe, expect, it } from "vitest";
import { normalCdf } from "../../src/engine/rules.ts";
import { oneLevel, scoreOf, unit } from "../helpers/model.ts";

const ind = (body: string) => oneLevel(`  - id: x\n${body.replace(/^/gm, "    ")}\n`);

describe("single-unit rules", () => {
  it.each([
    ["ratio on a percent", "max: 5\nrule: { type: ratio }", "80", 4],
    ["ratio with a percent sign", "max: 5\nrule: { type: ratio }", "80%", 4],
    ["ratio capped at the maximum", "max: 5\nrule: { type: ratio }", "100", 5],
    ["ratio on a fraction", "max: 4\nunit: fraction\nrule: { type: ratio }", "0.25", 1],
    ["ratio, a percent sign on a fraction unit", "max: 4\nunit: fraction\nrule: { type: ratio }", "25%", 1],
    ["ratio, lower is better", "max: 5\nrule: { type: ratio, direction: lower }", "20", 4],
    ["target reached", "max: 6\nrule: { type: target, target: 50 }", "60", 6],
    ["target half reached", "max: 6\nrule: { type: target, target: 50 }", "25", 3],
    ["target, lower is better, within", "max: 4\nrule: { type: target, target: 10, direction: lower }", "8", 4],
    ["target, lower is better, twice the target", "max: 4\nrule: { type: target, target: 10, direction: lower }", "20", 2],
    ["steps atMost, first step", "max: 4\nunit: percent\nrule: { type: steps, steps: [{atMost: 1, points: 4}, {atMost: 3, points: 3}, {atMost: 5, points: 2}, {atMost: 10, points: 1}] }", "0.5", 4],
    ["steps atMost, on the boundary", "max: 4\nunit: percent\nrule: { type: steps, steps: [{atMost: 1, points: 4}, {atMost: 3, points: 3}, {atMost: 5, points: 2}, {atMost: 10, points: 1}] }", "3", 3],
    ["steps atMost, none applies", "max: 4\nunit: percent\nrule: { type: steps, steps: [{atMost: 1, points: 4}, {atMost: 3, points: 3}] }", "12", 0],
    ["steps atLeast", "max: 2\nrule: { type: steps, steps: [{atLeast: 4, points: 2}, {atLeast: 2, points: 1}] }", "3", 1],
    ["steps atLeast, top", "max: 2\nrule: { type: steps, steps: [{atLeast: 4, points: 2}, {atLeast: 2, points: 1}] }", "7", 2],
    ["steps with share", "max: 8\nrule: { type: steps, steps: [{atLeast: 4, share: 1}, {atLeast: 2, share: 0.25}] }", "2", 2],
    ["steps otherwise", "max: 2\nrule: { type: steps, steps: [{atLeast: 4, points: 2}], otherwise: 0.5 }", "1", 0.5],
    ["categorical by value", "max: 2\nrule: { type: categorical, categories: [{value: chairman, share: 1}, {value: deputy, share: 0.5}, {value: none, share: 0}] }", "deputy", 1],
    ["categorical by alias, any case", "max: 2\nrule: { type: categorical, categories: [{value: chu-tich, aliases: ['Chủ tịch'], share: 1}, {value: khong, share: 0}] }", " CHỦ TỊCH ", 2],
    ["categorical with points", "max: 3\nrule: { type: categorical, categories: [{value: a, points: 3}, {value: b, points: 1}] }", "b", 1],
    ["boolean yes (có)", "max: 5\nrule: { type: boolean }", "có", 5],
    ["boolean x", "max: 5\nrule: { type: boolean }", "x", 5],
    ["boolean no (không)", "max: 5\nrule: { type: boolean }", "không", 0],
    ["boolean, lower is better", "max: 5\nrule: { type: boolean, direction: lower }", "yes", 0],
    ["points as given", "max: 10\nrule: { type: points }", "7.5", 7.5],
    ["points capped", "max: 10\nrule: { type: points }", "12", 10],
    ["linear between goalposts", "max: 10\nrule: { type: linear, lower: 20, upper: 60 }", "50", 7.5],
    ["linear below the lower goalpost", "max: 10\nrule: { type: linear, lower: 20, upper: 60 }", "10", 0],
    ["linear, lower is better", "max: 10\nrule: { type: linear, lower: 2, upper: 12, direction: lower }", "4", 8],
  ])("%s", (_name, body, cell, points) => {
    const r = scoreOf(ind(body), `code,x\nA,${cell.includes(",") ? `"${cell}"` : cell}\n`);
    expect(unit(r, "A").nodes.x?.points).toBeCloseTo(points, 10);
  });
});

describe("cohort rules", () => {
  const data = "code,x\nA,10\nB,20\nC,40\n";
  it("relative: value over the best of the cohort", () => {
    const r = scoreOf(ind("max: 4\nrule: { type: relative }"), data);
    expect([unit(r, "A"), unit(r, "B"), unit(r, "C")].map((u) => u.nodes.x?.points)).toEqual([1, 2, 4]);
  });
  it("relative, lower is better: the best (lowest) over the value", () => {
    const r = scoreOf(ind("max: 4\nrule: { type: relative, direction: lower }"), data);
    expect([unit(r, "A"), unit(r, "B"), unit(r, "C")].map((u) => u.nodes.x?.points)).toEqual([4, 2, 1]);
  });
  it("minmax over the cohort", () => {
    const r = scoreOf(ind("max: 3\nrule: { type: minmax }"), data);
    expect([unit(r, "A"), unit(r, "B"), unit(r, "C")].map((u) => u.nodes.x?.points)).toEqual([0, 1, 3]);
  });
  it("minmax, lower is better", () => {
    const r = scoreOf(ind("max: 3\nrule: { type: minmax, direction: lower }"), data);
    expect([unit(r, "A"), unit(r, "B"), unit(r, "C")].map((u) => u.nodes.x?.points)).toEqual([3, 2, 0]);
  });
  it("minmax with no spread gives everyone full points", () => {
    const r = scoreOf(ind("max: 3\nrule: { type: minmax }"), "code,x\nA,5\nB,5\n");
    expect(unit(r, "A").nodes.x?.points).toBe(3);
  });
  it("zscore through the normal distribution function", () => {
    // mean 70/3, population sd sqrt(((10-23.33)^2 + (20-23.33)^2 + (40-23.33)^2)/3) = 12.472
    const r = scoreOf(ind("max: 1\nrule: { type: zscore }"), data);
    const mean = 70 / 3;
    const sd = Math.sqrt(((10 - mean) ** 2 + (20 - mean) ** 2 + (40 - mean) ** 2) / 3);
    expect(unit(r, "C").nodes.x?.points).toBeCloseTo(normalCdf((40 - mean) / sd), 10);
    expect(unit(r, "C").nodes.x?.points).toBeCloseTo(0.9093, 3);
  });
  it("the cohort leaves out units without a value", () => {
    const r = scoreOf(ind("max: 4\nrule: { type: relative }"), "code,x\nA,10\nB,\nC,20\n");
    expect(unit(r, "A").nodes.x?.points).toBe(2);
  });
});

describe("normalCdf", () => {
  it.each([
    [0, 0.5],
    [1.959964, 0.975],
    [-1, 0.158655],
    [3, 0.99865],
  ])("Φ(%d) = %d", (z, p) => expect(normalCdf(z)).toBeCloseTo(p, 5));
});

describe("ratio from a numerator and a denominator", () => {
  it("reads <id>.num and <id>.den", () => {
    const r = scoreOf(ind("max: 5\nrule: { type: ratio }"), "code,x.num,x.den\nA,30,40\n");
    const n = unit(r, "A").nodes.x;
    expect(n?.points).toBeCloseTo(3.75, 10);
    expect(n?.cell).toMatchObject({ kind: "number", numerator: 30, denominator: 40, value: 75 });
  });
  it("reads numerator and denominator columns of a long file", () => {
    const r = scoreOf(ind("max: 5\nrule: { type: ratio }"), "code,indicator,value,numerator,denominator\nA,x,,1,4\n");
    expect(unit(r, "A").nodes.x?.points).toBeCloseTo(1.25, 10);
  });
});
