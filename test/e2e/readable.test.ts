// What a person reads, run as a user runs it: tables that fit the terminal, names rather than
// ids, counts that describe the level. The full outputs are in test/fixtures/expected/cli/.
import { describe, expect, it } from "vitest";
import { folder, run } from "../helpers/exec.ts";
import { expectFile } from "../helpers/expected.ts";

const CA_MAU = "samples/ca-mau-2019";

/** Terminal columns a line takes (combining accents take none). */
const width = (line: string): number => [...line.normalize("NFC")].filter((ch) => !/\p{M}/u.test(ch)).length;
const widest = (s: string): number => Math.max(...s.split("\n").map(width));

describe("tables that fit the terminal", () => {
  it.each([["vi"], ["en"]])("COLUMNS=80: no line of rank is wider than 80 (%s)", (lang) => {
    const r = run(["rank", CA_MAU, "--lang", lang], { env: { COLUMNS: "80" } });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    // every unit is still there, by name
    for (const name of ["Sở Tài chính", "Phường 8", "Xã Tân Dân", "Xã Khánh Hội"]) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain(lang === "vi" ? "Điểm từng lĩnh vực: thêm --wide, hoặc -f csv" : "Points per group: add --wide, or -f csv");
    expectFile(`cli/rank-80.${lang}.txt`, r.stdout);
  });

  it("COLUMNS=140: group columns numbered, named in a legend; at 200 the names head the columns", () => {
    const r = run(["rank", CA_MAU, "--level", "so"], { env: { COLUMNS: "140" } });
    expect(widest(r.stdout)).toBeLessThanOrEqual(140);
    expect(r.stdout).toMatch(/│ Hạng │ Mã  │ Đơn vị +│ +1 │ +2 │ +3 │ +4 │ +5 │ +6 │  Điểm │/);
    expect(r.stdout).toContain("Cột lĩnh vực: 1 Hạ tầng kỹ thuật · 2 Ứng dụng công nghệ thông tin trong nội bộ · 3 Dịch vụ công trực tuyến và một cửa\n· 4 Nhân lực và công tác chỉ đạo · 5 An toàn thông tin · 6 Mức độ hài lòng\n");
    const wide = run(["rank", CA_MAU, "--level", "huyen", "--lang", "en"], { env: { COLUMNS: "200" } });
    expect(widest(wide.stdout)).toBeLessThanOrEqual(200);
    expect(wide.stdout).not.toMatch(/ha-tang|muc-do-hai-long/);
    expectFile("cli/rank-huyen-200.en.txt", wide.stdout);
  });

  it("--wide, a pipe without COLUMNS, or a file: the full table, groups named", () => {
    const narrow = run(["rank", CA_MAU, "--level", "huyen", "--wide"], { env: { COLUMNS: "80" } });
    const pipe = run(["rank", CA_MAU, "--level", "huyen"]);
    expect(narrow.stdout).toBe(pipe.stdout);
    expect(widest(pipe.stdout)).toBeGreaterThan(140);
    expect(pipe.stdout).toContain("│ Hạng │ Mã  │ Đơn vị              │ Hạ tầng │  Ứng dụng công │ Dịch vụ công │ Nhân lực và │ An toàn │ Mức độ │  Điểm │ Tối đa │     % │ Xếp loại   │");
    expectFile("cli/rank-huyen-wide.vi.txt", pipe.stdout);
  });
});

describe("COLUMNS=80: compare and sensitivity fit too, their groups and indicators by name", () => {
  it.each([["vi"], ["en"]])("compare (%s)", (lang) => {
    const r = run(["compare", CA_MAU, "samples/ca-mau-2020", "--lang", lang], { env: { COLUMNS: "80" } });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toMatch(/tre-han|ha-tang/);
    expect(r.stdout).toContain(lang === "vi" ? "  Huyện Thới Bình: Tỷ lệ hồ sơ trễ hạn trên hệ thống +2,00\n" : "  Huyện Thới Bình:");
    expectFile(`cli/compare-huyen-80.${lang}.txt`, run(["compare", CA_MAU, "samples/ca-mau-2020", "--level", "huyen", "--lang", lang], { env: { COLUMNS: "80" } }).stdout);
  });

  it("compare of folders with long names: the side labels in the headings break after their hyphens", () => {
    const r = run(["compare", "samples/ca-mau-2019-self", CA_MAU, "--verification", "--level", "so"], { env: { COLUMNS: "80" } });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/│ +ca- │/);
    expect(r.stdout).toMatch(/│ +2019- │/);
  });

  it.each([["vi", "Cột bị ẩn cho vừa màn hình (-f csv): Nhỏ nhất · Lớn nhất · Độ lệch · Độ nhọn"], ["en", "Columns left out to fit the terminal (-f csv):"]])("audit (%s): figures that may be left out are, and named under the table", (lang, note) => {
    const r = run(["audit", CA_MAU, "--lang", lang], { env: { COLUMNS: "80" } });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain(note);
    // at full width, nothing is left out
    expect(run(["audit", CA_MAU, "--lang", lang]).stdout).not.toContain(note);
  });

  it("score: indicators by name, in tables that fit", () => {
    const r = run(["score", CA_MAU, "--level", "huyen"], { env: { COLUMNS: "80" } });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain("│ Tỷ lệ cán bộ, công chức");
    expect(r.stdout).not.toMatch(/│ may-tinh /);
  });

  it("sensitivity", () => {
    const r = run(["sensitivity", CA_MAU, "--runs", "40"], { env: { COLUMNS: "80" } });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    // its --wide is another flag: the note points to the CSV
    expect(r.stdout).toContain("Mã đơn vị: -f csv");
  });

  it("compare --wide: the full table, its group columns headed by names", () => {
    const r = run(["compare", CA_MAU, "samples/ca-mau-2020", "--level", "huyen", "--wide"], { env: { COLUMNS: "80" } });
    expect(widest(r.stdout)).toBeGreaterThan(150);
    expect(r.stdout).toMatch(/│ Xếp loại +│ Hạ tầng │  Ứng dụng công │/);
  });
});

describe("names, not ids; counts of the whole level", () => {
  it("--level xa names each commune's district (it showed the district's code)", () => {
    const r = run(["rank", CA_MAU, "--level", "xa", "--wide"]);
    expect(r.stdout).toMatch(/│ +1 │ 973-07 │ Xã Viên An Đông +│ Huyện Ngọc Hiển +│/);
    expect(r.stdout).not.toMatch(/│ 97\d +│/);
  });

  it("--top 3 still says how many units the level has, and how many are shown", () => {
    const r = run(["rank", CA_MAU, "--level", "huyen", "--top", "3"]);
    expect(r.stdout).toContain("UBND cấp huyện (huyen) · 9 đơn vị, 9 xếp hạng · hiện 3\n");
    expect(r.stdout.match(/│ +\d │ 9\d\d +│/g)).toHaveLength(3);
    const en = run(["rank", CA_MAU, "--level", "xa", "--top", "2", "--lang", "en"]);
    expect(en.stdout).toContain("Commune People's Committees (xa) · 101 units, 100 ranked · shown 2\n");
  });

  it("report and sensitivity under --level xa name the districts too; a unit not ranked has no maximum in the report", () => {
    const md = run(["report", CA_MAU, "--level", "xa"]).stdout;
    expect(md).toContain("| 101 | 970-09 | Xã Tân Dân | Huyện Đầm Dơi |   |   |   |   |   |   |   |   |   |   | Không xếp hạng |");
    const s = run(["sensitivity", CA_MAU, "--level", "xa", "--runs", "20"]).stdout;
    expect(s).toMatch(/│ +1 │ 973-07 │ Xã Viên An Đông +│ Huyện Ngọc Hiển +│/);
  });

  it("a unit not ranked shows no maximum nor percentage, in every format (it has no score)", () => {
    const r = run(["rank", CA_MAU, "--level", "xa", "--wide"]);
    const notRanked = r.stdout.split("\n").find((l) => l.includes("Xã Tân Dân"));
    expect(notRanked).toMatch(/│ +│ +│ +│ không xếp hạng │$/);
    const csv = run(["rank", CA_MAU, "--level", "xa", "-f", "csv"]).stdout.split("\n").find((l) => l.includes(",970-09,"));
    expect(csv).toBe("xa,,970-09,Xã Tân Dân,970,,,,,,not-ranked,,,,,,");
    const json = JSON.parse(run(["rank", CA_MAU, "--level", "xa", "-f", "json"]).stdout) as { levels: { units: { code: string }[] }[] };
    expect(json.levels[0]?.units.find((u) => u.code === "970-09")).toMatchObject({ score: null, max: null, percent: null, status: "not-ranked" });
    const md = run(["rank", CA_MAU, "--level", "xa", "-f", "md"]).stdout.split("\n").find((l) => l.includes("970-09"));
    expect(md).not.toMatch(/\d,\d\d/);
    const html = run(["report", CA_MAU, "--level", "xa", "-f", "html"]).stdout;
    const row = /<tr>(?:(?!<\/tr>)[\s\S])*970-09(?:(?!<\/tr>)[\s\S])*<\/tr>/.exec(html)?.[0] ?? "";
    expect(row).toContain("970-09");
    expect(row).not.toMatch(/\d,\d\d/);
  });
});

describe("one language per run: numbers and hints", () => {
  it("Vietnamese tables write decimal commas; English, dots; CSV keeps its dot", () => {
    const vi = run(["rank", CA_MAU, "--level", "huyen"]);
    expect(vi.stdout).toMatch(/│ +1 │ 970 +│ Huyện Đầm Dơi +│ +13,80 │ .* │ 88,07 │ 100,00 │ 88,07 │ Tốt/);
    const en = run(["rank", CA_MAU, "--level", "huyen", "--lang", "en"]);
    expect(en.stdout).toMatch(/│ 88\.07 │ 100\.00 │ 88\.07 │ Good/);
    expect(run(["rank", CA_MAU, "--level", "huyen", "-f", "csv"]).stdout.split("\n")[1]).toMatch(/^huyen,1,970,Huyện Đầm Dơi,,88\.068\d*,100,88\.068\d*,tot,Tốt,ranked,/);
    const md = run(["report", CA_MAU, "--level", "huyen"]).stdout;
    expect(md).toContain("| 1 | 970 | Huyện Đầm Dơi |");
    expect(md).toMatch(/\| 88,07 \|/);
  });

  it("under decimal: \",\" the hint for a number it cannot read writes 85,5, not 85.5", () => {
    const criteria = "id: t\ntitle: { vi: T }\nversion: '1'\nlanguage: vi\nlevels: [{ id: u, label: { vi: Đơn vị } }]\ngroups:\n  - id: g\n    indicators:\n      - { id: a, max: 10, unit: number, rule: { type: points } }\n";
    const manifest = (decimal: string) => `criteria: criteria.yaml\ndata: [data.csv]\ninput:\n  decimal: "${decimal}"\n  delimiter: ";"\n`;
    for (const [decimal, write] of [[",", "85,5"], [".", "85.5"]] as const) {
      const dir = folder({ "criteria.yaml": criteria, "egov-score.yaml": manifest(decimal), "data.csv": "code;name;a\nA;Một;8x\n" });
      const r = run(["validate", dir]);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain(`lỗi VALUE_NOT_A_NUMBER: "8x" ở cột "a" không phải số\n  cách sửa: ghi số như 85 hoặc ${write}, hoặc để trống\n`);
    }
  });
});
