// A file streamed (in byte ranges, on worker threads or in turn) must read as the same file read
// whole: the same diagnostics, in the same order, at the same positions, the same cells, and a
// dataset that ranks the same. `sameAsObjectLoader` (named for the loader the streamed one used to
// be held to) checks all of it, for the tests of src/load/rows.
import { expect } from "vitest";
import { scoreColumns } from "../../src/engine/scoring.ts";
import { resultOf } from "../../src/engine/views.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import type { Overrides } from "../../src/load/manifest.ts";
import { DEFAULT_LOAD, type LoadOptions } from "../../src/load/tables.ts";
import { unitsOf } from "./dataset.ts";
import type { ReadOptions } from "../../src/load/rows/read.ts";
import { plainPalette } from "../../src/render/common.ts";
import { rankCsv } from "../../src/render/rank.ts";
import { scoreCsv } from "../../src/render/score.ts";
import { CELL_FROM_RATIO, stateOf, VALUE, type ColumnarDataset } from "../../src/model/columns.ts";
import type { Criteria } from "../../src/model/criteria.ts";

const o = { lang: "vi" as const, palette: plainPalette };

// Two levels (districts ranked within a kind, communes within their district) and indicators
// of each sort the reader treats apart: a plain number in bounds, a ratio from two columns, a
// yes/no, a category, a count, a missing-as-error value, one that applies to one level only,
// a roll-up of the communes. The manifests that use it name `kind` as an attribute.
export const TWO_LEVELS = `id: t
title: T
version: 1
levels:
  - id: huyen
    peers: { by: attribute, attribute: kind }
  - id: xa
    parent: huyen
    peers: { by: parent }
groups:
  - id: g
    indicators:
      - { id: a, max: 4, rule: { type: ratio } }
      - { id: b, max: 3, rule: { type: boolean } }
      - { id: c, max: 2, levels: [huyen], missing: error, rule: { type: target, target: 50 } }
      - { id: d, max: 5, unit: text, rule: { type: categorical, categories: [{ value: tot, aliases: [tốt], share: 1 }, { value: kha, share: 0.5 }] } }
      - { id: e, max: 2, missing: impute-mean, unit: number, rule: { type: minmax } }
  - id: h
    indicators:
      - { id: f, max: 3, unit: number, rule: { type: steps, steps: [{ atLeast: 4, share: 1 }, { atLeast: 2, share: 0.5 }] } }
      - { id: z, max: 2, missing: exclude, rule: { type: ratio, direction: lower } }
      - { id: r, max: 6, levels: [huyen], rule: { type: rollup, level: xa } }
`;

/** Streamed in the main thread, cut into ranges of `chunk` bytes (at most `parallel`). */
export const inProcess = (chunk: number, parallel = 5): LoadOptions => ({ mode: "always", threshold: 0, read: { chunk, parallel, workers: false } });

/** Every file read whole, none streamed. */
export const WHOLE: LoadOptions = { ...DEFAULT_LOAD, mode: "never" };

/**
 * Loads `dir` streamed and read whole, and expects the same; undefined when no file of it could
 * be streamed (a workbook, another encoding, a long file: read whole either way), unless
 * `fallbackAllowed` is false, when that is an error.
 */
export async function sameAsObjectLoader(dir: string, read: Partial<ReadOptions> = {}, overrides: Overrides = {}, { fallbackAllowed = false } = {}) {
  let streamed = false;
  const opts: LoadOptions = { ...inProcess(97), read: { ...inProcess(97).read, ...read }, begin: () => (streamed = true) };
  const standard = await loadAssessment(dir, overrides, WHOLE);
  const l = await loadAssessment(dir, overrides, opts);
  if (!streamed) {
    if (fallbackAllowed) return undefined;
    throw new Error(`nothing of ${dir} was streamed: there is nothing to hold to the files read whole`);
  }
  expect(l.diagnostics).toEqual(standard.diagnostics);
  expect(l.inputs).toEqual(standard.inputs);
  expect(l.periods).toEqual(standard.periods);
  expect(Boolean(l.dataset)).toBe(Boolean(standard.dataset));
  if (standard.dataset && l.dataset && standard.criteria) {
    const c = standard.criteria;
    const a = scoreColumns(c, standard.dataset);
    const b = scoreColumns(c, l.dataset);
    expect(b.diagnostics).toEqual(a.diagnostics);
    expect(rankCsv(resultOf(b), o)).toBe(rankCsv(resultOf(a), o));
    expect(scoreCsv(resultOf(b), o)).toBe(scoreCsv(resultOf(a), o));
    // the numerators and denominators the loader kept are the cells', as read again
    for (const d of [standard.dataset, l.dataset]) {
      const { kept, read } = ratios(c, d);
      expect(kept).toEqual(read);
    }
    // and every unit's cells, as explain and score show them
    expect(unitsOf(c, l.dataset)).toEqual(unitsOf(c, standard.dataset));
  }
  return { standard, large: l };
}

/**
 * Every quotient cell's numerator and denominator, as the loader kept them in the columns and as
 * the cell read again from its file (cellAt) says: `score` shows the first.
 */
export function ratios(c: Criteria, d: ColumnarDataset): { kept: string[]; read: string[] } {
  const kept: string[] = [];
  const read: string[] = [];
  c.indicators.forEach((ind, k) => {
    const col = d.cells[k];
    if (!col) return;
    for (let g = 0; g < d.size; g++) {
      const st = col.state[g] as number;
      if (stateOf(st) !== VALUE || (st & CELL_FROM_RATIO) === 0) continue;
      const cell = d.cellAt?.(g, k);
      kept.push(`${ind.id} ${d.code[g]} ${col.numerator?.[g]}/${col.denominator?.[g]}`);
      read.push(`${ind.id} ${d.code[g]} ${cell?.kind === "number" ? `${cell.numerator}/${cell.denominator}` : "none"}`);
    }
  });
  return { kept, read };
}
