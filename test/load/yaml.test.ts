// YAML with positions: the problems a parser finds, where they are said to be, and locate().
import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/load/yaml.ts";

const problems = (text: string, maxDepth?: number) => parseYaml(text, "f.yaml", maxDepth).diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column, ...d.args }));

describe("parseYaml: problems and their positions", () => {
  it("a valid document: its value, no problem", () => {
    const y = parseYaml("a: 1\nb: [x, 'y']\n", "f.yaml");
    expect(y).toMatchObject({ file: "f.yaml", value: { a: 1, b: ["x", "y"] }, diagnostics: [] });
  });

  it("an empty document is null, without a problem", () => {
    const y = parseYaml("", "f.yaml");
    expect([y.value, y.diagnostics]).toEqual([null, []]);
    expect(y.locate(["a"])).toEqual({ line: 1, column: 1 });
  });

  it.each([
    ["each duplicate key, at the repeated key, named", "a: 1\na: 2\na: 3\n", [
      { code: "YAML_DUPLICATE_KEY", line: 2, column: 1, detail: '"a"' },
      { code: "YAML_DUPLICATE_KEY", line: 3, column: 1, detail: '"a"' },
    ]],
    ["a quoted duplicate key, named without its quotes", 'x: 0\n"a": 1\n"a": 2\n', [{ code: "YAML_DUPLICATE_KEY", line: 3, column: 1, detail: '"a"' }]],
    ["a duplicate key in a flow mapping", "m: {a: 1, a: 2}\n", [{ code: "YAML_DUPLICATE_KEY", line: 1, column: 11, detail: '"a"' }]],
    ["a duplicate explicit key", "? a\n: 1\n? a\n: 2\n", [{ code: "YAML_DUPLICATE_KEY", line: 3, column: 3, detail: '"a"' }]],
    ["an empty duplicate key: the parser's sentence instead of its name", '"": 1\n"": 2\n', [{ code: "YAML_DUPLICATE_KEY", line: 2, column: 1, detail: "Map keys must be unique" }]],
    ["a syntax error: only the first complaint", "a: 1\n  b: 2\n", [{ code: "YAML_SYNTAX", line: 1, column: 4, detail: "Nested mappings are not allowed in compact mappings" }]],
    ["a closing brace that opens nothing", "b: }\n", [{ code: "YAML_SYNTAX", line: 1, column: 4, detail: 'Unexpected flow-map-end token in YAML stream: "}"' }]],
    ["a syntax error hides the duplicate keys after it", "a: 1\na: 2\nb: c: d\n", [{ code: "YAML_SYNTAX", line: 3, column: 4, detail: "Nested mappings are not allowed in compact mappings" }]],
    ["a tab in the indentation", "a:\n\tb: 1\n", [{ code: "YAML_TAB", line: 2, column: 1, detail: "Tabs are not allowed as indentation" }]],
    ["an unclosed brace, at the brace", "a: 1\nb: { c: 1\nd: 2\n", [{ code: "YAML_UNCLOSED", line: 2, column: 4, open: "{", close: "}" }]],
    ["an unclosed bracket after a closed one, at the open one", "a: [1, 2]\nb: [3\nc: 4\n", [{ code: "YAML_UNCLOSED", line: 2, column: 4, open: "[", close: "]" }]],
    ["brackets inside double quotes do not count", 'a: "[x{"\nb: [1\nc: 2\n', [{ code: "YAML_UNCLOSED", line: 2, column: 4, open: "[", close: "]" }]],
    ["brackets inside single quotes, with a doubled quote, do not count", "a: 'it''s [{'\nb: { c: 1\nd: 2\n", [{ code: "YAML_UNCLOSED", line: 2, column: 4, open: "{", close: "}" }]],
    ["an apostrophe in a plain text ends at the line's end", "a: it's\nb: { c: 1\nd: 2\n", [{ code: "YAML_UNCLOSED", line: 2, column: 4, open: "{", close: "}" }]],
    ["brackets in a comment do not count", "# a { here\nb: { c: 1  # and [ there\nd: 2\n", [{ code: "YAML_UNCLOSED", line: 2, column: 4, open: "{", close: "}" }]],
    ["a # inside a word is not a comment", "a: x#{y\nb: { c: 1\nd: 2\n", [{ code: "YAML_UNCLOSED", line: 2, column: 4, open: "{", close: "}" }]],
    ["an inner flow sequence closed, the outer mapping not", "b: { c: [1]\nd: 2\n", [{ code: "YAML_UNCLOSED", line: 1, column: 4, open: "{", close: "}" }]],
    ["nesting deeper than the limit, at the deepest line", "a:\n  b:\n    c: [1]\n", [{ code: "YAML_TOO_DEEP", line: 3, column: undefined, limit: 3 }]],
  ])("%s", (_name, text, expected) => {
    expect(problems(text, 3)).toEqual(expected);
  });

  it("nesting exactly at the limit is accepted", () => {
    expect(problems("a:\n  b:\n    c: 1\n", 3)).toEqual([]);
  });

  it("the value is not made when the text has a problem", () => {
    expect(parseYaml("a: 1\na: 2\n", "f.yaml").value).toBeUndefined();
  });
});

describe("locate", () => {
  const y = parseYaml(["name: t", "levels:", "  - id: so", "    max:", "  - id: xa", "    tags: [a, b]", "note: >", "  folded", ""].join("\n"), "f.yaml");

  it.each([
    ["the root", [], false, { line: 1, column: 1 }],
    ["a value", ["name"], false, { line: 1, column: 7 }],
    ["a key", ["name"], true, { line: 1, column: 1 }],
    ["an item of a list", ["levels", 1], false, { line: 5, column: 5 }],
    ["a value in an item", ["levels", 1, "id"], false, { line: 5, column: 9 }],
    ["a key in an item", ["levels", 1, "id"], true, { line: 5, column: 5 }],
    ["an item of a flow list", ["levels", 1, "tags", 1], false, { line: 6, column: 15 }],
    ["an empty value: just after its colon", ["levels", 0, "max"], false, { line: 4, column: 9 }],
    ["a block scalar", ["note"], false, { line: 7, column: 7 }],
    ["a key that is not there: the mapping that lacks it", ["levels", 0, "weight"], false, { line: 3, column: 5 }],
    ["an index past the end: the list", ["levels", 5, "id"], false, { line: 3, column: 3 }],
    ["a text index into a list: the list", ["levels", "x"], false, { line: 3, column: 3 }],
    ["a path through a text: the text", ["name", "x", "y"], false, { line: 1, column: 7 }],
    ["a path through an empty value: the empty value", ["levels", 0, "max", "x"], false, { line: 4, column: 9 }],
    ["a number as a key of a mapping", ["levels", 0, 0], false, { line: 3, column: 5 }],
  ] as const)("%s", (_name, path, key, expected) => {
    expect(y.locate(path, key)).toEqual(expected);
  });

  it("keys written as numbers are found by their text", () => {
    const z = parseYaml("periods:\n  2019: a\n  2020: b\n", "f.yaml");
    expect(z.locate(["periods", "2020"])).toEqual({ line: 3, column: 9 });
    expect(z.locate(["periods", "2020"], true)).toEqual({ line: 3, column: 3 });
  });

  it("an explicit key without a value: the key", () => {
    const z = parseYaml("a: 1\n? b\n", "f.yaml");
    expect(z.value).toEqual({ a: 1, b: null });
    expect(z.locate(["b"])).toEqual({ line: 2, column: 3 });
  });

  it("a document that is one text: the text, whatever the path", () => {
    const z = parseYaml("\n\n  just text\n", "f.yaml");
    expect(z.locate(["a", 0])).toEqual({ line: 3, column: 3 });
  });
});
