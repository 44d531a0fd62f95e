// The loader: a whole assessment (the manifest and flags, the criteria, the units registry and
// the data files) into the engine's columns (model/columns.ts), with every diagnostic found on
// the way. Every input, of any size and format, takes one path: its files read into tables of
// rows (tables.ts), the tables assembled into units (rows/assemble.ts).
import path from "node:path";
import { diag, pushAll, type Diagnostic } from "../diag/diagnostic.ts";
import type { Criteria } from "../model/criteria.ts";
import type { Crosswalk } from "../model/crosswalk.ts";
import { loadCrosswalk } from "./crosswalk.ts";
import type { ColumnarDataset } from "../model/columns.ts";
import { cacheSlot, readCached, writeCached } from "./cache.ts";
import { loadCriteriaText } from "./criteria.ts";
import { decode } from "./csv.ts";
import type { SheetChoice } from "./workbook.ts";
import { checkColumns } from "./data.ts";
import { displayPath, expandData, readInput } from "./files.ts";
import { assemble, type Table } from "./rows/assemble.ts";
import { DEFAULT_LOAD, fileReader, type LoadOptions } from "./tables.ts";
import { DEFAULT_LIMITS, type Limits } from "./limits.ts";
import { loadManifest, type Assessment, type Overrides } from "./manifest.ts";

export interface Loaded {
  assessment?: Assessment;
  criteria?: Criteria;
  dataset?: ColumnarDataset;
  periods: string[];
  /** the crosswalk from the previous period's units to these, when the manifest declares one */
  crosswalk?: Crosswalk;
  /** absolute paths of every file read, so that no output overwrites one */
  inputs: string[];
  diagnostics: Diagnostic[];
}

/**
 * A criteria file, checked and resolved; or, when the same bytes checked clean before with the
 * same column map and depth limit, the model stored then (load/cache.ts).
 */
export function loadCriteriaFile(abs: string, map: Record<string, string> = {}, limits: Limits = DEFAULT_LIMITS): { criteria?: Criteria; diagnostics: Diagnostic[] } {
  const read = readInput(abs, limits.maxFileSize);
  if (!read.bytes) return { diagnostics: read.diagnostics };
  const shown = displayPath(abs);
  const slot = cacheSlot("criteria", read.bytes, [map, limits.maxDepth]);
  const cached = readCached<Criteria>(slot);
  // the model names its file as the user sees it from here
  if (cached) return { criteria: { ...cached, file: shown }, diagnostics: [] };
  const text = decode(read.bytes, "auto", shown);
  if (text.text === undefined) return { diagnostics: text.diagnostics };
  const loaded = loadCriteriaText(text.text, shown, map, limits);
  if (loaded.criteria && loaded.diagnostics.length === 0) writeCached(slot, loaded.criteria);
  return loaded;
}

/** Loads the manifest and the criteria only (for `criteria` and `validate` of criteria alone). */
export function loadAssessmentCriteria(dir: string | undefined, o: Overrides): Loaded {
  const m = loadManifest(dir, o);
  // (loading criteria alone reads no file asynchronously)
  if (m.assessment?.delegate) return delegated(m.assessment, m.diagnostics, o, loadAssessmentCriteria) as Loaded;
  return criteriaOf(m);
}

/** The manifest's criteria, loaded: where loadAssessment starts. */
export function criteriaOf(m: ReturnType<typeof loadManifest>): Loaded {
  const a = m.assessment;
  const diagnostics = [...m.diagnostics];
  const inputs = a?.manifest ? [a.manifest] : [];
  const periods = a?.periods ?? [];
  if (!a?.criteria) return { diagnostics, periods, inputs };
  const c = loadCriteriaFile(a.criteria, a.map, a.limits);
  pushAll(diagnostics, c.diagnostics);
  const out: Loaded = { assessment: a, diagnostics, periods, inputs: [...inputs, a.criteria] };
  if (c.criteria) out.criteria = c.criteria;
  return out;
}

/**
 * Loads everything into the engine's columns; without `dir`, from the nearest manifest upward
 * (see loadManifest). `manifest`: that manifest already read. `opts`: how data files are read
 * (tables.ts: streamed on every core, or whole).
 */
export async function loadAssessment(dir: string | undefined, o: Overrides, opts: LoadOptions = DEFAULT_LOAD, manifest?: ReturnType<typeof loadManifest>): Promise<Loaded> {
  const m = manifest ?? loadManifest(dir, o);
  if (m.assessment?.delegate) return delegated(m.assessment, m.diagnostics, o, (d, x) => loadAssessment(d, x, opts));
  const base = criteriaOf(m);
  const { assessment: a, criteria } = base;
  if (!a || !criteria) return base;
  const diagnostics = [...base.diagnostics];
  const inputs = [...base.inputs];
  const expanded = expandData(a.data, a.dataBase, a.dataAt, [a.manifest, a.criteria, a.units]);
  const files = expanded.files.filter((f) => path.resolve(f) !== (a.units && path.resolve(a.units)));
  const reader = fileReader(criteria, a, [...(a.units ? [a.units] : []), ...files], opts);
  const read = async (abs: string, registry: boolean, choice?: SheetChoice): Promise<Table[]> => {
    inputs.push(abs);
    const r = await reader.read(abs, registry, choice);
    pushAll(diagnostics, r.diagnostics);
    return r.tables;
  };
  const units = a.units ? (await read(a.units, true))[0] : undefined;
  pushAll(diagnostics, expanded.diagnostics);
  const data: Table[] = [];
  for (const f of files) data.push(...(await read(f, false, a.dataChoice[expanded.origin.get(f) ?? -1])));
  // Without its registry, every data row would be reported as an unknown unit: stop here.
  if (a.units && !units) return { ...base, diagnostics, inputs };
  // A unit column named wrong in the manifest: that, rather than what its absence would cause.
  const columns = checkColumns(a, [...(units ? [units] : []), ...data], criteria, units);
  if (columns.length) return { ...base, diagnostics: [...diagnostics, ...columns], inputs };
  const d = assemble(criteria, a, { ...(units ? { units } : {}), data });
  // A file that could not be read leaves its level without rows: that, rather than the level's warning.
  const unread = diagnostics.some((x) => x.severity === "error");
  pushAll(diagnostics, unread ? d.diagnostics.filter((x) => x.code !== "DATA_LEVEL_NOT_SENT") : d.diagnostics);
  const cw = loadCrosswalk(a, criteria, d.dataset.code, inputs);
  pushAll(diagnostics, cw.diagnostics);
  return { assessment: a, criteria, dataset: d.dataset, periods: a.periods ?? d.periods, inputs, diagnostics, ...(cw.crosswalk ? { crosswalk: cw.crosswalk } : {}) };
}

/**
 * A period of a series manifest that names an assessment folder of its own: that folder is
 * loaded as it stands (the flags still apply), and its result takes the series' period label.
 */
function delegated(series: Assessment, seriesDiagnostics: Diagnostic[], o: Overrides, load: (dir: string, o: Overrides) => Loaded | Promise<Loaded>): Loaded | Promise<Loaded> {
  const { period: _asked, ...rest } = o;
  void _asked;
  const inner = loadManifest(series.delegate as string, rest);
  const label = series.period as string;
  const periods = series.periods ?? [];
  const inputs = series.manifest ? [series.manifest] : [];
  if (inner.assessment?.periods) {
    return { periods, inputs, diagnostics: [...seriesDiagnostics, diag("PERIOD_NESTED", "error", { period: label, path: displayPath(series.delegate as string) }, series.manifest ? { file: displayPath(series.manifest) } : {})] };
  }
  const relabel = (l: Loaded): Loaded => {
    if (l.dataset) l.dataset.period = label;
    return { ...l, periods, inputs: [...inputs, ...l.inputs], diagnostics: [...seriesDiagnostics, ...l.diagnostics] };
  };
  const l = load(series.delegate as string, rest);
  return l instanceof Promise ? l.then(relabel) : relabel(l);
}
