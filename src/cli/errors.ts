// Maps what a command threw to a message on stderr and an exit code (SPEC.md): 2 for bad usage
// or bad input, 1 for a failed gate, 70 for a bug.
import { ExitError, GateError, InputError, UsageError } from "../diag/diagnostic.ts";
import { formatDiagnostic } from "../diag/format.ts";
import { printDiagnostics, printError, stderrLang, styles } from "./stderr.ts";

export function handleError(e: unknown, verbose: boolean): number {
  if (e instanceof InputError) {
    printDiagnostics(e.diagnostics);
    return 2;
  }
  if (e instanceof UsageError) {
    printError(formatDiagnostic({ code: e.code, severity: "error", args: e.args }, stderrLang(), styles()));
    return 2;
  }
  if (e instanceof ExitError) return e.exitCode;
  if (e instanceof GateError) {
    if (e.message) printError(e.message);
    return 1;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  printError(`egov-score: internal error: ${err.message}${verbose ? "" : " (run with --verbose for details; please report it)"}`);
  if (verbose && err.stack) printError(err.stack);
  return 70;
}
