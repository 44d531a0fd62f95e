import { render } from "../../render/index.ts";
import { scoreCsvChunks } from "../../render/score.ts";
import { select } from "../../render/select.ts";
import { loadScored } from "../columns.ts";
import { pickFormat, start, renderOptions, type CommonOptions } from "../context.ts";
import { writeOutput, writeOutputPieces } from "../output.ts";

export async function run([dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("score", o);
  const { loaded, result: whole } = await loadScored(dir as string | undefined, o);
  const result = select(whole, o.level ? { level: o.level } : {});
  const ro = renderOptions(o, loaded.criteria);
  // (the CSV, half a million rows for a national assessment, written in chunks as they are made)
  if (format === "csv") await writeOutputPieces(o.output, scoreCsvChunks(result, ro), loaded.inputs);
  else writeOutput(o.output, await render("score", format, result, ro), loaded.inputs);
}
