import { hasErrors, InputError, UsageError } from "../../diag/diagnostic.ts";
import { resultOf, score } from "../../engine/views.ts";
import { toColumns } from "../../model/columns.ts";
import { scoreProvisionally } from "../provisional.ts";
import { printDiagnostics } from "../stderr.ts";
import { loadAssessment } from "../../load/assessment.ts";
import { audit } from "../../engine/audit.ts";
import { buildReport } from "../../engine/report.ts";
import { trends } from "../../engine/trend.ts";
import type { Result } from "../../model/result.ts";
import { render } from "../../render/index.ts";
import { select } from "../../render/select.ts";
import { finishRun, summarizeFailure, type GateOptions } from "../ci.ts";
import { checkLevel, langOf, loadOrFail, overrides, pickFormat, renderOptions, start, strictly, toFile, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";
import type { SensitivityOptions } from "./sensitivity.ts";

/** Another period of the same data, for the trend: its problems stop the report, its warnings were already shown. */
function scorePeriod(dir: string | undefined, o: CommonOptions, period: string): Result {
  const l = loadAssessment(dir, { ...overrides(o), period });
  const diagnostics = strictly(l.diagnostics, o).filter((d) => d.severity === "error");
  if (diagnostics.length || !l.criteria || !l.dataset) throw new InputError(diagnostics);
  const r = score(l.criteria, l.dataset);
  if (hasErrors(r.diagnostics)) throw new InputError(r.diagnostics);
  return r;
}

/** The whole report: md on stdout by default, html or xlsx by the -o extension or -f. */
export async function run([dir]: unknown[], o: CommonOptions & GateOptions & SensitivityOptions & { sensitivity?: boolean; audit?: boolean; minAvailability?: number }): Promise<void> {
  start(o);
  const format = pickFormat("report", o);
  // A workbook on a terminal is noise that can upset it; on a pipe or in a file it is what was asked for.
  if (format === "xlsx" && !toFile(o) && process.stdout.isTTY) throw new UsageError("USAGE_BINARY_TERMINAL", { format });
  const { loaded, result, series } = summarizeFailure("report", () => {
    const loaded = loadOrFail(dir as string | undefined, o);
    checkLevel(loaded.criteria, o.level);
    const narrow = (r: Result) => select(r, o.level ? { level: o.level } : {});
    // (--provisional: errors at cells do not stop the report, which carries them)
    const { scored, diagnostics } = scoreProvisionally(loaded.criteria, toColumns(loaded.criteria, loaded.dataset), "all", o, loaded.cellErrors);
    printDiagnostics(diagnostics, langOf(o, loaded.criteria));
    const result = narrow(resultOf(scored));
    // Three periods or more: the report shows each level's trend, each period scored on its own.
    const series =
      loaded.periods.length >= 3 && o.period === undefined
        ? loaded.periods.map((p) => (p === result.period ? result : narrow(scorePeriod(dir as string | undefined, o, p))))
        : undefined;
    return { loaded, result, series };
  });
  const report = buildReport(result);
  if (series) report.trends = trends(series);
  if (o.audit) report.audit = audit(result, o.minAvailability !== undefined ? { minAvailability: o.minAvailability / 100 } : {});
  if (o.sensitivity) {
    // The Monte Carlo and its worker threads load only when the section is asked for.
    const [{ runSensitivity }, { settingsOf }, { toColumns }] = await Promise.all([import("../sensitivity-runner.ts"), import("./sensitivity.ts"), import("../../model/columns.ts")]);
    const { progressBar } = await import("../progress.ts");
    const settings = settingsOf(o, loaded.criteria);
    report.sensitivity = (await runSensitivity(loaded.criteria, toColumns(loaded.criteria, loaded.dataset), result, settings, { progress: progressBar("sensitivity", settings.runs, "runs") })).result;
  }
  const out = await render("report", format, report, renderOptions(o, loaded.criteria));
  writeOutput(o.output, out, loaded.inputs);
  finishRun("report", result, [...loaded.diagnostics, ...result.diagnostics], o, langOf(o, loaded.criteria), loaded.inputs);
}
