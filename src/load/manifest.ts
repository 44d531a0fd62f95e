// The manifest egov-score.yaml, and the flags that override each of its entries.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type * as z from "zod";
import { ManifestSchema, type Columns, type DataEntries, type PeriodEntry } from "../model/manifest-schema.ts";
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import { decode } from "./csv.ts";
import { compareCodes } from "../engine/rank.ts";
import { displayPath, readInput } from "./files.ts";
import { DEFAULT_LIMITS, type Limits } from "./limits.ts";
import { schemaIssues } from "./schema-issues.ts";
import type { SheetChoice } from "./workbook.ts";
import { locateIn, parseYaml, positions, type Positions } from "./yaml.ts";
import { cacheSlot, readCached, writeCached } from "./cache.ts";

export const MANIFEST_NAME = "egov-score.yaml";

/** A manifest as checked: its value and the positions its later checks point at. */
interface CheckedManifest {
  value: z.infer<typeof ManifestSchema>;
  positions: Positions;
}

/** The data entries as patterns, and the sheet choice of each (undefined for a plain entry). */
function dataEntries(d: z.infer<typeof DataEntries>): { data: string[]; choice: (SheetChoice | undefined)[] } {
  const list = Array.isArray(d) ? d : [d];
  return {
    data: list.map((e) => (typeof e === "string" ? e : e.file)),
    choice: list.map((e) =>
      typeof e === "string" ? undefined : { ...(e.sheet !== undefined ? { sheet: e.sheet } : {}), ...(e["header-row"] !== undefined ? { headerRow: e["header-row"] } : {}) },
    ),
  };
}

export type ColumnNames = Required<Omit<z.infer<typeof Columns>, "attributes">> & { attributes: string[] };

/** Everything needed to load one assessment, with absolute paths. */
export interface Assessment {
  manifest?: string;
  criteria?: string;
  units?: string;
  data: string[];
  /** where each `columns:` entry the manifest gives is written (the defaults are not) */
  columnsAt?: Partial<Record<"code" | "name" | "level" | "parent" | "period", { file: string; line: number; column: number }>>;
  /** the sheet and header row of each `data` entry given as an object (workbooks), else undefined */
  dataChoice: (SheetChoice | undefined)[];
  /** where each `data` entry is written in the manifest (absent for --data) */
  dataAt: ({ file: string; line: number; column: number } | undefined)[];
  /** the folder globs in `data` are relative to */
  dataBase: string;
  period?: string;
  /** the periods the manifest lists under `periods:`, oldest first */
  periods?: string[];
  /** the assessment folder or manifest of the chosen period, when its `periods:` entry names one */
  delegate?: string;
  encoding: "auto" | "utf-8" | "utf-16le" | "windows-1258";
  delimiter: "auto" | "," | ";" | "\t";
  decimal: "." | ",";
  columns: ColumnNames;
  map: Record<string, string>;
  ignore: string[];
  /**
   * Units assessed and not ranked (`unranked:`): a column of the units registry whose filled cell
   * marks a unit (its text the reason), and units listed by code with the reason.
   */
  unranked?: { attribute?: string; units: Record<string, string>; at?: Record<string, { file: string; line: number; column: number }> };
  limits: Limits;
  /** the crosswalk file (absolute), with the method the manifest gives and where the entry is written */
  crosswalk?: { file: string; combine?: "mean" | "sum" | "weighted"; weight?: string; levels?: Record<string, { combine?: "mean" | "sum" | "weighted"; weight?: string }>; at: { file: string; line?: number; column?: number } };
}

export interface Overrides {
  criteria?: string;
  data?: string[];
  units?: string;
  period?: string;
  /** a crosswalk file, in place of the manifest's (its method still applies) */
  crosswalk?: string;
  encoding?: Assessment["encoding"];
  delimiter?: Assessment["delimiter"];
  decimal?: Assessment["decimal"];
  limits?: Partial<Limits>;
}

export const DEFAULT_COLUMNS: ColumnNames = {
  code: "code",
  name: "name",
  level: "level",
  parent: "parent",
  period: "period",
  indicator: "indicator",
  value: "value",
  numerator: "numerator",
  denominator: "denominator",
  evidence: "evidence",
  attributes: [],
};

const isFile = (f: string): boolean => {
  try {
    return statSync(f).isFile();
  } catch {
    return false;
  }
};

/**
 * The nearest egov-score.yaml in `start` or a folder above it, the way git finds its
 * repository; undefined when there is none up to the root of the file system.
 */
export function findManifest(start: string): string | undefined {
  for (let dir = path.resolve(start); ; ) {
    const file = path.join(dir, MANIFEST_NAME);
    if (isFile(file)) return file;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * Reads `dir/egov-score.yaml` when there is one (or `dir` itself when it names a .yaml file),
 * then applies the flags. Without `dir`, the nearest manifest in the working folder or above it
 * is used; but when --criteria and --data are both given, only one in the working folder itself
 * (the flags already name everything, and a manifest higher up must not slip in its registry).
 * Paths in the manifest are relative to it; paths in flags to the working folder.
 */
export function loadManifest(dir: string | undefined, o: Overrides): { assessment?: Assessment; diagnostics: Diagnostic[] } {
  const cwd = process.cwd();
  const flagsSuffice = o.criteria !== undefined && (o.data?.length ?? 0) > 0;
  const found = dir !== undefined ? undefined : flagsSuffice ? (isFile(path.join(cwd, MANIFEST_NAME)) ? path.join(cwd, MANIFEST_NAME) : undefined) : findManifest(cwd);
  const target = dir !== undefined ? path.resolve(cwd, dir) : (found ?? cwd);
  const searchedAbove = dir === undefined && !flagsSuffice;
  const file = /\.ya?ml$/i.test(target) ? target : path.join(target, MANIFEST_NAME);
  const a: Assessment = {
    data: [],
    dataChoice: [],
    dataAt: [],
    dataBase: cwd,
    encoding: o.encoding ?? "auto",
    delimiter: o.delimiter ?? "auto",
    decimal: o.decimal ?? ".",
    columns: { ...DEFAULT_COLUMNS },
    map: {},
    ignore: [],
    limits: { ...DEFAULT_LIMITS, ...o.limits },
  };
  const diagnostics: Diagnostic[] = [];
  let unknownPeriod = false;
  if (existsSync(file)) {
    const read = readInput(file, a.limits.maxFileSize);
    if (!read.bytes) return { diagnostics: read.diagnostics };
    const shown = displayPath(file);
    // a manifest that checked clean before: its checked value and positions (load/cache.ts);
    // only bytes that decoded and checked clean were stored, so a hit is not decoded again
    const slot = cacheSlot("manifest", read.bytes, [a.limits.maxDepth]);
    let checked = readCached<CheckedManifest>(slot);
    if (!checked) {
      const text = decode(read.bytes, "auto", shown);
      if (text.text === undefined) return { diagnostics: text.diagnostics };
      const y = parseYaml(text.text, shown, a.limits.maxDepth);
      if (y.diagnostics.length) return { diagnostics: y.diagnostics };
      const v = y.value;
      if (v && typeof v === "object" && "levels" in v && !("criteria" in v) && !("data" in v)) {
        return { diagnostics: [diag("MANIFEST_IS_CRITERIA", "error", { path: shown }, { file: shown, line: 1, column: 1 })] };
      }
      const parsed = ManifestSchema.safeParse(y.value ?? {});
      if (!parsed.success) return { diagnostics: schemaIssues(parsed.error.issues, y, [], { unknownKey: "MANIFEST_UNKNOWN_KEY", invalid: "MANIFEST_INVALID" }) };
      checked = { value: parsed.data, positions: positions(y) };
      writeCached(slot, checked);
    }
    const m = checked.value;
    const y = { locate: locateIn(checked.positions) };
    const base = path.dirname(file);
    a.manifest = file;
    a.dataBase = base;
    if (m.criteria) a.criteria = path.resolve(base, m.criteria);
    if (m.units) a.units = path.resolve(base, m.units);
    if (m.data && !m.periods) {
      ({ data: a.data, choice: a.dataChoice } = dataEntries(m.data));
      a.dataAt = a.data.map((_, i) => ({ file: shown, ...y.locate(Array.isArray(m.data) ? ["data", i] : ["data"]) }));
    }
    if (m.period !== undefined) a.period = String(m.period);
    if (m.periods && !choosePeriod(a, m.periods, o.period, base, shown, y.locate, diagnostics)) unknownPeriod = true;
    if (m.periods && m.data !== undefined) diagnostics.push(diag("MANIFEST_DATA_AND_PERIODS", "error", {}, { file: shown, ...y.locate(["data"], true) }));
    if (m.input?.encoding && !o.encoding) a.encoding = m.input.encoding;
    if (m.input?.delimiter && !o.delimiter) a.delimiter = m.input.delimiter;
    if (m.input?.decimal && !o.decimal) a.decimal = m.input.decimal;
    const { attributes, ...cols } = m.columns ?? {};
    for (const [k, v] of Object.entries(cols)) {
      if (v === undefined) continue;
      (a.columns as unknown as Record<string, string>)[k] = v;
      (a.columnsAt ??= {})[k as keyof NonNullable<Assessment["columnsAt"]>] = { file: shown, ...y.locate(["columns", k]) };
    }
    a.columns.attributes = attributes ?? [];
    a.map = m.map ?? {};
    a.ignore = m.ignore ?? [];
    if (m.unranked) {
      const units = m.unranked.units ?? {};
      const at = Object.fromEntries(Object.keys(units).map((code) => [code, { file: shown, ...y.locate(["unranked", "units", code], true) }]));
      a.unranked = { ...(m.unranked.attribute !== undefined ? { attribute: m.unranked.attribute } : {}), units, at };
    }
    if (m.crosswalk !== undefined) {
      const c = typeof m.crosswalk === "string" ? { file: m.crosswalk } : m.crosswalk;
      a.crosswalk = { ...c, file: path.resolve(base, c.file), at: { file: shown, ...y.locate(["crosswalk"]) } };
    }
  } else if (!o.criteria || !o.data?.length) {
    return { diagnostics: [diag("MANIFEST_NOT_FOUND", "error", { dir: displayPath(target), ...(searchedAbove ? { above: "yes" } : {}) })] };
  }
  if (o.criteria) a.criteria = path.resolve(cwd, o.criteria);
  if (o.units) a.units = path.resolve(cwd, o.units);
  if (o.data?.length) {
    a.data = o.data;
    a.dataChoice = [];
    a.dataAt = [];
    a.dataBase = cwd;
  }
  if (o.period !== undefined) a.period = o.period;
  if (o.crosswalk !== undefined) a.crosswalk = { ...(a.crosswalk ?? {}), file: path.resolve(cwd, o.crosswalk), at: a.crosswalk?.at ?? { file: "--crosswalk" } };
  // A period given by its own folder brings its own criteria and data (the flags apply there);
  // a period that is not listed has neither, and saying so again would blame the manifest.
  if (a.delegate || unknownPeriod) return { assessment: a, diagnostics };
  if (!a.criteria) diagnostics.push(diag("NO_CRITERIA", "error", {}, a.manifest ? { file: displayPath(a.manifest) } : {}));
  if (a.data.length === 0) diagnostics.push(diag("NO_DATA", "error", {}, a.manifest ? { file: displayPath(a.manifest) } : {}));
  return { assessment: a, diagnostics };
}

/**
 * The period of a series manifest to load: the one asked for (--period, else the manifest's
 * `period:`), else the latest, with a note. An entry naming a folder or manifest is loaded as an
 * assessment of its own (`delegate`); an entry with `data:` shares the rest of this manifest.
 * False when the period asked for is not listed (PERIOD_NOT_FOUND).
 */
function choosePeriod(
  a: Assessment,
  periods: Record<string, z.infer<typeof PeriodEntry>>,
  asked: string | undefined,
  base: string,
  shown: string,
  locate: (p: (string | number)[], key?: boolean) => { line: number; column: number },
  diagnostics: Diagnostic[],
): boolean {
  const labels = Object.keys(periods).sort(compareCodes);
  a.periods = labels;
  let label = asked ?? a.period;
  if (label === undefined) {
    label = labels[labels.length - 1];
    if (labels.length > 1) diagnostics.push(diag("PERIOD_LATEST", "note", { count: labels.length, periods: labels.join(", "), period: label as string }));
  } else if (!labels.includes(label)) {
    diagnostics.push(diag("PERIOD_NOT_FOUND", "error", { period: label, known: labels.join(", ") }, { file: shown, ...locate(["periods"], true) }));
    return false;
  }
  if (label === undefined) return true;
  const entry = periods[label];
  a.period = label;
  if (typeof entry === "string") {
    a.delegate = path.resolve(base, entry);
    return true;
  }
  if (!entry) return true;
  ({ data: a.data, choice: a.dataChoice } = dataEntries(entry.data));
  a.dataAt = a.data.map((_, i) => ({ file: shown, ...locate(Array.isArray(entry.data) ? ["periods", label, "data", i] : ["periods", label, "data"]) }));
  if (entry.units) a.units = path.resolve(base, entry.units);
  return true;
}
