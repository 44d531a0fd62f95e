// What the sample generators share (make-samples.mjs, make-reform-samples.mjs): the repository,
// the shared list of Cà Mau's administrative units, the simple CSV they read and write, and the
// provincial departments of Cà Mau before the 2025 reform.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const adminUnitsFile = resolve(repo, "../shared/data/ca-mau-admin-units-2019.csv");

/** Parses the simple shared CSV (no quoted fields) into records keyed by header. */
export function readSimpleCsv(file) {
  const [header, ...rows] = readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "");
  const keys = header.split(",");
  return rows.map((row) => {
    const cells = row.split(",");
    return Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? "").trim().normalize("NFC")]));
  });
}

export const csvCell = (v) => {
  const s = v === undefined || v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
export const toCsv = (header, rows) => [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";

/** Writes a file of the repository (NFC text), saying so. */
export function write(relative, text) {
  const file = join(repo, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text.normalize("NFC"));
  console.log(`wrote ${relative}`);
}

/** Cà Mau's provincial departments (sở, ban, ngành) before the 2025 reform. */
export const DEPARTMENTS = [
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
