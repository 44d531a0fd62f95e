#!/usr/bin/env node
// Regenerates the sample assessments in samples/ from a fixed seed, so that the same files come
// out on every run:
//
//   samples/ca-mau-2019/       egov-score.yaml, units.csv, data/{so,huyen,xa}.csv
//   samples/ca-mau-2020/       the next year: one unit more, one that stopped submitting
//   samples/ca-mau-2019-self/  the 2019 self-assessment (tự đánh giá), before verification
//   samples/ca-mau-series/     a manifest naming 2019 and 2020 as the periods of one series
//   samples/un-egdi/           egov-score.yaml, egdi.csv
//
// The Cà Mau unit names come from ../shared/data/ca-mau-admin-units-2019.csv (relative to the
// repository); every indicator value is generated and illustrative, not an official result.
// The indicator list (scripts/vn-cqdt-2019-draws.mjs) mirrors criteria/vn-cqdt-2019.yaml:
// change both together.
//
// Usage: node scripts/make-samples.mjs
import { ALL, chance, clamp, INDICATORS, integer, normal, QUALITY, seed, shuffled, STAFF, uniform, unitValues } from "./vn-cqdt-2019-draws.mjs";
import { adminUnitsFile, DEPARTMENTS, readSimpleCsv, toCsv, write } from "./sample-kit.mjs";

const SEED = 2019;
seed(SEED);

// ---------------------------------------------------------------------------------------------
// Cà Mau 2019: the units (the departments and the shared file's list: scripts/sample-kit.mjs)

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

const TYPE_BONUS = { phuong: 0.08, thi_tran: 0.04 }; // urban wards and towns are a little ahead

/** A unit's latent quality when it has no earlier year: by level, urban units a little ahead. */
function firstQuality(unit) {
  const [lo, hi] = QUALITY[unit.level];
  return clamp(uniform(lo, hi) + (TYPE_BONUS[unit.type] ?? 0));
}

/** The units registry of a Cà Mau sample. */
function writeUnits(relative, units) {
  write(relative, toCsv(["code", "name", "level", "parent", "type"], units.map((u) => [u.code, u.name, u.level, u.parent, u.type])));
}

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

/**
 * The data files of one Cà Mau assessment. `baseOf(unit)` draws a unit's latent quality,
 * `staffOf(unit)` its staff (drawn when it returns undefined); `skip` lists the units that sent
 * nothing. Returns the CSV texts per level, the rows before shuffling, and each unit's quality
 * and staff, so that a later year can follow on from this one.
 */
function caMauData(units, { baseOf, staffOf = () => undefined, overrides, skip }) {
  const files = {};
  const rows = {};
  const quality = new Map();
  const staffing = new Map();
  for (const level of ALL) {
    const indicators = INDICATORS.filter((ind) => ind.levels.includes(level));
    const header = ["code", ...indicators.flatMap((ind) => (ind.pair ? [`${ind.id}.num`, `${ind.id}.den`] : [ind.id]))];
    const levelRows = [];
    for (const unit of units.filter((x) => x.level === level)) {
      const base = baseOf(unit);
      const staff = staffOf(unit) ?? integer(...STAFF[level]);
      quality.set(unit.code, base);
      staffing.set(unit.code, staff);
      const row = [unit.code];
      unitValues(level, base, staff, indicators).forEach((value, i) => {
        const ind = indicators[i];
        if (ind.pair) row.push(value.num, value.den);
        else if (ind.adjustment && level === "xa" && (value === "0" || value === "không")) row.push("");
        else row.push(overrides[unit.code]?.[ind.id] ?? value);
      });
      if (!skip.has(unit.code)) levelRows.push(row);
    }
    rows[level] = { header, rows: levelRows };
    // Row order must not matter: the district file is written shuffled.
    files[level] = toCsv(header, level === "huyen" ? shuffled(levelRows) : levelRows);
  }
  return { files, rows, quality, staffing };
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
  writeUnits("samples/ca-mau-2019/units.csv", units);
  const y2019 = caMauData(units, {
    baseOf: firstQuality,
    overrides: OVERRIDES,
    skip: new Set([NOT_SUBMITTED]),
  });
  for (const [level, text] of Object.entries(y2019.files)) write(`samples/ca-mau-2019/data/${level}.csv`, text);
  return { units, y2019 };
}

// ---------------------------------------------------------------------------------------------
// Cà Mau 2020: the next year, for `compare`. Every unit's quality follows on from 2019 with a
// general improvement and some noise; a few units move sharply so that bands change. One
// department is assessed for the first time, one commune sent nothing, and Xã Tân Dân, which
// sent nothing in 2019, did this time.

const SEED_2020 = 2020;
const NEW_UNIT_2020 = { code: "S21", name: "Đài Phát thanh - Truyền hình Cà Mau", level: "so", parent: "", type: "so" };
const NOT_SUBMITTED_2020 = "964-13"; // Xã Hòa Tân: fourth of the communes in 2019
/** Shifts of the latent quality, beyond the general trend. */
const SHOCKS_2020 = {
  966: -0.22, // Huyện U Minh: second of the districts in 2019, its IT officer left
  S16: -0.18, // Sở Y tế
  S01: -0.12,
  972: +0.22, // Huyện Phú Tân: last of the districts in 2019
  S08: +0.25, // Sở Giao thông vận tải: last of the departments in 2019
  "969-03": +0.3,
  "971-02": -0.25,
};
/** Not applicable stays not applicable; the missing cells of 2019 were filled in. */
const OVERRIDES_2020 = {
  S18: { "thanh-toan-truc-tuyen": "N/A" },
  S19: { "thanh-toan-truc-tuyen": "-" },
  S17: { "phan-anh-kien-nghi": "N/A" },
  "973-05": { "phan-anh-kien-nghi": "-" },
  "968-03": { "so-hoa": "" },
};

function caMau2020(units2019, y2019) {
  seed(SEED_2020);
  const units = [...units2019.filter((u) => u.level === "so"), NEW_UNIT_2020, ...units2019.filter((u) => u.level !== "so")];
  write(
    "samples/ca-mau-2020/egov-score.yaml",
    `# Cà Mau 2020: the year after samples/ca-mau-2019, for egov-score compare (generated by scripts/make-samples.mjs).
criteria: ../../criteria/vn-cqdt-2019.yaml
units: units.csv
data:
  - data/*.csv
period: "2020"
`,
  );
  writeUnits("samples/ca-mau-2020/units.csv", units);
  const y2020 = caMauData(units, {
    baseOf: (unit) => {
      const before = y2019.quality.get(unit.code);
      if (before === undefined || unit.code === NOT_SUBMITTED) return firstQuality(unit);
      return clamp(before + 0.04 + normal(0.05) + (SHOCKS_2020[unit.code] ?? 0));
    },
    staffOf: (unit) => {
      const before = y2019.staffing.get(unit.code);
      return before === undefined ? undefined : Math.max(1, before + integer(-2, 2));
    },
    overrides: OVERRIDES_2020,
    skip: new Set([NOT_SUBMITTED_2020]),
  });
  for (const [level, text] of Object.entries(y2020.files)) write(`samples/ca-mau-2020/data/${level}.csv`, text);
}

// ---------------------------------------------------------------------------------------------
// Cà Mau 2019 self-assessment (tự đánh giá): the figures the units sent before verification.
// Most units claimed what the verification found; about one in four over-claimed a few
// indicators (higher rates, yes for no, fewer late dossiers, a bonus without evidence, a late
// report left out), and a few under-claimed one. The cells that verification left empty (the
// evidence was rejected) were filled in by the unit.

const SEED_SELF = 20191;
const PERCENT_IDS = new Set(["van-ban-dien-tu", "ky-so", "ho-so-cong-viec", "dvc-truc-tuyen", "dvc-phat-sinh", "ho-so-truc-tuyen", "dung-han", "so-hoa", "thanh-toan-truc-tuyen", "cat-giam-thoi-gian", "dao-tao", "ty-le-hai-long", "phan-anh-kien-nghi"]);
const YES_NO_IDS = new Set(["mang-chuyen-dung", "mot-cua-dien-tu", "can-bo-cntt", "cap-do-attt"]);
const PAIR_IDS = new Set(["may-tinh", "diet-virus", "thu-cong-vu"]);

const round1 = (x) => String(Math.round(clamp(x, 0, 100) * 10) / 10);

/** One cell as a unit that over-claims (or, with `under`, under-claims) might have written it. */
function claimed(id, value, under) {
  if (value === "" && PERCENT_IDS.has(id)) return round1(uniform(60, 90));
  if (value === "" && id === "hop-ban-chi-dao") return String(integer(2, 4));
  if (value === "" || value === "-" || value === "N/A") return value;
  if (under) {
    if (PERCENT_IDS.has(id)) return round1(Number(value) - uniform(5, 15));
    if (YES_NO_IDS.has(id) && value === "có") return "không";
    return value;
  }
  if (PERCENT_IDS.has(id)) return round1(Number(value) + uniform(10, 30));
  if (YES_NO_IDS.has(id)) return "có";
  if (id === "tre-han") return round1(Number(value) * uniform(0.1, 0.5));
  if (id === "su-co-attt" || id === "bao-cao-tre" || id === "su-co-mat-du-lieu") return "0";
  if (id === "hop-ban-chi-dao") return String(Math.min(6, Number(value) + integer(1, 2)));
  if (id === "truong-ban-chi-dao") return value === "khong" ? "pho-chu-tich" : "chu-tich";
  if (id === "sang-kien") return value === "0" || value === "" ? String([1, 1.5, 2][integer(0, 2)]) : value;
  return value;
}

function caMauSelf(y2019) {
  seed(SEED_SELF);
  write(
    "samples/ca-mau-2019-self/egov-score.yaml",
    `# Cà Mau 2019, the self-assessed figures (tự đánh giá) before verification (generated by scripts/make-samples.mjs).
# Compare with the verified figures: egov-score compare samples/ca-mau-2019-self samples/ca-mau-2019 --labels "Tự đánh giá,Thẩm định"
criteria: ../../criteria/vn-cqdt-2019.yaml
units: ../ca-mau-2019/units.csv
data:
  - data/*.csv
period: "2019"
`,
  );
  const missing = new Set(Object.entries(OVERRIDES).flatMap(([code, cells]) => Object.entries(cells).filter(([, v]) => v === "").map(([id]) => `${code}/${id}`)));
  for (const level of ALL) {
    const { header, rows } = y2019.rows[level];
    const out = rows.map((row) => {
      const code = row[0];
      const over = chance(0.3);
      const under = !over && chance(0.06);
      const copy = [...row];
      header.forEach((h, i) => {
        if (i === 0) return;
        const [id, part] = h.split(".");
        const cell = String(copy[i]);
        if (missing.has(`${code}/${id}`)) {
          copy[i] = claimed(id, cell, false);
          return;
        }
        if (PAIR_IDS.has(id)) {
          // A ratio over-claimed: the numerator raised towards the denominator.
          if (part === "num" && over && chance(0.3)) copy[i] = Math.min(Number(copy[i + 1]), Math.round(Number(cell) * uniform(1.1, 1.3)));
          return;
        }
        if (over && chance(0.4)) copy[i] = claimed(id, cell, false);
        else if (under && chance(0.15)) copy[i] = claimed(id, cell, true);
        // the commune file leaves unclaimed bonus and penalty cells empty
        if (level === "xa" && (copy[i] === "0" || copy[i] === "không") && ["sang-kien", "giai-thuong", "su-co-mat-du-lieu", "bao-cao-tre"].includes(id)) copy[i] = "";
      });
      return copy;
    });
    write(`samples/ca-mau-2019-self/data/${level}.csv`, toCsv(header, out));
  }
}

/** One series of periods, each its own assessment folder. */
function caMauSeries() {
  write(
    "samples/ca-mau-series/egov-score.yaml",
    `# Cà Mau 2019 and 2020 as the periods of one series (generated by scripts/make-samples.mjs).
# Each period names an assessment folder of its own; without --period the latest is scored.
periods:
  "2019": ../ca-mau-2019
  "2020": ../ca-mau-2020
`,
  );
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

const { units, y2019 } = caMau();
unEgdi();
caMau2020(units, y2019);
caMauSelf(y2019);
caMauSeries();
