// machine(x) and machineText: full precision without binary noise, as CSV and JSON write numbers.
// Both take a fast way for short decimals (shortDecimal in render/common.ts); whatever the way,
// the answer must be exactly that of the definition: the number's 15 significant digits.
// mdText: Markdown-inert text, likewise with a quick way for text with nothing to escape.
// decimalFor: a number's text with a decimal comma, with a quick way for one number's text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalFor, inert, machine, machineText, mdText } from "../../src/render/common.ts";
import { display, type ColumnKind } from "../../src/render/report-tables.ts";

// the definitions, as they were written before any fast way
const machineRef = (x: number | null | undefined): number | null => {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return x === 0 ? 0 : x;
  return Number(x.toPrecision(15));
};
const textRef = (x: number | null | undefined): string => (machineRef(x) === null ? "" : String(machineRef(x)));

const same = (x: number): void => {
  for (const v of [x, -x]) {
    expect(machineText(v)).toBe(textRef(v));
    expect(Object.is(machine(v), machineRef(v))).toBe(true);
  }
};

/** A double a few units in the last place away from x (k of them, either way). */
const ulpsAway = (x: number, k: number): number => {
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0] = (b[0] as bigint) + BigInt(k);
  return f[0] as number;
};

describe("machine and machineText", () => {
  it("are the 15 significant digits of any number", () => {
    fc.assert(fc.property(fc.double({ noNaN: false }), same), { numRuns: 20000 });
  });

  it("are the 15 significant digits of decimals, of their sums and ratios, and of their neighbours", () => {
    // decimals of 0 to 8 places, as data holds them
    fc.assert(
      fc.property(fc.double({ min: 1e-7, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 8 }), (x, k) => same(Math.round(x * 10 ** k) / 10 ** k)),
      { numRuns: 20000 },
    );
    // sums of scores with two decimals (what a total is), and a share of a maximum (what a percentage is)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 10000 }), (cents, max) => {
        let sum = 0;
        for (const c of cents) sum += c / 100;
        same(sum);
        same((sum / max) * 100);
      }),
      { numRuns: 20000 },
    );
    // a few units in the last place off a short decimal, and halfway between two (ties)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -6, max: 6 }), (r, d, k) => {
        same(ulpsAway(r / 10 ** d, k));
        same((r + 0.5) / 10 ** d);
      }),
      { numRuns: 20000 },
    );
    // just under and over powers of ten, where the digits before the point change
    fc.assert(
      fc.property(fc.integer({ min: -7, max: 15 }), fc.integer({ min: -40, max: 40 }), (p, k) => same(ulpsAway(10 ** p, k))),
      { numRuns: 5000 },
    );
  });

  it.each([0, -0, 1e-6, 9.99999e-7, 1e15, 999999999999999.9, 0.1 + 0.2, 100 / 3, 999.9999999999999, 97, -12.5, 2558.7200000000003, 0.000001, 0.0000015, 99999999999999.98, Infinity, NaN])("%s", (x) => {
    same(x);
  });

  it("are empty and null for no number", () => {
    for (const x of [null, undefined]) {
      expect(machineText(x)).toBe("");
      expect(machine(x)).toBe(null);
    }
  });
});

describe("mdText", () => {
  // the escaping in full, as mdText did it before it learned to skip text with nothing to escape
  const full = (s: string) =>
    inert(s.replace(/\r\n|[\r\n\u2028\u2029\t]/g, " "))
      .replace(/[\\`*_{}[\]<>|~$&#!]/g, (ch) => `\\${ch}`)
      .trim();
  it("is the full escaping for any text, whether it takes the quick way or not", () => {
    const chars = fc.constantFrom(..."aZ09 .,%-+_*|<>[]`\\#!~$&{}\t\r\n\u0000\u001b\u007f\u0085\u00a0\u2028\u2029\ufeffàếỗĐ");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(chars).map((xs) => xs.join(""))), (s) => {
        expect(mdText(s)).toBe(full(s));
      }),
      { numRuns: 3000 },
    );
  });
  it("leaves names, codes and figures as they are, and escapes what Markdown would read", () => {
    expect(mdText("Sở Thông tin 1")).toBe("Sở Thông tin 1");
    expect(mdText("94,87%")).toBe("94,87%");
    expect(mdText(" a_b ")).toBe("a\\_b");
    expect(mdText("x\u001b[31my")).toBe("xy");
  });
});

describe("decimalFor", () => {
  // the definition, as it was written before the quick way for one number's text
  const ref = (s: string) => s.replace(/(\d)\.(\d)/g, "$1,$2");
  it("is the definition for any text, one number's or not", () => {
    const chars = fc.constantFrom(..."0123456789.-+e, %()abcđ");
    const numbers = fc.oneof(fc.double(), fc.integer()).chain((x) => fc.constantFrom(String(x), x.toFixed(2), (x * 100).toFixed(1), String(machine(x))));
    fc.assert(
      fc.property(fc.oneof(numbers, fc.array(chars).map((xs) => xs.join(""))), (s) => {
        expect(decimalFor(s, "vi")).toBe(ref(s));
        expect(decimalFor(s, "en")).toBe(s);
      }),
      { numRuns: 5000 },
    );
    for (const s of ["12.34", "-0.50", "1.5e-7", "1.", ".5", "v1.2.3", "1.2 và 3.4", "a.b", "NaN", "1e+21"]) expect(decimalFor(s, "vi")).toBe(ref(s));
  });
});

describe("a figure in a report table", () => {
  // mdTable writes numbers as displayed, unescaped: their text must be what mdText would leave
  it("needs no Markdown escaping, in either language and any kind", () => {
    const kinds: ColumnKind[] = ["int", "number", "points", "percent", "rate", "text"];
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer()), fc.constantFrom(...kinds), fc.integer({ min: 0, max: 6 }), fc.constantFrom("vi" as const, "en" as const), (x, kind, decimals, lang) => {
        const shown = display(x, kind, decimals, lang);
        expect(mdText(shown)).toBe(shown);
        expect(shown).not.toBe("");
      }),
      { numRuns: 5000 },
    );
  });
});
