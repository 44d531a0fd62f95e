// The report's computations on test/fixtures/report, every figure worked out by hand.
//
// Districts (max 20): H1 = 5 + 5 + 2 + 3 + 3 = 18 (90 %), H2 = 3 + 0 + 1 + 1 + 2 = 7 (35 %),
// H3 sent nothing. Communes: X1 = 4 + 5 + 4 + 1 + 0 = 14 / 20 (70 %), X2 = 2 + 5 + 0 + 0 + 3 = 10
// (50 %), X3 = 1 + 0 + 0 (dvc missing, policy zero) + 3 + 2 = 6 (30 %), X4 = 5 + 5 + 3 + 3 = 16 / 16
// (dvc not applicable: 100 %).
import { mean, median } from "../../src/engine/stats.ts";
import { describe, expect, it } from "vitest";
import { buildReport, indicatorGaps, outcome, unitWeakest, type IndicatorGap, type LevelReport } from "../../src/engine/report.ts";
import { select } from "../../src/render/select.ts";
import { REPORT_FIXTURE, scoreFixture } from "../helpers/fixture.ts";

const result = await scoreFixture(REPORT_FIXTURE);
const report = buildReport(result);
const level = (id: string): LevelReport => report.levels.find((l) => l.level.id === id) as LevelReport;
const gap = (l: string, id: string): IndicatorGap => level(l).gaps.find((g) => g.id === id) as IndicatorGap;

describe("summary per level", () => {
  it.each([
    ["huyen", { assessed: 3, ranked: 2, notRanked: 1, incomplete: 0, mean: 62.5, median: 62.5, min: 35, max: 90 }, [1, 0, 1]],
    ["xa", { assessed: 4, ranked: 4, notRanked: 0, incomplete: 1, mean: 62.5, median: 60, min: 30, max: 100 }, [1, 2, 1]],
  ])("%s", (id, expected, bands) => {
    const s = level(id).summary;
    const { bands: b, ...rest } = s;
    expect(rest.assessed).toBe(expected.assessed);
    expect(rest.ranked).toBe(expected.ranked);
    expect(rest.notRanked).toBe(expected.notRanked);
    expect(rest.incomplete).toBe(expected.incomplete);
    for (const k of ["mean", "median", "min", "max"] as const) expect(rest[k]).toBeCloseTo(expected[k], 9);
    expect(b).toEqual([
      { id: "tot", count: bands[0] },
      { id: "kha", count: bands[1] },
      { id: "yeu", count: bands[2] },
    ]);
  });

  it("mean and median of nothing are null; the median of an even count is the middle pair's mean", () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(median([30, 100, 50, 70])).toBe(60);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe("pillar averages against their maxima", () => {
  it("districts: over the two ranked units", () => {
    const [ht, dv] = level("huyen").pillarAverages;
    expect(ht).toMatchObject({ id: "ha-tang", max: 10, units: 2 });
    expect(ht?.meanPoints).toBeCloseTo((10 + 3) / 2, 9);
    expect(ht?.meanRate).toBeCloseTo((1 + 0.3) / 2, 9);
    expect(dv?.meanPoints).toBeCloseTo((8 + 4) / 2, 9);
  });
  it("communes: a not-applicable indicator lowers the unit's maximum, not its rate", () => {
    const dv = level("xa").pillarAverages[1];
    expect(dv).toMatchObject({ id: "dich-vu", max: 10, units: 4 });
    expect(dv?.meanPoints).toBeCloseTo((5 + 3 + 5 + 6) / 4, 9);
    expect(dv?.meanMax).toBeCloseTo((10 + 10 + 10 + 6) / 4, 9);
    expect(dv?.meanRate).toBeCloseTo((0.5 + 0.3 + 0.5 + 1) / 4, 9);
  });
});

describe("gap analysis", () => {
  it.each([
    // level, indicator, full, partial, zero, not applicable, missing, points lost, mean lost
    ["huyen", "may-tinh", 1, 1, 0, 0, 0, 2, 1],
    ["huyen", "mang", 1, 0, 1, 0, 0, 5, 2.5],
    ["huyen", "dvc", 0, 2, 0, 0, 0, 5, 2.5],
    ["huyen", "ho-so", 1, 1, 0, 0, 0, 2, 1],
    ["huyen", "lanh-dao", 1, 1, 0, 0, 0, 1, 0.5],
    ["xa", "may-tinh", 1, 3, 0, 0, 0, 8, 2],
    ["xa", "mang", 3, 0, 1, 0, 0, 5, 1.25],
    ["xa", "dvc", 1, 0, 1, 1, 1, 8, 8 / 3],
    ["xa", "ho-so", 2, 1, 1, 0, 0, 5, 1.25],
    ["xa", "lanh-dao", 2, 1, 1, 0, 0, 4, 1],
  ])("%s %s: full %i, partial %i, zero %i, n/a %i, missing %i; %d points lost", (l, id, full, partial, zero, na, missing, lost, meanLost) => {
    const g = gap(l, id);
    expect([g.full, g.partial, g.zero, g.notApplicable, g.missing]).toEqual([full, partial, zero, na, missing]);
    expect(g.units).toBe(l === "huyen" ? 2 : 4);
    expect(g.pointsLost).toBeCloseTo(lost, 9);
    expect(g.meanLost).toBeCloseTo(meanLost, 9);
  });

  it("mean rate over the units where the indicator counts", () => {
    expect(gap("xa", "dvc").meanRate).toBeCloseTo(1 / 3, 9);
    expect(gap("xa", "ho-so").meanRate).toBeCloseTo((1 / 3 + 0 + 1 + 1) / 4, 9);
    expect(gap("huyen", "dvc").meanPoints).toBeCloseTo(1.5, 9);
  });

  it("the weakest indicators of a level: most points lost per unit, ties to the lower mean rate", () => {
    // huyen: dvc and mang both lose 2.5, dvc has the lower rate (0.375 < 0.5); ho-so and may-tinh
    // both lose 1, ho-so has the lower rate (2/3 < 0.8)
    expect(level("huyen").weakest.map((g) => g.id)).toEqual(["dvc", "mang", "ho-so", "may-tinh", "lanh-dao"]);
    expect(level("xa").weakest.map((g) => g.id)).toEqual(["dvc", "may-tinh", "ho-so", "mang", "lanh-dao"]);
    expect(buildReport(result, { weakest: 2 }).levels[0]?.weakest.map((g) => g.id)).toEqual(["dvc", "mang"]);
  });

  it("each unit's three weakest indicators by points lost, ties in criteria order", () => {
    const of = (l: string) => Object.fromEntries(level(l).unitGaps.map((u) => [u.code, u.weakest.map((w) => `${w.id} ${w.lost}`)]));
    expect(of("huyen")).toEqual({ H1: ["dvc 2"], H2: ["mang 5", "dvc 3", "may-tinh 2"] });
    expect(of("xa")).toEqual({ X4: [], X1: ["lanh-dao 3", "ho-so 2", "may-tinh 1"], X2: ["dvc 4", "may-tinh 3", "ho-so 3"], X3: ["mang 5", "may-tinh 4", "dvc 4"] });
  });

  it("outcome: not applicable, missing whatever the policy, then by rate", () => {
    const base = { id: "i", kind: "indicator" as const, max: 5 };
    expect(outcome({ ...base, applicable: false, included: false, points: null, rate: null })).toBe("notApplicable");
    expect(outcome({ ...base, applicable: true, included: true, points: 0, rate: 0, missing: "zero" })).toBe("missing");
    expect(outcome({ ...base, applicable: true, included: false, points: null, rate: null, missing: "exclude" })).toBe("missing");
    expect(outcome({ ...base, applicable: true, included: true, points: 5, rate: 1 - 1e-12 })).toBe("full");
    expect(outcome({ ...base, applicable: true, included: true, points: 0, rate: 0 })).toBe("zero");
    expect(outcome({ ...base, applicable: true, included: true, points: 0.01, rate: 0.002 })).toBe("partial");
  });

  it("not-ranked units are left out of the gaps, and nothing lost gives no weakest", () => {
    const h3 = level("huyen").units.find((u) => u.code === "H3");
    expect(h3?.status).toBe("not-ranked");
    expect(indicatorGaps([h3!], result.criteria.indicators, "huyen").every((g) => g.units === 0 && g.meanLost === null)).toBe(true);
    const x4 = level("xa").units.find((u) => u.code === "X4")!;
    expect(unitWeakest(x4, ["may-tinh", "mang", "dvc", "ho-so", "lanh-dao"])).toEqual([]);
  });
});

describe("units not ranked, and ranked with missing values", () => {
  it("names the reason", () => {
    expect(level("huyen").notRanked).toEqual([{ code: "H3", name: "Huyện Ba", reason: "no-data" }]);
    expect(level("xa").notRanked).toEqual([]);
    expect(level("xa").incomplete).toEqual([{ code: "X3", name: "Xã Tân Lộc", missing: [{ id: "dvc", policy: "zero" }] }]);
  });

  it("peer groups and parents by name", () => {
    expect(level("xa").peerGroups.map((g) => [g.key, g.units.length])).toEqual([["", 4]]);
    expect(report.names.get("H2")).toBe("Huyện Hai");
    expect(level("xa").pillars.map((p) => p.id)).toEqual(["ha-tang", "dich-vu"]);
  });
});

describe("the names of units left out by --level", () => {
  it("a commune's district is named when only the communes are reported", () => {
    const onlyXa = select(result, { level: "xa" });
    expect(onlyXa.levels.map((l) => l.level.id)).toEqual(["xa"]);
    const rep = buildReport(onlyXa);
    const x1 = result.levels.find((l) => l.level.id === "xa")?.units.find((u) => u.code === "X1");
    expect(x1?.parent).toBe("H1");
    expect(rep.names.get("H1")).toBe("Huyện Một");
    // without the names select() keeps, the district would be known by its code only
    expect(buildReport({ ...onlyXa, names: undefined }).names.get("H1")).toBeUndefined();
  });
});

describe("a report read off the scoring's columns", () => {
  // A national set has thousands of units: report -f md reads their figures by row, and never
  // makes a unit object (engine/views.ts lazyLevel); other readers still find the units.
  it("makes no unit object for the Markdown report, and the same units when they are read", async () => {
    const { reportMd } = await import("../../src/render/markdown.ts");
    const fresh = select(await scoreFixture(REPORT_FIXTURE), {});
    const made = () => fresh.levels.map((l) => typeof Object.getOwnPropertyDescriptor(l, "units")?.get !== "function");
    const md = reportMd(buildReport(fresh), { lang: "vi" } as Parameters<typeof reportMd>[1]);
    expect(md).toContain("Xã Tân Lộc");
    expect(made()).toEqual([false, false]);
    expect(fresh.levels.map((l) => l.units.map((u) => u.code))).toEqual(result.levels.map((l) => l.units.map((u) => u.code)));
    expect(made()).toEqual([true, true]);
    const rep = buildReport(fresh);
    expect(rep.levels.flatMap((l) => l.peerGroups.map((g) => g.units.map((u) => u.code)))).toEqual(report.levels.flatMap((l) => l.peerGroups.map((g) => g.units.map((u) => u.code))));
  });
});
