// The comparison of two results, by hand: rank moves with ties, bands, units on one side only,
// different criteria on the two sides, indicator differences, summaries and the drop gate.
import { describe, expect, it } from "vitest";
import { compare, criteriaDifferences, drops, type Comparison, type UnitChange } from "../../src/engine/compare.ts";
import { score } from "../../src/engine/views.ts";
import type { Result } from "../../src/model/result.ts";
import { criteriaFrom, load, scoreOf } from "../helpers/model.ts";
import { bandedCriteria } from "../helpers/criteria.ts";

const criteria = bandedCriteria;

const ONE = criteria("  - { id: p, max: 100, unit: number, rule: { type: points } }\n");
const labels = { before: "2019", after: "2020" };

const unitOf = (c: Comparison, code: string): UnitChange => {
  for (const l of c.levels) for (const u of l.units) if (u.code === code) return u;
  throw new Error(`no unit ${code}`);
};

const periodOf = (r: Result, period: string): Result => ({ ...r, period });

describe("rank moves, ties included", () => {
  // before: A 90, B 80, C 80, D 70 -> competition ranks 1, 2, 2, 4
  // after:  A 80, B 90, C 70, D 80 -> B 1, A 2, D 2, C 4
  const before = scoreOf(ONE, "code,p\nA,90\nB,80\nC,80\nD,70\n");
  const after = scoreOf(ONE, "code,p\nA,80\nB,90\nC,70\nD,80\n");
  const c = compare(before, after, { labels });

  it.each([
    // code, rank before, rank after, move, percent change, band change
    ["A", 1, 2, -1, -10, "same"],
    ["B", 2, 1, 1, 10, "same"],
    ["C", 2, 4, -2, -10, "down"],
    ["D", 4, 2, 2, 10, "up"],
  ] as const)("%s: %i -> %i, move %i", (code, rb, ra, move, pc, band) => {
    const u = unitOf(c, code);
    expect([u.before?.rank, u.after?.rank, u.move, u.bandChange]).toEqual([rb, ra, move, band]);
    expect(u.percentChange).toBeCloseTo(pc, 9);
    expect(u.scoreChange).toBeCloseTo(pc, 9);
    expect(u.presence).toBe("both");
  });

  it("lists units by the second side's rank, ties by code", () => {
    expect(c.levels[0]?.units.map((u) => u.code)).toEqual(["B", "A", "D", "C"]);
  });

  it("compares competition ranks even when the criteria rank densely", () => {
    const dense = ONE.replace("indicators:", "ranking: { method: dense }\nindicators:");
    const b = scoreOf(dense, "code,p\nA,90\nB,80\nC,80\nD,70\n");
    const a = scoreOf(dense, "code,p\nA,90\nB,80\nC,80\nD,85\n");
    expect(b.levels[0]?.units.find((u) => u.code === "D")?.rank).toBe(3); // dense
    const d = unitOf(compare(b, a, { labels }), "D");
    expect([d.before?.rank, d.after?.rank, d.move]).toEqual([4, 2, 2]);
  });

  it("counts up, down and unchanged, and the mean change", () => {
    const s = c.levels[0]?.summary;
    expect(s?.counts).toEqual({ before: 4, after: 4, compared: 4, up: 2, down: 2, same: 0, new: 0, gone: 0, merged: 0 });
    expect(s?.meanPercentChange).toBeCloseTo(0, 9);
    expect(s?.meanScoreChange).toBeCloseTo(0, 9);
  });

  it("most improved and largest falls, by percent change, ties by code", () => {
    const s = c.levels[0]?.summary;
    expect(s?.mostImproved.map((u) => u.code)).toEqual(["B", "D"]);
    expect(s?.largestFalls.map((u) => u.code)).toEqual(["A", "C"]);
    const top1 = compare(before, after, { labels, top: 1 }).levels[0]?.summary;
    expect(top1?.mostImproved.map((u) => u.code)).toEqual(["B"]);
  });

  it("the band transition matrix counts every unit once", () => {
    const t = c.levels[0]?.summary.transitions;
    expect(t?.categories).toEqual(["tot", "kha", "yeu", "not-ranked", "absent"]);
    expect(t?.counts.tot).toEqual({ tot: 2, kha: 1, yeu: 0, "not-ranked": 0, absent: 0 });
    expect(t?.counts.kha).toEqual({ tot: 1, kha: 0, yeu: 0, "not-ranked": 0, absent: 0 });
  });
});

describe("units on one side only", () => {
  const c0 = criteriaFrom(ONE);
  // before: A 60, B 70, G 90, S 85 (R listed, no data); after: A 75, B 70, N 95, R 55 (S listed, no data)
  const before = score(c0, load(c0, "code,p\nA,60\nB,70\nG,90\nS,85\n", "code,name\nA,Alpha\nB,Beta\nG,Gone\nS,Stopped\nR,Returned\n").dataset);
  const after = score(c0, load(c0, "code,p\nA,75\nB,70\nN,95\nR,55\n", "code,name\nA,Alpha\nB,Beta\nN,New\nS,Stopped\nR,Returned\n").dataset);
  const c = compare(before, after, { labels });

  it("new and gone units have one side and no move", () => {
    const n = unitOf(c, "N");
    expect([n.presence, n.before, n.after?.rank, n.move, n.percentChange]).toEqual(["new", null, 1, null, null]);
    const g = unitOf(c, "G");
    expect([g.presence, g.after, g.before?.rank, g.move]).toEqual(["gone", null, 1, null]);
  });

  it("a unit that stopped submitting is on both sides, not ranked on the second", () => {
    const s = unitOf(c, "S");
    expect([s.presence, s.before?.status, s.after?.status, s.move, s.bandChange]).toEqual(["both", "ranked", "not-ranked", null, null]);
    const r = unitOf(c, "R");
    expect([r.before?.status, r.after?.status, r.after?.rank]).toEqual(["not-ranked", "ranked", 4]);
  });

  it("ranks move among the units ranked on each side", () => {
    // before: G 1, S 2, B 3, A 4; after: N 1, A 2, B 3, R 4
    expect([unitOf(c, "A").move, unitOf(c, "B").move]).toEqual([2, 0]);
  });

  it("the summary names them, and the order puts unranked then gone units last", () => {
    const s = c.levels[0]?.summary;
    expect(s?.new).toEqual(["N"]);
    expect(s?.gone).toEqual(["G"]);
    expect(s?.stoppedSubmitting).toEqual(["S"]);
    expect(s?.startedSubmitting).toEqual(["R"]);
    expect(s?.counts).toEqual({ before: 5, after: 5, compared: 2, up: 1, down: 0, same: 1, new: 1, gone: 1, merged: 0 });
    expect(s?.meanPercentChange).toBeCloseTo(7.5, 9); // A +15, B 0
    expect(c.levels[0]?.units.map((u) => u.code)).toEqual(["N", "A", "B", "R", "S", "G"]);
    expect(s?.transitions.counts.absent?.tot).toBe(1); // N
    expect(s?.transitions.counts.tot?.absent).toBe(1); // G
    expect(s?.transitions.counts.tot?.["not-ranked"]).toBe(1); // S
    expect(s?.transitions.counts["not-ranked"]?.kha).toBe(1); // R
  });

  it("the gate counts a unit that stopped submitting, not one that is gone", () => {
    expect(drops(c, 100).map((d) => [d.unit.code, d.reasons])).toEqual([["S", ["not-ranked"]]]);
  });
});

describe("different criteria on the two sides", () => {
  const v1 = criteria("  - { id: a, max: 50, unit: number, rule: { type: points } }\n  - { id: b, max: 50, unit: number, rule: { type: points } }\n");
  const v2 = criteria("  - { id: a, max: 50, unit: number, rule: { type: points } }\n  - { id: c, max: 50, unit: number, rule: { type: points } }\n");
  const v3 = criteria("  - { id: a, max: 60, unit: number, rule: { type: points } }\n  - { id: b, max: 40, unit: number, rule: { type: points } }\n");

  it("the same criteria: totals compare on the score", () => {
    const r = scoreOf(v1, "code,a,b\nA,40,40\n");
    const c = compare(r, r, { labels });
    expect(c.basis).toBe("score");
    expect(c.indicators).toEqual({ onlyBefore: [], onlyAfter: [], maxChanged: [] });
  });

  it("an indicator replaced: compared on the percentage, the indicators on one side listed", () => {
    const before = scoreOf(v1, "code,a,b\nA,40,40\nB,30,20\n");
    const after = scoreOf(v2, "code,a,c\nA,45,25\nB,35,40\n");
    const c = compare(before, after, { labels });
    expect(c.basis).toBe("percent");
    expect(c.indicators.onlyBefore.map((i) => i.id)).toEqual(["b"]);
    expect(c.indicators.onlyAfter.map((i) => i.id)).toEqual(["c"]);
    expect(c.indicators.maxChanged).toEqual([]);
    const a = unitOf(c, "A");
    expect(a.percentChange).toBeCloseTo(70 - 80, 9);
    expect(a.scoreChange).toBeNull();
    expect([a.before?.rank, a.after?.rank, a.move]).toEqual([1, 2, -1]);
    expect(c.levels[0]?.summary.meanScoreChange).toBeNull();
    // only the shared indicator is compared point for point: a 40 -> 45
    expect(a.differences).toEqual([{ id: "a", before: 40, after: 45, change: 5 }]);
  });

  it("a maximum changed: also not on the same basis", () => {
    const d = criteriaDifferences(criteriaFrom(v1), criteriaFrom(v3));
    expect(d.onlyBefore).toEqual([]);
    expect(d.maxChanged).toEqual([
      { id: "a", level: "u", before: 50, after: 60 },
      { id: "b", level: "u", before: 50, after: 40 },
    ]);
  });
});

describe("self-assessment against verification: the indicators that differ most", () => {
  const withPenalty = `${criteria(
    "  - { id: a, max: 40, unit: number, rule: { type: points } }\n  - { id: b, max: 30, unit: number, rule: { type: points } }\n  - { id: c, max: 30, unit: number, rule: { type: points } }\n",
  )}penalty:
  max: 5
  indicators:
    - { id: late, max: 5, unit: number, rule: { type: points } }
`;
  // self-assessed: A claims a 40, b 30, c 20, no penalty; verified: a 30, b 28, c 20, penalty 2
  const self = scoreOf(withPenalty, "code,a,b,c,late\nA,40,30,20,0\nB,20,20,20,0\n");
  const verified = scoreOf(withPenalty, "code,a,b,c,late\nA,30,28,20,2\nB,20,25,20,0\n");
  const c = compare(self, verified, { labels: { before: "Tự đánh giá", after: "Thẩm định" } });

  it("largest first, as the effect on the score (a penalty counts against)", () => {
    expect(unitOf(c, "A").differences).toEqual([
      { id: "a", before: 40, after: 30, change: -10 },
      { id: "b", before: 30, after: 28, change: -2 },
      { id: "late", before: 0, after: 2, change: -2 },
    ]);
    expect(unitOf(c, "A").scoreChange).toBeCloseTo(76 - 90, 9);
  });

  it("--differences limits the list; unchanged indicators are never listed", () => {
    expect(compare(self, verified, { labels, differences: 1 }).levels[0]?.units.find((u) => u.code === "A")?.differences.map((d) => d.id)).toEqual(["a"]);
    expect(unitOf(c, "B").differences.map((d) => d.id)).toEqual(["b"]);
  });

  it("the level summary names the indicators that moved most over all units", () => {
    expect(c.levels[0]?.summary.indicators).toEqual([
      { id: "a", units: 2, higher: 0, lower: 1, totalChange: -10, meanChange: -5 },
      { id: "b", units: 2, higher: 1, lower: 1, totalChange: 3, meanChange: 1.5 },
      { id: "late", units: 2, higher: 0, lower: 1, totalChange: -2, meanChange: -1 },
    ]);
  });
});

describe("the drop gate", () => {
  // before: A 95 (1), B 85 (2), C 75 (3), D 65 (4), E 55 (5)
  // after:  E 96 (1), A 94 (2), D 90 (3), B 84 (4), C 60 (5): B and C fall 2 ranks, A falls 1;
  //         every band is kept or raised.
  const before = periodOf(scoreOf(ONE, "code,p\nA,95\nB,85\nC,75\nD,65\nE,55\n"), "2019");
  const after = periodOf(scoreOf(ONE, "code,p\nA,94\nB,84\nC,60\nD,90\nE,96\n"), "2020");
  const c = compare(before, after, { labels });

  it.each([
    [0, [["A", ["rank"]], ["B", ["rank"]], ["C", ["rank"]]]],
    [1, [["B", ["rank"]], ["C", ["rank"]]]],
    [2, []],
  ] as const)("falling more than %i ranks", (n, expected) => {
    expect(drops(c, n).map((d) => [d.unit.code, d.reasons])).toEqual(expected);
  });

  it("a lower band is a drop whatever the ranks", () => {
    const lower = periodOf(scoreOf(ONE, "code,p\nA,94\nB,84\nC,45\nD,90\nE,96\n"), "2020");
    expect(drops(compare(before, lower, { labels }), 10).map((d) => [d.unit.code, d.reasons])).toEqual([["C", ["band"]]]);
  });
});

describe("the two rankings compared as rankings", () => {
  // A..E ranked 1..5 before; after, A and B swap and C and D swap: rho 0.8, tau-b 0.6 (by hand:
  // sum of squared rank differences 4, so 1 − 6·4/(5·24); 8 concordant pairs and 2 discordant of 10).
  // F is new and G stops submitting: neither has two ranks, neither counts.
  const units = "code,name,level\nA,A,u\nB,B,u\nC,C,u\nD,D,u\nE,E,u\nF,F,u\nG,G,u\n";
  const before = scoreOf(ONE, "code,p\nA,95\nB,85\nC,75\nD,65\nE,55\nG,99\n", units);
  const after = scoreOf(ONE, "code,p\nA,85\nB,95\nC,65\nD,75\nE,55\nF,99\n", units);
  const c = compare(before, after, { labels });

  it("Spearman's rho and Kendall's tau-b per peer group, over the units ranked on both sides", () => {
    const [r] = c.levels[0]?.summary.rankCorrelation ?? [];
    expect(r?.units).toBe(5);
    expect(r?.spearman).toBeCloseTo(0.8, 12);
    expect(r?.kendall).toBeCloseTo(0.6, 12);
  });

  it("the same ranking: both 1; ties counted in tau-b", () => {
    const same = compare(before, before, { labels });
    expect(same.levels[0]?.summary.rankCorrelation).toEqual([{ peerGroup: expect.any(String), units: 6, spearman: 1, kendall: 1 }]);
    // before A 90, B 80, C 80, D 70 (ranks 1 2 2 4) against itself reordered: see "rank moves" (both 0 by hand)
    const tied = compare(scoreOf(ONE, "code,p\nA,90\nB,80\nC,80\nD,70\n"), scoreOf(ONE, "code,p\nA,80\nB,90\nC,70\nD,80\n"), { labels });
    const [t] = tied.levels[0]?.summary.rankCorrelation ?? [];
    expect([t?.units, t?.spearman, t?.kendall]).toEqual([4, 0, 0]);
  });

  it("fewer than two units compared: no coefficient", () => {
    const one = compare(scoreOf(ONE, "code,p\nA,90\n"), scoreOf(ONE, "code,p\nA,80\n"), { labels });
    expect(one.levels[0]?.summary.rankCorrelation).toEqual([{ peerGroup: expect.any(String), units: 1, spearman: null, kendall: null }]);
  });
});
