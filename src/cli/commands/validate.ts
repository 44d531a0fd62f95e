import { ExitError } from "../../diag/diagnostic.ts";
import { scoreColumns } from "../../engine/scoring.ts";
import { resultOf } from "../../engine/views.ts";
import { displayPath } from "../../load/files.ts";
import type { Result } from "../../model/result.ts";
import { render } from "../../render/index.ts";
import { writeJobSummary } from "../ci.ts";
import { langOf, noUnits, pickFormat, reportManifest, start, stdoutPalette, strictly, toFile, type CommonOptions } from "../context.ts";
import { readColumns } from "../columns.ts";
import { writeOutput } from "../output.ts";
import { configureStderr } from "../stderr.ts";

/** Prints every problem of the criteria and the data at once; exit 2 on any error. */
export async function run([dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("validate", o);
  const loaded = await readColumns(dir as string | undefined, o);
  loaded.progress?.done();
  const lang = langOf(o, loaded.criteria);
  configureStderr({ lang });
  reportManifest(loaded, lang);
  let diagnostics = [...loaded.diagnostics, ...noUnits(loaded)];
  let result: Result | undefined;
  if (loaded.criteria && loaded.dataset && !diagnostics.some((d) => d.severity === "error")) {
    // the engine's own problems (a missing value under `missing: error`); the job summary also
    // shows the ranking, from the top-level nodes
    const summary = process.env.GITHUB_STEP_SUMMARY !== undefined;
    const scored = scoreColumns(loaded.criteria, loaded.dataset, { keep: summary ? "top" : "points" });
    if (summary) result = resultOf(scored);
    diagnostics.push(...scored.diagnostics);
  }
  diagnostics = strictly(diagnostics, o);
  const report = { diagnostics, files: loaded.inputs.map(displayPath), units: loaded.dataset?.size ?? 0 };
  writeOutput(o.output, render("validate", format, report, { lang, palette: stdoutPalette(o, toFile(o)) }), loaded.inputs);
  writeJobSummary(
    {
      command: "validate",
      ...(loaded.criteria ? { criteria: loaded.criteria } : {}),
      ...(result ? { result } : {}),
      diagnostics,
      checked: { files: report.files.length, units: report.units },
      ...(o.strict ? { strict: true } : {}),
      top: 0,
    },
    lang,
  );
  if (diagnostics.some((d) => d.severity === "error")) throw new ExitError(2);
}
