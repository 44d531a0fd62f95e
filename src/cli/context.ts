// What every assessment command shares: flags to overrides, loading with diagnostics printed
// (warnings) or thrown (errors), the language, the format and the palette for stdout.
import { isCellError } from "../diag/cells.ts";
import { existsSync } from "node:fs";
import path from "node:path";
import { InputError, UsageError, diag, hasErrors, type Diagnostic } from "../diag/diagnostic.ts";
import { displayPath } from "../load/files.ts";
import type { Limits } from "../load/limits.ts";
import type { Loaded } from "../load/assessment.ts";
import type { Overrides } from "../load/manifest.ts";
import type { Criteria, Lang } from "../model/criteria.ts";
import type { Result } from "../model/result.ts";
import type { CsvOptions, Palette, RenderOptions } from "../render/common.ts";
import { DEFAULT_FORMAT, FORMATS, formatsOfPath, type Format, type View } from "../render/formats.ts";
import { chalkFor, useColor } from "./color.ts";
import { startLang } from "./lang.ts";
import { configureStderr, isVerbose, printDiagnostics, printError } from "./stderr.ts";

export interface CommonOptions {
  criteria?: string;
  data?: string[];
  units?: string;
  period?: string;
  inputEncoding?: Overrides["encoding"];
  inputDelimiter?: string;
  inputDecimal?: Overrides["decimal"];
  format?: string;
  output?: string;
  level?: string;
  lang?: Lang;
  top?: string;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  bom?: boolean;
  delimiter?: string;
  decimal?: "." | ",";
  excel?: boolean;
  strict?: boolean;
  /** rank, report: rank despite errors at cells, marked as provisional (cli/provisional.ts) */
  provisional?: boolean;
  maxFileSize?: string;
  maxDepth?: string;
  /** rank, score, compare: the full table whatever the terminal's width (sensitivity: a number, its own flag) */
  wide?: boolean | string;
}

/** CSV conventions from --excel, --bom, --delimiter and --decimal (explicit flags win). */
export function csvOptions(o: CommonOptions): CsvOptions {
  const excel = o.excel === true;
  const delimiter = o.delimiter === "tab" ? "\t" : (o.delimiter ?? (excel ? ";" : ","));
  const decimal = o.decimal ?? (excel ? "," : ".");
  // A decimal comma in a comma-separated file would split every number in two.
  if (decimal === "," && delimiter === ",") throw new UsageError("USAGE", { detail: "--decimal , needs another --delimiter (';' or 'tab'), or use --excel" });
  return { delimiter: delimiter as CsvOptions["delimiter"], decimal, bom: o.bom === true || excel };
}

/** Everything a renderer needs from the flags. */
export function renderOptions(o: CommonOptions, criteria?: Criteria): RenderOptions {
  const width = tableWidth(o);
  return { lang: langOf(o, criteria), palette: stdoutPalette(o, toFile(o)), csv: csvOptions(o), ...(width !== undefined ? { width } : {}) };
}

/**
 * The width terminal tables fit: COLUMNS, else the terminal's. None (the full table) with --wide,
 * into a file, or into a pipe without COLUMNS, so that what a script reads does not depend on
 * the window it ran in.
 */
export function tableWidth(o: CommonOptions): number | undefined {
  if (o.wide === true || toFile(o)) return undefined;
  const columns = Number(process.env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined;
}

export function overrides(o: CommonOptions): Overrides {
  const out: Overrides = {};
  if (o.criteria) out.criteria = o.criteria;
  if (o.data?.length) out.data = o.data;
  if (o.units) out.units = o.units;
  if (o.period !== undefined) out.period = o.period;
  if (o.inputEncoding) out.encoding = o.inputEncoding;
  if (o.inputDelimiter) out.delimiter = (o.inputDelimiter === "tab" || o.inputDelimiter === "\\t" ? "\t" : o.inputDelimiter) as Overrides["delimiter"];
  if (o.inputDecimal) out.decimal = o.inputDecimal;
  const limits: Partial<Limits> = {};
  if (o.maxFileSize !== undefined) limits.maxFileSize = positiveInteger("--max-file-size", o.maxFileSize);
  if (o.maxDepth !== undefined) limits.maxDepth = positiveInteger("--max-depth", o.maxDepth);
  out.limits = limits;
  return out;
}

export function langOf(o: CommonOptions, criteria?: Criteria): Lang {
  if (o.lang) return o.lang;
  if (criteria) return criteria.language;
  return startLang();
}

/** With --verbose, says on stderr which manifest the command used (found upward, or given). */
export function reportManifest(loaded: Pick<Loaded, "assessment">, lang: Lang): void {
  if (!isVerbose()) return;
  const m = loaded.assessment?.manifest;
  if (m) printError(lang === "vi" ? `egov-score: dùng manifest ${m}` : `egov-score: using the manifest ${m}`);
  else if (loaded.assessment) printError(lang === "vi" ? "egov-score: không dùng manifest; --criteria và --data chỉ ra đầu vào" : "egov-score: no manifest; --criteria and --data name the inputs");
}


/** A loaded assessment: warnings to stderr, errors end the command (exit 2). */
export function checkLoaded<L extends Pick<Loaded, "assessment" | "criteria" | "diagnostics"> & { dataset?: unknown }>(loaded: L, o: CommonOptions): L & { criteria: Criteria; dataset: NonNullable<L["dataset"]>; cellErrors: Diagnostic[] } {
  const lang = langOf(o, loaded.criteria);
  configureStderr({ lang });
  reportManifest(loaded, lang);
  const diagnostics = strictly([...loaded.diagnostics, ...noUnits(loaded)], o);
  // --provisional: errors at cells do not stop the run (the cell is left empty); the others do
  const cellErrors = o.provisional ? diagnostics.filter(isCellError) : [];
  if (diagnostics.some((d) => d.severity === "error" && !(o.provisional && isCellError(d))) || !loaded.criteria || !loaded.dataset) throw new InputError(diagnostics);
  printDiagnostics(diagnostics, lang);
  return Object.assign(loaded, { cellErrors }) as L & { criteria: Criteria; dataset: NonNullable<L["dataset"]>; cellErrors: Diagnostic[] };
}

/**
 * An assessment without a single unit (as `init` leaves it) has nothing to score: an error that
 * says which files to fill in, rather than empty tables and exit 0.
 */
export function noUnits(loaded: Pick<Loaded, "assessment" | "diagnostics"> & { dataset?: unknown }): Diagnostic[] {
  const count = (loaded.dataset as { size?: number } | undefined)?.size;
  if (count === undefined || count > 0 || hasErrors(loaded.diagnostics)) return [];
  const a = loaded.assessment;
  const base = a?.manifest ? path.dirname(a.manifest) : process.cwd();
  const readme = path.join(base, "README.md");
  return [
    diag("DATA_NO_UNITS", "error", {
      units: a?.units ? displayPath(a.units) : displayPath(path.join(base, "units.csv")),
      data: (a?.data ?? []).map((d) => displayPath(path.resolve(a?.dataBase ?? base, d))).join(", ") || "--data",
      readme: existsSync(readme) ? displayPath(readme) : "`egov-score criteria`",
    }),
  ];
}

/**
 * The output format: -f, else what the -o name says, else CSV when a CSV flag is given, else the
 * view's default. The output always is what it says: an -o name whose extension is a format the
 * command cannot write, an -o name and -f that disagree, or CSV flags on another format, are
 * usage errors (exit 2), never a file of another kind under that name.
 */
export function pickFormat<V extends View>(view: V, o: CommonOptions): Format<V> {
  const allowed: readonly string[] = FORMATS[view];
  const list = allowed.join(", ");
  const names = toFile(o) ? formatsOfPath(o.output) : undefined;
  const named = names?.find((f) => allowed.includes(f));
  if (names !== undefined && named === undefined) throw new UsageError("USAGE_OUTPUT_FORMAT", { file: o.output as string, format: names[0] as string, command: view, allowed: list });
  if (o.format !== undefined && !allowed.includes(o.format)) throw new UsageError("USAGE_FORMAT", { format: o.format, command: view, allowed: list });
  if (o.format !== undefined && names !== undefined && !names.includes(o.format)) throw new UsageError("USAGE_FORMAT_CONFLICT", { format: o.format, file: o.output as string, named: names[0] as string });
  const csvFlag = csvFlagOf(o);
  const f =
    o.format ??
    named ??
    // --excel, --bom, --delimiter or --decimal ask for CSV
    (csvFlag !== undefined && allowed.includes("csv") ? "csv" : undefined) ??
    // the view's default (report: md), else table, else the view's only kind of output (template: csv)
    DEFAULT_FORMAT[view] ??
    (allowed.includes("table") ? "table" : (allowed[0] as string));
  if (csvFlag !== undefined && f !== "csv") throw new UsageError("USAGE_CSV_FLAG", { flag: csvFlag, format: f });
  // A workbook on a terminal is noise that can upset it; on a pipe or in a file it is what was asked for.
  if (f === "xlsx" && !toFile(o) && process.stdout.isTTY) throw new UsageError("USAGE_BINARY_TERMINAL", { format: f, command: view });
  return f as Format<V>;
}

/** The first CSV flag given, if any. */
function csvFlagOf(o: CommonOptions): string | undefined {
  if (o.excel) return "--excel";
  if (o.bom) return "--bom";
  if (o.delimiter !== undefined) return "--delimiter";
  if (o.decimal !== undefined) return "--decimal";
  return undefined;
}

export function checkLevel(criteria: Criteria, level: string | undefined): void {
  if (level !== undefined && !criteria.levels.some((l) => l.id === level)) {
    throw new UsageError("USAGE_LEVEL", { level, known: criteria.levels.map((l) => l.id).join(", ") });
  }
}

export function positiveInteger(option: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError("USAGE_NUMBER", { option, value });
  return n;
}

export function parseTop(top: string | undefined): number | undefined {
  return top === undefined ? undefined : positiveInteger("--top", top);
}

/** With --strict, warnings count as errors. */
export function strictly(diags: readonly Diagnostic[], o: CommonOptions): Diagnostic[] {
  return o.strict ? diags.map((d) => (d.severity === "warning" ? { ...d, severity: "error" as const } : d)) : [...diags];
}

/** Colour for what goes to stdout: only when stdout itself is a terminal. */
export function stdoutPalette(o: CommonOptions, toFile: boolean): Palette {
  const c = chalkFor(!toFile && useColor(o.color, process.stdout));
  const bands = [c.green.bold, c.green, c.cyan, c.yellow, c.red, c.magenta];
  return {
    band: (i, s) => (i < 0 ? s : i >= 99 ? c.red(s) : (bands[Math.min(i, bands.length - 1)] ?? c.white)(s)),
    dim: c.dim,
    bold: c.bold,
    up: c.green,
    down: c.red,
  };
}

export function toFile(o: CommonOptions): boolean {
  return o.output !== undefined && o.output !== "-";
}

/** The first step of every command: stderr settings from the flags. */
export function start(o: CommonOptions): void {
  configureStderr({ quiet: o.quiet === true, verbose: o.verbose === true, lang: langOf(o), ...(o.color === false ? { color: false } : {}) });
}

/** A result's diagnostics printed (errors, and warnings under --strict, exit 2); the result. */
export function scoredOrFail(result: Result, o: CommonOptions): Result {
  const diagnostics = strictly(result.diagnostics, o);
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);
  printDiagnostics(diagnostics, langOf(o, result.criteria));
  return result;
}
