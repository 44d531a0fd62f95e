// Shared by the renderers: number display, machine numbers, and CSV cells that a spreadsheet
// cannot mistake for formulas.
import type { Band, Criteria, Lang } from "../model/criteria.ts";
import { text } from "../model/criteria.ts";

/** Colour and emphasis, decided by the CLI; renderers stay pure. */
export interface Palette {
  band: (index: number, s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

export const plainPalette: Palette = { band: (_i, s) => s, dim: (s) => s, bold: (s) => s };

export interface RenderOptions {
  lang: Lang;
  palette: Palette;
}

/** A number for display, at fixed decimals. */
export function shown(x: number | null | undefined, decimals: number): string {
  if (x === null || x === undefined) return "";
  return x.toFixed(decimals);
}

/** A number for machines: full precision without binary noise (0.1 + 0.2 is written 0.3). */
export function machine(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  return Number(x.toPrecision(15));
}

/** Removes terminal control sequences, so that data cannot recolour or clear the screen. */
export function inert(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

/** A CSV field: formula-like text neutralised with a leading quote, quoted when needed. */
export function csvField(v: string | number | null | undefined, delimiter = ","): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map((c) => csvField(c)).join(",");
}

export function bandIndex(criteria: Criteria, id: string | null): number {
  return id === null ? -1 : criteria.bands.list.findIndex((b) => b.id === id);
}

export function bandLabel(criteria: Criteria, id: string | null, lang: Lang): string {
  if (id === null) return "";
  const b: Band | undefined = criteria.bands.list.find((x) => x.id === id);
  return b ? text(b.label, lang, b.id) : id;
}
