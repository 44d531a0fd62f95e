import { UsageError } from "../../diag/diagnostic.ts";
import { render } from "../../render/index.ts";
import { select } from "../../render/select.ts";
import { finishRun, summarizeFailure, type GateOptions } from "../ci.ts";
import { checkLevel, langOf, loadOrFail, parseTop, pickFormat, scoreOrFail, start, renderOptions, type CommonOptions } from "../context.ts";
import { rankLarge } from "../large.ts";
import { writeOutput } from "../output.ts";

export async function run([dir]: unknown[], o: CommonOptions & GateOptions): Promise<void> {
  start(o);
  const format = pickFormat("rank", o);
  const top = parseTop(o.top);
  if (format === "junit" && o.failUnder === undefined) throw new UsageError("USAGE_JUNIT_GATE", { command: "rank", option: "--fail-under PERCENT" });
  // Large data: read in columns on every core (cli/large.ts); the same output.
  const large = await rankLarge(dir as string | undefined, o, format, top);
  if (large === true) return;
  const { loaded, result } = summarizeFailure("rank", () => {
    const loaded = loadOrFail(dir as string | undefined, o, large.manifest);
    checkLevel(loaded.criteria, o.level);
    return { loaded, result: select(scoreOrFail(loaded, o), o.level ? { level: o.level } : {}) };
  });
  const ro = { ...renderOptions(o, loaded.criteria), ...(o.failUnder !== undefined ? { gate: { failUnder: o.failUnder } } : {}) };
  // the JUnit report is the gate's: every unit it checks, not the --top shown
  const out = render("rank", format, top && format !== "junit" ? select(result, { top }) : result, ro);
  writeOutput(o.output, out, loaded.inputs);
  finishRun("rank", result, [...loaded.diagnostics, ...result.diagnostics], o, langOf(o, loaded.criteria), loaded.inputs);
}
