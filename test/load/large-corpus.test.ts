// The large-input loader reads the broken-input corpus in-process (no worker threads): where it
// takes an input, it must report the problems the ordinary loader reports, by code, file and line.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAssessment } from "../../src/load/assessment.ts";
import { loadLarge } from "../../src/load/large/index.ts";
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

const fallbacks: string[] = [];

describe("the large-input loader on the corpus", () => {
  it.each(cases.map((c) => [path.relative(ROOT, c), c]))("%s", async (_name, dir) => {
    const large = await loadLarge(dir, {}, OPTS);
    if ("fallback" in large) {
      fallbacks.push(path.basename(dir));
      return; // an input this loader leaves to the ordinary one
    }
    const usual = await loadAssessment(dir, {});
    const errors = (ds: { code: string; severity: string; file?: string; line?: number }[]) => [...new Set(ds.filter((d) => d.severity === "error").map(key))].sort();
    expect(errors(large.loaded.diagnostics)).toEqual(errors(usual.diagnostics));
    // what the ordinary loader can score, this one loads too
    if (errors(usual.diagnostics).length === 0) expect(large.loaded.dataset).toBeDefined();
  });

  it("takes a good part of the corpus itself (criteria problems go to the ordinary loader)", () => {
    expect(cases.length - fallbacks.length).toBeGreaterThan(cases.length / 3);
  });
});
