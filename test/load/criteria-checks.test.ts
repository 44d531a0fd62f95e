// The semantic checks of a criteria set that test/load/criteria.test.ts leaves out, each on a
// small variation of one base set, with the line and column counted by hand; then resolution.
import { describe, expect, it } from "vitest";
import { loadCriteriaText } from "../../src/load/criteria.ts";
import { BASE } from "../helpers/criteria-base.ts";

// The arguments first, so that an argument named like a position cannot hide the position.
const problems = (yaml: string) => loadCriteriaText(yaml, "c.yaml").diagnostics.map((d) => ({ ...d.args, code: d.code, severity: d.severity, line: d.line, column: d.column }));

const categorical = (categories: string, otherwise = "") => BASE.replace("rule: { type: ratio }", `rule: { type: categorical, categories: [${categories}]${otherwise} }\n        unit: text`);

describe("criteria checks, each at its place", () => {
  it("the base set is valid", () => expect(problems(BASE)).toEqual([]));

  it.each([
    ["the reserved id total", BASE.replace("id: a", "id: total"), [{ code: "CRITERIA_RESERVED_ID", severity: "error", line: 11, column: 13, id: "total" }]],
    ["a level listed twice, at the second", BASE.replace("  - id: xa", "  - id: so"), [{ code: "CRITERIA_DUPLICATE_ID", severity: "error", line: 6, column: 9, id: "so", first: 0 }]],
    ["a set without any indicator, at the top", BASE.replace(/groups:[\s\S]*$/, "groups: []\n"), [{ code: "CRITERIA_NO_INDICATORS", severity: "error", line: 1, column: 1 }]],
    ["a mean at the root without max, at the key", BASE.replace("version: 1\n", "version: 1\naggregation: mean\n"), [{ code: "CRITERIA_MEAN_NEEDS_MAX", severity: "error", line: 4, column: 1, id: "total", aggregation: "mean" }]],
    ["a geometric group without max, at the group", BASE.replace("    max: 10\n", "    aggregation: geometric\n"), [{ code: "CRITERIA_MEAN_NEEDS_MAX", severity: "error", line: 8, column: 5, id: "g", aggregation: "geometric" }]],
    ["a level whose parent is not a level, at the parent", BASE.replace("  - id: xa\n", "  - id: xa\n    parent: tinh\n"), [{ code: "CRITERIA_UNKNOWN_LEVEL", severity: "error", line: 7, column: 13, level: "tinh", known: "so, xa" }]],
    ["peers by attribute without the attribute, at peers", BASE.replace("  - id: so\n", "  - id: so\n    peers: { by: attribute }\n"), [{ code: "SCHEMA_REQUIRED", severity: "error", line: 6, column: 12, key: "attribute", path: "levels[0].peers" }]],
    ["peers by parent on a level without parent, at peers", BASE.replace("  - id: so\n", "  - id: so\n    peers: { by: parent }\n"), [{ code: "CRITERIA_PEERS_NO_PARENT", severity: "error", line: 6, column: 12, level: "so" }]],
    ["levels: beside a maximum per level, at the levels: key", BASE.replace("        max: 6\n", "        max: { so: 6 }\n        levels: [so]\n"), [{ code: "CRITERIA_LEVELS_AND_MAP", severity: "error", line: 13, column: 9, id: "a" }]],
    ["a maximum for an unknown level, at its key", BASE.replace("        max: 6\n", "        max: { so: 6, tinh: 1 }\n"), [{ code: "CRITERIA_UNKNOWN_LEVEL", severity: "error", line: 12, column: 23, level: "tinh", known: "so, xa" }]],
    ["an indicator for a level its group leaves out (levels:), at its levels", BASE.replace("    max: 10\n", "    max: 10\n    levels: [so]\n").replace("        max: 6\n", "        max: 6\n        levels: [xa]\n"), [{ code: "CRITERIA_LEVEL_OUTSIDE_GROUP", severity: "error", line: 14, column: 17, id: "a", level: "xa", group: "g" }]],
    ["an indicator for a level its group leaves out (max per level), at its max", BASE.replace("    max: 10\n", "    max: { so: 10 }\n").replace("        max: 6\n", "        max: { so: 3, xa: 3 }\n"), [{ code: "CRITERIA_LEVEL_OUTSIDE_GROUP", severity: "error", line: 12, column: 14, id: "a", level: "xa", group: "g" }]],
    ["a group without children, at the group", BASE.replace("groups:\n", "groups:\n  - id: h\n    indicators: []\n"), [{ code: "CRITERIA_EMPTY_GROUP", severity: "error", line: 8, column: 5, id: "h" }]],
    ["a step without a bound, at the step", BASE.replace("{ atLeast: 2, points: 2 }", "{ points: 2 }"), [{ code: "CRITERIA_STEP_BOUND", severity: "error", line: 16, column: 65, id: "b", step: 2 }]],
    ["a step with both bounds, at the step", BASE.replace("{ atLeast: 2, points: 2 }", "{ atLeast: 2, atMost: 3, points: 2 }"), [{ code: "CRITERIA_STEP_BOUND", severity: "error", line: 16, column: 65, id: "b", step: 2 }]],
    ["a step with neither points nor share, at the step", BASE.replace("{ atLeast: 2, points: 2 }", "{ atLeast: 2 }"), [{ code: "CRITERIA_POINTS_OR_SHARE", severity: "error", line: 16, column: 65, id: "b", item: "step 2" }]],
    ["atMost steps in the wrong order, at the bound", BASE.replace("{ atLeast: 4, points: 4 }, { atLeast: 2, points: 2 }", "{ atMost: 4, points: 4 }, { atMost: 2, points: 2 }"), [{ code: "CRITERIA_STEPS_ORDER", severity: "error", line: 16, column: 74, id: "b", step: 2, bound: "atMost", value: 2, previous: 4 }]],
    ["otherwise above the maximum, at otherwise", BASE.replace("points: 2 }] }", "points: 2 }], otherwise: 5 }"), [{ code: "CRITERIA_POINTS_ABOVE_MAX", severity: "error", line: 16, column: 104, id: "b", points: 5, max: 4 }]],
    ["points above the smallest maximum per level", BASE.replace("        max: 4\n", "        max: { so: 4, xa: 3 }\n").replace("    max: 10\n", ""), [{ code: "CRITERIA_POINTS_ABOVE_MAX", severity: "error", line: 15, column: 60, id: "b", points: 4, max: 3 }]],
    ["a category with neither points nor share, at the category", categorical("{ value: A, points: 6 }, { value: B }"), [{ code: "CRITERIA_POINTS_OR_SHARE", severity: "error", line: 13, column: 74, id: "a", item: 'category "B"' }]],
    ["a category above the maximum, at its points", categorical("{ value: A, points: 7 }"), [{ code: "CRITERIA_POINTS_ABOVE_MAX", severity: "error", line: 13, column: 69, id: "a", points: 7, max: 6 }]],
    ["a category repeated by an alias, whatever the case, at the category", categorical("{ value: Có, points: 6 }, { value: Một phần, aliases: [có], share: 0.5 }"), [{ code: "CRITERIA_DUPLICATE_CATEGORY", severity: "error", line: 13, column: 75, id: "a", value: "có" }]],
    ["categorical otherwise above the maximum, at otherwise", categorical("{ value: A, points: 6 }", ", otherwise: 9"), [{ code: "CRITERIA_POINTS_ABOVE_MAX", severity: "error", line: 13, column: 86, id: "a", points: 9, max: 6 }]],
    ["a roll-up of an unknown level, at the level", BASE.replace("rule: { type: ratio }", "rule: { type: rollup, level: thon }"), [{ code: "CRITERIA_UNKNOWN_LEVEL", severity: "error", line: 13, column: 38, level: "thon", known: "so, xa" }]],
    ["a roll-up of an unknown node, at of", BASE.replace("  - id: xa\n", "  - id: xa\n    parent: so\n").replace("        max: 6\n", "        max: 6\n        levels: [so]\n").replace("rule: { type: ratio }", "rule: { type: rollup, level: xa, of: gg }"), [{ code: "CRITERIA_UNKNOWN_NODE", severity: "error", line: 15, column: 46, id: "gg" }]],
    ["a band id used twice, at the second id", `${BASE}bands:\n  list:\n    - { id: tot, min: 80 }\n    - { id: tot, min: 50 }\n`, [{ code: "CRITERIA_DUPLICATE_ID", severity: "error", line: 20, column: 13, id: "tot", first: 0 }]],
    ["a maximum per level that does not add up, at that level's maximum", BASE.replace("    max: 10\n", "    max: { so: 10, xa: 9 }\n"), [{ code: "CRITERIA_MAX_SUM", severity: "error", line: 9, column: 24, id: "g (xa)", declared: 9, sum: 10 }]],
    ["two indicators read from one column, at the second", BASE.replace("        max: 4\n", "        max: 4\n        column: a\n"), [{ code: "CRITERIA_DUPLICATE_COLUMN", severity: "error", line: 14, column: 9, id: "b", other: "a" }]],
  ])("%s", (_name, yaml, expected) => {
    expect(problems(yaml)).toEqual(expected);
  });

  it("two indicators read from one column: the column is named", () => {
    const d = loadCriteriaText(BASE.replace("        max: 4\n", "        max: 4\n        column: a\n"), "c.yaml").diagnostics;
    expect(d.map((x) => x.args)).toEqual([{ id: "b", other: "a", column: "a" }]);
  });

  it("a level no indicator applies to is a warning, and the set still loads", () => {
    const yaml = BASE.replace("    max: 10\n", "    max: 10\n    levels: [so]\n");
    const r = loadCriteriaText(yaml, "c.yaml");
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.args.level])).toEqual([["CRITERIA_LEVEL_EMPTY", "warning", 5, 3, "xa"]]);
    expect(Object.fromEntries(r.criteria?.root.maxByLevel ?? [])).toEqual({ so: 10 });
  });

  it("a roll-up of the total of a level below, and of a group there, are accepted", () => {
    const yaml = BASE.replace("  - id: xa\n", "  - id: xa\n    parent: so\n")
      .replace("    max: 10\n", "")
      .replace("        max: 6\n", "        max: { so: 6 }\n")
      .replace("rule: { type: ratio }", "rule: { type: rollup, level: xa, of: total, stat: median }")
      .replace("        max: 4\n", "        max: { so: 4 }\n")
      .replace("rule: { type: steps, steps: [{ atLeast: 4, points: 4 }, { atLeast: 2, points: 2 }] }", "rule: { type: rollup, level: xa, of: g }");
    expect(problems(yaml)).toEqual([{ code: "CRITERIA_LEVEL_EMPTY", severity: "warning", line: 5, column: 3, level: "xa" }]);
  });
});

describe("resolution of the model", () => {
  it("decision, issuer, note, labels in two languages, bands and ranking", () => {
    const yaml = BASE.replace("title: T\n", "title: { vi: Bộ chỉ số, en: Index }\ndecision: 'QĐ 1/2019'\nissuer: UBND\nnote: Minh họa\nillustrative: true\nlanguage: en\ndecimals: 1\n").concat(
      "bands:\n  on: score\n  list:\n    - { id: tot, label: { vi: Tốt, en: Good }, min: 8, color: '#0a0' }\n    - { id: kem, min: 0 }\nranking: { method: dense, on: score, decimals: 0 }\n",
    );
    const r = loadCriteriaText(yaml, "c.yaml");
    expect(r.diagnostics).toEqual([]);
    const c = r.criteria;
    expect(c).toMatchObject({
      title: { vi: "Bộ chỉ số", en: "Index" },
      decision: "QĐ 1/2019",
      issuer: "UBND",
      note: { vi: "Minh họa", en: "Minh họa" },
      illustrative: true,
      language: "en",
      decimals: 1,
      version: "1",
      bands: { on: "score", list: [{ id: "tot", label: { vi: "Tốt", en: "Good" }, min: 8, color: "#0a0" }, { id: "kem", label: {}, min: 0 }] },
      ranking: { method: "dense", on: "score", decimals: 0 },
    });
  });

  it("the defaults: no decision, issuer or note; competition ranks on the percentage; bands on the percentage", () => {
    const c = loadCriteriaText(BASE, "c.yaml").criteria;
    expect([c?.decision, c?.issuer, c?.note, c?.illustrative, c?.language, c?.decimals]).toEqual([undefined, undefined, undefined, false, "vi", 2]);
    expect(c?.ranking).toEqual({ method: "competition", on: "percent", decimals: 2 });
    expect(c?.bands).toEqual({ on: "percent", list: [] });
  });

  it("a mean group takes its declared maximum per level; weights, missing policies and directions are inherited or kept", () => {
    const yaml = BASE.replace("    max: 10\n", "    max: { so: 10, xa: 5 }\n    aggregation: mean\n    missing: exclude\n")
      .replace("        max: 6\n", "        max: 6\n        weight: 2\n        missing: impute-mean\n")
      .replace("rule: { type: ratio }", "rule: { type: ratio, direction: lower }");
    const c = loadCriteriaText(yaml, "c.yaml").criteria;
    const g = c?.root.children[0];
    expect(g?.kind === "group" ? [g.aggregation, Object.fromEntries(g.maxByLevel), g.missing] : undefined).toEqual(["mean", { so: 10, xa: 5 }, "exclude"]);
    expect(c?.indicators.map((i) => [i.id, i.weight, i.missing, i.direction, i.unit, i.path])).toEqual([
      ["a", 2, "impute-mean", "lower", "percent", ["g"]],
      ["b", 1, "exclude", "higher", "number", ["g"]],
    ]);
  });

  it("levels with parents and peer groups", () => {
    const yaml = BASE.replace("  - id: so\n  - id: xa\n", "  - id: so\n    label: Sở\n    peers: { by: attribute, attribute: khoi }\n  - id: xa\n    parent: so\n    peers: { by: parent }\n");
    expect(loadCriteriaText(yaml, "c.yaml").criteria?.levels).toEqual([
      { id: "so", label: { vi: "Sở", en: "Sở" }, peers: { by: "attribute", attribute: "khoi" } },
      { id: "xa", label: {}, parent: "so", peers: { by: "parent" } },
    ]);
  });

  it("the unit each rule reads by default", () => {
    const ind = (id: string, rule: string, extra = "") => `  - id: ${id}\n    max: 1\n    rule: ${rule}\n${extra}`;
    const yaml = `id: t\ntitle: T\nversion: 1\nlevels:\n  - id: u\n  - id: v\n    parent: u\nindicators:\n${[
      ind("ratio", "{ type: ratio }"),
      ind("target", "{ type: target, target: 5 }"),
      ind("boolean", "{ type: boolean }"),
      ind("categorical", "{ type: categorical, categories: [{ value: A, points: 1 }] }"),
      ind("rollup", "{ type: rollup, level: v }", "    levels: [u]\n"),
      ind("points", "{ type: points }"),
      ind("linear", "{ type: linear, lower: 0, upper: 10 }"),
      ind("declared", "{ type: points }", "    unit: fraction\n"),
    ].join("")}`;
    const r = loadCriteriaText(yaml, "c.yaml");
    expect(r.diagnostics).toEqual([]);
    expect(Object.fromEntries(r.criteria?.indicators.map((i) => [i.id, i.unit]) ?? [])).toEqual({ ratio: "percent", target: "percent", boolean: "boolean", categorical: "text", rollup: "fraction", points: "number", linear: "number", declared: "fraction" });
  });

  it("bonus and penalty indicators are collected with their roles", () => {
    const yaml = `${BASE}bonus:\n  max: 2\n  indicators:\n    - { id: award, max: 2, rule: { type: boolean } }\npenalty:\n  max: 3\n  indicators:\n    - { id: late, max: 3, rule: { type: points } }\n`;
    const c = loadCriteriaText(yaml, "c.yaml").criteria;
    expect(c?.indicators.map((i) => [i.id, i.role, i.path])).toEqual([
      ["a", "score", ["g"]],
      ["b", "score", ["g"]],
      ["award", "bonus", ["bonus"]],
      ["late", "penalty", ["penalty"]],
    ]);
    expect([c?.bonus?.max, c?.penalty?.max]).toEqual([2, 3]);
  });
});
