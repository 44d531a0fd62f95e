// `egov-score template --unit CODE`: the long-form form one unit fills in, prefilled with its
// code, name and level and the indicators that apply to it, with a column for the evidence.
// `--level ID`: the wide form of a whole level, a row per unit. CSV, or a workbook (-o x.xlsx)
// with instructions, data validation and locked labels.
import { UsageError } from "../../diag/diagnostic.ts";
import { DEFAULT_COLUMNS } from "../../load/manifest.ts";
import { render } from "../../render/index.ts";
import type { Form } from "../../render/template.ts";
import { closest } from "../../util/similar.ts";
import type { Assessment } from "../../load/manifest.ts";
import type { CsvOptions } from "../../render/common.ts";
import { checkLevel, csvOptions, loadOrFail, pickFormat, renderOptions, start, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";

export async function run([dir]: unknown[], o: CommonOptions & { unit?: string }): Promise<void> {
  start(o);
  if ((o.unit === undefined) === (o.level === undefined)) throw new UsageError("USAGE_TEMPLATE_WHAT", { given: o.unit === undefined ? "none" : "both" });
  const format = pickFormat("template", o);
  const loaded = await loadOrFail(dir as string | undefined, o);
  const columns = loaded.assessment?.columns ?? DEFAULT_COLUMNS;
  const period = loaded.dataset.period !== undefined ? { period: loaded.dataset.period } : {};
  let form: Form;
  if (o.level !== undefined) {
    checkLevel(loaded.criteria, o.level);
    const units = loaded.dataset.units.filter((u) => u.level === o.level).map((u) => ({ code: u.code, name: u.name, ...(u.parent !== undefined ? { parent: u.parent } : {}) }));
    form = { criteria: loaded.criteria, level: o.level, units, columns, ...period };
  } else {
    const code = (o.unit ?? "").normalize("NFC").trim();
    const unit = loaded.dataset.units.find((u) => u.code === code);
    if (!unit) {
      const suggestion = closest(code, loaded.dataset.units.map((u) => u.code))[0];
      throw new UsageError("UNIT_NOT_FOUND", { query: code, suggestions: suggestion ? `"${suggestion}"` : "" });
    }
    form = { criteria: loaded.criteria, unit: { code: unit.code, name: unit.name, level: unit.level, ...(unit.parent !== undefined ? { parent: unit.parent } : {}) }, columns, ...period };
  }
  writeOutput(o.output, await render("template", format, form, { ...renderOptions(o, loaded.criteria), csv: formCsv(o, loaded.assessment) }), loaded.inputs);
}

/**
 * A CSV form's convention: the flags', if any is given; else the manifest's `input:` settings,
 * so that the form the unit fills in is read back as it was written (a `;` and decimal-comma
 * folder made by `init --excel` gets a `;` form with a byte-order mark).
 */
function formCsv(o: CommonOptions, a: Assessment | undefined): CsvOptions {
  if (o.excel || o.bom || o.delimiter !== undefined || o.decimal !== undefined || !a) return csvOptions(o);
  const delimiter = a.delimiter !== "auto" ? a.delimiter : a.decimal === "," ? ";" : ",";
  return { delimiter, decimal: a.decimal, bom: delimiter === ";" };
}
