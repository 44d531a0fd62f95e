// `rank`: load into columns, score, then render (the CSV streamed in pieces, so a million units
// never become a million objects), whatever the size of the data.
import { UsageError } from "../../diag/diagnostic.ts";
import { resultOf } from "../../engine/views.ts";
import type { Result } from "../../model/result.ts";
import { render } from "../../render/index.ts";
import { rankCsvColumns } from "../../render/rank.ts";
import { select } from "../../render/select.ts";
import { finishRun, summarizeFailure, type GateOptions } from "../ci.ts";
import { checkLevel, langOf, parseTop, pickFormat, renderOptions, start, type CommonOptions } from "../context.ts";
import { scoreProvisionally } from "../provisional.ts";
import { loadColumns, stepTimer } from "../columns.ts";
import { writeOutput, writeOutputPieces } from "../output.ts";
import { printDiagnostics } from "../stderr.ts";

export async function run([dir]: unknown[], o: CommonOptions & GateOptions): Promise<void> {
  start(o);
  const format = pickFormat("rank", o);
  const top = parseTop(o.top);
  if (format === "junit" && o.failUnder === undefined) throw new UsageError("USAGE_JUNIT_GATE", { command: "rank", option: "--fail-under PERCENT" });
  const steps = stepTimer();
  // The gate, the badge and the job summary read the ranking as the result model; the CSV alone
  // needs only the top-level groups' points; Markdown, JUnit and the workbook lay out the report's statistics,
  // from every node.
  const gate = o.failUnder !== undefined || o.badge !== undefined || process.env.GITHUB_STEP_SUMMARY !== undefined;
  const keep = format === "md" || format === "junit" || format === "xlsx" ? "all" : format === "csv" && !gate ? "points" : "top";
  const { loaded, scored } = await summarizeFailure("rank", async () => {
    const loaded = await loadColumns(dir as string | undefined, o);
    try {
      steps.mark("read");
      checkLevel(loaded.criteria, o.level);
      loaded.progress?.step(langOf(o, loaded.criteria) === "vi" ? "chấm điểm" : "scoring");
      // (--provisional: errors at cells do not stop the ranking, which carries them; views, criteria
      // `views:`, read every indicator's score: kept where they are shown)
      const { scored, diagnostics } = scoreProvisionally(loaded.criteria, loaded.columns, keep === "top" && loaded.criteria.views.length > 0 ? "all" : keep, o, loaded.cellErrors);
      printDiagnostics(diagnostics, langOf(o, loaded.criteria));
      return { loaded, scored };
    } catch (e) {
      loaded.progress?.done();
      throw e;
    }
  });
  steps.mark("scored");
  const lang = langOf(o, loaded.criteria);
  loaded.progress?.step(lang === "vi" ? "ghi kết quả" : "writing");
  const ro = { ...renderOptions(o, loaded.criteria), ...(o.failUnder !== undefined ? { gate: { failUnder: o.failUnder } } : {}) };
  const level = o.level !== undefined ? { level: o.level } : {};
  let result: Result | undefined;
  if (format === "csv") {
    await writeOutputPieces(o.output, rankCsvColumns(scored, ro, { ...level, ...(top !== undefined ? { top } : {}) }), loaded.inputs);
  } else {
    result = select(resultOf(scored), level);
    // the JUnit report is the gate's: every unit it checks, not the --top shown
    writeOutput(o.output, await render("rank", format, top && format !== "junit" ? select(result, { top }) : result, ro), loaded.inputs);
  }
  loaded.progress?.done();
  steps.mark("written");
  // (--verbose: the time of each step, where the data was large enough to be streamed)
  if (loaded.reader === "streamed") steps.print(loaded.columns.size, "streamed");
  if (gate) finishRun("rank", result ?? select(resultOf(scored), level), [...loaded.diagnostics, ...scored.diagnostics], o, lang, loaded.inputs);
}
