// `compare` and periods, run as a user runs them: the shipped samples (2019 → 2020, the
// self-assessment against the verification, the series), small fixture folders, every format,
// the regression gate, and bad usage.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { bandedCriteria, points } from "../helpers/criteria.ts";
import { folder, run, runOnce, type Run } from "../helpers/exec.ts";

const Y2019 = "samples/ca-mau-2019";
const Y2020 = "samples/ca-mau-2020";
const SELF = "samples/ca-mau-2019-self";
const SERIES = "samples/ca-mau-series";
const rows = (csv: string): string[][] => parse(csv) as string[][];
/** The same command is run once for the whole file (these runs load whole assessments). */
const cached = runOnce;

const CRITERIA = (indicators: string) => bandedCriteria(indicators);
const POINTS = points;

/** One dataset, a period column: A falls from 1st to 3rd within its band; C rises a band; D is new. */
const ONE_DATASET = {
  "egov-score.yaml": "criteria: criteria.yaml\ndata: [data.csv]\n",
  "criteria.yaml": CRITERIA(POINTS("p")),
  "data.csv": "code,name,period,p\nA,Alpha,2019,90\nB,Beta,2019,80\nC,Gamma,2019,70\nA,Alpha,2020,82\nB,Beta,2020,85\nC,Gamma,2020,84\nD,Delta,2020,60\n",
};

describe("compare on the Cà Mau samples, 2019 → 2020", () => {
  let table: Run;
  let csv: Run;
  let json: Run;
  beforeAll(() => {
    table = cached(["compare", Y2019, Y2020]);
    csv = cached(["compare", Y2019, Y2020, "-f", "csv"]);
    json = cached(["compare", Y2019, Y2020, "-f", "json"]);
  });

  it("prints the movement tables per level, with the summary, and nothing on stderr", () => {
    expect(table.code).toBe(0);
    expect(table.stderr).toBe("");
    const out = table.stdout;
    expect(out).toContain("So sánh: 2019 → 2020");
    expect(out).toContain("Sở, ban, ngành (so) · 2019: 20 đơn vị → 2020: 21 đơn vị");
    expect(out).toContain("UBND cấp xã (xa) · 2019: 101 đơn vị → 2020: 101 đơn vị");
    expect(out).toMatch(/│ +— │ +5 │ +mới │ S21 +│ Đài Phát thanh - Truyền hình Cà Mau/);
    expect(out).toMatch(/│ +2 │ +6 │ +↓4 │ 966 +│ Huyện U Minh .*│ Tốt → Khá/);
    expect(out).toContain("Đơn vị mới: S21 Đài Phát thanh - Truyền hình Cà Mau");
    expect(out).toContain("Ngừng nộp số liệu: 964-13 Xã Hòa Tân");
    expect(out).toContain("Bắt đầu nộp số liệu: 970-09 Xã Tân Dân");
    for (const s of ["Thay đổi bình quân", "Tiến bộ nhiều nhất", "Giảm nhiều nhất", "Chuyển xếp loại (hàng: 2019, cột: 2020)"]) expect(out).toContain(s);
    expect(out).not.toMatch(/\u001b\[/);
  });

  it("csv and json carry the same facts, one row per unit of either year", () => {
    expect(csv.code).toBe(0);
    expect(json.code).toBe(0);
    const r = rows(csv.stdout);
    const head = r[0] as string[];
    const col = (name: string) => head.indexOf(name);
    const j = JSON.parse(json.stdout);
    expect(j.schemaVersion).toBe(1);
    expect(j.labels).toEqual({ before: "2019", after: "2020" });
    expect(j.basis).toBe("score");
    const units = j.levels.flatMap((l: { units: unknown[] }) => l.units) as {
      level: string;
      code: string;
      presence: string;
      before: { rank: number | null; percent: number | null; band: string | null } | null;
      after: { rank: number | null; percent: number | null; band: string | null } | null;
      move: number | null;
      scoreChange: number | null;
      percentChange: number | null;
      bandChange: string | null;
      groups: Record<string, { change: number | null }>;
    }[];
    expect(units).toHaveLength(20 + 1 + 9 + 101);
    const fromJson = units.map((u) =>
      [u.level, u.code, u.presence, u.before?.rank, u.after?.rank, u.move, u.scoreChange, u.percentChange, u.before?.band, u.after?.band, u.bandChange, u.groups["dich-vu-cong"]?.change].map((x) => (x === null || x === undefined ? "" : String(x))),
    );
    const fromCsv = r
      .slice(1)
      .map((c) => ["level", "code", "presence", "rank_before", "rank_after", "move", "score_change", "percent_change", "band_before", "band_after", "band_change", "dich-vu-cong_change"].map((n) => c[col(n)] as string));
    expect(fromJson).toEqual(fromCsv);
    const byCode = new Map(units.map((u) => [u.code, u]));
    expect(byCode.get("S21")?.presence).toBe("new");
    expect(byCode.get("964-13")?.after).toMatchObject({ rank: null, band: null });
    expect(byCode.get("970-09")?.before).toMatchObject({ rank: null });
    const xa = j.levels.find((l: { id: string }) => l.id === "xa").summary;
    expect(xa.stoppedSubmitting).toEqual(["964-13"]);
    expect(xa.startedSubmitting).toEqual(["970-09"]);
    expect(j.levels.find((l: { id: string }) => l.id === "so").summary.new).toEqual(["S21"]);
  });

  it("md and html: the same tables, html self-contained with slope charts", () => {
    const md = run(["compare", Y2019, Y2020, "-f", "md", "--level", "huyen"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("# So sánh: 2019 → 2020");
    expect(md.stdout).toMatch(/\| 2 \| 6 \| ↓4 \| 966 \| Huyện U Minh \|/);
    const dir = folder({});
    const file = path.join(dir, "compare.html");
    const html = run(["compare", Y2019, Y2020, "-o", file]);
    expect(html.code).toBe(0);
    expect(html.stdout).toBe("");
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("<!doctype html>")).toBe(true);
    expect(text.match(/<svg /g)).toHaveLength(3);
    expect(text).not.toMatch(/<script|<link|src=/);
  });

  it("--fail-on-drop: exit 1 listing the units that fell, exit 0 when none did", () => {
    const gate = run(["compare", Y2019, Y2020, "--level", "huyen", "--fail-on-drop", "5", "-f", "csv"]);
    expect(gate.code).toBe(1);
    expect(gate.stdout.startsWith("label_before,")).toBe(true);
    expect(gate.stderr).toContain("COMPARE_DROP: 966 Huyện U Minh (huyen): Xếp loại: Tốt → Khá");
    expect(gate.stderr.trimEnd().split("\n").at(-1)).toBe("1 đơn vị giảm quá 5 hạng, xuống xếp loại thấp hơn, hoặc không còn được xếp hạng");
    const same = run(["compare", Y2019, Y2019, "--fail-on-drop", "0", "-f", "json", "--level", "so"]);
    expect(same.code).toBe(0);
    expect(same.stderr).toBe("");
    expect(JSON.parse(same.stdout).labels).toEqual({ before: "Trước", after: "Sau" });
  });
});

describe("self-assessment against verification", () => {
  it("--labels names the two sides everywhere; verification lowers the over-claimed indicators", () => {
    const t = run(["compare", SELF, Y2019, "--labels", "Tự đánh giá,Thẩm định", "--level", "huyen"]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("So sánh: Tự đánh giá → Thẩm định");
    expect(t.stdout).toContain("Chuyển xếp loại (hàng: Tự đánh giá, cột: Thẩm định)");
    expect(t.stdout).toMatch(/│ +Hạng │ +Hạng │/);
    expect(t.stdout).toMatch(/│ Tự đánh giá │ Thẩm định │/);
    const j = JSON.parse(run(["compare", SELF, Y2019, "--labels", "Tự đánh giá,Thẩm định", "-f", "json"]).stdout);
    expect(j.labels).toEqual({ before: "Tự đánh giá", after: "Thẩm định" });
    for (const l of j.levels) expect(l.summary.meanPercentChange).toBeLessThan(0);
    const so = j.levels.find((l: { id: string }) => l.id === "so");
    // every unit whose verified percentage is lower names the indicators, largest difference first
    for (const u of so.units.filter((x: { percentChange: number }) => x.percentChange < -1)) {
      expect(u.differences.length).toBeGreaterThan(0);
      const sizes = u.differences.map((d: { change: number }) => Math.abs(d.change));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    }
    expect(so.summary.indicators[0].totalChange).toBeLessThan(0);
  });
});

describe("periods of one dataset, and series of folders", () => {
  it("compare DIR --from --to, and the gate both ways", () => {
    const dir = folder(ONE_DATASET);
    const r = run(["compare", dir, "--from", "2019", "--to", "2020", "-f", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = rows(r.stdout);
    const head = out[0] as string[];
    const pick = (c: string[]) => ["label_before", "label_after", "code", "presence", "rank_before", "rank_after", "move", "band_change"].map((n) => c[head.indexOf(n)]);
    expect(out.slice(1).map(pick)).toEqual([
      ["2019", "2020", "B", "both", "2", "1", "1", "same"],
      ["2019", "2020", "C", "both", "3", "2", "1", "up"],
      ["2019", "2020", "A", "both", "1", "3", "-2", "same"],
      ["2019", "2020", "D", "new", "", "4", "", ""],
    ]);
    // the current folder is the default dataset
    const pass = run(["compare", "--from", "2019", "--to", "2020", "--fail-on-drop", "2", "-f", "json"], { cwd: dir });
    expect(pass.code).toBe(0);
    const fail = run(["compare", "--from", "2019", "--to", "2020", "--fail-on-drop", "1", "-f", "json", "--lang", "en"], { cwd: dir });
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain("error COMPARE_DROP: A Alpha (u): Rank 1 → 3 (↓2)");
    expect(fail.stderr).toContain("1 unit(s) fell more than 1 rank(s), to a lower band, or out of the ranking");
  });

  it("a manifest with periods: scores the latest with a note, or the one asked for", () => {
    const dir = folder({
      "egov-score.yaml": 'criteria: criteria.yaml\nperiods:\n  "2019": { data: y2019/*.csv }\n  "2020":\n    data: [y2020/data.csv]\n',
      "criteria.yaml": CRITERIA(POINTS("p")),
      "y2019/data.csv": "code,name,p\nA,Alpha,90\nB,Beta,70\n",
      "y2020/data.csv": "code,name,p\nA,Alpha,60\nB,Beta,75\n",
    });
    const latest = run(["rank", dir, "-f", "csv", "--lang", "en"]);
    expect(latest.code).toBe(0);
    expect(latest.stderr).toContain("note PERIOD_LATEST: the data hold 2 periods (2019, 2020); scoring the latest, 2020");
    expect(rows(latest.stdout).slice(1).map((c) => [c[1], c[2]])).toEqual([["1", "B"], ["2", "A"]]);
    const chosen = run(["rank", dir, "-f", "json", "--period", "2019"]);
    expect(chosen.stderr).toBe("");
    expect(JSON.parse(chosen.stdout).period).toBe("2019");
    const missing = run(["rank", dir, "--period", "2018", "--lang", "en"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/egov-score\.yaml:2:1: error PERIOD_NOT_FOUND: no data for period 2018\n {2}hint: periods in the data: 2019, 2020/);
    const cmp = run(["compare", dir, "--from", "2019", "--to", "2020", "-f", "json"]);
    expect(JSON.parse(cmp.stdout).levels[0].units.map((u: { code: string; move: number }) => [u.code, u.move])).toEqual([["B", 1], ["A", -1]]);
  });

  it("the sample series: each period is an assessment folder; compare gives what the two folders give", () => {
    const rank = run(["rank", SERIES, "--level", "so", "-f", "csv"]);
    expect(rank.code).toBe(0);
    expect(rank.stderr).toContain("PERIOD_LATEST");
    expect(rank.stdout).toContain(",S21,");
    const viaSeries = run(["compare", SERIES, "--from", "2019", "--to", "2020", "-f", "csv"]);
    const viaFolders = cached(["compare", Y2019, Y2020, "-f", "csv"]);
    expect(viaSeries.code).toBe(0);
    expect(viaSeries.stdout).toBe(viaFolders.stdout);
    // the criteria of a series are those of the period's own folder
    const criteria = run(["criteria", SERIES, "--period", "2019", "-f", "json"]);
    expect(criteria.code).toBe(0);
    expect(JSON.parse(criteria.stdout).id).toBe("vn-cqdt-2019");
  });

  it("a series inside a series, and data: beside periods:, are refused", () => {
    const dir = folder({
      "egov-score.yaml": 'periods:\n  "2019": inner\n',
      "inner/egov-score.yaml": 'periods:\n  "2019": ../x\n',
      "both/egov-score.yaml": 'criteria: c.yaml\ndata: [d.csv]\nperiods:\n  "2019": { data: d.csv }\n',
    });
    const nested = run(["rank", dir, "--lang", "en"]);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain("error PERIOD_NESTED: period 2019 points at");
    const both = run(["rank", path.join(dir, "both"), "--lang", "en"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/egov-score\.yaml:2:1: error MANIFEST_DATA_AND_PERIODS/);
  });
});

describe("different criteria on the two sides", () => {
  it("compares on the percentage, lists the indicators on one side, and warns", () => {
    const dir = folder({
      "v1/egov-score.yaml": 'criteria: criteria.yaml\ndata: [data.csv]\nperiod: "2019"\n',
      "v1/criteria.yaml": CRITERIA(POINTS("a", 50) + POINTS("b", 50)),
      "v1/data.csv": "code,a,b\nA,40,40\nB,30,20\n",
      "v2/egov-score.yaml": 'criteria: criteria.yaml\ndata: [data.csv]\nperiod: "2020"\n',
      "v2/criteria.yaml": CRITERIA(POINTS("a", 50) + POINTS("c", 50)).replace('version: "1"', 'version: "2"'),
      "v2/data.csv": "code,a,c\nA,45,25\nB,35,40\n",
    });
    const r = run(["compare", "v1", "v2", "-f", "json", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning COMPARE_DIFFERENT_BASIS: the two sides use different criteria (only in 2019: b; only in 2020: c): totals are not on the same basis");
    const j = JSON.parse(r.stdout);
    expect(j.basis).toBe("percent");
    expect(j.indicators.onlyBefore).toEqual([{ id: "b", label: "b" }]);
    expect(j.indicators.onlyAfter).toEqual([{ id: "c", label: "c" }]);
    expect(j.levels[0].units.map((u: { code: string; scoreChange: number | null; percentChange: number }) => [u.code, u.scoreChange, Math.round(u.percentChange)])).toEqual([
      ["B", null, 25],
      ["A", null, -10],
    ]);
    const t = run(["compare", "v1", "v2", "--lang", "en"], { cwd: dir });
    expect(t.stdout).toContain("The two sides use different criteria: totals are not on the same basis; compared on the percentage");
    expect(t.stdout).toContain("Only in 2019: b (b)");
    expect(t.stdout).not.toContain("± Score");
  });
});

describe("bad usage exits 2 and says what to do", () => {
  it.each([
    [["compare", Y2019], "USAGE_COMPARE_ARGS"],
    [["compare", Y2019, Y2020, "--labels", "only one"], "USAGE_LABELS"],
    [["compare", Y2019, Y2020, "--period", "2019"], "USAGE_COMPARE_PERIOD"],
    [["compare", Y2019, Y2020, "--fail-on-drop=two"], "USAGE_WHOLE"],
    [["compare", Y2019, Y2020, "--level", "tinh"], "USAGE_LEVEL"],
    [["compare", Y2019, "samples/nowhere"], "MANIFEST_NOT_FOUND"],
    [["compare", SERIES, "--from", "2018", "--to", "2020"], "PERIOD_NOT_FOUND"],
  ])("%j", (args, code) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(code);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
