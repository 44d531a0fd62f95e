// The one formatter that turns diagnostics into sentences, in English or Vietnamese.
import type { Lang } from "../model/criteria.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { messages } from "./messages.ts";

export interface Styles {
  error: (s: string) => string;
  warning: (s: string) => string;
  note?: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

const plain: Styles = { error: (s) => s, warning: (s) => s, dim: (s) => s, bold: (s) => s };

/** The sentence of a diagnostic; with the period it was found in, when `validate` checked several. */
export function message(d: Pick<Diagnostic, "code" | "args" | "period">, lang: Lang): string {
  const m = messages[d.code][lang](argsIn(d.args, lang));
  return d.period === undefined ? m : `${m} ${periodTag(d.period, lang)}`;
}

const periodTag = (p: string, lang: Lang): string => (lang === "vi" ? `[kỳ ${p}]` : `[period ${p}]`);

export function hint(d: Pick<Diagnostic, "code" | "args">, lang: Lang): string | undefined {
  const e = messages[d.code] as { hint?: { en: (a: Diagnostic["args"]) => string; vi: (a: Diagnostic["args"]) => string } };
  return e.hint?.[lang](argsIn(d.args, lang));
}

/**
 * The arguments as a message in the language shows them: in Vietnamese, a number with decimals
 * is written with a decimal comma (72,25, as the user typed it in a Vietnamese form), in English
 * with a dot. Whole numbers (lines, counts, codes) are left as they are; so is every text.
 */
function argsIn(args: Diagnostic["args"], lang: Lang): Diagnostic["args"] {
  if (lang !== "vi") return args;
  let out: Diagnostic["args"] | undefined;
  for (const [k, v] of Object.entries(args)) {
    if (typeof v !== "number" || Number.isInteger(v) || !Number.isFinite(v)) continue;
    out ??= { ...args };
    out[k] = decimalFor(String(v), lang);
  }
  return out ?? args;
}

/** A worksheet column's letters: 1 is A, 27 is AA. */
export function columnLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A place in a worksheet as Excel names it: the cell (C7), or the whole row (7:7); undefined without a row. */
export function cellName(p: { line?: number; column?: number }): string | undefined {
  if (p.line === undefined) return undefined;
  return p.column === undefined ? `${p.line}:${p.line}` : `${columnLetters(p.column)}${p.line}`;
}

/** Where a problem is: `file:line:column`, or in a workbook `file.xlsx › Sheet › C7`. */
export function location(d: Pick<Diagnostic, "file" | "sheet" | "line" | "column">): string {
  if (!d.file) return "";
  if (d.sheet !== undefined) return [d.file, d.sheet, cellName(d)].filter((x) => x !== undefined).join(" › ");
  return [d.file, d.line, d.column].filter((x) => x !== undefined).join(":");
}

/** Diagnostics in reading order: by file, sheet, line and column. */
export const byPlace = (a: Diagnostic, b: Diagnostic): number =>
  (a.file ?? "").localeCompare(b.file ?? "", "en") ||
  // (sheets compared only where they differ: a sort of a hundred thousand problems meets this millions of times)
  (a.sheet === b.sheet ? 0 : (a.sheet ?? "").localeCompare(b.sheet ?? "", "en")) ||
  (a.line ?? 0) - (b.line ?? 0) ||
  (a.column ?? 0) - (b.column ?? 0);

const SEVERITY = { vi: { error: "lỗi", warning: "cảnh báo", note: "ghi chú" }, en: { error: "error", warning: "warning", note: "note" } } as const;

export function formatDiagnostic(d: Diagnostic, lang: Lang, s: Styles = plain): string {
  const where = location(d);
  const sev = (s[d.severity] ?? s.dim)(SEVERITY[lang][d.severity]);
  const period = d.period === undefined ? "" : ` ${s.dim(periodTag(d.period, lang))}`;
  const head = `${where ? `${s.bold(where)}: ` : ""}${sev} ${s.dim(d.code)}: ${messages[d.code][lang](d.args)}${period}`;
  const h = hint(d, lang);
  return h ? `${head}\n  ${s.dim(lang === "vi" ? "cách sửa" : "hint")}: ${h}` : head;
}

/** Sorted by file and position; a code repeated in one file is shown `perCode` times, then counted. */
export function formatDiagnostics(diags: readonly Diagnostic[], lang: Lang, s: Styles = plain, perCode = 5): string[] {
  const sorted = [...diags].sort(byPlace);
  const shown = new Map<string, number>();
  const out: string[] = [];
  for (const d of sorted) {
    const key = `${d.file ?? ""}\0${d.code}`;
    const n = (shown.get(key) ?? 0) + 1;
    shown.set(key, n);
    if (n <= perCode) out.push(formatDiagnostic(d, lang, s));
  }
  for (const [key, n] of shown) {
    if (n <= perCode) continue;
    const [file, code] = key.split("\0");
    const more = n - perCode;
    out.push(lang === "vi" ? `… và ${more} ${code} khác trong ${file || "đầu vào"}` : `… and ${more} more ${code} in ${file || "the input"}`);
  }
  return out;
}

export function summary(diags: readonly Diagnostic[], lang: Lang): string {
  const e = diags.filter((d) => d.severity === "error").length;
  const w = diags.filter((d) => d.severity === "warning").length;
  const n = diags.length - e - w;
  // (notes are counted only where there are some: the line stays as it was without them)
  const notes = n === 0 ? "" : lang === "vi" ? `, ${n} ghi chú` : `, ${n} note${n === 1 ? "" : "s"}`;
  return lang === "vi" ? `${e} lỗi, ${w} cảnh báo${notes}` : `${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}${notes}`;
}

/** A number already written with a dot, in the language's convention (each dot between two digits becomes a comma). */
export function decimalFor(s: string, lang: Lang): string {
  if (lang !== "vi") return s;
  // (most texts are one number, toFixed's or String's: its one dot, if any, is between digits)
  const dot = s.indexOf(".");
  if (dot < 0) return s;
  if (dot === s.lastIndexOf(".") && isDigit(s.charCodeAt(dot - 1)) && isDigit(s.charCodeAt(dot + 1))) return `${s.slice(0, dot)},${s.slice(dot + 1)}`;
  return s.replace(/(\d)\.(\d)/g, "$1,$2");
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
