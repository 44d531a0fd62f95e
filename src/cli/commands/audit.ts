// `audit [dir]`: the statistical audit of the criteria on the scored data, per level.
import { audit } from "../../engine/audit.ts";
import { render } from "../../render/index.ts";
import { select } from "../../render/select.ts";
import { loadScored } from "../columns.ts";
import { pickFormat, renderOptions, start, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";

export interface AuditFlags {
  /** parsed by commander (main.ts): a percentage in [0, 100] */
  minAvailability?: number;
}

export async function run([dir]: unknown[], o: CommonOptions & AuditFlags): Promise<void> {
  start(o);
  const format = pickFormat("audit", o);
  const { loaded, result: whole } = await loadScored(dir as string | undefined, o);
  const result = select(whole, o.level ? { level: o.level } : {});
  const a = audit(result, o.minAvailability !== undefined ? { minAvailability: o.minAvailability / 100 } : {});
  writeOutput(o.output, await render("audit", format, a, renderOptions(o, loaded.criteria)), loaded.inputs);
}
