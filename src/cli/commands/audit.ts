// `audit [dir]`: the statistical audit of the criteria on the scored data, per level.
import { UsageError } from "../../diag/diagnostic.ts";
import { audit } from "../../engine/audit.ts";
import { render } from "../../render/index.ts";
import { select } from "../../render/select.ts";
import { checkLevel, loadOrFail, pickFormat, renderOptions, scoreOrFail, start, toFile, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";

export interface AuditFlags {
  /** parsed by commander (main.ts): a percentage in [0, 100] */
  minAvailability?: number;
}

export async function run([dir]: unknown[], o: CommonOptions & AuditFlags): Promise<void> {
  start(o);
  const format = pickFormat("audit", o);
  if (format === "xlsx" && !toFile(o) && process.stdout.isTTY) throw new UsageError("USAGE_BINARY_TERMINAL", { format });
  const loaded = await loadOrFail(dir as string | undefined, o);
  checkLevel(loaded.criteria, o.level);
  const result = select(scoreOrFail(loaded, o), o.level ? { level: o.level } : {});
  const a = audit(result, o.minAvailability !== undefined ? { minAvailability: o.minAvailability / 100 } : {});
  writeOutput(o.output, await render("audit", format, a, renderOptions(o, loaded.criteria)), loaded.inputs);
}
