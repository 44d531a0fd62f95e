// `egov-score template --unit CODE`: the long-form form one unit fills in, prefilled with its
// code, name and level and the indicators that apply to it, with a column for the evidence.
import { UsageError } from "../../diag/diagnostic.ts";
import { DEFAULT_COLUMNS } from "../../load/manifest.ts";
import { render } from "../../render/index.ts";
import { closest } from "../../util/similar.ts";
import type { Assessment } from "../../load/manifest.ts";
import type { CsvOptions } from "../../render/common.ts";
import { csvOptions, loadOrFail, pickFormat, renderOptions, start, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";

export async function run([dir]: unknown[], o: CommonOptions & { unit?: string }): Promise<void> {
  start(o);
  const format = pickFormat("template", o);
  const loaded = loadOrFail(dir as string | undefined, o);
  const code = (o.unit ?? "").normalize("NFC").trim();
  const unit = loaded.dataset.units.find((u) => u.code === code);
  if (!unit) {
    const suggestion = closest(code, loaded.dataset.units.map((u) => u.code))[0];
    throw new UsageError("UNIT_NOT_FOUND", { query: code, suggestions: suggestion ? `"${suggestion}"` : "" });
  }
  const form = {
    criteria: loaded.criteria,
    unit: { code: unit.code, name: unit.name, level: unit.level, ...(unit.parent !== undefined ? { parent: unit.parent } : {}) },
    columns: loaded.assessment?.columns ?? DEFAULT_COLUMNS,
  };
  writeOutput(o.output, render("template", format, form, { ...renderOptions(o, loaded.criteria), csv: formCsv(o, loaded.assessment) }), loaded.inputs);
}

/**
 * The form's CSV convention: the flags', if any is given; else the manifest's `input:` settings,
 * so that the form the unit fills in is read back as it was written (a `;` and decimal-comma
 * folder made by `init --excel` gets a `;` form with a byte-order mark).
 */
function formCsv(o: CommonOptions, a: Assessment | undefined): CsvOptions {
  if (o.excel || o.bom || o.delimiter !== undefined || o.decimal !== undefined || !a) return csvOptions(o);
  const delimiter = a.delimiter !== "auto" ? a.delimiter : a.decimal === "," ? ";" : ",";
  return { delimiter, decimal: a.decimal, bom: delimiter === ";" };
}
