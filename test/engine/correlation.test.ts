// Correlations by hand, and against scipy 1.10.1 (pearsonr, spearmanr, kendalltau with its default
// tau-b), run once on the lists below; its figures are written here to 15 significant digits.
import { describe, expect, it } from "vitest";
import { kendallTauB, midranks, pearson, spearman } from "../../src/engine/correlation.ts";

describe("by hand", () => {
  it("Pearson's r of (1,2,3) and (1,2,4) is 3 / sqrt(2 · 42/9)", () => {
    expect(pearson([1, 2, 3], [1, 2, 4])).toBeCloseTo(3 / Math.sqrt((2 * 42) / 9), 14);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBe(-1);
  });

  it("mid-ranks share the mean of the ranks they span", () => {
    expect(midranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(midranks([7, 7, 7])).toEqual([2, 2, 2]);
    expect(midranks([])).toEqual([]);
  });

  it("one swap in two places of five: rho = 1 − 6·4/120 = 0.8, tau = (8 − 2)/10 = 0.6", () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 1, 4, 3, 5];
    expect(spearman(x, y)).toBeCloseTo(0.8, 14);
    expect(kendallTauB(x, y)).toBeCloseTo(0.6, 14);
  });

  it("ties: x (1,2,2,4), y (1,3,2,4): rho = 4.5/sqrt(22.5), tau-b = 5/sqrt(5·6)", () => {
    expect(spearman([1, 2, 2, 4], [1, 3, 2, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 14);
    expect(kendallTauB([1, 2, 2, 4], [1, 3, 2, 4])).toBeCloseTo(5 / Math.sqrt(30), 14);
  });

  it("values tie at 12 significant digits, integers too: ranks are integers, and from 10^12 on they are rounded as any value", () => {
    // 0.1 + 0.2 and 0.3 tie; so do 10^12 + 1 and 10^12 + 2 (1.00000000000e12); 999,999,999,999 and 999,999,999,998 do not
    expect(spearman([0.1 + 0.2, 0.3, 1], [1, 2, 3])).toBeCloseTo(spearman([1, 1, 2], [1, 2, 3]) as number, 14);
    expect(spearman([1e12 + 1, 1e12 + 2, 1e13], [1, 2, 3])).toBeCloseTo(spearman([1, 1, 2], [1, 2, 3]) as number, 14);
    expect(spearman([999_999_999_999, 999_999_999_998, 1e13], [1, 2, 3])).toBeCloseTo(spearman([2, 1, 3], [1, 2, 3]) as number, 14);
  });

  it.each([
    ["one pair", [1], [2]],
    ["no pair", [], []],
    ["a constant side", [1, 2, 3], [5, 5, 5]],
  ])("undefined for %s", (_name, x, y) => {
    expect(pearson(x, y)).toBeNull();
    expect(spearman(x, y)).toBeNull();
    expect(kendallTauB(x, y)).toBeNull();
  });

  it("lists of different lengths are a bug of the caller", () => {
    expect(() => pearson([1, 2], [1])).toThrow(RangeError);
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
    expect(() => kendallTauB([1, 2], [1])).toThrow(RangeError);
  });
});

describe("against scipy", () => {
  // with ties on both sides and in both at once (3 and 3; 12 and 12)
  const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
  const y = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9, 0, 4];
  it.each([
    ["pearson", pearson, 0.110495603850856],
    ["spearman", spearman, 0.179161743911147],
    ["kendall tau-b", kendallTauB, 0.157087441053931],
  ] as const)("%s", (_name, f, expected) => {
    expect(f(x, y)).toBeCloseTo(expected, 13);
  });
});
