// The parser of computed indicators' expressions (model/expr.ts has the language): a small
// recursive descent over a hand-written tokenizer. Never eval: the text only ever becomes an
// Expr tree, and an Expr can do nothing but arithmetic on the values it names.
import { FUNCTIONS, type BinaryOp, type Expr, type FunctionName } from "../model/expr.ts";

export interface ExprError {
  /** the offset (0-based) in the text where the problem is */
  at: number;
  /** what was found there, as written */
  found: string;
  /** what the parser expected instead */
  expected: string;
}

type Token =
  | { t: "number"; value: number; text: string; at: number }
  | { t: "name"; text: string; at: number }
  | { t: "op"; text: string; at: number }
  | { t: "end"; text: string; at: number };

// A name is an id: a letter first, then letters, digits, '_', '.', '-'. So `qua-han` is one name
// and a subtraction needs spaces: `a - b`.
const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const OPS = ["<=", ">=", "==", "!=", "+", "-", "*", "/", "<", ">", "(", ")", ","];

function tokenize(text: string): Token[] | ExprError {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const n = NUMBER.exec(text);
    if (n) {
      // a number glued to letters (2x, 5.4a) is neither a number nor a name
      if (/[A-Za-z_]/.test(text[i + n[0].length] ?? "")) return { at: i, found: /^[A-Za-z0-9_.-]+/.exec(text.slice(i))?.[0] ?? n[0], expected: "a number, or a name that starts with a letter" };
      out.push({ t: "number", value: Number(n[0]), text: n[0], at: i });
      i += n[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (m) {
      out.push({ t: "name", text: m[0], at: i });
      i += m[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (!op) return { at: i, found: c, expected: "a number, a name, an operator (+ - * / < <= > >= == !=), a parenthesis or a comma" };
    out.push({ t: "op", text: op, at: i });
    i += op.length;
  }
  out.push({ t: "end", text: "the end", at: text.length });
  return out;
}

const COMPARISONS = new Set(["<", "<=", ">", ">=", "==", "!="]);

/** Parses an expression; its tree, or where and why it does not parse. */
export function parseExpr(text: string): { expr: Expr } | { error: ExprError } {
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return { error: tokens };
  let p = 0;
  const peek = (): Token => tokens[p] as Token;
  class Fail {
    constructor(readonly error: ExprError) {}
  }
  const fail = (expected: string): never => {
    const t = peek();
    throw new Fail({ at: t.at, found: t.text, expected });
  };
  const expect = (op: string, expected = `"${op}"`): void => {
    const t = peek();
    if (t.t !== "op" || t.text !== op) fail(expected);
    p++;
  };
  const comparison = (): Expr => {
    const left = additive();
    const t = peek();
    if (t.t === "op" && COMPARISONS.has(t.text)) {
      p++;
      const right = additive();
      const after = peek();
      if (after.t === "op" && COMPARISONS.has(after.text)) fail("no second comparison: write if(a < b, if(b < c, …), …) or compare once");
      return { kind: "binary", op: t.text as BinaryOp, left, right, at: t.at };
    }
    return left;
  };
  const additive = (): Expr => {
    let left = multiplicative();
    for (let t = peek(); t.t === "op" && (t.text === "+" || t.text === "-"); t = peek()) {
      p++;
      left = { kind: "binary", op: t.text as BinaryOp, left, right: multiplicative(), at: t.at };
    }
    return left;
  };
  const multiplicative = (): Expr => {
    let left = unary();
    for (let t = peek(); t.t === "op" && (t.text === "*" || t.text === "/"); t = peek()) {
      p++;
      left = { kind: "binary", op: t.text as BinaryOp, left, right: unary(), at: t.at };
    }
    return left;
  };
  const unary = (): Expr => {
    const t = peek();
    if (t.t === "op" && t.text === "-") {
      p++;
      return { kind: "negate", operand: unary(), at: t.at };
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    if (t.t === "number") {
      p++;
      return { kind: "number", value: t.value, at: t.at };
    }
    if (t.t === "name") {
      p++;
      const next = peek();
      if (next.t === "op" && next.text === "(") {
        if (!Object.hasOwn(FUNCTIONS, t.text)) throw new Fail({ at: t.at, found: `${t.text}(`, expected: `one of the functions ${Object.keys(FUNCTIONS).join(", ")}` });
        const fn = t.text as FunctionName;
        p++;
        const args: Expr[] = [];
        if (!(peek().t === "op" && peek().text === ")")) {
          args.push(comparison());
          while (peek().t === "op" && peek().text === ",") {
            p++;
            args.push(comparison());
          }
        }
        const close = peek();
        expect(")", '"," or ")"');
        const [lo, hi]: readonly [number, number] = FUNCTIONS[fn];
        if (args.length < lo || args.length > hi) {
          throw new Fail({ at: close.at, found: `${args.length} argument${args.length === 1 ? "" : "s"}`, expected: fn === "if" ? "3 arguments: if(condition, then, else)" : `at least ${lo} argument in ${fn}()` });
        }
        return { kind: "call", fn, args, at: t.at };
      }
      return { kind: "name", name: t.text, at: t.at };
    }
    if (t.t === "op" && t.text === "(") {
      p++;
      const e = comparison();
      expect(")", '")"');
      return e;
    }
    return fail("a number, a name, a function or \"(\"");
  };
  try {
    const expr = comparison();
    if (peek().t !== "end") fail("an operator or the end of the expression");
    return { expr };
  } catch (e) {
    if (e instanceof Fail) return { error: e.error };
    throw e;
  }
}
