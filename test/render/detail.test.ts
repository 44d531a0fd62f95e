// A rule's account of its arithmetic, in each language: the same notation, the words translated,
// every figure in its place.
import { describe, expect, it } from "vitest";
import type { Detail } from "../../src/model/result.ts";
import { arithmeticText, detailText } from "../../src/render/detail.ts";

const CASES: [Detail, string, string][] = [
  [{ key: "rate", r: "0.6" }, "rate 0.6", "tỷ lệ 0.6"],
  [{ key: "inverse", r: "0.2" }, "1 − 0.2", "1 − 0.2"],
  [{ key: "target", x: "45", target: "50" }, "min(1, 45 / 50)", "min(1, 45 / 50)"],
  [{ key: "targetLower", x: "7", target: "5" }, "7 ≤ 5 ? 1 : 5 / 7", "7 ≤ 5 ? 1 : 5 / 7"],
  [{ key: "step", x: "50", cond: "≥ 10", p: "1" }, "50 ≥ 10 → 1", "50 ≥ 10 → 1"],
  [{ key: "noStep", x: "3", p: "0" }, "3: no step → 0", "3: không đạt mức nào → 0"],
  [{ key: "category", value: "chu-tich", p: "3" }, '"chu-tich" → 3', '"chu-tich" → 3'],
  [{ key: "otherCategory", x: "khác", p: "0" }, "other → 0", "giá trị khác → 0"],
  [{ key: "yes" }, "yes", "có"],
  [{ key: "no" }, "no", "không"],
  [{ key: "points", x: "2", max: "1" }, "min(2, 1)", "min(2, 1)"],
  [{ key: "goalposts", lower: "20", upper: "90" }, "goalposts 20–90", "ngưỡng 20–90"],
  [{ key: "bestOver", best: "2", x: "4" }, "best 2 / 4", "tốt nhất 2 / 4"],
  [{ key: "overBest", x: "4", best: "8" }, "4 / best 8", "4 / tốt nhất 8"],
  [{ key: "allEqual" }, "all equal", "tất cả bằng nhau"],
  [{ key: "cohort", min: "1", max: "9" }, "cohort 1–9", "cả nhóm 1–9"],
  [{ key: "noSpread" }, "no spread", "không phân tán"],
  [{ key: "z", z: "-1.2" }, "z -1.2", "z -1.2"],
  [{ key: "rollup", stat: "median", level: "xa", of: "total" }, "median of xa total", "trung vị của xa (tổng điểm)"],
  [{ key: "rollup", stat: "min", level: "xa", of: "ha-tang" }, "min of xa ha-tang", "thấp nhất của xa (ha-tang)"],
];

describe("rule accounts", () => {
  it.each(CASES)("%j", (d, en, vi) => {
    expect(detailText(d, "en")).toBe(en);
    expect(detailText(d, "vi")).toBe(vi);
  });

  it("the arithmetic: the ratio, the rule's account, then rate × maximum = points", () => {
    const a = { ratio: "30 / 50 × 100 = 60", detail: { key: "rate", r: "0.6" } as Detail, points: "0.6 × 5 = 3" };
    expect(arithmeticText(a, "vi")).toBe("30 / 50 × 100 = 60 · tỷ lệ 0,6 · 0,6 × 5 = 3");
    expect(arithmeticText({ detail: { key: "no" }, points: "0 × 5 = 0" }, "en")).toBe("no · 0 × 5 = 0");
  });
});
