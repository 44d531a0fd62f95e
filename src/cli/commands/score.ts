import { resultOf } from "../../engine/views.ts";
import { render } from "../../render/index.ts";
import { scoreCsvChunks } from "../../render/score.ts";
import { select } from "../../render/select.ts";
import { loadScoring } from "../columns.ts";
import { pickFormat, start, renderOptions, type CommonOptions } from "../context.ts";
import { writeOutput, writeOutputPieces } from "../output.ts";

export async function run([dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("score", o);
  const { loaded, scored } = await loadScoring(dir as string | undefined, o);
  const ro = renderOptions(o, loaded.criteria);
  // (the CSV, half a million rows for a national assessment, written in chunks as they are made,
  // straight from the scoring's columns: no unit object)
  if (format === "csv") await writeOutputPieces(o.output, scoreCsvChunks({ scoring: scored, ...(o.level ? { levels: [o.level] } : {}) }, ro), loaded.inputs);
  else writeOutput(o.output, await render("score", format, select(resultOf(scored), o.level ? { level: o.level } : {}), ro), loaded.inputs);
}
