// The rule registry called directly, for the edges the scoring tests do not reach: a zero
// maximum, lower is better everywhere, empty or flat cohorts, and the detail each rule writes.
import { detailText } from "../../src/render/detail.ts";
import { describe, expect, it } from "vitest";
import { applyRule, cellValue, clamp01, cohortStats, normaliseCategory, ruleReads, rules, type CohortStats } from "../../src/engine/rules.ts";
import type { RuleInput } from "../../src/model/criteria-schema.ts";
import type { Cell } from "../../src/model/data.ts";

const cohort: CohortStats = { min: 10, max: 40, mean: 25, sd: 10 };
const ctx = (max: number, extra: { unitScale?: number; stats?: CohortStats } = {}) => ({ max, unitScale: extra.unitScale ?? 100, ...(extra.stats ? { stats: extra.stats } : {}) });

describe("applyRule: rate and detail", () => {
  it.each<[string, RuleInput, number | boolean | string, ReturnType<typeof ctx>, number, string]>([
    ["ratio", { type: "ratio" }, 80, ctx(5), 0.8, "rate 0.8"],
    ["ratio of a fraction", { type: "ratio" }, 0.3, ctx(5, { unitScale: 1 }), 0.3, "rate 0.3"],
    ["ratio above 100% is capped", { type: "ratio" }, 130, ctx(5), 1, "rate 1"],
    ["ratio, lower is better", { type: "ratio", direction: "lower" }, 20, ctx(5), 0.8, "1 − 0.2"],
    ["target, higher is better", { type: "target", target: 50 }, 25, ctx(6), 0.5, "min(1, 25 / 50)"],
    ["target, lower is better, above the target", { type: "target", target: 10, direction: "lower" }, 40, ctx(4), 0.25, "40 ≤ 10 ? 1 : 10 / 40"],
    ["target, lower is better, zero", { type: "target", target: 10, direction: "lower" }, 0, ctx(4), 1, "0 ≤ 10 ? 1 : 10 / 0"],
    ["steps atLeast, by share", { type: "steps", steps: [{ atLeast: 4, share: 1 }, { atLeast: 2, share: 0.25 }] }, 3, ctx(8), 0.25, "3 ≥ 2 → 2"],
    ["steps atMost, by points", { type: "steps", steps: [{ atMost: 1, points: 4 }, { atMost: 3, points: 3 }] }, 2, ctx(4), 0.75, "2 ≤ 3 → 3"],
    ["steps, points above the maximum are capped", { type: "steps", steps: [{ atLeast: 0, points: 9 }] }, 1, ctx(4), 1, "1 ≥ 0 → 4"],
    ["steps, a step without points gives none", { type: "steps", steps: [{ atLeast: 0 }] }, 1, ctx(4), 0, "1 ≥ 0 → 0"],
    ["steps, a step without a bound never applies", { type: "steps", steps: [{ points: 4 }], otherwise: 1 }, 1, ctx(4), 0.25, "1: no step → 1"],
    ["steps, no step and no otherwise", { type: "steps", steps: [{ atLeast: 5, points: 4 }] }, 1, ctx(4), 0, "1: no step → 0"],
    ["steps, a zero maximum", { type: "steps", steps: [{ atLeast: 0, points: 0 }] }, 1, ctx(0), 0, "1 ≥ 0 → 0"],
    ["steps, no step and a zero maximum", { type: "steps", steps: [{ atLeast: 5, points: 0 }], otherwise: 2 }, 1, ctx(0), 0, "1: no step → 0"],
    ["categorical by alias", { type: "categorical", categories: [{ value: "Có", aliases: ["yes"], points: 2 }] }, " YES ", ctx(2), 1, '"Có" → 2'],
    ["categorical, a category without points gives none", { type: "categorical", categories: [{ value: "a" }] }, "a", ctx(2), 0, '"a" → 0'],
    ["categorical otherwise", { type: "categorical", categories: [{ value: "a", points: 2 }], otherwise: 1 }, "b", ctx(2), 0.5, "other → 1"],
    ["categorical, no category and no otherwise", { type: "categorical", categories: [{ value: "a", points: 2 }] }, "b", ctx(2), 0, "other → 0"],
    ["categorical, a zero maximum", { type: "categorical", categories: [{ value: "a", points: 0 }] }, "a", ctx(0), 0, '"a" → 0'],
    ["categorical, other with a zero maximum", { type: "categorical", categories: [{ value: "a", points: 0 }] }, "b", ctx(0), 0, "other → 0"],
    ["boolean no", { type: "boolean" }, false, ctx(5), 0, "no"],
    ["boolean no, lower is better", { type: "boolean", direction: "lower" }, false, ctx(5), 1, "no"],
    ["points", { type: "points" }, 2.5, ctx(10), 0.25, "min(2.5, 10)"],
    ["points, a zero maximum", { type: "points" }, 3, ctx(0), 0, "min(3, 0)"],
    ["points below zero are 0", { type: "points" }, -3, ctx(10), 0, "min(-3, 10)"],
    ["linear above the upper goalpost", { type: "linear", lower: 20, upper: 60 }, 70, ctx(10), 1, "goalposts 20–60"],
    ["linear, lower is better, worse than the worst", { type: "linear", lower: 2, upper: 12, direction: "lower" }, 14, ctx(10), 0, "goalposts 2–12"],
    ["relative", { type: "relative" }, 30, ctx(4, { stats: cohort }), 0.75, "30 / best 40"],
    ["relative, nobody above zero", { type: "relative" }, 0, ctx(4, { stats: { min: -5, max: 0, mean: -2, sd: 2 } }), 0, "0 / best 0"],
    ["relative, lower is better", { type: "relative", direction: "lower" }, 20, ctx(4, { stats: cohort }), 0.5, "best 10 / 20"],
    ["relative, lower is better, zero is the best", { type: "relative", direction: "lower" }, 0, ctx(4, { stats: { min: 0, max: 8, mean: 4, sd: 4 } }), 1, "best 0 / 0"],
    ["minmax", { type: "minmax" }, 25, ctx(3, { stats: cohort }), 0.5, "cohort 10–40"],
    ["minmax, lower is better", { type: "minmax", direction: "lower" }, 10, ctx(3, { stats: cohort }), 1, "cohort 10–40"],
    ["minmax, all equal", { type: "minmax", direction: "lower" }, 5, ctx(3, { stats: { min: 5, max: 5, mean: 5, sd: 0 } }), 1, "all equal"],
    ["zscore at the mean", { type: "zscore" }, 25, ctx(1, { stats: cohort }), 0.5, "z 0"],
    ["zscore, no spread", { type: "zscore", direction: "lower" }, 5, ctx(1, { stats: { min: 5, max: 5, mean: 5, sd: 0 } }), 0.5, "no spread"],
    ["rollup, defaults", { type: "rollup", level: "xa" }, 0.625, ctx(10), 0.625, "mean of xa total"],
    ["rollup of a group by its median", { type: "rollup", level: "xa", of: "g", stat: "median" }, 1.2, ctx(10), 1, "median of xa g"],
  ])("%s", (_name, rule, value, c, rate, detail) => {
    const out = applyRule(rule, value, c);
    // 7 decimals: normalCdf's approximation is within 7.5e-8
    expect(out.rate).toBeCloseTo(rate, 7);
    expect(detailText(out.detail(), "en")).toBe(detail);
  });

  it("zscore one standard deviation either side, both directions", () => {
    // Φ(1) = 0.841345, Φ(−1) = 0.158655
    expect(applyRule({ type: "zscore" }, 35, ctx(1, { stats: cohort })).rate).toBeCloseTo(0.841345, 5);
    const lower = applyRule({ type: "zscore", direction: "lower" }, 35, ctx(1, { stats: cohort }));
    expect(lower.rate).toBeCloseTo(0.158655, 5);
    expect(lower.detail()).toEqual({ key: "z", z: "1" });
  });
});

describe("helpers of the registry", () => {
  it.each([
    [-0.5, 0],
    [0, 0],
    [0.4, 0.4],
    [1, 1],
    [1.5, 1],
    [Number.NaN, 0],
    [Infinity, 1],
  ])("clamp01(%d) = %d", (x, y) => expect(clamp01(x)).toBe(y));

  it("cohortStats: min, max, mean and the population standard deviation", () => {
    // 10, 20, 40: mean 70/3; squares of deviations 1600/9 + 100/9 + 2500/9 = 4200/9; /3 → 1400/9
    const s = cohortStats([10, 20, 40]);
    expect([s.min, s.max]).toEqual([10, 40]);
    expect(s.mean).toBeCloseTo(70 / 3, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(1400 / 9), 12);
    expect(cohortStats([7])).toEqual({ min: 7, max: 7, mean: 7, sd: 0 });
  });

  it("cohortStats of nobody: a mean and spread of 0, bounds left open", () => {
    expect(cohortStats([])).toEqual({ min: Infinity, max: -Infinity, mean: 0, sd: 0 });
  });

  it("normaliseCategory: NFC, trimmed, lower case in Vietnamese", () => {
    expect(normaliseCategory(" Mo\u0323\u0302T PHẦN ")).toBe("một phần");
  });

  it("what each rule reads, and which need the cohort", () => {
    expect(Object.fromEntries(Object.entries(rules).map(([k, r]) => [k, [r.reads, r.cohort]]))).toEqual({
      ratio: ["number", false],
      target: ["number", false],
      steps: ["number", false],
      categorical: ["text", false],
      boolean: ["boolean", false],
      points: ["number", false],
      linear: ["number", false],
      relative: ["number", true],
      minmax: ["number", true],
      zscore: ["number", true],
      rollup: ["number", false],
    });
    expect(ruleReads({ type: "categorical", categories: [{ value: "a" }] })).toBe("text");
  });

  it.each<[string, Cell, "number" | "boolean" | "text", number | boolean | string | undefined]>([
    ["a number read as a number", { kind: "number", value: 3, raw: "3" }, "number", 3],
    ["a yes read as yes/no", { kind: "boolean", value: true, raw: "có" }, "boolean", true],
    ["a text read as a text", { kind: "text", value: "a", raw: "a" }, "text", "a"],
    ["not applicable, whatever is read", { kind: "na", raw: "-" }, "number", undefined],
    ["a text where a number is read", { kind: "text", value: "a", raw: "a" }, "number", undefined],
    ["a number where yes/no is read", { kind: "number", value: 1, raw: "1" }, "boolean", undefined],
    ["yes/no where a text is read", { kind: "boolean", value: false, raw: "no" }, "text", undefined],
  ])("cellValue: %s", (_name, cell, reads, expected) => {
    expect(cellValue(cell, reads)).toBe(expected);
  });
});
