import { UsageError } from "../../diag/diagnostic.ts";
import { explain, findUnit } from "../../engine/explain.ts";
import { inert } from "../../render/common.ts";
import { render } from "../../render/index.ts";
import { loadScored } from "../columns.ts";
import { pickFormat, renderOptions, start, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";

const named = (u: { code: string; name: string }): string => inert(`${u.code} (${u.name.replace(/\s+/g, " ")})`);

/** How one unit's score was computed, indicator by indicator. */
export async function run([query, dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("explain", o);
  const { loaded, result } = await loadScored(dir as string | undefined, o);
  const q = String(query);
  const found = findUnit(result, q);
  if (found.kind === "ambiguous") {
    const list = found.units.slice(0, 8).map(named).join(", ") + (found.units.length > 8 ? ", …" : "");
    throw new UsageError("UNIT_AMBIGUOUS", { query: inert(q), count: found.units.length, units: list });
  }
  if (found.kind === "unknown") {
    throw new UsageError("UNIT_NOT_FOUND", { query: inert(q), suggestions: found.suggestions.map(named).join(", ") });
  }
  writeOutput(o.output, render("explain", format, explain(result, found.unit), renderOptions(o, loaded.criteria)), loaded.inputs);
}
