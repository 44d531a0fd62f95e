// The terminal's box tables: drawn by render/grid.ts as cli-table3 draws them, byte for byte.
import Table from "cli-table3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawTable, type Align } from "../../src/render/grid.ts";

const reference = (head: string[], rows: string[][], aligns: Align[]): string => {
  const t = new Table({ head, style: { head: [], border: [], compact: true }, colAligns: aligns });
  for (const r of rows) t.push(r);
  return t.toString();
};

// the text of this tool's tables: Vietnamese (precomposed and decomposed), digits, punctuation
const chars = [..."aZ09 .,-/%()·—–…→≥≤×−✓✗\uFFFDđĐươƯƠàảãáạăằẳẵắặâầẩẫấậèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộùủũúụưừửữứựỳỷỹýỵ", "e\u0301", "o\u0302\u0300"];
const text = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join(""));
const multiline = fc.array(text, { minLength: 1, maxLength: 3 }).map((l) => l.join("\n"));
const coloured = text.map((s) => `\u001b[31m${s}\u001b[39m`);
const cell = fc.oneof(text, text, multiline, coloured);

describe("drawTable", () => {
  it("draws what cli-table3 draws, for the text this tool writes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.tuple(fc.array(cell, { minLength: n, maxLength: n }), fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 6 }), fc.array(fc.constantFrom<Align>("left", "right"), { minLength: n, maxLength: n })),
        ),
        ([head, rows, aligns]) => {
          expect(drawTable(head, rows, aligns)).toBe(reference(head, rows, aligns));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("hands cells it cannot measure (wide characters, emoji) to cli-table3", () => {
    const head = ["Tên", "Điểm"];
    const rows = [["東京 ©", "1"], ["Sở 🙂", "22,5"]];
    expect(drawTable(head, rows, ["left", "right"])).toBe(reference(head, rows, ["left", "right"]));
  });

  it("draws a header alone, and empty cells, as cli-table3 does", () => {
    expect(drawTable(["Mã"], [], ["left"])).toBe(reference(["Mã"], [], ["left"]));
    expect(drawTable(["", "x"], [["", ""]], ["left", "right"])).toBe(reference(["", "x"], [["", ""]], ["left", "right"]));
  });
});
