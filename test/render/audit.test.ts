// The audit's renderers on a small audit worked out in test/engine/audit.test.ts: p = 1..10 for
// A..J, q an outlier (5 for A only), so every table has rows and the winsorisation its effect.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/engine/audit.ts";
import { AUDIT_COLUMNS, auditCsv, auditHtml, auditJson, auditMd, auditTable, cellShown, heatColor, heatmapSvg, importanceSvg } from "../../src/render/audit.ts";
import { plainPalette, type RenderOptions } from "../../src/render/common.ts";
import { auditXlsx } from "../../src/render/xlsx.ts";
import { scoreOf } from "../helpers/model.ts";

const CRIT = `id: t
title: T <b>
version: 1
language: en
levels: [{ id: u, label: { en: "Units <script>" } }]
groups:
  - id: g
    indicators:
      - { id: p, max: 10, unit: number, rule: { type: points } }
      - { id: q, max: 5, unit: number, rule: { type: points } }
`;
const DATA = ["code,p,q", "A,1,5", "B,2,0", "C,3,0", "D,4,0", "E,5,0", "F,6,0", "G,7,0", "H,8,0", "I,9,0", "J,10,0"].join("\n");
const a = audit(scoreOf(CRIT, DATA));
const l = a.levels[0]!;
const o: RenderOptions = { lang: "en", palette: plainPalette };

describe("figures as people read them", () => {
  it.each([
    [null, "num", "—"],
    ["x", "text", "x"],
    [3, "int", "3"],
    [0.6543, "pct", "65.4%"],
    [-0.12345, "num", "-0.123"],
  ] as const)("%s (%s) is shown %s", (v, kind, shown) => {
    expect(cellShown(v, kind)).toBe(shown);
  });

  it("the heatmap's colours: blue for 1, red for −1, white for 0, grey when undefined", () => {
    expect([heatColor(1), heatColor(-1), heatColor(0), heatColor(null), heatColor(0.5)]).toEqual(["rgb(33,102,172)", "rgb(178,24,43)", "rgb(255,255,255)", "#d0d7de", "rgb(144,179,214)"]);
  });
});

describe("md and table", () => {
  const md = auditMd(a, o);
  it("every section, the flagged indicator and what winsorising it would change", () => {
    expect(md.split("\n").filter((x) => x.startsWith("#"))).toEqual([
      "# Statistical audit of the criteria: T \\<b\\>",
      "## Units \\<script\\> (u) · 10 ranked units",
      "### Availability and distribution",
      "### Outliers and winsorisation",
      "### Correlations with the pillar and the total",
      "### Collinear pairs",
      "### Consistency of each pillar",
      "### Importance against the nominal weight",
      "### Units with low availability",
    ]);
    expect(md).toContain("| q | g | 10/10 | 100.0% | 0.000 | 1.000 | 0.100 | 0.000 | 3.162 | 10.000 | outliers; weak with its pillar; less important than its weight |");
    expect(md).toContain("| q | 3.162 | 10.000 | 1 | A | — | — | yes |");
    expect(md).toContain("_If every flagged indicator were winsorised: 1 units change value, 5 change rank (by 5 at most)_");
    expect(auditMd(a, o, 2).split("\n")[0]).toBe("## Statistical audit of the criteria: T \\<b\\>");
  });

  it("the terminal table holds the same rows", () => {
    const text = auditTable(a, o);
    expect(text).toContain("Outliers and winsorisation");
    expect(text).toMatch(/│ q +│ +3\.162 │ +10\.000 │ +1 │ A +│ +— │ +— │ yes +│/);
  });
});

describe("csv and json", () => {
  it("csv: one row per level and indicator, the figures in full", () => {
    const rows = parse(auditCsv(a, o)) as string[][];
    expect(rows[0]).toEqual([...AUDIT_COLUMNS]);
    expect(rows).toHaveLength(3);
    const q = Object.fromEntries((rows[0] as string[]).map((k, i) => [k, rows[2]?.[i]]));
    expect(q).toMatchObject({ level: "u", indicator: "q", pillar: "g", units: "10", available: "10", availability: "1", outliers: "true", winsorised: "1", skewness_winsorised: "", nominal: "0.333333333333333" });
    expect(Number(q.skewness)).toBeCloseTo(Math.sqrt(10), 12);
  });

  it("json: schemaVersion 1 and the model, numbers in full", () => {
    const doc = JSON.parse(auditJson(a, o));
    expect(doc.schemaVersion).toBe(1);
    expect(doc.options.minAvailability).toBe(0.65);
    const lv = doc.levels[0];
    expect([lv.id, lv.units, lv.winsorEffect]).toEqual(["u", 10, { units: 1, moved: 5, maxMove: 5 }]);
    expect(lv.indicators[1].winsorised).toEqual({ count: 1, units: ["A"], skewness: null, kurtosis: null, cleared: true });
    expect(lv.matrix.indicators).toEqual(["p", "q"]);
    expect(lv.matrix.pearson[0][1]).toBeCloseTo(l.matrix[0]?.[1] as number, 14);
  });
});

describe("html and SVG", () => {
  it("one self-contained page, every text escaped, with the heatmap and the importance chart", () => {
    const html = auditHtml(a, o);
    expect(html).not.toMatch(/<script|T <b>/);
    expect(html).toContain("Units &lt;script&gt; (u)");
    expect(html.match(/<svg /g)).toHaveLength(2);
  });

  it("the heatmap has a cell per pair, its r written in it", () => {
    const svg = heatmapSvg(l, "m");
    expect(svg.match(/<rect /g)).toHaveLength(4);
    const r = l.matrix[0]?.[1] as number;
    expect(svg).toContain(`<title>p × q: ${r.toFixed(3)}</title>`);
    expect(svg).toContain(">1.00</text>");
  });

  it("the importance chart: bars on one scale, the largest of all as wide as the chart", () => {
    const svg = importanceSvg(l, "i", ["nominal", "importance"]);
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="8"/g)].map((m) => Number(m[1]));
    const peak = Math.max(...l.indicators.flatMap((i) => [i.nominal, i.importance ?? 0]));
    expect(widths).toEqual(l.indicators.flatMap((i) => [Number(((i.nominal / peak) * 320).toFixed(1)), Number((((i.importance as number) / peak) * 320).toFixed(1))]));
    expect(Math.max(...widths)).toBe(320);
  });
});

describe("xlsx", () => {
  it("a sheet of tables and a sheet of correlations per level; figures as numbers, names neutralised", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await auditXlsx(a, o)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["audit u", "r u"]);
    const ws = wb.getWorksheet("audit u") as ExcelJS.Worksheet;
    expect(ws.getCell("A1").value).toBe("Units <script> (u) · 10");
    const rows: { n: number; v: unknown[] }[] = [];
    ws.eachRow((r, n) => rows.push({ n, v: (r.values as unknown[]).slice(1) }));
    const q = rows.find((r) => r.v[0] === "q" && r.v[1] === "g");
    expect(q?.v.slice(2, 6)).toEqual(["10/10", 1, 0, 1]);
    // the skewness: a number with three decimals shown, a percentage as a percentage
    expect(ws.getCell(`I${q?.n}`).value).toBeCloseTo(Math.sqrt(10), 12);
    expect(ws.getCell(`I${q?.n}`).numFmt).toBe("0.000");
    expect(ws.getCell(`D${q?.n}`).numFmt).toBe("0.0%");
    const m = wb.getWorksheet("r u") as ExcelJS.Worksheet;
    expect(m.getCell("B1").value).toBe("p");
    expect(m.getCell("B2").value).toBe(1);
    expect(m.getCell("C2").value).toBeCloseTo(l.matrix[0]?.[1] as number, 14);
  });
});
