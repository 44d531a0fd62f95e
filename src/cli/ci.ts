// What a CI job asks of a command beyond its output: the --fail-under gate (exit 1, the units
// listed on stderr) and the Markdown job summary appended to the file GITHUB_STEP_SUMMARY names.
// rank calls `finishRun`, validate `writeJobSummary`; any command that scores can do the same.
import { appendFileSync } from "node:fs";
import { diag, GateError, InputError, type Diagnostic } from "../diag/diagnostic.ts";
import { belowThreshold, standing } from "../engine/gates.ts";
import type { Criteria, Lang } from "../model/criteria.ts";
import type { Result, UnitResult } from "../model/result.ts";
import { inert, shown } from "../render/common.ts";
import { badgeJson } from "../render/ci.ts";
import { jobSummary, type SummaryInput } from "../render/summary.ts";
import { writeOutput } from "./output.ts";
import { printDiagnostics, stderrLang } from "./stderr.ts";

export interface GateOptions {
  /** parsed by commander (main.ts): a percentage in [0, 100] */
  failUnder?: number;
  /** --badge FILE: the shields.io endpoint JSON of the mean percentage and its band */
  badge?: string;
}

/**
 * Appends the summary to the file named by GITHUB_STEP_SUMMARY, when it names one. Appends,
 * never truncates: every step of a job adds its own. A file that cannot be written is a warning:
 * the command's own result stands.
 */
export function writeJobSummary(s: SummaryInput, lang: Lang): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    appendFileSync(file, jobSummary(s, { lang }), "utf8");
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    printDiagnostics([diag("SUMMARY_WRITE_FAILED", "warning", { path: file, detail })], lang);
  }
}

/** The message of a failed gate: one line, then one line per unit below the threshold. */
export function gateMessage(below: readonly UnitResult[], threshold: number, criteria: Criteria, lang: Lang): string {
  const n = below.length;
  const head =
    lang === "vi"
      ? `egov-score: ${n} đơn vị xếp hạng dưới ${threshold}% (--fail-under ${threshold}):`
      : `egov-score: ${n} ranked unit${n === 1 ? " is" : "s are"} below ${threshold}% (--fail-under ${threshold}):`;
  return [head, ...below.map((u) => `  ${inert(u.level)}  ${inert(u.code)}  ${inert(u.name)}  ${shown(u.percent, criteria.decimals)}%`)].join("\n");
}

/**
 * The end of a command that scored: the badge (--badge), the job summary (with the gate's verdict), then the gate
 * itself, which throws GateError (exit 1) when a ranked unit of `result` is below --fail-under.
 * `result` is narrowed to the selected levels, not to --top: the gate looks at every ranked unit.
 * Call it after the output is written, so a failed gate still leaves the ranking for people.
 */
export function finishRun(command: string, result: Result, diagnostics: readonly Diagnostic[], o: GateOptions, lang: Lang, inputs: readonly string[] = []): void {
  if (o.badge !== undefined) writeOutput(o.badge, badgeJson(standing(result), result.criteria, result.period, lang), inputs);
  const below = o.failUnder === undefined ? undefined : belowThreshold(result, o.failUnder);
  const gate = o.failUnder === undefined || below === undefined ? undefined : { threshold: o.failUnder, below };
  writeJobSummary({ command, result, diagnostics, ...(gate ? { gate } : {}) }, lang);
  if (gate && gate.below.length > 0) throw new GateError(gateMessage(gate.below, gate.threshold, result.criteria, lang));
}

/**
 * Runs the body of a command; when it stops on bad input, the job summary says so and lists the
 * problems before the error goes on to the error boundary (exit 2).
 */
export function summarizeFailure<T>(command: string, body: () => T): T {
  const failed = (e: unknown): never => {
    if (e instanceof InputError) writeJobSummary({ command, diagnostics: e.diagnostics, failed: true }, stderrLang());
    throw e;
  };
  try {
    const out = body();
    // an async body fails later: its rejection is summarised the same way
    return (out instanceof Promise ? out.catch(failed) : out) as T;
  } catch (e) {
    return failed(e);
  }
}
