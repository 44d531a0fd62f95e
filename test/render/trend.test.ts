// The trend charts of a level: three SVG charts from three periods, names escaped.
import { describe, expect, it } from "vitest";
import { trends } from "../../src/engine/trend.ts";
import { trendCharts } from "../../src/render/trend.ts";
import { scoreOf } from "../helpers/model.ts";

const CRITERIA = `id: t
title: T
version: "1"
levels:
  - id: so
    label: { vi: Sở, en: Departments }
bands:
  list:
    - { id: tot, label: { vi: Tốt, en: Good }, min: 80, color: "#4caf50" }
    - { id: yeu, label: { vi: Yếu, en: Weak }, min: 0 }
indicators:
  - { id: p, max: 100, unit: number, rule: { type: points } }
`;
const UNITS = 'code,name\nS1,"Sở <Một>"\nS2,Sở Hai\n';
const year = (period: string, data: string) => ({ ...scoreOf(CRITERIA, data, UNITS), period });

describe("trendCharts", () => {
  const [so] = trends([year("2019", "code,p\nS1,60\nS2,90\n"), year("2020", "code,p\nS1,85\nS2,70\n"), year("2021", "code,p\nS1,88\n")]);
  const [mean, bands, units] = trendCharts(so!, "en");

  it("the mean percentage over the periods", () => {
    expect(mean).toContain("<title>Departments: Mean percentage</title>");
    expect(mean?.match(/<polyline/g)).toHaveLength(1);
    expect(mean).toContain("<title>Mean percentage · 2021: 88</title>");
  });

  it("one line per band, in the criteria's colours", () => {
    expect(bands?.match(/<polyline[^>]*stroke="([^"]+)"/g)?.map((m) => m.replace(/.*stroke="/, "").replace('"', ""))).toEqual(["#4caf50", "#1a7f37"]);
    expect(bands).toContain("<title>Good · 2021: 1</title>");
    expect(bands).toContain("<title>Weak · 2021: 0</title>");
  });

  it("one line per unit; a unit without data in a period has a gap; names escaped", () => {
    expect(units?.match(/<polyline/g)).toHaveLength(2);
    expect(units).toContain(">S1 Sở &lt;Một&gt;</text>");
    expect(units).not.toContain("<Một>");
    expect(units).not.toContain("S2 Sở Hai · 2021");
  });

  it("Vietnamese titles", () => {
    expect(trendCharts(so!, "vi")[1]).toContain("<title>Sở: Số đơn vị theo xếp loại</title>");
  });
});
