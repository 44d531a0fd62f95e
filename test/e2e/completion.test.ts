// Shell completion as a shell uses it: the bash script loads and completes commands, formats (the
// ones render/formats.ts declares), level ids and unit codes; the hidden list helper answers fast
// and silently; zsh and fish scripts parse, where those shells are installed.
import { spawnSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FORMATS } from "../../src/render/formats.ts";
import { BIN, folder, ROOT, run } from "../helpers/exec.ts";

const has = (shell: string): boolean => spawnSync(shell, ["-c", "exit 0"]).status === 0;

/** A folder with an `egov-score` on PATH that runs the built CLI, as an installed one would. */
function shim(): string {
  const dir = folder({ "egov-score": `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n` });
  chmodSync(path.join(dir, "egov-score"), 0o755);
  return dir;
}

function shell(cmd: string, args: string[], cwd = ROOT) {
  const bin = shim();
  return spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}`, NO_COLOR: "1" } });
}

describe("completion bash", () => {
  const r = run(["completion", "bash"]);
  const script = path.join(folder({}), "egov-score.bash");
  writeFileSync(script, r.stdout);

  it("prints a script that bash reads without a syntax error", () => {
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const check = spawnSync("bash", ["-n", script], { encoding: "utf8" });
    expect([check.status, check.stderr]).toEqual([0, ""]);
  });

  it("completes commands, flags, every view's formats, level ids and unit codes", () => {
    const views = Object.keys(FORMATS) as (keyof typeof FORMATS)[];
    const probes = [
      ["egov-score", "te"],
      ["egov-score", "rank", "--fail"],
      ...views.map((v) => ["egov-score", v, "-f", ""]),
      ["egov-score", "rank", "samples/ca-mau-2019", "--level", ""],
      ["egov-score", "template", "samples/ca-mau-2019", "--unit", "964-1"],
    ];
    const body = [
      `source ${JSON.stringify(script)}`,
      ...probes.map((w) => `COMP_WORDS=(${w.map((x) => JSON.stringify(x)).join(" ")}); COMP_CWORD=${w.length - 1}; _egov_score; echo "\${COMPREPLY[*]}"`),
    ].join("\n");
    const out = shell("bash", ["-c", body]);
    expect(out.stderr).toBe("");
    expect(out.stdout.trimEnd().split("\n")).toEqual([
      "template",
      "--fail-under",
      ...views.map((v) => FORMATS[v].join(" ")),
      "so huyen xa",
      "964-10 964-11 964-12 964-13 964-14 964-15 964-16 964-17",
    ]);
  });
});

describe("completion --list", () => {
  it("prints the level ids of the assessment found from the working folder", () => {
    const r = run(["completion", "--list", "levels"], { cwd: path.join(ROOT, "samples/ca-mau-2019/data") });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "so\nhuyen\nxa\n", ""]);
  });

  it("prints the unit codes of a folder given with --in", () => {
    const r = run(["completion", "--list", "units", "--in", "samples/ca-mau-2019"]);
    const codes = r.stdout.trimEnd().split("\n");
    expect([r.code, r.stderr, codes.length, codes[0], codes.at(-1)]).toEqual([0, "", 130, "964", "S20"]); // natural order of codes: digits before letters
  });

  it("prints nothing, and fails never, where there is no assessment", () => {
    const r = run(["completion", "--list", "units"], { cwd: folder({}) });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "", ""]);
  });

  it("a shell must be named", () => {
    const r = run(["completion", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error USAGE: name a shell: bash, zsh, fish (egov-score completion bash)");
  });
});

describe.skipIf(!has("zsh"))("completion zsh", () => {
  it("parses, and registers itself after compinit", () => {
    const dir = folder({});
    writeFileSync(path.join(dir, "c.zsh"), run(["completion", "zsh"]).stdout);
    const out = shell("zsh", ["-f", "-c", `zsh -n c.zsh && autoload -U compinit && compinit -u -d ${dir}/.zcomp && source c.zsh && print -r -- $_comps[egov-score]`], dir);
    expect([out.status, out.stdout, out.stderr]).toEqual([0, "_egov_score\n", ""]);
  });
});

describe.skipIf(!has("fish"))("completion fish", () => {
  it("parses and completes formats and level ids", () => {
    const dir = folder({});
    writeFileSync(path.join(dir, "c.fish"), run(["completion", "fish"]).stdout);
    const out = shell("fish", ["-c", `fish -n ${dir}/c.fish; and source ${dir}/c.fish; and complete -C "egov-score rank -f "; and complete -C "egov-score rank samples/ca-mau-2019 --level "`]);
    expect(out.stderr).toBe("");
    expect(out.stdout.split("\n").map((l) => l.split("\t")[0]).filter(Boolean)).toEqual([...[...FORMATS.rank].sort(), "huyen", "so", "xa"]);
  });
});
