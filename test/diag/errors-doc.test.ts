// docs/errors.md is the catalogue of every diagnostic, generated from src/diag/messages.ts and
// src/diag/examples.ts. This test fails when the file is out of date (UPDATE_DOCS=1 rewrites it)
// and when a catalogued code is never emitted by the code.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { examples } from "../../src/diag/examples.ts";
import { hint, message } from "../../src/diag/format.ts";
import { diagCodes, type DiagCode } from "../../src/diag/messages.ts";
import { ROOT } from "../helpers/exec.ts";

const SECTIONS: [string, RegExp][] = [
  ["Files and the manifest", /^(FILE_|GLOB_|MANIFEST_|NO_)/],
  ["YAML", /^YAML_/],
  ["The criteria", /^(CRITERIA_|SCHEMA_)/],
  ["Encodings and CSV", /^(ENCODING_|CSV_)/],
  ["Workbooks", /^WORKBOOK_/],
  ["Units and data", /^(DATA_|UNIT_)/],
  ["Values", /^(VALUE_|MISSING_)/],
  ["Periods", /^PERIOD_/],
  ["Comparison", /^COMPARE_/],
  ["Crosswalks between periods", /^CROSSWALK_/],
  ["Onboarding and CI", /^(INIT_|SUMMARY_)/],
  ["The command line and output", /^(USAGE|OUTPUT_)/],
];

function render(): string {
  const out: string[] = [
    "# Diagnostics",
    "",
    "<!-- generated from src/diag/messages.ts and src/diag/examples.ts by test/diag/errors-doc.test.ts (UPDATE_DOCS=1 npx vitest run test/diag) -->",
    "",
    "Every problem egov-score reports has a code, a severity, and where it can, the file, the line and",
    "the column: `file:line:column: error CODE: message`, then a hint on how to fix it. In YAML the",
    "column counts characters; in CSV it is the number of the field (1 for the first column). In an",
    "Excel workbook the place is the sheet and the cell: `file.xlsx › Sheet › C7: error CODE: message`.",
    "Messages are in Vietnamese or English (`--lang`, default: the criteria's language).",
    "",
    "- **error**: the input cannot be used as it is; the command exits 2 (`validate` lists every one first).",
    "- **warning**: worth a look; the command goes on. `--strict` turns warnings into errors.",
    "- **note**: for information (which period was scored, how a file was read); never an error, even under `--strict`.",
    "- A code repeated in one file is shown five times, then counted (`… and 412 more CSV_RAGGED in data/xa.csv`).",
    "- `validate -f json` gives the same as data: `code`, `severity`, `file`, `line`, `column`, `message`, `hint`, `args`.",
    "",
    "Mọi lỗi đều có mã, mức độ, và khi có thể, tệp, dòng và cột, kèm gợi ý cách sửa.",
    "",
  ];
  for (const [title, re] of SECTIONS) {
    const codes = diagCodes.filter((c) => re.test(c));
    out.push(`## ${title}`, "");
    for (const code of codes) {
      const ex = examples[code];
      const d = { code, args: ex.args };
      out.push(`### ${code}`, "", `${ex.severity ?? "error"} · ${ex.where}`, "");
      out.push(`- en: ${message(d, "en")}`);
      const he = hint(d, "en");
      if (he) out.push(`  - fix: ${he}`);
      out.push(`- vi: ${message(d, "vi")}`);
      const hv = hint(d, "vi");
      if (hv) out.push(`  - cách sửa: ${hv}`);
      out.push("");
    }
  }
  return out.join("\n");
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("the catalogue of diagnostics", () => {
  it("docs/errors.md is generated from the catalogue and up to date", () => {
    const file = path.join(ROOT, "docs/errors.md");
    const text = render();
    if (process.env.UPDATE_DOCS) writeFileSync(file, text);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("every section holds codes and every code is in a section", () => {
    const placed = new Set(diagCodes.filter((c) => SECTIONS.some(([, re]) => re.test(c))));
    expect(diagCodes.filter((c) => !placed.has(c))).toEqual([]);
  });

  it("every catalogued code is emitted somewhere in the code", () => {
    const code = sources(path.join(ROOT, "src"))
      .filter((f) => !/diag[\\/](messages|examples)\.ts$/.test(f))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const unused = diagCodes.filter((c: DiagCode) => !code.includes(`"${c}"`));
    expect(unused).toEqual([]);
  });
});
