// The one engine (engine/scoring.ts) and what it keeps: whatever a command asks it to keep (the
// top-level points for a streamed CSV, the top-level nodes for the ranking's other formats, every
// node for score, explain and report), the ranking is the same, byte for byte; the caches a
// sensitivity analysis passes in change nothing but the time. The figures themselves are held by
// the hand-computed tests of score.test.ts and the expected files of test/fixtures/expected/.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.mjs";
import { levelCache } from "../../src/engine/levels.ts";
import { scoreColumns, type Keep } from "../../src/engine/scoring.ts";
import { resultOf } from "../../src/engine/views.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import { NO_LEVEL } from "../../src/model/columns.ts";
import { plainPalette, type RenderOptions } from "../../src/render/common.ts";
import { rankCsv, rankCsvColumns, rankJson, rankTable } from "../../src/render/rank.ts";
import { select } from "../../src/render/select.ts";
import { ROOT } from "../helpers/exec.ts";

const o: RenderOptions = { lang: "vi", palette: plainPalette };
const excel: RenderOptions = { ...o, csv: { delimiter: ";", decimal: ",", bom: true } };

async function load(dir: string) {
  const loaded = await loadAssessment(dir, {});
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return { criteria: loaded.criteria!, dataset: loaded.dataset! };
}

const generated = (units: number, seed: number, edit: (criteria: string) => string = (c) => c): string => {
  const dir = mkdtempSync(path.join(tmpdir(), "egov-score-scoring-"));
  generate(dir, units, seed);
  const file = path.join(dir, "criteria.yaml");
  const text = readFileSync(file, "utf8");
  const edited = edit(text);
  writeFileSync(file, edited);
  return dir;
};

/** The ranking in every form, from a scoring that keeps `keep`. */
async function rankings(dir: string) {
  const { criteria, dataset } = await load(dir);
  const columns = dataset;
  const scored = (keep: Keep) => scoreColumns(criteria, columns, { keep });
  const all = scored("all");
  const full = resultOf(all);
  const top = resultOf(scored("top"));
  const points = scored("points");
  // the CSV written in pieces from the columns is the CSV of the result model, under any keep,
  // with --excel, and with --level and --top
  const csv = rankCsv(full, o);
  expect([...rankCsvColumns(points, o, {}, 7)].join("")).toBe(csv);
  expect([...rankCsvColumns(all, o)].join("")).toBe(csv);
  expect([...rankCsvColumns(points, excel, {}, 5)].join("")).toBe(rankCsv(full, excel));
  const level = full.levels[full.levels.length - 1]?.level.id as string;
  expect([...rankCsvColumns(points, o, { level, top: 3 }, 2)].join("")).toBe(rankCsv(select(select(full, { level }), { top: 3 }), o));
  // the top-level nodes kept alone are the same as when every node is kept
  expect(rankJson(top, o)).toBe(rankJson(full, o));
  expect(rankTable(top, o)).toBe(rankTable(full, o));
  for (const [l, lv] of full.levels.entries()) {
    lv.units.forEach((u, i) => {
      const t = top.levels[l]?.units[i];
      expect(t?.code).toBe(u.code);
      for (const id of Object.keys(t?.nodes ?? {})) expect(t?.nodes[id]).toEqual({ ...u.nodes[id], detail: undefined, cell: undefined, missing: undefined });
    });
  }
  expect(points.diagnostics).toEqual(all.diagnostics);
  return full;
}

describe("whatever the engine keeps, the ranking is the same", () => {
  it.each(["samples/ca-mau-2019", "samples/ca-mau-2020", "samples/ca-mau-2019-self", "samples/un-egdi", "test/fixtures/report", "test/fixtures/hostile", "test/fixtures/accepted/long-and-wide", "test/fixtures/accepted/not-applicable"])("%s", async (dir) => {
    const r = await rankings(path.join(ROOT, dir));
    expect(r.levels.some((l) => l.units.length > 0)).toBe(true);
  });

  it.each([
    ["as generated", (c: string) => c],
    ["mean and geometric groups, weights", (c: string) => c.replace("  - id: g1\n", "  - id: g1\n    aggregation: mean\n    max: 20\n").replace("  - id: g2\n", "  - id: g2\n    aggregation: geometric\n    max: 15\n").replace("      - id: i08\n", "      - id: i08\n        weight: 3\n")],
    ["dense ranking on the score, bands on the score", (c: string) => c.replace("ranking: { method: competition, on: percent, decimals: 2 }", "ranking: { method: dense, on: score, decimals: 1 }").replace("  on: percent\n", "  on: score\n")],
    ["a roll-up of a node, by median", (c: string) => c.replace("rule: { type: rollup, level: xa }", "rule: { type: rollup, level: xa, of: g3, stat: median }")],
    ["the whole set under impute-median", (c: string) => c.replace("missing: zero", "missing: impute-median")],
  ])("generated national-style data, criteria %s", async (_what, edit) => {
    const r = await rankings(generated(600, 7, edit));
    const statuses = new Set(r.levels.flatMap((l) => l.units.map((u) => u.status)));
    expect([...statuses].sort()).toEqual(["incomplete", "not-ranked", "ranked"]);
  });

  it("the error policy: MISSING_VALUE at the empty cell of each submitted unit, under any keep", async () => {
    const { criteria, dataset } = await load(generated(300, 5, (c) => c.replace("missing: zero", "missing: error")));
    const columns = dataset;
    const all = scoreColumns(criteria, columns, { keep: "all" }).diagnostics;
    expect(all.length).toBeGreaterThan(10);
    expect(scoreColumns(criteria, columns, { keep: "points" }).diagnostics).toEqual(all);
    const d = all[0]!;
    expect(d).toMatchObject({ code: "MISSING_VALUE", file: expect.stringMatching(/data\.csv$/), line: expect.any(Number), column: expect.any(Number) });
    // the place is the cell of that unit's row, and it is empty
    const row = readFileSync(d.file as string, "utf8").split(/\r?\n/)[(d.line as number) - 1]!.split(",");
    expect(row[(d.column as number) - 1]).toBe("");
    expect(row).toContain(d.args.unit);
  });
});

// A sensitivity analysis scores one dataset a thousand times under perturbed criteria, with the
// rates of the values and the levels' units kept from one run to the next: the same ranking as
// a scoring from nothing, on every run's criteria (weights and maxima perturbed, the total
// aggregated geometrically, another missing-data policy, an indicator dropped).
describe("the caches a sensitivity analysis passes in", () => {
  it.each([
    ["samples/ca-mau-2019", 60],
    ["generated", 30],
  ])("%s", async (dir, runs) => {
    const { DEFAULT_SETTINGS, draw, perturb, plan } = await import("../../src/engine/sensitivity.ts");
    const { criteria, dataset } = await load(dir === "generated" ? generated(400, 11) : path.join(ROOT, dir));
    const settings = { ...DEFAULT_SETTINGS, runs, seed: 3 };
    const p = plan(criteria, settings);
    const columns = dataset;
    const at = new Map(criteria.indicators.map((ind, k) => [ind.id, k] as const));
    const seen = { alternative: 0, drop: 0, missing: new Set<string>() };
    const rates = new WeakMap();
    const levels = levelCache();
    for (let run = 0; run < runs; run++) {
      const d = draw(p, settings, run);
      if (d.alternative) seen.alternative++;
      if (d.drop >= 0) seen.drop++;
      if (d.missing) seen.missing.add(d.missing);
      const c = perturb(criteria, p, d);
      const cells = c.indicators.map((ind) => columns.cells[at.get(ind.id) as number]!);
      const cached = resultOf(scoreColumns(c, { ...columns, cells }, { rates, levels, keep: "top" }));
      // (the same columns, laid out for the perturbed criteria, without the caches)
      const fresh = resultOf(scoreColumns(c, { ...columns, cells: [...cells] }, { keep: "top" }));
      expect(rankCsv(cached, o), `run ${run}`).toBe(rankCsv(fresh, o));
    }
    expect(seen.alternative).toBeGreaterThan(0);
    expect(seen.drop).toBeGreaterThan(0);
    expect(seen.missing.size).toBe(3);
  }, 60_000);

  it("serve only the same units: columns scored with other units at a level are rated and grouped afresh", async () => {
    const { criteria, dataset } = await load(path.join(ROOT, "samples/ca-mau-2019"));
    const columns = dataset;
    const rates = new WeakMap();
    const levels = levelCache();
    const csv = (c: typeof columns, cached: boolean) => rankCsv(resultOf(scoreColumns(criteria, c, cached ? { rates, levels, keep: "top" } : { keep: "top" })), o);
    expect(csv(columns, true)).toBe(csv(columns, false));
    // the same cells, with the first ten communes left out of the data
    const xa = criteria.levels.findIndex((l) => l.id === "xa");
    const level = Uint8Array.from(columns.level);
    let moved = 0;
    for (let g = 0; g < level.length && moved < 10; g++) if (level[g] === xa) (level[g] = NO_LEVEL), moved++;
    const fewer = { ...columns, level };
    expect(csv(fewer, true)).toBe(csv(fewer, false));
    expect(csv(fewer, false)).not.toBe(csv(columns, false));
  });
});
