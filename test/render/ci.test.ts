// The CI formats on hand-made validation reports, results and comparisons: SARIF checked against
// the SARIF 2.1.0 JSON Schema (test/fixtures/sarif, from oasis-tcs/sarif-spec), workflow commands
// with GitHub's escaping and its ten-per-step limit, JUnit XML, the GitLab report, the badge.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diag, type Diagnostic } from "../../src/diag/diagnostic.ts";
import { compare } from "../../src/engine/compare.ts";
import { standing } from "../../src/engine/gates.ts";
import { badgeJson, compareJunit, fileUri, GITHUB_ANNOTATIONS_PER_STEP, rankJunit, validateGithub, validateGitlab, validateJunit, validateSarif, xml } from "../../src/render/ci.ts";
import { plainPalette, type RenderOptions } from "../../src/render/common.ts";
import { FORMATS, formatOfPath } from "../../src/render/formats.ts";
import type { ValidationReport } from "../../src/render/validate.ts";
import { ROOT } from "../helpers/exec.ts";
import { scoreOf } from "../helpers/model.ts";
import { validSarif } from "../helpers/sarif.ts";

const en: RenderOptions = { lang: "en", palette: plainPalette };
const vi: RenderOptions = { lang: "vi", palette: plainPalette };


const REPORT: ValidationReport = {
  files: ["egov-score.yaml", "criteria.yaml", "data/xã 1.csv", "units.csv"],
  units: 3,
  diagnostics: [
    diag("VALUE_NOT_A_NUMBER", "error", { value: "abc", header: "a" }, { file: "data/xã 1.csv", line: 3, column: 2 }),
    diag("CRITERIA_UNKNOWN_KEY", "error", { key: "maxx", path: "indicators[0]" }, { file: "criteria.yaml", line: 9, column: 47 }),
    diag("CSV_UNKNOWN_COLUMN", "warning", { header: "extra" }, { file: "data/xã 1.csv", line: 1, column: 3 }),
    diag("NO_DATA", "error"),
  ],
};

describe("validate -f sarif", () => {
  const doc = JSON.parse(validateSarif(REPORT, en));

  it("is valid SARIF 2.1.0, by the schema", () => {
    expect(validSarif(doc), JSON.stringify(validSarif.errors)).toBe(true);
    const empty = JSON.parse(validateSarif({ files: [], units: 0, diagnostics: [] }, vi));
    expect(validSarif(empty), JSON.stringify(validSarif.errors)).toBe(true);
  });

  it("the schema check can fail: a result without its message is refused", () => {
    const broken = structuredClone(doc);
    delete broken.runs[0].results[0].message;
    expect(validSarif(broken)).toBe(false);
    expect(validSarif({ ...doc, version: "2.0.0" })).toBe(false);
  });

  it("one rule per code found, with its help and a link to its anchor in docs/errors.md", () => {
    const rules = doc.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(["CRITERIA_UNKNOWN_KEY", "CSV_UNKNOWN_COLUMN", "NO_DATA", "VALUE_NOT_A_NUMBER"]);
    expect(rules[0].helpUri).toMatch(/\/docs\/errors\.md#criteria_unknown_key$/);
    expect(rules[0].help.text).toBe("remove it or correct its spelling; `egov-score schema` lists the allowed keys");
    expect(rules[1].defaultConfiguration).toEqual({ level: "warning" });
    // the anchor exists: docs/errors.md has the heading
    const docs = readFileSync(path.join(ROOT, "docs/errors.md"), "utf8");
    for (const r of rules) expect(docs).toContain(`\n### ${r.id}\n`);
  });

  it("results at file, line and column (a character column in YAML; the CSV field kept apart)", () => {
    const results = doc.runs[0].results;
    expect(results.map((r: { ruleId: string }) => r.ruleId)).toEqual(["NO_DATA", "CRITERIA_UNKNOWN_KEY", "CSV_UNKNOWN_COLUMN", "VALUE_NOT_A_NUMBER"]);
    // a problem of no file is placed on the first input, the manifest (code scanning needs a location)
    expect(results[0].locations).toEqual([{ physicalLocation: { artifactLocation: { uri: "egov-score.yaml" } } }]);
    expect(results[1]).toEqual({
      ruleId: "CRITERIA_UNKNOWN_KEY",
      ruleIndex: 0,
      level: "error",
      message: { text: 'unknown key "maxx" in indicators[0] (fix: remove it or correct its spelling; `egov-score schema` lists the allowed keys)' },
      locations: [{ physicalLocation: { artifactLocation: { uri: "criteria.yaml" }, region: { startLine: 9, startColumn: 47 } } }],
    });
    expect(results[3].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "data/x%C3%A3%201.csv" }, region: { startLine: 3 } });
    expect(results[3].properties).toEqual({ field: 2 });
    expect(results[3].ruleIndex).toBe(3);
    expect(JSON.parse(validateSarif(REPORT, vi)).runs[0].results[1].message.text).toContain('khóa "maxx"');
  });

  it.each([
    ["data/xa.csv", "data/xa.csv"],
    ["/tmp/a b/c.yaml", "file:///tmp/a%20b/c.yaml"],
    ["C:\\data\\x#1.csv", "file:///C:/data/x%231.csv"],
    ["../criteria/vn.yaml", "../criteria/vn.yaml"],
  ])("the path %s as the URI %s", (file, uri) => {
    expect(fileUri(file)).toBe(uri);
  });
});

describe("validate -f github", () => {
  it("one workflow command per problem, escaped as GitHub reads them, then the summary", () => {
    const out = validateGithub(
      { ...REPORT, diagnostics: [...REPORT.diagnostics, diag("CSV_UNKNOWN_COLUMN", "warning", { header: "50%,\nx::y" }, { file: "d,1:.csv", line: 1, column: 4 })] },
      en,
    );
    expect(out.split("\n")).toEqual([
      "::error title=egov-score NO_DATA::no data files: the manifest has no data: entry and no --data was given%0Afix: add data: [data/*.csv] to egov-score.yaml, or pass --data FILE",
      '::error file=criteria.yaml,line=9,col=47,title=egov-score CRITERIA_UNKNOWN_KEY::unknown key "maxx" in indicators[0]%0Afix: remove it or correct its spelling; `egov-score schema` lists the allowed keys',
      expect.stringMatching(/^::warning file=d%2C1%3A\.csv,line=1,title=egov-score CSV_UNKNOWN_COLUMN::the column "50%25,%0Ax::y" is not an indicator/),
      expect.stringMatching(/^::warning file=data\/xã 1\.csv,line=1,title=egov-score CSV_UNKNOWN_COLUMN::/),
      expect.stringMatching(/^::error file=data\/xã 1\.csv,line=3,title=egov-score VALUE_NOT_A_NUMBER::"abc" in "a" is not a number/),
      "3 errors, 2 warnings · checked 4 files, 3 units",
      "",
    ]);
  });

  it("annotates ten errors and ten warnings, then counts the rest in one notice", () => {
    const many: Diagnostic[] = [];
    for (let i = 1; i <= 13; i++) many.push(diag("VALUE_NOT_A_NUMBER", "error", { value: "x", header: "a" }, { file: "d.csv", line: i, column: 2 }));
    for (let i = 1; i <= 11; i++) many.push(diag("CSV_UNKNOWN_COLUMN", "warning", { header: "x" }, { file: "e.csv", line: 1, column: i }));
    const lines = validateGithub({ files: ["d.csv", "e.csv"], units: 13, diagnostics: many }, en).trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::error ")).length).toBe(GITHUB_ANNOTATIONS_PER_STEP);
    expect(lines.filter((l) => l.startsWith("::warning ")).length).toBe(GITHUB_ANNOTATIONS_PER_STEP);
    expect(lines.at(-2)).toBe(
      "::notice title=egov-score validate::3 more errors and 1 more warning are not annotated (GitHub shows 10 errors and 10 warnings per step); `egov-score validate` lists them all",
    );
    expect(lines.at(-1)).toBe("13 errors, 11 warnings · checked 2 files, 13 units");
    // the first ones, in file order, are annotated
    expect(lines[0]).toContain("file=d.csv,line=1,");
    expect(validateGithub({ files: ["d.csv"], units: 13, diagnostics: many.slice(0, 13) }, vi)).toContain("còn 3 lỗi và 0 cảnh báo không được chú thích");
  });
});

describe("validate -f junit", () => {
  it("a suite per file: a passing case for a clean file, a failure per error, a warning's text kept", () => {
    const out = validateJunit(REPORT, en);
    expect(out.split("\n")).toEqual(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="egov-score validate" tests="6" failures="3" errors="0" skipped="0">',
        '  <testsuite name="egov-score.yaml" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase classname="egov-score.validate" name="egov-score.yaml"/>',
        "  </testsuite>",
        '  <testsuite name="criteria.yaml" tests="1" failures="1" errors="0" skipped="0">',
        '    <testcase classname="egov-score.validate" name="CRITERIA_UNKNOWN_KEY criteria.yaml:9:47">',
        '      <failure type="CRITERIA_UNKNOWN_KEY" message="unknown key &quot;maxx&quot; in indicators[0]">criteria.yaml:9:47: error CRITERIA_UNKNOWN_KEY: unknown key &quot;maxx&quot; in indicators[0] (fix: remove it or correct its spelling; `egov-score schema` lists the allowed keys)</failure>',
        "    </testcase>",
        "  </testsuite>",
        '  <testsuite name="data/xã 1.csv" tests="2" failures="1" errors="0" skipped="0">',
        '    <testcase classname="egov-score.validate" name="CSV_UNKNOWN_COLUMN data/xã 1.csv:1:3">',
        expect.stringMatching(/^ {6}<system-out>data\/xã 1\.csv:1:3: warning CSV_UNKNOWN_COLUMN: the column &quot;extra&quot; is not an indicator/),
        "    </testcase>",
        '    <testcase classname="egov-score.validate" name="VALUE_NOT_A_NUMBER data/xã 1.csv:3:2">',
        expect.stringMatching(/^ {6}<failure type="VALUE_NOT_A_NUMBER" message="&quot;abc&quot; in &quot;a&quot; is not a number">/),
        "    </testcase>",
        "  </testsuite>",
        '  <testsuite name="units.csv" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase classname="egov-score.validate" name="units.csv"/>',
        "  </testsuite>",
        '  <testsuite name="(input)" tests="1" failures="1" errors="0" skipped="0">',
        '    <testcase classname="egov-score.validate" name="NO_DATA (input)">',
        expect.stringMatching(/^ {6}<failure type="NO_DATA" message="no data files: the manifest has no data: entry and no --data was given">/),
        "    </testcase>",
        "  </testsuite>",
        "</testsuites>",
        "",
      ],
    );
  });
});

// Two levels: so (A 90, B 40, C no data) and xa (X1 30, X2 100); two indicators of 50 points.
const CRITERIA = `id: t
title: T
version: 1
language: en
levels:
  - id: so
    label: { en: Departments }
  - id: xa
indicators:
  - { id: a, max: 50, rule: { type: ratio } }
  - { id: b, max: 50, rule: { type: ratio } }
bands:
  on: percent
  list:
    - { id: good, label: { en: Good }, min: 80 }
    - { id: fair, label: { en: Fair }, min: 50 }
    - { id: weak, label: { en: "Weak <&>" }, min: 0 }
`;
const UNITS = "code,name,level\nA,Sở A,so\nB,B & co,so\nC,C,so\nX1,X1,xa\nX2,X2,xa\n";
const before = scoreOf(CRITERIA, "code,a,b\nA,90,90\nB,40,40\nX1,30,30\nX2,100,100\n", UNITS);
const after = scoreOf(CRITERIA, "code,a,b\nA,30,30\nB,40,40\nC,60,60\nX1,30,30\nX2,100,100\n", UNITS);

describe("rank -f junit", () => {
  it("a suite per level, a case per unit: failed below --fail-under, skipped when not ranked", () => {
    const out = rankJunit(before, { ...en, gate: { failUnder: 50 } }).split("\n");
    expect(out).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="egov-score rank --fail-under 50" tests="5" failures="2" errors="0" skipped="1">',
      '  <testsuite name="Departments (so)" tests="3" failures="1" errors="0" skipped="1">',
      '    <testcase classname="egov-score.rank.so" name="A Sở A">',
      "      <system-out>rank 1 · 90.00% · Good</system-out>",
      "    </testcase>",
      '    <testcase classname="egov-score.rank.so" name="B B &amp; co">',
      '      <failure type="fail-under" message="40.00%, below 50% (--fail-under 50)">so B B &amp; co: 40.00%, below 50% (--fail-under 50)</failure>',
      "    </testcase>",
      '    <testcase classname="egov-score.rank.so" name="C C">',
      '      <skipped message="not ranked: no data submitted"/>',
      "    </testcase>",
      "  </testsuite>",
      '  <testsuite name="xa (xa)" tests="2" failures="1" errors="0" skipped="0">',
      '    <testcase classname="egov-score.rank.xa" name="X2 X2">',
      "      <system-out>rank 1 · 100.00% · Good</system-out>",
      "    </testcase>",
      '    <testcase classname="egov-score.rank.xa" name="X1 X1">',
      '      <failure type="fail-under" message="30.00%, below 50% (--fail-under 50)">xa X1 X1: 30.00%, below 50% (--fail-under 50)</failure>',
      "    </testcase>",
      "  </testsuite>",
      "</testsuites>",
      "",
    ]);
    expect(rankJunit(before, en)).toContain('tests="5" failures="0"');
    expect(rankJunit(before, { ...vi, gate: { failUnder: 50 } })).toContain('message="40.00%, dưới 50% (--fail-under 50)"');
  });
});

describe("compare -f junit", () => {
  const c = compare(before, after, { labels: { before: "2019", after: "2020" } });
  it("a case per unit of the second side, failed for a drop with its reasons", () => {
    const out = compareJunit(c, { ...en, gate: { failOnDrop: 0 } });
    expect(out).toContain('<testsuites name="egov-score compare 2019 → 2020 --fail-on-drop 0" tests="5" failures="1" errors="0" skipped="0">');
    // A fell from 1st to 3rd and from Good to Weak
    expect(out).toContain('<failure type="rank,band" message="Rank 1 → 3 (↓2); Band: Good → Weak &lt;&amp;&gt;">so A Sở A: Rank 1 → 3 (↓2); Band: Good → Weak &lt;&amp;&gt;</failure>');
    expect(compareJunit(c, en)).toContain('failures="0"');
    expect(compareJunit(c, { ...en, gate: { failOnDrop: 5 } })).toContain('<failure type="band"');
  });

  it("a unit gone from the second side is skipped", () => {
    const fewer = scoreOf(CRITERIA, "code,a,b\nA,90,90\nX1,30,30\nX2,100,100\n", "code,name,level\nA,Sở A,so\nX1,X1,xa\nX2,X2,xa\n");
    const out = compareJunit(compare(before, fewer, { labels: { before: "a", after: "b" } }), { ...en, gate: { failOnDrop: 9 } });
    expect(out).toContain('<testcase classname="egov-score.compare.so" name="B B &amp; co">\n      <skipped message="not in b"/>');
    expect(out).toContain('tests="5" failures="0" errors="0" skipped="2"');
  });
});

describe("validate -f gitlab", () => {
  it("the code quality issues: description, check, fingerprint, severity, path and line", () => {
    const issues = JSON.parse(validateGitlab(REPORT, en)) as { fingerprint: string }[];
    expect(issues.map(({ fingerprint, ...rest }) => rest)).toEqual([
      { description: "NO_DATA: no data files: the manifest has no data: entry and no --data was given (fix: add data: [data/*.csv] to egov-score.yaml, or pass --data FILE)", check_name: "NO_DATA", severity: "major", location: { path: "egov-score.yaml", lines: { begin: 1 } } },
      { description: expect.stringMatching(/^CRITERIA_UNKNOWN_KEY: unknown key "maxx"/), check_name: "CRITERIA_UNKNOWN_KEY", severity: "major", location: { path: "criteria.yaml", lines: { begin: 9 } } },
      { description: expect.stringMatching(/^CSV_UNKNOWN_COLUMN: /), check_name: "CSV_UNKNOWN_COLUMN", severity: "minor", location: { path: "data/xã 1.csv", lines: { begin: 1 } } },
      { description: expect.stringMatching(/^VALUE_NOT_A_NUMBER: /), check_name: "VALUE_NOT_A_NUMBER", severity: "major", location: { path: "data/xã 1.csv", lines: { begin: 3 } } },
    ]);
    const prints = issues.map((i) => i.fingerprint);
    expect(new Set(prints).size).toBe(4);
    for (const f of prints) expect(f).toMatch(/^[0-9a-f]{32}$/);
    // stable from one run to the next
    expect((JSON.parse(validateGitlab(REPORT, vi)) as { fingerprint: string }[]).map((i) => i.fingerprint)).toEqual(prints);
    expect(validateGitlab({ files: [], units: 0, diagnostics: [] }, en)).toBe("[]\n");
    // a problem of no file: on the first input, else on egov-score.yaml
    const noFile = [diag("NO_DATA", "error")];
    expect(JSON.parse(validateGitlab({ files: ["2024/egov-score.yaml"], units: 0, diagnostics: noFile }, en))[0].location).toEqual({ path: "2024/egov-score.yaml", lines: { begin: 1 } });
    expect(JSON.parse(validateGitlab({ files: [], units: 0, diagnostics: noFile }, en))[0].location).toEqual({ path: "egov-score.yaml", lines: { begin: 1 } });
    expect(JSON.parse(validateSarif({ files: [], units: 0, diagnostics: noFile }, en)).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("egov-score.yaml");
  });
});

describe("the badge", () => {
  it("the shields.io endpoint: schemaVersion, label, message, colour by band", () => {
    // A 90, B 40, X1 30, X2 100: mean 65, fair (the middle of three bands)
    expect(JSON.parse(badgeJson(standing(before), before.criteria, "2019", "en"))).toEqual({ schemaVersion: 1, label: "egov-score 2019", message: "65.00% · Fair", color: "yellow" });
    const top = scoreOf(CRITERIA, "code,a,b\nA,90,90\n", UNITS);
    expect(JSON.parse(badgeJson(standing(top), top.criteria, undefined, "en"))).toEqual({ schemaVersion: 1, label: "egov-score", message: "90.00% · Good", color: "brightgreen" });
    const low = scoreOf(CRITERIA, "code,a,b\nA,10,10\n", UNITS);
    expect(JSON.parse(badgeJson(standing(low), low.criteria, undefined, "en")).color).toBe("red");
    expect(JSON.parse(badgeJson({ units: 0, percent: null, band: null }, low.criteria, undefined, "vi"))).toEqual({ schemaVersion: 1, label: "egov-score", message: "chưa xếp hạng", color: "lightgrey" });
  });
});

describe("helpers", () => {
  it("xml escapes the five and drops control characters and lone surrogates", () => {
    expect(xml(`a<b>&"c'\u0001\u001b[31m\ud800`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;\ufffd");
  });
  it("an .xml output is JUnit, for the views that have it", () => {
    expect(formatOfPath("out/report.xml")).toBe("junit");
    expect(formatOfPath("results.SARIF")).toBe("sarif");
    expect(FORMATS.validate).toContain("junit");
    // score writes no JUnit: `score -o x.xml` is refused (USAGE_OUTPUT_FORMAT), not a table in x.xml
    expect(FORMATS.score as readonly string[]).not.toContain(formatOfPath("x.xml"));
  });
});
