// machineText: the text of machine(x), as CSV and JSON write it, without the round trip; mdText: Markdown-inert text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inert, machine, machineText, mdText } from "../../src/render/common.ts";

describe("machineText", () => {
  // the text CSV and JSON show for machine(x): machineText must be exactly String(machine(x))
  const reference = (x: number) => (machine(x) === null ? "" : String(machine(x)));
  it("is String(machine(x)) for any number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (x) => {
        expect(machineText(x)).toBe(reference(x));
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-7, max: 1e4, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, k) => {
        const y = Math.round(x * 10 ** k) / 10 ** k;
        expect(machineText(y)).toBe(reference(y));
        expect(machineText(-y)).toBe(reference(-y));
      }),
      { numRuns: 20000 },
    );
  });
  it.each([0, -0, 1e-6, 9.99999e-7, 1e15, 999999999999999.9, 0.1 + 0.2, 100 / 3, 999.9999999999999, 97, -12.5, null, undefined, Infinity, NaN])("%s", (x) => {
    expect(machineText(x)).toBe(x === null || x === undefined ? "" : reference(x));
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
