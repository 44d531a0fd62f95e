// Renderers against readable files in test/fixtures/expected/, made from test/fixtures/report.
// Review a change by reading the diff of those files; rewrite them with UPDATE_EXPECTED=1 npm test.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { explain, findUnit } from "../../src/engine/explain.ts";
import { buildReport } from "../../src/engine/report.ts";
import type { Lang } from "../../src/model/criteria.ts";
import { plainPalette, type RenderOptions } from "../../src/render/common.ts";
import { explainJson, explainText } from "../../src/render/explain.ts";
import { gapsHtml, notRankedHtml, pillarsHtml, profilesHtml, rankingHtml, reportHtml, summaryHtml } from "../../src/render/html.ts";
import { rankMd, reportMd } from "../../src/render/markdown.ts";
import { rankCsv } from "../../src/render/rank.ts";
import { ROOT } from "../helpers/exec.ts";
import { REPORT_FIXTURE, scoreFixture } from "../helpers/fixture.ts";

const DIR = path.join(ROOT, "test/fixtures/expected");
const UPDATE = process.env.UPDATE_EXPECTED === "1";

function expectFile(name: string, actual: string): void {
  const file = path.join(DIR, name);
  if (UPDATE || !existsSync(file)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
    if (!UPDATE) throw new Error(`${name} did not exist: written; review it and run the tests again`);
    return;
  }
  expect(actual, `${name} differs: review the change, then UPDATE_EXPECTED=1 npm test`).toBe(readFileSync(file, "utf8"));
}

const result = await scoreFixture(REPORT_FIXTURE);
const report = buildReport(result);
const opts = (lang: Lang): RenderOptions => ({ lang, palette: plainPalette });
const unitOf = (code: string) => {
  const f = findUnit(result, code);
  if (f.kind !== "found") throw new Error(code);
  return f.unit;
};

/** The parts of the HTML report, one level after the other, with a comment naming each. */
function htmlFragments(lang: Lang): string {
  const parts: string[] = [];
  for (const l of report.levels) {
    const named: [string, string][] = [
      ["summary", summaryHtml(report, l, lang)],
      ["ranking", rankingHtml(report, l, lang)],
      ["pillars", pillarsHtml(report, l, lang)],
      ["gaps", gapsHtml(report, l, lang)],
      ["profiles", profilesHtml(report, l, lang)],
      ["not ranked", notRankedHtml(report, l, lang)],
    ];
    for (const [name, html] of named) parts.push(`<!-- ${l.level.id}: ${name} -->\n${html}`);
  }
  return `${parts.join("\n\n")}\n`;
}

describe("renderers against the expected files", () => {
  it("rank.md: GitHub-flavoured tables", () => expectFile("rank.md", rankMd(result, opts("vi"))));
  it("rank.csv: the contract's columns", () => expectFile("rank.csv", rankCsv(result, opts("vi"))));
  it("rank.excel.csv: BOM, semicolons, decimal commas", () => expectFile("rank.excel.csv", rankCsv(result, { ...opts("vi"), csv: { bom: true, delimiter: ";", decimal: "," } })));
  it("report.md in Vietnamese and report.en.md in English", () => {
    expectFile("report.md", reportMd(report, opts("vi")));
    expectFile("report.en.md", reportMd(report, opts("en")));
  });
  it("report.fragments.html: every part of each level, and the whole document holds them", () => {
    const fragments = htmlFragments("vi");
    expectFile("report.fragments.html", fragments);
    const doc = reportHtml(report, opts("vi"));
    for (const part of fragments.split(/\n\n(?=<!-- )/)) expect(doc).toContain(part.replace(/^<!-- .* -->\n/, "").trimEnd());
  });
  it("explain-H2.txt and explain-X3.json", () => {
    expectFile("explain-H2.txt", explainText(explain(result, unitOf("H2")), opts("vi")));
    expectFile("explain-X4.en.txt", explainText(explain(result, unitOf("X4")), opts("en")));
    expectFile("explain-X3.json", explainJson(explain(result, unitOf("X3")), opts("en")));
  });
});
