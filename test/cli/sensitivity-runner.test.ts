// The runner: how many threads, the fallback to this thread, and the same result either way.
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { fromPortable, portable, runSensitivity, workerCount } from "../../src/cli/sensitivity-runner.ts";
import { scoreColumns } from "../../src/engine/scoring.ts";
import { resultOf } from "../../src/engine/views.ts";
import { score } from "../../src/engine/views.ts";
import { DEFAULT_SETTINGS, sensitivity } from "../../src/engine/sensitivity.ts";
import { criteriaFrom, load } from "../helpers/model.ts";

const C = criteriaFrom(`id: s\ntitle: S\nversion: 1\nlevels: [{ id: u }]\nmissing: error\ngroups:\n  - id: g1\n    indicators:\n      - { id: a, max: 6, rule: { type: ratio } }\n      - { id: b, max: 4, rule: { type: ratio } }\n  - id: g2\n    indicators:\n      - { id: c, max: 10, rule: { type: ratio } }\n`);
const DATA = load(C, "code,a,b,c\nU1,90,80,70\nU2,60,90,75\nU3,70,70,70\nU4,20,95,90\n").dataset;

describe("sensitivity runner", () => {
  it.each([
    [undefined, 1000, 130, Math.min(availableParallelism(), 1000)],
    [undefined, 100, 130, 0],
    [0, 1000, 12000, 0],
    [3, 2, 12000, 2],
    [2, 1000, 5, 2],
  ])("workers %s for %i runs of %i units: %i", (requested, runs, units, n) => {
    expect(workerCount(requested, runs, units)).toBe(n);
  });

  it("without a bundled worker (the sources under test), runs in this thread with the same result", async () => {
    const settings = { ...DEFAULT_SETTINGS, runs: 50, seed: 5 };
    const nominal = score(C, DATA);
    const report = await runSensitivity(C, DATA, nominal, settings, { workers: 2 });
    expect(report.workers).toBe(0);
    expect(report.fallback).toBe("no bundled worker beside the running code");
    expect(JSON.stringify(report.result.levels)).toBe(JSON.stringify(sensitivity(C, DATA, settings, nominal).levels));
  });

  it("the workers' copy of the columns (a structured clone, without functions) scores the same", () => {
    const columns = DATA;
    const copy = fromPortable(structuredClone(portable(columns)));
    const facts = (r: ReturnType<typeof resultOf>) => r.levels[0]!.units.map((u) => [u.code, u.score, u.rank, u.status, u.band]);
    expect(facts(resultOf(scoreColumns(C, copy)))).toEqual(facts(resultOf(scoreColumns(C, columns))));
    expect(copy.nameOf(0)).toBe("U1");
  });
});
