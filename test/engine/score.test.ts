// Aggregation, applicability, missing-data policies, bonus and penalty, roll-ups, bands and
// ranks: small criteria sets with hand-computed results.
import { describe, expect, it } from "vitest";
import { compareCodes, rankGroup, roundTo } from "../../src/engine/rank.ts";
import { score } from "../../src/engine/views.ts";
import { criteriaFrom, load, scoreOf, unit } from "../helpers/model.ts";

const TWO_PILLARS = `id: t
title: T
version: 1
levels:
  - id: so
  - id: xa
missing: MISSING
bands:
  list:
    - { id: tot, min: 80 }
    - { id: kha, min: 65 }
    - { id: yeu, min: 0 }
groups:
  - id: a
    max: 10
    indicators:
      - { id: a1, max: 6, rule: { type: ratio } }
      - { id: a2, max: 4, rule: { type: boolean } }
  - id: b
    indicators:
      - { id: b1, max: 5, rule: { type: ratio } }
      - { id: b2, max: 5, levels: [so], rule: { type: ratio } }
`;
const two = (missing = "zero") => TWO_PILLARS.replace("MISSING", missing);

describe("sum aggregation and applicability", () => {
  const units = "code,name,level\nS1,Sở 1,so\nX1,Xã 1,xa\n";
  it("adds points up the tree", () => {
    const r = scoreOf(two(), "code,a1,a2,b1,b2\nS1,50,có,100,40\n", units);
    const s = unit(r, "S1");
    expect(s.nodes.a?.points).toBeCloseTo(3 + 4);
    expect(s.nodes.b?.points).toBeCloseTo(5 + 2);
    expect(s.score).toBeCloseTo(14);
    expect(s.max).toBe(20);
    expect(s.percent).toBeCloseTo(70);
    expect(s.band).toBe("kha");
  });
  it("a node that does not apply at the level is left out of the maximum", () => {
    const r = scoreOf(two(), "code,a1,a2,b1\nX1,100,có,100\n", units);
    const x = unit(r, "X1");
    expect(x.max).toBe(15);
    expect(x.percent).toBeCloseTo(100);
    expect(x.nodes.b2?.applicable).toBe(false);
  });
  it("a not-applicable cell is left out of that unit's maximum, never zero", () => {
    const r = scoreOf(two(), "code,a1,a2,b1,b2\nS1,100,có,100,N/A\n", units);
    const s = unit(r, "S1");
    expect(s.max).toBe(15);
    expect(s.score).toBe(15);
    expect(s.status).toBe("ranked");
  });
});

describe("missing-data policies", () => {
  const units = "code,name,level\nS1,Sở 1,so\nS2,Sở 2,so\nS3,Sở 3,so\n";
  const data = "code,a1,a2,b1,b2\nS1,50,có,100,\nS2,100,có,100,20\nS3,100,có,100,60\n";
  it("zero: the missing indicator scores 0, the maximum stays, status incomplete", () => {
    const s = unit(scoreOf(two("zero"), data, units), "S1");
    expect(s.score).toBeCloseTo(3 + 4 + 5);
    expect(s.max).toBe(20);
    expect(s.status).toBe("incomplete");
    expect(s.rank).not.toBeNull();
  });
  it("exclude: the maximum shrinks", () => {
    const s = unit(scoreOf(two("exclude"), data, units), "S1");
    expect(s.score).toBeCloseTo(12);
    expect(s.max).toBe(15);
    expect(s.percent).toBeCloseTo(80);
    expect(s.status).toBe("incomplete");
  });
  it("impute-mean: the cohort's mean rate", () => {
    const s = unit(scoreOf(two("impute-mean"), data, units), "S1");
    expect(s.nodes.b2?.points).toBeCloseTo(5 * 0.4);
  });
  it("impute-median: the cohort's median rate", () => {
    const d = "code,a1,a2,b1,b2\nS1,50,có,100,\nS2,100,có,100,20\nS3,100,có,100,60\nS4,1,có,1,100\n";
    const s = unit(scoreOf(two("impute-median"), d, `${units}S4,Sở 4,so\n`), "S1");
    expect(s.nodes.b2?.points).toBeCloseTo(5 * 0.6);
  });
  it("impute: every unit with a missing value gets the same cohort rate, computed from the units with a value", () => {
    const d = "code,a1,a2,b1,b2\nS1,50,có,100,\nS2,100,có,100,20\nS3,100,có,100,60\nS4,1,có,1,\nS5,1,có,1,100\n";
    const u = `${units}S4,Sở 4,so\nS5,Sở 5,so\n`;
    // rates with a value: 0.2, 0.6, 1 -> mean 0.6, median 0.6; with S3 at 90: mean 0.7, median 0.9
    const d2 = d.replace("S3,100,có,100,60", "S3,100,có,100,90");
    for (const [policy, data2, rate] of [["impute-mean", d, 0.6], ["impute-median", d, 0.6], ["impute-mean", d2, 0.7], ["impute-median", d2, 0.9]] as const) {
      const r = scoreOf(two(policy), data2, u);
      expect([unit(r, "S1").nodes.b2?.rate, unit(r, "S4").nodes.b2?.rate]).toEqual([rate, rate].map((x) => expect.closeTo(x, 12)));
    }
  });
  it("error: a diagnostic naming the unit and the indicator", () => {
    const c = criteriaFrom(two("error"));
    const r = score(c, load(c, data, units).dataset);
    expect(r.diagnostics).toMatchObject([{ code: "MISSING_VALUE", severity: "error", args: { unit: "S1", indicator: "b2" }, file: "data0.csv", line: 2, column: 5 }]);
  });
  it("a policy on an indicator overrides the root's", () => {
    const y = two("zero").replace("{ id: b2, max: 5, levels: [so], rule: { type: ratio } }", "{ id: b2, max: 5, levels: [so], missing: exclude, rule: { type: ratio } }");
    expect(unit(scoreOf(y, data, units), "S1").max).toBe(15);
  });
  it("a unit with no data at all is listed, not ranked", () => {
    const r = scoreOf(two(), "code,a1,a2,b1,b2\nS2,100,có,100,20\n", units);
    const s = unit(r, "S1");
    expect(s).toMatchObject({ status: "not-ranked", rank: null, score: null, band: null });
    // ranked units first, then the units not ranked, by code
    expect(r.levels[0]?.units.map((u) => u.code)).toEqual(["S2", "S1", "S3"]);
  });
});

describe("mean and geometric aggregation", () => {
  const y = (agg: string) => `id: t
title: T
version: 1
levels: [{ id: c }]
aggregation: ${agg}
max: 1
indicators:
  - { id: p, max: 1, unit: fraction, rule: { type: ratio } }
  - { id: q, max: 1, unit: fraction, rule: { type: ratio } }
  - { id: r, max: 1, unit: fraction, weight: 2, rule: { type: ratio } }
`;
  it("weighted arithmetic mean", () => {
    expect(unit(scoreOf(y("mean"), "code,p,q,r\nA,0.2,0.4,0.9\n"), "A").score).toBeCloseTo((0.2 + 0.4 + 2 * 0.9) / 4, 12);
  });
  it("weighted geometric mean", () => {
    expect(unit(scoreOf(y("geometric"), "code,p,q,r\nA,0.2,0.4,0.9\n"), "A").score).toBeCloseTo((0.2 * 0.4 * 0.9 ** 2) ** (1 / 4), 12);
  });
  it("geometric mean with a zero is zero", () => {
    expect(unit(scoreOf(y("geometric"), "code,p,q,r\nA,0,0.4,0.9\n"), "A").score).toBe(0);
  });
});

describe("bonus and penalty", () => {
  const y = `id: t
title: T
version: 1
levels: [{ id: u }]
indicators:
  - { id: a, max: 10, rule: { type: points } }
bonus:
  max: 3
  indicators:
    - { id: award, max: 2, rule: { type: boolean } }
    - { id: idea, max: 2, rule: { type: points } }
penalty:
  max: 5
  indicators:
    - { id: incident, max: 4, rule: { type: steps, steps: [{ atLeast: 2, points: 4 }, { atLeast: 1, points: 2 }] } }
`;
  it("the bonus is capped and the total kept within the maximum", () => {
    const u = unit(scoreOf(y, "code,a,award,idea,incident\nA,9,có,2,0\n"), "A");
    expect(u.bonus).toBe(3);
    expect(u.score).toBe(10);
    expect(u.max).toBe(10);
  });
  it("the penalty is taken off and the total never goes below zero", () => {
    const u = unit(scoreOf(y, "code,a,award,idea,incident\nA,3,không,0,3\nB,6,không,0,1\n"), "A");
    expect(u.score).toBe(0);
    expect(unit(scoreOf(y, "code,a,award,idea,incident\nB,6,không,0,1\n"), "B").score).toBe(4);
  });
  it("unclaimed bonus and penalty are zero, not missing data", () => {
    const u = unit(scoreOf(y, "code,a,award,idea,incident\nA,7,,,\n"), "A");
    expect(u).toMatchObject({ score: 7, status: "ranked", bonus: 0, penalty: 0 });
  });
  it("a unit that sent only bonus or penalty cells is not ranked (its score would be the bonus alone)", () => {
    const r = scoreOf(y, "code,a,award,idea,incident\nA,,có,2,\nB,7,,,\nC,,,,1\n");
    expect(unit(r, "A")).toMatchObject({ status: "not-ranked", score: null, rank: null });
    expect(unit(r, "C")).toMatchObject({ status: "not-ranked", score: null, rank: null });
    expect(unit(r, "B")).toMatchObject({ status: "ranked", rank: 1, score: 7 });
  });
  it("a unit that sent only \"not applicable\" is not ranked; one value among them is enough", () => {
    const two = "id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nindicators:\n  - { id: a, max: 10, rule: { type: points } }\n  - { id: b, max: 10, rule: { type: points } }\n";
    const r = scoreOf(two, "code,a,b\nA,N/A,N/A\nB,N/A,\nC,N/A,4\n");
    expect(unit(r, "A")).toMatchObject({ status: "not-ranked", rank: null });
    // B: a is not applicable, b is empty (missing, zero): nothing sent
    expect(unit(r, "B")).toMatchObject({ status: "not-ranked", rank: null });
    expect(unit(r, "C")).toMatchObject({ status: "ranked", rank: 1, score: 4, max: 10 });
  });
});

describe("roll-up of children units", () => {
  const y = `id: t
title: T
version: 1
levels:
  - id: huyen
  - id: xa
    parent: huyen
indicators:
  - { id: own, max: 8, rule: { type: ratio } }
  - { id: communes, max: 2, levels: [huyen], rule: { type: rollup, level: xa } }
`;
  const units = "code,name,level,parent\nH1,Huyện 1,huyen,\nX1,Xã 1,xa,H1\nX2,Xã 2,xa,H1\nX3,Xã 3,xa,H1\n";
  it("a district gets the mean of its communes' percentages, not-ranked communes left out", () => {
    const r = scoreOf(y, "code,own\nH1,50\nX1,100\nX2,50\n", units);
    expect(unit(r, "H1").nodes.communes?.points).toBeCloseTo(2 * 0.75);
    expect(unit(r, "H1").score).toBeCloseTo(4 + 1.5);
    expect(unit(r, "X3").status).toBe("not-ranked");
  });
  it("rolls up grandchildren: a province gets the mean of the communes of all its districts", () => {
    const y3 = `id: t
title: T
version: 1
levels:
  - id: tinh
  - id: huyen
    parent: tinh
  - id: xa
    parent: huyen
indicators:
  - { id: own, max: 10, rule: { type: ratio } }
  - { id: communes, max: 10, levels: [tinh, huyen], rule: { type: rollup, level: xa, of: own } }
`;
    const units3 = "code,name,level,parent\nT1,T1,tinh,\nT2,T2,tinh,\nH1,H1,huyen,T1\nH2,H2,huyen,T1\nH3,H3,huyen,T2\nX1,X1,xa,H1\nX2,X2,xa,H2\nX3,X3,xa,H2\nX4,X4,xa,H3\n";
    const r = scoreOf(y3, "code,own\nT1,0\nT2,0\nH1,0\nH2,0\nH3,0\nX1,10\nX2,40\nX3,70\nX4,100\n", units3);
    // T1: communes X1, X2, X3 (through H1 and H2): mean of 0.1, 0.4, 0.7 = 0.4; T2: X4 alone
    expect(unit(r, "T1").nodes.communes?.rate).toBeCloseTo(0.4, 12);
    expect(unit(r, "T2").nodes.communes?.rate).toBe(1);
    expect(unit(r, "H2").nodes.communes?.rate).toBeCloseTo(0.55, 12);
    expect(unit(r, "H1").nodes.communes?.rate).toBeCloseTo(0.1, 12);
  });
  it("of a node, with another statistic", () => {
    const r = scoreOf(y.replace("rule: { type: rollup, level: xa }", "rule: { type: rollup, level: xa, of: own, stat: min }"), "code,own\nH1,50\nX1,100\nX2,50\n", units);
    expect(unit(r, "H1").nodes.communes?.points).toBeCloseTo(1);
  });
});

describe("ranking", () => {
  it("competition ranking: ties share a rank and the next is skipped", () => {
    const r = rankGroup([{ code: "A", key: 90 }, { code: "B", key: 80 }, { code: "C", key: 80 }, { code: "D", key: 70 }], "competition");
    expect([...r]).toEqual([["A", 1], ["B", 2], ["C", 2], ["D", 4]]);
  });
  it("dense ranking", () => {
    const r = rankGroup([{ code: "A", key: 90 }, { code: "B", key: 80 }, { code: "C", key: 80 }, { code: "D", key: 70 }], "dense");
    expect(r.get("D")).toBe(3);
  });
  it("ties are decided at the configured decimals", () => {
    const y = `id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nranking: { decimals: 1 }\nindicators:\n  - { id: a, max: 100, rule: { type: points } }\n`;
    const r = scoreOf(y, "code,a\nA,80.04\nB,80.01\nC,79.96\nD,79.94\n");
    expect(["A", "B", "C", "D"].map((c) => unit(r, c).rank)).toEqual([1, 1, 1, 4]);
  });
  it("rounding for ties is free of binary noise", () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(79.995, 2)).toBe(80);
  });
  it("rounding takes its quick way only where the exact one gives the same", async () => {
    const fc = (await import("fast-check")).default;
    const exact = (x: number, d: number) => Math.round(Number((x * 10 ** d).toPrecision(15))) / 10 ** d;
    // any double, and the decimals next to a half at every magnitude
    const near = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3, max: 3 })).map(([k, d, e]) => (k + 0.5) / 10 ** d + e * Number.EPSILON * Math.abs(k));
    fc.assert(
      fc.property(fc.oneof(fc.double(), near, fc.constantFrom(0, -0, 1.005, 79.995, 1e20 + 0.5, 12345678901234.46)), fc.integer({ min: 0, max: 6 }), (x, d) => {
        expect(Object.is(roundTo(x, d), exact(x, d))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
  it("peer groups within each parent", () => {
    const y = `id: t\ntitle: T\nversion: 1\nlevels:\n  - id: h\n  - id: x\n    parent: h\n    peers: { by: parent }\nindicators:\n  - { id: a, max: 10, rule: { type: points } }\n`;
    const units = "code,name,level,parent\nH1,H1,h,\nH2,H2,h,\nX1,X1,x,H1\nX2,X2,x,H1\nX3,X3,x,H2\n";
    const r = scoreOf(y, "code,a\nH1,1\nH2,1\nX1,5\nX2,6\nX3,1\n", units);
    expect(["X1", "X2", "X3"].map((c) => unit(r, c).rank)).toEqual([2, 1, 1]);
  });
  it("peer groups by an attribute of the units registry", () => {
    const y = `id: t\ntitle: T\nversion: 1\nlevels:\n  - id: x\n    peers: { by: attribute, attribute: type }\nindicators:\n  - { id: a, max: 10, rule: { type: points } }\n`;
    const units = "code,name,level,type\nP1,Phường 1,x,phuong\nP2,Phường 2,x,phuong\nX1,Xã 1,x,xa\n";
    const r = scoreOf(y, "code,a\nP1,5\nP2,6\nX1,1\n", units);
    expect(["P1", "P2", "X1"].map((c) => unit(r, c).rank)).toEqual([2, 1, 1]);
    expect(unit(r, "X1").peerGroup).toBe("xa");
  });
  it("bands on the score", () => {
    const y = `id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nmax: 1\naggregation: mean\nbands: { on: score, list: [{ id: high, min: 0.5 }, { id: low, min: 0 }] }\nranking: { on: score, decimals: 4 }\nindicators:\n  - { id: a, max: 1, unit: fraction, rule: { type: ratio } }\n`;
    const r = scoreOf(y, "code,a\nA,0.49995\nB,0.4999\n");
    expect(unit(r, "A").band).toBe("high");
    expect(unit(r, "B").band).toBe("low");
  });
  it("codes sort naturally", () => {
    expect(["964-10", "964-2", "S1", "964"].sort(compareCodes)).toEqual(["964", "964-2", "964-10", "S1"]);
  });
});
