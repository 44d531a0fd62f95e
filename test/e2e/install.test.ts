// The README's Install, as a user on another machine does it: the package file made by
// `npm run pack`, installed into an empty folder with no registry reachable (an empty npm cache,
// a registry address that refuses connections, --offline), then the README's steps run there.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/exec.ts";

const TMP = mkdtempSync(path.join(tmpdir(), "egov-score-install-"));
// No registry: npm may use nothing but the package file.
const NPM_ENV = { ...process.env, npm_config_cache: path.join(TMP, "npm-cache"), npm_config_registry: "http://127.0.0.1:9/", npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
let tarball = "";

const sh = (script: string, cwd: string, env: Record<string, string> = {}) => {
  const r = spawnSync("bash", ["-c", script], { cwd, encoding: "utf8", env: { ...NPM_ENV, NO_COLOR: "1", LANG: "C", ...env } });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
};

/** The lines of the first ```sh block after a README heading. */
const readmeBlock = (heading: string) => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  const after = readme.slice(readme.indexOf(`\n${heading}\n`));
  const block = /```sh\n([\s\S]*?)```/.exec(after)?.[1] ?? "";
  return block.split("\n").filter((l) => l.trim() !== "");
};

beforeAll(() => {
  // npm test has built dist/ already
  tarball = execFileSync(process.execPath, [path.join(ROOT, "scripts/pack.mjs"), TMP, "--no-build"], { encoding: "utf8", env: NPM_ENV, stdio: ["ignore", "pipe", "pipe"] }).trim();
}, 120_000);

describe("the package file", () => {
  it("holds what a user needs and nothing else: no tests, fixtures, sources, samples or dependencies", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n").map((f) => f.replace(/^package\//, ""));
    for (const f of ["bin/egov-score.js", "bin/package.json", "dist/cli.js", "dist/fast.json", "dist/worker.js", "dist/sensitivity-worker.js", "criteria/vn-cqdt-2019.yaml", "criteria/vn-cds-2025.yaml", "criteria/un-egdi.yaml", "criteria/vn-766-tinh.yaml", "criteria/vn-dti-tinh.yaml", "README.md", "docs/criteria.md", "docs/errors.md", "docs/criteria.schema.json", "package.json"]) expect(files).toContain(f);
    expect(files.filter((f) => /^(test|src|samples|scripts|bench|examples|node_modules|coverage)\/|fixtures|\.test\.|\.png$|architecture\.md/.test(f))).toEqual([]);
    const pkg = JSON.parse(execFileSync("tar", ["xzf", tarball, "-O", "package/package.json"], { encoding: "utf8" })) as Record<string, unknown>;
    expect(pkg.bin).toEqual({ "egov-score": "bin/egov-score.js" });
    // everything is bundled into dist/: nothing for npm to fetch, no script for npm to run
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.scripts).toBeUndefined();
  });

  it("installs into an empty folder without a registry; the README's new assessment runs there", () => {
    const dir = path.join(TMP, "project");
    mkdirSync(dir);
    const install = sh(`npm install --offline --save-dev --save-exact ${JSON.stringify(tarball)}`, dir);
    expect(install.stderr).not.toMatch(/ERR!/);
    expect(install.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")).devDependencies["egov-score"]).toMatch(/^file:/);

    // The README's steps, with npx as in a project; where it says to type two rows, the test does.
    const steps = readmeBlock("## A new assessment in minutes").map((l) => l.replace(/\s+#.*$/, ""));
    expect(steps.map((l) => l.replace(/^# .*/, "#"))).toEqual(["egov-score init demo", "cd demo", "#", "egov-score validate", "egov-score rank"]);
    const script = steps.map((l) => l.replace(/^egov-score /, "npx --offline egov-score "));

    const init = sh(script[0]!, dir);
    expect(init.code).toBe(0);
    expect(init.stderr).toContain("vn-cqdt-2019");
    // the README's step: two rows in data/so.csv under the header init wrote, with the figures of
    // two departments of the Cà Mau sample (which gives ratios as .num/.den pairs: as percentages here)
    const so = path.join(dir, "demo/data/so.csv");
    const header = readFileSync(so, "utf8").replace(/^\uFEFF/, "").trim().split(",");
    const [sampleHeader, ...sample] = readFileSync(path.join(ROOT, "samples/ca-mau-2019/data/so.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
    const cell = (r: string[], h: string) => {
      const at = (name: string) => r[sampleHeader!.indexOf(name)];
      if (at(h) !== undefined) return at(h)!;
      const [num, den] = [Number(at(`${h}.num`)), Number(at(`${h}.den`))];
      return Number.isFinite(num / den) ? String(Math.round((1000 * num) / den) / 10) : "";
    };
    const row = (r: string[], name: string) => header.map((h) => (h === "name" ? name : h === "level" ? "so" : cell(r, h))).join(",");
    writeFileSync(so, `${header.join(",")}\n${row(sample[0]!, "Văn phòng UBND tỉnh")}\n${row(sample[1]!, "Sở Nội vụ")}\n`);
    const demo = path.join(dir, "demo");
    const validate = sh(script[3]!, demo);
    expect(validate.stdout + validate.stderr).toMatch(/0 lỗi/);
    expect(validate.code).toBe(0);
    const rank = sh(script[4]!, demo);
    expect(rank.code).toBe(0);
    expect(rank.stdout).toMatch(/│ +1 │ S01 +│ Văn phòng UBND tỉnh/);
    expect(rank.stdout).toMatch(/│ +2 │ S02 +│ Sở Nội vụ/);
    // xlsx, whose library is bundled too
    const xlsx = sh("npx --offline egov-score report -o report.xlsx", demo);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stderr).not.toMatch(/ lỗi |Error/);
    expect(readFileSync(path.join(demo, "report.xlsx")).subarray(0, 2).toString()).toBe("PK");
    // and `npm ci` from the lock file, as a CI job of that project does
    const ci = sh("rm -rf node_modules && npm ci --offline && npx --offline egov-score --version", dir);
    expect(ci.code).toBe(0);
    expect(ci.stdout.trim().split("\n").at(-1)).toBe(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version);
  }, 120_000);

  it("installs globally (npm install -g) without a registry; the README's examples run as written", () => {
    const prefix = path.join(TMP, "global");
    const install = sh(`npm install -g --offline --prefix ${JSON.stringify(prefix)} ${JSON.stringify(tarball)}`, TMP);
    expect(install.code).toBe(0);
    const env = { PATH: `${path.join(prefix, "bin")}:${process.env.PATH}`, GITHUB_STEP_SUMMARY: path.join(TMP, "summary.md") };
    // a folder laid out as the clone the examples speak of: the samples and the shipped criteria
    const work = path.join(TMP, "clone");
    for (const d of ["samples", "criteria"]) cpSync(path.join(ROOT, d), path.join(work, d), { recursive: true });
    const where = sh("command -v egov-score", work, env);
    expect(where.stdout.trim()).toBe(path.join(prefix, "bin/egov-score"));

    const examples = readmeBlock("## Commands").filter((l) => !l.startsWith("#"));
    expect(examples.length).toBeGreaterThan(20);
    for (const line of examples) {
      const r = sh(line, work, env);
      // the gates may exit 1 (that is what they are for); never a usage error, a bug or a missing command
      expect({ line, code: r.code, stderr: r.stderr }).toEqual({ line, code: /--fail-(under|on-drop)/.test(line) ? expect.any(Number) : 0, stderr: expect.any(String) });
      expect(r.code, `${line}\n${r.stderr}`).toBeLessThan(2);
      expect(r.stderr).not.toMatch(/command not found|Error:/);
    }
  }, 240_000);
});
