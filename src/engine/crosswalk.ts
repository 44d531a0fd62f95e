// Crosswalks between periods, pure: which earlier units each later unit was formed from, checked
// against both sides, and the combination of the predecessors' figures a merged unit is compared
// with. Used by the comparison (compare.ts) and the trends (trend.ts).
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import { methodFor, type Combine, type Crosswalk, type CrosswalkMethod } from "../model/crosswalk.ts";
import type { ColumnarDataset } from "../model/columns.ts";
import type { Criteria } from "../model/criteria.ts";

export interface Predecessor {
  code: string;
  /** the part of the old unit that went to the new one */
  share: number;
  /** the registry attribute's value, with combine: weighted; else 1 */
  weight: number;
}

/** A later unit and the earlier units it was formed from. */
export interface Lineage {
  code: string;
  level: string;
  method: CrosswalkMethod;
  /** the dates the changes took effect, as the crosswalk gives them */
  dates: string[];
  from: Predecessor[];
}

export interface SideUnit {
  level: string;
  attributes?: Readonly<Record<string, string>>;
}

/** The units of a side in columns, by code: their level and the attributes the columns keep. */
export function sideUnitsOf(criteria: Criteria, data: ColumnarDataset): Map<string, SideUnit> {
  const out = new Map<string, SideUnit>();
  for (let g = 0; g < data.size; g++) {
    const attributes: Record<string, string> = {};
    for (const [name, values] of data.attributes) {
      const v = values[g];
      if (v !== undefined) attributes[name] = v;
    }
    out.set(data.code[g] as string, { level: criteria.levels[data.level[g] as number]?.id ?? "", attributes });
  }
  return out;
}

const attribute = (u: SideUnit, name: string): string | undefined => {
  const a = u.attributes ?? {};
  if (name in a) return a[name];
  const key = name.normalize("NFC").trim();
  return Object.entries(a).find(([k]) => k.normalize("NFC").trim() === key)?.[1];
};

/**
 * The lineage of every later unit the crosswalk names, keyed by its code. Every `old` code must
 * be a unit of the earlier side, on the same level as its successor; with combine: weighted,
 * every predecessor needs a number above 0 in the weight attribute, as `readWeight` reads the
 * attribute's text (the earlier side's decimal convention: load/crosswalk.ts weightReader).
 * `beforeName` names the earlier side in the messages (its period or folder).
 */
export function lineages(cw: Crosswalk, before: ReadonlyMap<string, SideUnit>, after: ReadonlyMap<string, SideUnit>, beforeName: string, readWeight: (raw: string) => number | undefined): { lineages: Map<string, Lineage>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out = new Map<string, Lineage>();
  for (const r of cw.rows) {
    const at = (column: number) => ({ file: r.file, line: r.line, column });
    const o = before.get(r.old);
    const n = after.get(r.new);
    if (!o) {
      diagnostics.push(diag("CROSSWALK_UNKNOWN_CODE", "error", { code: r.old, side: beforeName, column: "old" }, at(r.columns.old)));
      continue;
    }
    if (!n) continue; // checked where the later assessment was loaded
    if (o.level !== n.level) {
      diagnostics.push(diag("CROSSWALK_LEVEL", "error", { old: r.old, oldLevel: o.level, new: r.new, newLevel: n.level }, at(r.columns.old)));
      continue;
    }
    const method = methodFor(cw, n.level);
    let weight = 1;
    if (method.combine === "weighted" && method.weight !== undefined) {
      const raw = attribute(o, method.weight) ?? "";
      const x = readWeight(raw);
      if (x === undefined || !(x > 0)) {
        diagnostics.push(diag("CROSSWALK_WEIGHT", "error", { code: r.old, attribute: method.weight, value: raw }, at(r.columns.old)));
        continue;
      }
      weight = x;
    }
    const l = out.get(r.new) ?? { code: r.new, level: n.level, method, dates: [], from: [] };
    l.from.push({ code: r.old, share: r.share, weight });
    if (r.date && !l.dates.includes(r.date)) l.dates.push(r.date);
    out.set(r.new, l);
  }
  for (const l of out.values()) l.dates.sort();
  return { lineages: out, diagnostics };
}

/**
 * The predecessors' figures combined: their mean (each counted by its share), their sum (each
 * share of it), or their mean weighted by share × attribute. Null without any figure.
 */
export function combine(values: readonly { x: number; p: Predecessor }[], how: Combine): number | null {
  if (values.length === 0) return null;
  let num = 0;
  let den = 0;
  for (const { x, p } of values) {
    const w = how === "weighted" ? p.share * p.weight : p.share;
    num += w * x;
    den += w;
  }
  if (how === "sum") return num;
  return den > 0 ? num / den : null;
}
