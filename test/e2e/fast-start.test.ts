// bin/egov-score.js answers --version and --help from dist/fast.json without loading the CLI:
// the answers must be exactly what the CLI itself prints.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, run } from "../helpers/exec.ts";

const CLI = path.join(ROOT, "dist/cli.js");
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
};
const fast = JSON.parse(readFileSync(path.join(ROOT, "dist/fast.json"), "utf8")) as { version: string; help: Record<string, string> };

describe("the fast answers of bin/egov-score.js", () => {
  it("has the help of every command the CLI lists", () => {
    const listed = [...(cli(["--help"]).stdout.split("\nCommands:\n")[1] ?? "").matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]).filter((c) => c !== "help");
    expect(listed.length).toBeGreaterThan(10);
    expect(Object.keys(fast.help).sort()).toEqual(["", ...listed].sort());
  });

  it("prints the version of package.json, as the CLI does", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    for (const flag of ["--version", "-V"]) {
      const r = run([flag]);
      expect(r).toEqual({ stdout: `${version}\n`, stderr: "", code: 0 });
      expect(cli([flag]).stdout).toBe(r.stdout);
    }
  });

  it.each([["--help"], ["-h"], ["rank", "--help"], ["compare", "-h"], ["init", "--help"], ["schema", "--help"], ["completion", "-h"]])("prints the same help as the CLI: %s %s", (...args) => {
    const r = run(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(cli(args).stdout);
    expect(r.stdout).toMatch(/^Usage: egov-score/);
  });

  it.each([["nosuch", "--help"], ["--version", "--verbose"], ["rank", "--help", "--verbose"], ["-x"]])("leaves anything else to the CLI: %s %s %s", (...args) => {
    const r = run(args);
    const c = cli(args);
    expect(r).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
  });

  it("is CommonJS, so that Node starts it without its ES module loader", () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, "bin/package.json"), "utf8"))).toEqual({ type: "commonjs" });
    expect(readFileSync(BIN, "utf8")).not.toMatch(/^import /m);
  });
});
