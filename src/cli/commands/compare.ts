// `compare <before> <after>`: two assessments (folders or manifests), or two periods of one
// (`compare [dir] --from P --to Q`); optionally a regression gate (--fail-on-drop N).
import path from "node:path";
import { GateError, InputError, UsageError, diag, hasErrors, type Diagnostic } from "../../diag/diagnostic.ts";
import { formatDiagnostic, message } from "../../diag/format.ts";
import { compare, drops, type Comparison, type Drop } from "../../engine/compare.ts";
import { score } from "../../engine/views.ts";
import { lineages, sideUnitsOf } from "../../engine/crosswalk.ts";
import { weightReader } from "../../load/crosswalk.ts";
import type { ColumnarDataset } from "../../model/columns.ts";
import type { Criteria, Lang } from "../../model/criteria.ts";
import type { Result } from "../../model/result.ts";
import { compareCsvChunks, dropDetail } from "../../render/compare.ts";
import { render } from "../../render/index.ts";
import { t } from "../../render/labels.ts";
import { select } from "../../render/select.ts";
import { readColumns, type ColumnsRead } from "../columns.ts";
import { langOf, noUnits, parseTop, pickFormat, renderOptions, start, strictly, type CommonOptions } from "../context.ts";
import { writeOutput, writeOutputPieces } from "../output.ts";
import { configureStderr, printDiagnostics, printError, styles } from "../stderr.ts";

interface CompareFlags extends CommonOptions {
  from?: string;
  to?: string;
  labels?: string;
  differences?: string;
  failOnDrop?: string;
  verification?: boolean;
  crosswalk?: string;
}

interface SideSpec {
  dir: string;
  period?: string;
}

/** A whole number, 0 or more (for --fail-on-drop 0: any fall). */
function whole(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError("USAGE_WHOLE", { option, value });
  return n;
}

function parseLabels(value: string | undefined): { before: string; after: string } | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(",").map((s) => s.trim().normalize("NFC"));
  if (parts.length !== 2 || parts.some((p) => p === "")) throw new UsageError("USAGE_LABELS", { value });
  return { before: parts[0] as string, after: parts[1] as string };
}

function sides(args: unknown[], o: CompareFlags): [SideSpec, SideSpec] {
  const dirs = args.filter((a): a is string => typeof a === "string");
  const withPeriod = (dir: string, period: string | undefined): SideSpec => (period === undefined ? { dir } : { dir, period });
  if (dirs.length === 2) return [withPeriod(dirs[0] as string, o.from), withPeriod(dirs[1] as string, o.to)];
  if (o.from !== undefined && o.to !== undefined) {
    const dir = dirs[0] ?? ".";
    return [{ dir, period: o.from }, { dir, period: o.to }];
  }
  throw new UsageError("USAGE_COMPARE_ARGS", { count: dirs.length });
}

/** The same dataset loaded twice repeats its warnings: each is shown once. */
function unique(diags: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const k = JSON.stringify([d.code, d.severity, d.file, d.line, d.column, d.args]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Names for the two sides: their periods when they differ, else their folder names, else before/after. */
function defaultLabels(specs: [SideSpec, SideSpec], results: [Result, Result], lang: Lang): { before: string; after: string } {
  const [pb, pa] = [results[0].period, results[1].period];
  if (pb !== undefined && pa !== undefined && pb !== pa) return { before: pb, after: pa };
  const name = (d: string) => path.basename(path.resolve(d)).replace(/\.ya?ml$/i, "") || d;
  const [nb, na] = [name(specs[0].dir), name(specs[1].dir)];
  if (nb !== na) return { before: nb, after: na };
  return { before: t("before", lang), after: t("after", lang) };
}

function basisDetail(c: Comparison, lang: Lang): string {
  const en = lang === "en";
  const parts: string[] = [];
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id).join(", ");
  if (c.indicators.onlyBefore.length) parts.push(`${en ? "only in" : "chỉ có ở"} ${c.labels.before}: ${ids(c.indicators.onlyBefore)}`);
  if (c.indicators.onlyAfter.length) parts.push(`${en ? "only in" : "chỉ có ở"} ${c.labels.after}: ${ids(c.indicators.onlyAfter)}`);
  if (c.indicators.maxChanged.length) parts.push(`${en ? "maxima changed" : "điểm tối đa thay đổi"}: ${[...new Set(c.indicators.maxChanged.map((m) => m.id))].join(", ")}`);
  return parts.join("; ");
}

function checkLevelIn(criteria: Criteria[], level: string | undefined): void {
  if (level === undefined) return;
  const known = [...new Set(criteria.flatMap((c) => c.levels.map((l) => l.id)))];
  if (!known.includes(level)) throw new UsageError("USAGE_LEVEL", { level, known: known.join(", ") });
}

export async function run(args: unknown[], o: CompareFlags): Promise<void> {
  start(o);
  const format = pickFormat("compare", o);
  if (o.period !== undefined) throw new UsageError("USAGE_COMPARE_PERIOD");
  const top = parseTop(o.top);
  const differences = whole("--differences", o.differences);
  const maxFall = whole("--fail-on-drop", o.failOnDrop);
  const labels = parseLabels(o.labels);
  if (format === "junit" && maxFall === undefined) throw new UsageError("USAGE_JUNIT_GATE", { command: "compare", option: "--fail-on-drop N" });
  const specs = sides(args, o);

  // --crosswalk belongs to the second side: the first side's units are its old codes
  const loaded: ColumnsRead[] = [];
  for (const [i, s] of specs.entries()) {
    const read = await readColumns(s.dir, o, { ...(s.period !== undefined ? { period: s.period } : {}), ...(i === 1 && o.crosswalk !== undefined ? { crosswalk: o.crosswalk } : {}) });
    read.progress?.done();
    loaded.push(read);
  }
  const [lb, la] = loaded as [ColumnsRead, ColumnsRead];
  const lang = langOf(o, la.criteria ?? lb.criteria);
  configureStderr({ lang });
  const loadDiags = strictly(unique([...lb.diagnostics, ...noUnits(lb), ...la.diagnostics, ...noUnits(la)]), o);
  if (hasErrors(loadDiags) || !lb.criteria || !lb.dataset || !la.criteria || !la.dataset) throw new InputError(loadDiags);
  printDiagnostics(loadDiags, lang);
  checkLevelIn([lb.criteria, la.criteria], o.level);

  const scored = [lb, la].map((l) => score(l.criteria as Criteria, l.dataset as ColumnarDataset)) as [Result, Result];
  const scoreDiags = strictly(unique([...scored[0].diagnostics, ...scored[1].diagnostics]), o);
  if (hasErrors(scoreDiags)) throw new InputError(scoreDiags);
  printDiagnostics(scoreDiags, lang);
  const narrowed = scored.map((r) => select(r, o.level !== undefined ? { level: o.level } : {})) as [Result, Result];

  const names = labels ?? defaultLabels(specs, scored, lang);
  // The crosswalk of the second side (its manifest's `crosswalk:`): merged units meet their predecessors.
  const cw = la.crosswalk ? lineages(la.crosswalk, sideUnitsOf(lb.criteria, lb.dataset), sideUnitsOf(la.criteria, la.dataset), names.before, weightReader(lb.assessment?.decimal ?? ".")) : undefined;
  if (cw) {
    const d = strictly(cw.diagnostics, o);
    if (hasErrors(d)) throw new InputError(d);
    printDiagnostics(d, lang);
  }

  const comparison = compare(narrowed[0], narrowed[1], {
    labels: names,
    ...(cw && la.crosswalk ? { lineages: cw.lineages, crosswalkFile: la.crosswalk.file } : {}),
    ...(differences !== undefined ? { differences } : {}),
    ...(top !== undefined ? { top } : {}),
    ...(o.verification ? { verification: true } : {}),
  });
  if (comparison.basis === "percent") printDiagnostics([diag("COMPARE_DIFFERENT_BASIS", "warning", { detail: basisDetail(comparison, lang) })], lang);

  const ro = { ...renderOptions(o, la.criteria), ...(maxFall !== undefined ? { gate: { failOnDrop: maxFall } } : {}) };
  // (the CSV, a row per unit, written in pieces as they are made, as rank's is)
  if (format === "csv") await writeOutputPieces(o.output, compareCsvChunks(comparison, ro), [...lb.inputs, ...la.inputs]);
  else writeOutput(o.output, await render("compare", format, comparison, ro), [...lb.inputs, ...la.inputs]);

  if (maxFall === undefined) return;
  const fell = drops(comparison, maxFall);
  if (fell.length === 0) return;
  const s = styles();
  for (const d of fell) {
    const u = d.unit;
    printError(formatDiagnostic(diag("COMPARE_DROP", "error", { unit: u.code, name: u.name, level: u.level, detail: dropDetail(d, comparison, lang) }), lang, s));
  }
  throw new GateError(message({ code: "COMPARE_GATE", args: { count: fell.length, ranks: maxFall } }, lang));
}
