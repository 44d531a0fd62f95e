// `egov-score sensitivity` as a user runs it: the built binary on the Cà Mau sample and small
// folders; stdout, stderr and exit codes; the same bytes for a fixed seed, with or without workers.
import { parse } from "csv-parse/sync";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folder, run } from "../helpers/exec.ts";

const CA_MAU = "samples/ca-mau-2019";
const rows = (csv: string): Record<string, string>[] => parse(csv, { columns: true }) as Record<string, string>[];

const SMALL = {
  "egov-score.yaml": "criteria: criteria.yaml\ndata: [data.csv]\n",
  "criteria.yaml": `id: small
title: { vi: Bộ nhỏ, en: Small set }
version: 1
levels: [{ id: u }]
bands:
  list:
    - { id: tot, min: 70 }
    - { id: yeu, min: 0 }
sensitivity:
  runs: 40
  seed: 9
  drop: false
  wide: 1
groups:
  - id: g1
    indicators:
      - { id: a, max: 6, rule: { type: ratio } }
      - { id: b, max: 4, rule: { type: ratio } }
  - id: g2
    indicators:
      - { id: c, max: 10, rule: { type: ratio } }
`,
  "data.csv": "code,name,a,b,c\nU1,Một,90,90,90\nU2,Hai,80,40,70\nU3,Ba,40,90,75\nU4,Bốn,60,,40\n",
};

describe("sensitivity on the Cà Mau sample", () => {
  it("prints the intervals per level, with the summary and the indices", () => {
    const r = run(["sensitivity", CA_MAU, "--runs", "60", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("60 runs, seed 1: weights and maxima ±25% (30 nodes); aggregation of the total: sum or geometric mean; missing data: zero, exclude or impute; one of 24 indicators dropped, or none");
    for (const l of ["Provincial departments (so) · 20 ranked", "District People's Committees (huyen) · 9 ranked", "Commune People's Committees (xa) · 100 ranked"]) expect(r.stdout).toContain(l);
    expect(r.stdout.match(/^Mean rank shift: \d+\.\d\d ranks$/gm)).toHaveLength(3);
    expect(r.stdout.match(/^First-order sensitivity indices: .*dropped indicator \d\.\d\d/gm)).toHaveLength(3);
    expect(r.stdout).toMatch(/│\s+1 │ 970 +│ Huyện Đầm Dơi +│ 88\.07 │ +1 │/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it("a fixed seed gives the same bytes, in the main thread or on 1 or 2 worker threads", () => {
    const args = ["sensitivity", CA_MAU, "--runs", "60", "--seed", "42", "-f", "csv", "--verbose"];
    const main = run([...args, "--workers", "0"]);
    const one = run([...args, "--workers", "1"]);
    const two = run([...args, "--workers", "2"]);
    expect(main.code).toBe(0);
    expect(main.stderr).toContain("60 runs on the main thread");
    expect(one.stderr).toContain("60 runs on 1 worker thread");
    expect(two.stderr).toContain("60 runs on 2 worker threads");
    expect(one.stdout).toBe(main.stdout);
    expect(two.stdout).toBe(main.stdout);
    expect(run(["sensitivity", CA_MAU, "--runs", "60", "--seed", "43", "-f", "csv"]).stdout).not.toBe(main.stdout);
  });

  it("data streamed (on every core) gives the same bytes as data read whole", async () => {
    const { generate } = await import("../../bench/generate.mjs");
    const dir = mkdtempSync(path.join(tmpdir(), "egov-score-sens-large-"));
    generate(dir, 600, 4);
    for (const where of [CA_MAU, dir]) {
      const args = ["sensitivity", where, "--runs", "40", "-f", "csv", "--workers", "2"];
      const usual = run(args, { env: { EGOV_SCORE_LARGE: "never" } });
      const large = run(args, { env: { EGOV_SCORE_LARGE: "always", EGOV_SCORE_RANGE_BYTES: "20000" } });
      expect(usual.code, usual.stderr).toBe(0);
      expect(large.stderr).toBe(usual.stderr);
      expect(large.stdout).toBe(usual.stdout);
      expect(large.stdout.split("\n").length).toBeGreaterThan(100);
    }
  });

  it("csv: a row per unit with the interval; not-ranked units listed without one", () => {
    const r = run(["sensitivity", CA_MAU, "--runs", "40", "-f", "csv", "--level", "xa"]);
    const table = rows(r.stdout);
    expect(Object.keys(table[0]!)).toEqual(["level", "code", "name", "parent", "status", "rank", "median", "p5", "p95", "width", "wide", "shift", "band", "band_change", "p_xuat-sac", "p_tot", "p_kha", "p_trung-binh", "p_yeu", "p_none"]);
    expect(table).toHaveLength(101);
    for (const u of table.filter((x) => x.status !== "not-ranked")) {
      expect(Number(u.p5)).toBeLessThanOrEqual(Number(u.median));
      expect(Number(u.median)).toBeLessThanOrEqual(Number(u.p95));
      expect(Number(u.width)).toBe(Number(u.p95) - Number(u.p5));
    }
    expect(table.find((x) => x.code === "970-09")).toMatchObject({ status: "not-ranked", rank: "", p5: "", wide: "" });
  });

  it("--level gives that level's rows of the whole analysis", () => {
    const whole = run(["sensitivity", CA_MAU, "--runs", "30", "-f", "csv"]).stdout.split("\n");
    const huyen = run(["sensitivity", CA_MAU, "--runs", "30", "-f", "csv", "--level", "huyen"]).stdout.split("\n");
    expect(huyen).toEqual([whole[0], ...whole.filter((l) => l.startsWith("huyen,")), ""]);
    expect(huyen).toHaveLength(1 + 9 + 1);
  });

  it("refuses more runs than memory allows, saying how many would do", () => {
    const r = run(["sensitivity", CA_MAU, "--runs", "1000000", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("1000000 runs of 129 ranked units are more than memory allows");
    expect(r.stderr).toContain("use at most --runs 775193");
  });

  it("with every input off, every interval is the nominal rank", () => {
    const r = run(["sensitivity", CA_MAU, "--runs", "20", "-f", "csv", "--no-weights", "--no-aggregation", "--no-missing", "--no-drop"]);
    expect(r.code).toBe(0);
    for (const u of rows(r.stdout).filter((x) => x.rank !== "")) expect([u.median, u.p5, u.p95, u.shift]).toEqual([u.rank, u.rank, u.rank, "0"]);
  });

  it("--top and --level narrow the output; -o picks the format from the extension", () => {
    const dir = folder({});
    const r = run(["sensitivity", CA_MAU, "--runs", "20", "--level", "huyen", "--top", "3", "-o", path.join(dir, "s.html")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const html = readFileSync(path.join(dir, "s.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<circle /g)).toHaveLength(3);
    expect(html).not.toContain("(so)");
    expect(run(["sensitivity", CA_MAU, "--runs", "20", "--level", "huyen", "-o", path.join(dir, "s.md")]).code).toBe(0);
    expect(readFileSync(path.join(dir, "s.md"), "utf8")).toMatch(/^# Độ nhạy của xếp hạng/);
    const json = JSON.parse(run(["sensitivity", CA_MAU, "--runs", "20", "--level", "so", "-f", "json"]).stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.levels.map((l: { id: string }) => l.id)).toEqual(["so"]);
  });
});

describe("settings: flags over the criteria's sensitivity block over the defaults", () => {
  it("the block sets runs, seed, drop and wide", () => {
    const dir = folder(SMALL);
    const doc = JSON.parse(run(["sensitivity", dir, "-f", "json"]).stdout);
    expect(doc.settings).toEqual({ runs: 40, seed: 9, perturbation: 0.25, weights: true, aggregation: true, missing: true, drop: false, wide: 1 });
    expect(doc.inputs.map((i: { input: string }) => i.input)).toEqual(["weights", "aggregation", "missing"]);
  });

  it("flags win", () => {
    const dir = folder(SMALL);
    const doc = JSON.parse(run(["sensitivity", dir, "-f", "json", "--runs", "30", "--seed", "3", "--drop", "--no-missing", "--perturbation", "0.1", "--wide", "2"]).stdout);
    expect(doc.settings).toEqual({ runs: 30, seed: 3, perturbation: 0.1, weights: true, aggregation: true, missing: false, drop: true, wide: 2 });
    expect(doc.inputs.map((i: { input: string }) => i.input)).toEqual(["weights", "aggregation", "drop"]);
  });
});

describe("bad usage exits 2 with a message that says what to fix", () => {
  it.each([
    [["--runs", "0"], '--runs needs a whole number from 1 to 1000000, not "0"'],
    [["--runs", "1e3x"], '--runs needs a whole number from 1 to 1000000, not "1e3x"'],
    [["--seed", "-1"], '--seed needs a whole number from 0 to 4294967295, not "-1"'],
    [["--perturbation", "1"], '--perturbation needs a number at least 0 and below 1, not "1"'],
    [["--perturbation", "abc"], '--perturbation needs a number at least 0 and below 1, not "abc"'],
    [["--wide", "2.5"], '--wide needs a whole number from 0 to 1000000000, not "2.5"'],
    [["--workers", "many"], '--workers needs a whole number from 0 to 256, not "many"'],
    [["--level", "tinh"], 'unknown level "tinh"'],
    [["-f", "sarif"], "argument 'sarif' is invalid"],
  ])("%j", (args, message) => {
    const r = run(["sensitivity", CA_MAU, "--lang", "en", ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("a sensitivity block with an unknown key is an error with its position", () => {
    const dir = folder({ ...SMALL, "criteria.yaml": SMALL["criteria.yaml"].replace("  drop: false\n", "  dropp: false\n") });
    const r = run(["sensitivity", dir, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/criteria\.yaml:12:3/);
    expect(r.stderr).toContain('"dropp"');
  });
});
