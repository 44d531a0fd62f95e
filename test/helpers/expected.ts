// Output compared with a readable file under test/fixtures/expected/: a change is reviewed by
// reading the diff of the file; UPDATE_EXPECTED=1 rewrites the files (review them, then commit).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { ROOT } from "./exec.ts";

const DIR = path.join(ROOT, "test/fixtures/expected");

export function expectFile(name: string, actual: string): void {
  const file = path.join(DIR, name);
  if (process.env.UPDATE_EXPECTED === "1" || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_EXPECTED !== "1") throw new Error(`${name} did not exist: written; review it and run the tests again`);
    return;
  }
  expect(actual, `${name} differs: review the change, then UPDATE_EXPECTED=1 npm test`).toBe(readFileSync(file, "utf8"));
}
