// `rank` on large data: the loader of large inputs (load/large/) and the columnar engine
// (engine/columnar.ts) instead of loadAssessment and score(), the same output. Used when the data
// files hold 1 MiB or more (about 5,000 units) and the format is csv, json or table; md and junit build
// the report's statistics, which need the whole result model. CSV is written in pieces, so a
// million units never become a million objects at once.
//
// EGOV_SCORE_LARGE=auto|always|never chooses (always: at any size, the tests use it);
// EGOV_SCORE_RANGE_BYTES sets the bytes per range a file is cut into for the worker threads.
import { InputError, hasErrors } from "../diag/diagnostic.ts";
import { rankResult, scoreColumns, toColumns, type ColumnarDataset } from "../engine/columnar.ts";
import { DEFAULT_LARGE, loadLarge, type LargeLoaded, type LargeOptions } from "../load/large/index.ts";
import { DEFAULT_READ } from "../load/large/read.ts";
import type { loadManifest } from "../load/manifest.ts";
import type { Criteria } from "../model/criteria.ts";
import type { Result } from "../model/result.ts";
import { render } from "../render/index.ts";
import { rankCsvColumns } from "../render/rank.ts";
import { select } from "../render/select.ts";
import type { Format } from "../render/formats.ts";
import { finishRun, summarizeFailure, type GateOptions } from "./ci.ts";
import { checkLevel, checkLoaded, langOf, loadOrFail, overrides, renderOptions, strictly, type CommonOptions } from "./context.ts";
import { writeOutput, writeOutputPieces } from "./output.ts";
import { startProgress, type ReadProgress as Progress } from "./progress.ts";
import { isVerbose, printDiagnostics, printError } from "./stderr.ts";

type ManifestLoad = ReturnType<typeof loadManifest>;

export function largeOptions(env: NodeJS.ProcessEnv = process.env): LargeOptions | undefined {
  const mode = env.EGOV_SCORE_LARGE ?? "auto";
  if (mode === "never") return undefined;
  const range = Number(env.EGOV_SCORE_RANGE_BYTES);
  return {
    ...DEFAULT_LARGE,
    mode: mode === "always" ? "always" : "auto",
    read: { ...DEFAULT_READ, ...(Number.isInteger(range) && range > 0 ? { chunk: range } : {}) },
  };
}

/** Reads with the large-input loader, with a progress bar; its load, or what the usual path can start from. */
async function readLarge(dir: string | undefined, o: CommonOptions, opts: LargeOptions): Promise<{ loaded: LargeLoaded; progress?: Progress } | { manifest: ManifestLoad }> {
  let progress: Progress | undefined;
  try {
    const large = await loadLarge(dir, overrides(o), {
      ...opts,
      begin: (bytes, criteria) => (progress = startProgress(bytes, langOf(o, criteria))),
      read: { ...opts.read, progress: (b, r) => progress?.read(b, r) },
    });
    if ("fallback" in large) return { manifest: large.manifest };
    return { loaded: large.loaded, ...(progress ? { progress } : {}) };
  } catch (e) {
    progress?.done();
    throw e;
  }
}

/**
 * Ranks with the large-input path when it applies and returns true; else returns what the usual
 * path can start from (the manifest, already read).
 */
export async function rankLarge(dir: string | undefined, o: CommonOptions & GateOptions, format: Format<"rank">, top: number | undefined): Promise<true | { manifest?: ManifestLoad }> {
  const opts = largeOptions();
  if (!opts || format === "md" || format === "junit") return {};
  const steps = timer();
  const read = await readLarge(dir, o, opts);
  if ("manifest" in read) return read;
  try {
    steps.mark("read");
    await rankLoaded(read.loaded, o, format, top, read.progress, steps);
    return true;
  } finally {
    read.progress?.done();
  }
}

/**
 * An assessment in columns, for commands that score it in columns only (sensitivity): read by
 * the large-input loader where it applies, else by the usual loader and put in columns.
 */
export async function loadColumns(dir: string | undefined, o: CommonOptions): Promise<{ criteria: Criteria; inputs: string[]; columns: ColumnarDataset }> {
  const opts = largeOptions();
  let manifest: ManifestLoad | undefined;
  if (opts) {
    const read = await readLarge(dir, o, opts);
    if ("manifest" in read) manifest = read.manifest;
    else {
      read.progress?.done();
      const l = checkLoaded(read.loaded, o);
      return { criteria: l.criteria, inputs: l.inputs, columns: l.dataset };
    }
  }
  const loaded = loadOrFail(dir, o, manifest);
  return { criteria: loaded.criteria, inputs: loaded.inputs, columns: toColumns(loaded.criteria, loaded.dataset) };
}

/** With --verbose, how long each step took (and the memory at the end), on stderr. */
function timer() {
  const t0 = performance.now();
  let last = t0;
  const parts: string[] = [];
  return {
    mark(step: string): void {
      const now = performance.now();
      parts.push(`${step} ${((now - last) / 1000).toFixed(2)} s (${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB)`);
      last = now;
    },
    print(units: number): void {
      if (!isVerbose()) return;
      printError(`egov-score: ${units.toLocaleString("en")} units on the large-input path: ${parts.join(", ")}; ${((performance.now() - t0) / 1000).toFixed(2)} s in all`);
    },
  };
}

async function rankLoaded(l: LargeLoaded, o: CommonOptions & GateOptions, format: Format<"rank">, top: number | undefined, progress: Progress | undefined, steps: ReturnType<typeof timer>): Promise<void> {
  const { loaded, scored } = summarizeFailure("rank", () => {
    const loaded = checkLoaded(l, o);
    checkLevel(loaded.criteria, o.level);
    progress?.step(langOf(o, loaded.criteria) === "vi" ? "chấm điểm" : "scoring");
    // the CSV needs the top-level groups' points only; the other formats the result model
    const scored = scoreColumns(loaded.criteria, loaded.dataset, { full: format !== "csv" || o.failUnder !== undefined || o.badge !== undefined || process.env.GITHUB_STEP_SUMMARY !== undefined });
    const diagnostics = strictly(scored.diagnostics, o);
    if (hasErrors(diagnostics)) throw new InputError(diagnostics);
    printDiagnostics(diagnostics, langOf(o, loaded.criteria));
    return { loaded, scored };
  });
  steps.mark("scored");
  const lang = langOf(o, loaded.criteria);
  progress?.step(lang === "vi" ? "ghi kết quả" : "writing");
  const ro = renderOptions(o, loaded.criteria);
  const narrow = (r: Result): Result => (top ? select(r, { top }) : r);
  if (format === "csv") {
    await writeOutputPieces(o.output, rankCsvColumns(scored, ro, { ...(o.level !== undefined ? { level: o.level } : {}), ...(top !== undefined ? { top } : {}) }), loaded.inputs);
  } else {
    const all = select(rankResult(scored), o.level ? { level: o.level } : {});
    writeOutput(o.output, render("rank", format, narrow(all), ro), loaded.inputs);
  }
  progress?.done();
  steps.mark("written");
  steps.print(loaded.dataset.size);
  // The gate, the badge and the job summary read the ranking as the result model: made only when asked for.
  if (o.failUnder !== undefined || o.badge !== undefined || process.env.GITHUB_STEP_SUMMARY) {
    const result = select(rankResult(scored), o.level ? { level: o.level } : {});
    finishRun("rank", result, [...loaded.diagnostics, ...scored.diagnostics], o, lang, loaded.inputs);
  }
}
