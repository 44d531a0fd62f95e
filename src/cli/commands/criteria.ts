import { InputError, hasErrors } from "../../diag/diagnostic.ts";
import { loadAssessmentCriteria } from "../../load/assessment.ts";
import { render } from "../../render/index.ts";
import { langOf, overrides, pickFormat, reportManifest, start, stdoutPalette, strictly, tableWidth, toFile, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";
import { configureStderr, printDiagnostics } from "../stderr.ts";

const widthOf = (o: CommonOptions): { width?: number } => {
  const width = tableWidth(o);
  return width === undefined ? {} : { width };
};

export async function run([dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("criteria", o);
  const target = dir as string | undefined;
  // A criteria file can be given directly: `egov-score criteria criteria/vn-cqdt-2019.yaml`.
  const direct = target !== undefined && /\.ya?ml$/i.test(target) && !/egov-score\.ya?ml$/i.test(target);
  const loaded = direct ? loadAssessmentCriteria(".", { ...overrides(o), criteria: target, data: ["-"] }) : loadAssessmentCriteria(target, { ...overrides(o), data: o.data ?? ["-"] });
  const lang = langOf(o, loaded.criteria);
  configureStderr({ lang });
  reportManifest(loaded, lang);
  const diagnostics = strictly(loaded.diagnostics.filter((d) => d.code !== "NO_DATA"), o);
  if (hasErrors(diagnostics) || !loaded.criteria) throw new InputError(diagnostics);
  printDiagnostics(diagnostics, lang);
  writeOutput(o.output, render("criteria", format, loaded.criteria, { lang, palette: stdoutPalette(o, toFile(o)), ...widthOf(o) }), loaded.inputs);
}
