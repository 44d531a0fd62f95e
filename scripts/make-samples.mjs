#!/usr/bin/env node
// Regenerates the sample assessments in samples/ from a fixed seed, so that the same files come
// out on every run:
//
//   samples/ca-mau-2019/  egov-score.yaml, units.csv, data/{so,huyen,xa}.csv
//   samples/un-egdi/      egov-score.yaml, egdi.csv
//
// The Cà Mau unit names come from ../shared/data/ca-mau-admin-units-2019.csv (relative to the
// repository); every indicator value is generated and illustrative, not an official result.
// The indicator list below mirrors criteria/vn-cqdt-2019.yaml: change both together.
//
// Usage: node scripts/make-samples.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const adminUnitsFile = resolve(repo, "../shared/data/ca-mau-admin-units-2019.csv");
const SEED = 2019;

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, a tiny seeded PRNG, so the samples are reproducible without dependencies.

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

const random = mulberry32(SEED);
const uniform = (lo, hi) => lo + (hi - lo) * random();
const integer = (lo, hi) => Math.floor(uniform(lo, hi + 1));
const chance = (p) => random() < p;
const clamp = (x, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
/** A normal deviate (Box-Muller). */
const normal = (sd = 1) => sd * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const shuffled = (list) => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = integer(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// CSV

/** Parses the simple shared CSV (no quoted fields) into records keyed by header. */
function readSimpleCsv(file) {
  const [header, ...rows] = readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "");
  const keys = header.split(",");
  return rows.map((row) => {
    const cells = row.split(",");
    return Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? "").trim().normalize("NFC")]));
  });
}

const csvCell = (v) => {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const toCsv = (header, rows) => [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";

function write(relative, text) {
  const file = join(repo, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text.normalize("NFC"));
  console.log(`wrote ${relative}`);
}

// ---------------------------------------------------------------------------------------------
// Cà Mau 2019: the units

const DEPARTMENTS = [
  "Văn phòng UBND tỉnh",
  "Sở Nội vụ",
  "Sở Tư pháp",
  "Sở Kế hoạch và Đầu tư",
  "Sở Tài chính",
  "Sở Công Thương",
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Sở Giao thông vận tải",
  "Sở Xây dựng",
  "Sở Tài nguyên và Môi trường",
  "Sở Thông tin và Truyền thông",
  "Sở Lao động - Thương binh và Xã hội",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Khoa học và Công nghệ",
  "Sở Giáo dục và Đào tạo",
  "Sở Y tế",
  "Sở Ngoại vụ",
  "Thanh tra tỉnh",
  "Ban Dân tộc",
  "Ban Quản lý Khu kinh tế",
];

function caMauUnits() {
  const units = DEPARTMENTS.map((name, i) => ({
    code: `S${String(i + 1).padStart(2, "0")}`,
    name,
    level: "so",
    parent: "",
    type: "so",
  }));
  const communesSeen = new Map();
  const districts = [];
  const communes = [];
  for (const row of readSimpleCsv(adminUnitsFile)) {
    if (!communesSeen.has(row.district_code)) {
      communesSeen.set(row.district_code, 0);
      districts.push({ code: row.district_code, name: row.district_name, level: "huyen", parent: "", type: row.district_type });
    }
    const seq = communesSeen.get(row.district_code) + 1;
    communesSeen.set(row.district_code, seq);
    communes.push({
      code: `${row.district_code}-${String(seq).padStart(2, "0")}`,
      name: row.unit_name,
      level: "xa",
      parent: row.district_code,
      type: row.unit_type,
    });
  }
  return [...units, ...districts, ...communes];
}

// ---------------------------------------------------------------------------------------------
// Cà Mau 2019: the indicator values
//
// Each unit gets a latent quality q in [0, 1] (departments higher than districts, districts
// higher than communes), varied per pillar; each indicator turns q into a plausible figure.

const QUALITY = { so: [0.4, 0.95], huyen: [0.3, 0.9], xa: [0.2, 0.88] };
const TYPE_BONUS = { phuong: 0.08, thi_tran: 0.04 }; // urban wards and towns are a little ahead
const LEVEL_OFFSET = { so: 0, huyen: -2, xa: -10 }; // percentage points, for ratio-like figures

const percent = (x) => String(Math.round(clamp(x, 0, 100) * 10) / 10);
const yesNo = (p) => (chance(p) ? "có" : "không");
/** A percentage rising with q: base + spread × q, plus noise, in [0, 100]. */
const rising = (u, base, spread, sd) => percent(base + spread * u.q + LEVEL_OFFSET[u.level] + normal(sd));
/** A count of rare events, more likely for weaker units. */
const events = (p, cap) => {
  let n = 0;
  while (n < cap && chance(p)) n++;
  return n;
};

const ALL = ["so", "huyen", "xa"];

/**
 * The indicators of criteria/vn-cqdt-2019.yaml in order, bonus and penalty last. `value(u)`
 * returns a cell, or { num, den } for a `pair` indicator, given as numerator and denominator.
 * `adjustment` marks bonus and penalty indicators: the communes leave them empty when they
 * claim nothing, which adds or takes off nothing (it is not missing data).
 * `u.staff` and `u.computers` are drawn once per unit so that related figures agree.
 */
const INDICATORS = [
  // Hạ tầng kỹ thuật
  { id: "may-tinh", levels: ALL, pair: true, value: (u) => ({ num: u.computers, den: u.staff }) },
  { id: "mang-chuyen-dung", levels: ALL, value: (u) => yesNo({ so: 0.8, huyen: 0.95, xa: 0.1 }[u.level] + 0.5 * u.q) },
  {
    id: "diet-virus",
    levels: ALL,
    pair: true,
    value: (u) => ({ num: Math.round(u.computers * clamp(0.25 + 0.8 * u.q + normal(0.1))), den: u.computers }),
  },
  // Ứng dụng nội bộ
  { id: "van-ban-dien-tu", levels: ALL, value: (u) => rising(u, 45, 55, 6) },
  { id: "ky-so", levels: ALL, value: (u) => rising(u, 20, 75, 9) },
  { id: "ho-so-cong-viec", levels: ALL, value: (u) => rising(u, 25, 70, 9) },
  {
    id: "thu-cong-vu",
    levels: ALL,
    pair: true,
    value: (u) => ({ num: Math.round(u.staff * clamp(0.45 + 0.6 * u.q + normal(0.08))), den: u.staff }),
  },
  { id: "mot-cua-dien-tu", levels: ALL, value: (u) => yesNo({ so: 0.85, huyen: 1, xa: 0.45 }[u.level] + 0.5 * u.q) },
  // Dịch vụ công trực tuyến và một cửa
  { id: "dvc-truc-tuyen", levels: ALL, value: (u) => rising(u, 25, 70, 9) },
  { id: "dvc-phat-sinh", levels: ALL, value: (u) => rising(u, 15, 75, 10) },
  { id: "ho-so-truc-tuyen", levels: ALL, value: (u) => rising(u, 5, 60, 8) },
  { id: "dung-han", levels: ALL, value: (u) => percent(86 + 15 * u.q + normal(1.5)) },
  { id: "tre-han", levels: ALL, value: (u) => percent(Math.max(0, 13 * (1 - u.q) + normal(2))) },
  { id: "so-hoa", levels: ALL, value: (u) => rising(u, 15, 75, 10) },
  { id: "thanh-toan-truc-tuyen", levels: ALL, value: (u) => rising(u, 5, 55, 8) },
  { id: "cat-giam-thoi-gian", levels: ["huyen", "xa"], value: (u) => rising(u, 15, 65, 10) },
  // Nhân lực và chỉ đạo
  { id: "can-bo-cntt", levels: ALL, value: (u) => yesNo({ so: 0.35, huyen: 0.9, xa: 0.05 }[u.level] + 0.6 * u.q) },
  { id: "dao-tao", levels: ALL, value: (u) => rising(u, 35, 60, 9) },
  {
    id: "truong-ban-chi-dao",
    levels: ALL,
    value: (u) => {
      const x = u.q + normal(0.2);
      return x > 0.55 ? "chu-tich" : x > 0.25 ? "pho-chu-tich" : "khong";
    },
  },
  { id: "hop-ban-chi-dao", levels: ALL, value: (u) => String(Math.round(clamp(5 * u.q + normal(1), 0, 6))) },
  // An toàn thông tin
  { id: "cap-do-attt", levels: ["so", "huyen"], value: (u) => yesNo(0.1 + 0.9 * u.q) },
  { id: "su-co-attt", levels: ALL, value: (u) => String(events(0.05 + 0.45 * (1 - u.q), 4)) },
  // Mức độ hài lòng
  { id: "ty-le-hai-long", levels: ALL, value: (u) => percent(72 + 26 * u.q + normal(3)) },
  { id: "phan-anh-kien-nghi", levels: ALL, value: (u) => rising(u, 55, 45, 7) },
  // Bonus
  { id: "sang-kien", levels: ALL, adjustment: true, value: (u) => (chance(0.02 + 0.12 * u.q) ? String([0.5, 1, 1.5, 2][integer(0, 3)]) : "0") },
  { id: "giai-thuong", levels: ALL, adjustment: true, value: (u) => yesNo(0.1 * u.q) },
  // Penalty
  { id: "su-co-mat-du-lieu", levels: ALL, adjustment: true, value: () => String(events(0.03, 2)) },
  { id: "bao-cao-tre", levels: ALL, adjustment: true, value: (u) => String(events(0.06 + 0.1 * (1 - u.q), 3)) },
];

/** Cells set by hand: not applicable ("-", "N/A") and missing (empty) values. */
const OVERRIDES = {
  S18: { "thanh-toan-truc-tuyen": "N/A" }, // Thanh tra tỉnh: no procedure charges a fee
  S19: { "thanh-toan-truc-tuyen": "-" }, // Ban Dân tộc: no procedure charges a fee
  S17: { "phan-anh-kien-nghi": "N/A" }, // Sở Ngoại vụ: no complaint or petition received
  "973-05": { "phan-anh-kien-nghi": "-" }, // Xã Tân Ân Tây: no complaint or petition received
  S08: { "dao-tao": "" },
  972: { "so-hoa": "" },
  "966-06": { "ty-le-hai-long": "" }, // not surveyed: excluded from the maximum by the criteria
  "969-10": { "ty-le-hai-long": "" },
  "967-11": { "hop-ban-chi-dao": "" },
};

/** The commune that did not submit: listed in units.csv, absent from the data. */
const NOT_SUBMITTED = "970-09";

function caMauData(units) {
  const files = {};
  for (const level of ALL) {
    const indicators = INDICATORS.filter((ind) => ind.levels.includes(level));
    const staffRange = { so: [28, 95], huyen: [70, 160], xa: [18, 28] }[level];
    const header = ["code", ...indicators.flatMap((ind) => (ind.pair ? [`${ind.id}.num`, `${ind.id}.den`] : [ind.id]))];
    const rows = [];
    for (const unit of units.filter((x) => x.level === level)) {
      const [lo, hi] = QUALITY[level];
      const base = clamp(uniform(lo, hi) + (TYPE_BONUS[unit.type] ?? 0));
      const staff = integer(...staffRange);
      const u = { level, q: base, staff, computers: Math.min(staff, Math.round(staff * clamp(0.55 + 0.4 * base + normal(0.06)))) };
      const row = [unit.code];
      for (const ind of indicators) {
        u.q = clamp(base + normal(0.07)); // each indicator varies a little around the unit's quality
        const value = ind.value(u);
        if (ind.pair) row.push(value.num, value.den);
        else if (ind.adjustment && level === "xa" && (value === "0" || value === "không")) row.push("");
        else row.push(OVERRIDES[unit.code]?.[ind.id] ?? value);
      }
      if (unit.code !== NOT_SUBMITTED) rows.push(row);
    }
    // Row order must not matter: the district file is written shuffled.
    files[level] = toCsv(header, level === "huyen" ? shuffled(rows) : rows);
  }
  return files;
}

function caMau() {
  const units = caMauUnits();
  write(
    "samples/ca-mau-2019/egov-score.yaml",
    `# Cà Mau 2019: an illustrative e-government assessment (generated by scripts/make-samples.mjs).
criteria: ../../criteria/vn-cqdt-2019.yaml
units: units.csv
data:
  - data/*.csv
period: "2019"
`,
  );
  write(
    "samples/ca-mau-2019/units.csv",
    toCsv(
      ["code", "name", "level", "parent", "type"],
      units.map((u) => [u.code, u.name, u.level, u.parent, u.type]),
    ),
  );
  for (const [level, text] of Object.entries(caMauData(units))) write(`samples/ca-mau-2019/data/${level}.csv`, text);
}

// ---------------------------------------------------------------------------------------------
// UN EGDI: fictional countries with the published layout. Dunmarra and Estmoor tie exactly
// (same sum of components); Gallovia sits exactly on the 0.50 band boundary; "Kestria " carries
// a trailing space, as real UN exports do.

const COUNTRIES = [
  // name, region, OSI, HCI, TII
  ["Aldoria", "Europe", 0.9412, 0.9287, 0.9105],
  ["Brevania", "Asia", 0.8836, 0.8471, 0.8902],
  ["Corvessa", "Americas", 0.7725, 0.8164, 0.7318],
  ["Dunmarra", "Oceania", 0.681, 0.7952, 0.6013],
  ["Estmoor", "Europe", 0.7034, 0.7496, 0.6245],
  ["Florinth", "Africa", 0.6231, 0.661, 0.4682],
  ["Gallovia", "Asia", 0.4818, 0.6347, 0.3835],
  ["Harwick Islands", "Oceania", 0.4127, 0.5893, 0.2846],
  ["Isendor", "Americas", 0.3854, 0.512, 0.2217],
  ["Jorvale", "Africa", 0.2906, 0.4433, 0.1579],
  ["Kestria ", "Asia", 0.2247, 0.3561, 0.1024],
  ["Lunaria", "Africa", 0.1385, 0.2469, 0.0632],
];

function unEgdi() {
  // The sum in whole ten-thousandths, so that the published-style EGDI is rounded exactly.
  const egdi = (osi, hci, tii) => (Math.round(Math.round((osi + hci + tii) * 10000) / 3) / 10000).toFixed(4);
  write(
    "samples/un-egdi/egov-score.yaml",
    `# The UN E-Government Development Index of a dozen fictional countries (generated by scripts/make-samples.mjs).
criteria: ../../criteria/un-egdi.yaml
data:
  - egdi.csv
columns:
  code: Country Name
  name: Country Name
  attributes: [Region]
ignore:
  - E-Government Index      # the published EGDI, kept to compare with the computed one
map:
  osi: Online Service Index
  hci: Human Capital Index
  tii: Telecommunication Infrastructure Index
`,
  );
  write(
    "samples/un-egdi/egdi.csv",
    toCsv(
      [
        "Country Name",
        "Region",
        "Online Service Index",
        "Human Capital Index",
        "Telecommunication Infrastructure Index",
        "E-Government Index",
      ],
      COUNTRIES.map(([name, region, osi, hci, tii]) => [
        name,
        region,
        osi.toFixed(4),
        hci.toFixed(4),
        tii.toFixed(4),
        egdi(osi, hci, tii),
      ]),
    ),
  );
}

caMau();
unEgdi();
