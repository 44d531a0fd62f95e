// The result model, read off the one engine's columns: what every renderer, explain, report,
// compare and the CI gates read. Pure. Nothing is scored here: each figure is the engine's, and
// the account of a rule's arithmetic (explain) is written from the value and the context the
// rule read, only when asked.
import type { Criteria, IndicatorNode } from "../model/criteria.ts";
import { CELL_FROM_RATIO, cellKind, cellValueAt, NOT_APPLICABLE, stateOf, VALUE, type CellKind, type ColumnarDataset, type IndicatorColumn } from "../model/columns.ts";
import type { Level } from "../model/criteria.ts";
import type { IndicatorFigures, LevelResult, NodeColumn, NodeScore, Result, ResultColumns, Status, UnitFigures, UnitNames, UnitResult } from "../model/result.ts";
import { missingCode, missingPolicyOf, NOT_MISSING } from "./rate.ts";
import { detailOf, ruleReads } from "./rules.ts";
import { formulaTrace } from "./compute.ts";
import { viewScores } from "./regroup.ts";
import { ASSESSED, NOT_RANKED, scoreColumns, STATUS, type ColumnarResult, type NodeColumns } from "./scoring.ts";

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * A node's points of the unit at row g where they count in the unit's maximum (the unit has the
 * node, it is included, it has points); else null: what the report's tables, averages and charts show.
 */
export function includedPoints(c: NodeColumn | undefined, g: number): number | null {
  if (!c || (c.has !== undefined && c.has[g] !== 1) || c.included[g] !== 1) return null;
  const x = c.points[g] as number;
  return Number.isNaN(x) ? null : x;
}

/** Scores an assessment and returns the whole result model: every node of every unit. */
export function score(criteria: Criteria, data: ColumnarDataset): Result {
  return resultOf(scoreColumns(criteria, data, { keep: "all" }));
}

/**
 * The scoring as the result model. Under keep "all", `nodes` holds every node (indicators in
 * criteria order, then the groups, children before their group); else the top-level nodes.
 */
export function resultOf(r: ColumnarResult): Result {
  if (r.keep === "points") throw new Error("resultOf needs the nodes a scoring keeps with keep: top or all");
  // each unit's row in the scoring's columns, for the readers of columnsOf; each level's rows
  const rows = new Map<UnitResult, number>();
  const lazy = lazyParts(r, rows);
  const levelRows = new Map<LevelResult, Int32Array>();
  const result: Result = {
    criteria: r.criteria,
    levels: r.levels.map((l) => {
      const level = lazyLevel(l.level, () =>
        Array.from(l.order, (g) => {
          const u = unitResult(r, g, lazy);
          rows.set(u, g);
          return u;
        }),
      );
      levelRows.set(level, l.order);
      return level;
    }),
    diagnostics: r.diagnostics,
  };
  if (r.period !== undefined) result.period = r.period;
  if (r.dataset.unranked) result.unranked = true;
  if (r.provisional) result.provisional = r.provisional;
  Object.defineProperty(result, "columns", { value: scoringColumns(r, rows, levelRows), enumerable: false, writable: true, configurable: true });
  Object.defineProperty(result, "scoring", { value: r, enumerable: false, writable: true, configurable: true });
  return result;
}

/**
 * The names of a scoring's units by code, at some of its levels (their indexes in
 * criteria.levels), each decoded from the loaded data when first asked for: a ranking's tables
 * name a hundred parents, and a map of every unit's name would decode the 12,000 names of a
 * national assessment to find them.
 */
interface ScoringNames extends UnitNames {
  readonly of: ColumnarResult;
  readonly levels: ReadonlySet<number>;
}

/**
 * The names of the units of a result read off a scoring (resultOf), at the result's levels, read
 * when asked for; undefined where the result was not read off a scoring or its loader kept no
 * index of its units by code (the names are then those of its units, render/select.ts).
 */
export function scoringNames(result: { levels: readonly { level: { id: string } }[]; scoring?: ColumnarResult }): UnitNames | undefined {
  const r = result.scoring;
  const index = r?.dataset.index;
  if (!r || !index) return undefined;
  const data = r.dataset;
  const shown = new Set(result.levels.map((l) => l.level.id));
  const levels = new Set<number>();
  r.criteria.levels.forEach((l, i) => shown.has(l.id) && levels.add(i));
  const read = new Map<string, string | undefined>();
  const names: ScoringNames = {
    of: r,
    levels,
    get(code) {
      if (read.has(code)) return read.get(code);
      const g = index.get(code);
      const name = g !== undefined && levels.has(data.level[g] as number) ? data.nameOf(g) : undefined;
      read.set(code, name);
      return name;
    },
  };
  return names;
}

/** true where `names` are those scoringNames read off the result's own scoring, at every level of the result: they name each of its units as it is. */
export function namesOfOwnUnits(names: UnitNames | undefined, result: Result): boolean {
  const own = names as Partial<ScoringNames> | undefined;
  if (!own?.of || own.of !== result.scoring || !own.levels) return false;
  const ids = own.of.criteria.levels.map((l) => l.id);
  const levels = own.levels;
  return result.levels.every((l) => levels.has(ids.indexOf(l.level.id)));
}

/**
 * A level whose units are made when first read, then kept: the report's long tables read the
 * columns (columnsOf: `rows`, `unit`) and never ask, so that a national report makes no object
 * per unit; every other reader sees a plain list.
 */
function lazyLevel(level: Level, make: () => UnitResult[]): LevelResult {
  const keep = (l: LevelResult, units: UnitResult[]): void => void Object.defineProperty(l, "units", { value: units, enumerable: true, writable: true, configurable: true });
  return {
    level,
    get units(): UnitResult[] {
      const units = make();
      keep(this, units);
      return units;
    },
    set units(units: UnitResult[]) {
      keep(this, units);
    },
  };
}

/**
 * A result's node figures in columns: the scoring's own, where the result was read off one
 * (resultOf); else made from its units' nodes (a result built by hand, in the tests).
 */
export function columnsOf(r: Result): ResultColumns {
  return r.columns ?? unitColumns(r.levels.flatMap((l) => l.units));
}

/** What a unit's `score` row of an indicator shows of the cell, as bits (shownAt): its value, */
export const SHOWS_VALUE = 1;
/** and the numerator and denominator the value was read from (numeratorAt, denominatorAt). */
export const SHOWS_RATIO = 2;

/** The status of a unit's `score` row of an indicator (rowStatusAt gives its index here). */
export const ROW_STATUS = ["scored", "not-applicable", "missing", "excluded", "imputed", "not-submitted"] as const;
export type RowStatus = (typeof ROW_STATUS)[number];
const ROW_NOT_APPLICABLE = ROW_STATUS.indexOf("not-applicable");
const ROW_NOT_SUBMITTED = ROW_STATUS.indexOf("not-submitted");

/**
 * One indicator of a scoring (keep "all") as every unit's `score` row of it reads it: the
 * scoring's and the dataset's arrays in place, and, worked out once, what is the same for every
 * unit. The functions below read one unit's row off it (shownAt, rowStatusAt, numeratorAt,
 * denominatorAt, rowFigureAt, rowMaxAt): the one definition of what such a row holds, which the
 * result's columns (columnsOf: `value`, `ratio`, `missing`) read too.
 */
export interface IndicatorRowView {
  ind: IndicatorNode;
  /** the indicator's index in criteria.indicators (and in the dataset's cells) */
  k: number;
  /** its scores of every unit: applicable, points, rate, and how a missing value was handled */
  scores: NodeColumns;
  /** the column its cells are in (undefined: no row shows a value nor a ratio: the dataset has no such column, or the indicator is a roll-up, whose value is no cell) */
  cells: IndicatorColumn | undefined;
  /** what its cells hold: a number, a yes/no, a text */
  kind: CellKind;
  /** per level index (criteria.levels; NO_LEVEL too): 1 where the indicator applies */
  atLevel: Uint8Array;
  /**
   * per state byte of a cell (model/columns.ts), where the row shows something of it (the
   * indicator applies at the unit's level, and no missing-data policy stood in for its value):
   * SHOWS_VALUE where the rule rated the value (any computed value), with SHOWS_RATIO where it
   * was read from a numerator and a denominator; 0 for "not applicable", or nothing
   */
  shows: Uint8Array;
  /** per missing-data code (rate.ts missingCode; NOT_MISSING too): the row's status in ROW_STATUS, where the unit was submitted and the indicator applies to it */
  statusOfMissing: Uint8Array;
}

/** A node's scores as the scoring kept them: every node under keep "all", else the top-level ones. */
function keptNode(r: ColumnarResult): (id: string) => NodeColumns | undefined {
  if (r.keep === "all") return (id) => r.nodes.get(id);
  const top = new Map(r.top.map((c) => [c.node.id, c] as const));
  return (id) => top.get(id);
}

/** Every indicator of a scoring as its `score` rows read it, in criteria order; undefined for one the scoring did not keep (all of them kept under keep "all"). */
export function indicatorRowViews(r: ColumnarResult): (IndicatorRowView | undefined)[] {
  const d = r.dataset;
  const node = keptNode(r);
  const statusOfMissing = Uint8Array.from({ length: 256 }, (_, code) => {
    const policy = missingPolicyOf(code);
    return ROW_STATUS.indexOf(policy === undefined ? "scored" : policy === "exclude" ? "excluded" : policy === "impute-mean" || policy === "impute-median" ? "imputed" : "missing");
  });
  return r.criteria.indicators.map((ind, k) => {
    const scores = node(ind.id);
    if (!scores) return undefined;
    const col = d.cells[k];
    const kind = cellKind(ind);
    // the rule reads the cell as it holds it: a value it rated is shown, and a ratio's two figures
    const reads = ruleReads(ind.rule) === kind;
    // (the cell as read holds the value the engine scored: it is read off the column; a value
    // rated is shown where the dataset keeps its cells as read, as indicatorScore shows them)
    const valueShown = ind.formula !== undefined || (reads && d.cellAt !== undefined);
    const shows = Uint8Array.from({ length: 256 }, (_, state) => (stateOf(state) !== VALUE ? 0 : (valueShown ? SHOWS_VALUE : 0) | (reads && (state & CELL_FROM_RATIO) !== 0 ? SHOWS_RATIO : 0)));
    const atLevel = new Uint8Array(256);
    r.criteria.levels.forEach((l, i) => (atLevel[i] = ind.maxByLevel.has(l.id) ? 1 : 0));
    return { ind, k, scores, cells: col === undefined || r.rollups.has(k) ? undefined : col, kind, atLevel, shows, statusOfMissing };
  });
}

/**
 * Whether unit g's row reads its cell at all: the indicator has cells (not a roll-up), applies at
 * the unit's level, and no missing-data policy stood in for the value.
 */
function readsCell(v: IndicatorRowView, level: Uint8Array, g: number): boolean {
  if (v.cells === undefined || v.atLevel[level[g] as number] !== 1) return false;
  const missing = v.scores.missing;
  return missing === undefined || missing[g] === NOT_MISSING;
}

/** What unit g's row shows of its cell: SHOWS_VALUE and SHOWS_RATIO bits (0: neither). */
export function shownAt(v: IndicatorRowView, level: Uint8Array, g: number): number {
  return readsCell(v, level, g) ? (v.shows[(v.cells as IndicatorColumn).state[g] as number] as number) : 0;
}

/** Unit g's row's status, an index into ROW_STATUS; `status` is the scoring's, per unit. */
export function rowStatusAt(v: IndicatorRowView, status: Uint8Array, g: number): number {
  if (status[g] === NOT_RANKED) return ROW_NOT_SUBMITTED;
  if (v.scores.applicable[g] !== 1) return ROW_NOT_APPLICABLE;
  return v.statusOfMissing[v.scores.missing?.[g] ?? NOT_MISSING] as number;
}

/**
 * A row's rate or points (`figures`: the view's `scores.rate` or `scores.points`), NaN for none:
 * a unit not submitted (rowStatusAt "not-submitted") has neither.
 */
export const rowFigureAt = (figures: Float64Array, status: Uint8Array, g: number): number => (status[g] === NOT_RANKED ? NaN : (figures[g] as number));

/** A row's maximum, the indicator's at the unit's level (`max`), where it applies to the unit; else NaN. */
export const rowMaxAt = (v: IndicatorRowView, g: number, max: number): number => (v.scores.applicable[g] === 1 ? max : NaN);

/** The value a row shows (where shownAt says SHOWS_VALUE): as the rule read it. */
export const shownValueAt = (v: IndicatorRowView, g: number): number | boolean | string => cellValueAt(v.cells as IndicatorColumn, g, v.kind);

/** The numerator a row's value was read from (where shownAt says SHOWS_RATIO), NaN for none: as the loader kept it; else (a dataset made otherwise) the cell read again. */
export function numeratorAt(v: IndicatorRowView, d: ColumnarDataset, g: number): number {
  const kept = v.cells?.numerator;
  if (kept && v.cells?.denominator) return kept[g] as number;
  const cell = d.cellAt?.(g, v.k);
  return cell?.kind === "number" ? (cell.numerator ?? NaN) : NaN;
}

/** The denominator, as numeratorAt. */
export function denominatorAt(v: IndicatorRowView, d: ColumnarDataset, g: number): number {
  const kept = v.cells?.denominator;
  if (kept && v.cells?.numerator) return kept[g] as number;
  const cell = d.cellAt?.(g, v.k);
  return cell?.kind === "number" ? (cell.denominator ?? NaN) : NaN;
}

/** The columns of a scoring, read in place: no copy, no object per node. */
function scoringColumns(r: ColumnarResult, rows: ReadonlyMap<UnitResult, number>, levelRows: ReadonlyMap<LevelResult, Int32Array>): ResultColumns {
  const d = r.dataset;
  const node = keptNode(r);
  const noRatio = { numerator: null, denominator: null };
  const indicators = new Map<string, IndicatorFigures & { cell(g: number): boolean }>();
  const views = indicatorRowViews(r);
  r.criteria.indicators.forEach((ind, k) => {
    const v = views[k];
    if (!v) return;
    const scores = v.scores;
    const reads = ruleReads(ind.rule) === cellKind(ind);
    // the cells indicatorScore writes: a value the rule rated, and a "not applicable", where the row reads its cell
    const shown = (state: number): boolean => (stateOf(state) === VALUE && reads) || stateOf(state) === NOT_APPLICABLE;
    const missingCodes = scores.missing ?? new Uint8Array(d.size);
    indicators.set(ind.id, {
      ...scores,
      missing: (g) => missingPolicyOf(missingCodes[g] ?? NOT_MISSING),
      missingCode: missingCodes,
      value: (g) => (shownAt(v, d.level, g) & SHOWS_VALUE ? shownValueAt(v, g) : null),
      ratio: (g) => (shownAt(v, d.level, g) & SHOWS_RATIO ? { numerator: orNull(numeratorAt(v, d, g)), denominator: orNull(denominatorAt(v, d, g)) } : noRatio),
      cell: (g) => readsCell(v, d.level, g) && shown((v.cells as IndicatorColumn).state[g] as number) && d.cellAt?.(g, k) !== undefined,
    });
  });
  const rowOf = (u: UnitResult): number => rows.get(u) as number;
  return {
    rowOf,
    // (a level narrowed by --top is a new list of the units: their rows)
    rows: (l) => levelRows.get(l) ?? l.units.map(rowOf),
    unit: unitFigures(r),
    node,
    indicator: (id) => indicators.get(id),
    hasCell(g) {
      for (const i of indicators.values()) if (i.cell(g)) return true;
      return false;
    },
  };
}

/** The columns of units built by hand (a result not read off a scoring): copied from their nodes. */
export function unitColumns(units: readonly UnitResult[]): ResultColumns {
  const rows = new Map(units.map((u, i) => [u, i] as const));
  const made = new Map<string, NodeColumn | undefined>();
  const nodeAt = (id: string, g: number): NodeScore | undefined => units[g]?.nodes[id];
  const node = (id: string): NodeColumn | undefined => {
    if (made.has(id)) return made.get(id);
    const n = units.length;
    const c = { has: new Uint8Array(n), applicable: new Uint8Array(n), included: new Uint8Array(n), points: new Float64Array(n), max: new Float64Array(n), rate: new Float64Array(n) };
    units.forEach((u, g) => {
      const s = u.nodes[id];
      if (!s) return;
      c.has[g] = 1;
      c.applicable[g] = s.applicable ? 1 : 0;
      c.included[g] = s.included ? 1 : 0;
      c.points[g] = s.points ?? NaN;
      c.max[g] = s.max;
      c.rate[g] = s.rate ?? NaN;
    });
    const out = c.has.includes(1) ? c : undefined;
    made.set(id, out);
    return out;
  };
  const rowOf = (u: UnitResult): number => rows.get(u) as number;
  const at = (g: number): UnitResult => units[g] as UnitResult;
  return {
    rowOf,
    rows: (l) => l.units.map(rowOf),
    unit: {
      code: (g) => at(g).code,
      name: (g) => at(g).name,
      parent: (g) => at(g).parent,
      peerGroup: (g) => at(g).peerGroup,
      status: (g) => at(g).status,
      score: (g) => at(g).score,
      max: (g) => at(g).max,
      percent: (g) => at(g).percent,
      band: (g) => at(g).band,
      rank: (g) => at(g).rank,
      reason: (g) => at(g).reason,
    },
    node,
    indicator(id) {
      const c = node(id);
      if (!c || !units.some((u) => u.nodes[id]?.kind === "indicator")) return undefined;
      const missing = (g: number): NodeScore["missing"] => nodeAt(id, g)?.missing;
      return {
        ...c,
        missing,
        missingCode: Uint8Array.from(units, (_, g) => {
          const policy = missing(g);
          return policy === undefined ? NOT_MISSING : missingCode(policy);
        }),
        value(g) {
          const s = nodeAt(id, g);
          if (s?.formula) return s.formula().value;
          const cell = s?.cell;
          return !cell || cell.kind === "na" ? null : cell.value;
        },
        ratio(g) {
          const cell = nodeAt(id, g)?.cell;
          return cell?.kind === "number" ? { numerator: cell.numerator ?? null, denominator: cell.denominator ?? null } : { numerator: null, denominator: null };
        },
      };
    },
    hasCell: (g) => Object.values(units[g]?.nodes ?? {}).some((n) => n.cell !== undefined),
  };
}

/**
 * The lazy parts of a result's units, one accessor each shared by all its units: a unit's `nodes`
 * are read off the columns when first asked for (a unit's dozens of node objects cost more than
 * the rest of it, and explain, the gates and the job summary read them for a few units or none),
 * then kept; so are its views' scores. (One getter per result, not one per unit: V8 keeps
 * objects that share an accessor in its fast layout, 180 bytes a unit instead of a kilobyte in a
 * dictionary, and every later read of a unit's figures is quicker for it.)
 */
interface LazyParts {
  nodes: PropertyDescriptor;
  views: PropertyDescriptor | undefined;
}

function lazyParts(r: ColumnarResult, rows: ReadonlyMap<UnitResult, number>): LazyParts {
  // (redefined in place on first read: the key keeps its position, JSON and spreads see a plain value)
  const keep = (u: UnitResult, key: "nodes" | "views", value: unknown) => Object.defineProperty(u, key, { value, enumerable: true, writable: true, configurable: true });
  return {
    nodes: {
      get(this: UnitResult) {
        const g = rows.get(this) as number;
        const nodes = nodesOf(r, g, r.criteria.levels[r.dataset.level[g] as number]?.id as string);
        keep(this, "nodes", nodes);
        return nodes;
      },
      enumerable: true,
      configurable: true,
    },
    views:
      r.keep === "all" && r.criteria.views.length > 0
        ? {
            get(this: UnitResult) {
              const views = viewScores(r.criteria, this);
              keep(this, "views", views);
              return views;
            },
            enumerable: true,
            configurable: true,
          }
        : undefined,
  };
}

/** One unit of a scoring as the result model has it, its nodes and views read when first asked for (LazyParts). */
function unitResult(r: ColumnarResult, g: number, lazy: LazyParts): UnitResult {
  const d = r.dataset;
  const u = {
    code: d.code[g] as string,
    name: d.nameOf(g),
    level: r.criteria.levels[d.level[g] as number]?.id as string,
    peerGroup: r.peerGroup[g] as string,
    status: statusAt(r, g),
    score: orNull(r.score[g] as number),
    max: maxAt(r, g),
    percent: orNull(r.percent[g] as number),
    band: bandAt(r, g),
    rank: rankAt(r, g),
    base: orNull(r.base[g] as number),
    bonus: r.bonus[g] as number,
    penalty: r.penalty[g] as number,
  } as UnitResult;
  Object.defineProperty(u, "nodes", lazy.nodes);
  const parent = d.parent[g];
  if (parent !== undefined) u.parent = parent;
  if (lazy.views) Object.defineProperty(u, "views", lazy.views);
  const reason = reasonAt(r, g);
  if (reason !== undefined) u.reason = reason;
  return u;
}

// A unit's own figures, as unitResult and unitFigures both write them.
const statusAt = (r: ColumnarResult, g: number): Status => STATUS[r.status[g] as number] as Status;
// a unit not ranked has no score, so no maximum nor percentage to show
const maxAt = (r: ColumnarResult, g: number): number | null => (r.status[g] === NOT_RANKED ? null : (r.max[g] as number));
const bandAt = (r: ColumnarResult, g: number): string | null => (r.band[g] === -1 ? null : (r.criteria.bands.list[r.band[g] as number]?.id ?? null));
const rankAt = (r: ColumnarResult, g: number): number | null => (r.rank[g] === 0 ? null : (r.rank[g] as number));
/** why an assessed unit is not ranked: only for a unit assessed */
const reasonAt = (r: ColumnarResult, g: number): string | undefined => (r.status[g] === ASSESSED ? r.dataset.unranked?.get(g) : undefined);

/** UnitResult's own fields of a scoring's units, by row, read off its columns. */
function unitFigures(r: ColumnarResult): UnitFigures {
  const d = r.dataset;
  // each name decoded once, when first read (the loader keeps names as bytes, and a report
  // shows a unit's name in several tables)
  const names = new Array<string | undefined>(d.size).fill(undefined);
  return {
    code: (g) => d.code[g] as string,
    name: (g) => names[g] ?? (names[g] = d.nameOf(g)),
    parent: (g) => d.parent[g],
    peerGroup: (g) => r.peerGroup[g] as string,
    status: (g) => statusAt(r, g),
    score: (g) => orNull(r.score[g] as number),
    max: (g) => maxAt(r, g),
    percent: (g) => orNull(r.percent[g] as number),
    band: (g) => bandAt(r, g),
    rank: (g) => rankAt(r, g),
    reason: (g) => reasonAt(r, g),
  };
}

/** Every node of a unit under keep "all" (indicators in criteria order, then the groups); else the top-level nodes. */
function nodesOf(r: ColumnarResult, g: number, levelId: string): Record<string, NodeScore> {
  const nodes: Record<string, NodeScore> = {};
  if (r.keep === "all") {
    r.criteria.indicators.forEach((ind, k) => {
      const c = r.nodes.get(ind.id);
      if (c) nodes[ind.id] = indicatorScore(r, c, ind, k, g, levelId);
    });
    for (const c of r.nodes.values()) if (c.node.kind === "group") nodes[c.node.id] = nodeScore(c, g);
  } else {
    for (const c of r.top) nodes[c.node.id] = nodeScore(c, g);
  }
  return nodes;
}

function nodeScore(c: NodeColumns, g: number): NodeScore {
  return {
    id: c.node.id,
    kind: c.node.kind,
    applicable: c.applicable[g] === 1,
    included: c.included[g] === 1,
    points: orNull(c.points[g] as number),
    max: c.max[g] as number,
    rate: orNull(c.rate[g] as number),
  };
}

/** An indicator's score of one unit: with its cell, how a missing value was handled, and the rule's account. */
function indicatorScore(r: ColumnarResult, c: NodeColumns, ind: IndicatorNode, k: number, g: number, level: string): NodeScore {
  const s = nodeScore(c, g);
  if (!ind.maxByLevel.has(level)) return s;
  const missing = c.missing?.[g] ?? NOT_MISSING;
  if (missing !== NOT_MISSING) {
    s.missing = missingPolicyOf(missing);
    return s;
  }
  const data: ColumnarDataset = r.dataset;
  const rollup = r.rollups.get(k);
  if (rollup) {
    const x = rollup[g] as number;
    const detail = Number.isNaN(x) ? undefined : detailFor(r, ind, k, level, x);
    if (detail) s.detail = detail;
    return s;
  }
  const col = data.cells[k];
  if (!col) return s;
  const state = stateOf(col.state[g] as number);
  if (ind.formula) {
    const value = state === VALUE ? (cellValueAt(col, g, cellKind(ind)) as number | boolean) : null;
    s.formula = () => ({ steps: formulaTrace(r.criteria, data, ind, g), value });
  }
  const kind = cellKind(ind);
  const rated = state === VALUE && ruleReads(ind.rule) === kind;
  if (rated) {
    const detail = detailFor(r, ind, k, level, cellValueAt(col, g, kind));
    if (detail) s.detail = detail;
  }
  if (rated || state === NOT_APPLICABLE) {
    const cell = data.cellAt?.(g, k);
    if (cell) s.cell = cell;
  }
  return s;
}

function detailFor(r: ColumnarResult, ind: IndicatorNode, k: number, level: string, value: number | boolean | string): NodeScore["detail"] {
  const ctx = r.contexts[k]?.get(level);
  return ctx ? () => detailOf(ind.rule, value, ctx) : undefined;
}
