// Computed indicators (criteria `value:` over `inputs:`) through the built CLI, as a user runs
// them: the ranking worked out by hand, both readers of the data, explain's account, the forms
// that ask for the inputs, the criteria tree, and mistakes in an expression, at their place.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folder, ROOT, run } from "../helpers/exec.ts";

const DIR = "test/fixtures/computed";
const CRITERIA = readFileSync(path.join(ROOT, DIR, "criteria.yaml"), "utf8");
const SO = readFileSync(path.join(ROOT, DIR, "data/so.csv"), "utf8");

// By hand, from data/so.csv and data/X01.csv:
// S01: 100 - (3 + 2) = 95 → 9.5 · 120 / max(150, 100) × 100 = 80 → target 80 → 10 · 250 / 100 = 2.5 days → 5 · 80% → 4: 28.5 / 30
// S02: 100 - 15.5 = 84.5 → 8.45 · 90 / 120 × 100 = 75 → 9.375 · 600 / 120 = 5 → 3 · 90% → 4.5: 25.325 / 30
// S03: qua-han "-" → not applicable · 40 / 50 × 100 = 80 → 10 · 0 / 0 → not applicable (warning) · 3.5: 13.5 / 15 = 90%
// X01 (long form): 100 - 1.5 = 98.5 → 9.85 · 30 / 40 × 100 = 75 → 9.375 · 140 / 35 = 4 → 3 · 45/50 → 4.5: 26.725 / 30
const RANKING = [
  "level,rank,code,name,parent,score,max,percent,band,band_label,status,dung-han,dvc-truc-tuyen,thoi-gian,ky-so",
  "so,1,S01,Sở Tư pháp,,28.5,30,95,,,ranked,9.5,10,5,4",
  "so,2,S03,Sở Xây dựng,,13.5,15,90,,,ranked,,10,,3.5",
  "so,3,S02,Sở Y tế,,25.325,30,84.4166666666667,,,ranked,8.45,9.375,3,4.5",
  "xa,1,X01,Xã Tân Thành,,26.725,30,89.0833333333333,,,ranked,9.85,9.375,3,4.5",
];
const DIV0 = /so\.csv:4:8: warning VALUE_DIVISION_BY_ZERO: computing "thoi-gian" for unit "S03" divides by zero \(tthc-phat-sinh is 0\): treated as not applicable/;

describe("computed indicators, end to end", () => {
  it("rank computes every value from the inputs, wide and long files alike, and warns at the zero divisor's cell", () => {
    const r = run(["rank", DIR, "-f", "csv", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toEqual(RANKING);
    expect(r.stderr).toMatch(DIV0);
  });

  it("streamed inputs compute the same values as inputs read whole", () => {
    const dir = folder({ "egov-score.yaml": "criteria: criteria.yaml\ndata: [so.csv]\n", "criteria.yaml": CRITERIA, "so.csv": SO });
    const ranks = (env: Record<string, string>) => run(["rank", dir, "-f", "csv", "--lang", "en"], { env });
    const large = ranks({ EGOV_SCORE_LARGE: "always" });
    const objects = ranks({ EGOV_SCORE_LARGE: "never" });
    expect(large.code).toBe(0);
    expect(large.stdout).toBe(objects.stdout);
    expect(large.stdout.trim().split("\n")).toEqual(RANKING.slice(0, 4));
    // the same warning, at the divisor's cell, from both
    expect(large.stderr).toMatch(DIV0);
    expect(large.stderr).toBe(objects.stderr);
  });

  it("explain shows the expression, each figure read with its cell, and each step", () => {
    const r = run(["explain", "S02", DIR, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      [
        "    formula: tthc-truc-tuyen / max(tthc-thuoc-tham-quyen, tthc-phat-sinh) * 100",
        `      tthc-truc-tuyen = 90  ${DIR}/data/so.csv:3:6 (line 3, column 6 "tthc-truc-tuyen")`,
        `      tthc-thuoc-tham-quyen = 100  ${DIR}/data/so.csv:3:7 (line 3, column 7 "tthc-thuoc-tham-quyen")`,
        `      tthc-phat-sinh = 120  ${DIR}/data/so.csv:3:8 (line 3, column 8 "tthc-phat-sinh")`,
        "      max(100, 120) = 120",
        "      90 / 120 = 0.75",
        "      0.75 * 100 = 75",
        "    value: 75",
        "    rule: target 80",
        "    arithmetic: min(1, 75 / 80) · 0.9375 × 10 = 9.375",
      ].join("\n"),
    );
    const s3 = run(["explain", "S03", DIR, "--lang", "en", "-f", "json"]);
    const doc = JSON.parse(s3.stdout) as { indicators: { id: string; applicable: boolean; formula: { value: unknown; steps: { text: string; value: string }[] } | null }[] };
    const thoi = doc.indicators.find((i) => i.id === "thoi-gian");
    expect(thoi?.applicable).toBe(false);
    expect(thoi?.formula?.value).toBeNull();
    expect(thoi?.formula?.steps.map((s) => `${s.text} = ${s.value}`)).toEqual(["ngay-xu-ly = 0", "tthc-phat-sinh = 0", "0 / 0 = ÷0"]);
    expect(doc.indicators.find((i) => i.id === "ky-so")?.formula).toBeNull();
  });

  it("score shows the computed values", () => {
    const r = run(["score", DIR, "-f", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("so,S02,"))).toEqual([
      "so,S02,Sở Y tế,dung-han,84.5,,,0.845,8.45,10,scored",
      "so,S02,Sở Y tế,dvc-truc-tuyen,75,,,0.9375,9.375,10,scored",
      "so,S02,Sở Y tế,thoi-gian,5,,,0.6,3,5,scored",
      "so,S02,Sở Y tế,ky-so,90,,,0.9,4.5,5,scored",
    ]);
  });

  it("the unit's form asks for the inputs, not for the computed indicators", () => {
    const r = run(["template", DIR, "--unit", "X01", "-o", "-", "--lang", "en"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split("\n").map((l) => l.split(",")[3]);
    expect(rows).toEqual(["indicator", "ky-so", "qua-han", "khieu-nai", "tthc-truc-tuyen", "tthc-thuoc-tham-quyen", "tthc-phat-sinh", "ngay-xu-ly"]);
    expect(r.stdout).toContain("a figure that computed indicators read, not scored itself");
  });

  it("init from the criteria writes data templates with the inputs' columns", () => {
    const dir = folder({ "criteria.yaml": CRITERIA });
    const r = run(["init", path.join(dir, "new"), "--from", path.join(dir, "criteria.yaml"), "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, "new/data/so.csv"), "utf8").trim()).toBe("code,name,level,ky-so,qua-han,khieu-nai,tthc-truc-tuyen,tthc-thuoc-tham-quyen,tthc-phat-sinh,Tổng ngày xử lý");
  });

  it("criteria shows each computed indicator's expression and the inputs", () => {
    const r = run(["criteria", DIR, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("├─ dung-han Chỉ số 5.4 — hồ sơ đúng hạn, không phản ánh · 10 · ratio · = 100 - (qua-han + khieu-nai)");
    expect(r.stdout).toContain('inputs: qua-han percent; khieu-nai percent; tthc-truc-tuyen number; tthc-thuoc-tham-quyen number; tthc-phat-sinh number; ngay-xu-ly ("Tổng ngày xử lý") number');
  });

  it("a plain number (days) is the quotient of two columns, .num and .den, in both readers", () => {
    const criteria = `id: t\ntitle: T\nversion: 1\nlevels: [{ id: so }]\nindicators:\n  - id: ngay\n    max: 5\n    unit: number\n    rule: { type: steps, steps: [{ atMost: 3, points: 5 }, { atMost: 5, points: 3 }] }\n`;
    const dir = folder({ "egov-score.yaml": "criteria: c.yaml\ndata: [so.csv]\n", "c.yaml": criteria, "so.csv": "code,name,ngay.num,ngay.den\nS1,A,300,120\nS2,B,500,100\n" });
    for (const env of [{ EGOV_SCORE_LARGE: "always" }, { EGOV_SCORE_LARGE: "never" }]) {
      const r = run(["rank", dir, "-f", "csv"], { env });
      expect(r.stdout.trim().split("\n").slice(1)).toEqual(["so,1,S1,A,,5,5,100,,,ranked,5", "so,2,S2,B,,3,5,60,,,ranked,3"]);
    }
    expect(run(["explain", "S1", dir, "--lang", "en"]).stdout).toContain("arithmetic: 300 / 120 = 2.5 · 2.5 ≤ 3 → 5 · 1 × 5 = 5");
  });

  it.each([
    ["an expression that does not parse, at the character", CRITERIA.replace('"100 - (qua-han + khieu-nai)"', '"100 - (qua-han + khieu-nai"'), /criteria\.yaml:32:39: error CRITERIA_EXPR_SYNTAX: the value: of "dung-han" does not parse: found the end, expected "\)"/],
    ["an unknown name, at the name, with the name meant", CRITERIA.replace('"100 - (qua-han + khieu-nai)"', '"100 - (qua-hn + khieu-nai)"'), /criteria\.yaml:32:20: error CRITERIA_EXPR_UNKNOWN_NAME: the value: of "dung-han" names "qua-hn", which is no input and no indicator \(did you mean qua-han\?\)/],
    ["a cycle, at the first indicator of it", CRITERIA.replace('"100 - (qua-han + khieu-nai)"', '"100 - (qua-han + khieu-nai) + thoi-gian * 0"').replace('"ngay-xu-ly / tthc-phat-sinh"', '"ngay-xu-ly / tthc-phat-sinh + dung-han * 0"'), /criteria\.yaml:32:12: error CRITERIA_EXPR_CYCLE: computed indicators depend on each other in a cycle: dung-han → thoi-gian → dung-han/],
  ])("validate: %s (exit 2)", (_name, criteria, message) => {
    const dir = folder({ "egov-score.yaml": "criteria: criteria.yaml\ndata: [so.csv]\n", "criteria.yaml": criteria, "so.csv": SO });
    const r = run(["validate", dir, "--lang", "en"]);
    expect(r.code).toBe(2);
    // (validate prints its report on stdout)
    expect(r.stdout).toMatch(message);
    expect(r.stdout).toMatch(/^1 error, 0 warnings/m);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    // every other command stops at the same problem, on stderr
    const rank = run(["rank", dir, "--lang", "en"]);
    expect([rank.code, rank.stdout]).toEqual([2, ""]);
    expect(rank.stderr).toMatch(message);
  });
});
