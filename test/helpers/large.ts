// The large-input loader must read an assessment as loadAssessment does: the same diagnostics,
// in the same order, at the same positions, and a dataset that ranks the same. `sameAsObjectLoader`
// checks all of it, for the tests of src/load/large.
import { expect } from "vitest";
import { toColumns } from "../../src/model/columns.ts";
import { scoreColumns } from "../../src/engine/scoring.ts";
import { resultOf } from "../../src/engine/views.ts";
import { score } from "../../src/engine/views.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import type { Overrides } from "../../src/load/manifest.ts";
import { loadLarge, type LargeOptions } from "../../src/load/large/index.ts";
import type { ReadOptions } from "../../src/load/large/read.ts";
import { plainPalette } from "../../src/render/common.ts";
import { rankCsv } from "../../src/render/rank.ts";

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

/** In the main thread, cut into ranges of `chunk` bytes (at most `parallel`). */
export const inProcess = (chunk: number, parallel = 5): LargeOptions => ({ mode: "always", threshold: 0, read: { chunk, parallel, workers: false } });

/** Loads `dir` both ways and expects the same; undefined when the large loader left it to the other. */
export async function sameAsObjectLoader(dir: string, read: Partial<ReadOptions> = {}, overrides: Overrides = {}, { fallbackAllowed = false } = {}) {
  const opts: LargeOptions = { ...inProcess(97), read: { ...inProcess(97).read, ...read } };
  const standard = await loadAssessment(dir, overrides);
  const large = await loadLarge(dir, overrides, opts);
  if ("fallback" in large) {
    if (fallbackAllowed) return undefined;
    throw new Error(`fell back: ${large.fallback}`);
  }
  const l = large.loaded;
  expect(l.diagnostics).toEqual(standard.diagnostics);
  expect(l.inputs).toEqual(standard.inputs);
  expect(l.periods).toEqual(standard.periods);
  expect(Boolean(l.dataset)).toBe(Boolean(standard.dataset));
  if (standard.dataset && l.dataset && standard.criteria) {
    const c = standard.criteria;
    const a = scoreColumns(c, toColumns(c, standard.dataset));
    const b = scoreColumns(c, l.dataset);
    expect(b.diagnostics).toEqual(a.diagnostics);
    const ranked = rankCsv(resultOf(b), o);
    expect(ranked).toBe(rankCsv(resultOf(a), o));
    // and the object engine on the object dataset ranks the same
    expect(ranked).toBe(rankCsv(score(c, standard.dataset), o));
  }
  return { standard, large: l };
}
