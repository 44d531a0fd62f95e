// The box tables of the terminal, drawn as cli-table3 draws them (compact style, no colours of
// its own), in one pass over the cells.
//
// cli-table3 builds an object per cell and merges its options into it: about 150 µs a row, which
// is 70 seconds for `score` over a national dataset (12,000 units × 40 indicators) and seconds
// for `rank`. Tables whose cells are all of the text this tool writes (Latin and Vietnamese
// letters, digits, punctuation, colour codes on single-line cells) are drawn here; any other
// table is handed to cli-table3 itself. test/render/grid.test.ts holds the two to the same bytes.
import Table from "cli-table3";

export type Align = "left" | "right";

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * The characters whose terminal width this module knows for certain, as cli-table3 (string-width
 * 4) counts them: printable ASCII, Latin-1 and Latin Extended (Vietnamese letters, precomposed),
 * general punctuation (dashes, quotes, ellipsis), the simple arrows and comparison signs, ✓, ✗
 * and the replacement character, one column each; combining marks, none. Emoji (©, ®, ‼, ↔…) and wide characters are left out.
 */
// eslint-disable-next-line no-control-regex
const SIMPLE = /^(?:[\x20-\x7E\u00A0-\u00A8\u00AA-\u00AD\u00AF-\u036F\u1E00-\u1EFF\u2010-\u2027\u2030-\u203B\u2190-\u2193\u2212\u2264\u2265\u2500-\u257F\u2713\u2717\uFFFD]|\u001b\[[0-9;]*m)*$/;
const MARK = /[\u0300-\u036F]/g;

/** The columns a cell line takes: colour codes and combining marks take none. */
const width = (line: string): number => line.replace(SGR, "").replace(MARK, "").length;

/** Whether every cell can be drawn here (colour codes only on cells of one line). */
function simple(cells: string[]): boolean {
  for (const c of cells) {
    if (!SIMPLE.test(c.replace(/\n/g, " "))) return false;
    if (c.includes("\n") && c.includes("\u001b")) return false;
  }
  return true;
}

function line(left: string, mid: string, right: string, widths: number[]): string {
  return left + widths.map((w) => "─".repeat(w + 2)).join(mid) + right;
}

function rowLines(cells: string[], widths: number[], aligns: Align[], out: string[]): void {
  const split = cells.map((c) => c.split("\n"));
  const height = Math.max(1, ...split.map((l) => l.length));
  for (let i = 0; i < height; i++) {
    let s = "│";
    for (let j = 0; j < widths.length; j++) {
      const text = split[j]?.[i] ?? "";
      const gap = " ".repeat((widths[j] as number) - width(text));
      s += aligns[j] === "right" ? ` ${gap}${text} │` : ` ${text}${gap} │`;
    }
    out.push(s);
  }
}

/** A table with a header row, as cli-table3 draws it in its compact style. */
export function drawTable(head: string[], rows: string[][], aligns: Align[]): string {
  const all = [head, ...rows];
  if (head.length === 0 || !all.every((r) => r.length === head.length && simple(r))) {
    const table = new Table({ head, style: { head: [], border: [], compact: true }, colAligns: aligns });
    for (const r of rows) table.push(r);
    return table.toString();
  }
  const widths = head.map((_, j) => {
    let w = 0;
    for (const r of all) for (const l of (r[j] as string).split("\n")) w = Math.max(w, width(l));
    return w;
  });
  const out = [line("┌", "┬", "┐", widths)];
  rowLines(head, widths, aligns, out);
  if (rows.length) out.push(line("├", "┼", "┤", widths));
  for (const r of rows) rowLines(r, widths, aligns, out);
  out.push(line("└", "┴", "┘", widths));
  return out.join("\n");
}
