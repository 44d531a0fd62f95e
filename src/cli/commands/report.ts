import { hasErrors, InputError } from "../../diag/diagnostic.ts";
import { resultOf } from "../../engine/views.ts";
import { scoreColumns } from "../../engine/scoring.ts";
import { audit } from "../../engine/audit.ts";
import { buildReport } from "../../engine/report.ts";
import { trends } from "../../engine/trend.ts";
import type { Result } from "../../model/result.ts";
import { render } from "../../render/index.ts";
import { select } from "../../render/select.ts";
import { finishRun, summarizeFailure, type GateOptions } from "../ci.ts";
import { loadScored, readColumns } from "../columns.ts";
import { langOf, pickFormat, renderOptions, start, strictly, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";
import type { SensitivityOptions } from "./sensitivity.ts";

/** Another period of the same data, for the trend: its problems stop the report, its warnings were already shown. */
async function scorePeriod(dir: string | undefined, o: CommonOptions, period: string): Promise<Result> {
  const l = await readColumns(dir, o, { period });
  l.progress?.done();
  const diagnostics = strictly(l.diagnostics, o).filter((d) => d.severity === "error");
  if (diagnostics.length || !l.criteria || !l.dataset) throw new InputError(diagnostics);
  const r = resultOf(scoreColumns(l.criteria, l.dataset, { keep: "all" }));
  if (hasErrors(r.diagnostics)) throw new InputError(r.diagnostics);
  return r;
}

/** The whole report: md on stdout by default, html or xlsx by the -o extension or -f. */
export async function run([dir]: unknown[], o: CommonOptions & GateOptions & SensitivityOptions & { sensitivity?: boolean; audit?: boolean; minAvailability?: number }): Promise<void> {
  start(o);
  const format = pickFormat("report", o);
  const { loaded, result, series } = await summarizeFailure("report", async () => {
    const narrow = (r: Result) => select(r, o.level ? { level: o.level } : {});
    const scored = await loadScored(dir as string | undefined, o);
    const loaded = scored.loaded;
    const result = narrow(scored.result);
    // Three periods or more: the report shows each level's trend, each period scored on its own.
    const series: Result[] | undefined = [];
    if (loaded.periods.length >= 3 && o.period === undefined) {
      for (const p of loaded.periods) series.push(p === result.period ? result : narrow(await scorePeriod(dir as string | undefined, o, p)));
    }
    return { loaded, result, series: series.length ? series : undefined };
  });
  const report = buildReport(result);
  if (series) report.trends = trends(series);
  if (o.audit) report.audit = audit(result, o.minAvailability !== undefined ? { minAvailability: o.minAvailability / 100 } : {});
  if (o.sensitivity) {
    // The Monte Carlo and its worker threads load only when the section is asked for.
    const [{ runSensitivity }, { settingsOf }] = await Promise.all([import("../sensitivity-runner.ts"), import("./sensitivity.ts")]);
    const { progressBar } = await import("../progress.ts");
    const settings = settingsOf(o, loaded.criteria);
    report.sensitivity = (await runSensitivity(loaded.criteria, loaded.columns, result, settings, { progress: progressBar("sensitivity", settings.runs, "runs") })).result;
  }
  const out = await render("report", format, report, renderOptions(o, loaded.criteria));
  writeOutput(o.output, out, loaded.inputs);
  finishRun("report", result, [...loaded.diagnostics, ...result.diagnostics], o, langOf(o, loaded.criteria), loaded.inputs);
}
