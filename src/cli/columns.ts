// Loading an assessment into columns, the engine's data model, for every command that scores:
// rank, score, explain, report, audit, compare, validate. The loader (load/assessment.ts) streams
// data files on every core when they hold 1 MiB or more (about 5,000 units), else reads each whole.
//
// EGOV_SCORE_LARGE=auto|always|never chooses (always: stream every file that can be, at any size;
// never: read every file whole; the tests use both); EGOV_SCORE_RANGE_BYTES sets the bytes per
// range a file is cut into for the worker threads.
import type { Diagnostic } from "../diag/diagnostic.ts";
import { DEFAULT_READ } from "../load/rows/read.ts";
import type { Overrides } from "../load/manifest.ts";
import { DEFAULT_LOAD, type LoadOptions } from "../load/tables.ts";
import { resultOf } from "../engine/views.ts";
import type { ColumnarResult } from "../engine/scoring.ts";
import type { Result } from "../model/result.ts";
import type { Crosswalk } from "../model/crosswalk.ts";
import type { Decimal } from "../load/values.ts";
import type { ColumnarDataset } from "../model/columns.ts";
import type { Criteria } from "../model/criteria.ts";
import { loadAssessment, type Loaded } from "../load/assessment.ts";
import { checkLevel, checkLoaded, langOf, overrides, type CommonOptions } from "./context.ts";
import { scoreProvisionally } from "./provisional.ts";
import { startProgress, type ReadProgress as Progress } from "./progress.ts";
import { isVerbose, printDiagnostics, printError } from "./stderr.ts";

/** How data files are read: EGOV_SCORE_LARGE and EGOV_SCORE_RANGE_BYTES over the defaults. */
export function loadOptions(env: NodeJS.ProcessEnv = process.env): LoadOptions {
  const mode = env.EGOV_SCORE_LARGE ?? "auto";
  const range = Number(env.EGOV_SCORE_RANGE_BYTES);
  return {
    ...DEFAULT_LOAD,
    mode: mode === "always" || mode === "never" ? mode : "auto",
    read: { ...DEFAULT_READ, ...(Number.isInteger(range) && range > 0 ? { chunk: range } : {}) },
  };
}

/** An assessment in columns, as every command that scores it reads it. */
export interface ColumnsLoad {
  criteria: Criteria;
  inputs: string[];
  /** the periods of the data (a dataset with a period column), oldest first */
  periods: string[];
  /** the crosswalk from the previous period's units to these, when the manifest declares one */
  crosswalk?: Crosswalk;
  columns: ColumnarDataset;
  /** the decimal convention its data was read under (the manifest's input.decimal or --decimal) */
  decimal: Decimal;
  /** the loader's diagnostics (warnings: errors ended the command, but for errors at cells under --provisional) */
  diagnostics: Diagnostic[];
  /** --provisional: the loader's errors at cells, whose cells were left empty */
  cellErrors: Diagnostic[];
  /** the progress bar of a large read, still shown while the command scores and writes */
  progress?: Progress;
  /** how the data was read */
  reader: Reader;
}

/** An assessment read into columns, before any check: what `validate` prints in full. */
export type ColumnsRead = Loaded & { reader: Reader; progress?: Progress };

/** How the data was read: streamed (in byte ranges, on every core), or each file whole. */
export type Reader = "streamed" | "whole";

/**
 * An assessment in columns, unchecked (load/assessment.ts), with a progress bar while data is
 * streamed. `extra`: settings over the flags' (compare's and report's other periods).
 */
export async function readColumns(dir: string | undefined, o: CommonOptions, extra: Partial<Overrides> = {}): Promise<ColumnsRead> {
  const opts = loadOptions();
  let progress: Progress | undefined;
  try {
    const loaded = await loadAssessment(dir, { ...overrides(o), ...extra }, {
      ...opts,
      begin: (bytes, criteria) => (progress = startProgress(bytes, langOf(o, criteria))),
      read: { ...opts.read, progress: (b, r) => progress?.read(b, r) },
    });
    return { ...loaded, reader: progress ? "streamed" : "whole", ...(progress ? { progress } : {}) };
  } catch (e) {
    progress?.done();
    throw e;
  }
}

/** An assessment in columns (see readColumns): warnings printed, errors thrown (exit 2). */
export async function loadColumns(dir: string | undefined, o: CommonOptions, extra: Partial<Overrides> = {}): Promise<ColumnsLoad> {
  const read = await readColumns(dir, o, extra);
  try {
    const l = checkLoaded(read, o);
    return { criteria: l.criteria, inputs: l.inputs, periods: l.periods, ...(l.crosswalk ? { crosswalk: l.crosswalk } : {}), columns: l.dataset, decimal: l.assessment?.decimal ?? ".", diagnostics: l.diagnostics, cellErrors: l.cellErrors, reader: read.reader, ...(read.progress ? { progress: read.progress } : {}) };
  } catch (e) {
    read.progress?.done();
    throw e;
  }
}

/**
 * An assessment loaded and scored whole (every node, the cells as read, the account of each
 * rule): what score, explain, report and audit show. `level`: checked before the scoring.
 */
export async function loadScored(dir: string | undefined, o: CommonOptions & { level?: string }, extra: Partial<Overrides> = {}): Promise<{ loaded: ColumnsLoad; result: Result }> {
  const { loaded, scored } = await loadScoring(dir, o, extra);
  return { loaded, result: resultOf(scored) };
}

/** loadScored's scoring in columns, before the result model is read off it (`score -f csv` writes its rows straight from it). */
export async function loadScoring(dir: string | undefined, o: CommonOptions & { level?: string }, extra: Partial<Overrides> = {}): Promise<{ loaded: ColumnsLoad; scored: ColumnarResult }> {
  const loaded = await loadColumns(dir, o, extra);
  try {
    checkLevel(loaded.criteria, o.level);
    loaded.progress?.step(langOf(o, loaded.criteria) === "vi" ? "chấm điểm" : "scoring");
    // (--provisional, for report: errors at cells do not stop it, and the result carries them)
    const { scored, diagnostics } = scoreProvisionally(loaded.criteria, loaded.columns, "all", o, loaded.cellErrors);
    printDiagnostics(diagnostics, langOf(o, loaded.criteria));
    return { loaded, scored };
  } finally {
    loaded.progress?.done();
  }
}

/** With --verbose, how long each step took (and the memory at the end), on stderr. */
export function stepTimer() {
  // (the clock is read only with --verbose: performance loads node:perf_hooks)
  const t0 = isVerbose() ? performance.now() : 0;
  let last = t0;
  const parts: string[] = [];
  return {
    mark(step: string): void {
      // (the memory is read only when it is printed: process.memoryUsage() walks the heap's spaces)
      if (!isVerbose()) return;
      const now = performance.now();
      parts.push(`${step} ${((now - last) / 1000).toFixed(2)} s (${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB)`);
      last = now;
    },
    print(units: number, reader: string): void {
      if (!isVerbose()) return;
      printError(`egov-score: ${units.toLocaleString("en")} units, ${reader}: ${parts.join(", ")}; ${((performance.now() - t0) / 1000).toFixed(2)} s in all`);
    },
  };
}
