// The broken-input corpus, streamed in-process (no worker threads) and read whole: the same
// problems, by code, file and line.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAssessment } from "../../src/load/assessment.ts";
import { ROOT } from "../helpers/exec.ts";

const BROKEN = path.join(ROOT, "test/fixtures/broken");
const ACCEPTED = path.join(ROOT, "test/fixtures/accepted");
const cases = [
  ...readdirSync(BROKEN).filter((d) => !d.startsWith("_") && !d.endsWith(".md")).map((d) => path.join(BROKEN, d)),
  path.join(BROKEN, "_base"),
  ...readdirSync(ACCEPTED).map((d) => path.join(ACCEPTED, d)),
  path.join(ROOT, "samples/ca-mau-2019"),
  path.join(ROOT, "samples/un-egdi"),
];
const OPTS = { mode: "always" as const, threshold: 0, read: { chunk: 4096, parallel: 1, workers: false } };
const key = (d: { code: string; file?: string; line?: number }) => `${d.code} ${d.file ?? ""}:${d.line ?? ""}`;

const streamedCases: string[] = [];

describe("streaming the corpus", () => {
  it.each(cases.map((c) => [path.relative(ROOT, c), c]))("%s", async (_name, dir) => {
    let bytes = 0;
    const large = await loadAssessment(dir, {}, { ...OPTS, begin: (b) => (bytes = b) });
    if (bytes > 0) streamedCases.push(path.basename(dir));
    const usual = await loadAssessment(dir, {}, { ...OPTS, mode: "never" });
    const errors = (ds: { code: string; severity: string; file?: string; line?: number }[]) => [...new Set(ds.filter((d) => d.severity === "error").map(key))].sort();
    expect(errors(large.diagnostics)).toEqual(errors(usual.diagnostics));
    // what the whole reader can score, a stream loads too
    if (errors(usual.diagnostics).length === 0) expect(large.dataset).toBeDefined();
  });

  it("streams a good part of the corpus (criteria problems stop before any data is read)", () => {
    expect(streamedCases.length).toBeGreaterThan(cases.length / 3);
  });
});
