// `--provisional` (rank, report): a ranking while the data are being chased. Errors at cells do
// not stop the run: each cell in error is treated by the missing-data policy (the loaders leave
// a cell they cannot read empty; a value the engine finds wrong is emptied here and the data
// scored again), and the result carries the cells (model/result.ts `provisional`), which every
// renderer shows. Any other error (a file, a unit, the criteria) still stops the run.
import { hasErrors, InputError, type Diagnostic } from "../diag/diagnostic.ts";
import { isCellError } from "../diag/cells.ts";
import type { DiagCode } from "../diag/messages.ts";
import { scoreColumns, type ColumnarResult, type Keep } from "../engine/scoring.ts";
import { ABSENT, type ColumnarDataset } from "../model/columns.ts";
import type { Criteria } from "../model/criteria.ts";
import { strictly, type CommonOptions } from "./context.ts";

/** The engine's errors whose value was scored as read: emptied before the provisional scoring. */
const SCORED_AS_READ: ReadonlySet<DiagCode> = new Set<DiagCode>(["VALUE_ABOVE_MAX", "VALUE_LOOKS_LIKE_FRACTION"]);

/**
 * Scores, and ends the run (exit 2) on errors, as every command does; with --provisional, errors
 * at cells do not end it: the cells the engine found wrong are emptied and the data scored again,
 * and the result carries every cell in error (`loadErrors`, the loader's, first).
 * Returns the scoring and the diagnostics to print.
 */
export function scoreProvisionally(criteria: Criteria, data: ColumnarDataset, keep: Keep, o: CommonOptions, loadErrors: readonly Diagnostic[] = []): { scored: ColumnarResult; diagnostics: Diagnostic[] } {
  let scored = scoreColumns(criteria, data, { keep });
  let diagnostics = strictly(scored.diagnostics, o);
  if (!o.provisional) {
    if (hasErrors(diagnostics)) throw new InputError(diagnostics);
    return { scored, diagnostics };
  }
  if (diagnostics.some((d) => d.severity === "error" && !isCellError(d))) throw new InputError(diagnostics);
  const wrong = diagnostics.filter((d) => d.severity === "error" && SCORED_AS_READ.has(d.code));
  if (wrong.length > 0) {
    for (const d of wrong) emptyCell(criteria, data, String(d.args.unit), String(d.args.indicator));
    scored = scoreColumns(criteria, data, { keep });
    // (the second scoring's own errors: MISSING_VALUE where an emptied cell's policy is `error`)
    const again = strictly(scored.diagnostics, o).filter((d) => !wrong.some((w) => w.args.unit === d.args.unit && w.args.indicator === d.args.indicator && w.code === d.code));
    if (again.some((d) => d.severity === "error" && !isCellError(d))) throw new InputError(again);
    diagnostics = [...wrong, ...again];
  }
  const cells = dedupe([...loadErrors, ...diagnostics.filter(isCellError)]);
  if (cells.length > 0) scored.provisional = cells;
  return { scored, diagnostics };
}

function emptyCell(criteria: Criteria, data: ColumnarDataset, unit: string, indicator: string): void {
  const g = data.index?.get(unit) ?? data.code.indexOf(unit);
  const k = criteria.indicators.findIndex((i) => i.id === indicator);
  const col = data.cells[k];
  if (g >= 0 && col) col.state[g] = ABSENT;
}

/** One entry per cell: a cell the engine found wrong and then missing (under `error`) is one cell. */
function dedupe(cells: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return cells.filter((d) => {
    const key = d.args.unit !== undefined && d.args.indicator !== undefined ? `${d.args.unit}\0${d.args.indicator}` : `${d.file}:${d.line}:${d.column}:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
