import { UsageError } from "../../diag/diagnostic.ts";
import { buildReport } from "../../engine/report.ts";
import { render } from "../../render/index.ts";
import { select } from "../../render/select.ts";
import { checkLevel, loadOrFail, pickFormat, renderOptions, scoreOrFail, start, toFile, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";

/** The whole report: md on stdout by default, html or xlsx by the -o extension or -f. */
export async function run([dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("report", o);
  // A workbook on a terminal is noise that can upset it; on a pipe or in a file it is what was asked for.
  if (format === "xlsx" && !toFile(o) && process.stdout.isTTY) throw new UsageError("USAGE_BINARY_TERMINAL", { format });
  const loaded = loadOrFail(dir as string | undefined, o);
  checkLevel(loaded.criteria, o.level);
  const result = select(scoreOrFail(loaded, o), o.level ? { level: o.level } : {});
  const out = await render("report", format, buildReport(result), renderOptions(o, loaded.criteria));
  writeOutput(o.output, out, loaded.inputs);
}
