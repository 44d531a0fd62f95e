// The shipped criteria sets are listed in a stable order (the help of init names them).
import { describe, expect, it } from "vitest";

describe("the order of the shipped criteria sets", () => {
  it("byName is localeCompare where it takes the shortcut", async () => {
    const fc = (await import("fast-check")).default;
    const { byName } = await import("../../src/load/shipped.ts");
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9.-]{1,12}$/), fc.stringMatching(/^[a-z0-9.-]{1,12}$/), (a, b) => {
        expect(Math.sign(byName(a, b))).toBe(Math.sign(a.localeCompare(b, "en")));
      }),
      { numRuns: 5000 },
    );
    expect(Math.sign(byName("Sở", "so"))).toBe(Math.sign("Sở".localeCompare("so", "en")));
  });
});
