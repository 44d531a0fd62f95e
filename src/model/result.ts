// The one result model every renderer reads.
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { Criteria, Level } from "./criteria.ts";
import type { Cell } from "./data.ts";
import type { ColumnarResult } from "../engine/scoring.ts";

/** ranked; not-ranked (no data); incomplete (ranked, with missing values handled); assessed (scored and shown, never ranked: the manifest's `unranked:`) */
export type Status = "ranked" | "not-ranked" | "incomplete" | "assessed";

export interface NodeScore {
  id: string;
  kind: "group" | "indicator";
  /** false when the node does not apply at the unit's level, or its cell is "not applicable" */
  applicable: boolean;
  /** true when the node counts in the unit's maximum */
  included: boolean;
  points: number | null;
  max: number;
  /** points / max, in [0, 1] */
  rate: number | null;
  /** how a missing value was handled, when it was missing */
  missing?: "zero" | "exclude" | "impute-mean" | "impute-median" | "error";
  cell?: Cell;
  /** a short account of the arithmetic, for `explain`: made when asked */
  detail?: () => Detail;
  /** a computed indicator's value, step by step (explain): made when asked */
  formula?: () => { steps: FormulaStep[]; value: number | boolean | null };
}

/** One step of a computed indicator's value (criteria `value:`), for explain. */
export interface FormulaStep {
  /** a name read (its figure, and the cell it came from), or an operation on figures: "3.2 + 1.5" */
  kind: "read" | "compute";
  text: string;
  /** the result, or "-" (not applicable), "?" (missing), "÷0" (a division by zero) */
  value: string;
  source?: Cell["source"];
}

export interface UnitResult {
  code: string;
  name: string;
  level: string;
  parent?: string;
  peerGroup: string;
  status: Status;
  /** points (or index value) after bonus and penalty; null when not ranked */
  score: number | null;
  /** the unit's maximum; null when not ranked (no score, so no maximum nor percentage to show) */
  max: number | null;
  percent: number | null;
  band: string | null;
  rank: number | null;
  /** points before bonus and penalty */
  base: number | null;
  bonus: number;
  penalty: number;
  /** the criteria's views (extra groupings of the indicators), when the scoring kept every node */
  views?: ViewScore[];
  /** why an assessed unit is not ranked ("" when no reason was given); absent for the others */
  reason?: string;
  nodes: Record<string, NodeScore>;
}

export interface LevelResult {
  level: Level;
  /** ordered by peer group, then rank, then code; not-ranked units last */
  units: UnitResult[];
  /** after --top (render/select.ts): how many units and ranked units the whole level has */
  whole?: { units: number; ranked: number };
}

/**
 * Unit code -> name: a Map, or the names of a scoring's units, each read off the loaded data when
 * asked for (engine/views.ts scoringNames).
 */
export interface UnitNames {
  get(code: string): string | undefined;
}

export interface Result {
  criteria: Criteria;
  period?: string;
  levels: LevelResult[];
  diagnostics: Diagnostic[];
  /** true when the assessment marks units assessed and not ranked (the manifest's `unranked:`): the ranking's CSV has a reason column */
  unranked?: boolean;
  /** after --level (render/select.ts): unit code -> name of every unit, for parents by name */
  names?: UnitNames;
  /**
   * `--provisional`: ranked despite data errors, each cell in error treated by the missing-data
   * policy; these are the errors, one per cell. Every renderer marks its output with them
   * (render/common.ts provisionalHeading).
   */
  provisional?: Diagnostic[];
  /**
   * The scoring's columns behind the result (engine/views.ts resultOf; not enumerable): what
   * `columnsOf` reads, so that the statistics and the long outputs walk every node of every unit
   * without an object per node.
   */
  columns?: ResultColumns;
  /**
   * The scoring itself (engine/views.ts resultOf; not enumerable): what the `score` rows of
   * every unit and indicator are read off (render/score.ts), in every format.
   */
  scoring?: ColumnarResult;
}

/** UnitResult's own fields, by the unit's row (ResultColumns.rowOf): for the long tables of thousands of units. */
export interface UnitFigures {
  code(row: number): string;
  name(row: number): string;
  parent(row: number): string | undefined;
  peerGroup(row: number): string;
  status(row: number): Status;
  score(row: number): number | null;
  max(row: number): number | null;
  percent(row: number): number | null;
  band(row: number): string | null;
  rank(row: number): number | null;
  reason(row: number): string | undefined;
}

/**
 * Every unit's figures of one node, by the unit's row (ResultColumns.rowOf): NodeScore's fields
 * as numbers, NaN for null, 1 and 0 for true and false.
 */
export interface NodeColumn {
  /** 1 where the unit has the node (absent: every unit has it) */
  has?: ArrayLike<number>;
  applicable: ArrayLike<number>;
  included: ArrayLike<number>;
  points: ArrayLike<number>;
  max: ArrayLike<number>;
  rate: ArrayLike<number>;
}

/** An indicator's figures in columns, with what its node objects say of its cells, by row. */
export interface IndicatorFigures extends NodeColumn {
  /** NodeScore.missing */
  missing(row: number): NodeScore["missing"];
  /** the same as codes, by row (engine/rate.ts missingCode; 0: not missing): for walks over thousands of units */
  missingCode: ArrayLike<number>;
  /** the value as read or computed (`cell.value`, or the computed `formula().value`); null for none or "not applicable" */
  value(row: number): number | string | boolean | null;
  /** the numerator and denominator a ratio cell was read from (`cell.numerator`, `cell.denominator`) */
  ratio(row: number): { numerator: number | null; denominator: number | null };
}

/**
 * A result's node figures in columns (engine/views.ts `columnsOf`): the same facts as each
 * unit's `nodes`, read for thousands of units without an object per node.
 */
export interface ResultColumns {
  /** the unit's row in these columns */
  rowOf(u: UnitResult): number;
  /**
   * The rows of a level's units, in the level's order: the rows of `l.units`, read without making
   * a unit object each (a result read off a scoring makes them when first asked for).
   */
  rows(l: LevelResult): ArrayLike<number>;
  /** the units' own figures by row, as their UnitResult has them */
  unit: UnitFigures;
  /** a node's figures (undefined: the result does not hold the node, as `nodes[id]` would be) */
  node(id: string): NodeColumn | undefined;
  /** an indicator's figures and cells (undefined as for `node`) */
  indicator(id: string): IndicatorFigures | undefined;
  /** true when some node of the unit has a cell (a unit not ranked: it sent "not applicable", or nothing) */
  hasCell(row: number): boolean;
}

/**
 * A rule's account of its arithmetic, for `explain`: a template (render/detail.ts has its words
 * in each language) and its figures, already written as numbers are shown.
 */
export type Detail =
  | { key: "rate" | "inverse"; r: string }
  | { key: "target" | "targetLower"; x: string; target: string }
  | { key: "step"; x: string; cond: string; p: string }
  | { key: "noStep" | "otherCategory"; x: string; p: string }
  | { key: "category"; value: string; p: string }
  | { key: "yes" | "no" | "allEqual" | "noSpread" }
  | { key: "points"; x: string; max: string }
  | { key: "goalposts"; lower: string; upper: string }
  | { key: "bestOver"; best: string; x: string }
  | { key: "overBest"; x: string; best: string }
  | { key: "cohort"; min: string; max: string }
  | { key: "z"; z: string }
  | { key: "rollup"; stat: string; level: string; of: string };

/** A group of a view (criteria `views:`) for one unit. */
export interface ViewGroupScore {
  id: string;
  /** points of the group's indicators that count for the unit; null when none does */
  points: number | null;
  /** their maxima */
  max: number;
  percent: number | null;
}

/** A view (criteria `views:`) for one unit: its groups, its total and its own band. */
export interface ViewScore {
  id: string;
  points: number | null;
  max: number;
  percent: number | null;
  /** the band of the view's own bands, when it has some */
  band: string | null;
  groups: ViewGroupScore[];
}
