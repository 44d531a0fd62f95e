// Finding a unit and explaining its score, on test/fixtures/report.
import { arithmeticText } from "../../src/render/detail.ts";
import { describe, expect, it } from "vitest";
import { explain, findUnit, type ExplainedGroup, type ExplainedIndicator } from "../../src/engine/explain.ts";
import type { UnitResult } from "../../src/model/result.ts";
import { REPORT_FIXTURE, scoreFixture } from "../helpers/fixture.ts";

const result = await scoreFixture(REPORT_FIXTURE);
const found = (q: string): string => {
  const r = findUnit(result, q);
  return r.kind === "found" ? r.unit.code : r.kind === "ambiguous" ? `ambiguous ${r.units.map((u) => u.code).join(",")}` : `unknown ${r.suggestions.map((u) => u.code).join(",")}`;
};
const unitOf = (code: string): UnitResult => {
  const r = findUnit(result, code);
  if (r.kind !== "found") throw new Error(code);
  return r.unit;
};

describe("findUnit", () => {
  it.each([
    ["X1", "X1"],
    ["x1", "X1"],
    [" X1 ", "X1"],
    ["Xã Hòa Bình", "X1"],
    ["xa hoa binh", "X1"],
    ["HOA BINH", "X1"],
    ["an phu", "X2"],
    ["Phường 1", "X4"],
    ["huyen", "ambiguous H1,H2,H3"],
    ["Xã", "ambiguous X1,X2,X3"],
    ["X9", "unknown X1,X2,X3"],
    ["Hoa Bihn", "unknown X1"],
    ["zzzzzzzz", "unknown "],
  ])("%j → %s", (q, expected) => {
    expect(found(q)).toBe(expected);
  });
});

describe("findUnit: an exact name, its administrative prefix aside, wins over partial matches", () => {
  const names: [string, string][] = [
    ["968-03", "Xã Khánh Bình"],
    ["968-04", "Xã Khánh Bình Đông"],
    ["968-05", "Xã Khánh Bình Tây"],
    ["968-06", "Xã Khánh Bình Tây Bắc"],
    ["964", "Thành phố Cà Mau"],
    ["964-01", "Phường 1"],
    ["964-10", "Phường 10"],
    ["970", "Huyện Đầm Dơi"],
    ["970-01", "Thị trấn Đầm Dơi"],
    ["S02", "Sở Nội vụ"],
  ];
  // findUnit reads codes and names only
  const many = { levels: [{ units: names.map(([code, name]) => ({ code, name })) }] } as unknown as typeof result;
  const hit = (q: string) => {
    const r = findUnit(many, q);
    return r.kind === "found" ? r.unit.code : r.kind === "ambiguous" ? `ambiguous ${r.units.map((u) => u.code).join(",")}` : "unknown";
  };
  it.each([
    ["Khanh Binh", "968-03"],
    ["khánh bình", "968-03"],
    ["Xa Khanh Binh", "968-03"],
    ["xã khánh bình đông", "968-04"],
    ["Khanh Binh Tay", "968-05"],
    ["binh tay", "ambiguous 968-05,968-06"],
    ["Ca Mau", "964"],
    ["tp ca mau", "964"],
    ["phuong 1", "964-01"],
    ["Dam Doi", "ambiguous 970,970-01"],
    ["huyen dam doi", "970"],
    ["noi vu", "S02"],
  ])("%j → %s", (q, expected) => {
    expect(hit(q)).toBe(expected);
  });
});

describe("explain", () => {
  it("H2: every indicator with its cell, source, arithmetic and points", () => {
    const e = explain(result, unitOf("H2"));
    const ind = (id: string) => e.items.find((i) => i.id === id) as ExplainedIndicator;
    const mt = ind("may-tinh");
    expect(mt.cell?.raw).toBe("30/50");
    expect(mt.cell?.source).toMatchObject({ line: 3, column: 2, header: "may-tinh.num" });
    expect(mt.cell?.source?.file).toMatch(/test\/fixtures\/report\/data\/huyen\.csv$/);
    expect(arithmeticText(mt.arithmetic!, "en")).toBe("30 / 50 × 100 = 60 · rate 0.6 · 0.6 × 5 = 3");
    expect(arithmeticText(ind("mang").arithmetic!, "en")).toBe("no · 0 × 5 = 0");
    expect(arithmeticText(ind("dvc").arithmetic!, "en")).toBe("rate 0.25 · 0.25 × 4 = 1");
    expect(arithmeticText(ind("ho-so").arithmetic!, "en")).toBe("50 ≥ 10 → 1 · 0.333333 × 3 = 1");
    expect(arithmeticText(ind("lanh-dao").arithmetic!, "en")).toBe('"pho-chu-tich" → 2 · 0.666667 × 3 = 2');
    const groups = e.items.filter((i): i is ExplainedGroup => i.kind === "group").map((g) => [g.id, g.points, g.max]);
    expect(groups).toEqual([
      ["ha-tang", 3, 10],
      ["dich-vu", 4, 10],
    ]);
    expect(e.items.map((i) => `${i.depth}${i.id}`)).toEqual(["1ha-tang", "2may-tinh", "2mang", "1dich-vu", "2dvc", "2ho-so", "2lanh-dao"]);
    expect([e.unit.score, e.unit.max, e.unit.band, e.unit.rank, e.peers]).toEqual([7, 20, "yeu", 2, 2]);
    expect(e.above).toMatchObject({ code: "H1", rank: 1, score: 18 });
    expect(e.below).toBeUndefined();
    expect(e.period).toBe("2024");
  });

  it("X3: the missing value names its policy; X4: not applicable leaves the maximum", () => {
    const x3 = explain(result, unitOf("X3")).items.find((i) => i.id === "dvc") as ExplainedIndicator;
    expect(x3).toMatchObject({ missing: "zero", points: 0, max: 4, included: true });
    expect(x3.cell).toBeUndefined();
    expect(x3.arithmetic).toBeUndefined();
    const x4 = explain(result, unitOf("X4"));
    expect(x4.items.find((i) => i.id === "dvc")).toMatchObject({ applicable: false, included: false, points: null, cell: { kind: "na", raw: "-" } });
    expect(x4.items.find((i) => i.id === "dich-vu")).toMatchObject({ points: 6, max: 6 });
    expect(x4.above).toBeUndefined();
    expect(x4.below).toMatchObject({ code: "X1", rank: 2 });
  });

  it("a unit not ranked has no neighbours", () => {
    const e = explain(result, unitOf("H3"));
    expect(e.status).toBe("not-ranked");
    expect(e.above).toBeUndefined();
    expect(e.below).toBeUndefined();
    expect(e.peers).toBe(2);
  });
});
