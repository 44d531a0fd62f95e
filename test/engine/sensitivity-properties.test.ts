// Invariants of the sensitivity analysis (fast-check): nothing to vary means no uncertainty; a
// fixed seed reproduces the analysis exactly, however the runs are split; a unit far ahead stays
// first in every run; intervals do not narrow as the perturbation grows.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/views.ts";
import { DEFAULT_SETTINGS, analyse, layoutOf, runBlock, runContext, sensitivity, type SensitivitySettings } from "../../src/engine/sensitivity.ts";
import { criteriaFrom, load } from "../helpers/model.ts";

const C = criteriaFrom(`id: p
title: P
version: 1
levels: [{ id: u }]
missing: zero
bands:
  list:
    - { id: tot, min: 75 }
    - { id: kha, min: 50 }
    - { id: yeu, min: 0 }
groups:
  - id: g1
    indicators:
      - { id: a, max: 5, rule: { type: ratio } }
      - { id: b, max: 6, rule: { type: ratio } }
  - id: g2
    indicators:
      - { id: c, max: 4, rule: { type: ratio } }
      - { id: d, max: 5, rule: { type: ratio } }
      - { id: e, max: 3, unit: number, rule: { type: steps, steps: [{ atLeast: 60, points: 3 }, { atLeast: 30, share: 0.5 }] } }
`);
const IDS = ["a", "b", "c", "d", "e"];
const value = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 100 }).map(String) }, { weight: 1, arbitrary: fc.constant("") });
const rowsArb = fc.array(fc.array(value, { minLength: 5, maxLength: 5 }), { minLength: 2, maxLength: 25 });
const csv = (rows: string[][], extra = "") => `code,${IDS.join(",")}\n${extra}${rows.map((r, i) => `U${i},${r.join(",")}`).join("\n")}\n`;
const dataOf = (text: string) => load(C, text).dataset;
const ALL_OFF: SensitivitySettings = { ...DEFAULT_SETTINGS, weights: false, aggregation: false, missing: false, drop: false };

describe("sensitivity invariants", () => {
  it("with zero perturbation and every other input off, every interval is the nominal rank", () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 2 ** 31 }), fc.boolean(), (rows, seed, weights) => {
        const res = sensitivity(C, dataOf(csv(rows)), { ...ALL_OFF, weights, perturbation: 0, runs: 12, seed });
        for (const u of res.levels[0]!.units) {
          if (u.rank === null) continue;
          expect([u.low, u.median, u.high]).toEqual([u.rank, u.rank, u.rank]);
          expect(u.shift).toBe(0);
          expect(u.bandChange).toBe(0);
          expect(u.wide).toBe(false);
        }
        expect(res.levels[0]!.bandChangeShare).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it("a fixed seed gives the same analysis, whatever blocks the runs are computed in", () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 1, max: 39 }), (rows, seed, cut) => {
        const data = dataOf(csv(rows));
        const s = { ...DEFAULT_SETTINGS, runs: 40, seed };
        const whole = sensitivity(C, data, s);
        expect(JSON.stringify(sensitivity(C, data, s).levels)).toBe(JSON.stringify(whole.levels));
        const nominal = score(C, data);
        const layout = layoutOf(nominal);
        const first = runBlock(runContext(C, data, s, layout), 0, cut);
        const second = runBlock(runContext(C, data, s, layout), cut, 40);
        const ranks = new Int32Array(40 * layout.length);
        const bands = new Int16Array(40 * layout.length);
        for (const b of [second, first]) {
          ranks.set(b.ranks, b.start * layout.length);
          bands.set(b.bands, b.start * layout.length);
        }
        const split = analyse(nominal, s, runContext(C, data, s, layout).plan, layout, ranks, bands);
        expect(JSON.stringify(split.levels)).toBe(JSON.stringify(whole.levels));
      }),
      { numRuns: 25 },
    );
  });

  it("a unit far ahead of all others keeps rank 1 in every run", () => {
    const low = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 50 }).map(String) }, { weight: 1, arbitrary: fc.constant("") });
    fc.assert(
      fc.property(
        fc.array(fc.array(low, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (rows, seed, perturbation) => {
          const data = dataOf(csv(rows, "TOP,100,100,100,100,100\n"));
          const s = { ...DEFAULT_SETTINGS, runs: 60, seed, perturbation };
          const nominal = score(C, data);
          const layout = layoutOf(nominal);
          const block = runBlock(runContext(C, data, s, layout), 0, 60);
          const col = layout.indexOf("TOP");
          for (let r = 0; r < 60; r++) expect(block.ranks[r * layout.length + col]).toBe(1);
          const top = sensitivity(C, data, s).levels[0]!.units.find((u) => u.code === "TOP")!;
          expect([top.rank, top.low, top.high, top.shift]).toEqual([1, 1, 1, 0]);
        },
      ),
      { numRuns: 30 },
    );
  });

  it("intervals do not narrow on average as the perturbation grows", () => {
    const full = fc.array(fc.array(fc.integer({ min: 0, max: 100 }).map(String), { minLength: 5, maxLength: 5 }), { minLength: 3, maxLength: 25 });
    fc.assert(
      fc.property(full, fc.integer({ min: 0, max: 2 ** 31 }), (rows, seed) => {
        const data = dataOf(csv(rows));
        const widths = [0, 0.1, 0.25, 0.5].map((perturbation) => {
          const units = sensitivity(C, data, { ...ALL_OFF, weights: true, perturbation, runs: 100, seed }).levels[0]!.units;
          return units.reduce((s, u) => s + ((u.high ?? 0) - (u.low ?? 0)), 0) / units.length;
        });
        for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeGreaterThanOrEqual(widths[i - 1] as number);
      }),
      { numRuns: 25 },
    );
  });
});
