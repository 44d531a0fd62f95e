// Datasets written by hand in tests, as objects (a unit with its cells), and the loader's
// columns seen as such objects. The tool itself has one data model, the columns
// (src/model/columns.ts); these are the tests' way of writing and reading them.
import { CELL_FROM_RATIO, cellKind, NO_LEVEL, NOT_APPLICABLE, VALUE, type ColumnarDataset, type IndicatorColumn } from "../../src/model/columns.ts";
import { dataColumns, type Criteria } from "../../src/model/criteria.ts";
import { compareCodes } from "../../src/engine/rank.ts";
import type { Cell, Source } from "../../src/model/data.ts";

export interface UnitData {
  code: string;
  name: string;
  level: string;
  parent?: string;
  /** extra columns of the units registry (peer-group attributes) */
  attributes: Record<string, string>;
  /** false when no data row or cell was found for the unit */
  submitted: boolean;
  /** indicator id -> cell; an absent key is a missing value */
  cells: Map<string, Cell>;
  /** where an indicator's cell was left empty, so that a missing value can be pointed at */
  blanks: Map<string, Source>;
  /** the registry row, or the first data row, of the unit */
  source?: Source;
  /** where the parent code was read */
  parentAt?: Source;
  /** the first data row of the unit in the period scored */
  row?: Source;
}

export interface Dataset {
  period?: string;
  units: UnitData[];
  /** units assessed and not ranked, code -> reason ("" for none given); absent when the manifest marks none */
  unranked?: Map<string, string>;
}


/** A dataset of objects in columns. */
export function toColumns(criteria: Criteria, data: Dataset): ColumnarDataset {
  const n = data.units.length;
  const levelIndex = new Map(criteria.levels.map((l, i) => [l.id, i] as const));
  const attributes = new Map<string, (string | undefined)[]>();
  // every attribute the loader kept (peer groups, applies: where, a crosswalk's weight)
  const names = new Set(data.units.flatMap((u) => Object.keys(u.attributes)));
  for (const { name } of criteria.attributes) names.add(name);
  for (const a of names) attributes.set(a, data.units.map((u) => u.attributes[a]));
  const columns = dataColumns(criteria);
  const cells = columns.map((ind): IndicatorColumn => {
    const col: IndicatorColumn = { state: new Uint8Array(n), value: new Float64Array(n), texts: [] };
    const value = col.value as Float64Array;
    const textIndex = new Map<string, number>();
    const kind = cellKind(ind);
    data.units.forEach((u, i) => {
      const cell = u.cells.get(ind.id);
      if (!cell) return;
      if (cell.kind === "na") {
        col.state[i] = NOT_APPLICABLE;
        return;
      }
      // a cell of another kind than the indicator's unit is no value the rule can read
      if (cell.kind !== kind) return;
      col.state[i] = cell.kind === "number" && cell.numerator !== undefined ? VALUE | CELL_FROM_RATIO : VALUE;
      if (cell.kind === "number") value[i] = cell.value;
      else if (cell.kind === "boolean") value[i] = cell.value ? 1 : 0;
      else {
        let t = textIndex.get(cell.value);
        if (t === undefined) {
          textIndex.set(cell.value, (t = col.texts.length));
          col.texts.push(cell.value);
        }
        value[i] = t;
      }
    });
    return col;
  });
  const out: ColumnarDataset = {
    size: n,
    code: data.units.map((u) => u.code),
    nameOf: (i) => data.units[i]?.name ?? "",
    level: Uint8Array.from(data.units, (u) => levelIndex.get(u.level) ?? NO_LEVEL),
    parent: data.units.map((u) => u.parent),
    attributes,
    submitted: Uint8Array.from(data.units, (u) => (u.submitted ? 1 : 0)),
    cells,
    missingAt: (g, k) => {
      const u = data.units[g];
      const ind = columns[k];
      return (u && ind && (u.blanks.get(ind.id) ?? u.row ?? u.source)) || {};
    },
    cellAt: (g, k) => {
      const ind = columns[k];
      return ind ? data.units[g]?.cells.get(ind.id) : undefined;
    },
  };
  if (data.period !== undefined) out.period = data.period;
  if (data.unranked) {
    const unranked = new Map<number, string>();
    data.units.forEach((u, i) => {
      const reason = data.unranked?.get(u.code);
      if (reason !== undefined) unranked.set(i, reason);
    });
    out.unranked = unranked;
  }
  return out;
}

/** The loader's columns as objects: each unit with its cells as read (what the tests check). */
export function unitsOf(criteria: Criteria, data: ColumnarDataset): UnitData[] {
  const columns = dataColumns(criteria);
  return Array.from({ length: data.size }, (_, g) => {
    const cells = new Map<string, Cell>();
    const blanks = new Map<string, Source>();
    columns.forEach((ind, k) => {
      const c = data.cellAt?.(g, k);
      if (c) cells.set(ind.id, c);
      else {
        // an empty cell the loader points a missing value at (the error policy's)
        const at = data.missingAt(g, k);
        if ("column" in at && at.column !== undefined) blanks.set(ind.id, at as Source);
      }
    });
    const attributes: Record<string, string> = {};
    for (const [name, values] of data.attributes) if (values[g] !== undefined) attributes[name] = values[g] as string;
    const parent = data.parent[g];
    const u: UnitData = { code: data.code[g] as string, name: data.nameOf(g), level: criteria.levels[data.level[g] as number]?.id ?? "", attributes, submitted: data.submitted[g] === 1, cells, blanks };
    if (parent !== undefined) u.parent = parent;
    // where the unit was read: the row of its first cell, else where a missing value would point
    const first = [...cells.values()][0]?.source ?? data.missingAt(g, 0);
    if ("file" in first) u.source = { file: first.file, line: first.line, ...(first.sheet !== undefined ? { sheet: first.sheet } : {}) };
    return u;
  }).sort((a, b) => compareCodes(a.code, b.code));
}
