// Loads and scores a fixture assessment folder through the real loaders and engine.
import path from "node:path";
import { expect } from "vitest";
import { score } from "../../src/engine/views.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import type { Result } from "../../src/model/result.ts";
import { ROOT } from "./exec.ts";

export async function scoreFixture(dir: string): Promise<Result> {
  const loaded = await loadAssessment(path.join(ROOT, dir), {});
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!loaded.criteria || !loaded.dataset) throw new Error(`cannot load ${dir}`);
  return score(loaded.criteria, loaded.dataset);
}

export const REPORT_FIXTURE = "test/fixtures/report";
