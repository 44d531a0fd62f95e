// Seeded draws of plausible figures for the indicators of criteria/vn-cqdt-2019.yaml: the Cà Mau
// samples (scripts/make-samples.mjs) and the national dataset of the sensitivity bench
// (bench/sensitivity.mjs) are drawn with them.
//
// Each unit has a latent quality q in [0, 1] (departments higher than districts, districts
// higher than communes), varied per indicator; each indicator turns q into a plausible figure.

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, a tiny seeded PRNG, so the samples are reproducible without dependencies.

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The source of the draws below. A script may start it again from another seed (each Cà Mau
// sample draws from its own, so that adding a sample never changes an earlier one).
let random = mulberry32(1);
export function seed(s) {
  random = mulberry32(s);
}
export const uniform = (lo, hi) => lo + (hi - lo) * random();
export const integer = (lo, hi) => Math.floor(uniform(lo, hi + 1));
export const chance = (p) => random() < p;
export const clamp = (x, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
/** A normal deviate (Box-Muller). */
export const normal = (sd = 1) => sd * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
export const shuffled = (list) => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = integer(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

// ---------------------------------------------------------------------------------------------
// The indicators

export const QUALITY = { so: [0.4, 0.95], huyen: [0.3, 0.9], xa: [0.2, 0.88] };
/** Staff per unit, by level. */
export const STAFF = { so: [28, 95], huyen: [70, 160], xa: [18, 28] };
const LEVEL_OFFSET = { so: 0, huyen: -2, xa: -10 }; // percentage points, for ratio-like figures

export const percent = (x) => String(Math.round(clamp(x, 0, 100) * 10) / 10);
export const yesNo = (p) => (chance(p) ? "có" : "không");
/** A percentage rising with q: base + spread × q, plus noise, in [0, 100]. */
export const rising = (u, base, spread, sd) => percent(base + spread * u.q + LEVEL_OFFSET[u.level] + normal(sd));
/** A count of rare events, more likely for weaker units. */
export const events = (p, cap) => {
  let n = 0;
  while (n < cap && chance(p)) n++;
  return n;
};

export const ALL = ["so", "huyen", "xa"];

/**
 * The indicators of criteria/vn-cqdt-2019.yaml in order, bonus and penalty last. `value(u)`
 * returns a cell, or { num, den } for a `pair` indicator, given as numerator and denominator.
 * `adjustment` marks bonus and penalty indicators: the communes leave them empty when they
 * claim nothing, which adds or takes off nothing (it is not missing data).
 * `u.staff` and `u.computers` are drawn once per unit so that related figures agree.
 */
export const INDICATORS = [
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

/**
 * One unit's figures, indicator by indicator (a cell, or { num, den }): its staff and computers
 * are drawn once, so that related figures agree; each indicator varies a little around `base`.
 */
export function unitValues(level, base, staff, indicators) {
  const u = { level, q: base, staff, computers: Math.min(staff, Math.round(staff * clamp(0.55 + 0.4 * base + normal(0.06)))) };
  return indicators.map((ind) => {
    u.q = clamp(base + normal(0.07));
    return ind.value(u);
  });
}
