// Computed indicators: the expressions of `value:` in the criteria, parsed once when the criteria
// load (load/expr.ts) and evaluated per unit by the engine (engine/compute.ts). A closed, small
// language: numbers, names of data columns and indicators, + - * /, comparisons, and the
// functions below. Nothing else can be reached from an expression.

/** The functions an expression may call, with their number of arguments (min, max). */
export const FUNCTIONS = {
  max: [1, Infinity],
  min: [1, Infinity],
  sum: [1, Infinity],
  mean: [1, Infinity],
  if: [3, 3],
} as const satisfies Record<string, readonly [number, number]>;
export type FunctionName = keyof typeof FUNCTIONS;

export type BinaryOp = "+" | "-" | "*" | "/" | "<" | "<=" | ">" | ">=" | "==" | "!=";

/** A node of an expression, with its offset in the expression's text (0-based). */
export type Expr =
  | { kind: "number"; value: number; at: number }
  | { kind: "name"; name: string; at: number }
  | { kind: "negate"; operand: Expr; at: number }
  | { kind: "binary"; op: BinaryOp; left: Expr; right: Expr; at: number }
  | { kind: "call"; fn: FunctionName; args: Expr[]; at: number };

/** The names an expression reads, each once, in the order they first appear. */
export function namesOf(e: Expr, out: { name: string; at: number }[] = []): { name: string; at: number }[] {
  switch (e.kind) {
    case "name":
      if (!out.some((x) => x.name === e.name)) out.push({ name: e.name, at: e.at });
      break;
    case "negate":
      namesOf(e.operand, out);
      break;
    case "binary":
      namesOf(e.left, out);
      namesOf(e.right, out);
      break;
    case "call":
      for (const a of e.args) namesOf(a, out);
      break;
  }
  return out;
}

/** The expression written back, fully parenthesised where precedence needs it. */
export function exprText(e: Expr): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "name":
      return e.name;
    case "negate":
      return `-${wrap(e.operand, 3)}`;
    case "binary":
      return `${wrap(e.left, prec(e.op))} ${e.op} ${wrap(e.right, prec(e.op) + 1)}`;
    case "call":
      return `${e.fn}(${e.args.map(exprText).join(", ")})`;
  }
}

export const prec = (op: BinaryOp): number => (op === "*" || op === "/" ? 2 : op === "+" || op === "-" ? 1 : 0);
const level = (e: Expr): number => (e.kind === "binary" ? prec(e.op) : 4);
const wrap = (e: Expr, min: number): string => (level(e) < min ? `(${exprText(e)})` : exprText(e));
