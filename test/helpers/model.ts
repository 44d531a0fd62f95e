// Builds criteria and data from small YAML and CSV texts, through the real loaders, so that
// engine tests read like the files users write.
import { expect } from "vitest";
import { score } from "../../src/engine/views.ts";
import { loadCriteriaText } from "../../src/load/criteria.ts";
import { readCsv } from "../../src/load/csv.ts";
import { assembleTables } from "../../src/load/tables.ts";
import type { Assessment } from "../../src/load/manifest.ts";
import type { Criteria } from "../../src/model/criteria.ts";
import type { Result, UnitResult } from "../../src/model/result.ts";

export function criteriaFrom(yaml: string): Criteria {
  const r = loadCriteriaText(yaml, "criteria.yaml");
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.criteria as Criteria;
}

export const settings: Pick<Assessment, "columns" | "period" | "decimal" | "ignore"> = {
  columns: { code: "code", name: "name", level: "level", parent: "parent", period: "period", indicator: "indicator", value: "value", numerator: "numerator", denominator: "denominator", evidence: "evidence", attributes: [] },
  decimal: ".",
  ignore: [],
};

export function table(csv: string, file = "data.csv") {
  const t = readCsv(Buffer.from(csv), file, { encoding: "auto", delimiter: "auto" });
  return t;
}

export function load(criteria: Criteria, data: string | string[], units?: string, s = settings) {
  const tables = (Array.isArray(data) ? data : [data]).map((d, i) => table(d, `data${i}.csv`).table!);
  const u = units ? table(units, "units.csv").table! : undefined;
  return assembleTables(criteria, s, { ...(u ? { units: u } : {}), data: tables });
}

export function scoreOf(yaml: string, data: string | string[], units?: string): Result {
  const c = criteriaFrom(yaml);
  const d = load(c, data, units);
  expect(d.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
  return score(c, d.dataset);
}

export function unit(r: Result, code: string): UnitResult {
  for (const l of r.levels) for (const u of l.units) if (u.code === code) return u;
  throw new Error(`no unit ${code}`);
}

/** A one-level criteria set around the given indicators, for rule tests. */
export function oneLevel(indicators: string, extra = ""): string {
  return `id: t\ntitle: T\nversion: 1\nlevels:\n  - id: u\n${extra}indicators:\n${indicators}`;
}
