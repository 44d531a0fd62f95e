#!/usr/bin/env node
// The sensitivity bench target of issue 7: 1,000 Monte Carlo runs on a national dataset of
// 12,000 units, against one plain `rank` of the same data, both through the built CLI.
//
// The dataset is generated from a fixed seed into a temporary folder (never committed): 63
// provinces with 20 departments each, 696 districts and 10,044 communes, scored on the shipped
// criteria/vn-cqdt-2019.yaml (24 indicators, bonus and penalty).
//
// Usage: npm run build && node bench/sensitivity.mjs [--runs 1000] [--reps 3] [--keep]
//        node bench/sensitivity.mjs --dataset DIR   (only write the dataset into DIR, for profiling)
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ALL, chance, INDICATORS, integer, QUALITY, seed, STAFF, uniform, unitValues } from "../scripts/vn-cqdt-2019-draws.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("--runs", 1000);
const REPS = arg("--reps", 3);
const KEEP = process.argv.includes("--keep");

// ---------------------------------------------------------------------------------------------
// The dataset: drawn as the Cà Mau samples are (scripts/vn-cqdt-2019-draws.mjs), from a fixed
// seed, so every run of the bench scores the same figures; 1% of the satisfaction surveys missing.

seed(12000);
const INDICATORS_DRAWN = INDICATORS.map((ind) => (ind.id === "ty-le-hai-long" ? { ...ind, value: (u) => (chance(0.01) ? "" : ind.value(u)) } : ind));

function units() {
  const out = [];
  let districts = 0;
  for (let p = 1; p <= 63; p++) {
    const prov = String(p).padStart(2, "0");
    for (let s = 1; s <= 20; s++) out.push({ code: `P${prov}-S${String(s).padStart(2, "0")}`, level: "so", parent: "" });
    const nd = p <= 3 ? 12 : 11; // 3 × 12 + 60 × 11 = 696 districts
    for (let d = 1; d <= nd; d++) {
      const code = `P${prov}-H${String(d).padStart(2, "0")}`;
      out.push({ code, level: "huyen", parent: "" });
      // 10,044 communes over 696 districts: 14 or 15 each
      const nc = districts < 300 ? 15 : 14;
      districts++;
      for (let c = 1; c <= nc; c++) out.push({ code: `${code}-X${String(c).padStart(2, "0")}`, level: "xa", parent: code });
    }
  }
  return out;
}

function writeDataset(dir) {
  const all = units();
  const csv = (rows) => rows.map((r) => r.join(",")).join("\n") + "\n";
  writeFileSync(join(dir, "units.csv"), csv([["code", "name", "level", "parent"], ...all.map((u) => [u.code, `Unit ${u.code}`, u.level, u.parent])]));
  mkdirSync(join(dir, "data"));
  for (const level of ALL) {
    const inds = INDICATORS_DRAWN.filter((i) => i.levels.includes(level));
    const rows = [["code", ...inds.flatMap((i) => (i.pair ? [`${i.id}.num`, `${i.id}.den`] : [i.id]))]];
    for (const unit of all.filter((u) => u.level === level)) {
      const base = uniform(...QUALITY[level]);
      const staff = integer(...STAFF[level]);
      const row = [unit.code];
      unitValues(level, base, staff, inds).forEach((v, i) => (inds[i].pair ? row.push(v.num, v.den) : row.push(v)));
      rows.push(row);
    }
    writeFileSync(join(dir, "data", `${level}.csv`), csv(rows));
  }
  writeFileSync(join(dir, "egov-score.yaml"), `criteria: ${join(repo, "criteria/vn-cqdt-2019.yaml")}\nunits: units.csv\ndata:\n  - data/*.csv\n`);
  return all.length;
}

// ---------------------------------------------------------------------------------------------
// Timing: the built CLI in a child process, wall time, the median of the repetitions.

function time(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(repo, "bin/egov-score.js"), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`egov-score ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const only = process.argv.indexOf("--dataset");
if (only >= 0) {
  const target = resolve(process.argv[only + 1] ?? "bench-dataset");
  mkdirSync(target, { recursive: true });
  console.log(`${writeDataset(target)} units written to ${target}`);
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), "egov-score-bench-"));
try {
  const n = writeDataset(dir);
  const rank = ["rank", dir, "-f", "csv", "-o", join(dir, "rank.csv")];
  const sens = ["sensitivity", dir, "--runs", String(RUNS), "-f", "csv", "-o", join(dir, "sensitivity.csv")];
  time(rank); // warm-up: the file cache
  const rankMs = [];
  for (let i = 0; i < REPS; i++) rankMs.push(time(rank));
  const sensMs = [];
  for (let i = 0; i < Math.max(1, Math.min(REPS, 2)); i++) sensMs.push(time(sens));
  const r = median(rankMs);
  const s = median(sensMs);
  const rows = [
    ["case", "units", "median ms", "min–max ms", "ratio", "target"],
    ["rank -f csv", String(n), r.toFixed(0), `${Math.min(...rankMs).toFixed(0)}–${Math.max(...rankMs).toFixed(0)}`, "1.00", ""],
    [`sensitivity --runs ${RUNS}`, String(n), s.toFixed(0), `${Math.min(...sensMs).toFixed(0)}–${Math.max(...sensMs).toFixed(0)}`, (s / r).toFixed(2), "< 20 × rank"],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
  if (KEEP) console.log(`dataset kept in ${dir}`);
} finally {
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}
