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

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("--runs", 1000);
const REPS = arg("--reps", 3);
const KEEP = process.argv.includes("--keep");

// ---------------------------------------------------------------------------------------------
// The dataset: mulberry32 from a fixed seed, so every run of the bench scores the same figures.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(12000);
const uniform = (lo, hi) => lo + (hi - lo) * random();
const integer = (lo, hi) => Math.floor(uniform(lo, hi + 1));
const chance = (p) => random() < p;
const clamp = (x, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
const normal = (sd = 1) => sd * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const percent = (x) => String(Math.round(clamp(x, 0, 100) * 10) / 10);
const yesNo = (p) => (chance(p) ? "có" : "không");
const OFFSET = { so: 0, huyen: -2, xa: -10 };
const rising = (u, base, spread, sd) => percent(base + spread * u.q + OFFSET[u.level] + normal(sd));
const events = (p, cap) => {
  let n = 0;
  while (n < cap && chance(p)) n++;
  return n;
};
const ALL = ["so", "huyen", "xa"];

// The indicators of criteria/vn-cqdt-2019.yaml, as in scripts/make-samples.mjs.
const INDICATORS = [
  { id: "may-tinh", levels: ALL, pair: true, value: (u) => ({ num: u.computers, den: u.staff }) },
  { id: "mang-chuyen-dung", levels: ALL, value: (u) => yesNo({ so: 0.8, huyen: 0.95, xa: 0.1 }[u.level] + 0.5 * u.q) },
  { id: "diet-virus", levels: ALL, pair: true, value: (u) => ({ num: Math.round(u.computers * clamp(0.25 + 0.8 * u.q + normal(0.1))), den: u.computers }) },
  { id: "van-ban-dien-tu", levels: ALL, value: (u) => rising(u, 45, 55, 6) },
  { id: "ky-so", levels: ALL, value: (u) => rising(u, 20, 75, 9) },
  { id: "ho-so-cong-viec", levels: ALL, value: (u) => rising(u, 25, 70, 9) },
  { id: "thu-cong-vu", levels: ALL, pair: true, value: (u) => ({ num: Math.round(u.staff * clamp(0.45 + 0.6 * u.q + normal(0.08))), den: u.staff }) },
  { id: "mot-cua-dien-tu", levels: ALL, value: (u) => yesNo({ so: 0.85, huyen: 1, xa: 0.45 }[u.level] + 0.5 * u.q) },
  { id: "dvc-truc-tuyen", levels: ALL, value: (u) => rising(u, 25, 70, 9) },
  { id: "dvc-phat-sinh", levels: ALL, value: (u) => rising(u, 15, 75, 10) },
  { id: "ho-so-truc-tuyen", levels: ALL, value: (u) => rising(u, 5, 60, 8) },
  { id: "dung-han", levels: ALL, value: (u) => percent(86 + 15 * u.q + normal(1.5)) },
  { id: "tre-han", levels: ALL, value: (u) => percent(Math.max(0, 13 * (1 - u.q) + normal(2))) },
  { id: "so-hoa", levels: ALL, value: (u) => rising(u, 15, 75, 10) },
  { id: "thanh-toan-truc-tuyen", levels: ALL, value: (u) => rising(u, 5, 55, 8) },
  { id: "cat-giam-thoi-gian", levels: ["huyen", "xa"], value: (u) => rising(u, 15, 65, 10) },
  { id: "can-bo-cntt", levels: ALL, value: (u) => yesNo({ so: 0.35, huyen: 0.9, xa: 0.05 }[u.level] + 0.6 * u.q) },
  { id: "dao-tao", levels: ALL, value: (u) => rising(u, 35, 60, 9) },
  { id: "truong-ban-chi-dao", levels: ALL, value: (u) => { const x = u.q + normal(0.2); return x > 0.55 ? "chu-tich" : x > 0.25 ? "pho-chu-tich" : "khong"; } },
  { id: "hop-ban-chi-dao", levels: ALL, value: (u) => String(Math.round(clamp(5 * u.q + normal(1), 0, 6))) },
  { id: "cap-do-attt", levels: ["so", "huyen"], value: (u) => yesNo(0.1 + 0.9 * u.q) },
  { id: "su-co-attt", levels: ALL, value: (u) => String(events(0.05 + 0.45 * (1 - u.q), 4)) },
  { id: "ty-le-hai-long", levels: ALL, value: (u) => (chance(0.01) ? "" : percent(72 + 26 * u.q + normal(3))) },
  { id: "phan-anh-kien-nghi", levels: ALL, value: (u) => rising(u, 55, 45, 7) },
  { id: "sang-kien", levels: ALL, value: (u) => (chance(0.02 + 0.12 * u.q) ? String([0.5, 1, 1.5, 2][integer(0, 3)]) : "0") },
  { id: "giai-thuong", levels: ALL, value: (u) => yesNo(0.1 * u.q) },
  { id: "su-co-mat-du-lieu", levels: ALL, value: () => String(events(0.03, 2)) },
  { id: "bao-cao-tre", levels: ALL, value: (u) => String(events(0.06 + 0.1 * (1 - u.q), 3)) },
];

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
  const quality = { so: [0.4, 0.95], huyen: [0.3, 0.9], xa: [0.2, 0.88] };
  const staffRange = { so: [28, 95], huyen: [70, 160], xa: [18, 28] };
  for (const level of ALL) {
    const inds = INDICATORS.filter((i) => i.levels.includes(level));
    const rows = [["code", ...inds.flatMap((i) => (i.pair ? [`${i.id}.num`, `${i.id}.den`] : [i.id]))]];
    for (const unit of all.filter((u) => u.level === level)) {
      const base = uniform(...quality[level]);
      const staff = integer(...staffRange[level]);
      const u = { level, q: base, staff, computers: Math.min(staff, Math.round(staff * clamp(0.55 + 0.4 * base + normal(0.06)))) };
      const row = [unit.code];
      for (const ind of inds) {
        u.q = clamp(base + normal(0.07));
        const v = ind.value(u);
        if (ind.pair) row.push(v.num, v.den);
        else row.push(v);
      }
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
