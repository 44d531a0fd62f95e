// Views over shared indicators (criteria `views:`) through the built CLI: worked out by hand,
// shown beside the ranking without changing it, in every format that shows the tree, and
// mistakes at their place.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folder, ROOT, run } from "../helpers/exec.ts";

const DIR = "test/fixtures/views";
const CRITERIA = readFileSync(path.join(ROOT, DIR, "criteria.yaml"), "utf8");
const DATA = readFileSync(path.join(ROOT, DIR, "data/so.csv"), "utf8");

// By hand: S01 may-tinh 5, bang-thong 4, ky-so 4.5, dvc 3.5, dao-tao 3, chuyen-trach 5 (25 / 30).
// DTI: digital government 4.5 + 3.5 + 5 = 13 / 15, foundations 5 + 4 + 3 = 12 / 15, 25 / 30 = 83.33% → Level IV.
// Readiness (mean of rates): (1 + 0.6) / 2 × 10 = 8 / 10.
// S02: may-tinh 2.5, bang-thong 2, ky-so missing (0 of 5), dvc 1.5, dao-tao "-", chuyen-trach 0 (6 / 25).
// DTI: 1.5 / 15 and 4.5 / 10 (dao-tao not applicable), 6 / 25 = 24% → Level II. Readiness: 0.5 × 5 = 2.5 / 5.
describe("views over shared indicators", () => {
  it("the ranking and its CSV are those of the main tree alone", () => {
    const r = run(["rank", DIR, "-f", "csv"]);
    expect(r.stdout.trim().split("\n")).toEqual([
      "level,rank,code,name,parent,score,max,percent,band,band_label,status,ha-tang,ung-dung,nhan-luc",
      "so,1,S01,Sở Tư pháp,,25,30,83.3333333333333,tot,Tốt,ranked,9,8,8",
      "so,2,S02,Sở Y tế,,6,25,24,kha,Khá,incomplete,4.5,1.5,0",
    ]);
  });

  it("the table shows each view beside the ranking, with its own bands", () => {
    const r = run(["rank", DIR, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Views: DTI pillars");
    expect(r.stdout).toMatch(/│ S01 +│ Sở Tư pháp │ +13\.00 │ +12\.00 │ 25\.00 │ 30\.00 │ 83\.33 │ Level IV │/);
    expect(r.stdout).toMatch(/│ S02 +│ Sở Y tế +│ +1\.50 │ +4\.50 │ +6\.00 │ 25\.00 │ 24\.00 │ Level II │/);
    expect(r.stdout).toMatch(/│ S01 +│ Sở Tư pháp │ +8\.00 │ +8\.00 │ 10\.00 │ 80\.00 │/);
    expect(r.stdout).toContain("A view regroups the criteria's indicators; it adds nothing to the total and changes no rank.");
  });

  it("JSON, Markdown, the report, explain and criteria show the views", () => {
    const json = JSON.parse(run(["rank", DIR, "-f", "json"]).stdout) as { levels: { units: { code: string; score: number; views: Record<string, unknown> }[] }[] };
    expect(json.levels[0]?.units[1]).toMatchObject({
      code: "S02",
      score: 6,
      views: {
        dti: { points: 6, max: 25, percent: 24, band: "muc-ii", groups: { "chinh-quyen-so": { points: 1.5, max: 15, percent: 10 }, "nen-tang": { points: 4.5, max: 10, percent: 45 } } },
        "san-sang": { points: 2.5, max: 5, percent: 50, band: null },
      },
    });
    expect(run(["rank", DIR, "-f", "md", "--lang", "en"]).stdout).toContain("| S01 | Sở Tư pháp | 13.00 | 12.00 | 25.00 | 30.00 | 83.33 | Level IV |");
    const report = run(["report", DIR, "-f", "html", "--lang", "en"]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("<h3>Views: DTI pillars</h3>");
    const explain = run(["explain", "S02", DIR, "--lang", "en"]).stdout;
    expect(explain).toContain("Views: DTI pillars (dti) 6.00 / 25 = 24.00% · Band: Level II\n  chinh-quyen-so · Digital government  1.50 / 15 = 10.00%\n  nen-tang · Foundations  4.50 / 10 = 45.00%");
    expect(run(["criteria", DIR, "--lang", "en"]).stdout).toContain("view: dti DTI pillars · Level IV ≥ 75, Level III ≥ 50, Level II ≥ 0\n├─ chinh-quyen-so Digital government · ky-so, dvc, chuyen-trach");
  });

  it.each([
    ["an unknown indicator, at it, with the closest id", CRITERIA.replace("indicators: [ky-so, dvc, chuyen-trach]", "indicators: [ky-so, dvcc, chuyen-trach]"), /criteria\.yaml:31:106: error CRITERIA_VIEW_UNKNOWN_INDICATOR: the view "dti" names "dvcc", which is no scored indicator of the criteria \(did you mean dvc\?\)/],
    ["a group's id, which is no indicator", CRITERIA.replace("indicators: [may-tinh, dao-tao]", "indicators: [ha-tang]"), /error CRITERIA_VIEW_UNKNOWN_INDICATOR: the view "san-sang" names "ha-tang"/],
    ["an indicator twice in one view, at the second", CRITERIA.replace("indicators: [may-tinh, bang-thong, dao-tao]", "indicators: [may-tinh, bang-thong, dao-tao, ky-so]"), /criteria\.yaml:32:111: error CRITERIA_VIEW_REPEATED: the view "dti" lists "ky-so" in "nen-tang" and already in "chinh-quyen-so"/],
  ])("validate: %s (exit 2)", (_name, criteria, message) => {
    const dir = folder({ "egov-score.yaml": "criteria: criteria.yaml\ndata: [so.csv]\n", "criteria.yaml": criteria, "so.csv": DATA });
    const r = run(["validate", dir, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(message);
  });
});
