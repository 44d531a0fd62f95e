// Narrowing a result to what the user asked for (--level, --top) before any renderer runs,
// so that every format shows the same rows.
import type { SensitivityResult } from "../engine/sensitivity.ts";
import type { Result } from "../model/result.ts";

/** Anything with units by level: a result, a sensitivity analysis. */
interface ByLevel {
  levels: { level: { id: string }; units: { code: string; name: string; rank: number | null }[] }[];
}

/** --level keeps that level; --top the units ranked at most that. */
function narrow<R extends ByLevel>(result: R, o: { level?: string; top?: number }): R {
  const levels = result.levels
    .filter((l) => o.level === undefined || l.level.id === o.level)
    .map((l) => ({
      ...l,
      units: o.top === undefined ? l.units : l.units.filter((u) => u.rank !== null && u.rank <= (o.top as number)),
    }));
  return { ...result, levels };
}

export function select(result: Result, o: { level?: string; top?: number }): Result {
  return narrow(result, o);
}

/** The same narrowing for a sensitivity analysis: --level, and --top on the nominal rank. */
export function selectSensitivity(result: SensitivityResult, o: { level?: string; top?: number }): SensitivityResult {
  return narrow(result, o);
}

/** unit code -> name, across levels, for showing parents by name. */
export function unitNames(result: ByLevel): Map<string, string> {
  const m = new Map<string, string>();
  for (const l of result.levels) for (const u of l.units) m.set(u.code, u.name);
  return m;
}
