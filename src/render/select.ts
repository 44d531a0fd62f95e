// Narrowing a result to what the user asked for (--level, --top) before any renderer runs,
// so that every format shows the same rows.
import type { SensitivityResult } from "../engine/sensitivity.ts";
import { scoringNames } from "../engine/views.ts";
import type { ColumnarResult } from "../engine/scoring.ts";
import type { LevelResult, Result, ResultColumns, UnitNames } from "../model/result.ts";

/** Anything with units by level: a result, a sensitivity analysis. */
interface ByLevel {
  levels: { level: { id: string }; units: { code: string; name: string; rank: number | null }[]; whole?: { units: number; ranked: number } }[];
  names?: UnitNames;
}

/**
 * --level keeps that level; --top the units ranked at most that. The names of every unit stay
 * (a commune's district is named though --level xa leaves the districts out), and with --top
 * each level keeps the counts of all its units (`whole`).
 */
function narrow<R extends ByLevel>(result: R, o: { level?: string; top?: number }): R {
  const levels = result.levels
    .filter((l) => o.level === undefined || l.level.id === o.level)
    .map((l) => {
      if (o.top === undefined) return l;
      const whole = "whole" in l && l.whole ? l.whole : { units: l.units.length, ranked: l.units.filter((u) => u.rank !== null).length };
      return { ...l, whole, units: l.units.filter((u) => u.rank !== null && u.rank <= (o.top as number)) };
    });
  const out = { ...result, names: unitNames(result), levels };
  // (a result's columns and scoring, engine/views.ts, are not enumerable: the spread leaves them behind)
  for (const key of ["columns", "scoring"]) {
    const kept = Object.getOwnPropertyDescriptor(result, key);
    if (kept) Object.defineProperty(out, key, kept);
  }
  return out;
}

export function select(result: Result, o: { level?: string; top?: number }): Result {
  return narrow(result, o);
}

/** The same narrowing for a sensitivity analysis: --level, and --top on the nominal rank. */
export function selectSensitivity(result: SensitivityResult, o: { level?: string; top?: number }): SensitivityResult {
  return narrow(result, o);
}

/**
 * unit code -> name, across levels (all of them, before --level), for showing parents by name:
 * read off the data when asked for, where the result was read off a scoring; else a map of its units' names.
 */
export function unitNames(result: ByLevel): UnitNames {
  if (result.names) return result.names;
  const read = scoringNames(result as ByLevel & { scoring?: ColumnarResult });
  if (read) return read;
  const m = new Map<string, string>();
  // (a result read off a scoring: its units named off the columns, without making them)
  const cols = (result as { columns?: ResultColumns }).columns;
  for (const l of result.levels) {
    if (cols) {
      const rows = cols.rows(l as LevelResult);
      for (let i = 0; i < rows.length; i++) m.set(cols.unit.code(rows[i] as number), cols.unit.name(rows[i] as number));
    } else for (const u of l.units) m.set(u.code, u.name);
  }
  return m;
}
