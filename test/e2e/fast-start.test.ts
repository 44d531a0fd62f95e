// bin/egov-score.js answers --version and --help from dist/fast.json without loading the CLI:
// the answers must be exactly what the CLI itself prints.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

describe("what a ranking loads at its start", () => {
  it("dist/cli.js is ASCII only, which bin/egov-score.js reads as Latin-1", () => {
    const bytes = readFileSync(CLI);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    // the Vietnamese letters of its regular expressions are escapes, and still match
    expect(bytes.toString("latin1")).toContain("\\u0103\\u00e2");
  });

  it("a ranking of a province loads no terminal, thread, hash or process module it does not use (stdout a pipe)", () => {
    const tmp = mkdtempSync(path.join(tmpdir(), "egov-score-modules-"));
    const preload = path.join(tmp, "modules.cjs");
    const list = path.join(tmp, "modules.txt");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join("\\n")));\n`);
    const env = { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: path.join(tmp, "cache") };
    // the second run into a file: written atomically, under a temporary name made without node:crypto
    const args = ["-r", preload, BIN, "rank", path.join(ROOT, "samples/ca-mau-2019"), "-f", "csv"];
    expect(spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8" }).status).toBe(0);
    const out = path.join(tmp, "rank.csv");
    expect(spawnSync(process.execPath, [...args, "-o", out], { cwd: ROOT, env, encoding: "utf8" }).status).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^level,rank,code,name/);
    const loaded = readFileSync(list, "utf8").split("\n");
    expect(loaded).toContain("NativeModule vm");
    for (const m of ["tty", "worker_threads", "crypto", "child_process"]) expect(loaded).not.toContain(`NativeModule ${m}`);
    // with colour on, chalk still colours (its level comes from src/cli/color.ts, not from the terminal)
    const coloured = spawnSync(process.execPath, [BIN, "rank", path.join(ROOT, "samples/ca-mau-2019"), "--level", "huyen"], { cwd: ROOT, env: { ...env, NO_COLOR: "", FORCE_COLOR: "1" }, encoding: "utf8" });
    expect(coloured.stdout).toContain("\u001b[1m");
  });
});
