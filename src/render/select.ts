// Narrowing a result to what the user asked for (--level, --top) before any renderer runs,
// so that every format shows the same rows.
import type { SensitivityResult } from "../engine/sensitivity.ts";
import type { Result } from "../model/result.ts";

export function select(result: Result, o: { level?: string; top?: number }): Result {
  const levels = result.levels
    .filter((l) => o.level === undefined || l.level.id === o.level)
    .map((l) => ({
      ...l,
      units: o.top === undefined ? l.units : l.units.filter((u) => u.rank !== null && u.rank <= (o.top as number)),
    }));
  return { ...result, levels };
}

/** unit code -> name, across levels, for showing parents by name. */
export function unitNames(result: Result): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of result.levels) for (const u of l.units) m.set(u.code, u.name);
  return m;
}

/** The same narrowing for a sensitivity analysis: --level, and --top on the nominal rank. */
export function selectSensitivity(result: SensitivityResult, o: { level?: string; top?: number }): SensitivityResult {
  const levels = result.levels
    .filter((l) => o.level === undefined || l.level.id === o.level)
    .map((l) => ({
      ...l,
      units: o.top === undefined ? l.units : l.units.filter((u) => u.rank !== null && u.rank <= (o.top as number)),
    }));
  return { ...result, levels };
}
