// machine(x) and machineText: full precision without binary noise, as CSV and JSON write numbers.
// Both take a fast way to the 15 digits (fastDecimal in render/common.ts), as does
// writeMachineNumber (their bytes, for CSV); whatever the way, the answer must be exactly that of
// the definition: the number's 15 significant digits.
// mdText: Markdown-inert text, likewise with a quick way for text with nothing to escape.
// decimalFor: a number's text with a decimal comma, with a quick way for one number's text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalFor, fixedFor, inert, machine, machineText, mdText, NUMBER_ROOM, writeDecimalDigits, writeMachineNumber } from "../../src/render/common.ts";
import { decodeDecimal } from "../../src/model/columns.ts";
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

  it("are the 15 significant digits of quotients and of any size between 1e-6 and 1e15", () => {
    // rates and points: a value's place between two bounds, times a maximum (the 15 digits themselves)
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 1000 }), (n, m, max) => {
        same(n / m);
        same((n / m) * max);
        same(n / 100 / (m / 100));
      }),
      { numRuns: 20000 },
    );
    // every magnitude alike (log-uniform), and near ties of the 15th digit
    fc.assert(
      fc.property(fc.double({ min: -6, max: 15, noNaN: true }), fc.integer({ min: 1e14, max: 1e15 - 1 }), fc.integer({ min: -6, max: 14 }), fc.integer({ min: -3, max: 3 }), (p, r, e, k) => {
        same(10 ** p);
        same(ulpsAway((r + 0.5) * 10 ** (e - 14), k));
      }),
      { numRuns: 20000 },
    );
  });

  // (the last three: a × 10^(14 - e) rounded to a half, the 15th digit decided by the product's error)
  it.each([0, -0, 1e-6, 9.99999e-7, 1e15, 999999999999999.9, 0.8291873963515755, 0.6795714285714285, 2.594464500601685, 0.1 + 0.2, 100 / 3, 999.9999999999999, 97, -12.5, 2558.7200000000003, 0.000001, 0.0000015, 99999999999999.98, Infinity, NaN])("%s", (x) => {
    same(x);
  });

  it("are empty and null for no number", () => {
    for (const x of [null, undefined]) {
      expect(machineText(x)).toBe("");
      expect(machine(x)).toBe(null);
    }
  });
});

describe("writeMachineNumber", () => {
  // the bytes of machineText, with "." or "," for the point
  const bytesOf = (x: number | null, point: string): string => {
    const buf = new Uint8Array(NUMBER_ROOM + 5).fill(120);
    const end = writeMachineNumber(buf, 5, x, point.charCodeAt(0));
    expect(end - 5).toBeLessThanOrEqual(NUMBER_ROOM);
    // (nothing written outside its room)
    expect([...buf.subarray(0, 5), ...buf.subarray(end)].every((b) => b === 120)).toBe(true);
    return new TextDecoder().decode(buf.subarray(5, end));
  };
  const sameBytes = (x: number | null): void => {
    for (const v of x === null ? [x] : [x, -x]) {
      expect(bytesOf(v, ".")).toBe(machineText(v));
      expect(bytesOf(v, ",")).toBe(machineText(v).replace(".", ","));
    }
  };

  it("writes machineText's characters for any number, whole, decimal, quotient, huge or tiny", () => {
    fc.assert(fc.property(fc.double({ noNaN: false }), sameBytes), { numRuns: 5000 });
    fc.assert(fc.property(fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }), sameBytes), { numRuns: 5000 });
    fc.assert(
      fc.property(fc.double({ min: 1e-7, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 8 }), (x, k) => sameBytes(Math.round(x * 10 ** k) / 10 ** k)),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 1000 }), (n, m, max) => sameBytes((n / m) * max)),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.double({ min: -8, max: 17, noNaN: true }), (p) => sameBytes(10 ** p)), { numRuns: 5000 });
  });

  it.each([null, NaN, Infinity, 0, -0, 1, 10, 0.8291873963515755, 0.6795714285714285, 1e-6, 9.99999e-7, 1.5e-7, 1e15, 1e21, 999999999999999.9, 0.1 + 0.2, 100 / 3, 0.05, 0.000001, 2558.7200000000003, 5e-324, Number.MAX_VALUE])("%s", (x) => {
    sameBytes(x);
  });
});

describe("writeDecimalDigits", () => {
  // a value the loader kept as decimal digits, written from them: writeMachineNumber's bytes of the value decoded
  const sameBytes = (digits: number, scale: number): void => {
    for (const point of [".", ","]) {
      const want = new Uint8Array(NUMBER_ROOM);
      const got = new Uint8Array(NUMBER_ROOM).fill(120);
      const end = writeDecimalDigits(got, 0, digits, scale, point.charCodeAt(0));
      expect([...got.subarray(end)].every((b) => b === 120)).toBe(true);
      const text = new TextDecoder().decode(got.subarray(0, end));
      expect(text, `${digits} at scale ${scale}`).toBe(new TextDecoder().decode(want.subarray(0, writeMachineNumber(want, 0, decodeDecimal(digits, scale), point.charCodeAt(0)))));
    }
  };

  it("writes the decoded value's bytes for any digits and scale the columns keep", () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 31) + 1, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 14 }), sameBytes), { numRuns: 20000 });
    // short decimals, with trailing zeros (46.60), and small fractions (0.05, 0.000001)
    fc.assert(fc.property(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 3 }), (d, s, z) => sameBytes(d * 10 ** z, Math.min(14, s + z))), { numRuns: 20000 });
  });

  it.each([
    [0, 0],
    [0, 3],
    [4664, 2],
    [4660, 2],
    [-4660, 2],
    [5, 2],
    [1, 6],
    [1, 7],
    [9, 7],
    [2147483647, 0],
    [-2147483647, 9],
    [100, 2],
    [1234567, 14],
  ])("%s at scale %s", (digits, scale) => sameBytes(digits, scale));
});

describe("mdText", () => {
  // the escaping in full, as mdText did it before it learned to skip text with nothing to escape
  const full = (s: string) =>
    inert(s.replace(/\r\n|[\r\n\u2028\u2029\t]/g, " "))
      .replace(/[\\`*_{}[\]<>|~$&#!]/g, (ch) => `\\${ch}`)
      .trim();
  it("is the full escaping for any text, whether it takes the quick way or not", () => {
    const chars = fc.constantFrom(..."aZ09 .,%-+_*|<>[]`\\#!~$&{}\t\r\n\u0000\u001b\u007f\u0080\u0085\u009f\u00a0\u1680\u2000\u200a\u200b\u202f\u205f\u3000\u2028\u2029\ufeffàếỗĐ");
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(chars).map((xs) => xs.join(""))), (s) => {
        expect(mdText(s)).toBe(full(s));
      }),
      { numRuns: 10000 },
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

describe("fixedFor", () => {
  // the definition: toFixed's text, with the decimal comma in Vietnamese
  const ref = (x: number, d: number, lang: "vi" | "en") => decimalFor(x.toFixed(d), lang);
  it("is toFixed's text for any number and any decimals", () => {
    // figures as a report has them (a few decimals, halves and near-halves among them) and any double
    const figure = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(1, 10, 100, 1000, 1e4, 1e6), fc.constantFrom(0, 0.5, -0.5, 1e-9, -1e-9, 5e-16)).map(([n, s, e]) => n / s + e);
    const x = fc.oneof(figure, fc.double(), fc.double({ min: -1e4, max: 1e4 }), fc.integer());
    fc.assert(
      fc.property(x, fc.integer({ min: 0, max: 22 }), fc.constantFrom("vi" as const, "en" as const), (v, d, lang) => {
        expect(fixedFor(v, d, lang)).toBe(ref(v, d, lang));
      }),
      { numRuns: 20000 },
    );
    const edges = [0, -0, 0.5, -0.5, 1.005, 2.675, -0.001, 0.045, 1e15, 4503599627370495.5, 4503599627370496, 1e21, 1e-7, -1e-7, 99.995, 0.125, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity];
    for (const v of edges) for (let d = 0; d <= 22; d++) for (const lang of ["vi", "en"] as const) expect(fixedFor(v, d, lang)).toBe(ref(v, d, lang));
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
