// A new user's first minutes: `egov-score init demo && cd demo`, two rows filled, `egov-score
// rank`, a ranking. Then what init refuses, the Excel flavour, criteria from a file, and the
// form one unit fills in (`template`), read back to the same score as the wide file.
import { existsSync, readFileSync, writeFileSync, appendFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { folder, ROOT, run } from "../helpers/exec.ts";

const FILES = ["egov-score.yaml", "criteria.yaml", "criteria.schema.json", "units.csv", "data/so.csv", "data/huyen.csv", "data/xa.csv", "data/long-template.csv", "README.md"];

/** A data row for a template's header, from values by column name (others left empty). */
const rowFor = (header: string, values: Record<string, string>): string =>
  header
    .trim()
    .split(",")
    .map((h) => values[h] ?? "")
    .join(",");

const FIGURES = {
  "may-tinh": "95", "mang-chuyen-dung": "có", "diet-virus": "90", "van-ban-dien-tu": "85", "ky-so": "80", "ho-so-cong-viec": "70",
  "thu-cong-vu": "100", "mot-cua-dien-tu": "có", "dvc-truc-tuyen": "85", "dvc-phat-sinh": "60", "ho-so-truc-tuyen": "55", "dung-han": "99",
  "tre-han": "1", "so-hoa": "80", "thanh-toan-truc-tuyen": "40", "can-bo-cntt": "có", "dao-tao": "75", "truong-ban-chi-dao": "chu-tich",
  "hop-ban-chi-dao": "4", "cap-do-attt": "có", "su-co-attt": "0", "ty-le-hai-long": "92", "phan-anh-kien-nghi": "95",
};

describe("init demo && cd demo, two rows, rank", () => {
  const cwd = folder({});
  const demo = path.join(cwd, "demo");
  const so = path.join(demo, "data/so.csv");

  it("creates the folder, saying which criteria it chose", () => {
    const r = run(["init", "demo"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe("egov-score: không có --from, dùng bộ tiêu chí vn-cqdt-2019 (chọn bộ khác bằng --from vn-cqdt-2019|un-egdi|vn-766-tinh|vn-cds-2025|vn-dti-tinh|ĐƯỜNG_DẪN)");
    expect(r.stderr).toContain("egov-score: đã tạo demo/ từ vn-cqdt-2019 (các cấp so, huyen, xa; 28 chỉ số):");
    for (const f of FILES) expect(existsSync(path.join(demo, f))).toBe(true);
    expect(readFileSync(path.join(demo, "criteria.yaml"), "utf8").split("\n")[0]).toBe("# yaml-language-server: $schema=criteria.schema.json");
    expect(JSON.parse(readFileSync(path.join(demo, "criteria.schema.json"), "utf8"))).toEqual(JSON.parse(readFileSync(path.join(ROOT, "docs/criteria.schema.json"), "utf8")));
    expect(readFileSync(path.join(demo, "units.csv"), "utf8")).toBe("code,name,level,parent\n");
    expect(readFileSync(so, "utf8").startsWith("code,name,level,may-tinh,mang-chuyen-dung,")).toBe(true);
  });

  it("before any row is filled, rank and validate exit 2 and say what to fill in", () => {
    for (const cmd of ["rank", "validate"]) {
      const r = run([cmd, "--lang", "en"], { cwd: demo });
      expect(r.code).toBe(2);
      const out = cmd === "validate" ? r.stdout : r.stderr;
      expect(out).toContain(
        "error DATA_NO_UNITS: no unit to score yet: the units registry and the data files have no rows\n" +
          "  hint: list the units in units.csv (code, name, level, parent), and fill in one row per unit in data/*.csv (code, name, level, then the figures); README.md says what goes in each column\n",
      );
    }
    // from elsewhere, the paths are shown from there
    const r = run(["rank", "demo", "--lang", "en"], { cwd });
    expect(r.stderr).toContain("list the units in demo/units.csv (code, name, level, parent), and fill in one row per unit in demo/data/*.csv");
    expect(r.stderr).toContain("demo/README.md says");
  });

  it("two rows filled, rank prints a ranking", () => {
    const header = readFileSync(so, "utf8");
    appendFileSync(so, `${rowFor(header, { code: "S01", name: "Sở Nội vụ", level: "so", ...FIGURES })}\n`);
    appendFileSync(so, `${rowFor(header, { code: "S02", name: "Sở Tư pháp", level: "so", ...FIGURES, "ky-so": "40", "ho-so-truc-tuyen": "20", "truong-ban-chi-dao": "khong" })}\n`);
    const r = run(["rank"], { cwd: demo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Sở, ban, ngành (so) · 2 đơn vị, 2 xếp hạng");
    const rows = r.stdout.split("\n").filter((l) => /│\s+\d+\s+│ S0/.test(l));
    expect(rows.map((l) => l.split("│").map((c) => c.trim()).slice(1, 4))).toEqual([["1", "S01", "Sở Nội vụ"], ["2", "S02", "Sở Tư pháp"]]);
    // the templates still empty are named, once each, as warnings
    expect([...r.stderr.matchAll(/^(\S+): cảnh báo (\w+)/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      "data/huyen.csv:1 CSV_NO_ROWS",
      "data/long-template.csv:1 CSV_NO_ROWS",
      "data/xa.csv:1 CSV_NO_ROWS",
      "units.csv:1 CSV_NO_ROWS",
    ]);
  });

  it("template --unit: the form of one unit, prefilled; an unknown code is named with a suggestion", () => {
    const r = run(["template", "--unit", "S02", "--lang", "en"], { cwd: path.join(demo, "data") });
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout) as string[][];
    expect(rows[0]).toEqual(["code", "name", "level", "indicator", "label", "hint", "max", "value", "numerator", "denominator", "evidence"]);
    expect(rows[1]).toEqual(["S02", "Sở Tư pháp", "so", "may-tinh", "Staff with a computer", "percent, 0 to 100; or fill in the numerator and the denominator", "5", "", "", "", ""]);
    expect(rows.map((x) => x[3])).not.toContain("cat-giam-thoi-gian"); // applies to districts and communes only
    const bad = run(["template", "--unit", "S2"], { cwd: demo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('lỗi UNIT_NOT_FOUND: không có đơn vị nào có mã hoặc tên "S2"; có phải "S02"?');
  });

  it("never overwrites a file: exit 2 naming it, nothing touched; --force overwrites", () => {
    const before = readFileSync(so, "utf8");
    const r = run(["init", "demo", "--from", "vn-cqdt-2019"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("lỗi INIT_FILE_EXISTS: không ghi đè demo/egov-score.yaml (và 8 tệp khác mà init tạo)\n  cách sửa: chọn thư mục mới, hoặc thêm --force để ghi đè\n");
    expect(readFileSync(so, "utf8")).toBe(before);
    const forced = run(["init", "demo", "--from", "vn-cqdt-2019", "--force", "-q"], { cwd });
    expect([forced.code, forced.stderr]).toEqual([0, ""]);
    expect(readFileSync(so, "utf8").trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("init, other ways", () => {
  it("--excel: BOM, ';', and a manifest that reads decimal commas", () => {
    const cwd = folder({});
    const r = run(["init", "egdi", "--from", "un-egdi", "--excel", "--period", "2024", "--lang", "en", "-q"], { cwd });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const dir = path.join(cwd, "egdi");
    expect(readFileSync(path.join(dir, "egov-score.yaml"), "utf8")).toContain('period: "2024"\ninput:');
    expect(readFileSync(path.join(dir, "egov-score.yaml"), "utf8")).toContain('  delimiter: ";"\n  decimal: ","\n');
    const country = path.join(dir, "data/country.csv");
    expect(readFileSync(country, "utf8")).toBe("\ufeffcode;name;osi;hci;tii\n");
    expect(readFileSync(path.join(dir, "units.csv"), "utf8")).toBe("\ufeffcode;name\n");
    // as Excel saves it: CRLF, decimal commas
    appendFileSync(country, "AA;Alpha;0,8;0,7;0,6\r\nBB;Beta;0,5;0,4;0,3\r\n");
    const ranked = run(["rank", "-f", "csv", "-q"], { cwd: dir });
    expect(ranked.code).toBe(0);
    // EGDI is the mean of the three indices: (0.8 + 0.7 + 0.6) / 3 = 0.7 and (0.5 + 0.4 + 0.3) / 3 = 0.4
    expect((parseCsv(ranked.stdout) as string[][]).slice(1).map((c) => [c[1], c[2], Number(c[5]).toFixed(10)])).toEqual([["1", "AA", "0.7000000000"], ["2", "BB", "0.4000000000"]]);
  });

  it("--from a criteria file: copied with the schema line first, its own comments kept", () => {
    const cwd = folder({ "mine.yaml": "# our provincial set\nid: mine\ntitle: Mine\nversion: 1\nlevels:\n  - id: so\nindicators:\n  - { id: a, max: 10, rule: { type: boolean } }\n" });
    const r = run(["init", "a", "--from", "mine.yaml", "-q"], { cwd });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(readFileSync(path.join(cwd, "a/criteria.yaml"), "utf8")).toBe(`# yaml-language-server: $schema=criteria.schema.json\n${readFileSync(path.join(cwd, "mine.yaml"), "utf8")}`);
    expect(readFileSync(path.join(cwd, "a/data/so.csv"), "utf8")).toBe("code,name,a\n");
    expect(readFileSync(path.join(cwd, "a/egov-score.yaml"), "utf8")).toContain("--from mine.yaml");
  });

  it("an unknown set is named, with the shipped ones; nothing is created", () => {
    const cwd = folder({});
    const r = run(["init", "x", "--from", "vn-cqdt-2091", "--lang", "en"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error INIT_UNKNOWN_CRITERIA: "vn-cqdt-2091" is neither a shipped criteria set nor a file; did you mean "vn-cqdt-2019"?\n  hint: shipped sets: vn-cqdt-2019, un-egdi, vn-766-tinh, vn-cds-2025, vn-dti-tinh; or give the path of a criteria .yaml file\n');
    expect(existsSync(path.join(cwd, "x"))).toBe(false);
  });

  it("criteria with errors: reported where they are, nothing is created", () => {
    const cwd = folder({ "bad.yaml": "id: bad\ntitle: Bad\nversion: 1\nlevels:\n  - id: so\nindicators:\n  - { id: a, max: 10, rule: { type: ratio }, colour: red }\n" });
    const r = run(["init", "x", "--from", "bad.yaml", "--lang", "en"], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml:7:46: error CRITERIA_UNKNOWN_KEY: unknown key "colour"');
    expect(existsSync(path.join(cwd, "x"))).toBe(false);
  });
});

describe("template, read back", () => {
  it("a commune's form, filled with its figures from the wide sample file, scores the same", () => {
    const dir = folder({});
    const form = path.join(dir, "964-01.csv");
    const t = run(["template", "samples/ca-mau-2019", "--unit", "964-01", "-o", form]);
    expect([t.code, t.stdout, t.stderr]).toEqual([0, "", ""]);
    // the wide row of 964-01, by header
    const wide = parseCsv(readFileSync(path.join(ROOT, "samples/ca-mau-2019/data/xa.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    const row = wide.find((r) => r.code === "964-01")!;
    const rows = parseCsv(readFileSync(form, "utf8")) as string[][];
    expect(rows[0]).toEqual(["code", "name", "level", "parent", "indicator", "label", "hint", "max", "value", "numerator", "denominator", "evidence"]);
    expect(rows[1]?.slice(0, 4)).toEqual(["964-01", "Phường 1", "xa", "964"]);
    const filled = rows.map((r, i) => {
      if (i === 0) return r;
      const id = r[4] as string;
      return [...r.slice(0, 8), row[id] ?? "", row[`${id}.num`] ?? "", row[`${id}.den`] ?? "", "QĐ 12/QĐ-UBND"];
    });
    writeFileSync(form, filled.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n"));
    // the registry names the parent district, as it would in the real assessment
    const fromForm = run(["rank", "--criteria", "criteria/vn-cqdt-2019.yaml", "--units", "samples/ca-mau-2019/units.csv", "--data", form, "--level", "xa", "-f", "csv", "-q"]);
    const fromSample = run(["rank", "samples/ca-mau-2019", "--level", "xa", "-f", "csv"]);
    expect(fromForm.code).toBe(0);
    const line = (csv: string) => (parseCsv(csv) as string[][]).find((c) => c[2] === "964-01")?.slice(3);
    expect(line(fromForm.stdout)).toEqual(line(fromSample.stdout));
  });
});
