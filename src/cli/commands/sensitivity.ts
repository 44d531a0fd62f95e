// egov-score sensitivity: how robust each rank is to the method's choices (a Monte Carlo).
import { UsageError } from "../../diag/diagnostic.ts";
import { DEFAULT_SETTINGS, type SensitivitySettings } from "../../engine/sensitivity.ts";
import type { Criteria } from "../../model/criteria.ts";
import { render } from "../../render/index.ts";
import { select, selectSensitivity } from "../../render/select.ts";
import { checkLevel, parseTop, pickFormat, renderOptions, scoredOrFail, start, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";
import { progressBar } from "../progress.ts";
import { runSensitivity } from "../sensitivity-runner.ts";
import { isVerbose, note } from "../stderr.ts";

/** The most run × unit results kept: 600 MB of ranks and bands. */
const MAX_CELLS = 100_000_000;

export interface SensitivityOptions extends CommonOptions {
  runs?: string;
  seed?: string;
  perturbation?: string;
  weights?: boolean;
  aggregation?: boolean;
  missing?: boolean;
  drop?: boolean;
  wide?: string;
  workers?: string;
}

function wholeNumber(option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min || n > max) throw new UsageError("USAGE_INTEGER_RANGE", { option, value, min, max });
  return n;
}

/** The flags first, then the criteria's sensitivity: block, then the defaults. */
export function settingsOf(o: SensitivityOptions, criteria: Criteria): SensitivitySettings {
  const s: SensitivitySettings = { ...DEFAULT_SETTINGS };
  const b = criteria.sensitivity ?? {};
  for (const k of ["runs", "seed", "perturbation", "weights", "aggregation", "missing", "drop", "wide"] as const) {
    if (b[k] !== undefined) Object.assign(s, { [k]: b[k] });
  }
  if (o.runs !== undefined) s.runs = wholeNumber("--runs", o.runs, 1, 1_000_000);
  if (o.seed !== undefined) s.seed = wholeNumber("--seed", o.seed, 0, 4294967295);
  if (o.perturbation !== undefined) {
    const p = Number(o.perturbation);
    if (o.perturbation.trim() === "" || !Number.isFinite(p) || p < 0 || p >= 1) throw new UsageError("USAGE_PERTURBATION", { value: o.perturbation });
    s.perturbation = p;
  }
  for (const k of ["weights", "aggregation", "missing", "drop"] as const) if (o[k] !== undefined) s[k] = o[k];
  if (o.wide !== undefined) s.wide = wholeNumber("--wide", o.wide, 0, 1_000_000_000);
  return s;
}

export async function run([dir]: unknown[], o: SensitivityOptions): Promise<void> {
  start(o);
  const format = pickFormat("sensitivity", o);
  const top = parseTop(o.top);
  const workers = o.workers === undefined ? undefined : wholeNumber("--workers", o.workers, 0, 256);
  // The data in columns (read in columns on every core when it is large), for the nominal
  // ranking and every run. Every run scores every level (roll-ups read other levels), but
  // follows only the units shown.
  const { loadColumns } = await import("../columns.ts");
  const [{ scoreColumns }, { resultOf }] = await Promise.all([import("../../engine/scoring.ts"), import("../../engine/views.ts")]);
  const loaded = await loadColumns(dir as string | undefined, o);
  const { columns } = loaded;
  checkLevel(loaded.criteria, o.level);
  const settings = settingsOf(o, loaded.criteria);
  const nominal = select(scoredOrFail(resultOf(scoreColumns(loaded.criteria, columns, { keep: "top" })), o), o.level ? { level: o.level } : {});
  // Every run keeps a rank and a band per unit (6 bytes): refuse what would not fit in memory.
  const units = nominal.levels.reduce((n, l) => n + l.units.filter((u) => u.rank !== null).length, 0);
  if (settings.runs * units > MAX_CELLS) throw new UsageError("USAGE_TOO_MANY_RUNS", { runs: settings.runs, units, max: Math.floor(MAX_CELLS / units) });
  const progress = progressBar("sensitivity", settings.runs, "runs");
  const report = await runSensitivity(loaded.criteria, columns, nominal, settings, { ...(workers !== undefined ? { workers } : {}), progress });
  if (report.fallback) note(`sensitivity: no worker thread (${report.fallback}); the runs used the main thread`);
  if (isVerbose()) {
    const where = report.workers > 0 ? `${report.workers} worker thread${report.workers === 1 ? "" : "s"}` : "the main thread";
    note(`sensitivity: ${settings.runs} runs on ${where} in ${(report.ms / 1000).toFixed(2)} s`);
  }
  // the names of every unit, districts too under --level xa, for the parent column
  const result = selectSensitivity({ ...report.result, ...(nominal.names ? { names: nominal.names } : {}) }, top ? { top } : {});
  writeOutput(o.output, await render("sensitivity", format, result, renderOptions(o, loaded.criteria)), loaded.inputs);
}
