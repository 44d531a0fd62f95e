// Trends over periods, by hand: per level the mean percentage and the band counts per period,
// and each unit's percentage per period (null where absent or not ranked).
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/views.ts";
import { trends } from "../../src/engine/trend.ts";
import type { Result } from "../../src/model/result.ts";
import { criteriaFrom, load } from "../helpers/model.ts";

const C = criteriaFrom(`id: t
title: T
version: "1"
levels:
  - id: so
  - id: xa
bands:
  list:
    - { id: tot, min: 80 }
    - { id: kha, min: 50 }
    - { id: yeu, min: 0 }
indicators:
  - { id: p, max: 100, unit: number, rule: { type: points } }
`);
const UNITS = "code,name,level\nS1,Sở 1,so\nS2,Sở 2,so\nS3,Sở 3,so\nX1,Xã 1,xa\n";

/** Rounded, so that 55 / 100 × 100 = 55.00000000000001 compares as 55. */
const r9 = (xs: readonly (number | null)[] | undefined) => xs?.map((x) => (x === null ? null : Math.round(x * 1e9) / 1e9));

function year(period: string, data: string): Result {
  const d = load(C, data, UNITS);
  return score(C, { ...d.dataset, period });
}

describe("trends over three periods", () => {
  // 2019: S1 60, S2 90, S3 no data; 2020: S1 70, S2 85, S3 40; 2021: S1 82, S2 88, S3 55
  const results = [
    year("2019", "code,p\nS1,60\nS2,90\nX1,50\n"),
    year("2020", "code,p\nS1,70\nS2,85\nS3,40\nX1,55\n"),
    year("2021", "code,p\nS1,82\nS2,88\nS3,55\nX1,81\n"),
  ];
  const [so, xa] = trends(results);

  it("names the periods and the levels", () => {
    expect(so?.periods).toEqual(["2019", "2020", "2021"]);
    expect([so?.level.id, xa?.level.id]).toEqual(["so", "xa"]);
  });

  it("the mean percentage of the ranked units, per period", () => {
    expect(so?.ranked).toEqual([2, 3, 3]);
    expect(so?.mean[0]).toBeCloseTo(75, 9);
    expect(so?.mean[1]).toBeCloseTo(65, 9);
    expect(so?.mean[2]).toBeCloseTo(75, 9);
    expect(r9(xa?.mean)).toEqual([50, 55, 81]);
  });

  it("each band's count per period", () => {
    expect(so?.bands.map((b) => [b.id, b.counts])).toEqual([
      ["tot", [1, 1, 2]],
      ["kha", [1, 1, 1]],
      ["yeu", [0, 1, 0]],
    ]);
    expect(xa?.bands.map((b) => b.counts)).toEqual([[0, 0, 1], [1, 1, 0], [0, 0, 0]]);
  });

  it("each unit's percentage per period, in the latest ranking's order; null where not ranked", () => {
    expect(so?.units.map((u) => [u.code, r9(u.percent)])).toEqual([
      ["S2", [90, 85, 88]],
      ["S1", [60, 70, 82]],
      ["S3", [null, 40, 55]],
    ]);
  });

  it("a unit absent from the latest period still has its line; unnamed periods are numbered", () => {
    const [a, b] = [year("2019", "code,p\nS1,60\nS2,90\n"), year("2020", "code,p\nS1,70\n")];
    const { period: _p, ...unnamed } = a;
    void _p;
    const t = trends([unnamed, b]);
    expect(t[0]?.periods).toEqual(["1", "2020"]);
    expect(t[0]?.units.map((u) => [u.code, r9(u.percent)])).toEqual([
      ["S1", [60, 70]],
      ["S2", [90, null]],
      ["S3", [null, null]],
    ]);
    expect(trends([])).toEqual([]);
  });
});
