// `rank` on large data (the columnar loader and engine, worker threads) must answer exactly as
// the usual path: stdout, stderr and the exit code, byte for byte. EGOV_SCORE_LARGE=always takes
// the large path at any size, and EGOV_SCORE_RANGE_BYTES cuts files into many ranges, so that
// the worker threads run on small files too.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.mjs";
import { folder, ROOT, run } from "../helpers/exec.ts";

const LARGE = { EGOV_SCORE_LARGE: "always", EGOV_SCORE_RANGE_BYTES: "20000" };
const USUAL = { EGOV_SCORE_LARGE: "never" };

function same(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const usual = run(args, { ...opts, env: { ...opts.env, ...USUAL } });
  const large = run(args, { ...opts, env: { ...opts.env, ...LARGE } });
  expect(large).toEqual(usual);
  return usual;
}

const national = (() => {
  const dir = mkdtempSync(path.join(tmpdir(), "egov-score-e2e-large-"));
  generate(dir, 1000, 11);
  return dir;
})();

describe("rank on streamed data answers as on data read whole", () => {
  it.each([
    ["-f", "csv"],
    ["-f", "json", "--level", "so", "--top", "10"],
    ["-f", "table"],
    ["-f", "csv", "--excel"],
    ["-f", "csv", "--level", "xa", "--top", "2"],
  ].map((f) => [f.join(" "), f] as const))("generated national-style data, 1,000 units, in worker threads: %s", (_name, flags) => {
    const r = same(["rank", national, ...flags]);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1000);
  });

  it("writes the file given with -o, atomically, and refuses to overwrite an input", () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "egov-score-out-")), "rank.csv");
    expect(run(["rank", national, "-o", out], { env: LARGE })).toMatchObject({ code: 0, stdout: "" });
    const written = readFileSync(out, "utf8");
    expect(written).toBe(run(["rank", national, "-f", "csv"], { env: USUAL }).stdout);
    expect(readdirSync(path.dirname(out))).toEqual(["rank.csv"]);
    const refused = run(["rank", national, "-f", "csv", "-o", path.join(national, "data.csv")], { env: LARGE });
    expect(refused.code).toBe(2);
    expect(refused).toEqual(run(["rank", national, "-f", "csv", "-o", path.join(national, "data.csv")], { env: USUAL }));
  });

  it("the gate and the job summary: the same verdict, message and summary", () => {
    const summaries = mkdtempSync(path.join(tmpdir(), "egov-score-summary-"));
    const results = ["usual", "large"].map((which) => {
      const file = path.join(summaries, `${which}.md`);
      const r = run(["rank", national, "-f", "csv", "--fail-under", "55"], { env: { ...(which === "usual" ? USUAL : LARGE), GITHUB_STEP_SUMMARY: file } });
      return { ...r, summary: readFileSync(file, "utf8") };
    });
    expect(results[0]?.code).toBe(1);
    expect(results[1]).toEqual(results[0]);
  });

  // (the fixtures of broken criteria or manifests stop before any data is read: both paths are one)
  const broken = ["csv-duplicate-header", "csv-no-code-column", "csv-ragged", "csv-unclosed-quote", "data-duplicate-unit", "data-empty-file", "data-unknown-unit", "missing-value-error", "unit-parent-missing", "value-num-above-den", "value-unknown-category"];
  const accepted = readdirSync(path.join(ROOT, "test/fixtures/accepted"));
  it.each([...broken.map((d) => `test/fixtures/broken/${d}`), ...accepted.map((d) => `test/fixtures/accepted/${d}`), "samples/ca-mau-2019", "samples/ca-mau-series"])("%s", (dir) => {
    same(["rank", dir, "-f", "csv"]);
  });

  it("a hundred and fifty thousand problems are listed, not a crash", () => {
    const rows = Array.from({ length: 150_000 }, (_, i) => `U${i},1,2`).join("\n");
    const dir = folder({
      "egov-score.yaml": "criteria: criteria.yaml\ndata: data.csv\n",
      "criteria.yaml": "id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nindicators:\n  - { id: a, max: 1, rule: { type: points } }\n",
      "data.csv": `code,a\n${rows}\n`,
    });
    const r = same(["rank", dir, "-f", "csv", "-q", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("150000 errors");
  });
});


describe("the cells explain shows, read again from a streamed file", () => {
  it("a file with its own delimiter and decimal mark is read again with its own, not the manifest's", () => {
    // trap 16: a commune's comma-separated file (decimal points) in a folder of ';' and decimal commas
    const cwd = path.join(ROOT, "test/fixtures/traps/16-comma-file-in-semicolon-folder");
    const r = same(["explain", "964-01", "-f", "json"], { cwd });
    expect(r.code).toBe(0);
    const cells = JSON.stringify(JSON.parse(r.stdout));
    expect(cells).toContain('"raw":"77.3"');
  });
});
