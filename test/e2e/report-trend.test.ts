// With three periods or more, the report shows each level's trend: a table in Markdown, three
// SVG charts in HTML.
import { describe, expect, it } from "vitest";
import { folder, run } from "../helpers/exec.ts";

const dir = () =>
  folder({
    "c.yaml": "id: t\ntitle: T\nversion: 1\nlanguage: en\nlevels: [{ id: u, label: Units }]\nbands: { list: [{ id: good, label: Good, min: 50 }, { id: weak, label: Weak, min: 0 }] }\nindicators:\n  - { id: a, max: 10, rule: { type: points } }\n",
    "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n",
    "d.csv": "code,period,a\nA,2021,4\nB,2021,6\nA,2022,6\nB,2022,7\nA,2023,8\nB,2023,9\n",
  });

describe("report over several periods", () => {
  it("md: the latest period scored, and a trend table with every period", () => {
    const r = run(["report", dir()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("### Trend over the periods");
    expect(r.stdout).toContain("| 2021 | 2 | 50.00 | 1 | 1 |");
    expect(r.stdout).toContain("| 2023 | 2 | 85.00 | 2 | 0 |");
    expect(r.stderr).toContain("PERIOD_LATEST");
  });
  it("html: three trend charts per level", () => {
    const r = run(["report", dir(), "-f", "html"]);
    expect(r.code).toBe(0);
    const trend = r.stdout.split("Trend over the periods")[1]?.split("</div>")[0] ?? "";
    expect(trend.match(/<svg/g)).toHaveLength(3);
  });
  it("two periods, or one chosen with --period: no trend", () => {
    expect(run(["report", dir(), "--period", "2022"]).stdout).not.toContain("Trend");
  });
});

describe("report --sensitivity", () => {
  it("adds the section to md and html, reproducibly", () => {
    const md = run(["report", "samples/ca-mau-2019", "--level", "huyen", "--sensitivity", "--runs", "100", "--lang", "en"]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toContain("## Sensitivity of the ranking");
    expect(md.stdout.split("## Sensitivity of the ranking")[1]).toContain("Huyện Đầm Dơi");
    expect(run(["report", "samples/ca-mau-2019", "--level", "huyen", "--sensitivity", "--runs", "100", "--lang", "en"]).stdout).toBe(md.stdout);
    const html = run(["report", "samples/ca-mau-2019", "--level", "huyen", "--sensitivity", "--runs", "100", "-f", "html"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('class="sensitivity"');
    expect(html.stdout.split('class="sensitivity"')[1]).toContain("<svg");
  });
  it("without --sensitivity there is no section", () => {
    expect(run(["report", "samples/ca-mau-2019", "--level", "huyen", "--lang", "en"]).stdout).not.toContain("Sensitivity");
  });
});
