// Terminal tables that fit the terminal. A renderer describes its columns (what each holds and
// how it may give way); fitTable lays them out whole when they fit the width (or with no width:
// a file, a pipe, --wide), else gives way one step at a time until they do:
//   1. group columns are headed by a number, with a legend under the table, not by their names;
//   2. administrative kinds in names are abbreviated (Huyện → H., Thành phố → TP.);
//   3. group columns are left out, with a note saying how to see them;
//   4. a maximum the same on every row moves into a header (Điểm /100);
//   5. codes are left out (the names say which unit), with a note;
//   6. headings are wrapped to the width of their figures;
//   7. the parent column is left out when that is enough, or when wrapping would not be;
//   8. names are wrapped onto several lines.
import { drawTable } from "./grid.ts";
import type { Lang } from "../model/criteria.ts";

export interface Column {
  head: string;
  align: "left" | "right";
  cells: string[];
  /** name: may be abbreviated and wrapped; parent: the same, and may be left out; text: may be
   * wrapped; group: may be numbered, then left out; max: when the same on every row, goes into
   * the header of the column before it; id: may be left out; extra: a figure that may be left out
   * with the group columns (named in a note) */
  kind?: "name" | "parent" | "text" | "group" | "max" | "id" | "extra";
}

export interface Fitted {
  table: string;
  /** lines to print under the table: the legend of numbered groups, or how to see them */
  notes: string[];
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The columns a string takes on a terminal: combining marks and colour codes take none. */
export function visibleWidth(s: string): number {
  let n = 0;
  for (const ch of s.replace(ANSI, "").normalize("NFC")) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/** Words onto lines of at most `width` columns (a longer word keeps a line of its own). */
export function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of s.split(/\s+/).filter(Boolean)) {
    if (line && visibleWidth(line) + 1 + visibleWidth(word) > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A line wider than `width` broken after its hyphens (ca-mau-2019-self: ca-mau- / 2019-self). */
export function breakHyphens(line: string, width: number): string[] {
  if (visibleWidth(line) <= width || !line.includes("-")) return [line];
  const out: string[] = [];
  let cur = "";
  for (const piece of line.split(/(?<=-)/)) {
    if (cur && visibleWidth(cur + piece) > width) {
      out.push(cur);
      cur = piece;
    } else cur += piece;
  }
  if (cur) out.push(cur);
  return out;
}

/** Items after a prefix, joined by " · ", broken between items where a line would be too wide. */
export function wrapItems(prefix: string, items: string[], width: number): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const item of items) {
    const next = line === prefix ? `${line} ${item}` : `${line} · ${item}`;
    if (visibleWidth(next) > width && line !== prefix) {
      lines.push(line);
      line = `· ${item}`;
    } else line = next;
  }
  lines.push(line);
  return lines.flatMap((l) => (visibleWidth(l) > width ? wrap(l, width) : [l]));
}

// The kinds of unit that open Vietnamese names, and their usual abbreviations.
const ABBREVIATIONS: [RegExp, string][] = [
  [/^Ủy ban nhân dân\s+/u, "UBND "],
  [/^Thành phố\s+/u, "TP. "],
  [/^Thị trấn\s+/u, "TT. "],
  [/^Thị xã\s+/u, "TX. "],
  [/^Huyện\s+/u, "H. "],
  [/^Quận\s+/u, "Q. "],
  [/^Phường\s+(?=\D)/u, "P. "],
];

export function abbreviate(name: string): string {
  const s = name.normalize("NFC");
  for (const [re, short] of ABBREVIATIONS) if (re.test(s)) return s.replace(re, short);
  return s;
}

const cellWidth = (s: string): number => Math.max(0, ...s.split("\n").map(visibleWidth));
const columnWidth = (c: Column): number => Math.max(cellWidth(c.head), ...c.cells.map(cellWidth));
/** The width of the drawn table: two spaces of padding and one border per column, one more border. */
const tableWidth = (cols: Column[]): number => cols.reduce((w, c) => w + columnWidth(c) + 3, 1);

/** A group's name as a header of a few short lines, no wider than needed for its figures. */
function groupHead(name: string, values: number): string {
  const words = name.split(/\s+/).filter(Boolean);
  const longest = Math.max(0, ...words.map(visibleWidth));
  let width = Math.max(values, longest, Math.ceil(visibleWidth(name) / 3));
  while (wrap(name, width).length > 3) width++;
  return wrap(name, width).join("\n");
}

const NOTES = {
  legend: { vi: "Cột lĩnh vực", en: "Group columns" },
  hidden: { vi: "Điểm từng lĩnh vực: thêm --wide, hoặc -f csv", en: "Points per group: add --wide, or -f csv" },
  codes: { vi: "Mã đơn vị: thêm --wide, hoặc -f csv", en: "Unit codes: add --wide, or -f csv" },
  hiddenCsv: { vi: "Điểm từng lĩnh vực: -f csv", en: "Points per group: -f csv" },
  codesCsv: { vi: "Mã đơn vị: -f csv", en: "Unit codes: -f csv" },
  extra: { vi: "Cột bị ẩn cho vừa màn hình", en: "Columns left out to fit the terminal" },
};

function draw(cols: Column[]): string {
  const rows = Math.max(0, ...cols.map((c) => c.cells.length));
  return drawTable(
    cols.map((c) => c.head),
    Array.from({ length: rows }, (_, i) => cols.map((c) => c.cells[i] ?? "")),
    cols.map((c) => c.align),
  );
}

interface Layout {
  cols: Column[];
  notes: string[];
}

/** The table at full size when it fits `width` (or when there is no width), else narrowed. */
export function fitTable(columns: Column[], width: number | undefined, lang: Lang, o: { wideFlag?: boolean } = {}): Fitted {
  // how to see what was left out: --wide where the command has it, else a CSV
  const notes = o.wideFlag === false ? { hidden: NOTES.hiddenCsv[lang], codes: NOTES.codesCsv[lang] } : { hidden: NOTES.hidden[lang], codes: NOTES.codes[lang] };
  const groups = columns.filter((c) => c.kind === "group");
  const extras = columns.filter((c) => c.kind === "extra");
  const full = columns.map((c) => (c.kind === "group" ? { ...c, head: groupHead(c.head, Math.max(0, ...c.cells.map(cellWidth))) } : c));
  if (width === undefined || tableWidth(full) <= width) return { table: draw(full), notes: [] };

  const legend = groups.length ? wrapItems(`${NOTES.legend[lang]}:`, groups.map((g, i) => `${i + 1} ${g.head}`), width) : [];
  const abbreviated = (l: Layout): Layout => ({ ...l, cols: l.cols.map((c) => (c.kind === "name" || c.kind === "parent" ? { ...c, cells: c.cells.map(abbreviate) } : c)) });
  const steps: ((l: Layout) => Layout)[] = [
    // 1. group columns headed by numbers, named in a legend
    (l) => ({ cols: l.cols.map((c) => (c.kind === "group" ? { ...c, head: String(groups.indexOf(c) + 1) } : c)), notes: legend }),
    // 2. administrative kinds abbreviated
    abbreviated,
    // 3. no group columns, nor the figures that may be left out (and the names whole again)
    () => ({
      cols: columns.filter((c) => c.kind !== "group" && c.kind !== "extra"),
      notes: [...(groups.length ? wrap(notes.hidden, width) : []), ...(extras.length ? wrapItems(`${NOTES.extra[lang]} (-f csv):`, extras.map((c) => c.head.replace(/\n/g, " ")), width) : [])],
    }),
    abbreviated,
    // 4. a maximum that is the same on every row goes into the header of the column before it
    (l) => {
      const at = l.cols.findIndex((c) => c.kind === "max" && new Set(c.cells).size === 1 && c.cells[0] !== "");
      const before = l.cols[at - 1];
      if (at < 1 || !before) return l;
      const cols = l.cols.filter((_, i) => i !== at);
      cols[at - 1] = { ...before, head: `${before.head} /${l.cols[at]?.cells[0] ?? ""}` };
      return { ...l, cols };
    },
    // 5. no codes: the names say which unit
    (l) => ({ cols: l.cols.filter((c) => c.kind !== "id"), notes: [...l.notes, ...(l.cols.some((c) => c.kind === "id") ? wrap(notes.codes, width) : [])] }),
    // 6. headings wider than their figures on two lines or more (long names broken after hyphens)
    (l) => ({
      ...l,
      cols: l.cols.map((c) => {
        if (c.kind === "name" || c.kind === "parent" || c.kind === "text") return c;
        const cells = Math.max(0, ...c.cells.map(cellWidth));
        return cellWidth(c.head) > cells ? { ...c, head: c.head.split("\n").flatMap((h) => wrap(h, cells).flatMap((l) => breakHyphens(l, cells))).join("\n") } : c;
      }),
    }),
  ];
  let layout: Layout = { cols: columns, notes: [] };
  for (const step of steps) {
    layout = step(layout);
    if (tableWidth(layout.cols) <= width) return { table: draw(layout.cols), notes: layout.notes };
  }

  // 7. no parent column, if that is enough
  const orphan = { ...layout, cols: layout.cols.filter((c) => c.kind !== "parent") };
  if (orphan.cols.length < layout.cols.length && tableWidth(orphan.cols) <= width) return { table: draw(orphan.cols), notes: layout.notes };
  if (tableWidth(layout.cols) - width > layout.cols.filter((c) => c.kind === "name" || c.kind === "parent" || c.kind === "text").reduce((n, c) => n + Math.max(0, columnWidth(c) - 8), 0)) layout = orphan;

  // 8. names and texts wrapped, the widest first, down to 8 columns each
  const names = layout.cols.filter((c) => c.kind === "name" || c.kind === "parent" || c.kind === "text");
  const widths = new Map(names.map((c) => [c, columnWidth(c)]));
  let excess = tableWidth(layout.cols) - width;
  while (excess > 0) {
    const widest = [...widths].sort((a, b) => b[1] - a[1])[0];
    if (!widest || widest[1] <= 8) break;
    widths.set(widest[0], widest[1] - 1);
    excess--;
  }
  const wrapped = layout.cols.map((c) => {
    const w = widths.get(c);
    if (w === undefined) return c;
    const lines = (s: string) => wrap(s, w).flatMap((l) => (visibleWidth(l) > w ? [`${[...l].slice(0, w - 1).join("")}…`] : [l]));
    return { ...c, head: lines(c.head).join("\n"), cells: c.cells.map((s) => lines(s).join("\n")) };
  });
  return { table: draw(wrapped), notes: layout.notes };
}

/** Text lines (titles, notes) no wider than `width`; a wrapped line's continuation is indented two more. */
export function fitLines(s: string, width: number | undefined): string {
  if (width === undefined) return s;
  return s
    .split("\n")
    .flatMap((l) => {
      if (visibleWidth(l) <= width) return [l];
      const indent = /^ */.exec(l)?.[0] ?? "";
      const [first, ...rest] = wrap(l, width - indent.length);
      const more = rest.length ? wrap(rest.join(" "), width - indent.length - 2).map((x) => `${indent}  ${x}`) : [];
      return [`${indent}${first ?? ""}`, ...more];
    })
    .join("\n");
}
