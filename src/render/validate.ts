// The problems found by `validate`: every one, grouped by file, then a count.
import type { Diagnostic } from "../diag/diagnostic.ts";
import { cellName, formatDiagnostics, hint, message, summary } from "../diag/format.ts";
import type { RenderOptions } from "./common.ts";

export interface ValidationReport {
  diagnostics: Diagnostic[];
  files: string[];
  units: number;
}

export function validateText(v: ValidationReport, o: RenderOptions): string {
  const p = o.palette;
  const lines = formatDiagnostics(v.diagnostics, o.lang, { error: (s) => p.band(99, p.bold(s)), warning: (s) => s, dim: p.dim, bold: p.bold });
  const checked = o.lang === "vi" ? `đã kiểm tra ${v.files.length} tệp, ${v.units} đơn vị` : `checked ${v.files.length} file${v.files.length === 1 ? "" : "s"}, ${v.units} units`;
  lines.push(`${summary(v.diagnostics, o.lang)} · ${checked}`);
  return `${lines.join("\n")}\n`;
}

export function validateJson(v: ValidationReport, o: RenderOptions): string {
  const errors = v.diagnostics.filter((d) => d.severity === "error").length;
  const doc = {
    schemaVersion: 1,
    valid: errors === 0,
    errors,
    warnings: v.diagnostics.filter((d) => d.severity === "warning").length,
    files: v.files,
    units: v.units,
    diagnostics: v.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
      // in a workbook: the worksheet, and the cell as Excel names it (line is the row)
      ...(d.sheet !== undefined ? { sheet: d.sheet, cell: cellName(d) ?? null } : {}),
      message: message(d, o.lang),
      hint: hint(d, o.lang) ?? null,
      args: d.args,
      ...(d.period !== undefined ? { period: d.period } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
