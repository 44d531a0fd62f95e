// Diagnostics are data. Loaders and the engine return them; one formatter (format.ts) turns
// them into sentences, in Vietnamese or English. Tests assert codes and positions, not wording.
import type { DiagCode } from "./messages.ts";

/** error: the input cannot be used; warning: worth a look, an error under --strict; note: for information, never an error */
export type Severity = "error" | "warning" | "note";

export interface Diagnostic {
  code: DiagCode;
  severity: Severity;
  file?: string;
  line?: number;
  /** 1-based: a character column in YAML, a field number in CSV, a column number in a worksheet. */
  column?: number;
  /** the worksheet of a workbook (.xlsx) the problem is in; `line` is then its row number */
  sheet?: string;
  args: Record<string, string | number>;
  /** the period (or periods) of the data the problem was found in, when `validate` checks several */
  period?: string;
}

export function diag(
  code: DiagCode,
  severity: Severity,
  args: Record<string, string | number> = {},
  where: { file?: string; sheet?: string; line?: number; column?: number } = {},
): Diagnostic {
  const d: Diagnostic = { code, severity, args };
  if (where.file !== undefined) d.file = where.file;
  if (where.sheet !== undefined) d.sheet = where.sheet;
  if (where.line !== undefined) d.line = where.line;
  if (where.column !== undefined) d.column = where.column;
  return d;
}

/** Appends diagnostics one by one: push(...many) overflows the stack past ~100,000 of them (a
 * ragged file, a national dataset without parents). */
export function pushAll(to: Diagnostic[], from: readonly Diagnostic[]): void {
  for (const d of from) to.push(d);
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === "error");
}

/** Bad input: carries its diagnostics to the error boundary, which prints them and exits 2. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`${diagnostics.length} problem(s) in the input`);
  }
}

/** Bad usage of the command line (exit 2). */
export class UsageError extends Error {
  constructor(
    readonly code: DiagCode,
    readonly args: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

/** A check the user asked for failed (exit 1). */
export class GateError extends Error {}

/** The command has already said everything; end with this exit code (validate's 2). */
export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
