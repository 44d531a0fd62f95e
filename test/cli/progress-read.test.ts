// The progress bar: only after a second, only on a terminal, never with --quiet, cleared at the end.
import { afterEach, describe, expect, it, vi } from "vitest";
import { startProgress } from "../../src/cli/progress.ts";
import { configureStderr } from "../../src/cli/stderr.ts";

function capture(tty: boolean) {
  const written: string[] = [];
  const isTTY = process.stderr.isTTY;
  Object.defineProperty(process.stderr, "isTTY", { value: tty, configurable: true });
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
    written.push(String(s));
    return true;
  });
  return {
    written,
    restore() {
      spy.mockRestore();
      Object.defineProperty(process.stderr, "isTTY", { value: isTTY, configurable: true });
    },
  };
}

describe("progress on stderr", () => {
  let restore = () => {};
  afterEach(() => {
    restore();
    configureStderr({ quiet: false });
  });

  it("draws a bar with units per second once the run has taken a second, then clears it", () => {
    const c = capture(true);
    restore = c.restore;
    let t = 0;
    const p = startProgress(1000, "en", () => t);
    t = 500;
    p.read(200, 2000);
    expect(c.written).toEqual([]);
    t = 2000;
    p.read(300, 3000);
    expect(c.written).toHaveLength(1);
    expect(c.written[0]).toBe(`\regov-score ${"█".repeat(12)}${"░".repeat(12)}  50% · 5,000 units · 2,500 units/s · reading\u001b[K`);
    t = 2050;
    p.read(100, 100);
    expect(c.written).toHaveLength(1); // at most every 100 ms
    p.step("writing");
    expect(c.written[1]).toContain("writing");
    p.done();
    expect(c.written[2]).toBe("\r\u001b[K");
  });

  it("nothing into a pipe, nothing with --quiet", () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const c = capture(tty);
      restore = c.restore;
      configureStderr({ quiet });
      let t = 0;
      const p = startProgress(10, "vi", () => t);
      t = 5000;
      p.read(10, 10);
      p.step("x");
      p.done();
      expect(c.written).toEqual([]);
      c.restore();
    }
  });
});
