// Every kind of zod issue becomes a diagnostic that names the path, what was found and what is
// allowed, and points at the YAML: the key, the value, or the mapping that lacks a key.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { pathText, schemaIssues } from "../../src/load/schema-issues.ts";
import { parseYaml } from "../../src/load/yaml.ts";

const Schema = z.strictObject({
  name: z.string(),
  rule: z.discriminatedUnion("type", [z.strictObject({ type: z.literal("ratio") }), z.strictObject({ type: z.literal("steps"), steps: z.array(z.number()).min(1).max(3) })]).optional(),
  data: z.union([z.string(), z.array(z.string())]).optional(),
  pair: z.array(z.number()).min(2).max(2).optional(),
  one: z.array(z.number()).max(1).optional(),
  max: z.number().gt(0).lte(100).optional(),
  weight: z.number().gte(1).lt(10).optional(),
  code: z.string().regex(/^[a-z]+$/).optional(),
  flag: z.boolean().optional(),
  level: z.enum(["so", "xa"]).optional(),
  note: z
    .string()
    .refine((s) => s !== "TODO", "write the note")
    .optional(),
  items: z.array(z.strictObject({ id: z.string(), max: z.number() })).optional(),
});

/** The diagnostics of a YAML text against the schema: code, arguments and position. */
function issuesOf(yaml: string, codes?: Parameters<typeof schemaIssues>[3]) {
  const y = parseYaml(yaml, "t.yaml");
  expect(y.diagnostics).toEqual([]);
  const r = Schema.safeParse(y.value);
  expect(r.success).toBe(false);
  return schemaIssues(r.error?.issues ?? [], y, [], codes).map((d) => ({ code: d.code, args: d.args, at: `${d.file}:${d.line}:${d.column}` }));
}

describe("schemaIssues", () => {
  it.each([
    ["an unknown key, at the key", "name: a\nnmae: b\n", [{ code: "CRITERIA_UNKNOWN_KEY", args: { key: "nmae", path: "(root)" }, at: "t.yaml:2:1" }]],
    ["two unknown keys in a nested mapping, each at its key", "name: a\nitems:\n  - id: x\n    max: 1\n    mx: 2\n    wieght: 3\n", [
      { code: "CRITERIA_UNKNOWN_KEY", args: { key: "mx", path: "items[0]" }, at: "t.yaml:5:5" },
      { code: "CRITERIA_UNKNOWN_KEY", args: { key: "wieght", path: "items[0]" }, at: "t.yaml:6:5" },
    ]],
    ["a missing key, at the mapping that lacks it", "name: a\nitems:\n  - id: x\n    max: 1\n  - max: 2\n", [{ code: "SCHEMA_REQUIRED", args: { key: "id", path: "items[1]" }, at: "t.yaml:5:5" }]],
    ["a missing key at the root", "max: 5\n", [{ code: "SCHEMA_REQUIRED", args: { key: "name", path: "(root)" }, at: "t.yaml:1:1" }]],
    ["a text where a number goes", "name: a\nmax: ten\n", [{ code: "SCHEMA_TYPE", args: { path: "max", expected: "a number", actual: 'string "ten"' }, at: "t.yaml:2:6" }]],
    ["a number where a text goes", "name: 5\n", [{ code: "SCHEMA_TYPE", args: { path: "name", expected: "a text", actual: "number 5" }, at: "t.yaml:1:7" }]],
    ["null where a text goes", "name: ~\n", [{ code: "SCHEMA_TYPE", args: { path: "name", expected: "a text", actual: "null" }, at: "t.yaml:1:7" }]],
    ["a list where true or false goes", "name: a\nflag: [yes]\n", [{ code: "SCHEMA_TYPE", args: { path: "flag", expected: "true or false", actual: "a list" }, at: "t.yaml:2:7" }]],
    ["an empty list where a mapping goes", "name: a\nitems: [[]]\n", [{ code: "SCHEMA_TYPE", args: { path: "items[0]", expected: "a mapping", actual: "an empty list" }, at: "t.yaml:2:9" }]],
    ["a mapping where a list goes", "name: a\npair: { a: 1 }\n", [{ code: "SCHEMA_TYPE", args: { path: "pair", expected: "a list", actual: "a mapping" }, at: "t.yaml:2:7" }]],
    ["a document that is not a mapping", "- a\n", [{ code: "SCHEMA_TYPE", args: { path: "(root)", expected: "a mapping", actual: "a list" }, at: "t.yaml:1:1" }]],
    ["a value outside an enumeration", "name: a\nlevel: tinh\n", [{ code: "SCHEMA_VALUE", args: { path: "level", actual: 'string "tinh"', allowed: "so, xa" }, at: "t.yaml:2:8" }]],
    ["an unknown type of a discriminated union, at the type", "name: a\nrule: { type: ratios }\n", [{ code: "SCHEMA_VALUE", args: { path: "rule.type", actual: 'string "ratios"', allowed: "ratio, steps" }, at: "t.yaml:2:15" }]],
    ["a discriminated union without its type, at the mapping", "name: a\nrule: { steps: [1] }\n", [{ code: "SCHEMA_VALUE", args: { path: "rule.type", actual: "nothing", allowed: "ratio, steps" }, at: "t.yaml:2:7" }]],
    ["a wrong value inside the chosen alternative", "name: a\nrule: { type: steps, steps: [1, x] }\n", [{ code: "SCHEMA_TYPE", args: { path: "rule.steps[1]", expected: "a number", actual: 'string "x"' }, at: "t.yaml:2:33" }]],
    ["a union matched by none: the types allowed", "name: a\ndata: 5\n", [{ code: "SCHEMA_TYPE", args: { path: "data", expected: "a text or a list", actual: "number 5" }, at: "t.yaml:2:7" }]],
    ["a union of the list's shape: the list's own problem", "name: a\ndata: [a, 7]\n", [{ code: "SCHEMA_TYPE", args: { path: "data[1]", expected: "a text", actual: "number 7" }, at: "t.yaml:2:11" }]],
    ["a number at or below an exclusive minimum", "name: a\nmax: 0\n", [{ code: "SCHEMA_RANGE", args: { path: "max", actual: "number 0", bound: "> 0" }, at: "t.yaml:2:6" }]],
    ["a number above an inclusive maximum", "name: a\nmax: 101\n", [{ code: "SCHEMA_RANGE", args: { path: "max", actual: "number 101", bound: "≤ 100" }, at: "t.yaml:2:6" }]],
    ["a number below an inclusive minimum", "name: a\nweight: 0.5\n", [{ code: "SCHEMA_RANGE", args: { path: "weight", actual: "number 0.5", bound: "≥ 1" }, at: "t.yaml:2:9" }]],
    ["a number at an exclusive maximum", "name: a\nweight: 10\n", [{ code: "SCHEMA_RANGE", args: { path: "weight", actual: "number 10", bound: "< 10" }, at: "t.yaml:2:9" }]],
    ["a list too short (several items needed)", "name: a\npair: [1]\n", [{ code: "SCHEMA_RANGE", args: { path: "pair", actual: "a list", bound: "have at least 2 items" }, at: "t.yaml:2:7" }]],
    ["an empty list where one item is needed", "name: a\nrule: { type: steps, steps: [] }\n", [{ code: "SCHEMA_RANGE", args: { path: "rule.steps", actual: "an empty list", bound: "have at least 1 item" }, at: "t.yaml:2:29" }]],
    ["a list too long (several items allowed)", "name: a\nrule: { type: steps, steps: [1, 2, 3, 4] }\n", [{ code: "SCHEMA_RANGE", args: { path: "rule.steps", actual: "a list", bound: "have at most 3 items" }, at: "t.yaml:2:29" }]],
    ["a list too long (one item allowed)", "name: a\none: [1, 2]\n", [{ code: "SCHEMA_RANGE", args: { path: "one", actual: "a list", bound: "have at most 1 item" }, at: "t.yaml:2:6" }]],
    ["a text of the wrong format", "name: a\ncode: Sở\n", [{ code: "SCHEMA_FORMAT", args: { path: "code", actual: 'string "Sở"', detail: "Invalid string: must match pattern /^[a-z]+$/" }, at: "t.yaml:2:7" }]],
    ["any other check: the invalid code with zod's message", "name: a\nnote: TODO\n", [{ code: "CRITERIA_INVALID", args: { path: "note", detail: "write the note" }, at: "t.yaml:2:7" }]],
  ])("%s", (_name, yaml, expected) => {
    expect(issuesOf(yaml)).toEqual(expected);
  });

  it("the manifest's own codes for unknown keys and other checks", () => {
    const codes = { unknownKey: "MANIFEST_UNKNOWN_KEY", invalid: "MANIFEST_INVALID" } as const;
    expect(issuesOf("name: a\nnote: TODO\nextra: 1\n", codes).map((d) => [d.code, d.at])).toEqual([
      ["MANIFEST_INVALID", "t.yaml:2:7"],
      ["MANIFEST_UNKNOWN_KEY", "t.yaml:3:1"],
    ]);
  });

  it("a prefix places the issues of a part of the document", () => {
    const y = parseYaml("levels:\n  - id: so\n    max: x\n", "t.yaml");
    const part = z.strictObject({ id: z.string(), max: z.number() }).safeParse((y.value as { levels: unknown[] }).levels[0]);
    const d = schemaIssues(part.error?.issues ?? [], y, ["levels", 0]);
    expect(d.map((x) => [x.code, x.args.path, x.line, x.column])).toEqual([["SCHEMA_TYPE", "levels[0].max", 3, 10]]);
  });
});

describe("pathText", () => {
  it.each([
    [[], "(root)"],
    [["levels"], "levels"],
    [["levels", 0, "id"], "levels[0].id"],
    [[0, 1], "[0][1]"],
    [["groups", 2, "indicators", 10], "groups[2].indicators[10]"],
  ] as const)("%j → %s", (p, text) => expect(pathText(p)).toBe(text));
});
