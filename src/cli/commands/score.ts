import { render } from "../../render/index.ts";
import { select } from "../../render/select.ts";
import { checkLevel, loadOrFail, pickFormat, scoreOrFail, start, renderOptions, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";

export async function run([dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("score", o);
  const loaded = await loadOrFail(dir as string | undefined, o);
  checkLevel(loaded.criteria, o.level);
  const result = select(scoreOrFail(loaded, o), o.level ? { level: o.level } : {});
  const out = render("score", format, result, renderOptions(o, loaded.criteria));
  writeOutput(o.output, out, loaded.inputs);
}
