// The one module that writes messages to stderr. stdout carries only the requested data.
import { formatDiagnostics, summary, type Styles } from "../diag/format.ts";
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { Lang } from "../model/criteria.ts";
import { chalkFor, useColor } from "./color.ts";
import { startLang } from "./lang.ts";

// Until a command knows its criteria: --lang, else the locale (cli/lang.ts).
const state: { quiet: boolean; color?: boolean; lang: Lang; verbose: boolean } = { quiet: false, lang: startLang(), verbose: false };

export function configureStderr(o: { quiet?: boolean; color?: boolean; lang?: Lang; verbose?: boolean }): void {
  if (o.quiet !== undefined) state.quiet = o.quiet;
  if (o.color !== undefined) state.color = o.color;
  if (o.lang !== undefined) state.lang = o.lang;
  if (o.verbose !== undefined) state.verbose = o.verbose;
}

export const stderrLang = (): Lang => state.lang;
export const isVerbose = (): boolean => state.verbose;

export function styles(enabled = useColor(state.color, process.stderr)): Styles {
  const c = chalkFor(enabled);
  return { error: c.red.bold, warning: c.yellow, note: c.cyan, dim: c.dim, bold: c.bold };
}

export function printError(text: string): void {
  clearProgress();
  process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
}

let progressShown = false;

/** A progress line, redrawn in place: only on a terminal, never with --quiet. */
export function progressLine(text: string): void {
  if (state.quiet || !process.stderr.isTTY) return;
  process.stderr.write(`\r${text}\u001b[K`);
  progressShown = true;
}

/** Removes the progress line, if one is shown, before anything else is written. */
export function clearProgress(): void {
  if (!progressShown) return;
  process.stderr.write("\r\u001b[K");
  progressShown = false;
}

export function note(text: string): void {
  if (!state.quiet) printError(text);
}

/** Errors always; warnings unless --quiet. */
export function printDiagnostics(diags: readonly Diagnostic[], lang: Lang = state.lang): void {
  const shown = state.quiet ? diags.filter((d) => d.severity === "error") : diags;
  if (shown.length === 0) return;
  printError(formatDiagnostics(shown, lang, styles()).join("\n"));
  if (shown.some((d) => d.severity === "error")) printError(summary(diags, lang));
}

/**
 * A status line that rewrites itself (a progress bar): only on a terminal and without --quiet;
 * undefined clears it.
 */
export function statusLine(text: string | undefined): void {
  if (text === undefined) clearProgress();
  else progressLine(text);
}

export const stderrIsTerminal = (): boolean => process.stderr.isTTY === true && !state.quiet;
