// Computed indicators at load time: the expression parser (trees and errors at their offset),
// then the criteria's checks of `value:` and `inputs:`, each at its line and column, counted by hand.
import { describe, expect, it } from "vitest";
import { parseExpr } from "../../src/load/expr.ts";
import { loadCriteriaText } from "../../src/load/criteria.ts";
import { exprText } from "../../src/model/expr.ts";

const tree = (s: string): string => {
  const r = parseExpr(s);
  if ("error" in r) throw new Error(`${s}: ${JSON.stringify(r.error)}`);
  return exprText(r.expr);
};
const error = (s: string) => {
  const r = parseExpr(s);
  return "error" in r ? r.error : undefined;
};

describe("the expression parser", () => {
  it.each([
    ["100 - (qua-han + khieu-nai)", "100 - (qua-han + khieu-nai)"],
    ["a - b - c", "a - b - c"],
    ["a - (b - c)", "a - (b - c)"],
    ["a + b * c", "a + b * c"],
    ["(a + b) * c", "(a + b) * c"],
    ["a / b / c", "a / b / c"],
    ["-a * 2", "-a * 2"],
    ["--a", "--a"],
    ["1.5e2 + .5", "150 + 0.5"],
    ["a <= b + 1", "a <= b + 1"],
    ["if(a >= 4, 2, if(a >= 2, 1, 0))", "if(a >= 4, 2, if(a >= 2, 1, 0))"],
    ["max(a, b) / min(c)", "max(a, b) / min(c)"],
    ["mean(a, b, c) + sum(d, e)", "mean(a, b, c) + sum(d, e)"],
    ["ty-le.2019 * 1", "ty-le.2019 * 1"],
  ])("%s", (text, written) => expect(tree(text)).toBe(written));

  it.each([
    ["a +", { at: 3, found: "the end", expected: 'a number, a name, a function or "("' }],
    ["(a + b", { at: 6, found: "the end", expected: '")"' }],
    ["a b", { at: 2, found: "b", expected: "an operator or the end of the expression" }],
    ["a % b", { at: 2, found: "%" }],
    ["eval(a)", { at: 0, found: "eval(", expected: "one of the functions max, min, sum, mean, if" }],
    ["if(a, b)", { at: 7, found: "2 arguments", expected: "3 arguments: if(condition, then, else)" }],
    ["max()", { at: 4, found: "0 arguments", expected: "at least 1 argument in max()" }],
    ["a < b < c", { at: 6, found: "<" }],
    ["2x + 1", { at: 0, found: "2x" }],
    ["max(a; b)", { at: 5, found: ";" }],
    ["constructor(a)", { at: 0, found: "constructor(" }],
  ])("%s does not parse", (text, expected) => expect(error(text)).toMatchObject(expected));
});

// Line numbers, for counting positions:
//  1 id: t          5 inputs:           9   - id: b            13     rule: { type: ratio }
//  2 title: T       6   - id: qua-han   10 indicators:         14   - id: d
//  3 version: 1     7     unit: percent 11   - id: c           15     max: 5
//  4 levels: [...]  8   - id: khieu-nai 12     max: 10         16     rule: { type: ratio }
const SET = (value: string, extra = "") => `id: t
title: T
version: 1
levels: [{ id: so }, { id: xa }]
inputs:
  - id: qua-han
    unit: percent
  - id: khieu-nai
  - id: b
indicators:
  - id: c
    max: 10
    rule: { type: ratio }
    value: ${value}
  - id: d
    max: 5
    rule: { type: ratio }
${extra}`;
const problems = (yaml: string) => loadCriteriaText(yaml, "c.yaml").diagnostics.map((d) => ({ ...d.args, code: d.code, severity: d.severity, line: d.line, column: d.column }));

describe("checks of computed indicators, at their place", () => {
  it("a valid set: every input read", () => expect(problems(SET('"100 - (qua-han + khieu-nai) + b * 0"'))).toEqual([]));

  it.each([
    ["a syntax error, at the character (plain scalar)", SET("100 - (qua-han + khieu-nai"), [{ code: "CRITERIA_EXPR_SYNTAX", severity: "error", line: 14, column: 38, id: "c", found: "the end", expected: '")"' }]],
    ["a syntax error, at the character (quoted scalar)", SET('"qua-han + * b"'), [{ code: "CRITERIA_EXPR_SYNTAX", severity: "error", line: 14, column: 23, id: "c", found: "*", expected: 'a number, a name, a function or "("' }]],
    ["an unknown name, at the name, with the closest", SET('"100 - qua-hn + khieu-nai + b"'), [{ code: "CRITERIA_EXPR_UNKNOWN_NAME", severity: "error", line: 14, column: 19, id: "c", name: "qua-hn", suggestion: "qua-han" }]],
    ["a minus without spaces, with the subtraction meant", SET('"qua-han + khieu-nai-b"'), [{ code: "CRITERIA_EXPR_UNKNOWN_NAME", severity: "error", line: 14, column: 23, id: "c", name: "khieu-nai-b", suggestion: "khieu-nai - b" }]],
    ["a cycle of computed indicators, at the first", SET('"d + qua-han + khieu-nai + b"').replace("    max: 5\n", '    max: 5\n    value: "c * 1"\n'), [{ code: "CRITERIA_EXPR_CYCLE", severity: "error", line: 14, column: 12, id: "c", cycle: "c → d → c" }]],
    ["an indicator that reads itself", SET('"c + qua-han + khieu-nai + b"'), [{ code: "CRITERIA_EXPR_CYCLE", severity: "error", line: 14, column: 12, id: "c", cycle: "c → c" }]],
    ["a value: beside a column:, at value:", SET('"qua-han + khieu-nai + b"').replace("    max: 10\n", "    max: 10\n    column: C\n"), [{ code: "CRITERIA_EXPR_CONFLICT", severity: "error", line: 15, column: 5, id: "c", key: "column:" }]],
    ["an input read by nothing, at its id: a warning", SET('"qua-han + khieu-nai"'), [{ code: "CRITERIA_INPUT_UNUSED", severity: "warning", line: 9, column: 9, id: "b" }]],
    ["an input with an indicator's id, at the input", SET('"qua-han + khieu-nai + b"').replace("  - id: b\n", "  - id: b\n  - id: d\n"), [{ code: "CRITERIA_DUPLICATE_ID", severity: "error", line: 10, column: 9, id: "d", first: 16 }, { code: "CRITERIA_INPUT_UNUSED", severity: "warning", line: 10, column: 9, id: "d" }]],
    ["a text indicator read by an expression, at the name", SET('"qua-han + khieu-nai + b + d"').replace("    rule: { type: ratio }\n${''}", "").replace(/  - id: d\n    max: 5\n    rule: \{ type: ratio \}\n/, "  - id: d\n    max: 5\n    unit: text\n    rule: { type: categorical, categories: [{ value: A, points: 5 }] }\n"), [{ code: "CRITERIA_EXPR_TEXT", severity: "error", line: 14, column: 39, id: "c", name: "d" }]],
    ["an indicator computed at a level where what it reads does not apply, at the name", SET('"qua-han + khieu-nai + b + d"').replace("    max: 5\n", "    max: 5\n    levels: [so]\n"), [{ code: "CRITERIA_EXPR_LEVEL", severity: "error", line: 14, column: 39, id: "c", name: "d", level: "xa" }]],
  ])("%s", (_name, yaml, expected) => expect(problems(yaml)).toEqual(expected));

  it("resolves the inputs at the levels of the indicators that read them, through other computed indicators", () => {
    const yaml = SET('"qua-han + 1"').replace("  - id: d\n    max: 5\n", '  - id: d\n    max: 5\n    levels: [so]\n    value: "khieu-nai + b"\n') ;
    const { criteria } = loadCriteriaText(yaml.replace('"qua-han + 1"', '"qua-han + 1"'), "c.yaml");
    expect(criteria?.inputs.map((x) => [x.id, [...x.maxByLevel.keys()], x.role, x.unit])).toEqual([
      ["qua-han", ["so", "xa"], "input", "percent"],
      ["khieu-nai", ["so"], "input", "number"],
      ["b", ["so"], "input", "number"],
    ]);
    expect(criteria?.indicators.map((i) => i.formula?.text ?? null)).toEqual(["qua-han + 1", "khieu-nai + b"]);
  });
});
