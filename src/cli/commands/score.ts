import { render } from "../../render/index.ts";
import { select } from "../../render/select.ts";
import { loadScored } from "../columns.ts";
import { pickFormat, start, renderOptions, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";

export async function run([dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("score", o);
  const { loaded, result: whole } = await loadScored(dir as string | undefined, o);
  const result = select(whole, o.level ? { level: o.level } : {});
  const out = await render("score", format, result, renderOptions(o, loaded.criteria));
  writeOutput(o.output, out, loaded.inputs);
}
