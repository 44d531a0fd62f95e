// Criteria problems are diagnostics with the file, line and column of the offending text.
import { describe, expect, it } from "vitest";
import { loadCriteriaText } from "../../src/load/criteria.ts";
import { BASE } from "../helpers/criteria-base.ts";

const problems = (yaml: string) => loadCriteriaText(yaml, "c.yaml").diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, severity: d.severity }));

describe("criteria diagnostics", () => {
  it("the base set is valid", () => expect(problems(BASE)).toEqual([]));

  it.each([
    ["an unknown key, at the key", BASE.replace("        max: 6\n", "        max: 6\n        maxx: 6\n"), "CRITERIA_UNKNOWN_KEY", 13, 9],
    ["an unknown root key", `${BASE}foo: 1\n`, "CRITERIA_UNKNOWN_KEY", 17, 1],
    ["an unknown key in the sensitivity block", `${BASE}sensitivity:\n  runs: 500\n  weigths: false\n`, "CRITERIA_UNKNOWN_KEY", 19, 3],
    ["a perturbation of 1 or more", `${BASE}sensitivity:\n  perturbation: 1\n`, "SCHEMA_RANGE", 18, 17],
    ["a fractional number of runs", `${BASE}sensitivity:\n  runs: 10.5\n`, "SCHEMA_TYPE", 18, 9],
    ["an unknown rule type", BASE.replace("type: ratio", "type: ratios"), "SCHEMA_VALUE", 13, 23],
    ["a wrong type", BASE.replace("max: 6", "max: six"), "SCHEMA_TYPE", 12, 14],
    ["a missing required key", BASE.replace("        rule: { type: ratio }\n", ""), "SCHEMA_REQUIRED", 11, 9],
    ["a negative maximum", BASE.replace("max: 6", "max: -6"), "SCHEMA_RANGE", 12, 14],
    ["steps out of order", BASE.replace("{ atLeast: 4, points: 4 }, { atLeast: 2, points: 2 }", "{ atLeast: 2, points: 2 }, { atLeast: 4, points: 4 }"), "CRITERIA_STEPS_ORDER", 16, 76],
    ["steps mixing atLeast and atMost", BASE.replace("{ atLeast: 2, points: 2 }", "{ atMost: 2, points: 2 }"), "CRITERIA_STEPS_MIXED", 16, 67],
    ["a step with both points and share", BASE.replace("{ atLeast: 2, points: 2 }", "{ atLeast: 2, points: 2, share: 0.5 }"), "CRITERIA_POINTS_OR_SHARE", 16, 65],
    ["step points above the maximum", BASE.replace("atLeast: 4, points: 4", "atLeast: 4, points: 5"), "CRITERIA_POINTS_ABOVE_MAX", 16, 60],
    ["a group max that does not add up", BASE.replace("    max: 10", "    max: 12"), "CRITERIA_MAX_SUM", 9, 10],
    ["a root max that does not add up", BASE.replace("version: 1\n", "version: 1\nmax: 100\n"), "CRITERIA_MAX_SUM", 4, 6],
    ["a duplicate indicator id", BASE.replace("id: b", "id: a"), "CRITERIA_DUPLICATE_ID", 14, 13],
    ["an unknown level", BASE.replace("        max: 6\n", "        max: 6\n        levels: [so, tinh]\n"), "CRITERIA_UNKNOWN_LEVEL", 13, 22],
    ["a level that is its own ancestor", BASE.replace("  - id: so\n", "  - id: so\n    parent: xa\n").replace("  - id: xa\n", "  - id: xa\n    parent: so\n"), "CRITERIA_LEVEL_CYCLE", 6, 13],
    ["a zero weight", BASE.replace("        max: 6\n", "        max: 6\n        weight: 0\n"), "CRITERIA_WEIGHT", 13, 17],
    ["goalposts in the wrong order", BASE.replace("rule: { type: ratio }", "rule: { type: linear, lower: 5, upper: 1 }"), "CRITERIA_GOALPOSTS", 13, 15],
    ["a boolean unit on a steps rule", BASE.replace("        max: 4\n", "        max: 4\n        unit: boolean\n"), "CRITERIA_UNIT_RULE", 16, 15],
    ["a mean group without max", BASE.replace("    max: 10\n", "    aggregation: mean\n"), "CRITERIA_MEAN_NEEDS_MAX", 8, 5],
    ["bands out of order", `${BASE}bands:\n  list:\n    - { id: a1, min: 50 }\n    - { id: b1, min: 80 }\n`, "CRITERIA_BANDS_ORDER", 20, 22],
    ["a roll-up of a level that is not below", BASE.replace("rule: { type: ratio }", "rule: { type: rollup, level: so }"), "CRITERIA_ROLLUP_LEVEL", 13, 38],
    ["a duplicate key", BASE.replace("        max: 6\n", "        max: 6\n        max: 5\n"), "YAML_DUPLICATE_KEY", 13, 9],
    ["a tab in the indentation", BASE.replace("        max: 6\n", "\t\tmax: 6\n"), "YAML_TAB", 12, 1],
    ["an unclosed flow mapping, at its opening brace", BASE.replace("rule: { type: ratio }", "rule: { type: ratio"), "YAML_UNCLOSED", 13, 15],
    ["an unclosed flow sequence, at its opening bracket", BASE.replace("[{ atLeast: 4, points: 4 }, { atLeast: 2, points: 2 }]", "[{ atLeast: 4, points: 4 }, { atLeast: 2, points: 2 }"), "YAML_UNCLOSED", 16, 37],
    ["a YAML syntax error", BASE.replace("        max: 6\n", "        max: 6\n      - x\n"), "YAML_SYNTAX", 13, 9],
  ])("%s", (_name, yaml, code, line, column) => {
    const p = problems(yaml);
    expect(p[0]).toEqual({ code, line, column, severity: "error" });
  });

  it("many aliases are refused instead of expanding", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}]`);
    expect(problems(lines.join("\n")).map((p) => p.code)).toEqual(["YAML_ALIAS_LIMIT"]);
  });

  it("an empty file", () => expect(problems("").map((p) => p.code)).toEqual(["FILE_EMPTY"]));

  it("reports every semantic problem at once", () => {
    const yaml = BASE.replace("    max: 10", "    max: 12").replace("id: b", "id: a");
    expect(problems(yaml).map((p) => p.code).sort()).toEqual(["CRITERIA_DUPLICATE_ID"]);
    const yaml2 = BASE.replace("{ atLeast: 4, points: 4 }, { atLeast: 2, points: 2 }", "{ atLeast: 2, points: 2 }, { atLeast: 4, points: 4 }").replace("        max: 6\n", "        max: 6\n        weight: -1\n");
    expect(problems(yaml2).map((p) => p.code).sort()).toEqual(["CRITERIA_STEPS_ORDER", "CRITERIA_WEIGHT"]);
  });
});

describe("resolution", () => {
  it("per-level maxima make a node apply to those levels only", () => {
    const c = loadCriteriaText(BASE.replace("        max: 6\n", "        max: { so: 6, xa: 3 }\n").replace("    max: 10\n", ""), "c.yaml").criteria!;
    expect(Object.fromEntries(c.root.maxByLevel)).toEqual({ so: 10, xa: 7 });
  });
  it("the manifest's map: names the column of an indicator", () => {
    const c = loadCriteriaText(BASE, "c.yaml", { a: "Tỉ lệ A" }).criteria!;
    expect(c.indicators.find((i) => i.id === "a")?.column).toBe("Tỉ lệ A");
  });
});

describe("the sensitivity block", () => {
  it("is read into the model as written", () => {
    const c = loadCriteriaText(`${BASE}sensitivity:\n  runs: 200\n  seed: 7\n  perturbation: 0.1\n  drop: false\n  wide: 3\n`, "c.yaml").criteria;
    expect(c?.sensitivity).toEqual({ runs: 200, seed: 7, perturbation: 0.1, drop: false, wide: 3 });
    expect(loadCriteriaText(BASE, "c.yaml").criteria?.sensitivity).toBeUndefined();
  });
});
