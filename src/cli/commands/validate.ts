import { isCellError } from "../../diag/cells.ts";
import { ExitError, type Diagnostic } from "../../diag/diagnostic.ts";
import { scoreColumns } from "../../engine/scoring.ts";
import { resultOf } from "../../engine/views.ts";
import { displayPath } from "../../load/files.ts";
import type { Result } from "../../model/result.ts";
import { render } from "../../render/index.ts";
import { writeJobSummary } from "../ci.ts";
import { langOf, noUnits, pickFormat, reportManifest, start, stdoutPalette, strictly, toFile, type CommonOptions } from "../context.ts";
import { readColumns, type ColumnsRead } from "../columns.ts";
import { writeOutput } from "../output.ts";
import { configureStderr } from "../stderr.ts";

/** Prints every problem of the criteria and the data at once; exit 2 on any error. */
export async function run([dir]: unknown[], o: CommonOptions): Promise<void> {
  start(o);
  const format = pickFormat("validate", o);
  const loaded = await readColumns(dir as string | undefined, o);
  loaded.progress?.done();
  const lang = langOf(o, loaded.criteria);
  configureStderr({ lang });
  reportManifest(loaded, lang);
  const summary = process.env.GITHUB_STEP_SUMMARY !== undefined;
  const first = check(loaded, summary);
  const result = first.result;
  let diagnostics: Diagnostic[];
  const inputs = new Set(loaded.inputs);
  const periods = loaded.periods;
  if (o.period === undefined && periods.length > 1 && loaded.dataset?.period !== undefined) {
    // Every period is checked, not only the latest one that the other commands score; each
    // problem names its period, unless every period has it (a header, the criteria).
    const each: [string, Diagnostic[]][] = [];
    for (const p of periods) {
      if (p === loaded.dataset.period) {
        each.push([p, first.diagnostics]);
        continue;
      }
      const other = await readColumns(dir as string | undefined, { ...o, period: p });
      other.progress?.done();
      for (const f of other.inputs) inputs.add(f);
      each.push([p, check(other, false).diagnostics]);
    }
    diagnostics = byPeriod(each);
  } else diagnostics = first.diagnostics;
  diagnostics = strictly(diagnostics, o);
  const report = { diagnostics, files: [...inputs].map(displayPath), units: loaded.dataset?.size ?? 0 };
  writeOutput(o.output, render("validate", format, report, { lang, palette: stdoutPalette(o, toFile(o)) }), [...inputs]);
  writeJobSummary(
    {
      command: "validate",
      ...(loaded.criteria ? { criteria: loaded.criteria } : {}),
      ...(result ? { result } : {}),
      diagnostics,
      checked: { files: report.files.length, units: report.units },
      ...(o.strict ? { strict: true } : {}),
      top: 0,
    },
    lang,
  );
  if (diagnostics.some((d) => d.severity === "error")) throw new ExitError(2);
}

/** The problems of one read: the loader's, then (if it found no error) the engine's. */
function check(loaded: ColumnsRead, summary: boolean): { diagnostics: Diagnostic[]; result?: Result } {
  const diagnostics = [...loaded.diagnostics, ...noUnits(loaded)];
  // (errors at cells leave their cell empty: the engine's checks of the other cells still run,
  // so that a value above its maximum is told in the same pass as a mistyped one)
  if (!loaded.criteria || !loaded.dataset || diagnostics.some((d) => d.severity === "error" && !isCellError(d))) return { diagnostics };
  // the engine's own problems (a value above the maximum, a missing value under `missing:
  // error`); the job summary also shows the ranking, from the top-level nodes
  const scored = scoreColumns(loaded.criteria, loaded.dataset, { keep: summary ? "top" : "points" });
  diagnostics.push(...scored.diagnostics);
  return { diagnostics, ...(summary ? { result: resultOf(scored) } : {}) };
}

/**
 * The problems of every period, once each: one that every period has (a header, the criteria)
 * as it is; one found in some periods only, with their labels. PERIOD_LATEST goes: no period was
 * picked.
 */
export function byPeriod(each: readonly [string, readonly Diagnostic[]][]): Diagnostic[] {
  const seen = new Map<string, { d: Diagnostic; periods: string[] }>();
  for (const [p, diags] of each) {
    for (const d of diags) {
      if (d.code === "PERIOD_LATEST") continue;
      const key = JSON.stringify([d.code, d.severity, d.file, d.line, d.column, d.args]);
      const s = seen.get(key);
      if (s) {
        if (!s.periods.includes(p)) s.periods.push(p);
      } else seen.set(key, { d, periods: [p] });
    }
  }
  return [...seen.values()].map(({ d, periods }) => (periods.length === each.length ? d : { ...d, period: periods.join(", ") }));
}
