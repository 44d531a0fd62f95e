// Runs the built CLI as a user would: a child process, NO_COLOR set, stdout, stderr and the
// exit code captured. `npm test` builds dist/ before vitest runs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = path.join(ROOT, "bin/egov-score.js");

export interface Run {
  stdout: string;
  stderr: string;
  code: number;
}

export function run(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    // COLUMNS empty: tables at full width, whatever the terminal the tests run in
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", LANG: "C", COLUMNS: "", ...opts.env },
    encoding: "utf8",
    input: opts.input ?? "",
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

const runs = new Map<string, Run>();
/** run(), once per argument list for the whole test file: for commands that several tests read. */
export function runOnce(args: string[]): Run {
  const k = JSON.stringify(args);
  if (!runs.has(k)) runs.set(k, run(args));
  return runs.get(k) as Run;
}

/** A temporary folder with the given files (text or bytes). */
export function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "egov-score-test-"));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}
