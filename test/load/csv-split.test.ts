// The quote-free path of readCsv (load/csv.ts splitRecords) against csv-parse (parseRecords): on
// any text without quotes, the same records starting on the same lines, for every delimiter.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRecords, quoteFree, readCsv, splitQuoted, splitRecords, type CsvRecord } from "../../src/load/csv.ts";
import { recordStartLine } from "../../src/load/dialect.ts";

const seen = (rs: CsvRecord[]) => rs.map((r) => ({ record: r.record, line: recordStartLine(r) }));
const text = fc.array(fc.constantFrom("a", "Xã Số 17", "73.24", "N/A", ",", ";", "\t", "\n", "\n", " ", "", "\u00a0", "\ufeff", "'", "=1+2"), { maxLength: 60 }).map((xs) => xs.join(""));

describe("splitRecords: csv-parse's records of a text without quotes", () => {
  it("the same records on the same lines, whatever the delimiter", () => {
    fc.assert(
      fc.property(text, fc.constantFrom(",", ";", "\t"), (t, d) => {
        fc.pre(quoteFree(t));
        expect(seen(splitRecords(t, d))).toEqual(seen(parseRecords(t, d)));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["a,b\n1,2\n", ","],
    ["a,b\n\n\n1,2", ","],
    ["\n\na;b\n1;2\n\n3;4;5\n", ";"],
    ["a\tb\n ,\n,,\n", "\t"],
    ["only a header", ","],
    ["", ","],
  ])("%j", (t, d) => {
    expect(seen(splitRecords(t, d))).toEqual(seen(parseRecords(t, d)));
  });

  it("is not taken for a text with quotes or a byte-order mark left in it", () => {
    expect(quoteFree('a,b\n"1,5",2')).toBe(false);
    expect(quoteFree("\ufeffa,b")).toBe(false);
    expect(quoteFree("a,b\n1,2")).toBe(true);
  });

  it("readCsv gives the same table and diagnostics either way", () => {
    const files = ["code,name,x\nA,Xã Số 1,73.24\nA,Xã Số 1,1\n\n,,\ncode,name,x\nB,b\n", 'code,name,x\nA,"Xã Số 1",73.24\nA,Xã Số 1,1\n\n,,\ncode,name,x\nB,b\n'];
    const [plain, quoted] = files.map((f) => readCsv(new TextEncoder().encode(f), "d.csv", { encoding: "auto", delimiter: "auto" }));
    expect(plain).toEqual(quoted);
    expect(plain?.diagnostics.map((d) => [d.code, d.line])).toEqual([["CSV_REPEATED_HEADER", 6], ["CSV_RAGGED", 7]]);
  });
});

describe("splitQuoted: csv-parse's records of a text whose quoted fields are plain", () => {
  const quoted = fc
    .array(fc.constantFrom("a", "Xã Số 17", "73.24", '"', '""', '"Xã Số 1, huyện A"', '"say ""yes"""', ",", ";", "\t", "\n", "\n", " ", "", "\ufeff", "x\"y"), { maxLength: 50 })
    .map((xs) => xs.join(""));

  it("gives csv-parse's records on the same lines, or leaves the text to it (also where it finds an error)", () => {
    let taken = 0;
    fc.assert(
      fc.property(quoted, fc.constantFrom(",", ";", "\t"), (t, d) => {
        const split = splitQuoted(t, d);
        let parsed: CsvRecord[] | undefined;
        try {
          parsed = parseRecords(t, d);
        } catch {
          parsed = undefined;
        }
        if (split === undefined) return;
        taken++;
        // a text this splitter takes is one csv-parse reads, to the same records
        expect(parsed).toBeDefined();
        expect(seen(split)).toEqual(seen(parsed as CsvRecord[]));
      }),
      { numRuns: 4000 },
    );
    // (and it takes a good part of them: the plain quoted fields)
    expect(taken).toBeGreaterThan(800);
  });

  it.each([
    ['code,name\nX1,"Xã Số 1, huyện A"\nX2,"say ""yes"""\n', ","],
    ['a;"b";""\n"";;\n', ";"],
    ['a,"b"\n\n"c",\n', ","],
  ])("%j", (t, d) => {
    expect(splitQuoted(t, d)).toBeDefined();
    expect(seen(splitQuoted(t, d) as CsvRecord[])).toEqual(seen(parseRecords(t, d)));
  });

  it.each(['a,"b\nc"\n', 'a,b"c\n', 'a,"b"c\n', 'a, "b"\n', '\ufeffa,"b"\n', 'a,"b'])("leaves %j to csv-parse", (t) => {
    expect(splitQuoted(t, ",")).toBeUndefined();
  });
});
