// Computed indicators (criteria `value:`): each unit's value evaluated from the data columns
// (inputs and indicators) before anything is rated, into the indicator's own column, so that
// every rule, policy and command reads it as it reads a value from a file. Pure.
//
// A name whose cell is "not applicable" makes the value not applicable; a missing one makes it
// missing (then the indicator's missing-data policy applies); only the branch if() takes is read.
// A division by zero is a warning at the divisor's cell, and the value is not applicable, as a
// ratio with a zero denominator is.
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import { dataColumns, type Criteria, type IndicatorNode } from "../model/criteria.ts";
import { NOT_APPLICABLE, NO_LEVEL, stateOf, VALUE, valueAt, type ColumnarDataset, type IndicatorColumn } from "../model/columns.ts";
import { exprText, namesOf, type Expr } from "../model/expr.ts";
import type { FormulaStep } from "../model/result.ts";
import { num } from "./explain.ts";


/** Why an evaluation has no number. */
const NA = -1;
const MISSING = -2;
const DIV0 = -3;

interface Evaluation {
  /** 0 when the value is a number, else NA, MISSING or DIV0 */
  fail: number;
  /** the divisor that was zero */
  divisor?: Expr;
}

/** Evaluates an expression for one unit; `read` gives a name's value (NaN when missing, or throws nothing: `na` says). */
function evaluate(e: Expr, read: (name: string) => number | typeof NA_VALUE, ev: Evaluation, trace?: FormulaStep[]): number {
  const show = (x: number): string => (ev.fail === NA ? "-" : ev.fail === MISSING ? "?" : ev.fail === DIV0 ? "÷0" : num(x));
  switch (e.kind) {
    case "number":
      return e.value;
    case "name": {
      const v = read(e.name);
      if (v === NA_VALUE) ev.fail ||= NA;
      else if (Number.isNaN(v)) ev.fail ||= MISSING;
      trace?.push({ kind: "read", text: e.name, value: v === NA_VALUE ? "-" : Number.isNaN(v) ? "?" : num(v) });
      return typeof v === "number" ? v : NaN;
    }
    case "negate": {
      const x = evaluate(e.operand, read, ev, trace);
      return -x;
    }
    case "binary": {
      const a = evaluate(e.left, read, ev, trace);
      const b = evaluate(e.right, read, ev, trace);
      if (ev.fail) return NaN;
      let r: number;
      switch (e.op) {
        case "+": r = a + b; break;
        case "-": r = a - b; break;
        case "*": r = a * b; break;
        case "/":
          if (b === 0) {
            ev.fail = DIV0;
            ev.divisor = e.right;
            r = NaN;
          } else r = a / b;
          break;
        case "<": r = a < b ? 1 : 0; break;
        case "<=": r = a <= b ? 1 : 0; break;
        case ">": r = a > b ? 1 : 0; break;
        case ">=": r = a >= b ? 1 : 0; break;
        case "==": r = a === b ? 1 : 0; break;
        case "!=": r = a !== b ? 1 : 0; break;
      }
      trace?.push({ kind: "compute", text: `${num(a)} ${e.op} ${num(b)}`, value: show(r) });
      return r;
    }
    case "call": {
      if (e.fn === "if") {
        const c = evaluate(e.args[0] as Expr, read, ev, trace);
        if (ev.fail) return NaN;
        const r = evaluate(e.args[c !== 0 ? 1 : 2] as Expr, read, ev, trace);
        trace?.push({ kind: "compute", text: `if(${num(c)}, …) → ${c !== 0 ? "then" : "else"}`, value: show(r) });
        return r;
      }
      const xs = e.args.map((a) => evaluate(a, read, ev, trace));
      if (ev.fail) return NaN;
      const s = xs.reduce((t, x) => t + x, 0);
      const r = e.fn === "max" ? Math.max(...xs) : e.fn === "min" ? Math.min(...xs) : e.fn === "sum" ? s : s / xs.length;
      trace?.push({ kind: "compute", text: `${e.fn}(${xs.map(num).join(", ")})`, value: show(r) });
      return r;
    }
  }
}

/** What `read` returns for a name whose cell says "not applicable". */
const NA_VALUE = Symbol("not applicable");

/** The computed indicators in an order where each comes after those it reads. */
function computeOrder(criteria: Criteria): IndicatorNode[] {
  const byId = new Map(criteria.indicators.map((i) => [i.id, i] as const));
  const out: IndicatorNode[] = [];
  const seen = new Set<IndicatorNode>();
  const visit = (ind: IndicatorNode): void => {
    if (seen.has(ind) || !ind.formula) return;
    seen.add(ind);
    for (const { name } of namesOf(ind.formula.expr)) {
      const other = byId.get(name);
      if (other) visit(other);
    }
    out.push(ind);
  };
  criteria.indicators.forEach(visit);
  return out;
}

/** A reader of names for unit g, over the dataset's columns. */
function reader(columnOf: Map<string, number>, cells: readonly IndicatorColumn[], g: number): (name: string) => number | typeof NA_VALUE {
  return (name) => {
    const col = cells[columnOf.get(name) as number];
    if (!col) return NaN;
    const s = stateOf(col.state[g] as number);
    return s === VALUE ? valueAt(col, g) : s === NOT_APPLICABLE ? NA_VALUE : NaN;
  };
}

/**
 * The dataset with the values of the computed indicators in their columns (a new dataset; the
 * other columns are shared). Problems (a division by zero) go to `diagnostics`.
 */
export function computeColumns(criteria: Criteria, data: ColumnarDataset, diagnostics: Diagnostic[]): ColumnarDataset {
  const order = computeOrder(criteria);
  if (order.length === 0 || data.computed) return data;
  const columns = dataColumns(criteria);
  const columnOf = new Map(columns.map((c, k) => [c.id, k] as const));
  const cells = [...data.cells];
  const n = data.size;
  for (const ind of order) {
    const k = columnOf.get(ind.id) as number;
    const expr = (ind.formula as NonNullable<IndicatorNode["formula"]>).expr;
    const col: IndicatorColumn = { state: new Uint8Array(n), value: new Float64Array(n), texts: [] };
    const value = col.value as Float64Array;
    const applies = criteria.levels.map((l) => ind.maxByLevel.has(l.id));
    for (let g = 0; g < n; g++) {
      const li = data.level[g] as number;
      if (li === NO_LEVEL || !applies[li]) continue;
      const ev: Evaluation = { fail: 0 };
      const x = evaluate(expr, reader(columnOf, cells, g), ev);
      if (ev.fail === MISSING || (!ev.fail && !Number.isFinite(x))) continue;
      if (ev.fail === NA || ev.fail === DIV0) {
        col.state[g] = NOT_APPLICABLE;
        if (ev.fail === DIV0 && ev.divisor) {
          const d = ev.divisor;
          const at = d.kind === "name" ? data.cellAt?.(g, columnOf.get(d.name) as number)?.source : undefined;
          diagnostics.push(diag("VALUE_DIVISION_BY_ZERO", "warning", { indicator: ind.id, unit: data.code[g] as string, divisor: exprText(d) }, at ?? data.missingAt(g, k)));
        }
        continue;
      }
      col.state[g] = VALUE;
      value[g] = ind.unit === "boolean" ? (x !== 0 ? 1 : 0) : x;
    }
    cells[k] = col;
  }
  return { ...data, cells, computed: true };
}

/** How a computed indicator's value of unit g was made, step by step (explain). */
export function formulaTrace(criteria: Criteria, data: ColumnarDataset, ind: IndicatorNode, g: number): FormulaStep[] {
  if (!ind.formula) return [];
  const columnOf = new Map(dataColumns(criteria).map((c, k) => [c.id, k] as const));
  const trace: FormulaStep[] = [];
  evaluate(ind.formula.expr, reader(columnOf, data.cells, g), { fail: 0 }, trace);
  for (const s of trace) {
    const source = s.kind === "read" ? data.cellAt?.(g, columnOf.get(s.text) as number)?.source : undefined;
    if (source) s.source = source;
  }
  return trace;
}
