// npm run bench: generates the datasets into a temporary folder, runs every case several times
// after a warm-up, each interleaved with its reference measured in the same run, and prints the
// table (also written to bench/results.json). See bench/README.md.
//
//   node bench/run.mjs [--only start-up,province,national,stress] [--keep]
//
// egov-score's caches go to a folder of the bench's own (warm, or a new one per run for the cold
// rows); the pandas rows need a python3 with pandas (BENCH_PYTHON), and are skipped without.
//
// BENCH_STRESS_UNITS=100000 shrinks the stress case for a quick look (the table says so).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate, generateXlsx } from "./generate.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const BIN = path.join(ROOT, "bin/egov-score.js");
const TIME = "/usr/bin/time";
const GiB = 1024 ** 3;

const args = process.argv.slice(2);
const only = args.includes("--only") ? (args[args.indexOf("--only") + 1] ?? "").split(",") : undefined;
const keep = args.includes("--keep");
const stressUnits = Number(process.env.BENCH_STRESS_UNITS ?? 1_000_000);

if (!existsSync(path.join(ROOT, "dist/cli.js"))) {
  process.stderr.write("bench: build first (npm run build)\n");
  process.exit(2);
}
const haveTime = spawnSync(TIME, ["-f", "%M", "true"], { stdio: "ignore" }).status === 0;
if (!haveTime) process.stderr.write(`bench: ${TIME} not found: peak memory is not measured\n`);

const work = mkdtempSync(path.join(tmpdir(), "egov-score-bench-"));
const rssFile = path.join(work, "rss.txt");

// The caches of egov-score (src/load/cache.ts, bin/egov-score.js) live in a folder of the bench's
// own: "warm" is filled by the warm-up runs and kept; a "cold" run gets a new, empty one.
const WARM = { XDG_CACHE_HOME: path.join(work, "cache-warm") };
let colds = 0;
const cold = () => ({ XDG_CACHE_HOME: path.join(work, `cache-cold-${++colds}`) });

// A python3 with pandas, for the rows that compare with a pandas script (BENCH_PYTHON to choose).
const python = [process.env.BENCH_PYTHON, "python3", "/usr/bin/python3"].find((p) => p && spawnSync(p, ["-c", "import pandas"], { stdio: "ignore" }).status === 0);
if (!python) process.stderr.write("bench: no python3 with pandas found (BENCH_PYTHON=...): the pandas rows are skipped\n");
const PANDAS = path.join(HERE, "pandas_rank.py");

/** One run of a command: wall time in ms (measured here) and peak RSS in KiB (from the OS).
 * `argv`: node's arguments, or a whole command when `exe` is given; `env`: added, or made per run. */
function measure(argv, env = WARM, exe = process.execPath) {
  const cmd = haveTime ? [TIME, "-f", "%M", "-o", rssFile, exe, ...argv] : [exe, ...argv];
  const extra = typeof env === "function" ? env() : env;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1", ...extra }, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    process.stderr.write(`bench: failed (exit ${r.status}): ${path.basename(exe)} ${argv.join(" ")}\n${r.stderr}\n`);
    process.exit(1);
  }
  const rss = haveTime ? Number(readFileSync(rssFile, "utf8").trim().split("\n").pop()) : null;
  return { ms, rss };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (samples) => ({
  median: median(samples.map((s) => s.ms)),
  min: Math.min(...samples.map((s) => s.ms)),
  max: Math.max(...samples.map((s) => s.ms)),
  rssKiB: samples[0]?.rss === null ? null : Math.max(...samples.map((s) => s.rss)),
  runs: samples.length,
});

/** Warm-up, then runs alternating the reference and the case (in turn first), so drift hits both. */
function bench(c) {
  process.stderr.write(`bench: ${c.id} (${c.warmup} warm-up, ${c.runs} runs) `);
  const one = () => measure(c.argv, c.env);
  const ref1 = () => measure(c.ref, c.refEnv, c.refExe);
  for (let i = 0; i < c.warmup; i++) {
    ref1();
    one();
  }
  const ref = [];
  const run = [];
  for (let i = 0; i < c.runs; i++) {
    if (i % 2 === 0) {
      ref.push(ref1());
      run.push(one());
    } else {
      run.push(one());
      ref.push(ref1());
    }
    process.stderr.write(".");
  }
  process.stderr.write("\n");
  const s = stats(run);
  const r = stats(ref);
  const ratio = s.median / r.median;
  const memOk = c.memLimitKiB === undefined || s.rssKiB === null ? undefined : s.rssKiB <= c.memLimitKiB;
  const timeOk = ratio <= c.target;
  return {
    case: c.id,
    data: c.data,
    command: `node ${c.argv.map((a) => path.relative(ROOT, a) || a).join(" ")}`,
    reference: `${c.refExe ? path.basename(c.refExe) : "node"} ${c.ref.map((a) => (a.startsWith("/") ? path.relative(ROOT, a) : a)).join(" ")}`,
    refName: c.refName ?? (c.id === "stress" ? "csv-parse" : 'node -e ""'),
    ...s,
    ref: r,
    ratio,
    target: c.target,
    met: timeOk && memOk !== false,
    timeMet: timeOk,
    ...(memOk !== undefined ? { memoryMet: memOk } : {}),
    ...(c.memLimitKiB !== undefined ? { memLimitKiB: c.memLimitKiB } : {}),
  };
}

const NODE = ["-e", ""];
const cases = [];
const want = (id) => !only || only.some((o) => id.startsWith(o));
if (want("start-up")) {
  cases.push({ id: "start-up --version", data: "", argv: [BIN, "--version"], ref: NODE, warmup: 3, runs: 21, target: 1.15 });
  cases.push({ id: "start-up --help", data: "", argv: [BIN, "--help"], ref: NODE, warmup: 3, runs: 21, target: 1.15 });
}
if (want("province")) {
  const argv = [BIN, "rank", path.join(ROOT, "samples/ca-mau-2019"), "-f", "csv"];
  // warm: the second run and after (code cache and checked manifest in the cache folder);
  // cold: a first run, in an empty cache folder (the shipped criteria come compiled with the build)
  cases.push({ id: "province warm", data: "samples/ca-mau-2019 (130 units), caches filled", argv, ref: NODE, warmup: 2, runs: 15, target: 1.5 });
  cases.push({ id: "province cold", data: "samples/ca-mau-2019 (130 units), an empty cache folder at each run", argv, env: cold, ref: NODE, warmup: 2, runs: 15, target: 3 });
}
if (want("national")) {
  const dir = path.join(work, "national");
  const bytes = generate(dir, 12_000, 2024);
  cases.push({ id: "national", data: `12,000 units × 40 indicators (${(bytes / 1e6).toFixed(1)} MB)`, argv: [BIN, "rank", dir, "-f", "csv"], ref: NODE, warmup: 2, runs: 9, target: 3 });
  // Every other command on the same data, against `rank -f csv` measured beside it: one engine,
  // so none should cost much more than the ranking itself.
  const rank = [BIN, "rank", dir, "-f", "csv"];
  const unit = readFileSync(path.join(dir, "data.csv"), "utf8").split("\n")[1]?.split(",")[0] ?? "";
  for (const [id, argv] of [
    ["national validate", [BIN, "validate", dir]],
    ["national score", [BIN, "score", dir, "-f", "csv"]],
    ["national report", [BIN, "report", dir, "-f", "md"]],
    ["national explain", [BIN, "explain", unit, dir]],
    ["national compare", [BIN, "compare", dir, dir, "-f", "csv"]],
  ]) {
    if (want(id.replace(" ", "-")) || want("national")) cases.push({ id, data: "the national dataset", argv, ref: rank, refName: "rank -f csv", warmup: 1, runs: 9, target: 1.3 });
  }
}
if (want("national")) {
  // the shape of real submissions: 40 scores with two decimals, Vietnamese names, N/A cells
  const dir = path.join(work, "national-submissions");
  const bytes = generate(dir, 12_000, 2024, "submissions");
  const argv = [BIN, "rank", dir, "-f", "csv", "-o", path.join(work, "national-out.csv")];
  const data = `12,000 submissions × 40 scores (${(bytes / 1e6).toFixed(1)} MB)`;
  cases.push({ id: "national submissions", data, argv, ref: NODE, warmup: 2, runs: 9, target: 3 });
  if (python) cases.push({ id: "national vs pandas", data, argv, ref: [PANDAS, dir, path.join(work, "national-pandas.csv")], refExe: python, refName: "pandas script", warmup: 1, runs: 5, target: 1.0 });
}
if (want("national") || want("workbook")) {
  // The national dataset read from one workbook, against the same data read as CSV, measured beside it.
  const dir = path.join(work, "national");
  if (!existsSync(dir)) generate(dir, 12_000, 2024);
  const xdir = path.join(work, "national-xlsx");
  await generateXlsx(dir, xdir);
  cases.push({
    id: "national workbook",
    data: "the national dataset as one .xlsx",
    argv: [BIN, "rank", xdir, "-f", "csv"],
    ref: [BIN, "rank", dir, "-f", "csv"],
    refName: "rank (CSV)",
    warmup: 1,
    runs: 5,
    target: 3,
  });
}
if (want("stress")) {
  const dir = path.join(work, "stress");
  process.stderr.write(`bench: generating ${stressUnits.toLocaleString("en")} units…\n`);
  const bytes = generate(dir, stressUnits, 2024, "submissions");
  const file = path.join(dir, "data.csv");
  const data = `${stressUnits.toLocaleString("en")} submissions × 40 scores (${(bytes / 1e6).toFixed(0)} MB)`;
  const argv = [BIN, "rank", dir, "-f", "csv", "-o", path.join(work, "stress-out.csv")];
  cases.push({ id: "stress", data, argv, ref: [path.join(HERE, "reference.mjs"), file], warmup: 1, runs: 3, target: 1.0, memLimitKiB: GiB / 1024 });
  if (python) cases.push({ id: "stress vs pandas", data, argv, ref: [PANDAS, dir, path.join(work, "stress-pandas.csv")], refExe: python, refName: "pandas script", warmup: 0, runs: 3, target: 1.0 });
}

const results = cases.map(bench);

const cpu = (() => {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpus()[0]?.model;
  } catch {
    return cpus()[0]?.model;
  }
})();
const machine = { nproc: availableParallelism(), cpu, memoryGiB: Math.round(totalmem() / GiB), node: process.version, platform: `${process.platform} ${process.arch}` };

const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMem = (kib) => (kib === null ? "n/a" : kib >= 1024 * 1024 ? `${(kib / 1024 / 1024).toFixed(2)} GiB` : `${(kib / 1024).toFixed(0)} MiB`);
const head = ["case", "median", "min–max", "reference (median)", "ratio", "target", "peak RSS", "met"];
const rows = results.map((r) => [
  r.case,
  fmtMs(r.median),
  `${fmtMs(r.min)}–${fmtMs(r.max)}`,
  `${fmtMs(r.ref.median)} ${r.refName}`,
  `${r.ratio.toFixed(2)}×`,
  `≤ ${r.target}×${r.memLimitKiB ? `, ≤ ${fmtMem(r.memLimitKiB)}` : ""}`,
  fmtMem(r.rssKiB),
  r.memoryMet === undefined ? (r.met ? "yes" : "no") : `time ${r.timeMet ? "yes" : "no"}, memory ${r.memoryMet ? "yes" : "no"}`,
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
const table = [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
process.stdout.write(`\n${table}\n\n`);
process.stdout.write(`machine: ${machine.nproc} × ${machine.cpu}, ${machine.memoryGiB} GiB, node ${machine.node}, ${machine.platform}\n`);
for (const r of results) process.stdout.write(`${r.case}: ${r.runs} runs; ${r.data ? `${r.data}; ` : ""}reference RSS ${fmtMem(r.ref.rssKiB)}\n`);
if (stressUnits !== 1_000_000 && results.some((r) => r.case === "stress")) process.stdout.write(`note: the stress case was shrunk to ${stressUnits} units (BENCH_STRESS_UNITS)\n`);

const out = path.join(HERE, "results.json");
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`);
process.stdout.write(`written: ${path.relative(process.cwd(), out)}\n`);
if (keep) process.stdout.write(`datasets kept in ${work}\n`);
else rmSync(work, { recursive: true, force: true });
