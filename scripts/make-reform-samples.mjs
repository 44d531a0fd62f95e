#!/usr/bin/env node
// Regenerates the samples of the 2025 reform and of the published national sets, from fixed
// seeds, so that the same files come out on every run:
//
//   samples/ca-mau-2024/      Cà Mau before the reform: departments, 9 districts, 101 communes
//                             (criteria/vn-cqdt-2019.yaml), and the same units for 2023
//   samples/ca-mau-2025/      the new Cà Mau (merged with Bạc Liêu) after 1 July 2025:
//                             14 departments and 64 communes, no district (criteria/vn-cds-2025.yaml),
//                             with crosswalk.csv: which 2024 unit became which 2025 unit
//   samples/ca-mau-reform/    2023, 2024 and 2025 as the periods of one series, with the crosswalk
//   samples/vn-766-dbscl/     the 13 Mekong Delta provinces on Bộ chỉ số 766 (five groups)
//   samples/vn-dti-dbscl/     the 13 Mekong Delta provinces on the provincial DTI
//
// Unit names: the 2019 list of ../shared/data/ca-mau-admin-units-2019.csv; the 2025 communes and
// the old communes each was formed from: Nghị quyết 1655/NQ-UBTVQH15 of 16 June 2025 (see
// COMMUNES_2025 below). Every indicator value and every population is generated and
// illustrative, not an official result.
//
// Usage: node scripts/make-reform-samples.mjs
import { ALL, clamp, INDICATORS, integer, normal, QUALITY, seed, STAFF, uniform, unitValues } from "./vn-cqdt-2019-draws.mjs";
import { adminUnitsFile, DEPARTMENTS, readSimpleCsv, toCsv, write } from "./sample-kit.mjs";

const round1 = (x) => Math.round(x * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Cà Mau before the reform (2023, 2024): the 2019 list of units, and its departments

function units2024() {
  const units = DEPARTMENTS.map((name, i) => ({ code: `S${String(i + 1).padStart(2, "0")}`, name, level: "so", parent: "", type: "so" }));
  const seq = new Map();
  const districts = [];
  const communes = [];
  for (const row of readSimpleCsv(adminUnitsFile)) {
    if (!seq.has(row.district_code)) {
      seq.set(row.district_code, 0);
      districts.push({ code: row.district_code, name: row.district_name, level: "huyen", parent: "", type: row.district_type });
    }
    const n = seq.get(row.district_code) + 1;
    seq.set(row.district_code, n);
    communes.push({ code: `${row.district_code}-${String(n).padStart(2, "0")}`, name: row.unit_name, level: "xa", parent: row.district_code, type: row.unit_type });
  }
  return [...units, ...districts, ...communes];
}

// ---------------------------------------------------------------------------------------------
// The new Cà Mau (1 July 2025)
//
// Departments: merged as the 2025 reorganisation of provincial departments did everywhere
// (Nghị định 45/2025/NĐ-CP); Sở Lao động - Thương binh và Xã hội was divided between Nội vụ,
// Y tế and Giáo dục và Đào tạo. An illustrative reading, not Cà Mau's own decisions.
const DEPARTMENTS_2025 = [
  ["S25-01", "Văn phòng UBND tỉnh", ["Văn phòng UBND tỉnh", "Sở Ngoại vụ"]],
  ["S25-02", "Sở Nội vụ", ["Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội"]],
  ["S25-03", "Sở Tư pháp", ["Sở Tư pháp"]],
  ["S25-04", "Sở Tài chính", ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]],
  ["S25-05", "Sở Công Thương", ["Sở Công Thương"]],
  ["S25-06", "Sở Nông nghiệp và Môi trường", ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"]],
  ["S25-07", "Sở Xây dựng", ["Sở Xây dựng", "Sở Giao thông vận tải"]],
  ["S25-08", "Sở Khoa học và Công nghệ", ["Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông"]],
  ["S25-09", "Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]],
  ["S25-10", "Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội"]],
  ["S25-11", "Sở Y tế", ["Sở Y tế", "Sở Lao động - Thương binh và Xã hội"]],
  ["S25-12", "Sở Dân tộc và Tôn giáo", ["Ban Dân tộc"]],
  ["S25-13", "Thanh tra tỉnh", ["Thanh tra tỉnh"]],
  ["S25-14", "Ban Quản lý Khu kinh tế", ["Ban Quản lý Khu kinh tế"]],
];
// Sở Lao động - Thương binh và Xã hội went to three departments: its shares are the part of its
// work each took (illustrative).
const SHARES = { "Sở Lao động - Thương binh và Xã hội": { "S25-02": 0.5, "S25-10": 0.2, "S25-11": 0.3 } };

// Communes: Nghị quyết 1655/NQ-UBTVQH15 of 16 June 2025 (sắp xếp các đơn vị hành chính cấp xã
// của tỉnh Cà Mau năm 2025): the new commune, its type, and the 2019-list communes (district code,
// name) it was formed from. An old commune divided between new ones ("một phần diện tích tự
// nhiên, quy mô dân số") is listed under each; the resolution gives no shares, so the crosswalk
// splits it evenly. Transcribed from secondary sources of the resolution's text: check against
// the published text before relying on it.
const CM = "964", UM = "966", TB = "967", TVT = "968", CN = "969", DD = "970", NC = "971", PT = "972", NH = "973";
const COMMUNES_2025 = [
  ["An Xuyên", "phuong", [[CM, "Phường 1"], [CM, "Phường 2"], [CM, "Phường 4"], [CM, "Phường 9"], [CM, "Phường Tân Xuyên"], [CM, "Xã An Xuyên"]]],
  ["Lý Văn Lâm", "phuong", [[CM, "Phường 8"], [CM, "Xã Lý Văn Lâm"], [TVT, "Xã Lợi An"]]],
  ["Tân Thành", "phuong", [[CM, "Phường 5"], [CM, "Phường Tân Thành"], [CM, "Xã Tân Thành"], [CM, "Phường 6"], [CM, "Phường 7"], [CM, "Xã Định Bình"], [CM, "Xã Tắc Vân"]]],
  ["Hòa Thành", "phuong", [[CM, "Xã Hòa Tân"], [CM, "Xã Hòa Thành"], [CM, "Phường 6"], [CM, "Phường 7"], [CM, "Xã Định Bình"], [CM, "Xã Tắc Vân"]]],
  ["Tân Thuận", "xa", [[DD, "Xã Tân Đức"], [DD, "Xã Tân Thuận"]]],
  ["Tân Tiến", "xa", [[DD, "Xã Nguyễn Huân"], [DD, "Xã Tân Tiến"]]],
  ["Tạ An Khương", "xa", [[DD, "Xã Tạ An Khương Đông"], [DD, "Xã Tạ An Khương Nam"], [DD, "Xã Tạ An Khương"]]],
  ["Trần Phán", "xa", [[DD, "Xã Tân Trung"], [DD, "Xã Trần Phán"]]],
  ["Thanh Tùng", "xa", [[DD, "Xã Ngọc Chánh"], [DD, "Xã Thanh Tùng"]]],
  ["Đầm Dơi", "xa", [[DD, "Thị trấn Đầm Dơi"], [DD, "Xã Tân Duyệt"], [DD, "Xã Tân Dân"], [DD, "Xã Tạ An Khương"]]],
  ["Quách Phẩm", "xa", [[DD, "Xã Quách Phẩm Bắc"], [DD, "Xã Quách Phẩm"]]],
  ["U Minh", "xa", [[UM, "Xã Khánh Tiến"], [UM, "Xã Khánh Hòa"], [UM, "Xã Khánh Thuận"], [UM, "Xã Khánh Lâm"]]],
  ["Nguyễn Phích", "xa", [[UM, "Thị trấn U Minh"], [UM, "Xã Nguyễn Phích"], [UM, "Xã Khánh Thuận"]]],
  ["Khánh Lâm", "xa", [[UM, "Xã Khánh Hội"], [UM, "Xã Nguyễn Phích"], [UM, "Xã Khánh Lâm"]]],
  ["Khánh An", "xa", [[UM, "Xã Khánh An"], [UM, "Xã Nguyễn Phích"]]],
  ["Khánh Bình", "xa", [[TVT, "Xã Khánh Bình Đông"], [TVT, "Xã Khánh Bình"]]],
  ["Đá Bạc", "xa", [[TVT, "Xã Khánh Bình Tây"], [TVT, "Xã Khánh Bình Tây Bắc"], [TVT, "Xã Trần Hợi"]]],
  ["Khánh Hưng", "xa", [[TVT, "Xã Khánh Hải"], [TVT, "Xã Khánh Hưng"]]],
  ["Sông Đốc", "xa", [[TVT, "Thị trấn Sông Đốc"], [TVT, "Xã Phong Điền"]]],
  ["Trần Văn Thời", "xa", [[TVT, "Thị trấn Trần Văn Thời"], [TVT, "Xã Khánh Lộc"], [TVT, "Xã Phong Lạc"], [TVT, "Xã Lợi An"], [TVT, "Xã Trần Hợi"], [TVT, "Xã Phong Điền"]]],
  ["Thới Bình", "xa", [[TB, "Thị trấn Thới Bình"], [TB, "Xã Thới Bình"]]],
  ["Trí Phải", "xa", [[TB, "Xã Trí Lực"], [TB, "Xã Tân Phú"], [TB, "Xã Trí Phải"]]],
  ["Tân Lộc", "xa", [[TB, "Xã Tân Lộc Bắc"], [TB, "Xã Tân Lộc Đông"], [TB, "Xã Tân Lộc"]]],
  ["Hồ Thị Kỷ", "xa", [[TB, "Xã Hồ Thị Kỷ"]]],
  ["Biển Bạch", "xa", [[TB, "Xã Tân Bằng"], [TB, "Xã Biển Bạch Đông"], [TB, "Xã Biển Bạch"]]],
  ["Đất Mới", "xa", [[NC, "Xã Lâm Hải"], [NC, "Xã Đất Mới"], [NC, "Thị trấn Năm Căn"], [NC, "Xã Hàm Rồng"], [NH, "Xã Viên An"]]],
  ["Năm Căn", "xa", [[NC, "Xã Hàng Vịnh"], [NC, "Thị trấn Năm Căn"], [NC, "Xã Hàm Rồng"]]],
  ["Tam Giang", "xa", [[NC, "Xã Hiệp Tùng"], [NC, "Xã Tam Giang Đông"], [NC, "Xã Tam Giang"]]],
  ["Cái Đôi Vàm", "xa", [[PT, "Thị trấn Cái Đôi Vàm"], [PT, "Xã Nguyễn Việt Khái"]]],
  ["Nguyễn Việt Khái", "xa", [[PT, "Xã Tân Hưng Tây"], [PT, "Xã Rạch Chèo"], [PT, "Xã Việt Thắng"]]],
  ["Phú Tân", "xa", [[PT, "Xã Tân Hải"], [PT, "Xã Phú Tân"]]],
  ["Phú Mỹ", "xa", [[PT, "Xã Phú Thuận"], [PT, "Xã Phú Mỹ"], [CN, "Xã Hòa Mỹ"]]],
  ["Cái Nước", "xa", [[CN, "Thị trấn Cái Nước"], [CN, "Xã Trần Thới"], [CN, "Xã Đông Hưng"], [CN, "Xã Đông Thới"], [CN, "Xã Tân Hưng Đông"]]],
  ["Lương Thế Trân", "xa", [[CN, "Xã Thạnh Phú"], [CN, "Xã Phú Hưng"], [CN, "Xã Lương Thế Trân"], [TVT, "Xã Lợi An"]]],
  ["Tân Hưng", "xa", [[CN, "Xã Tân Hưng"], [CN, "Xã Đông Hưng"], [CN, "Xã Đông Thới"], [CN, "Xã Hòa Mỹ"]]],
  ["Hưng Mỹ", "xa", [[CN, "Xã Hưng Mỹ"], [CN, "Xã Tân Hưng Đông"], [CN, "Xã Hòa Mỹ"]]],
  ["Phan Ngọc Hiển", "xa", [[NH, "Thị trấn Rạch Gốc"], [NH, "Xã Viên An Đông"], [NH, "Xã Tân Ân"]]],
  ["Đất Mũi", "xa", [[NH, "Xã Đất Mũi"], [NH, "Xã Viên An"], [NH, "Xã Tân Ân"]]],
  ["Tân Ân", "xa", [[NH, "Xã Tam Giang Tây"], [NH, "Xã Tân Ân Tây"]]],
  // Formed from communes of the former Bạc Liêu province: not in the 2024 Cà Mau assessment.
  ["Bạc Liêu", "phuong", []],
  ["Vĩnh Trạch", "phuong", []],
  ["Hiệp Thành", "phuong", []],
  ["Giá Rai", "phuong", []],
  ["Láng Tròn", "phuong", []],
  ["An Trạch", "xa", []],
  ["Châu Thới", "xa", []],
  ["Định Thành", "xa", []],
  ["Đông Hải", "xa", []],
  ["Gành Hào", "xa", []],
  ["Hòa Bình", "xa", []],
  ["Hồng Dân", "xa", []],
  ["Hưng Hội", "xa", []],
  ["Long Điền", "xa", []],
  ["Ninh Quới", "xa", []],
  ["Ninh Thạnh Lợi", "xa", []],
  ["Phong Hiệp", "xa", []],
  ["Phong Thạnh", "xa", []],
  ["Phước Long", "xa", []],
  ["Vĩnh Hậu", "xa", []],
  ["Vĩnh Lộc", "xa", []],
  ["Vĩnh Lợi", "xa", []],
  ["Vĩnh Mỹ", "xa", []],
  ["Vĩnh Phước", "xa", []],
  ["Vĩnh Thanh", "xa", []],
];

// ---------------------------------------------------------------------------------------------
// 2023 and 2024 data (criteria/vn-cqdt-2019.yaml)

const RISING = new Set(["van-ban-dien-tu", "ky-so", "ho-so-cong-viec", "dvc-truc-tuyen", "dvc-phat-sinh", "ho-so-truc-tuyen", "so-hoa", "thanh-toan-truc-tuyen", "cat-giam-thoi-gian", "dao-tao", "phan-anh-kien-nghi"]);

function cqdtData(units, quality) {
  const files = {};
  for (const level of ALL) {
    const indicators = INDICATORS.filter((ind) => ind.levels.includes(level));
    const header = ["code", ...indicators.flatMap((ind) => (ind.pair ? [`${ind.id}.num`, `${ind.id}.den`] : [ind.id]))];
    const rows = [];
    for (const unit of units.filter((x) => x.level === level)) {
      const row = [unit.code];
      unitValues(level, quality.get(unit.code), integer(...STAFF[level]), indicators).forEach((value, i) => {
        const ind = indicators[i];
        if (ind.pair) row.push(value.num, value.den);
        else if (ind.adjustment && level === "xa" && (value === "0" || value === "không")) row.push("");
        // a share under 2% among shares around 60% reads like a fraction (0.4 for 40%): not drawn
        else if (RISING.has(ind.id) && Number(value) < 2) row.push("2");
        else row.push(value);
      });
      rows.push(row);
    }
    files[level] = toCsv(header, rows);
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// 2025 data (criteria/vn-cds-2025.yaml)

const pct = (x) => String(round1(clamp(x, 0, 100)));
const yes = (p) => (uniform(0, 1) < p ? "có" : "không");
const CDS = [
  ["ke-hoach-cds", null, (q) => yes(0.6 + 0.4 * q)],
  ["truong-ban-chi-dao", null, (q) => (q + normal(0.2) > 0.5 ? "nguoi-dung-dau" : q + normal(0.2) > 0.2 ? "cap-pho" : "khong")],
  ["kinh-phi-cds", null, (q) => pct(0.5 + 3 * q + normal(0.5))],
  ["binh-dan-hoc-vu-so", null, (q) => pct(40 + 55 * q + normal(6))],
  ["to-cong-nghe-so", "xa", (q) => pct(50 + 50 * q + normal(8))],
  ["thiet-bi-dau-cuoi", null, (q) => pct(60 + 40 * q + normal(5))],
  ["mang-chuyen-dung", null, (q) => yes(0.5 + 0.5 * q)],
  ["bang-thong", null, (q) => String(Math.round(20 + 180 * q + normal(20)))],
  ["thiet-bi-so-hoa", null, (q) => yes(0.3 + 0.7 * q)],
  ["so-hoa-ho-so", null, (q) => pct(40 + 60 * q + normal(6))],
  ["tai-su-dung-du-lieu", null, (q) => pct(10 + 50 * q + normal(6))],
  ["csdl-chuyen-nganh", "so", (q) => pct(30 + 70 * q + normal(8))],
  ["lam-sach-du-lieu", null, (q) => pct(30 + 65 * q + normal(8))],
  ["dvc-toan-trinh", null, (q) => pct(40 + 60 * q + normal(6))],
  ["ho-so-truc-tuyen", null, (q) => pct(30 + 65 * q + normal(7))],
  ["dung-han", null, (q) => pct(90 + 10 * q + normal(1.2))],
  ["tre-han", null, (q) => pct(Math.max(0, 6 * (1 - q) + normal(1)))],
  ["thanh-toan-truc-tuyen", null, (q) => pct(20 + 70 * q + normal(8))],
  ["van-ban-ky-so", null, (q) => pct(50 + 50 * q + normal(5))],
  ["ho-so-cong-viec", null, (q) => pct(35 + 60 * q + normal(7))],
  ["hai-long", null, (q) => pct(75 + 24 * q + normal(3))],
  ["cap-do-attt", null, (q) => pct(30 + 70 * q + normal(10))],
  ["giam-sat-soc", null, (q) => yes(0.4 + 0.6 * q)],
  ["tap-huan-attt", null, (q) => pct(50 + 50 * q + normal(8))],
  ["su-co-attt", null, (q) => String(Math.max(0, Math.round(3 * (1 - q) + normal(0.8))))],
];

function cdsData(units, quality) {
  const files = {};
  for (const level of ["so", "xa"]) {
    const inds = CDS.filter(([, lv]) => lv === null || lv === level);
    const rows = units.filter((u) => u.level === level).map((u) => [u.code, ...inds.map(([, , f]) => f(clamp(quality.get(u.code) + normal(0.07))))]);
    files[level] = toCsv(["code", ...inds.map(([id]) => id)], rows);
  }
  return files;
}

// ---------------------------------------------------------------------------------------------

function caMauReform() {
  seed(2024);
  const old = units2024();
  const byName = new Map(old.filter((u) => u.level === "xa").map((u) => [`${u.parent}|${u.name}`, u]));
  const dept = new Map(old.filter((u) => u.level === "so").map((u) => [u.name, u]));
  // populations (illustrative), the weight of a weighted crosswalk
  for (const u of old) u.population = u.level === "xa" ? integer(5000, 25000) : "";
  const q2024 = new Map();
  const q2023 = new Map();
  for (const u of old) {
    const [lo, hi] = QUALITY[u.level];
    const q = clamp(uniform(lo, hi) + (u.type === "phuong" ? 0.08 : u.type === "thi_tran" ? 0.04 : 0));
    q2024.set(u.code, q);
    q2023.set(u.code, clamp(q - 0.05 + normal(0.04)));
  }
  const header = ["code", "name", "level", "parent", "type", "dan-so"];
  write("samples/ca-mau-2024/units.csv", toCsv(header, old.map((u) => [u.code, u.name, u.level, u.parent, u.type, u.population])));
  for (const [year, q] of [["2024", q2024], ["2023", q2023]]) {
    const files = cqdtData(old, q);
    for (const level of ALL) write(`samples/ca-mau-${year}/data/${level}.csv`, files[level]);
  }

  // 2025: units, crosswalk, data
  const rows = [];
  const units = DEPARTMENTS_2025.map(([code, name]) => ({ code, name, level: "so", parent: "", type: "so", population: "" }));
  const q2025 = new Map();
  for (const [code, name, from] of DEPARTMENTS_2025) {
    const olds = from.map((n) => dept.get(n));
    for (const o of olds) {
      const share = SHARES[o.name]?.[code];
      rows.push([o.code, code, "2025-03-01", share ?? "", `${o.name} → ${name}`]);
    }
    q2025.set(code, clamp(olds.reduce((s, o) => s + q2024.get(o.code), 0) / olds.length + 0.04 + normal(0.04)));
  }
  const splits = new Map();
  for (const [, , from] of COMMUNES_2025) for (const [d, n] of from) splits.set(`${d}|${n}`, (splits.get(`${d}|${n}`) ?? 0) + 1);
  COMMUNES_2025.forEach(([name, type, from], i) => {
    const code = `CM-${String(i + 1).padStart(2, "0")}`;
    const olds = from.map(([d, n]) => {
      const u = byName.get(`${d}|${n}`);
      if (!u) throw new Error(`no 2019 commune ${n} in ${d}`);
      return u;
    });
    const population = olds.length ? olds.reduce((s, o) => s + Math.round(o.population / splits.get(`${o.parent}|${o.name}`)), 0) : integer(15000, 60000);
    units.push({ code, name: `${type === "phuong" ? "Phường" : "Xã"} ${name}`, level: "xa", parent: "", type, population });
    for (const o of olds) {
      const k = splits.get(`${o.parent}|${o.name}`);
      rows.push([o.code, code, "2025-07-01", "", k > 1 ? `${o.name} (một phần) → ${name}` : `${o.name} → ${name}`]);
    }
    const base = olds.length ? olds.reduce((s, o) => s + q2024.get(o.code), 0) / olds.length : uniform(...QUALITY.xa);
    q2025.set(code, clamp(base + 0.05 + normal(0.05)));
  });
  write("samples/ca-mau-2025/units.csv", toCsv(header, units.map((u) => [u.code, u.name, u.level, u.parent, u.type, u.population])));
  write("samples/ca-mau-2025/crosswalk.csv", toCsv(["old", "new", "date", "share", "note"], rows));
  const files = cdsData(units, q2025);
  for (const level of ["so", "xa"]) write(`samples/ca-mau-2025/data/${level}.csv`, files[level]);
}

// ---------------------------------------------------------------------------------------------
// The 13 Mekong Delta provinces (GSO codes) on the national sets

const MEKONG = [
  ["80", "Long An"], ["82", "Tiền Giang"], ["83", "Bến Tre"], ["84", "Trà Vinh"], ["86", "Vĩnh Long"],
  ["87", "Đồng Tháp"], ["89", "An Giang"], ["91", "Kiên Giang"], ["92", "Cần Thơ"], ["93", "Hậu Giang"],
  ["94", "Sóc Trăng"], ["95", "Bạc Liêu"], ["96", "Cà Mau"],
];

function nationalSets() {
  seed(766);
  const g766 = [["cong-khai-minh-bach", 18], ["tien-do-giai-quyet", 20], ["dich-vu-cong-truc-tuyen", 22], ["muc-do-hai-long", 18], ["so-hoa-ho-so", 22]];
  const rows766 = MEKONG.map(([code, name]) => {
    const q = uniform(0.55, 0.92);
    return [code, name === "Cần Thơ" ? "Thành phố Cần Thơ" : `Tỉnh ${name}`, ...g766.map(([, max]) => String(round1(clamp(q + normal(0.08)) * max)).replace(".", ","))];
  });
  // As a spreadsheet in Vietnamese settings saves it: semicolons, decimal commas.
  write("samples/vn-766-dbscl/data.csv", [["code", "name", ...g766.map(([id]) => id)], ...rows766].map((r) => r.join(";")).join("\n") + "\n");

  seed(922);
  const dti = [["nhan-thuc-so", 100], ["the-che-so", 100], ["ha-tang-so", 100], ["nhan-luc-so", 100], ["an-toan-thong-tin", 100], ["chinh-quyen-so", 200], ["kinh-te-so", 150], ["xa-hoi-so", 150]];
  const rowsDti = MEKONG.map(([code, name]) => {
    const q = uniform(0.38, 0.62);
    let values = dti.map(([, max]) => round1(clamp(q + normal(0.1)) * max));
    if (code === "96") {
      // Cà Mau's published DTI 2022 total: 468.9 points (0.4689); the split is illustrative.
      const total = values.reduce((s, v) => s + v, 0);
      values = values.map((v) => round1((v * 468.9) / total));
      values[values.length - 1] = round1(468.9 - values.slice(0, -1).reduce((s, v) => s + v, 0));
    }
    return [code, name === "Cần Thơ" ? "Thành phố Cần Thơ" : `Tỉnh ${name}`, ...values.map(String)];
  });
  write("samples/vn-dti-dbscl/data.csv", toCsv(["code", "name", ...dti.map(([id]) => id)], rowsDti));
}

caMauReform();
nationalSets();
