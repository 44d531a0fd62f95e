// The CI formats from the built CLI: validate -f sarif|github|junit|gitlab on broken fixtures,
// the JUnit reports of the rank and compare gates, and rank --badge.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folder, run } from "../helpers/exec.ts";
import { validSarif } from "../helpers/sarif.ts";

const BROKEN = "test/fixtures/broken";

describe("validate in the CI formats", () => {
  it.each(["csv-ragged", "yaml-tab-indent", "criteria-unknown-key", "data-unknown-unit", "manifest-unknown-key", "value-not-boolean"])("%s: valid SARIF 2.1.0 with the problems of the table format, exit 2", (name) => {
    const dir = `${BROKEN}/${name}`;
    const sarif = run(["validate", dir, "-f", "sarif", "--lang", "en"]);
    const json = run(["validate", dir, "-f", "json", "--lang", "en"]);
    expect(sarif.code).toBe(2);
    const doc = JSON.parse(sarif.stdout);
    expect(validSarif(doc), JSON.stringify(validSarif.errors)).toBe(true);
    const expected = (JSON.parse(json.stdout).diagnostics as { code: string; file: string | null; line: number | null }[]).map((d) => [d.code, d.file, d.line]);
    const got = (doc.runs[0].results as { ruleId: string; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[]).map((r) => [
      r.ruleId,
      r.locations?.[0]?.physicalLocation.artifactLocation.uri ?? null,
      r.locations?.[0]?.physicalLocation.region?.startLine ?? null,
    ]);
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(expect.arrayContaining(expected));
    expect(got).toHaveLength(expected.length);
  });

  it("a YAML problem is annotated at its line and column; the summary line last", () => {
    const r = run(["validate", `${BROKEN}/yaml-tab-indent`, "-f", "github", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error file=test\/fixtures\/broken\/yaml-tab-indent\/criteria\.yaml,line=\d+,col=\d+,title=egov-score YAML_TAB::a tab is used for indentation%0Afix: /);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^1 error, 0 warnings · checked \d+ files?, 0 units$/);
  });

  it("a CSV problem is annotated at its line; the field number is not given as a character column", () => {
    const r = run(["validate", `${BROKEN}/csv-ragged`, "-f", "github", "--lang", "en"]);
    expect(r.stdout.split("\n")[0]).toBe("::error file=test/fixtures/broken/csv-ragged/data/scores.csv,line=3,title=egov-score CSV_RAGGED::the row has 6 cells but the header has 7%0Afix: a separator inside a cell needs quotes around the cell");
  });

  it("more than ten errors: ten annotations and a notice that counts the rest", () => {
    const rows = Array.from({ length: 14 }, (_, i) => `S${i},x${i}`).join("\n");
    const dir = folder({ "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n", "c.yaml": "id: t\ntitle: T\nversion: 1\nlanguage: en\nlevels:\n  - id: so\nindicators:\n  - { id: a, max: 100, rule: { type: ratio } }\n", "d.csv": `code,a\n${rows}\n` });
    const r = run(["validate", "-f", "github"], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::error file=d.csv,line="))).toHaveLength(10);
    expect(lines.at(-2)).toBe("::notice title=egov-score validate::4 more errors and 0 more warnings are not annotated (GitHub shows 10 errors and 10 warnings per step); `egov-score validate` lists them all");
    expect(lines.at(-1)).toBe("14 errors, 0 warnings · checked 3 files, 14 units");
  });

  it("junit and gitlab into files, the format from -f or the .xml extension", () => {
    const out = folder({});
    const junit = run(["validate", `${BROKEN}/csv-ragged`, "-o", path.join(out, "v.xml"), "--lang", "en"]);
    const gitlab = run(["validate", `${BROKEN}/csv-ragged`, "-f", "gitlab", "-o", path.join(out, "q.json"), "--lang", "en"]);
    expect([junit.code, gitlab.code, junit.stdout, gitlab.stdout]).toEqual([2, 2, "", ""]);
    const xml = readFileSync(path.join(out, "v.xml"), "utf8");
    expect(xml).toContain('<testsuites name="egov-score validate" tests="4" failures="1" errors="0" skipped="0">');
    expect(xml).toContain('<testcase classname="egov-score.validate" name="CSV_RAGGED test/fixtures/broken/csv-ragged/data/scores.csv:3">');
    const issues = JSON.parse(readFileSync(path.join(out, "q.json"), "utf8"));
    expect(issues).toEqual([
      {
        description: "CSV_RAGGED: the row has 6 cells but the header has 7 (fix: a separator inside a cell needs quotes around the cell)",
        check_name: "CSV_RAGGED",
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        severity: "major",
        location: { path: "test/fixtures/broken/csv-ragged/data/scores.csv", lines: { begin: 3 } },
      },
    ]);
  });
});

describe("the gates as JUnit reports, and the badge", () => {
  it("rank -f junit --fail-under: the failures are the units below, exit 1, the stderr list as before", () => {
    const r = run(["rank", "samples/ca-mau-2019", "--level", "xa", "--fail-under", "40", "-f", "junit", "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<testsuites name="egov-score rank --fail-under 40" tests="101" failures="2" errors="0" skipped="1">');
    expect(r.stdout).toContain('<failure type="fail-under" message="39.88%, below 40% (--fail-under 40)">xa 968-12 Xã Phong Lạc: 39.88%, below 40% (--fail-under 40)</failure>');
    expect(r.stderr).toBe("egov-score: 2 ranked units are below 40% (--fail-under 40):\n  xa  968-12  Xã Phong Lạc  39.88%\n  xa  966-04  Xã Khánh Hội  39.86%\n");
  });

  it("rank -f junit covers every unit the gate checks, whatever --top shows", () => {
    const r = run(["rank", "samples/ca-mau-2019", "--level", "huyen", "--top", "2", "--fail-under", "10", "-f", "junit"]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/<testcase /g)).toHaveLength(9);
  });

  it("-f junit without a gate is a usage error", () => {
    const rank = run(["rank", "samples/ca-mau-2019", "-f", "junit", "--lang", "en"]);
    expect(rank.code).toBe(2);
    expect(rank.stderr).toBe("error USAGE_JUNIT_GATE: rank -f junit reports a gate, and no gate was asked for\n  hint: add --fail-under PERCENT\n");
    const compare = run(["compare", "samples/ca-mau-2019", "samples/ca-mau-2020", "-f", "junit", "--lang", "en"]);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toContain("error USAGE_JUNIT_GATE: compare -f junit reports a gate, and no gate was asked for\n  hint: add --fail-on-drop N\n");
  });

  it("compare -f junit --fail-on-drop: a failure per drop, exit 1", () => {
    const r = run(["compare", "samples/ca-mau-2019", "samples/ca-mau-2020", "--level", "huyen", "-f", "junit", "--fail-on-drop", "3", "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<testsuites name="egov-score compare 2019 → 2020 --fail-on-drop 3" tests="9" failures="1" errors="0" skipped="0">');
    expect(r.stdout).toContain('<failure type="rank,band" message="Rank 2 → 6 (↓4); Band: Good → Fair">huyen 966 Huyện U Minh: Rank 2 → 6 (↓4); Band: Good → Fair</failure>');
    expect(r.stderr).toContain("error COMPARE_DROP: 966 Huyện U Minh (huyen)");
  });

  it("rank --badge writes the shields.io endpoint JSON of the selected levels, beside the ranking", () => {
    const out = folder({});
    const badge = path.join(out, "badge.json");
    const r = run(["rank", "samples/un-egdi", "-f", "csv", "--badge", badge, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^level,rank,code/);
    const rows = r.stdout.trimEnd().split("\n").slice(1).map((l) => l.split(","));
    const percents = rows.filter((c) => c[9] !== "not-ranked").map((c) => Number(c[7]));
    const mean = percents.reduce((a, b) => a + b, 0) / percents.length;
    const doc = JSON.parse(readFileSync(badge, "utf8"));
    expect(doc).toEqual({ schemaVersion: 1, label: "egov-score", message: expect.stringMatching(/^\d+\.\d+% · /), color: expect.any(String) });
    expect(Number(doc.message.split("%")[0])).toBeCloseTo(mean, 1);
    // streamed data writes the same badge
    const ca = [path.join(out, "normal.json"), path.join(out, "large.json")];
    expect(run(["rank", "samples/ca-mau-2019", "-f", "csv", "--badge", ca[0] as string]).code).toBe(0);
    expect(run(["rank", "samples/ca-mau-2019", "-f", "csv", "--badge", ca[1] as string], { env: { EGOV_SCORE_LARGE: "always" } }).code).toBe(0);
    expect(readFileSync(ca[1] as string, "utf8")).toBe(readFileSync(ca[0] as string, "utf8"));
    expect(JSON.parse(readFileSync(ca[0] as string, "utf8"))).toEqual({ schemaVersion: 1, label: "egov-score 2019", message: "67.33% · Khá", color: "yellow" });
    const refused = run(["rank", "samples/un-egdi", "--badge", "samples/un-egdi/egdi.csv"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("USAGE_OUTPUT_IS_INPUT");
  });
});
