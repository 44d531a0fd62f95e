import { ExitError } from "../../diag/diagnostic.ts";
import { score } from "../../engine/score.ts";
import { loadAssessment } from "../../load/assessment.ts";
import { displayPath } from "../../load/files.ts";
import { render } from "../../render/index.ts";
import { langOf, overrides, pickFormat, start, stdoutPalette, strictly, toFile, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";
import { configureStderr } from "../stderr.ts";

/** Prints every problem of the criteria and the data at once; exit 2 on any error. */
export async function run([dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("validate", o);
  const loaded = loadAssessment((dir as string | undefined) ?? ".", overrides(o));
  const lang = langOf(o, loaded.criteria);
  configureStderr({ lang });
  let diagnostics = [...loaded.diagnostics];
  if (loaded.criteria && loaded.dataset && !diagnostics.some((d) => d.severity === "error")) {
    diagnostics.push(...score(loaded.criteria, loaded.dataset).diagnostics);
  }
  diagnostics = strictly(diagnostics, o);
  const report = { diagnostics, files: loaded.inputs.map(displayPath), units: loaded.dataset?.units.length ?? 0 };
  writeOutput(o.output, render("validate", format, report, { lang, palette: stdoutPalette(o, toFile(o)) }), loaded.inputs);
  if (diagnostics.some((d) => d.severity === "error")) throw new ExitError(2);
}
