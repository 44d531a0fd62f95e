// The compare renderers on a small comparison: the table and Markdown as a reviewer reads them,
// CSV and JSON carrying the same facts, and data that tries to break out of each format.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { compare } from "../../src/engine/compare.ts";
import { machine, plainPalette } from "../../src/render/common.ts";
import { compareColumns, compareCsv, compareHtml, compareJson, compareMd, compareTable, moveText, signed } from "../../src/render/compare.ts";
import { scoreOf } from "../helpers/model.ts";

const CRITERIA = `id: t
title: { vi: Bộ thử, en: Test set }
version: "1"
language: en
levels:
  - id: u
    label: { en: Units }
bands:
  list:
    - { id: tot, label: { en: Good }, min: 80 }
    - { id: kha, label: { en: Fair }, min: 50 }
    - { id: yeu, label: { en: Weak }, min: 0 }
groups:
  - id: g1
    indicators:
      - { id: a, max: 50, unit: number, rule: { type: points } }
  - id: g2
    indicators:
      - { id: b, max: 50, unit: number, rule: { type: points } }
`;
// C is assessed in 2019 only, D in 2020 only.
const UNITS = 'code,name\nA,"Xã <b>|Một</b>"\nB,"=HYPERLINK(""x"")"\n';
const before = { ...scoreOf(CRITERIA, "code,a,b\nA,40,45\nB,40,30\nC,30,30\n", `${UNITS}C,Gamma\n`), period: "2019" };
const after = { ...scoreOf(CRITERIA, "code,a,b\nA,35,40\nB,45,40\nD,20,20\n", `${UNITS}D,Delta\n`), period: "2020" };
const c = compare(before, after, { labels: { before: "Tự đánh giá", after: "Thẩm định" } });
const o = { lang: "en" as const, palette: plainPalette };

describe("shared wording", () => {
  it("signed numbers and moves", () => {
    expect([signed(1.234, 2), signed(-0.5, 2), signed(0.001, 2), signed(-0.001, 2), signed(null, 2)]).toEqual(["+1.23", "-0.50", "0.00", "0.00", ""]);
    const moves = c.levels[0]?.units.map((u) => `${u.code} ${moveText(u, "en")}`);
    expect(moves).toEqual(["B ↑1", "A ↓1", "D new", "C gone"]);
  });
});

describe("table", () => {
  it("one table per level, then the summary and the transitions", () => {
    expect(compareTable(c, o)).toMatchInlineSnapshot(`
      "Comparison: Tự đánh giá → Thẩm định
      Test set (t 1)

      Units (u) · Tự đánh giá: 3 units → Thẩm định: 3 units · 2 compared: 1 up, 1 down, 0 unchanged
      ┌─────────────┬───────────┬──────┬──────┬─────────────────┬─────────────┬───────────┬────────┬────────┬─────────────┬───────┬────────┐
      │        Rank │      Rank │ Move │ Code │ Unit            │           % │         % │      ± │      ± │ Band        │  g1 ± │   g2 ± │
      │ Tự đánh giá │ Thẩm định │      │      │                 │ Tự đánh giá │ Thẩm định │     pp │  Score │             │       │        │
      ├─────────────┼───────────┼──────┼──────┼─────────────────┼─────────────┼───────────┼────────┼────────┼─────────────┼───────┼────────┤
      │           2 │         1 │   ↑1 │ B    │ =HYPERLINK("x") │       70.00 │     85.00 │ +15.00 │ +15.00 │ Fair → Good │ +5.00 │ +10.00 │
      │           1 │         2 │   ↓1 │ A    │ Xã <b>|Một</b>  │       85.00 │     75.00 │ -10.00 │ -10.00 │ Good → Fair │ -5.00 │  -5.00 │
      │           — │         3 │  new │ D    │ Delta           │             │     40.00 │        │        │ Weak        │       │        │
      │           3 │         — │ gone │ C    │ Gamma           │       60.00 │           │        │        │ Fair        │       │        │
      └─────────────┴───────────┴──────┴──────┴─────────────────┴─────────────┴───────────┴────────┴────────┴─────────────┴───────┴────────┘
      Largest differences:
        =HYPERLINK("x"): b +10.00 · a +5.00
        Xã <b>|Một</b>: a -5.00 · b -5.00
      Mean change: +2.50 pp (score: +2.50)
      Most improved: B =HYPERLINK("x"): +15.00 pp (↑1)
      Largest falls: A Xã <b>|Một</b>: -10.00 pp (↓1)
      New units: D Delta
      Units gone: C Gamma
      Rank correlation: Spearman ρ -1.000 · Kendall τ-b -1.000 (2 units)
      Indicators that changed most: b: +5.00 points; 1 lower, 1 higher
      Band transitions (rows: Tự đánh giá, columns: Thẩm định):
      ┌────────┬──────┬──────┬──────┬────────┐
      │        │ Good │ Fair │ Weak │ absent │
      ├────────┼──────┼──────┼──────┼────────┤
      │ Good   │    0 │    1 │    0 │      0 │
      │ Fair   │    1 │    0 │    0 │      1 │
      │ Weak   │    0 │    0 │    0 │      0 │
      │ absent │    0 │    0 │    1 │      0 │
      └────────┴──────┴──────┴──────┴────────┘
      "
    `);
  });
});

describe("csv and json", () => {
  const rows = parse(compareCsv(c)) as string[][];
  const json = JSON.parse(compareJson(c, o));

  it("csv: the stable columns, one row per unit, formulas neutralised", () => {
    expect(rows[0]).toEqual(compareColumns(c));
    expect(rows[0]?.slice(-10)).toEqual(["g1_before", "g1_after", "g1_change", "g2_before", "g2_after", "g2_change", "differences", "rank_spearman", "rank_kendall", "crosswalk"]);
    // A and B swapped places, the only units ranked on both sides: both coefficients -1, on every row of the peer group;
    // no crosswalk: its column is empty
    for (const r of rows.slice(1)) expect(r.slice(-3)).toEqual(["-1", "-1", ""]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[4], r[5], r[7], r[8], r[9], r[10]])).toEqual([
      ["Tự đánh giá", "Thẩm định", "B", `'=HYPERLINK("x")`, "both", "2", "1", "1"],
      ["Tự đánh giá", "Thẩm định", "A", "Xã <b>|Một</b>", "both", "1", "2", "-1"],
      ["Tự đánh giá", "Thẩm định", "D", "Delta", "new", "", "3", ""],
      ["Tự đánh giá", "Thẩm định", "C", "Gamma", "gone", "3", "", ""],
    ]);
    expect(rows[1]?.at(-4)).toBe("b:+10 a:+5");
  });

  it("json: schemaVersion 1, labels, and the same facts as the csv", () => {
    expect(json.schemaVersion).toBe(1);
    expect(json.labels).toEqual({ before: "Tự đánh giá", after: "Thẩm định" });
    expect(json.basis).toBe("score");
    const units = json.levels[0].units;
    expect(Object.keys(units[0])).toEqual(["level", "peerGroup", "code", "name", "parent", "presence", "before", "after", "move", "scoreChange", "percentChange", "bandChange", "groups", "differences"]);
    type Side = { rank: number | null; band: string | null } | null;
    type JsonUnit = { code: string; presence: string; before: Side; after: Side; move: number | null; percentChange: number | null; groups: Record<string, { change: number | null }> };
    const fromJson = (units as JsonUnit[]).map((u) => [u.code, u.presence, u.before?.rank ?? "", u.after?.rank ?? "", u.move ?? "", u.percentChange ?? "", u.after?.band ?? "", u.groups.g2?.change ?? ""].map(String));
    const fromCsv = rows.slice(1).map((r) => [r[4], r[7], r[8], r[9], r[10], r[18], r[20], r[29]]);
    expect(fromJson).toEqual(fromCsv);
    expect(units[0].differences).toEqual([
      { indicator: "b", before: 30, after: 40, change: 10 },
      { indicator: "a", before: 40, after: 45, change: 5 },
    ]);
    expect(json.levels[0].summary.gone).toEqual(["C"]);
    expect(json.levels[0].summary.rankCorrelation).toEqual([{ peerGroup: rows[1]?.[3], units: 2, spearman: -1, kendall: -1 }]);
    expect(json.levels[0].summary.transitions.counts.kha).toEqual({ tot: 1, kha: 0, yeu: 0, "not-ranked": 0, absent: 1 });
  });

  it("csv: rows over many chunks of bytes come out whole, each as the comparison has it", () => {
    // names quoted (a quote, the delimiter) and in Vietnamese (several bytes a letter), a group change on every row
    const n = 3000;
    const units = `code,name\n${Array.from({ length: n }, (_, i) => `U${i},"Ủy ban nhân dân xã Đông Hưng ""số"" ${i}, tỉnh Thái Bình"`).join("\n")}\n`;
    const data = (k: number) => `code,a,b\n${Array.from({ length: n }, (_, i) => `U${i},${(i * k) % 50},${(i * 7 + k) % 50}.5`).join("\n")}\n`;
    const big = compare(scoreOf(CRITERIA, data(3), units), scoreOf(CRITERIA, data(5), units), { labels: { before: "x", after: "y" } });
    const text = compareCsv(big);
    expect(text.length).toBeGreaterThan(4 * 65536);
    const parsed = parse(text) as string[][];
    const us = big.levels[0]?.units ?? [];
    expect(parsed.length).toBe(n + 1);
    const cell = (x: number | null | undefined) => (x === null || x === undefined ? "" : String(machine(x)));
    expect(parsed.slice(1).map((r) => [r[4], r[5], r[8], r[9], r[18], r[29], r[30]])).toEqual(
      us.map((u) => [u.code, u.name, cell(u.before?.rank), cell(u.after?.rank), cell(u.percentChange), cell(u.groups[1]?.change), u.differences.map((x) => `${x.id}:${x.change > 0 ? "+" : ""}${cell(x.change)}`).join(" ")]),
    );
  });

  it("a decimal comma reaches the numbers inside the differences text too", () => {
    const b2 = { ...scoreOf(CRITERIA, "code,a,b\nA,40.5,45\n"), period: "2019" };
    const a2 = { ...scoreOf(CRITERIA, "code,a,b\nA,35,40\n"), period: "2020" };
    const out = compareCsv(compare(b2, a2, { labels: { before: "x", after: "y" } }), { ...o, csv: { delimiter: ";", decimal: ",", bom: false } });
    expect(out.split("\n")[1]).toContain("a:-5,5 b:-5");
  });
});

describe("markdown and html", () => {
  it("markdown escapes pipes and markup in names", () => {
    const md = compareMd(c, o);
    expect(md).toContain("| 1 | 2 | ↓1 | A | Xã \\<b\\>\\|Một\\</b\\> |");
    expect(md).toContain("# Comparison: Tự đánh giá → Thẩm định");
    expect(md).toContain("- **New units**: D Delta");
    expect(md).toContain("- **Units gone**: C Gamma");
    expect(md).toContain("- **Rank correlation**: Spearman ρ -1.000 · Kendall τ-b -1.000 (2 units)");
  });

  it("html is one self-contained page, every name escaped, with a slope chart", () => {
    const html = compareHtml(c, o);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain("Spearman ρ -1.000 · Kendall τ-b -1.000 (2 units)");
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(html).not.toContain("<b>|");
    expect(html).toContain("Xã &lt;b&gt;|Một&lt;/b&gt;");
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(html).toContain('<td class="n down">↓1</td>');
  });
});
