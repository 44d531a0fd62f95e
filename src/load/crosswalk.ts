// Reading a crosswalk file (CSV: old, new, and optionally date, share, note) and the method
// that combines predecessors (the manifest's `crosswalk:` entry, else the criteria's, else the
// mean). What can be checked against this assessment alone is checked here: the file's own
// rows, and that every `new` code is one of its units. The `old` codes are checked against the
// earlier assessment where the two meet (engine/crosswalk.ts).
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import type { Criteria } from "../model/criteria.ts";
import type { Crosswalk, CrosswalkMethod, CrosswalkRow } from "../model/crosswalk.ts";
import { normKey, readCsv } from "./csv.ts";
import { displayPath, readInput } from "./files.ts";
import type { Assessment } from "./manifest.ts";
import { readNumber, type Decimal } from "./values.ts";

/**
 * How a weight attribute's text is read (combine: weighted): as a number under the decimal
 * convention of the assessment whose registry holds it, like its data, thousands separators
 * included ("12.345" is twelve thousand under decimal ",", twelve under "."). Undefined: not a
 * number in that convention (CROSSWALK_WEIGHT).
 */
export const weightReader =
  (decimal: Decimal) =>
  (raw: string): number | undefined => {
    const r = readNumber(raw, decimal);
    return r.ok ? r.value : undefined;
  };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function method(m: { combine?: CrosswalkMethod["combine"]; weight?: string } | undefined, fallback: CrosswalkMethod): CrosswalkMethod {
  const combine = m?.combine ?? (m?.weight !== undefined ? "weighted" : fallback.combine);
  const weight = m?.weight ?? (combine === "weighted" ? fallback.weight : undefined);
  return weight !== undefined && combine === "weighted" ? { combine, weight } : { combine };
}

/**
 * The crosswalk of an assessment whose manifest declares one; undefined (and no diagnostic) when
 * it declares none. `codes`: the assessment's unit codes (either reader's), which every `new`
 * code must be one of; undefined when its data could not be read.
 */
export function loadCrosswalk(a: Assessment, criteria: Criteria, codes: Iterable<string> | undefined, inputs: string[]): { crosswalk?: Crosswalk; diagnostics: Diagnostic[] } {
  const entry = a.crosswalk;
  if (!entry) return { diagnostics: [] };
  inputs.push(entry.file);
  const read = readInput(entry.file, a.limits.maxFileSize);
  if (!read.bytes) return { diagnostics: read.diagnostics };
  const file = displayPath(entry.file);
  const t = readCsv(read.bytes, file, { encoding: a.encoding, delimiter: a.delimiter });
  const diagnostics = [...t.diagnostics];
  if (!t.table) return { diagnostics };
  const { header, rows } = t.table;
  const col = (name: string) => header.indexOf(name);
  const [iOld, iNew, iDate, iShare] = [col("old"), col("new"), col("date"), col("share")];
  for (const [name, i] of [["old", iOld], ["new", iNew]] as const) {
    if (i < 0) diagnostics.push(diag("CROSSWALK_COLUMNS", "error", { column: name, headers: header.join(", ") }, { file, line: 1 }));
  }
  if (iOld < 0 || iNew < 0) return { diagnostics };

  // criteria first, then the manifest over it
  const fromCriteria = method(criteria.crosswalk, { combine: "mean" });
  const base = method(entry, fromCriteria);
  const levels: Record<string, CrosswalkMethod> = {};
  for (const [id, m] of Object.entries(criteria.crosswalk?.levels ?? {})) levels[id] = method(m, base);
  for (const [id, m] of Object.entries(entry.levels ?? {})) levels[id] = method(m, levels[id] ?? base);
  const attributes = new Set(a.columns.attributes.map(normKey));
  for (const [level, m] of [["", base], ...Object.entries(levels)] as const) {
    if (m.combine !== "weighted") continue;
    const where = level ? ` (${level})` : "";
    if (m.weight === undefined) diagnostics.push(diag("CROSSWALK_WEIGHT_ATTRIBUTE", "error", { detail: `no weight:${where}` }, entry.at));
    else if (!attributes.has(normKey(m.weight))) diagnostics.push(diag("CROSSWALK_WEIGHT_ATTRIBUTE", "error", { detail: `${m.weight}${where} is not under columns.attributes` }, entry.at));
  }

  const out: CrosswalkRow[] = [];
  const seen = new Map<string, number>();
  const units = codes ? new Set(codes) : undefined;
  for (const r of rows) {
    const at = (i: number) => ({ file, line: r.line, column: i + 1 });
    const old = normKey(r.cells[iOld] ?? "");
    const neu = normKey(r.cells[iNew] ?? "");
    if (old === "") diagnostics.push(diag("CROSSWALK_EMPTY_CODE", "error", { column: "old" }, at(iOld)));
    if (neu === "") diagnostics.push(diag("CROSSWALK_EMPTY_CODE", "error", { column: "new" }, at(iNew)));
    if (old === "" || neu === "") continue;
    const key = `${old}\u0000${neu}`;
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(diag("CROSSWALK_DUPLICATE", "error", { old, new: neu, first }, at(iOld)));
      continue;
    }
    seen.set(key, r.line);
    const row: CrosswalkRow = { old, new: neu, share: 1, shareGiven: false, file, line: r.line, columns: { old: iOld + 1, new: iNew + 1 } };
    const date = iDate >= 0 ? (r.cells[iDate] ?? "").trim() : "";
    if (date !== "") {
      if (DATE.test(date)) row.date = date;
      else diagnostics.push(diag("CROSSWALK_DATE", "error", { value: date }, at(iDate)));
    }
    const share = iShare >= 0 ? (r.cells[iShare] ?? "").trim() : "";
    if (share !== "") {
      row.columns.share = iShare + 1;
      const n = readNumber(share, a.decimal);
      const value = n.ok ? (n.percent ? n.value / 100 : n.value) : NaN;
      if (!(value > 0 && value <= 1)) diagnostics.push(diag("CROSSWALK_SHARE", "error", { value: share }, at(iShare)));
      else {
        row.share = value;
        row.shareGiven = true;
      }
    }
    if (units && !units.has(neu)) {
      diagnostics.push(diag("CROSSWALK_UNKNOWN_CODE", "error", { code: neu, side: a.period ?? file, column: "new" }, at(iNew)));
      continue;
    }
    out.push(row);
  }

  // An old unit divided without shares is split evenly among its rows; given shares add up to 1 at most.
  const byOld = new Map<string, CrosswalkRow[]>();
  for (const r of out) byOld.set(r.old, [...(byOld.get(r.old) ?? []), r]);
  for (const [old, rs] of byOld) {
    const given = rs.filter((r) => r.shareGiven);
    const total = given.reduce((s, r) => s + r.share, 0);
    if (total > 1 + 1e-9) {
      const last = given[given.length - 1] as CrosswalkRow;
      diagnostics.push(diag("CROSSWALK_SHARES", "error", { old, total: Math.round(total * 1e6) / 1e6 }, { file, line: last.line, column: last.columns.share ?? last.columns.old }));
      continue;
    }
    const rest = rs.filter((r) => !r.shareGiven);
    for (const r of rest) r.share = given.length ? Math.max(0, 1 - total) / rest.length : 1 / rs.length;
  }
  const crosswalk: Crosswalk = { file, rows: out, method: base, levels, methodAt: entry.at };
  return { crosswalk, diagnostics };
}
