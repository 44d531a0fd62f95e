// The progress bar: silent in the first second, at most ten redraws a second, cleared at the end,
// never drawn when stderr is not a terminal.
import { describe, expect, it } from "vitest";
import { progressBar } from "../../src/cli/progress.ts";

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("progress bar", () => {
  it("draws nothing for work that ends within a second", () => {
    const c = clock();
    const lines: (string | undefined)[] = [];
    const p = progressBar("sensitivity", 10, "runs", { now: c.now, enabled: true, write: (l) => lines.push(l) });
    for (let i = 0; i < 10; i++) {
      c.advance(90);
      p.add(1);
    }
    p.end();
    expect(lines).toEqual([]);
  });

  it("after a second, draws the share done, then clears the line", () => {
    const c = clock();
    const lines: (string | undefined)[] = [];
    const p = progressBar("sensitivity", 1000, "runs", { now: c.now, enabled: true, write: (l) => lines.push(l) });
    c.advance(1200);
    p.add(500);
    c.advance(50);
    p.add(10); // within 100 ms of the last draw: skipped
    c.advance(100);
    p.add(490);
    p.end();
    expect(lines).toEqual([
      "sensitivity [############------------] 500/1000 runs · 1.2 s",
      "sensitivity [########################] 1000/1000 runs · 1.4 s",
      undefined,
    ]);
  });

  it("is silent when not enabled (stderr not a terminal, or --quiet)", () => {
    const c = clock();
    const lines: (string | undefined)[] = [];
    const p = progressBar("x", 2, "runs", { now: c.now, enabled: false, write: (l) => lines.push(l) });
    c.advance(5000);
    p.add(1);
    p.end();
    expect(lines).toEqual([]);
  });
});
