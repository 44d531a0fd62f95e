import { render } from "../../render/index.ts";
import { select } from "../../render/select.ts";
import { checkLevel, loadOrFail, parseTop, pickFormat, scoreOrFail, start, renderOptions, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";

export async function run([dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("rank", o);
  const top = parseTop(o.top);
  const loaded = loadOrFail(dir as string | undefined, o);
  checkLevel(loaded.criteria, o.level);
  const result = select(scoreOrFail(loaded, o), { ...(o.level ? { level: o.level } : {}), ...(top ? { top } : {}) });
  const out = render("rank", format, result, renderOptions(o, loaded.criteria));
  writeOutput(o.output, out, loaded.inputs);
}
