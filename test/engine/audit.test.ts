// The audit's statistics by hand, and its flags on small sets built to raise each one. The
// figures on real data are held to an independent computation in audit-reference.test.ts.
import { describe, expect, it } from "vitest";
import { audit, cronbach, distribution, eigenvalues, firstComponentShare, nominalShares, winsorise, DEFAULT_AUDIT, type LevelAudit } from "../../src/engine/audit.ts";
import { criteriaFrom, scoreOf } from "../helpers/model.ts";

describe("statistics by hand", () => {
  it("distribution of 1, 2, 3, 4, 10: deviations −3 −2 −1 0 6, sums of powers 50, 180, 1394", () => {
    const d = distribution([1, 2, 3, 4, 10]);
    expect([d.n, d.min, d.max, d.mean, d.median]).toEqual([5, 1, 10, 4, 3]);
    expect(d.sd).toBeCloseTo(Math.sqrt(50 / 4), 14);
    // G1 = sqrt(n(n−1))/(n−2) · (m3/n)/(m2/n)^1.5; G2 = (n−1)/((n−2)(n−3)) · ((n+1)·g2 + 6), g2 = (m4/n)/(m2/n)² − 3 = −0.212
    expect(d.skewness).toBeCloseTo((Math.sqrt(20) / 3) * (36 / 10 ** 1.5), 14);
    expect(d.kurtosis).toBeCloseTo((4 / 6) * (6 * -0.212 + 6), 12);
  });

  it.each([
    ["no value", [], { n: 0, min: null, sd: null, skewness: null, kurtosis: null }],
    ["one value", [3], { n: 1, min: 3, sd: null, skewness: null, kurtosis: null }],
    ["no spread", [2, 2, 2, 2], { n: 4, min: 2, sd: 0, skewness: null, kurtosis: null }],
    ["three values: a skewness, no kurtosis", [1, 2, 4], { n: 3, min: 1, kurtosis: null }],
  ])("%s", (_name, xs, expected) => {
    expect(distribution(xs)).toMatchObject(expected);
  });

  it("winsorisation: one 1 among nine 0 (skewness 3.16, kurtosis 10) becomes 0, and stops", () => {
    const xs = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const d = distribution(xs);
    expect(d.skewness).toBeCloseTo(Math.sqrt(10), 12);
    expect(d.kurtosis).toBeCloseTo(10, 12);
    expect(winsorise(xs, DEFAULT_AUDIT)).toEqual({ values: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], replaced: [9] });
  });

  it("winsorisation goes to the side of the skew, replaces ties together, and stops at winsorMax", () => {
    const low = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    expect(winsorise(low, DEFAULT_AUDIT).replaced).toEqual([11]);
    // two outliers at two heights: the first pass lifts the highest to the next, the second both
    const two = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 9];
    expect(winsorise(two, DEFAULT_AUDIT)).toEqual({ values: two.map(() => 0), replaced: [18, 19] });
    expect(winsorise(two, { ...DEFAULT_AUDIT, winsorMax: 1 })).toEqual({ values: [...two.slice(0, 19), 5], replaced: [19] });
    // not flagged: nothing to do
    expect(winsorise([1, 2, 3], DEFAULT_AUDIT)).toEqual({ values: [1, 2, 3], replaced: [] });
  });

  it("Cronbach's alpha: k/(k−1) · (1 − Σ var / var of the sums)", () => {
    expect(cronbach([[1, 2, 3], [1, 2, 3]])).toBeCloseTo(1, 14); // 2 · (1 − 2/4)
    expect(cronbach([[1, 2, 3], [1, 3, 2]])).toBeCloseTo(2 / 3, 14); // sums 2 5 5: var 3
    expect(cronbach([[1, 2, 3], [3, 2, 1]])).toBeNull(); // the sums do not vary
    expect(cronbach([[1, 2, 3]])).toBeNull();
    expect(cronbach([[1], [2]])).toBeNull();
  });

  it("eigenvalues, largest first; the first component's share is λ₁ / k of the correlation matrix", () => {
    const e = eigenvalues([[1, 0.5], [0.5, 1]]);
    expect(e[0]).toBeCloseTo(1.5, 14);
    expect(e[1]).toBeCloseTo(0.5, 14);
    expect(eigenvalues([[2, 0, 0], [0, 5, 0], [0, 0, 1]])).toEqual([5, 2, 1]);
    // [[2,1],[1,2]]: 3 and 1
    expect(eigenvalues([[2, 1], [1, 2]]).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([3, 1]);
    expect(firstComponentShare([[1, 2, 3], [1, 3, 2]])).toBeCloseTo(0.75, 14); // r = 0.5
    expect(firstComponentShare([[1, 2, 3], [4, 4, 4]])).toBeNull();
    expect(firstComponentShare([[1, 2, 3]])).toBeNull();
  });
});

describe("nominal weights", () => {
  it("sum groups share by maxima at the level; mean groups by weights; bonus and penalty do not count", () => {
    const c = criteriaFrom(`id: t
title: T
version: 1
levels: [{ id: u }, { id: v }]
bonus: { max: 2, indicators: [{ id: bon, max: 2, rule: { type: points } }] }
groups:
  - id: g1
    max: { u: 60, v: 40 }
    indicators:
      - { id: a, max: { u: 40, v: 40 }, rule: { type: ratio } }
      - { id: b, max: 20, levels: [u], rule: { type: ratio } }
  - id: g2
    max: 40
    aggregation: mean
    indicators:
      - { id: c, max: 40, weight: 3, rule: { type: ratio } }
      - { id: d, max: 40, weight: 1, rule: { type: ratio } }
`);
    const u = nominalShares(c, "u");
    expect([...u.keys()]).toEqual(["a", "b", "c", "d"]);
    expect(u.get("a")).toBeCloseTo(0.4, 14); // 60/100 · 40/60
    expect(u.get("b")).toBeCloseTo(0.2, 14);
    expect(u.get("c")).toBeCloseTo(0.3, 14); // 40/100 · 3/4
    expect(u.get("d")).toBeCloseTo(0.1, 14);
    const v = nominalShares(c, "v");
    expect(v.get("b")).toBeUndefined();
    expect(v.get("a")).toBeCloseTo(0.5, 14);
  });
});

const level = (l: LevelAudit[] | undefined): LevelAudit => l?.[0] as LevelAudit;

describe("the flags, on sets built to raise them", () => {
  // g1: a rises, b = a (collinear), d falls as a rises, so g1 = a + 9 rises and d is against it.
  // g2: c is given by half of the units (the others scored zero), e is orthogonal to c and small.
  const CRIT = `id: t
title: T
version: 1
levels: [{ id: u }]
groups:
  - id: g1
    indicators:
      - { id: a, max: 10, unit: number, rule: { type: points } }
      - { id: b, max: 10, unit: number, rule: { type: points } }
      - { id: d, max: 10, unit: number, rule: { type: points } }
  - id: g2
    indicators:
      - { id: c, max: 10, unit: number, rule: { type: points } }
      - { id: e, max: 1, unit: number, rule: { type: points } }
`;
  const DATA = ["code,a,b,d,c,e", "U1,1,1,8,2,1", "U2,2,2,7,4,0", "U3,3,3,6,6,0", "U4,4,4,5,8,1", "U5,5,5,4,,1", "U6,6,6,3,,0", "U7,7,7,2,,0", "U8,8,8,1,,1"].join("\n");
  const l = level(audit(scoreOf(CRIT, DATA)).levels);
  const ind = (id: string) => l.indicators.find((i) => i.id === id);

  it("availability: c has values for 4 of 8 units; each of those 4 units has 4 of its 5", () => {
    expect([ind("c")?.available, ind("c")?.applicable, ind("c")?.availability, ind("c")?.lowAvailability]).toEqual([4, 8, 0.5, true]);
    expect(ind("a")?.lowAvailability).toBe(false);
    expect(l.unitAvailability.find((u) => u.code === "U5")).toEqual({ code: "U5", name: "U5", applicable: 5, available: 4, share: 0.8, low: false });
    const strict = level(audit(scoreOf(CRIT, DATA), { minAvailability: 0.85 }).levels);
    expect(strict.unitAvailability.filter((u) => u.low).map((u) => u.code).sort()).toEqual(["U5", "U6", "U7", "U8"]);
  });

  it("collinear: a and b (r = 1, same pillar), and c with both over the four units that gave c; negative with its pillar: d (r = −1); weak: e", () => {
    expect(l.collinear.map((p) => [p.a, p.b, p.samePillar])).toEqual([
      ["a", "b", true],
      ["a", "c", false],
      ["b", "c", false],
    ]);
    for (const p of l.collinear) expect(p.pearson).toBeCloseTo(1, 12);
    expect([ind("d")?.negative, ind("d")?.withPillar.pearson]).toEqual([true, -1]);
    expect(ind("e")?.weak).toBe(true);
    expect(ind("e")?.withPillar.pearson).toBeGreaterThan(0);
    expect(ind("a")?.weak || ind("a")?.negative).toBe(false);
    // the matrix is symmetric with 1 on the diagonal
    l.matrix.forEach((row, i) => row.forEach((r, j) => expect(r).toBe(l.matrix[j]?.[i] ?? null)));
    expect(l.matrix[0]?.[0]).toBe(1);
  });

  it("pillars: alpha and the first component on the units complete for the pillar", () => {
    const [g1, g2] = l.pillars;
    expect([g1?.id, g1?.indicators, g1?.complete]).toEqual(["g1", ["a", "b", "d"], 8]);
    // a = b = x and d = 9 − x: the sums x + 9 vary by var(x); alpha = 3/2 · (1 − 3 var(x) / var(x)) = −3
    expect(g1?.alpha).toBeCloseTo(-3, 12);
    // correlations 1, −1, −1: eigenvalues 3, 0, 0, so the first component holds all of it
    expect(g1?.pc1).toBeCloseTo(1, 12);
    expect([g2?.id, g2?.complete]).toEqual(["g2", 4]);
  });

  it("importance: r² with the total over the sum of r², against the nominal share; the far ones flagged", () => {
    const defined = l.indicators.filter((i) => i.importance !== null);
    expect(defined.reduce((s, i) => s + (i.importance as number), 0)).toBeCloseTo(1, 12);
    for (const i of defined) expect(i.ratio).toBeCloseTo((i.importance as number) / (i.nominal / defined.reduce((s, x) => s + x.nominal, 0)), 12);
    expect(ind("e")?.nominal).toBeCloseTo(1 / 41, 14);
    // a + b + d = x + 9 whatever x: the total moves with c (r 0.99), the three of g1 barely (|r| 0.25 each)
    expect(l.indicators.map((i) => [i.id, i.importanceFlag])).toEqual([
      ["a", "under"],
      ["b", "under"],
      ["d", "under"],
      ["c", "over"],
      ["e", null],
    ]);
    expect(Math.abs(ind("a")?.withTotal.pearson as number)).toBeCloseTo(Math.abs(ind("d")?.withTotal.pearson as number), 14);
  });
});

describe("outliers and what winsorising them would change", () => {
  // p = 1..10 for A..J; q is 5 for A only: A's 6 ties F for 5th. Winsorised, A keeps 1 and falls to 10th.
  const CRIT = `id: t
title: T
version: 1
levels: [{ id: u }]
indicators:
  - { id: p, max: 10, unit: number, rule: { type: points } }
  - { id: q, max: 5, unit: number, rule: { type: points } }
`;
  const DATA = ["code,p,q", "A,1,5", "B,2,0", "C,3,0", "D,4,0", "E,5,0", "F,6,0", "G,7,0", "H,8,0", "I,9,0", "J,10,0"].join("\n");

  it("q is flagged, winsorised to zero for A, which clears it; A falls 5 places and B to E one each", () => {
    const l = level(audit(scoreOf(CRIT, DATA)).levels);
    const q = l.indicators.find((i) => i.id === "q");
    expect(q?.outliers).toBe(true);
    expect(q?.winsorised).toEqual({ count: 1, units: ["A"], skewness: null, kurtosis: null, cleared: true });
    expect(l.indicators.find((i) => i.id === "p")?.winsorised).toBeNull();
    expect(l.indicators.map((i) => i.constant)).toEqual([false, false]);
    expect(l.winsorEffect).toEqual({ units: 1, moved: 5, maxMove: 5 });
    // the indicators at the top have the total as their pillar
    expect(l.pillars.map((p) => p.id)).toEqual(["total"]);
  });

  it("under a mean, points do not add up: the effect on ranks is not computed", () => {
    const mean = CRIT.replace("levels:", "aggregation: mean\nmax: 1\nlevels:").replace("max: 10,", "max: 1, weight: 2,").replace("max: 5,", "max: 1, weight: 1,");
    const l = level(audit(scoreOf(mean, DATA.replace(/,5\n/, ",1\n").replace(/^(\w),(\d+),/gm, (_m, c: string, p: string) => `${c},${Number(p) / 10},`))).levels);
    expect(l.indicators.find((i) => i.id === "q")?.outliers).toBe(true);
    expect(l.winsorEffect).toBeNull();
    expect(l.indicators.map((i) => i.nominal)).toEqual([2 / 3, 1 / 3]);
  });

  it("nothing flagged: no effect to compute; q, all zero, has no variation and no correlation", () => {
    const l = level(audit(scoreOf(CRIT, DATA.replace("A,1,5", "A,1,0"))).levels);
    expect(l.winsorEffect).toBeNull();
    const q = l.indicators.find((i) => i.id === "q");
    expect([q?.constant, q?.withTotal.pearson, q?.importance, q?.outliers]).toEqual([true, null, null, false]);
    expect(l.matrix).toEqual([
      [1, null],
      [null, null],
    ]);
  });
});
