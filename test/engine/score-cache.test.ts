// score() with a ScoreCache (rule outcomes reused between calls on the same data) and with
// nodes: false must give exactly what a plain call gives: the cache is an optimisation only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { score, scoreCache } from "../../src/engine/score.ts";
import type { Result } from "../../src/model/result.ts";
import { criteriaFrom, load } from "../helpers/model.ts";

const CRITERIA = criteriaFrom(`id: p
title: P
version: 1
levels: [{ id: h }, { id: x, parent: h }]
missing: impute-mean
penalty: { max: 4, indicators: [{ id: pen, max: 4, rule: { type: points } }] }
groups:
  - id: g1
    indicators:
      - { id: r, max: 5, rule: { type: ratio } }
      - { id: s, max: 4, unit: number, rule: { type: steps, steps: [{ atLeast: 60, points: 4 }, { atLeast: 30, points: 2 }] } }
      - { id: c, max: 2, unit: text, rule: { type: categorical, categories: [{ value: Có, points: 2 }, { value: một phần, share: 0.5 }] } }
  - id: g2
    aggregation: geometric
    max: 10
    indicators:
      - { id: mm, max: 3, unit: number, rule: { type: minmax } }
      - { id: z, max: 3, unit: number, weight: 2, rule: { type: zscore } }
  - id: g3
    levels: [h]
    indicators:
      - { id: roll, max: 3, levels: [h], rule: { type: rollup, level: x, of: g1 } }
`);

const num = fc.integer({ min: 0, max: 1000 }).map((n) => String(n / 10));
const cell = fc.oneof({ weight: 8, arbitrary: num }, { weight: 1, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constant("N/A") });
const cat = fc.constantFrom("có", "Một phần", "không", "", "-");
const row = fc.tuple(num, num, cat, cell, cell, cell);

function data(rows: [string, string, string, string, string, string][]) {
  const lines = rows.map((r, i) => `${i < 3 ? `H${i}` : `X${i}`},${i < 3 ? "h" : "x"},${i < 3 ? "" : `H${i % 3}`},${r.join(",")}`);
  return load(CRITERIA, `code,level,parent,r,s,c,mm,z,pen\n${lines.join("\n")}\n`).dataset;
}

const strip = (r: Result) => r.levels.map((l) => l.units.map((u) => ({ ...u, nodes: {} })));

describe("score cache", () => {
  it("a cached or node-less call gives exactly the plain result", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 4, maxLength: 15 }), (rows) => {
        const d = data(rows);
        const plain = score(CRITERIA, d);
        const cache = scoreCache();
        const first = score(CRITERIA, d, { cache });
        const second = score(CRITERIA, d, { cache });
        expect(first).toEqual(plain);
        expect(second).toEqual(plain);
        // the roll-up reads a node of the children, so the record is kept for it
        expect(score(CRITERIA, d, { cache, nodes: false })).toEqual(plain);
      }),
      { numRuns: 60 },
    );
  });

  it("nodes: false leaves the records empty and everything else as it was", () => {
    const c = criteriaFrom(`id: q\ntitle: Q\nversion: 1\nlevels: [{ id: u }]\nindicators:\n  - { id: a, max: 5, rule: { type: ratio } }\n  - { id: b, max: 5, rule: { type: ratio } }\n`);
    const d = load(c, "code,a,b\nU1,50,20\nU2,40,90\n").dataset;
    const lean = score(c, d, { nodes: false });
    expect(lean.levels[0]!.units.map((u) => u.nodes)).toEqual([{}, {}]);
    expect(strip(lean)).toEqual(strip(score(c, d)));
  });

  it("the cache keeps each data set apart", () => {
    const cache = scoreCache();
    const d1 = data([["10", "70", "có", "1", "2", "0"], ["90", "10", "không", "3", "4", "1"], ["50", "50", "", "5", "6", "2"], ["20", "40", "có", "7", "8", "3"]]);
    const d2 = data([["90", "10", "không", "3", "4", "1"], ["10", "70", "có", "1", "2", "0"], ["50", "50", "", "5", "6", "2"], ["20", "40", "có", "7", "8", "3"]]);
    score(CRITERIA, d1, { cache });
    expect(score(CRITERIA, d2, { cache })).toEqual(score(CRITERIA, d2));
  });
});
