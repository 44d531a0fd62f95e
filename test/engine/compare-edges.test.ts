// Comparisons across criteria versions that add or drop a level or rename bands, values not
// applicable on one side, ties among indicator shifts, and the order of units on one side only.
import { describe, expect, it } from "vitest";
import { compare, criteriaDifferences, difference, type Comparison, type UnitChange } from "../../src/engine/compare.ts";
import { criteriaFrom, scoreOf } from "../helpers/model.ts";

const labels = { before: "2019", after: "2020" };
const unitOf = (c: Comparison, code: string): UnitChange => {
  for (const l of c.levels) for (const u of l.units) if (u.code === code) return u;
  throw new Error(`no unit ${code}`);
};

const twoLevels = (bands = "tot: 80, kha: 50, yeu: 0") => `id: t
title: T
version: 1
levels:
  - id: huyen
  - id: xa
    parent: huyen
bands:
  list:
${bands
  .split(", ")
  .map((b) => `    - { id: ${b.split(": ")[0]}, min: ${b.split(": ")[1]} }`)
  .join("\n")}
indicators:
  - { id: p, max: 100, unit: number, rule: { type: points } }
  - { id: q, max: 10, unit: number, levels: [xa], rule: { type: points } }
`;
const oneLevel = `id: t
title: T
version: 2
levels:
  - id: huyen
bands:
  list:
    - { id: tot, min: 80 }
    - { id: kha, min: 50 }
    - { id: yeu, min: 0 }
indicators:
  - { id: p, max: 100, unit: number, rule: { type: points } }
`;
const UNITS = "code,name,level,parent\nH1,Huyện 1,huyen,\nH2,Huyện 2,huyen,\nX1,Xã 1,xa,H1\nX2,Xã 2,xa,H1\n";

describe("a level on one side only", () => {
  // 2019: districts and communes; 2020: districts only (the communes are gone)
  const before = scoreOf(twoLevels(), "code,p,q\nH1,90,\nH2,60,\nX1,70,5\nX2,40,10\n", UNITS);
  const after = scoreOf(oneLevel, "code,p\nH1,85\nH2,65\n", "code,name,level\nH1,Huyện 1,huyen\nH2,Huyện 2,huyen\n");
  const c = compare(before, after, { labels });

  it("the level dropped is still compared: its units are gone, listed by their rank before", () => {
    expect(c.levels.map((l) => l.level.id)).toEqual(["huyen", "xa"]);
    const xa = c.levels[1];
    // X1 (70 + 5) / 110 = 68.18 %, X2 (40 + 10) / 110 = 45.45 %: X1 ranked 1
    expect(xa?.units.map((u) => [u.code, u.presence, u.before?.rank, u.after, u.parent])).toEqual([
      ["X1", "gone", 1, null, "H1"],
      ["X2", "gone", 2, null, "H1"],
    ]);
    expect(xa?.summary.counts).toEqual({ before: 2, after: 0, compared: 0, up: 0, down: 0, same: 0, new: 0, gone: 2, merged: 0 });
    expect([xa?.summary.meanPercentChange, xa?.summary.meanScoreChange]).toEqual([null, null]);
  });

  it("the maxima that changed name the level that went away and the indicator that left it", () => {
    expect(c.basis).toBe("percent");
    expect(c.indicators).toEqual({
      onlyBefore: [{ id: "q", label: {} }],
      onlyAfter: [],
      maxChanged: [
        { id: "total", level: "xa", before: 110, after: 0 },
        { id: "p", level: "xa", before: 100, after: 0 },
      ],
    });
  });

  it("and the other way round, a level added", () => {
    expect(criteriaDifferences(criteriaFrom(oneLevel), criteriaFrom(twoLevels())).maxChanged).toEqual([
      { id: "total", level: "xa", before: 0, after: 110 },
      { id: "p", level: "xa", before: 0, after: 100 },
    ]);
  });

  it("districts move on the percentage, without a score change", () => {
    expect([unitOf(c, "H1").percentChange, unitOf(c, "H1").scoreChange, unitOf(c, "H1").move]).toEqual([-5, null, 0]);
  });
});

describe("bands renamed between the two criteria", () => {
  const before = scoreOf(twoLevels("gioi: 80, tb: 0"), "code,p\nH1,90\nH2,60\n", UNITS);
  const after = scoreOf(twoLevels(), "code,p\nH1,85\nH2,65\n", UNITS);
  const c = compare(before, after, { labels });

  it("a band change cannot be told: null", () => {
    expect([unitOf(c, "H1").bandChange, unitOf(c, "H2").bandChange]).toEqual([null, null]);
  });

  it("the transition matrix lists the first side's bands after the second's", () => {
    const t = c.levels[0]?.summary.transitions;
    expect(t?.categories).toEqual(["tot", "kha", "yeu", "gioi", "tb", "not-ranked", "absent"]);
    expect(t?.counts.gioi?.tot).toBe(1);
    expect(t?.counts.tb?.kha).toBe(1);
  });
});

describe("indicator differences", () => {
  const y = `id: t
title: T
version: 1
levels: [{ id: u }]
indicators:
  - { id: a, max: 10, unit: number, rule: { type: points } }
  - { id: b, max: 10, unit: number, rule: { type: points } }
  - { id: c, max: 10, unit: number, rule: { type: points } }
`;

  it("an indicator not applicable on one side is not a difference", () => {
    const c = compare(scoreOf(y, "code,a,b,c\nA,5,5,5\n"), scoreOf(y, "code,a,b,c\nA,N/A,7,5\n"), { labels });
    expect(unitOf(c, "A").differences).toEqual([{ id: "b", before: 5, after: 7, change: 2 }]);
  });

  it("indicators that moved as much are listed in criteria order, per unit and per level", () => {
    const c = compare(scoreOf(y, "code,a,b,c\nA,5,5,5\nB,5,5,5\n"), scoreOf(y, "code,a,b,c\nA,5,3,7\nB,5,3,7\n"), { labels });
    expect(unitOf(c, "A").differences.map((d) => [d.id, d.change])).toEqual([["b", -2], ["c", 2]]);
    expect(c.levels[0]?.summary.indicators.map((s) => [s.id, s.totalChange])).toEqual([["b", -4], ["c", 4]]);
  });

  it("changes that cancel out over the units are not listed for the level", () => {
    const c = compare(scoreOf(y, "code,a,b,c\nA,5,5,5\nB,5,5,5\n"), scoreOf(y, "code,a,b,c\nA,7,5,5\nB,3,5,5\n"), { labels });
    expect(c.levels[0]?.summary.indicators).toEqual([]);
  });
});

describe("the order of units", () => {
  const y = "id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nindicators:\n  - { id: p, max: 100, unit: number, rule: { type: points } }\n";

  it("ranked on the second side, then not ranked, then gone; each by rank, then code", () => {
    const before = scoreOf(y, "code,p\nG2,90\nG1,80\nA,10\n", "code,name\nA,A\nG1,G1\nG2,G2\nN1,N1\nN2,N2\nQ,Q\n");
    const after = scoreOf(y, "code,p\nA,50\n", "code,name\nA,A\nN2,N2\nN1,N1\nQ,Q\n");
    const c = compare(before, after, { labels });
    // N1, N2, Q: on both sides and not ranked on either: by code
    expect(c.levels[0]?.units.map((u) => [u.code, u.presence])).toEqual([
      ["A", "both"],
      ["N1", "both"],
      ["N2", "both"],
      ["Q", "both"],
      ["G2", "gone"],
      ["G1", "gone"],
    ]);
  });
});

describe("difference", () => {
  it("of two figures, without binary noise; of equal ones, 0 (never -0); of infinities, NaN", () => {
    expect(difference(9.652, 8.85)).toBe(0.802);
    expect(difference(0.3, 0.1 + 0.2)).toBe(0);
    expect(Object.is(difference(-0, -0), 0)).toBe(true);
    expect(Object.is(difference(-2.5, -2.5), 0)).toBe(true);
    expect(difference(1e-300, 1e-300)).toBe(0);
    expect(difference(Infinity, Infinity)).toBeNaN();
  });
});
