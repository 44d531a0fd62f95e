// The audit of the two samples against an independent computation: scripts/audit-reference.py
// (pandas, numpy, scipy) run once on what egov-score scored; its figures are committed in
// test/fixtures/audit/. Every figure must agree to 1e-9, every count and flag exactly.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { audit, type LevelAudit } from "../../src/engine/audit.ts";
import { score } from "../../src/engine/views.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import { ROOT } from "../helpers/exec.ts";

type Num = number | null;
interface RefIndicator {
  pillar: string;
  applicable: number;
  available: number;
  availability: Num;
  distribution: Record<string, Num>;
  constant: boolean;
  outliers: boolean;
  withPillar: { pearson: Num; spearman: Num };
  withTotal: { pearson: Num; spearman: Num };
  nominal: Num;
  winsorised: { count: number; units: string[]; skewness: Num; kurtosis: Num; cleared: boolean } | null;
  importance: Num;
  ratio: Num;
}
interface RefLevel {
  units: number;
  indicators: Record<string, RefIndicator>;
  pillars: Record<string, { indicators: string[]; complete: number; alpha: Num; pc1: Num }>;
  collinear: { a: string; b: string; pearson: number }[];
  unitAvailability: Record<string, { applicable: number; available: number; share: number }>;
  matrix: Record<string, Num>;
  winsorEffect: { units: number; moved: number; maxMove: number } | null;
}

const TOLERANCE = 1e-9;
/** Numbers within the tolerance, nulls where the reference has none, the path named on failure. */
function close(actual: Num | undefined, expected: Num, what: string): void {
  if (expected === null) {
    expect(actual ?? null, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(TOLERANCE);
}

function check(l: LevelAudit, ref: RefLevel): number {
  let compared = 0;
  const n = (a: Num | undefined, e: Num, what: string) => {
    close(a, e, `${l.level.id} ${what}`);
    compared++;
  };
  expect(l.units).toBe(ref.units);
  expect(l.indicators.map((i) => i.id)).toEqual(Object.keys(ref.indicators));
  for (const i of l.indicators) {
    const r = ref.indicators[i.id] as RefIndicator;
    expect([i.pillar, i.applicable, i.available, i.constant, i.outliers], i.id).toEqual([r.pillar, r.applicable, r.available, r.constant, r.outliers]);
    n(i.availability, r.availability, `${i.id} availability`);
    for (const k of ["n", "min", "max", "mean", "median", "sd", "skewness", "kurtosis"] as const) n(i.distribution[k], r.distribution[k] ?? null, `${i.id} ${k}`);
    n(i.withPillar.pearson, r.withPillar.pearson, `${i.id} pearson pillar`);
    n(i.withPillar.spearman, r.withPillar.spearman, `${i.id} spearman pillar`);
    n(i.withTotal.pearson, r.withTotal.pearson, `${i.id} pearson total`);
    n(i.withTotal.spearman, r.withTotal.spearman, `${i.id} spearman total`);
    n(i.nominal, r.nominal, `${i.id} nominal`);
    n(i.importance, r.importance, `${i.id} importance`);
    n(i.ratio, r.ratio, `${i.id} ratio`);
    if (r.winsorised === null) expect(i.winsorised, i.id).toBeNull();
    else {
      expect([i.winsorised?.count, i.winsorised?.units, i.winsorised?.cleared], i.id).toEqual([r.winsorised.count, r.winsorised.units, r.winsorised.cleared]);
      n(i.winsorised?.skewness, r.winsorised.skewness, `${i.id} skewness after`);
      n(i.winsorised?.kurtosis, r.winsorised.kurtosis, `${i.id} kurtosis after`);
    }
  }
  expect(l.pillars.map((p) => p.id)).toEqual(Object.keys(ref.pillars));
  for (const p of l.pillars) {
    const r = ref.pillars[p.id] as RefLevel["pillars"][string];
    expect([p.indicators, p.complete], p.id).toEqual([r.indicators, r.complete]);
    n(p.alpha, r.alpha, `${p.id} alpha`);
    n(p.pc1, r.pc1, `${p.id} pc1`);
  }
  expect(l.collinear.map((c) => [c.a, c.b])).toEqual(ref.collinear.map((c) => [c.a, c.b]));
  l.collinear.forEach((c, k) => n(c.pearson, ref.collinear[k]?.pearson ?? null, `${c.a}|${c.b} collinear`));
  const ids = l.indicators.map((i) => i.id);
  l.matrix.forEach((row, a) => row.forEach((r, b) => a !== b && n(r, ref.matrix[`${ids[a]}|${ids[b]}`] ?? null, `r ${ids[a]}|${ids[b]}`)));
  // (JSON objects list integer-like keys such as "964" in numeric order: compared as sets)
  expect(l.unitAvailability.map((u) => u.code).sort()).toEqual(Object.keys(ref.unitAvailability).sort());
  for (const u of l.unitAvailability) {
    const r = ref.unitAvailability[u.code] as RefLevel["unitAvailability"][string];
    expect([u.applicable, u.available], u.code).toEqual([r.applicable, r.available]);
    n(u.share, r.share, `${u.code} share`);
  }
  expect(l.winsorEffect).toEqual(ref.winsorEffect);
  return compared;
}

// (loaded before the tests are collected: describe's callback cannot wait)
const samples = { "ca-mau-2019": await loadAssessment(path.join(ROOT, "samples", "ca-mau-2019"), {}), "un-egdi": await loadAssessment(path.join(ROOT, "samples", "un-egdi"), {}) };

describe.each(["ca-mau-2019", "un-egdi"] as const)("the audit of samples/%s against the reference", (sample) => {
  const ref = JSON.parse(readFileSync(path.join(ROOT, `test/fixtures/audit/${sample}.expected.json`), "utf8")) as { generator: string; levels: Record<string, RefLevel> };
  const loaded = samples[sample];
  const a = audit(score(loaded.criteria!, loaded.dataset!));

  it("is the reference's, figure for figure", () => {
    expect(ref.generator).toMatch(/scipy 1\.10\.1/);
    expect(a.levels.map((l) => l.level.id)).toEqual(Object.keys(ref.levels));
    let compared = 0;
    for (const l of a.levels) compared += check(l, ref.levels[l.level.id] as RefLevel);
    expect(compared).toBeGreaterThan(sample === "un-egdi" ? 40 : 1500);
  });
});
