// The sensitivity renderers on a small analysis (fixed seed): every format readable here, the
// markup formats escaped, the HTML self-contained.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, sensitivity } from "../../src/engine/sensitivity.ts";
import { plainPalette, type RenderOptions } from "../../src/render/common.ts";
import { esc as escapeHtml, mdText as mdCell } from "../../src/render/common.ts";
import { sensitivityCsv, sensitivityHtml, sensitivityJson, sensitivityMd, sensitivitySection, sensitivityTable, whiskerChart } from "../../src/render/sensitivity.ts";
import { criteriaFrom, load } from "../helpers/model.ts";

const C = criteriaFrom(`id: s
title: { vi: Bộ thử, en: Trial set }
version: 1
levels: [{ id: u, label: { vi: Đơn vị, en: Units } }]
bands:
  list:
    - { id: tot, label: { vi: Tốt, en: Good }, min: 70 }
    - { id: yeu, label: { vi: Yếu, en: Weak }, min: 0 }
groups:
  - id: g1
    indicators:
      - { id: a, max: 6, rule: { type: ratio } }
      - { id: b, max: 4, rule: { type: ratio } }
  - id: g2
    indicators:
      - { id: c, max: 10, rule: { type: ratio } }
`);
const DATA = load(C, `code,name,a,b,c
U1,"<b>Ủy ban & ""Co'</b>",90,90,90
U2,Phường | 2,80,40,70
U3,Xã 3,40,90,75
U4,Xã 4,60,,40
U5,"Xã \u001b[31mđỏ",10,10,10
`).dataset;
const RESULT = sensitivity(C, DATA, { ...DEFAULT_SETTINGS, runs: 200, seed: 7 });
const en: RenderOptions = { lang: "en", palette: plainPalette };
const vi: RenderOptions = { lang: "vi", palette: plainPalette };

describe("sensitivity renderers", () => {
  it("table: one table per level, then the level's summary", () => {
    expect(sensitivityTable(RESULT, en)).toMatchInlineSnapshot(`
      "Sensitivity of the ranking · Trial set
      200 runs, seed 7: weights and maxima ±25% (4 nodes); aggregation of the total: sum or geometric mean; missing data: zero, exclude or impute; one of 3 indicators dropped, or none

      Units (u) · 5 ranked
      ┌──────┬──────┬──────────────────────┬───────┬────────┬───────┬───────┬──────┬───────────┐
      │ Rank │ Code │ Unit                 │     % │ Median │ 5–95% │ Shift │ Band │ Same band │
      ├──────┼──────┼──────────────────────┼───────┼────────┼───────┼───────┼──────┼───────────┤
      │    1 │ U1   │ <b>Ủy ban & "Co'</b> │ 90.00 │      1 │     1 │  0.00 │ Good │      100% │
      │    2 │ U3   │ Xã 3                 │ 67.50 │      3 │   2–3 │  0.65 │ Weak │       79% │
      │    3 │ U2   │ Phường | 2           │ 67.00 │      2 │   2–3 │  0.59 │ Weak │       73% │
      │   4* │ U4   │ Xã 4                 │ 38.00 │      4 │   3–4 │  0.09 │ Weak │      100% │
      │    5 │ U5   │ Xã đỏ                │ 10.00 │      5 │     5 │  0.04 │ Weak │      100% │
      └──────┴──────┴──────────────────────┴───────┴────────┴───────┴───────┴──────┴───────────┘
      Mean rank shift: 0.27 ranks
      Units whose band can change (in at least 5% of the runs): 40% (2 of 5)
      5–95% intervals wider than 2 ranks: 0 of 5 units
      First-order sensitivity indices: dropped indicator 0.46 · weights 0.03 · missing data 0.02 · aggregation 0.00
      * incomplete
      "
    `);
  });

  it("the table strips terminal control sequences from data", () => {
    expect(sensitivityTable(RESULT, vi)).not.toContain("\u001b");
    expect(sensitivityTable(RESULT, vi)).toContain("Xã đỏ");
  });

  it("csv: one row per unit, a column per band and for no band", () => {
    expect(sensitivityCsv(RESULT, en)).toMatchInlineSnapshot(`
      "level,code,name,parent,status,rank,median,p5,p95,width,wide,shift,band,band_change,p_tot,p_yeu,p_none
      u,U1,"<b>Ủy ban & ""Co'</b>",,ranked,1,1,1,1,0,false,0,tot,0,1,0,0
      u,U3,Xã 3,,ranked,2,3,2,3,1,false,0.645,yeu,0.215,0.215,0.785,0
      u,U2,Phường | 2,,ranked,3,2,2,3,1,false,0.595,yeu,0.275,0.275,0.725,0
      u,U4,Xã 4,,incomplete,4,4,3,4,1,false,0.085,yeu,0,0,1,0
      u,U5,Xã [31mđỏ,,ranked,5,5,5,5,0,false,0.035,yeu,0,0,1,0
      "
    `);
  });

  it("csv follows the CSV conventions (--excel)", () => {
    const excel = sensitivityCsv(RESULT, { ...en, csv: { delimiter: ";", decimal: ",", bom: true } });
    expect(excel.startsWith("\ufefflevel;code;name;")).toBe(true);
    expect(excel).toMatch(/;0,\d+;/);
  });

  it("json: schemaVersion 1, the settings, the inputs and every statistic", () => {
    const doc = JSON.parse(sensitivityJson(RESULT, en));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.settings).toEqual({ runs: 200, seed: 7, perturbation: 0.25, weights: true, aggregation: true, missing: true, drop: true, wide: null });
    expect(doc.inputs).toEqual([
      { input: "weights", perturbation: 0.25, nodes: 4 },
      { input: "aggregation", from: "sum", to: "geometric" },
      { input: "missing", choices: ["zero", "exclude", "impute"] },
      { input: "drop", indicators: 3 },
    ]);
    const level = doc.levels[0];
    expect(Object.keys(level)).toEqual(["id", "label", "ranked", "shift", "bandChangeShare", "wide", "indices", "units"]);
    expect(Object.keys(level.indices)).toEqual(["weights", "aggregation", "missing", "drop"]);
    expect(Object.keys(level.units[0])).toEqual(["level", "code", "name", "parent", "peerGroup", "status", "rank", "score", "percent", "band", "median", "p5", "p95", "shift", "bandChange", "bands", "wide", "wideAt"]);
    for (const u of level.units) expect(u.bands.reduce((s: number, b: { p: number }) => s + b.p, 0)).toBeCloseTo(1, 12);
  });

  it("md: the summary and a table per level, data escaped", () => {
    expect(sensitivityMd(RESULT, en)).toMatchInlineSnapshot(`
      "# Sensitivity of the ranking · Trial set

      200 runs, seed 7: weights and maxima ±25% (4 nodes); aggregation of the total: sum or geometric mean; missing data: zero, exclude or impute; one of 3 indicators dropped, or none

      ## Units (u)

      - Mean rank shift: 0.27 ranks
      - Units whose band can change (in at least 5% of the runs): 40% (2 of 5)
      - 5–95% intervals wider than 2 ranks: 0 of 5 units
      - First-order sensitivity indices: dropped indicator 0.46 · weights 0.03 · missing data 0.02 · aggregation 0.00

      | Rank | Code | Unit | % | Median | 5–95% | Shift | Band | Band probabilities |  |
      | ---: | --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |
      | 1 | U1 | \\<b\\>Ủy ban \\& "Co'\\</b\\> | 90.00 | 1 | 1 | 0.00 | Good | Good 100% |  |
      | 2 | U3 | Xã 3 | 67.50 | 3 | 2–3 | 0.65 | Weak | Good 22% · Weak 79% |  |
      | 3 | U2 | Phường \\| 2 | 67.00 | 2 | 2–3 | 0.59 | Weak | Good 28% · Weak 73% |  |
      | 4\\* | U4 | Xã 4 | 38.00 | 4 | 3–4 | 0.09 | Weak | Weak 100% |  |
      | 5 | U5 | Xã đỏ | 10.00 | 5 | 5 | 0.04 | Weak | Weak 100% |  |

      \\* incomplete
      "
    `);
  });

  it("html: a self-contained document, every text escaped, a whisker per ranked unit", () => {
    const html = sensitivityHtml(RESULT, vi);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|href=|@import|url\(/i);
    expect(html.match(/https?:\/\/[^\s"']*/g)).toEqual(["http://www.w3.org/2000/svg"]);
    expect(html).not.toContain("<b>Ủy");
    expect(html).toContain("&lt;b&gt;Ủy ban &amp; &quot;Co&#39;&lt;/b&gt;");
    expect(html).not.toContain("\u001b");
    const svg = whiskerChart(RESULT, RESULT.levels[0]!, vi);
    expect(svg.match(/<circle /g)).toHaveLength(5);
    expect(svg).toContain("<title>U1 &lt;b&gt;Ủy ban &amp; &quot;Co&#39;&lt;/b&gt;: Hạng 1");
  });

  it("the section for the report: a heading at the depth asked, the chart inline", () => {
    const md = sensitivitySection(RESULT, "md", en, { depth: 3 });
    expect(md.split("\n").filter((l) => l.startsWith("#"))).toEqual(["### Sensitivity of the ranking", "#### Units (u)"]);
    const html = sensitivitySection(RESULT, "html", en);
    expect(html.startsWith('<section class="sensitivity">\n<h2>Sensitivity of the ranking</h2>')).toBe(true);
    expect(html).toContain("<svg ");
    expect(html).not.toContain("<html");
  });
});

describe("markup escaping", () => {
  it.each([
    ["<a href='x'>&</a>", "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"],
    ['"quoted"', "&quot;quoted&quot;"],
    // the whole escape sequence goes, not only its first character
    ["red \u001b[31m\u0007bell", "red bell"],
  ])("html %s", (input, out) => expect(escapeHtml(input)).toBe(out));
  it.each([
    ["a | b", "a \\| b"],
    ["line\nbreak", "line break"],
    ["A &lt; B \u001b[1m", "A \\&lt; B"],
    ["*bold* _it_ `code` [link](x) <tag> #h", "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<tag\\> \\#h"],
  ])("markdown %s", (input, out) => expect(mdCell(input)).toBe(out));
});
