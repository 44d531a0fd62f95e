// Applicability by unit attribute (criteria `applies: { level, where }`) and units assessed and
// not ranked (manifest `unranked:`), through the built CLI: the scores worked out by hand, both
// readers, the reason in every format, and mistakes at their place.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folder, ROOT, run } from "../helpers/exec.ts";

const DIR = "test/fixtures/applies";
const read = (f: string) => readFileSync(path.join(ROOT, DIR, f), "utf8");

// By hand (units.csv: co-tthc, nhom; S03 and X02 assessed, not ranked):
// S01 (có, y-te): 9 + (80 ≥ 80 → 12, 50% × 8 = 4) + có → 5 = 30 / 35
// S02 (x = yes, "Giao-duc" = giao-duc): 8 + (40 / 80 × 12 = 6, 2) + không → 0 = 16 / 35
// S03 (không TTHC): 10 / 10, dich-vu-cong and chuyen-nganh not applicable; assessed, not ranked
// S04 (có, kinh-te): 7 + (60 / 80 × 12 = 9, 8) = 24 / 30: chuyen-nganh not applicable
// X01: 5 + 16 = 21 / 30 (chuyen-nganh applies at so only); X02 (không): 6 / 10, assessed
const RANKING = [
  "level,rank,code,name,parent,score,max,percent,band,band_label,status,ha-tang,dich-vu-cong,chuyen-nganh,reason",
  "so,1,S01,Sở Y tế,,30,35,85.7142857142857,tot,Good,ranked,9,16,5,",
  "so,2,S04,Sở Tài chính,,24,30,80,tot,Good,ranked,7,17,,",
  "so,3,S02,Sở Giáo dục và Đào tạo,,16,35,45.7142857142857,yeu,Weak,ranked,8,8,0,",
  "so,,S03,Văn phòng UBND tỉnh,,10,10,100,tot,Good,assessed,10,,,Cơ quan thường trực của Hội đồng đánh giá",
  "xa,1,X01,Xã Tân Thành,,21,30,70,kha,Fair,ranked,5,16,,",
  'xa,,X02,Xã Lý Văn Lâm,,6,10,60,kha,Fair,assessed,6,,,"Sáp nhập ngày 01/07/2025, chưa đủ kỳ đánh giá"',
];

describe("applicability by attribute, and units assessed and not ranked", () => {
  it.each([["whole", "never"], ["streamed", "always"]])("rank -f csv with the files read %s", (_reader, large) => {
    const r = run(["rank", DIR, "-f", "csv", "--lang", "en"], { env: { EGOV_SCORE_LARGE: large } });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout.trim().split("\n")).toEqual(RANKING);
  });

  it("the table marks assessed units and says why, under each level", () => {
    const r = run(["rank", DIR, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│\s+† │ S03 {2}│ Văn phòng UBND tỉnh/);
    expect(r.stdout).toContain("so (so) · 4 units, 3 ranked");
    expect(r.stdout).toContain("† assessed, not ranked: S03 (Cơ quan thường trực của Hội đồng đánh giá)");
    expect(r.stdout).toContain("† assessed, not ranked: X02 (Sáp nhập ngày 01/07/2025, chưa đủ kỳ đánh giá)");
  });

  it("JSON, Markdown, the report and explain carry the status and the reason", () => {
    const json = JSON.parse(run(["rank", DIR, "-f", "json"]).stdout) as { levels: { units: { code: string; rank: number | null; status: string; reason: string | null; band: string | null }[] }[] };
    const s03 = json.levels[0]?.units.find((u) => u.code === "S03");
    expect(s03).toMatchObject({ rank: null, status: "assessed", reason: "Cơ quan thường trực của Hội đồng đánh giá", band: "tot" });
    expect(json.levels[0]?.units.find((u) => u.code === "S01")).toMatchObject({ status: "ranked", reason: null });
    const md = run(["rank", DIR, "-f", "md", "--lang", "en"]).stdout;
    expect(md).toContain("| 4 | S03 | Văn phòng UBND tỉnh | 10.00 |   |   | 10.00 | 10.00 | 100.00 |   | Good † |");
    expect(md).toContain("† assessed, not ranked: S03 (Cơ quan thường trực của Hội đồng đánh giá)");
    const html = run(["report", DIR, "-f", "html", "--lang", "en"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain("† assessed, not ranked: X02 (Sáp nhập ngày 01/07/2025, chưa đủ kỳ đánh giá)");
    const explain = run(["explain", "S03", DIR, "--lang", "en"]);
    expect(explain.stdout).toContain("Total: 10.00 / 10 = 100.00% · Band: Good · assessed, not ranked: Cơ quan thường trực của Hội đồng đánh giá");
    expect(explain.stdout).toContain("      not applicable (applies only to units with co-tthc: có)");
    const ej = JSON.parse(run(["explain", "X02", DIR, "-f", "json"]).stdout) as { unit: { status: string; reason: string }; rank: number | null };
    expect(ej.unit).toMatchObject({ status: "assessed", reason: "Sáp nhập ngày 01/07/2025, chưa đủ kỳ đánh giá" });
    expect(ej.rank).toBeNull();
  });

  it("without unranked: in the manifest, the CSV has no reason column and every unit is ranked", () => {
    const dir = folder({
      "egov-score.yaml": "criteria: criteria.yaml\nunits: units.csv\ndata: [data/*.csv]\n",
      "criteria.yaml": read("criteria.yaml"),
      "units.csv": read("units.csv"),
      "data/so.csv": read("data/so.csv"),
      "data/xa.csv": read("data/xa.csv"),
    });
    const r = run(["rank", dir, "-f", "csv", "--level", "so"]);
    expect(r.stdout.trim().split("\n")).toEqual([
      "level,rank,code,name,parent,score,max,percent,band,band_label,status,ha-tang,dich-vu-cong,chuyen-nganh",
      "so,1,S03,Văn phòng UBND tỉnh,,10,10,100,tot,Tốt,ranked,10,,",
      "so,2,S01,Sở Y tế,,30,35,85.7142857142857,tot,Tốt,ranked,9,16,5",
      "so,3,S04,Sở Tài chính,,24,30,80,tot,Tốt,ranked,7,17,",
      "so,4,S02,Sở Giáo dục và Đào tạo,,16,35,45.7142857142857,yeu,Yếu,ranked,8,8,0",
    ]);
  });

  it("an attribute the registry does not have: an error at the criteria's where, in both readers", () => {
    const dir = folder({
      "egov-score.yaml": read("egov-score.yaml"),
      "criteria.yaml": read("criteria.yaml"),
      "units.csv": read("units.csv").replace("co-tthc", "tthc"),
      "data/so.csv": read("data/so.csv"),
      "data/xa.csv": read("data/xa.csv"),
    });
    for (const large of ["never", "always"]) {
      const r = run(["rank", dir, "--lang", "en"], { env: { EGOV_SCORE_LARGE: large } });
      expect([r.code, r.stdout]).toEqual([2, ""]);
      expect(r.stderr).toMatch(/criteria\.yaml:20:25: error DATA_ATTRIBUTE_NOT_FOUND: the criteria apply a node by the unit attribute "co-tthc", but the units registry .*units\.csv has no such column/);
    }
  });

  it("a code under unranked.units that names no unit: a warning at the code, with the unit it may mean, in both readers", () => {
    const dir = folder({
      "egov-score.yaml": read("egov-score.yaml").replace("    X02:", "    X020:"),
      "criteria.yaml": read("criteria.yaml"),
      "units.csv": read("units.csv"),
      "data/so.csv": read("data/so.csv"),
      "data/xa.csv": read("data/xa.csv"),
    });
    for (const large of ["never", "always"]) {
      const r = run(["validate", dir, "--lang", "en"], { env: { EGOV_SCORE_LARGE: large } });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`${dir}/egov-score.yaml:7:5: warning UNIT_UNRANKED_UNKNOWN: unranked.units lists "X020", which is not a unit of this assessment; did you mean "X02"?: no unit is left out of the ranking for it`);
      expect(run(["validate", dir, "--strict", "--lang", "en"], { env: { EGOV_SCORE_LARGE: large } }).code).toBe(2);
      // X02 is then ranked, and rank says why on stderr
      const ranked = run(["rank", dir, "-f", "csv", "--level", "xa", "--lang", "vi"], { env: { EGOV_SCORE_LARGE: large } });
      expect(ranked.stdout).toContain("xa,2,X02,");
      expect(ranked.stderr).toContain('cảnh báo UNIT_UNRANKED_UNKNOWN: unranked.units ghi "X020", nhưng đơn vị này không có trong đánh giá; có phải "X02"?');
    }
  });

  it.each([
    ["an unknown level in applies, at it", (c: string) => c.replace("applies: { level: so,", "applies: { level: tinh,"), /criteria\.yaml:30:23: error CRITERIA_UNKNOWN_LEVEL/],
    ["applies.level beside levels:, at applies.level", (c: string) => c.replace("    applies: { level: so,", "    levels: [so]\n    applies: { level: so,"), /criteria\.yaml:31:16: error CRITERIA_LEVELS_AND_MAP/],
  ])("validate: %s", (_name, edit, message) => {
    const dir = folder({ "egov-score.yaml": read("egov-score.yaml"), "criteria.yaml": edit(read("criteria.yaml")), "units.csv": read("units.csv"), "data/so.csv": read("data/so.csv"), "data/xa.csv": read("data/xa.csv") });
    const r = run(["validate", dir, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(message);
  });
});
