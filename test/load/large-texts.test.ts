// Texts as bytes and offsets (src/load/rows/texts.ts): whatever the sizes they were made for,
// the writers give every text back as it was added, and joined columns are the texts in order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codedWriter, joinTexts, textAt, textWriter } from "../../src/load/rows/texts.ts";

const texts = fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "Xã Đông Hưng", "Ấp 3", "😀x", "a\u0000b")), { maxLength: 60 });

describe("texts as bytes", () => {
  it("textWriter gives back every text, made for fewer rows and bytes than it gets", () => {
    fc.assert(
      fc.property(texts, fc.nat(70), fc.nat(200), (all, rows, bytes) => {
        const w = textWriter(rows, bytes);
        for (const t of all) w.add(t);
        const column = w.done();
        expect(column.count).toBe(all.length);
        expect(all.map((_, i) => textAt(column, i))).toEqual(all);
        expect(column.bytes.length).toBe(all.reduce((n, t) => n + Buffer.byteLength(t), 0));
      }),
      { numRuns: 300 },
    );
  });

  it("joinTexts puts columns one after the other", () => {
    fc.assert(
      fc.property(fc.array(texts, { maxLength: 5 }), (parts) => {
        const columns = parts.map((p) => {
          const w = textWriter(0, 0);
          for (const t of p) w.add(t);
          return w.done();
        });
        const joined = joinTexts(columns);
        const all = parts.flat();
        expect(joined.count).toBe(all.length);
        expect(all.map((_, i) => textAt(joined, i))).toEqual(all);
      }),
      { numRuns: 200 },
    );
  });

  it("codedWriter keeps each distinct text once, and each row's index into them", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("huyen", "xa", "", "so"), { maxLength: 80 }), fc.nat(90), (rows, hint) => {
        const w = codedWriter(hint);
        for (const r of rows) w.add(r);
        const { index, values } = w.done();
        expect(Array.from(index, (i) => values[i])).toEqual(rows);
        expect(values).toEqual([...new Set(rows)]);
      }),
      { numRuns: 200 },
    );
  });
});
