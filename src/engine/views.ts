// The result model, read off the one engine's columns: what every renderer, explain, report,
// compare and the CI gates read. Pure. Nothing is scored here: each figure is the engine's, and
// the account of a rule's arithmetic (explain) is written from the value and the context the
// rule read, only when asked.
import type { Criteria, IndicatorNode } from "../model/criteria.ts";
import { cellKind, cellValueAt, NOT_APPLICABLE, stateOf, VALUE, type ColumnarDataset } from "../model/columns.ts";
import type { NodeScore, Result, Status, UnitResult } from "../model/result.ts";
import { missingPolicyOf, NOT_MISSING } from "./rate.ts";
import { detailOf, ruleReads } from "./rules.ts";
import { formulaTrace } from "./compute.ts";
import { viewScores } from "./regroup.ts";
import { NOT_RANKED, scoreColumns, STATUS, type ColumnarResult, type NodeColumns } from "./scoring.ts";

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

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
  const result: Result = {
    criteria: r.criteria,
    levels: r.levels.map((l) => ({ level: l.level, units: Array.from(l.order, (g) => unitResult(r, g)) })),
    diagnostics: r.diagnostics,
  };
  if (r.period !== undefined) result.period = r.period;
  if (r.dataset.unranked) result.unranked = true;
  if (r.provisional) result.provisional = r.provisional;
  return result;
}

/**
 * One unit of a scoring as the result model has it. Its `nodes` are read off the columns when
 * first asked for (a unit's dozens of node objects cost more than the rest of it, and explain,
 * the gates and the job summary read them for a few units or none), then kept.
 */
export function unitResult(r: ColumnarResult, g: number): UnitResult {
  const d = r.dataset;
  const levelId = r.criteria.levels[d.level[g] as number]?.id as string;
  const u = {
    code: d.code[g] as string,
    name: d.nameOf(g),
    level: levelId,
    peerGroup: r.peerGroup[g] as string,
    status: STATUS[r.status[g] as number] as Status,
    score: orNull(r.score[g] as number),
    // a unit not ranked has no score, so no maximum nor percentage to show
    max: r.status[g] === NOT_RANKED ? null : (r.max[g] as number),
    percent: orNull(r.percent[g] as number),
    band: r.band[g] === -1 ? null : (r.criteria.bands.list[r.band[g] as number]?.id ?? null),
    rank: r.rank[g] === 0 ? null : (r.rank[g] as number),
    base: orNull(r.base[g] as number),
    bonus: r.bonus[g] as number,
    penalty: r.penalty[g] as number,
    get nodes(): Record<string, NodeScore> {
      const nodes = nodesOf(r, g, levelId);
      // (redefined in place: the key keeps its position, JSON and spreads see a plain value)
      Object.defineProperty(this, "nodes", { value: nodes, enumerable: true, writable: true, configurable: true });
      return nodes;
    },
  } as UnitResult;
  const parent = d.parent[g];
  if (parent !== undefined) u.parent = parent;
  if (r.keep === "all" && r.criteria.views.length > 0) {
    Object.defineProperty(u, "views", {
      get(this: UnitResult) {
        const views = viewScores(r.criteria, this);
        Object.defineProperty(this, "views", { value: views, enumerable: true, writable: true, configurable: true });
        return views;
      },
      enumerable: true,
      configurable: true,
    });
  }
  const reason = d.unranked?.get(g);
  if (reason !== undefined && u.status === "assessed") u.reason = reason;
  return u;
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
