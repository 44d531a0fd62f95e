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
import { checkLevel, checkLoaded, csvOptions, pickFormat, renderOptions, start, type CommonOptions } from "../context.ts";
import { readColumns } from "../columns.ts";
import { compareCodes } from "../../engine/rank.ts";
import { writeOutput } from "../output.ts";

export async function run([dir]: unknown[], o: CommonOptions & { unit?: string }): Promise<void> {
  start(o);
  if ((o.unit === undefined) === (o.level === undefined)) throw new UsageError("USAGE_TEMPLATE_WHAT", { given: o.unit === undefined ? "none" : "both" });
  const format = pickFormat("template", o);
  const read = await readColumns(dir as string | undefined, o);
  const loaded = checkLoaded(read, o);
  const data = loaded.dataset;
  const columns = loaded.assessment?.columns ?? DEFAULT_COLUMNS;
  const period = data.period !== undefined ? { period: data.period } : {};
  // the units, by code, as the form lists them
  const units = Array.from({ length: data.size }, (_, g) => {
    const parent = data.parent[g];
    return { code: data.code[g] as string, name: data.nameOf(g), level: loaded.criteria.levels[data.level[g] as number]?.id ?? "", ...(parent !== undefined ? { parent } : {}) };
  }).sort((a, b) => compareCodes(a.code, b.code));
  let form: Form;
  if (o.level !== undefined) {
    checkLevel(loaded.criteria, o.level);
    form = { criteria: loaded.criteria, level: o.level, units: units.filter((u) => u.level === o.level).map(({ level: _level, ...u }) => u), columns, ...period };
  } else {
    const code = (o.unit ?? "").normalize("NFC").trim();
    const unit = units.find((u) => u.code === code);
    if (!unit) {
      const suggestion = closest(code, units.map((u) => u.code))[0];
      throw new UsageError("UNIT_NOT_FOUND", { query: code, suggestions: suggestion ? `"${suggestion}"` : "" });
    }
    form = { criteria: loaded.criteria, unit, columns, ...period };
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
