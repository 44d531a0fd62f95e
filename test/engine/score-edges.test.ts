// Scoring at its edges, hand-computed: imputation from an even or an empty cohort, roll-ups with
// every statistic and without children, zero maxima, peer groups of units without a parent or
// attribute, and where a missing value is reported.
import { detailText } from "../../src/render/detail.ts";
import { describe, expect, it } from "vitest";
import { scoringOrder } from "../../src/engine/levels.ts";
import { score } from "../../src/engine/views.ts";
import { criteriaFrom, load, scoreOf, unit } from "../helpers/model.ts";

const imputed = (policy: string) => `id: t
title: T
version: 1
levels: [{ id: u }]
indicators:
  - { id: a, max: 4, rule: { type: ratio } }
  - { id: b, max: 10, missing: ${policy}, rule: { type: ratio } }
`;

describe("imputing a missing value", () => {
  it("impute-median of an even cohort: the mean of the middle pair", () => {
    // b rates of B, C, D, E: 0.2, 0.4, 0.6, 0.9 → median (0.4 + 0.6) / 2 = 0.5 → 5 points of 10
    const r = scoreOf(imputed("impute-median"), "code,a,b\nA,100,\nB,100,20\nC,100,60\nD,100,40\nE,100,90\n");
    expect(unit(r, "A").nodes.b).toMatchObject({ missing: "impute-median", included: true, max: 10 });
    expect(unit(r, "A").nodes.b?.points).toBeCloseTo(5, 12);
    expect(unit(r, "A").score).toBeCloseTo(9, 12);
  });

  it.each(["impute-mean", "impute-median"])("%s with nobody to impute from: 0, kept in the maximum", (policy) => {
    const r = scoreOf(imputed(policy), "code,a,b\nA,50,\nB,100,\n");
    expect(unit(r, "A").nodes.b).toMatchObject({ points: 0, rate: 0, max: 10, missing: policy });
    expect(unit(r, "A")).toMatchObject({ score: 2, max: 14, status: "incomplete" });
  });

  it("a not-applicable value is not missing and does not enter the cohort", () => {
    // cohort of b: B only (0.8); A is N/A, C is imputed 0.8
    const r = scoreOf(imputed("impute-mean"), "code,a,b\nA,100,N/A\nB,100,80\nC,100,\n");
    expect(unit(r, "A").nodes.b).toMatchObject({ applicable: false, included: false, points: null, max: 0 });
    expect(unit(r, "A")).toMatchObject({ max: 4, status: "ranked" });
    expect(unit(r, "C").nodes.b?.points).toBeCloseTo(8, 12);
  });
});

describe("where a missing value is reported (policy error)", () => {
  const y = imputed("error");
  it("at the blank cell when there is one, else at the unit's first row", () => {
    const c = criteriaFrom(y);
    const r = score(c, load(c, ["code,a,b\nA,50,\n", "code,a\nB,60\n"]).dataset);
    expect(r.diagnostics.map((d) => [d.code, d.args.unit, d.file, d.line, d.column])).toEqual([
      ["MISSING_VALUE", "A", "data0.csv", 2, 3],
      ["MISSING_VALUE", "B", "data1.csv", 2, undefined],
    ]);
  });

  it("a unit that sent nothing is not ranked, not reported", () => {
    const c = criteriaFrom(y);
    const r = score(c, load(c, "code,a,b\nA,50,10\n", "code,name\nA,Alpha\nZ,Zeta\n").dataset);
    expect(r.diagnostics).toEqual([]);
    expect(unit(r, "Z").status).toBe("not-ranked");
  });
});

describe("roll-ups", () => {
  const y = (rule: string, missing = "zero") => `id: t
title: T
version: 1
levels:
  - id: huyen
  - id: xa
    parent: huyen
missing: ${missing}
indicators:
  - { id: own, max: 8, rule: { type: ratio } }
  - { id: na, max: 2, levels: [xa], rule: { type: ratio } }
  - { id: communes, max: 10, levels: [huyen], rule: ${rule} }
`;
  const units = "code,name,level,parent\nH1,Huyện 1,huyen,\nH2,Huyện 2,huyen,\nX1,Xã 1,xa,H1\nX2,Xã 2,xa,H1\nX3,Xã 3,xa,H1\nX4,Xã 4,xa,H1\n";
  // X1 = (6.4 + 2) / 10 = 84 %, X2 = (2.4 + 0.4) / 10 = 28 %, X3 = 4 / 8 = 50 % (na: N/A), X4 = 8 / 10 = 80 %
  const data = "code,own,na\nH1,100,\nH2,100,\nX1,80,100\nX2,30,20\nX3,50,N/A\nX4,100,0\n";

  it.each([
    ["mean", 0.6050],
    ["median", 0.6500],
    ["min", 0.2800],
    ["max", 0.8400],
  ])("of the total, by %s", (stat, rate) => {
    // percentages 84, 28, 50, 80: mean 60.5, median (50 + 80) / 2 = 65, min 28, max 84
    const r = scoreOf(y(`{ type: rollup, level: xa, stat: ${stat} }`), data, units);
    expect(unit(r, "H1").nodes.communes?.rate).toBeCloseTo(rate, 12);
    expect(detailText(unit(r, "H1").nodes.communes!.detail!(), "en")).toBe(`${stat} of xa total`);
  });

  it("of an indicator, leaving out the children where it does not count", () => {
    // na rates: X1 1, X2 0.2, X4 0; X3 is not applicable → mean 1.2 / 3 = 0.4
    const r = scoreOf(y("{ type: rollup, level: xa, of: na }"), data, units);
    expect(unit(r, "H1").nodes.communes?.rate).toBeCloseTo(0.4, 12);
  });

  it("a unit without ranked children has no value: the missing policy applies", () => {
    const r = scoreOf(y("{ type: rollup, level: xa }", "exclude"), data, units);
    expect(unit(r, "H2").nodes.communes).toMatchObject({ included: false, missing: "exclude" });
    expect(unit(r, "H2")).toMatchObject({ score: 8, max: 8, status: "incomplete" });
  });

  it("levels are scored after the levels they roll up, whatever their order in the criteria", () => {
    const c = criteriaFrom(y("{ type: rollup, level: xa }"));
    expect(scoringOrder(c).map((l) => l.id)).toEqual(["xa", "huyen"]);
  });
});

describe("zero maxima", () => {
  const y = `id: t
title: T
version: 1
levels: [{ id: u }]
groups:
  - id: g
    indicators:
      - { id: a, max: 0, rule: { type: points } }
  - id: h
    indicators:
      - { id: b, max: 5, rule: { type: points } }
`;
  it("a group whose maximum is 0 has a rate of 0, not NaN", () => {
    const r = scoreOf(y, "code,a,b\nA,3,4\n");
    expect(unit(r, "A").nodes.g).toMatchObject({ included: true, points: 0, max: 0, rate: 0 });
    expect(unit(r, "A")).toMatchObject({ score: 4, max: 5, percent: 80, status: "ranked" });
  });

  it("a unit whose whole maximum is 0 is not ranked, and shows no maximum (issue 13: a unit not ranked has no score to be out of)", () => {
    const r = scoreOf(y, "code,a,b\nA,3,N/A\n");
    expect(unit(r, "A")).toMatchObject({ status: "not-ranked", score: null, percent: null, rank: null, max: null });
  });
});

describe("peer groups of units without what defines them", () => {
  it("by parent: units without a parent rank together", () => {
    const y = "id: t\ntitle: T\nversion: 1\nlevels:\n  - id: h\n  - id: x\n    parent: h\n    peers: { by: parent }\nindicators:\n  - { id: a, max: 10, rule: { type: points } }\n";
    // X2 and X3 lack a parent (a warning, UNIT_NO_PARENT): they form the peer group ""
    const r = scoreOf(y, "code,a\nH1,1\nX1,5\nX2,6\nX3,7\n", "code,name,level,parent\nH1,H1,h,\nX1,X1,x,H1\nX2,X2,x,\nX3,X3,x,\n");
    expect(["X1", "X2", "X3"].map((c) => [unit(r, c).peerGroup, unit(r, c).rank])).toEqual([["H1", 1], ["", 2], ["", 1]]);
  });

  it("by attribute: units without the attribute rank together", () => {
    const y = "id: t\ntitle: T\nversion: 1\nlevels:\n  - id: x\n    peers: { by: attribute, attribute: type }\nindicators:\n  - { id: a, max: 10, rule: { type: points } }\n";
    const r = scoreOf(y, "code,a\nA,5\nB,6\n", "code,name,level\nA,A,x\nB,B,x\n");
    expect(["A", "B"].map((c) => [unit(r, c).peerGroup, unit(r, c).rank])).toEqual([["", 2], ["", 1]]);
  });
});

describe("the period of the result", () => {
  it("is the dataset's, when it has one", () => {
    const c = criteriaFrom(imputed("zero"));
    const d = load(c, "code,period,a,b\nA,2019,1,2\nA,2020,3,4\n").dataset;
    expect(score(c, d).period).toBe("2020");
    const { period: _period, ...without } = d;
    expect("period" in score(c, without)).toBe(false);
  });
});

describe("points above the maximum", () => {
  const y = "id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nindicators:\n  - { id: a, max: 22, unit: number, rule: { type: points } }\n";
  it("a figure above the indicator's maximum is an error at its cell; the maximum itself is not", () => {
    const r = scoreOf(y, "code,a\nA,23.08\nB,22\nC,0\n");
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: "VALUE_ABOVE_MAX", severity: "error", args: { unit: "A", indicator: "a", value: 23.08, max: 22 }, line: 2, column: 2 })]);
  });
});

describe("percentages that look like fractions", () => {
  const y = (direction = "higher") => `id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nindicators:\n  - { id: p, max: 10, unit: percent, rule: { type: ratio, direction: ${direction} } }\n`;
  const codes = (r: ReturnType<typeof scoreOf>) => r.diagnostics.map((d) => [d.code, d.args.unit, d.args.all]);
  it("0.85 among values around 80: a warning at its cell; 0.2 is left alone", () => {
    const r = scoreOf(y(), "code,p\nA,0.85\nB,80\nC,90\nD,0.2\nE,75\n");
    expect(codes(r)).toEqual([["VALUE_LOOKS_LIKE_FRACTION", "A", "no"]]);
    expect(r.diagnostics[0]).toMatchObject({ severity: "warning", line: 2, column: 2, args: { value: 0.85, percent: 85 } });
  });
  it("every value 1 or less with a median of 0.5 or more: the column, once", () => {
    expect(codes(scoreOf(y(), "code,p\nA,0.85\nB,0.9\nC,0.7\n"))).toEqual([["VALUE_LOOKS_LIKE_FRACTION", "A", "yes"]]);
    expect(codes(scoreOf(y(), "code,p\nA,0.3\nB,0.1\nC,0.2\n"))).toEqual([]);
  });
  it("lower is better, or a value from a numerator and a denominator: never", () => {
    expect(codes(scoreOf(y("lower"), "code,p\nA,0.85\nB,80\nC,90\n"))).toEqual([]);
    expect(codes(scoreOf(y(), "code,p,p.num,p.den\nA,,17,2000\nB,80,,\nC,90,,\n"))).toEqual([]);
  });
});
