// Unit data in columns: the one data model the loader fills and the engine scores. One typed
// array per indicator (a byte of state and a value per unit) instead of an object per cell, so
// that a national dataset, or a million units, costs a few bytes a cell.
//
// The state byte of a cell, named here once for every reader and writer:
//
//   bits 0-1  CellState: ABSENT, VALUE or NOT_APPLICABLE            (what the engine reads)
//   bit  2    CELL_BLANK: the value cell was there but empty         (the loader's, for positions)
//   bit  3    CELL_FROM_RATIO: the value came from `.num` and `.den`  (the loader's, for positions)
//   bits 4-7  the decimal scale of a value kept as digits (see encodeDecimal), WIDE_SCALE when the
//             value did not fit and is kept in `wide`
import type { IndicatorNode } from "./criteria.ts";
import type { Cell, Source } from "./data.ts";

/** How a unit's cell of an indicator stands. */
export const ABSENT = 0;
export const VALUE = 1;
export const NOT_APPLICABLE = 2;
export type CellState = typeof ABSENT | typeof VALUE | typeof NOT_APPLICABLE;

/** The bits of the state byte that hold the CellState. */
export const STATE_MASK = 0b11;
/** The loader's flag: the value cell was present and empty (MISSING_VALUE points at it). */
export const CELL_BLANK = 0b100;
/** The loader's flag: the value is a quotient of the numerator and denominator columns. */
export const CELL_FROM_RATIO = 0b1000;
/** Where the decimal scale starts in the state byte. */
const SCALE_SHIFT = 4;
/** The scale that says "the value is in `wide`, not in digits". */
export const WIDE_SCALE = 15;

/** The CellState of a state byte. */
export const stateOf = (stateByte: number): CellState => (stateByte & STATE_MASK) as CellState;
/** A state byte's decimal scale (WIDE_SCALE: the value is in `wide`). */
export const scaleOf = (stateByte: number): number => stateByte >> SCALE_SHIFT;
/** A state byte of a VALUE kept as digits at `scale` decimals, with the loader's flags. */
export const withScale = (flags: number, scale: number): number => flags | (scale << SCALE_SHIFT);

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** The kind of cell an indicator's column holds: what its unit says. */
export type CellKind = "number" | "boolean" | "text";
export const cellKind = (ind: Pick<IndicatorNode, "unit">): CellKind => (ind.unit === "boolean" ? "boolean" : ind.unit === "text" ? "text" : "number");

export interface IndicatorColumn {
  /** per unit: the state byte (see the top of this file) */
  state: Uint8Array;
  /**
   * per unit with a value: the number; a boolean as 1 or 0; a text as its index in `texts`.
   * Either the values themselves (Float64Array), or, in half the memory, their decimal digits
   * (Int32Array, see decodeDecimal).
   */
  value: Float64Array | Int32Array;
  /** the values that did not fit in 9 decimal digits, by unit (their scale is WIDE_SCALE) */
  wide?: Map<number, number>;
  /** the distinct texts of a text indicator */
  texts: string[];
  /** per unit whose value is the quotient of a numerator and a denominator (CELL_FROM_RATIO):
   * the two, as read (the loader's, where the indicator has both columns) */
  numerator?: Float64Array;
  denominator?: Float64Array;
}

/**
 * A value kept as decimal digits: digits / 10^scale. Two exact doubles divided give the
 * correctly rounded value of the decimal, which is what Number() reads from its text.
 */
export const decodeDecimal = (digits: number, scale: number): number => digits / (POW10[scale] as number);

/** A unit's value in a column, whatever way it is kept. */
export function valueAt(col: IndicatorColumn, g: number): number {
  const v = col.value;
  if (v instanceof Float64Array) return v[g] as number;
  const scale = scaleOf(col.state[g] as number);
  return scale === WIDE_SCALE ? (col.wide?.get(g) as number) : decodeDecimal(v[g] as number, scale);
}

/**
 * The scale of a unit's value where the column keeps it as decimal digits (the value is
 * `value[g]` / 10^scale, decodeDecimal): what a writer of the number may write from; -1 where
 * it is kept as a number (a Float64Array, or `wide`).
 */
export function digitsScaleAt(col: IndicatorColumn, g: number): number {
  if (col.value instanceof Float64Array) return -1;
  const scale = scaleOf(col.state[g] as number);
  return scale === WIDE_SCALE ? -1 : scale;
}

/** A unit's value as its rule reads it: a number, a yes/no, or a text. */
export function cellValueAt(col: IndicatorColumn, g: number, kind: CellKind): number | boolean | string {
  const x = valueAt(col, g);
  return kind === "number" ? x : kind === "boolean" ? x === 1 : (col.texts[x] as string);
}

/** The unit a level index stands for when the unit matches no level of the criteria. */
export const NO_LEVEL = 255;

/** Unit data in columns: the units (in the order of the loader) and their cells. */
export interface ColumnarDataset {
  period?: string;
  size: number;
  code: string[];
  /** the unit's name (kept as bytes by the loader: read when shown) */
  nameOf: (i: number) => string;
  /** index into criteria.levels (NO_LEVEL: none) */
  level: Uint8Array;
  parent: (string | undefined)[];
  /** the unit attributes, by name: those the engine reads (criteria.attributes: peer groups, `applies: where`), and those the manifest declares */
  attributes: Map<string, (string | undefined)[]>;
  /** 1 when a data row or cell was found for the unit */
  submitted: Uint8Array;
  /** one per indicator of criteria.indicators, in that order, then one per input of criteria.inputs (dataColumns) */
  cells: IndicatorColumn[];
  /** units assessed and not ranked (manifest `unranked:`), index -> reason ("" for none given); absent when the manifest marks none */
  unranked?: Map<number, string>;
  /** true once the computed indicators' columns hold their values (engine/compute.ts) */
  computed?: boolean;
  /** unit code -> index, when the loader has one (roll-ups use it) */
  index?: Map<string, number>;
  /** where a missing value is pointed at (the `error` policy): the empty cell, else the unit's row */
  missingAt(unit: number, indicator: number): Source | Record<string, never>;
  /** the cell as it was read (its text and where), when the loader kept it: what explain and score show */
  cellAt?(unit: number, indicator: number): Cell | undefined;
}
