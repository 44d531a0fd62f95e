// Option values parsed while commander reads the command line.
import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { percentArg } from "../../src/cli/args.ts";

describe("--fail-under PERCENT", () => {
  it.each([
    ["80", 80],
    ["72.5", 72.5],
    ["72,5", 72.5],
    ["80%", 80],
    [" 0 ", 0],
    ["100", 100],
  ])("%j is %d", (v, n) => expect(percentArg(v)).toBe(n));

  it.each(["", "%", "abc", "-1", "100.01", "1e3", "Infinity", "NaN"])("%j is refused", (v) => {
    expect(() => percentArg(v)).toThrow(InvalidArgumentError);
  });
});
