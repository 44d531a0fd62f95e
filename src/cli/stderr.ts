// The one module that writes messages to stderr. stdout carries only the requested data.
import { formatDiagnostics, summary, type Styles } from "../diag/format.ts";
import type { Diagnostic } from "../diag/diagnostic.ts";
import type { Lang } from "../model/criteria.ts";
import { chalkFor, useColor } from "./color.ts";

const state: { quiet: boolean; color?: boolean; lang: Lang; verbose: boolean } = { quiet: false, lang: "en", verbose: false };

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
  return { error: c.red.bold, warning: c.yellow, dim: c.dim, bold: c.bold };
}

export function printError(text: string): void {
  process.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
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
  if (state.quiet || process.stderr.isTTY !== true) return;
  process.stderr.write(text === undefined ? "\r\u001b[K" : `\r${text}\u001b[K`);
}

export const stderrIsTerminal = (): boolean => process.stderr.isTTY === true && !state.quiet;
