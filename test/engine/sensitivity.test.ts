// The sensitivity engine: what a run draws, the perturbed criteria it scores (maxima, weights,
// aggregation, missing policy, a dropped indicator), and the statistics of the runs, against
// values computed by hand.
import { describe, expect, it } from "vitest";
import { runRandom } from "../../src/engine/random.ts";
import { score } from "../../src/engine/views.ts";
import {
  DEFAULT_SETTINGS,
  analyse,
  defaultWide,
  draw,
  firstOrder,
  layoutOf,
  percentiles,
  perturb,
  plan,
  runBlock,
  runContext,
  sensitivity,
  type Draw,
  type SensitivitySettings,
} from "../../src/engine/sensitivity.ts";
import type { CriteriaNode, GroupNode } from "../../src/model/criteria.ts";
import { criteriaFrom, load, unit } from "../helpers/model.ts";

const SET = `id: s
title: S
version: 1
levels: [{ id: u }]
missing: zero
bands:
  list:
    - { id: hi, min: 60 }
    - { id: lo, min: 0 }
groups:
  - id: g1
    indicators:
      - { id: a, max: 6, rule: { type: ratio } }
      - { id: b, max: 4, rule: { type: ratio } }
  - id: g2
    indicators:
      - { id: c, max: 10, unit: number, rule: { type: steps, steps: [{ atLeast: 50, points: 10 }, { atLeast: 20, points: 4 }] } }
`;
const C = criteriaFrom(SET);
const OFF: SensitivitySettings = { ...DEFAULT_SETTINGS, weights: false, aggregation: false, missing: false, drop: false };

function node(root: GroupNode, id: string): CriteriaNode {
  let found: CriteriaNode | undefined;
  const visit = (n: CriteriaNode): void => {
    if (n.id === id) found = n;
    if (n.kind === "group") n.children.forEach(visit);
  };
  visit(root);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}
const maxOf = (root: GroupNode, id: string) => node(root, id).maxByLevel.get("u");

describe("the plan: what varies", () => {
  it("perturbs the children of every group with two or more children, drops any scored indicator", () => {
    const p = plan(C, DEFAULT_SETTINGS);
    expect(p.perturbed).toEqual(["g1", "g2", "a", "b"]);
    expect(p.droppable).toEqual(["a", "b", "c"]);
    expect(p.inputs).toEqual(["weights", "aggregation", "missing", "drop"]);
    expect(p.alternative).toEqual({ from: "sum", to: "geometric" });
  });
  it("leaves out what is switched off, and weights with a zero perturbation", () => {
    expect(plan(C, { ...DEFAULT_SETTINGS, perturbation: 0 }).inputs).toEqual(["aggregation", "missing", "drop"]);
    expect(plan(C, { ...OFF, missing: true }).inputs).toEqual(["missing"]);
  });
  it("a geometric total's alternative is the arithmetic mean", () => {
    const g = criteriaFrom(`id: g\ntitle: G\nversion: 1\nlevels: [{ id: u }]\naggregation: geometric\nmax: 1\nindicators:\n  - { id: x, max: 1, rule: { type: ratio } }\n  - { id: y, max: 1, rule: { type: ratio } }\n`);
    expect(plan(g, DEFAULT_SETTINGS).alternative).toEqual({ from: "geometric", to: "mean" });
  });
});

describe("draws", () => {
  it("depend on the seed and the run index only", () => {
    const p = plan(C, DEFAULT_SETTINGS);
    expect(draw(p, DEFAULT_SETTINGS, 7)).toEqual(draw(p, DEFAULT_SETTINGS, 7));
    expect(draw(p, DEFAULT_SETTINGS, 7)).not.toEqual(draw(p, DEFAULT_SETTINGS, 8));
    expect(draw(p, DEFAULT_SETTINGS, 7)).not.toEqual(draw(p, { ...DEFAULT_SETTINGS, seed: 2 }, 7));
  });
  it("factors stay within 1 ± the perturbation; every choice is drawn", () => {
    const s = { ...DEFAULT_SETTINGS, perturbation: 0.25 };
    const p = plan(C, s);
    const ds = Array.from({ length: 400 }, (_, i) => draw(p, s, i));
    const factors = ds.flatMap((d) => [...(d.factors ?? [])]);
    expect(Math.min(...factors)).toBeGreaterThanOrEqual(0.75);
    expect(Math.max(...factors)).toBeLessThanOrEqual(1.25);
    expect(Math.min(...factors)).toBeLessThan(0.76);
    expect(Math.max(...factors)).toBeGreaterThan(1.24);
    expect(new Set(ds.map((d) => d.missing))).toEqual(new Set(["zero", "exclude", "impute"]));
    expect(new Set(ds.map((d) => d.drop))).toEqual(new Set([-1, 0, 1, 2]));
    expect(new Set(ds.map((d) => d.alternative))).toEqual(new Set([true, false]));
  });
  it("runRandom gives numbers in [0, 1), unrelated for neighbouring runs", () => {
    const a = runRandom(1, 0);
    const b = runRandom(1, 1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / 1000).toBeCloseTo(0.5, 1);
    expect(a()).not.toBe(b());
  });
});

describe("perturbed criteria", () => {
  const p = plan(C, DEFAULT_SETTINGS);
  const d = (x: Partial<Draw>): Draw => ({ alternative: false, drop: -1, ...x });

  it("a sum group's maxima are perturbed and renormalised to the group's maximum, top down", () => {
    const c = perturb(C, p, d({ factors: Float64Array.from([1.2, 0.8, 1.1, 0.9]) }));
    // total 20: g1 10 × 1.2 = 12, g2 10 × 0.8 = 8 (their sum is already 20)
    expect(maxOf(c.root, "g1")).toBeCloseTo(12, 12);
    expect(maxOf(c.root, "g2")).toBeCloseTo(8, 12);
    expect(maxOf(c.root, "c")).toBeCloseTo(8, 12);
    // inside g1 (now 12): a 7.2 × 1.1 = 7.92, b 4.8 × 0.9 = 4.32, scaled by 12 / 12.24
    expect(maxOf(c.root, "a")).toBeCloseTo((7.92 * 12) / 12.24, 12);
    expect(maxOf(c.root, "b")).toBeCloseTo((4.32 * 12) / 12.24, 12);
    expect(c.root.maxByLevel.get("u")).toBe(20);
    // the nominal criteria are untouched
    expect(maxOf(C.root, "a")).toBe(6);
    expect(maxOf(C.root, "g1")).toBe(10);
  });

  it("a rule's points keep their nominal meaning when its maximum is rescaled", () => {
    const c = perturb(C, p, d({ factors: Float64Array.from([1.2, 0.8, 1.1, 0.9]) }));
    const data = load(C, "code,a,b,c\nU1,50,100,30\n").dataset;
    const u = unit(score(c, data), "U1");
    // c: 30 → 4 of 10 points, a rate of 0.4, now of a maximum of 8 (not min(4, 8) / 8 = 0.5)
    expect(u.nodes.c?.rate).toBeCloseTo(0.4, 12);
    expect(u.nodes.c?.points).toBeCloseTo(3.2, 12);
    const a = (7.92 * 12) / 12.24;
    const b = (4.32 * 12) / 12.24;
    expect(u.score).toBeCloseTo(0.5 * a + b + 3.2, 12);
    expect(unit(score(C, data), "U1").score).toBeCloseTo(11, 12);
  });

  it("a mean group's weights are perturbed and renormalised to the same total weight", () => {
    const m = criteriaFrom(`id: m\ntitle: M\nversion: 1\nlevels: [{ id: u }]\naggregation: mean\nmax: 1\nindicators:\n  - { id: x, max: 1, weight: 2, rule: { type: ratio } }\n  - { id: y, max: 1, weight: 1, rule: { type: ratio } }\n`);
    const c = perturb(m, plan(m, DEFAULT_SETTINGS), d({ factors: Float64Array.from([1.25, 0.75]) }));
    // 2 × 1.25 = 2.5 and 1 × 0.75 = 0.75, scaled by 3 / 3.25
    expect(node(c.root, "x").weight).toBeCloseTo(2.5 * (3 / 3.25), 12);
    expect(node(c.root, "y").weight).toBeCloseTo(0.75 * (3 / 3.25), 12);
    expect(node(c.root, "x").maxByLevel.get("u")).toBe(1);
  });

  it("dropping an indicator rescales the rest to the nominal total", () => {
    const c = perturb(C, p, d({ drop: 1 }));
    expect(c.indicators.map((i) => i.id)).toEqual(["a", "c"]);
    // g1 is a alone (6); the total 16 is scaled back to 20: × 1.25
    expect(maxOf(c.root, "a")).toBe(7.5);
    expect(maxOf(c.root, "g1")).toBe(7.5);
    expect(maxOf(c.root, "c")).toBe(12.5);
    const u = unit(score(c, load(c, "code,a,b,c\nU1,50,100,30\n").dataset), "U1");
    expect(u.score).toBeCloseTo(0.5 * 7.5 + 0.4 * 12.5, 12);
    expect(u.percent).toBeCloseTo(43.75, 12);
  });

  it("dropping the only indicator of a group drops the group", () => {
    const c = perturb(C, p, d({ drop: 2 }));
    expect(c.root.children.map((n) => n.id)).toEqual(["g1"]);
    expect(maxOf(c.root, "a")).toBe(12);
  });

  it("the alternative aggregation of a sum total is geometric, weighted by the maxima", () => {
    const c = perturb(C, p, d({ alternative: true }));
    expect(c.root.aggregation).toBe("geometric");
    const u = unit(score(c, load(c, "code,a,b,c\nU1,50,100,30\n").dataset), "U1");
    // g1 7 of 10 (0.7), g2 4 of 10 (0.4): (0.7^10 × 0.4^10)^(1/20) = √0.28
    expect(u.percent).toBeCloseTo(Math.sqrt(0.28) * 100, 10);
    expect(C.root.aggregation).toBe("sum");
  });

  it("the geometric weights follow each level's maxima", () => {
    const two = criteriaFrom(`id: t\ntitle: T\nversion: 1\nlevels: [{ id: s }, { id: x }]\ngroups:\n  - id: g1\n    indicators:\n      - { id: a, max: { s: 8, x: 2 }, rule: { type: ratio } }\n  - id: g2\n    indicators:\n      - { id: b, max: 2, rule: { type: ratio } }\n`);
    const c = perturb(two, plan(two, DEFAULT_SETTINGS), d({ alternative: true }));
    const r = score(c, load(two, "code,level,a,b\nS1,s,25,100\nX1,x,25,100\n").dataset);
    // s: 0.25^(8/10) × 1^(2/10); x: 0.25^(2/4) × 1^(2/4)
    expect(unit(r, "S1").percent).toBeCloseTo(0.25 ** 0.8 * 100, 10);
    expect(unit(r, "X1").percent).toBeCloseTo(0.25 ** 0.5 * 100, 10);
  });

  it("the missing-data policy drawn applies to every scored indicator", () => {
    const data = load(C, "code,a,b,c\nU1,50,,30\nU2,100,50,60\nU3,0,100,0\n").dataset;
    const u1 = (m: Draw["missing"]) => unit(score(perturb(C, p, d(m ? { missing: m } : {})), data), "U1");
    // zero: 3 + 0 + 4 of 20
    expect(u1("zero").percent).toBeCloseTo(35, 12);
    // exclude: b leaves the maximum: 7 of 16
    expect(u1("exclude").percent).toBeCloseTo(43.75, 12);
    // impute: b takes the cohort's mean rate, (0.5 + 1) / 2
    expect(u1("impute").score).toBeCloseTo(3 + 0.75 * 4 + 4, 12);
    expect(u1("impute").nodes.b?.missing).toBe("impute-mean");
  });

  it("impute keeps a median imputation a median", () => {
    const med = criteriaFrom(SET.replace("missing: zero", "missing: impute-median"));
    const c = perturb(med, plan(med, DEFAULT_SETTINGS), d({ missing: "impute" }));
    expect(c.indicators.map((i) => i.missing)).toEqual(["impute-median", "impute-median", "impute-median"]);
  });
});

describe("statistics of the runs", () => {
  it("nearest-rank percentiles", async () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentiles(xs, [0.05, 0.5, 0.95])).toEqual([1, 5, 10]);
    expect(percentiles([3], [0.95])).toEqual([3]);
    // as the textbook has them: the value at position ceil(q n) of the sorted runs
    const fc = (await import("fast-check")).default;
    fc.assert(
      // ranks close together (counted) and far apart (sorted)
      fc.property(fc.array(fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 100_000 })), { minLength: 1, maxLength: 300 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (ranks, qs) => {
        const sorted = [...ranks].sort((a, b) => a - b);
        const ascending = [...qs].sort((a, b) => a - b);
        const nearest = ascending.map((q) => sorted[Math.min(ranks.length - 1, Math.max(0, Math.ceil(q * ranks.length) - 1))]);
        expect(percentiles(ranks, ascending)).toEqual(nearest);
      }),
      { numRuns: 2000 },
    );
  });

  it("the default flag threshold: a tenth of the peer group, at least 2 ranks", () => {
    expect([1, 9, 20, 25, 101, 10044].map(defaultWide)).toEqual([2, 2, 2, 3, 10, 1004]);
  });

  it.each([
    // y, bins, B, (SSb − (B − 1) SSw / (N − B)) / SSt
    { y: [1, 1, 2, 2, 1, 2], bin: [0, 0, 1, 1, 0, 1], bins: 2, index: 1 },
    // means 1.5 and 1.5: SSb 0, SSt 1, SSw 1: (0 − 1 / 2) / 1
    { y: [1, 2, 1, 2], bin: [0, 0, 1, 1], bins: 2, index: -0.5 },
    // means 1 (n 2), 2.5 (n 2): ȳ 1.75; SSb 2 × 0.5625 × 2 = 2.25, SSt 2.75, SSw 0.5: (2.25 − 0.25) / 2.75
    { y: [1, 1, 2, 3], bin: [0, 0, 1, 1], bins: 2, index: 2 / 2.75 },
    // an empty bin does not count in B: as the case above
    { y: [1, 1, 2, 3], bin: [0, 0, 2, 2], bins: 3, index: 2 / 2.75 },
  ])("first-order index of $y over $bin", ({ y, bin, bins, index }) => {
    expect(firstOrder(y, bin, bins)).toBeCloseTo(index, 12);
  });
  it("no index without variance", () => {
    expect(firstOrder([2, 2, 2], [0, 1, 0], 2)).toBeNull();
  });

  it("per unit: median, interval, shift and band shares from the rank matrix", () => {
    const data = load(C, "code,a,b,c\nU1,100,100,60\nU2,50,50,30\nU3,0,0,0\n").dataset;
    const nominal = score(C, data);
    const layout = layoutOf(nominal);
    expect(layout).toEqual(["U1", "U2", "U3"]);
    const runs = 20;
    const ranks = new Int32Array(runs * 3);
    const bands = new Int16Array(runs * 3);
    for (let r = 0; r < runs; r++) {
      // U1 first in 17 runs, second in 3; U2 the other way round; U3 always last
      const swap = r % 7 === 3;
      ranks.set([swap ? 2 : 1, swap ? 1 : 2, 3], r * 3);
      // U2 is in band hi (index 0) in 5 runs, else lo (1)
      bands.set([0, r < 5 ? 0 : 1, 1], r * 3);
    }
    const res = analyse(nominal, { ...OFF, runs }, plan(C, OFF), layout, ranks, bands);
    const [u1, u2, u3] = res.levels[0]!.units;
    expect(u1).toMatchObject({ rank: 1, median: 1, low: 1, high: 2, shift: 3 / 20, band: "hi", bandChange: 0, wide: false, wideAt: 2 });
    expect(u1!.bands).toEqual([{ band: "hi", p: 1 }, { band: "lo", p: 0 }]);
    expect(u2).toMatchObject({ rank: 2, median: 2, low: 1, high: 2, shift: 3 / 20, band: "lo", bandChange: 0.25 });
    expect(u3).toMatchObject({ rank: 3, median: 3, low: 3, high: 3, shift: 0, bandChange: 0 });
    const level = res.levels[0]!;
    expect(level.shift).toBeCloseTo(0.1, 12);
    expect(level.bandChangeShare).toBeCloseTo(1 / 3, 12);
    expect(level.indices).toEqual([]);
  });

  it("a unit flagged when its interval is wider than --wide", () => {
    const data = load(C, "code,a,b,c\nU1,100,100,60\nU2,50,50,30\nU3,0,0,0\n").dataset;
    const nominal = score(C, data);
    const ranks = Int32Array.from([1, 2, 3, 3, 2, 1]);
    const res = analyse(nominal, { ...OFF, runs: 2, wide: 1 }, plan(C, OFF), layoutOf(nominal), ranks, new Int16Array(6));
    expect(res.levels[0]!.units.map((u) => [u.low, u.high, u.wide])).toEqual([[1, 3, true], [2, 2, false], [1, 3, true]]);
    expect(res.levels[0]!.wide).toBe(2);
  });

  it("a rank that depends on one input only gets an index of 1 for it, near 0 for the others", () => {
    // U1 and U2 swap under geometric aggregation (U2 has a zero pillar), nothing is missing
    // U2 10 of 20, U1 3.6 + 2 + 4 = 9.6; geometric, U2 scores 0
    const data = load(C, "code,a,b,c\nU1,60,50,20\nU2,100,100,0\n").dataset;
    const s = { ...OFF, aggregation: true, missing: true, runs: 400 };
    const res = sensitivity(C, data, s);
    const idx = Object.fromEntries(res.levels[0]!.indices.map((i) => [i.input, i.index]));
    expect(idx.aggregation).toBeCloseTo(1, 12);
    expect(idx.missing).toBeLessThan(0.02);
    expect(res.levels[0]!.units.map((u) => [u.code, u.low, u.high])).toEqual([["U2", 1, 2], ["U1", 1, 2]]);
  });

  it("runs computed in blocks give the same matrix as one block (any split over workers)", () => {
    const data = load(C, "code,a,b,c\nU1,60,60,20\nU2,100,100,0\nU3,80,10,50\nU4,30,90,45\nU5,,70,25\n").dataset;
    const s = { ...DEFAULT_SETTINGS, runs: 60 };
    const nominal = score(C, data);
    const layout = layoutOf(nominal);
    const whole = runBlock(runContext(C, data, s, layout), 0, 60);
    const parts = [runBlock(runContext(C, data, s, layout), 0, 17), runBlock(runContext(C, data, s, layout), 17, 41), runBlock(runContext(C, data, s, layout), 41, 60)];
    const ranks = new Int32Array(whole.ranks.length);
    const bands = new Int16Array(whole.bands.length);
    for (const b of parts) {
      ranks.set(b.ranks, b.start * layout.length);
      bands.set(b.bands, b.start * layout.length);
    }
    expect(ranks).toEqual(whole.ranks);
    expect(bands).toEqual(whole.bands);
  });

  it("a unit not ranked in a run counts as last of its peer group", () => {
    // with b dropped and missing: exclude, U2 (only b) has nothing left and is not ranked
    const data = load(C, "code,a,b,c\nU1,60,60,20\nU2,,100,\nU3,10,10,10\n").dataset;
    const s = { ...OFF, drop: true, missing: true, runs: 200 };
    const nominal = score(C, data);
    const ctx = runContext(C, data, s, layoutOf(nominal));
    const block = runBlock(ctx, 0, 200);
    const col = layoutOf(nominal).indexOf("U2");
    const seen = new Set<number>();
    for (let r = 0; r < 200; r++) {
      const d = draw(ctx.plan, s, r);
      const rank = block.ranks[r * 3 + col];
      if (d.drop === 1 && d.missing === "exclude") {
        expect(rank).toBe(3);
        expect(block.bands[r * 3 + col]).toBe(-1);
      }
      seen.add(rank as number);
    }
    expect(seen.has(3)).toBe(true);
  });
});
