// The CI examples, run as the jobs run them: every egov-score command of
// examples/github-actions.yml and examples/gitlab-ci.yml, on a copy of the Cà Mau sample laid out
// as a data repository (egov-score.yaml at its root), with GITHUB_STEP_SUMMARY set. Then the
// gates: --fail-under failing with exit 1, validate --strict failing on a warning, and a job
// summary that cannot be written.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { folder, ROOT, run } from "../helpers/exec.ts";
import { validSarif } from "../helpers/sarif.ts";

/** Lines of the examples that set up the job rather than run egov-score; the test has its own build. */
const SETUP = ["npm ci", "npm ci --cache .npm --prefer-offline"];

/** Every shell line of a workflow: `run:` steps (GitHub) and script/before_script lists (GitLab). */
function shellLines(file: string): string[] {
  const doc = parseYaml(readFileSync(path.join(ROOT, file), "utf8")) as unknown;
  const out: string[] = [];
  const visit = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) {
      if (key === "script" || key === "before_script") out.push(...v.map(String));
      else v.forEach((x) => visit(x));
    } else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "run" && typeof x === "string") out.push(...x.split("\n"));
        else visit(x, k);
      }
    }
  };
  visit(doc);
  return out.map((l) => l.trim()).filter((l) => l !== "");
}

/** `npx egov-score rank --fail-under 30` -> ["rank", "--fail-under", "30"] (the examples quote nothing). */
const argsOf = (line: string): string[] => line.replace(/^npx egov-score\s+/, "").split(/\s+/);

/** A data repository: the sample's manifest at the root, its criteria copied beside it. */
function dataRepository(): string {
  const repo = folder({});
  cpSync(path.join(ROOT, "samples/ca-mau-2019"), repo, { recursive: true });
  mkdirSync(path.join(repo, "criteria"));
  cpSync(path.join(ROOT, "criteria/vn-cqdt-2019.yaml"), path.join(repo, "criteria/vn-cqdt-2019.yaml"));
  const manifest = path.join(repo, "egov-score.yaml");
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace("../../criteria/", "criteria/"));
  return repo;
}

describe("the CI examples", () => {
  const github = shellLines("examples/github-actions.yml");
  const gitlab = shellLines("examples/gitlab-ci.yml");
  const commands = [...new Set([...github, ...gitlab].filter((l) => !SETUP.includes(l)))];
  let repo: string;
  let summary: string;
  const results = new Map<string, ReturnType<typeof run>>();

  beforeAll(() => {
    repo = dataRepository();
    summary = path.join(repo, "summary.md");
    writeFileSync(summary, "# earlier step\n\n");
    for (const line of commands) results.set(line, run(argsOf(line), { cwd: repo, env: { GITHUB_STEP_SUMMARY: summary } }));
  }, 60_000);

  it("every line is an egov-score command this test runs, or the job's setup", () => {
    for (const l of [...github, ...gitlab]) expect(SETUP.includes(l) || l.startsWith("npx egov-score ")).toBe(true);
    expect(commands).toEqual([
      "npx egov-score validate --strict -f github",
      "npx egov-score validate --strict -f sarif -o egov-score.sarif",
      "npx egov-score rank --fail-under 30 -f junit -o egov-score-junit.xml --badge badge.json",
      "npx egov-score report -o report.html",
      "npx egov-score report -o report.xlsx",
      "npx egov-score validate --strict -f junit -o validate-junit.xml",
      "npx egov-score rank --fail-under 30 -f junit -o rank-junit.xml --badge badge.json",
      "npx egov-score rank -o ranking.csv",
      "npx egov-score validate --strict -f gitlab -o gl-code-quality-report.json",
    ]);
  });

  it("run green on the sample, the report as HTML and as a workbook", () => {
    expect(readFileSync(path.join(repo, "report.html"), "utf8")).toContain("<svg");
    expect(readFileSync(path.join(repo, "report.xlsx")).subarray(0, 2).toString()).toBe("PK");
    for (const [line, r] of results) expect({ line, code: r.code, stderr: r.stderr }).toEqual({ line, code: 0, stderr: "" });
    // a clean sample: no annotation, only the summary line
    expect(results.get("npx egov-score validate --strict -f github")?.stdout).toBe("0 lỗi, 0 cảnh báo · đã kiểm tra 6 tệp, 130 đơn vị\n");
    const sarif = JSON.parse(readFileSync(path.join(repo, "egov-score.sarif"), "utf8"));
    expect(validSarif(sarif), JSON.stringify(validSarif.errors)).toBe(true);
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].artifacts).toHaveLength(6);
    for (const f of ["egov-score-junit.xml", "rank-junit.xml"]) {
      const junit = readFileSync(path.join(repo, f), "utf8");
      expect(junit).toContain('<testsuites name="egov-score rank --fail-under 30" tests="130" failures="0" errors="0" skipped="1">');
      expect(junit).toContain('<testsuite name="UBND cấp xã (xa)" tests="101" failures="0" errors="0" skipped="1">');
    }
    expect(readFileSync(path.join(repo, "validate-junit.xml"), "utf8")).toContain('<testsuites name="egov-score validate" tests="6" failures="0" errors="0" skipped="0">');
    expect(JSON.parse(readFileSync(path.join(repo, "gl-code-quality-report.json"), "utf8"))).toEqual([]);
    const badge = JSON.parse(readFileSync(path.join(repo, "badge.json"), "utf8"));
    expect(badge).toEqual({ schemaVersion: 1, label: "egov-score 2019", message: expect.stringMatching(/^\d+\.\d\d% · /), color: expect.any(String) });
    const csv = parseCsv(readFileSync(path.join(repo, "ranking.csv"), "utf8")) as string[][];
    expect(csv[0]?.slice(0, 3)).toEqual(["level", "rank", "code"]);
    expect(csv).toHaveLength(1 + 130);
  });

  it("each step appends its summary to GITHUB_STEP_SUMMARY, after what was there", () => {
    const text = readFileSync(summary, "utf8");
    const headings = text.split("\n").filter((l) => l.startsWith("## ") || l.startsWith("# "));
    const ok = (c: string) => `## egov-score ${c}: ✅ đạt`;
    expect(headings.map((h) => h.replace(/ · .*/, ""))).toEqual(["# earlier step", ok("validate"), ok("validate"), ok("rank"), ok("report"), ok("report"), ok("validate"), ok("rank"), ok("rank"), ok("validate")]);
    expect(text).toContain("(--strict: cảnh báo được tính là lỗi)");
    expect(text).toContain("✅ Mọi đơn vị xếp hạng đạt từ 30% trở lên (`--fail-under 30`).");
    expect(text).toContain("| UBND cấp xã (`xa`) | 101 | 100 | 1 | 1 | 13 | 37 | 30 | 19 |");
    expect(text).toContain("| 100 | `966-04` | Xã Khánh Hội | 38,66 | 97,00 | 39,86 | Yếu |");
  });

  it("a gate that fails exits 1, names the units below it, and still prints the ranking", () => {
    const r = run(["rank", "--fail-under", "40", "--level", "xa", "--lang", "en"], { cwd: repo, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Commune People's Committees (xa) · 101 units, 100 ranked");
    expect(r.stderr).toBe("egov-score: 2 ranked units are below 40% (--fail-under 40):\n  xa  968-12  Xã Phong Lạc  39.88%\n  xa  966-04  Xã Khánh Hội  39.86%\n");
    const last = readFileSync(summary, "utf8").split("## egov-score rank").at(-1) ?? "";
    expect(last).toContain(": ❌ failed");
    expect(last).toContain("❌ 2 ranked units are below 40% (`--fail-under 40`):\n\n- `xa` `968-12` Xã Phong Lạc: 39.88%\n- `xa` `966-04` Xã Khánh Hội: 39.86%");
  });
});

describe("gates and summaries on small folders", () => {
  const criteria = `id: t
title: T
version: 1
language: en
levels:
  - id: so
indicators:
  - { id: a, max: 100, rule: { type: ratio } }
`;

  it("validate --strict fails on a warning that validate lets pass, and the summary says why", () => {
    const dir = folder({ "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n", "c.yaml": criteria, "d.csv": "code,a,extra\nS1,50,1\n" });
    const summary = path.join(dir, "summary.md");
    const lax = run(["validate", "-q"], { cwd: dir });
    const strict = run(["validate", "--strict"], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect([lax.code, strict.code]).toEqual([0, 2]);
    expect(strict.stdout).toContain("d.csv:1:3: error CSV_UNKNOWN_COLUMN");
    expect(readFileSync(summary, "utf8")).toBe(
      [
        "## egov-score validate: ❌ failed · T",
        "",
        "(--strict: warnings count as errors)",
        "",
        "Checked 3 files, 1 units.",
        "",
        "| Level | Units | Ranked | Not ranked |",
        "| --- | --: | --: | --: |",
        "| so (`so`) | 1 | 1 | 0 |",
        "",
        "### Problems: 1 error, 0 warnings",
        "",
        '- **error** `CSV_UNKNOWN_COLUMN` `d.csv:1:3`: the column "extra" is not an indicator of the criteria',
        "",
        "",
      ].join("\n"),
    );
  });

  it("a summary that cannot be written is a warning; the gate still decides the exit code", () => {
    const dir = folder({ "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n", "c.yaml": criteria, "d.csv": "code,a\nS1,50\nS2,70\n", "summary.md/keep": "" });
    const r = run(["rank", "--fail-under", "60", "-f", "csv"], { cwd: dir, env: { GITHUB_STEP_SUMMARY: path.join(dir, "summary.md") } });
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")[2]).toBe("so,2,S1,S1,,50,100,50,,,ranked,50");
    expect(r.stderr).toMatch(/^warning SUMMARY_WRITE_FAILED: cannot append the job summary to .*summary\.md \(GITHUB_STEP_SUMMARY\): EISDIR\n/);
    expect(r.stderr).toContain("egov-score: 1 ranked unit is below 60% (--fail-under 60):\n  so  S1  S1  50.00%\n");
  });

  it("a bad --fail-under value stops before anything is read", () => {
    const r = run(["rank", "--fail-under", "120", "/nonexistent"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--fail-under <percent>' argument '120' is invalid. a percentage between 0 and 100 is expected");
  });

  it("input errors stop rank with exit 2, and the summary lists them", () => {
    const dir = folder({ "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n", "c.yaml": criteria, "d.csv": "code,a\nS1,abc\n" });
    const summary = path.join(dir, "summary.md");
    const r = run(["rank", "--fail-under", "50"], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(2);
    expect(readFileSync(summary, "utf8")).toBe(
      '## egov-score rank: ❌ stopped on errors\n\n### Problems: 1 error, 0 warnings\n\n- **error** `VALUE_NOT_A_NUMBER` `d.csv:2:2`: "abc" in "a" is not a number\n\n',
    );
  });
});

describe("configuration discovery", () => {
  it("from a subfolder, the nearest egov-score.yaml upward is used, and --verbose names it", () => {
    const r = run(["rank", "--level", "huyen", "-f", "csv", "--verbose"], { cwd: path.join(ROOT, "samples/ca-mau-2019/data") });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`egov-score: dùng manifest ${path.join(ROOT, "samples/ca-mau-2019/egov-score.yaml")}\n`);
    expect(r.stdout.split("\n")[1]).toMatch(/^huyen,1,970,Huyện Đầm Dơi,/);
  });

  it("with no manifest up to the root, says where it looked", () => {
    const dir = folder({ "sub/x.txt": "" });
    const r = run(["validate"], { cwd: path.join(dir, "sub") });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`error MANIFEST_NOT_FOUND: no egov-score.yaml in ${path.join(dir, "sub")} or any folder above it, and no --criteria and --data given`);
  });
});
