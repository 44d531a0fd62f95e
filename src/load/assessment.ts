// Loads a whole assessment: the manifest and flags, the criteria, the units registry and the
// data files. Returns the model plus every diagnostic found on the way.
import path from "node:path";
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { Criteria } from "../model/criteria.ts";
import type { Dataset } from "../model/data.ts";
import { loadCriteriaText } from "./criteria.ts";
import { readCsv, type CsvTable } from "./csv.ts";
import { loadData } from "./data.ts";
import { displayPath, expandData, readInput } from "./files.ts";
import { loadManifest, type Assessment, type Overrides } from "./manifest.ts";

export interface Loaded {
  assessment?: Assessment;
  criteria?: Criteria;
  dataset?: Dataset;
  periods: string[];
  /** absolute paths of every file read, so that no output overwrites one */
  inputs: string[];
  diagnostics: Diagnostic[];
}

export function loadCriteriaFile(abs: string, map: Record<string, string> = {}): { criteria?: Criteria; diagnostics: Diagnostic[] } {
  const read = readInput(abs);
  if (!read.bytes) return { diagnostics: read.diagnostics };
  return loadCriteriaText(read.bytes.toString("utf8").replace(/^\ufeff/, ""), displayPath(abs), map);
}

/** Loads the manifest and the criteria only (for `criteria` and `validate` of criteria alone). */
export function loadAssessmentCriteria(dir: string | undefined, o: Overrides): Loaded {
  const m = loadManifest(dir, o);
  const a = m.assessment;
  const diagnostics = [...m.diagnostics];
  const inputs = a?.manifest ? [a.manifest] : [];
  if (!a?.criteria) return { diagnostics, periods: [], inputs };
  const c = loadCriteriaFile(a.criteria, a.map);
  diagnostics.push(...c.diagnostics);
  const out: Loaded = { assessment: a, diagnostics, periods: [], inputs: [...inputs, a.criteria] };
  if (c.criteria) out.criteria = c.criteria;
  return out;
}

/** Loads everything; without `dir`, from the nearest manifest upward (see loadManifest). */
export function loadAssessment(dir: string | undefined, o: Overrides): Loaded {
  const base = loadAssessmentCriteria(dir, o);
  const { assessment: a, criteria } = base;
  if (!a || !criteria) return base;
  const diagnostics = [...base.diagnostics];
  const inputs = [...base.inputs];
  const readTable = (abs: string): CsvTable | undefined => {
    inputs.push(abs);
    const r = readInput(abs);
    diagnostics.push(...r.diagnostics);
    if (!r.bytes) return undefined;
    const t = readCsv(r.bytes, displayPath(abs), { encoding: a.encoding, delimiter: a.delimiter });
    diagnostics.push(...t.diagnostics);
    return t.table;
  };
  const units = a.units ? readTable(a.units) : undefined;
  const expanded = expandData(a.data, a.dataBase, a.dataAt);
  diagnostics.push(...expanded.diagnostics);
  const files = expanded.files.filter((f) => path.resolve(f) !== (a.units && path.resolve(a.units)));
  const data = files.map(readTable).filter((t): t is CsvTable => t !== undefined);
  // Without its registry, every data row would be reported as an unknown unit: stop here.
  if (a.units && !units) return { ...base, diagnostics, inputs };
  const d = loadData(criteria, a, { ...(units ? { units } : {}), data });
  diagnostics.push(...d.diagnostics);
  return { assessment: a, criteria, dataset: d.dataset, periods: d.periods, inputs, diagnostics };
}
