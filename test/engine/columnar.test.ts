// The columnar engine must give score()'s results to the last bit: the ranking in CSV, JSON and
// as a table, byte for byte, and the same diagnostics, on the samples, the fixtures, generated
// national-style datasets (every rule type, roll-ups, imputation, peer groups) and variants of
// their criteria (mean and geometric aggregation, dense ranks, bands on the score, the error
// policy, roll-ups of a node by median).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.mjs";
import { rankResult, scoreColumns, toColumns } from "../../src/engine/columnar.ts";
import { score } from "../../src/engine/score.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import { plainPalette, type RenderOptions } from "../../src/render/common.ts";
import { rankCsv, rankCsvColumns, rankJson, rankTable } from "../../src/render/rank.ts";
import { select } from "../../src/render/select.ts";
import { ROOT } from "../helpers/exec.ts";

const o: RenderOptions = { lang: "vi", palette: plainPalette };

function both(dir: string) {
  const loaded = loadAssessment(dir, {});
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const criteria = loaded.criteria!;
  const dataset = loaded.dataset!;
  const objects = score(criteria, dataset);
  const columns = scoreColumns(criteria, toColumns(criteria, dataset));
  const lean = scoreColumns(criteria, toColumns(criteria, dataset), { full: false });
  return { objects, columns: rankResult(columns), raw: columns, lean };
}

const excel: RenderOptions = { ...o, csv: { delimiter: ";", decimal: ",", bom: true } };

function expectSame(dir: string) {
  const { objects, columns, raw, lean } = both(dir);
  expect(columns.diagnostics).toEqual(objects.diagnostics);
  expect(rankCsv(columns, o)).toBe(rankCsv(objects, o));
  expect(rankJson(columns, o)).toBe(rankJson(objects, o));
  expect(rankTable(columns, o)).toBe(rankTable(objects, o));
  // the CSV written in pieces, straight from the columns, with --excel, --level and --top
  expect([...rankCsvColumns(raw, o, {}, 7)].join("")).toBe(rankCsv(objects, o));
  expect([...rankCsvColumns(raw, excel)].join("")).toBe(rankCsv(objects, excel));
  expect([...rankCsvColumns(lean, excel, {}, 5)].join("")).toBe(rankCsv(objects, excel));
  const level = objects.levels[objects.levels.length - 1]?.level.id as string;
  expect([...rankCsvColumns(raw, o, { level, top: 3 }, 2)].join("")).toBe(rankCsv(select(select(objects, { level }), { top: 3 }), o));
  return objects;
}

const identity = (c: string): string => c;
const generated = (units: number, seed: number, edit: (criteria: string) => string = identity): string => {
  const dir = mkdtempSync(path.join(tmpdir(), "egov-score-columnar-"));
  generate(dir, units, seed);
  const file = path.join(dir, "criteria.yaml");
  const text = readFileSync(file, "utf8");
  const edited = edit(text);
  expect(edited === text).toBe(edit === identity);
  writeFileSync(file, edited);
  return dir;
};


describe("the columnar engine gives score()'s ranking", () => {
  it.each(["samples/ca-mau-2019", "samples/ca-mau-2020", "samples/ca-mau-2019-self", "samples/un-egdi", "test/fixtures/report"])("%s", (dir) => {
    const r = expectSame(path.join(ROOT, dir));
    expect(r.levels.some((l) => l.units.length > 0)).toBe(true);
  });

  it.each([
    [1, 400],
    [7, 900],
    [42, 1500],
  ])("generated national-style data, seed %i, %i units", (seed, units) => {
    const r = expectSame(generated(units, seed));
    const statuses = new Set(r.levels.flatMap((l) => l.units.map((u) => u.status)));
    expect([...statuses].sort()).toEqual(["incomplete", "not-ranked", "ranked"]);
  });

  it.each([
    ["mean and geometric groups, weights", (c: string) => c.replace("  - id: g1\n", "  - id: g1\n    aggregation: mean\n    max: 20\n").replace("  - id: g2\n", "  - id: g2\n    aggregation: geometric\n    max: 15\n").replace("      - id: i08\n", "      - id: i08\n        weight: 3\n")],
    ["dense ranking on the score, bands on the score", (c: string) => c.replace("ranking: { method: competition, on: percent, decimals: 2 }", "ranking: { method: dense, on: score, decimals: 1 }").replace("  on: percent\n", "  on: score\n")],
    ["a roll-up of a node, by median", (c: string) => c.replace("rule: { type: rollup, level: xa }", "rule: { type: rollup, level: xa, of: g3, stat: median }")],
    ["a roll-up by min, communes by level", (c: string) => c.replace("rule: { type: rollup, level: xa }", "rule: { type: rollup, level: xa, of: i02, stat: min }").replace("    peers: { by: parent }\n", "")],
    ["the whole set under impute-median", (c: string) => c.replace("missing: zero", "missing: impute-median")],
  ])("generated data, criteria with %s", (_what, edit) => {
    expectSame(generated(400, 3, edit));
  });

  it("the error policy: the same MISSING_VALUE diagnostics, at the same cells", () => {
    const { objects, columns } = both(generated(300, 5, (c) => c.replace("missing: zero", "missing: error")));
    expect(objects.diagnostics.length).toBeGreaterThan(10);
    expect(columns.diagnostics).toEqual(objects.diagnostics);
    expect(objects.diagnostics[0]).toMatchObject({ code: "MISSING_VALUE", file: expect.stringMatching(/data\.csv$/), line: expect.any(Number), column: expect.any(Number) });
  });
});

// The sensitivity analysis scores its runs in columns: on every run's criteria (weights and
// maxima perturbed, the total aggregated geometrically, another missing-data policy, an
// indicator dropped) the columnar engine must rank as score() does, with the rates of the
// values kept from one run to the next.
describe("the columnar engine on the criteria of sensitivity runs", () => {
  it.each([
    ["samples/ca-mau-2019", 60],
    ["generated", 30],
  ])("%s", async (dir, runs) => {
    const { DEFAULT_SETTINGS, draw, perturb, plan } = await import("../../src/engine/sensitivity.ts");
    const loaded = loadAssessment(dir === "generated" ? generated(400, 11) : path.join(ROOT, dir), {});
    const criteria = loaded.criteria!;
    const dataset = loaded.dataset!;
    const settings = { ...DEFAULT_SETTINGS, runs, seed: 3 };
    const p = plan(criteria, settings);
    const columns = toColumns(criteria, dataset);
    const at = new Map(criteria.indicators.map((ind, k) => [ind.id, k] as const));
    const seen = { alternative: 0, drop: 0, missing: new Set<string>() };
    // the rates of the values kept from run to run, as the analysis keeps them
    const rates = new WeakMap();
    for (let run = 0; run < runs; run++) {
      const d = draw(p, settings, run);
      if (d.alternative) seen.alternative++;
      if (d.drop >= 0) seen.drop++;
      if (d.missing) seen.missing.add(d.missing);
      const c = perturb(criteria, p, d);
      const cells = c.indicators.map((ind) => columns.cells[at.get(ind.id) as number]!);
      expect(rankCsv(rankResult(scoreColumns(c, { ...columns, cells }, { rates })), o), `run ${run}`).toBe(rankCsv(score(c, dataset), o));
    }
    // the runs tried every kind of choice
    expect(seen.alternative).toBeGreaterThan(0);
    expect(seen.drop).toBeGreaterThan(0);
    expect(seen.missing.size).toBe(3);
  }, 60_000);
});

describe("rates kept between calls", () => {
  it("serve only the same units: columns scored with other units at a level are rated afresh", () => {
    const loaded = loadAssessment(path.join(ROOT, "samples/ca-mau-2019"), {});
    const criteria = loaded.criteria!;
    const columns = toColumns(criteria, loaded.dataset!);
    const rates = new WeakMap();
    const csv = (c: typeof columns, withRates: boolean) => rankCsv(rankResult(scoreColumns(criteria, c, withRates ? { rates } : {})), o);
    expect(csv(columns, true)).toBe(csv(columns, false));
    // the same cells, with the first ten communes left out of the data (level 255: none)
    const xa = criteria.levels.findIndex((l) => l.id === "xa");
    const level = Uint8Array.from(columns.level);
    let moved = 0;
    for (let g = 0; g < level.length && moved < 10; g++) if (level[g] === xa) (level[g] = 255), moved++;
    const fewer = { ...columns, level };
    expect(csv(fewer, true)).toBe(csv(fewer, false));
    expect(csv(fewer, false)).not.toBe(csv(columns, false));
  });
});
