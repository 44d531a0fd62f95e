// The caches of a fast start, through the built CLI: the compiled criteria and the checked
// manifest (src/load/cache.ts) and the V8 code cache of the bundle (bin/egov-score.js), in the
// folder XDG_CACHE_HOME names. Whatever the cache holds, a run prints what a run without it
// prints: the same output, the same diagnostics at the same positions, the same exit code.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { ROOT, run, type Run } from "../helpers/exec.ts";

const CA_MAU = path.join(ROOT, "samples/ca-mau-2019");
const RANK = ["rank", "-f", "csv"];

/** A fresh cache home, and a run of the CLI with it. */
function cacheHome(): { home: string; dir: string; run: (args: string[], env?: Record<string, string>) => Run } {
  const home = mkdtempSync(path.join(tmpdir(), "egov-score-cache-"));
  return { home, dir: path.join(home, "egov-score"), run: (args, env = {}) => run(args, { env: { XDG_CACHE_HOME: home, ...env } }) };
}

/** An assessment of our own: the Cà Mau sample with a copy of its criteria beside it. */
function assessment(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "egov-score-cached-"));
  cpSync(CA_MAU, dir, { recursive: true });
  // other bytes than the shipped set's, which the build compiled already
  writeFileSync(path.join(dir, "criteria.yaml"), `${readFileSync(path.join(ROOT, "criteria/vn-cqdt-2019.yaml"), "utf8")}\n# a copy\n`);
  const manifest = path.join(dir, "egov-score.yaml");
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace("../../criteria/vn-cqdt-2019.yaml", "criteria.yaml"));
  return dir;
}

const entries = (dir: string, kind: string): string[] => (existsSync(path.join(dir, kind)) ? readdirSync(path.join(dir, kind)).sort() : []);
const uncached = (args: string[]): Run => run(args, { env: { EGOV_SCORE_CACHE: "0" } });

describe("the caches of a fast start", () => {
  it("a first run fills the cache folder; a second reads it and prints the same, byte for byte", () => {
    const c = cacheHome();
    const args = [...RANK, CA_MAU];
    const without = uncached(args);
    expect(without.code).toBe(0);
    const first = c.run(args);
    expect(first).toEqual(without);
    // the shipped criteria set was compiled by the build: nothing to store for it
    expect(entries(c.dir, "criteria")).toEqual([]);
    const shipped = readFileSync(path.join(ROOT, "criteria/vn-cqdt-2019.yaml"));
    const built = path.join(ROOT, "dist/compiled");
    expect(entries(built, "criteria").filter((f) => Buffer.from((deserialize(readFileSync(path.join(built, "criteria", f))) as { source: Uint8Array }).source).equals(shipped))).toHaveLength(1);
    expect(entries(c.dir, "manifest")).toHaveLength(1);
    const code = entries(c.dir, "code");
    expect(code).toHaveLength(1);
    // one code cache per command: this one holds what `rank` runs
    expect(code[0]).toMatch(new RegExp(`^cli-[0-9a-f]{16}-${process.version}-${process.arch}-rank\\.v8$`));
    // V8 takes the code cache it wrote: a rejected one would be written again at exit
    const file = path.join(c.dir, "code", code[0] as string);
    const bytes = readFileSync(file);
    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    const second = c.run(args);
    expect(second).toEqual(without);
    expect(statSync(file).mtime.getFullYear()).toBe(2000);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // other commands read the same entries
    expect(c.run(["score", "-f", "csv", CA_MAU])).toEqual(uncached(["score", "-f", "csv", CA_MAU]));
    expect(c.run(["criteria", CA_MAU])).toEqual(uncached(["criteria", CA_MAU]));
    expect(entries(c.dir, "criteria")).toEqual([]);
    expect(entries(c.dir, "manifest")).toHaveLength(1);
    expect(entries(c.dir, "code").map((f) => f.replace(/^.*-/, ""))).toEqual(["criteria.v8", "rank.v8", "score.v8"]);
  });

  it("the build ships the code cache of rank: this Node takes it, and a first run writes the user's own from it", () => {
    const built = path.join(ROOT, "dist/compiled/code");
    const [name] = entries(path.join(ROOT, "dist/compiled"), "code");
    const id = readFileSync(path.join(ROOT, "dist/build-id"), "utf8").trim();
    expect(name).toBe(`cli-${id}-${process.version}-${process.arch}-rank.v8`);
    // V8 takes it as bin/egov-score.js compiles dist/cli.js (the same flag set)
    const probe = [
      'const fs = require("node:fs"), { wrap } = require("node:module"), vm = require("node:vm");',
      'require("node:v8").setFlagsFromString("--verify-snapshot-checksum");',
      `const s = new vm.Script(wrap(fs.readFileSync(${JSON.stringify(path.join(ROOT, "dist/cli.js"))}, "latin1")), { filename: ${JSON.stringify(path.join(ROOT, "dist/cli.js"))}, cachedData: fs.readFileSync(${JSON.stringify(path.join(built, name as string))}) });`,
      "process.stdout.write(String(s.cachedDataRejected));",
    ].join("\n");
    expect(spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" }).stdout).toBe("false");
    // a first run in an empty folder prints the same, and leaves the user a cache of its own
    const c = cacheHome();
    const args = ["rank", "-f", "json", CA_MAU];
    expect(c.run(args)).toEqual(uncached(args));
    expect(entries(c.dir, "code")).toEqual([name]);
    // which holds what the build's did (the CSV functions of the build's run) beside what this run
    // compiled: larger than the cache of the same run of a copy of the package without the build's
    const copy = mkdtempSync(path.join(tmpdir(), "egov-score-package-"));
    for (const f of ["bin", "dist", "package.json"]) cpSync(path.join(ROOT, f), path.join(copy, f), { recursive: true });
    rmSync(path.join(copy, "dist/compiled/code"), { recursive: true });
    const bare = cacheHome();
    const r = spawnSync(process.execPath, [path.join(copy, "bin/egov-score.js"), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: bare.home }, encoding: "utf8" });
    expect(r.stdout).toBe(uncached(args).stdout);
    // (the CSV writing functions are some 9 KB of it; the place of the package changes under 1 KB)
    const size = (dir: string) => statSync(path.join(dir, "code", name as string)).size;
    expect(size(c.dir) - size(bare.dir)).toBeGreaterThan(4000);
  });

  it("a first run of another command, such as --help, or one that fails, leaves each command its own code cache", () => {
    const c = cacheHome();
    expect(c.run(["--help"]).code).toBe(0);
    expect(c.run(["nosuch"]).code).toBe(2);
    // a run stopped by an error writes none: its cache would lack what a ranking runs
    expect(c.run([...RANK, path.join(CA_MAU, "nowhere")]).code).toBe(2);
    expect(entries(c.dir, "code")).toEqual([]);
    expect(c.run(["validate", CA_MAU]).code).toBe(0);
    expect(c.run([...RANK, CA_MAU]).code).toBe(0);
    const code = entries(c.dir, "code");
    expect(code.map((f) => f.replace(/^.*-/, ""))).toEqual(["rank.v8", "validate.v8"]);
    // what rank ran is in its own cache, whole
    const size = (cmd: string) => statSync(path.join(c.dir, "code", code.find((f) => f.endsWith(`-${cmd}.v8`)) as string)).size;
    expect(size("rank")).toBeGreaterThan(100_000);
    // (--help into a pipe is answered from dist/fast.json: no CLI, no cache)
    expect(code.some((f) => f.endsWith("-other.v8"))).toBe(false);
  });

  it("an entry is what a hit returns: edited in the cache, it shows; the file edited, it is checked again", () => {
    const c = cacheHome();
    const dir = assessment();
    const args = ["criteria", dir, "--lang", "en"];
    const plain = c.run(args);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("E-government");
    // the stored model, edited by hand: the next run shows the edit, so it came from the cache
    const [name] = entries(c.dir, "criteria");
    const file = path.join(c.dir, "criteria", name as string);
    const entry = deserialize(readFileSync(file)) as { value: { title: { en: string } } };
    entry.value.title.en = "Taken from the cache";
    writeFileSync(file, serialize(entry));
    expect(c.run(args).stdout).toContain("Taken from the cache");
    // the criteria file changed by one comment: other bytes, another entry, checked again
    const criteria = path.join(dir, "criteria.yaml");
    writeFileSync(criteria, `${readFileSync(criteria, "utf8")}\n# edited\n`);
    const edited = c.run(args);
    expect(edited).toEqual(plain);
    expect(entries(c.dir, "criteria")).toHaveLength(2);
  });

  it("the manifest's positions come from the cache exactly as from the file", () => {
    const c = cacheHome();
    const dir = assessment();
    // a data pattern that matches nothing: an error pointing into the manifest, by line and column
    const manifest = path.join(dir, "egov-score.yaml");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace("data/*.csv", "nowhere/*.csv"));
    const args = [...RANK, dir];
    const without = uncached(args);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/egov-score\.yaml:5:5/);
    expect(c.run(args)).toEqual(without);
    expect(entries(c.dir, "manifest")).toHaveLength(1); // it checked clean: the glob is looked up at each run
    expect(c.run(args)).toEqual(without);
    // a hit, by the edited entry: the stored data pattern is the one looked up
    const [name] = entries(c.dir, "manifest");
    const file = path.join(c.dir, "manifest", name as string);
    const entry = deserialize(readFileSync(file)) as { value: { value: { data: string[] } } };
    entry.value.value.data = ["elsewhere/*.csv"];
    writeFileSync(file, serialize(entry));
    expect(c.run(args).stderr).toContain("elsewhere/*.csv");
  });

  it("criteria that do not check clean are never stored: every run reports their errors, as without a cache", () => {
    const c = cacheHome();
    const dir = assessment();
    const criteria = path.join(dir, "criteria.yaml");
    const text = readFileSync(criteria, "utf8");
    for (const [edit, code] of [
      [text.replace("id: vn-cqdt-2019", "id: vn-cqdt-2019\nunknown-key: 1"), 2],
      [text.replace(/^levels:/m, "levels:\n  - oops"), 2],
    ] as const) {
      writeFileSync(criteria, edit);
      const without = uncached(["validate", dir]);
      expect(without.code).toBe(code);
      expect(without.stdout).toMatch(/criteria\.yaml:\d+:\d+/);
      expect(c.run(["validate", dir])).toEqual(without);
      expect(c.run(["validate", dir])).toEqual(without);
      expect(entries(c.dir, "criteria")).toEqual([]);
    }
  });

  it("corrupt, truncated or foreign entries are ignored, and written again", () => {
    const c = cacheHome();
    const args = [...RANK, assessment()];
    const without = uncached(args);
    expect(c.run(args)).toEqual(without);
    const files = ["criteria", "manifest", "code"].map((k) => path.join(c.dir, k, entries(c.dir, k)[0] as string));
    for (const spoil of [(b: Buffer) => b.subarray(0, b.length >> 1), () => Buffer.from("not a cache at all"), () => Buffer.alloc(0), (b: Buffer) => Buffer.from(b.map((x, i) => (i > 64 && i % 7 === 0 ? x ^ 0xff : x)))]) {
      for (const f of files) writeFileSync(f, spoil(readFileSync(f)));
      expect(c.run(args)).toEqual(without);
    }
    // the code cache was rejected and written again, whole
    const code = readFileSync(files[2] as string);
    expect(code.length).toBeGreaterThan(1000);
    expect(c.run(args)).toEqual(without);
  });

  it("a cache folder that cannot be made, or no home at all, never fails a run", () => {
    const blocked = mkdtempSync(path.join(tmpdir(), "egov-score-nocache-"));
    writeFileSync(path.join(blocked, "a-file"), "");
    const args = [...RANK, CA_MAU];
    const without = uncached(args);
    // XDG_CACHE_HOME under a file: nothing can be created there (whoever runs the tests)
    const underFile = path.join(blocked, "a-file", "cache");
    expect(run(args, { env: { XDG_CACHE_HOME: underFile } })).toEqual(without);
    expect(run(args, { env: { XDG_CACHE_HOME: underFile } })).toEqual(without);
    // no home: no cache
    expect(run(args, { env: { XDG_CACHE_HOME: "", HOME: "", USERPROFILE: "" } })).toEqual(without);
  });

  it("EGOV_SCORE_CACHE=0 turns every cache off: nothing is written", () => {
    const c = cacheHome();
    const args = [...RANK, CA_MAU];
    expect(c.run(args, { EGOV_SCORE_CACHE: "0" })).toEqual(c.run(args, { EGOV_SCORE_CACHE: "0" }));
    expect(existsSync(c.dir)).toBe(false);
    expect(readdirSync(c.home)).toEqual([]);
  });
});
