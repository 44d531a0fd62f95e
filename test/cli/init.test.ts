// What `egov-score init` writes besides the CSV templates, and how it settles on its answers.
import { describe, expect, it } from "vitest";
import { initFiles, resolveInit, type Prompter } from "../../src/cli/commands/init.ts";
import { manifestText, readmeText, withSchemaLine } from "../../src/render/init.ts";
import { criteriaFrom } from "../helpers/model.ts";

const C = criteriaFrom(`id: t
title: { vi: Bộ thử, en: Trial set }
version: 1
levels:
  - { id: so, label: { vi: Sở, en: Departments } }
  - { id: xa, label: { vi: Xã, en: Communes } }
indicators:
  - { id: a, label: { vi: Tỷ lệ A, en: Share A }, max: { so: 2.5, xa: 3 }, rule: { type: ratio } }
`);

describe("the criteria copy", () => {
  it.each([
    ["# yaml-language-server: $schema=../docs/criteria.schema.json\nid: t\n", "# yaml-language-server: $schema=criteria.schema.json\nid: t\n"],
    ["\ufeff#yaml-language-server: $schema=x.json\r\nid: t\n", "# yaml-language-server: $schema=criteria.schema.json\nid: t\n"],
    ["# My criteria\nid: t\n", "# yaml-language-server: $schema=criteria.schema.json\n# My criteria\nid: t\n"],
    ["id: t", "# yaml-language-server: $schema=criteria.schema.json\nid: t"],
  ])("%j starts with the schema line", (input, expected) => {
    expect(withSchemaLine(input)).toBe(expected);
  });
});

describe("the manifest", () => {
  it("plain: criteria, units, data, and the period left as a comment", () => {
    const text = manifestText({ criteria: C, from: "my/criteria.yaml", excel: false, lang: "en" });
    expect(text.split("\n").slice(0, 6)).toEqual([
      "# Assessment: Trial set",
      "# Created by `egov-score init --from my/criteria.yaml`; README.md explains every entry.",
      "criteria: criteria.yaml",
      "units: units.csv              # the registry of units; while it is empty, units come from the data files",
      "data:",
      "  - data/*.csv",
    ]);
    expect(text.split("\n")[6]).toMatch(/^# period: "\d{4}"/);
    expect(text).not.toContain("input:");
  });

  it("--excel and a period: the manifest reads ';' and decimal commas", () => {
    const text = manifestText({ criteria: C, from: "t", excel: true, period: "2025", lang: "vi" });
    expect(text.split("\n").slice(6)).toEqual(['period: "2025"', "input:                        # tệp CSV lưu từ Excel trên Windows tiếng Việt", '  delimiter: ";"', '  decimal: ","', ""]);
  });
});

describe("the folder's README", () => {
  it("names every file, the levels, and each indicator with its maxima (decimal commas with --excel)", () => {
    const text = readmeText({ criteria: C, from: "t", excel: true, lang: "en" });
    for (const f of ["`egov-score.yaml`", "`criteria.yaml`", "`criteria.schema.json`", "`units.csv`", "`data/so.csv`", "`data/xa.csv`", "`data/long-template.csv`"]) expect(text).toContain(`| ${f} |`);
    expect(text).toContain("the `level` column is one of: `so` (Departments), `xa` (Communes)");
    expect(text).toContain("| `a` | Share A | percent, 0 to 100; or fill in the numerator and the denominator | 2,5 | 3 |");
    expect(text).toContain("a byte-order mark, `;` between cells, a decimal comma (85,5)");
  });

  it("every file init writes, in order", () => {
    const files = initFiles(C, "id: t\n", { from: "t", excel: false, lang: "vi" }).map(([f]) => f);
    expect(files).toEqual(["egov-score.yaml", "criteria.yaml", "criteria.schema.json", "units.csv", "data/so.csv", "data/xa.csv", "data/long-template.csv", "README.md"]);
  });
});

/** A prompter that answers from a list and remembers the questions. */
function scripted(answers: string[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ask: async (q, def) => {
      asked.push(q);
      const a = answers.shift() ?? "";
      return a === "" ? def : a;
    },
    say: () => {},
    close: () => {},
  };
}
const SETS = [
  { id: "vn-cqdt-2019", title: "2019" },
  { id: "un-egdi", title: "EGDI" },
  { id: "vn-cds-2025", title: "2025" },
];

describe("init's answers", () => {
  it("without a terminal: the options given, else the defaults, and says --from was defaulted", async () => {
    expect(await resolveInit({}, undefined, SETS, "en")).toEqual({ dir: ".", from: "vn-cqdt-2019", excel: false, defaulted: true });
    expect(await resolveInit({ dir: "d", from: "un-egdi", excel: true, period: "2024" }, undefined, SETS, "en")).toEqual({ dir: "d", from: "un-egdi", period: "2024", excel: true, defaulted: false });
  });

  it("on a terminal: asks only for what is missing; a number picks a shipped set", async () => {
    const p = scripted(["demo", "3", "2025", "y"]);
    expect(await resolveInit({}, p, SETS, "en")).toEqual({ dir: "demo", from: "vn-cds-2025", period: "2025", excel: true, defaulted: false });
    expect(p.asked).toHaveLength(4);
    const q = scripted(["../2024/criteria.yaml"]);
    expect(await resolveInit({ dir: "x", period: "2025", excel: false }, q, SETS, "vi")).toEqual({ dir: "x", from: "../2024/criteria.yaml", period: "2025", excel: false, defaulted: false });
    expect(q.asked).toEqual(["Bộ tiêu chí (số, mã, hoặc đường dẫn tệp .yaml)"]);
  });

  it("on a terminal, Enter everywhere gives the defaults", async () => {
    expect(await resolveInit({}, scripted([]), SETS, "vi")).toEqual({ dir: ".", from: "vn-cqdt-2019", excel: false, defaulted: false });
  });
});
