import { hasErrors, InputError } from "../../diag/diagnostic.ts";
import { score } from "../../engine/views.ts";
import { audit } from "../../engine/audit.ts";
import { buildReport } from "../../engine/report.ts";
import { trends, type TrendCrosswalk } from "../../engine/trend.ts";
import { lineages, sideUnitsOf } from "../../engine/crosswalk.ts";
import type { ColumnarDataset } from "../../model/columns.ts";
import type { Criteria } from "../../model/criteria.ts";
import type { Crosswalk } from "../../model/crosswalk.ts";
import { weightReader } from "../../load/crosswalk.ts";
import type { Decimal } from "../../load/values.ts";
import type { Result } from "../../model/result.ts";
import { render } from "../../render/index.ts";
import { reportMdPieces } from "../../render/markdown.ts";
import { select } from "../../render/select.ts";
import { finishRun, summarizeFailure, type GateOptions } from "../ci.ts";
import { loadScored, readColumns } from "../columns.ts";
import { langOf, pickFormat, renderOptions, start, strictly, type CommonOptions } from "../context.ts";
import { writeOutput, writeOutputPieces } from "../output.ts";
import type { SensitivityOptions } from "./sensitivity.ts";

/** Another period of the same data, for the trend: its problems stop the report, its warnings were already shown. */
async function scorePeriod(dir: string | undefined, o: CommonOptions, period: string): Promise<{ result: Result; criteria: Criteria; dataset: ColumnarDataset }> {
  const l = await readColumns(dir, o, { period });
  l.progress?.done();
  const diagnostics = strictly(l.diagnostics, o).filter((d) => d.severity === "error");
  if (diagnostics.length || !l.criteria || !l.dataset) throw new InputError(diagnostics);
  const r = score(l.criteria, l.dataset);
  if (hasErrors(r.diagnostics)) throw new InputError(r.diagnostics);
  return { result: r, criteria: l.criteria, dataset: l.dataset };
}

/**
 * The crosswalk of the period reported on, checked against the units of every earlier period of
 * the trend: its merged units are followed back through their predecessors.
 */
type Side = { criteria: Criteria; dataset: ColumnarDataset };
function trendCrosswalk(loaded: { crosswalk?: Crosswalk; criteria: Criteria; columns: ColumnarDataset; decimal: Decimal }, earlier: Side[], o: CommonOptions): TrendCrosswalk | undefined {
  if (!loaded.crosswalk) return undefined;
  const units = (sides: Side[]) => new Map(sides.flatMap((s) => [...sideUnitsOf(s.criteria, s.dataset)]));
  const cw = lineages(loaded.crosswalk, units(earlier), units([{ criteria: loaded.criteria, dataset: loaded.columns }]), earlier.map((s) => s.dataset.period).filter((p) => p !== undefined).join(", "), weightReader(loaded.decimal));
  const errors = strictly(cw.diagnostics, o).filter((d) => d.severity === "error");
  if (errors.length) throw new InputError(errors);
  return { lineages: cw.lineages, file: loaded.crosswalk.file };
}

/** The whole report: md on stdout by default, html or xlsx by the -o extension or -f. */
export async function run([dir]: unknown[], o: CommonOptions & GateOptions & SensitivityOptions & { sensitivity?: boolean; audit?: boolean; minAvailability?: number }): Promise<void> {
  start(o);
  const format = pickFormat("report", o);
  const { loaded, result, series, crosswalk } = await summarizeFailure("report", async () => {
    const narrow = (r: Result) => select(r, o.level ? { level: o.level } : {});
    const scored = await loadScored(dir as string | undefined, o);
    const loaded = scored.loaded;
    const result = narrow(scored.result);
    // Three periods or more: the report shows each level's trend, each period scored on its own.
    const others: Awaited<ReturnType<typeof scorePeriod>>[] = [];
    if (loaded.periods.length >= 3 && o.period === undefined) {
      for (const p of loaded.periods) if (p !== result.period) others.push(await scorePeriod(dir as string | undefined, o, p));
    }
    const series = others.length ? loaded.periods.map((p) => (p === result.period ? result : narrow((others.find((x) => x.result.period === p) as { result: Result }).result))) : undefined;
    const crosswalk = series ? trendCrosswalk(loaded, others, o) : undefined;
    return { loaded, result, series, crosswalk };
  });
  const report = buildReport(result);
  if (series) report.trends = trends(series, crosswalk);
  if (o.audit) report.audit = audit(result, o.minAvailability !== undefined ? { minAvailability: o.minAvailability / 100 } : {});
  if (o.sensitivity) {
    // The Monte Carlo and its worker threads load only when the section is asked for.
    const [{ runSensitivity }, { settingsOf }] = await Promise.all([import("../sensitivity-runner.ts"), import("./sensitivity.ts")]);
    const { progressBar } = await import("../progress.ts");
    const settings = settingsOf(o, loaded.criteria);
    report.sensitivity = (await runSensitivity(loaded.criteria, loaded.columns, result, settings, { progress: progressBar("sensitivity", settings.runs, "runs") })).result;
  }
  const ro = renderOptions(o, loaded.criteria);
  // Markdown written as it is made (render/markdown.ts reportMdPieces, which reportMd joins): a
  // national report is megabytes; html and xlsx are written whole
  if (format === "md") await writeOutputPieces(o.output, reportMdPieces(report, ro), loaded.inputs);
  else writeOutput(o.output, await render("report", format, report, ro), loaded.inputs);
  finishRun("report", result, [...loaded.diagnostics, ...result.diagnostics], o, langOf(o, loaded.criteria), loaded.inputs);
}
