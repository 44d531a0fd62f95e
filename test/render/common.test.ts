// machineText: the text of machine(x), as CSV and JSON write it, without the round trip.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { machine, machineText } from "../../src/render/common.ts";

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
