// The `score` rows of every format (render/score.ts indicatorRows: the scoring's arrays, read
// through engine/views.ts indicatorRowViews) say what each unit's node objects say (the cell as
// read, the computed value, how a missing value was handled, whether the indicator applies):
// on the samples, the fixtures with computed indicators, roll-ups and "not applicable" cells, and
// generated assessments with every rule type and missing-data policy, read whole and streamed;
// with --level too. And the CSV, written from the digits the loader kept, is those rows.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.mjs";
import { score } from "../../src/engine/views.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import type { LoadOptions } from "../../src/load/tables.ts";
import type { Criteria } from "../../src/model/criteria.ts";
import type { NodeScore, Result, UnitResult } from "../../src/model/result.ts";
import { defaultCsv, machine, plainPalette } from "../../src/render/common.ts";
import { indicatorRows, scoreCsv, scoreInput, type IndicatorRow, type IndicatorStatus } from "../../src/render/score.ts";
import { select } from "../../src/render/select.ts";
import { inProcess, WHOLE } from "../helpers/large.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

async function scored(dir: string, how: LoadOptions = WHOLE): Promise<Result> {
  const l = await loadAssessment(dir, {}, how);
  expect(l.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return score(l.criteria as Criteria, l.dataset as NonNullable<typeof l.dataset>);
}

/** A row as the unit's node object has it (how the rows were made before they were read off the columns). */
function fromObject(u: UnitResult, n: NodeScore, max: number): IndicatorRow {
  const submitted = u.status !== "not-ranked";
  const cell = n.cell;
  const status: IndicatorStatus = !submitted ? "not-submitted" : !n.applicable ? "not-applicable" : n.missing === "exclude" ? "excluded" : n.missing === "impute-mean" || n.missing === "impute-median" ? "imputed" : n.missing ? "missing" : "scored";
  return {
    level: u.level,
    code: u.code,
    name: u.name,
    indicator: n.id,
    value: n.formula ? n.formula().value : !cell || cell.kind === "na" ? null : cell.value,
    numerator: cell?.kind === "number" ? (cell.numerator ?? null) : null,
    denominator: cell?.kind === "number" ? (cell.denominator ?? null) : null,
    rate: submitted ? machine(n.rate) : null,
    points: submitted ? machine(n.points) : null,
    max: n.applicable ? machine(max) : null,
    status,
  };
}

function expectRowsOfObjects(r: Result): number {
  const rows = indicatorRows(scoreInput(r));
  const want: IndicatorRow[] = [];
  for (const l of r.levels) {
    const inds = r.criteria.indicators.filter((i) => i.maxByLevel.has(l.level.id));
    for (const u of l.units) for (const i of inds) want.push(fromObject(u, u.nodes[i.id] as NodeScore, i.maxByLevel.get(l.level.id) as number));
  }
  expect(rows).toEqual(want);
  // the CSV is the rows, field for field (the numbers as machine() writes them)
  const csv = parse(scoreCsv(r, { lang: "en", palette: plainPalette, csv: defaultCsv }), { columns: true }) as Record<string, string>[];
  const text = (x: IndicatorRow[keyof IndicatorRow]) => (x === null ? "" : typeof x === "boolean" ? (x ? "yes" : "no") : typeof x === "number" ? String(machine(x)) : x);
  expect(csv).toEqual(want.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, text(v)]))));
  return rows.length;
}

describe("score rows: read off the scoring's columns, they say what the units' nodes say", () => {
  const folders = [
    ...["ca-mau-2019", "ca-mau-2024", "un-egdi", "vn-766-dbscl", "ca-mau-2019-self", "ca-mau-reform"].map((s) => path.join(ROOT, "samples", s)),
    ...["report", "computed", "applies", "views"].map((f) => path.join(ROOT, "test/fixtures", f)),
  ];
  it.each(folders)("%s", async (dir) => {
    expect(expectRowsOfObjects(await scored(dir))).toBeGreaterThan(0);
  });

  describe("generated assessments: every rule type, ratios of two columns, each missing-data policy", () => {
    let mixed: string;
    let submissions: string;
    beforeAll(() => {
      const dir = mkdtempSync(path.join(tmpdir(), "egov-score-rows-"));
      mixed = path.join(dir, "mixed");
      submissions = path.join(dir, "submissions");
      generate(mixed, 400, 7);
      generate(submissions, 300, 8, "submissions");
    });

    it("mixed, read whole and streamed", async () => {
      const whole = await scored(mixed);
      const statuses = new Set(indicatorRows(scoreInput(whole)).map((x) => x.status));
      // (the generator's data reach every status a row can have)
      expect([...statuses].sort()).toEqual(["excluded", "imputed", "missing", "not-applicable", "not-submitted", "scored"]);
      expect(expectRowsOfObjects(whole)).toBeGreaterThan(10_000);
      const streamed = await scored(mixed, inProcess(4096));
      expect(expectRowsOfObjects(streamed)).toBe(indicatorRows(scoreInput(whole)).length);
    });

    it("submissions (values of two decimals, N/A cells)", async () => {
      expect(expectRowsOfObjects(await scored(submissions))).toBeGreaterThan(10_000);
    });

    it("--level: the rows of that level only, the same as unnarrowed", async () => {
      const r = await scored(mixed);
      const xa = select(r, { level: "xa" });
      const rows = indicatorRows(scoreInput(xa));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(indicatorRows(scoreInput(r)).filter((x) => x.level === "xa"));
      expectRowsOfObjects(xa);
    });
  });
});
