// Invariants that must hold for every input (fast-check): scores within [0, max], ranks a valid
// competition ranking, monotone in higher-is-better values, independent of row and column order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareCodes } from "../../src/engine/rank.ts";
import { score } from "../../src/engine/views.ts";
import { rankCsv } from "../../src/render/rank.ts";
import { criteriaFrom, load } from "../helpers/model.ts";

const CRITERIA = criteriaFrom(`id: p
title: P
version: 1
levels: [{ id: u }]
missing: MISSINGPOLICY
bonus: { max: 2, indicators: [{ id: bon, max: 3, rule: { type: points } }] }
penalty: { max: 4, indicators: [{ id: pen, max: 4, rule: { type: points } }] }
groups:
  - id: g1
    indicators:
      - { id: r, max: 5, rule: { type: ratio } }
      - { id: t, max: 6, rule: { type: target, target: 50 } }
      - { id: s, max: 4, unit: number, rule: { type: steps, steps: [{ atLeast: 60, points: 4 }, { atLeast: 30, points: 2 }] } }
  - id: g2
    aggregation: mean
    max: 10
    indicators:
      - { id: rel, max: 3, unit: number, rule: { type: relative } }
      - { id: mm, max: 3, unit: number, rule: { type: minmax } }
      - { id: z, max: 3, unit: number, weight: 2, rule: { type: zscore } }
      - { id: lin, max: 2, unit: number, rule: { type: linear, lower: 10, upper: 90 } }
`.replace("MISSINGPOLICY", "zero"));
const IDS = ["r", "t", "s", "rel", "mm", "z", "lin", "bon", "pen"];
const HIGHER = ["r", "t", "s", "rel", "mm", "z", "lin"];

const cellArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => String(n / 10)) },
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: fc.constant("N/A") },
);
const unitsArb = fc.array(fc.array(cellArb, { minLength: IDS.length, maxLength: IDS.length }), { minLength: 1, maxLength: 25 });

function csv(rows: string[][], order: number[] = IDS.map((_, i) => i), rowOrder: number[] = rows.map((_, i) => i)): string {
  const head = ["code", ...order.map((i) => IDS[i])].join(",");
  const body = rowOrder.map((ri) => [`U${ri}`, ...order.map((i) => (rows[ri] as string[])[i])].join(","));
  return [head, ...body].join("\n") + "\n";
}

function run(data: string) {
  const d = load(CRITERIA, data);
  return score(CRITERIA, d.dataset);
}

describe("engine invariants", () => {
  it("every score lies within [0, max] and every node within [0, its max]", () => {
    fc.assert(
      fc.property(unitsArb, (rows) => {
        for (const u of run(csv(rows)).levels[0]!.units) {
          if (u.score === null) continue;
          expect(u.score).toBeGreaterThanOrEqual(0);
          expect(u.score).toBeLessThanOrEqual(u.max! + 1e-9);
          for (const n of Object.values(u.nodes)) if (n.points !== null) expect(n.points).toBeLessThanOrEqual(n.max + 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("ranks form a competition ranking: 1 + the number of units strictly ahead", () => {
    fc.assert(
      fc.property(unitsArb, (rows) => {
        const units = run(csv(rows)).levels[0]!.units.filter((u) => u.rank !== null);
        const key = (p: number) => Math.round(p * 100);
        for (const u of units) {
          const ahead = units.filter((v) => key(v.percent as number) > key(u.percent as number)).length;
          expect(u.rank).toBe(ahead + 1);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("raising a higher-is-better value never lowers the unit's score", () => {
    fc.assert(
      fc.property(unitsArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 500 }), (rows, ui, ii, bump) => {
        const u = ui % rows.length;
        const col = IDS.indexOf(HIGHER[ii % HIGHER.length] as string);
        const before = rows[u]?.[col] ?? "";
        if (before === "" || before === "N/A") return;
        const raised = rows.map((r) => [...r]);
        // percentages stay valid: above 100 the loader refuses the value
        const limit = IDS[col] === "r" || IDS[col] === "t" ? 100 : Infinity;
        (raised[u] as string[])[col] = String(Math.min(limit, Number(before) + bump / 10));
        const s0 = run(csv(rows)).levels[0]!.units.find((x) => x.code === `U${u}`)!.score as number;
        const s1 = run(csv(raised)).levels[0]!.units.find((x) => x.code === `U${u}`)!.score as number;
        expect(s1).toBeGreaterThanOrEqual(s0 - 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it("shuffling rows and columns changes nothing in the output", () => {
    fc.assert(
      fc.property(
        unitsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(IDS.map((_, i) => i), { minLength: IDS.length }), fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length }))),
        ([rows, cols, order]) => {
          expect(rankCsv(run(csv(rows, cols, order)))).toBe(rankCsv(run(csv(rows))));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("compareCodes", () => {
  // The definition: runs of digits compare by value then length, other runs as strings, then the
  // number of runs. compareCodes walks the strings in place; this is the same rule with regexes.
  const byRuns = (a: string, b: string): number => {
    const ra = a.match(/\d+|\D+/g) ?? [];
    const rb = b.match(/\d+|\D+/g) ?? [];
    for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
      const x = ra[i] as string;
      const y = rb[i] as string;
      if (x === y) continue;
      if (/^\d/.test(x) && /^\d/.test(y)) return Number(x) - Number(y) || x.length - y.length;
      return x < y ? -1 : 1;
    }
    return ra.length - rb.length;
  };
  const code = fc.stringMatching(/^[0-9A-Za-z\-. đĐ_0]{0,12}$/);
  const digits = fc.stringMatching(/^[0-9]{14,22}$/);
  it("gives the same answer as the definition, value for value", () => {
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(compareCodes(a, b)).toBe(byRuns(a, b));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(code, code, digits, digits, (p, q, x, y) => {
        expect(compareCodes(p + x + q, p + y + q)).toBe(byRuns(p + x + q, p + y + q));
      }),
    );
  });
  it.each([
    ["964-2", "964-10"],
    ["1", "01"],
    ["A1", "A1B2"],
    ["a", "ab"],
    ["9", "a"],
    ["x10", "x10y"],
    ["", "0"],
    ["Xã 2", "Xã 10"],
  ])("%s and %s", (a, b) => {
    expect(compareCodes(a, b)).toBe(byRuns(a, b));
    expect(compareCodes(b, a)).toBe(byRuns(b, a));
    expect(Math.sign(compareCodes(a, b))).toBe(-1);
  });
});
