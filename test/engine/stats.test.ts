// The summary statistics (src/engine/stats.ts) agree with the obvious definitions, on arrays
// and typed arrays, and hold on lists far longer than Math.min(...xs) can take: a roll-up over
// a national dataset's communes once overflowed the stack that way.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/views.ts";
import { max, mean, median, min } from "../../src/engine/stats.ts";
import type { Cell } from "../../src/model/data.ts";
import { toColumns, type Dataset, type UnitData } from "../helpers/dataset.ts";
import { criteriaFrom } from "../helpers/model.ts";

describe("statistics of a list", () => {
  it("as the textbook has them; null for an empty list", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const m = sorted.length >> 1;
        expect(min(xs)).toBe(Math.min(...xs));
        expect(max(xs)).toBe(Math.max(...xs));
        expect(min(Float64Array.from(xs))).toBe(Math.min(...xs));
        expect(mean(xs)).toBeCloseTo(xs.reduce((s, x) => s + x, 0) / xs.length, 6);
        expect(median(xs)).toBe(sorted.length % 2 ? sorted[m] : ((sorted[m - 1] as number) + (sorted[m] as number)) / 2);
      }),
      { numRuns: 300 },
    );
    for (const f of [min, max, mean, median]) expect(f([])).toBeNull();
  });

  it("a million values", () => {
    const xs = Float64Array.from({ length: 1_000_000 }, (_, i) => ((i * 7919) % 1_000_003) / 1_000_003);
    expect(() => Math.min(...xs)).toThrow(RangeError); // the reason for the loops
    expect(min(xs)).toBe(0);
    expect(max(Array.from(xs))).toBeGreaterThan(0.999);
  });
});

describe("a roll-up over 200,000 communes", () => {
  const criteria = criteriaFrom(`id: t
title: T
version: 1
levels:
  - id: tinh
  - id: xa
    parent: tinh
indicators:
  - { id: own, max: 10, levels: [xa], rule: { type: ratio } }
  - { id: lowest, max: 10, levels: [tinh], rule: { type: rollup, level: xa, stat: min } }
  - { id: highest, max: 10, levels: [tinh], rule: { type: rollup, level: xa, stat: max } }
`);
  const N = 200_000;
  const unit = (code: string, level: string, parent?: string, own?: number): UnitData => ({
    code,
    name: code,
    level,
    ...(parent ? { parent } : {}),
    attributes: {},
    submitted: true,
    cells: new Map<string, Cell>(own === undefined ? [] : [["own", { kind: "number", value: own, raw: String(own) }]]),
    blanks: new Map(),
  });
  const data: Dataset = { units: [unit("T", "tinh"), ...Array.from({ length: N }, (_, i) => unit(`X${i}`, "xa", "T", 10 + ((i * 37) % 81)))] };

  it("scores the province from the lowest and the highest commune", () => {
    const r = score(criteria, toColumns(criteria, data));
    const t = r.levels[0]?.units[0];
    expect(t?.nodes.lowest?.rate).toBeCloseTo(0.1, 12);
    expect(t?.nodes.highest?.rate).toBeCloseTo(0.9, 12);
  }, 60_000);
});

describe("figures without binary noise", () => {
  it("a difference is exact to the 15th digit of its larger figure, no further", async () => {
    const { difference } = await import("../../src/engine/compare.ts");
    expect(9.652 - 8.85).not.toBe(0.802);
    expect(difference(9.652, 8.85)).toBe(0.802);
    expect(difference(8.85, 9.652)).toBe(-0.802);
    expect(difference(91.4724358974359, 91.4225158730159)).toBe(0.04992002442);
    expect(difference(0.3, 0.1 + 0.2)).toBe(0);
    expect(difference(5, 5)).toBe(0);
    expect(Object.is(difference(1, 1), 0)).toBe(true);
    expect(difference(1e-20, 0)).toBe(1e-20);
  });

  it("atPrecisionOf keeps 15 significant digits of the scale", async () => {
    const { atPrecisionOf } = await import("../../src/engine/stats.ts");
    expect(atPrecisionOf(0.1 + 0.2, 0.3)).toBe(0.3);
    expect(atPrecisionOf(123456.7890123456, 123456)).toBe(123456.789012346);
    expect(atPrecisionOf(1.5e20, 2e20)).toBe(1.5e20);
    expect(atPrecisionOf(Number.NaN, 1)).toBeNaN();
    expect(atPrecisionOf(0.1 + 0.2, 0)).toBe(0.1 + 0.2);
  });

  it("atPrecisionOf is toFixed's rounding, exactly, without toFixed (millions of sums, differences, halves and ratios)", async () => {
    const { atPrecisionOf } = await import("../../src/engine/stats.ts");
    // the definition: Number(x.toFixed(14 - floor(log10 |scale|)))
    const reference = (x: number, scale: number): number => {
      const m = Math.abs(scale);
      if (!Number.isFinite(x) || m === 0) return x;
      const decimals = 14 - Math.floor(Math.log10(m));
      if (decimals > 100) return x;
      const y = decimals <= 0 ? x : Number(x.toFixed(decimals));
      return y === 0 ? 0 : y;
    };
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const two = () => Math.round(rnd() * 10000) / 100;
    const cases: [number, number][] = [];
    for (let i = 0; i < 400_000; i++) {
      const [a, b, c] = [two(), two(), rnd() * 10 ** Math.floor(rnd() * 12 - 4)];
      cases.push([a - b, Math.max(a, b)], [b - a, Math.max(a, b)], [a + b + c, a + b + c], [c - c * (1 + 2 ** -40), c]);
      // halves at the last digit kept, give or take a unit of the last place
      const h = (Math.floor(rnd() * 1e6) + 0.5) / 1e12;
      cases.push([h, 50], [-h, 50], [h + Number.EPSILON * h, 50], [h - Number.EPSILON * h, 50]);
      // totals over thousands of units (above 2^52 at the decimals kept: toFixed decides)
      cases.push([(a - b) * 12_000, 100], [c * 1e6, c], [c, 1e-7 * rnd()]);
    }
    cases.push([1e21, 1], [-1e21, 1], [4503599627370495.5 / 1e2, 10], [0, 5], [-0.0000000000001, 100], [2 ** -1074, 1e-300]);
    for (const [x, s] of cases) if (!Object.is(atPrecisionOf(x, s), reference(x, s))) expect([x, s, atPrecisionOf(x, s)]).toEqual([x, s, reference(x, s)]);
  });

  it("a half at the decimals shown rounds up once the noise is gone: 1.465 shows +1.47", async () => {
    const { difference } = await import("../../src/engine/compare.ts");
    const { signed } = await import("../../src/render/compare.ts");
    // 9.652 − 8.187 is 1.4649999999999999 in binary
    expect(signed(9.652 - 8.187, 2)).toBe("+1.46");
    expect(signed(difference(9.652, 8.187), 2)).toBe("+1.47");
  });
});
