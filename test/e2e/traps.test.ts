// The mistakes of people who fill in Excel files, made on a copy of the sample: each one is read
// as the user meant it, or validate --strict says where, and rank never exits 0 with a wrong
// result in silence.
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { windows1258 } from "../helpers/encodings.ts";
import { ROOT, run } from "../helpers/exec.ts";

/** A copy of samples/ca-mau-2019, with `edit` applied to it. */
function sample(edit: (dir: string) => void): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "egov-score-trap-")), "ca-mau");
  cpSync(path.join(ROOT, "samples/ca-mau-2019"), dir, { recursive: true });
  const manifest = path.join(dir, "egov-score.yaml");
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace("../../criteria/", `${path.join(ROOT, "criteria")}/`));
  edit(dir);
  return dir;
}

/** Writes `value` into the cell of `header` on data line `line` (2: the first row) of a CSV of the copy. */
function editCell(dir: string, file: string, line: number, header: string, value: string): void {
  const f = path.join(dir, file);
  const lines = readFileSync(f, "utf8").split("\n");
  const at = (lines[0] as string).split(",").indexOf(header);
  const row = (lines[line - 1] as string).split(",");
  row[at] = value;
  lines[line - 1] = row.join(",");
  writeFileSync(f, lines.join("\n"));
}

const original = run(["rank", path.join(ROOT, "samples/ca-mau-2019"), "-f", "csv"]).stdout;
const originalEn = run(["rank", path.join(ROOT, "samples/ca-mau-2019"), "-f", "csv", "--lang", "en"]).stdout;

describe("every file accounted for", () => {
  it("data/huyen.csv saved as data/Huyen.CSV (Windows) is read: the same ranking", () => {
    const dir = sample((d) => renameSync(path.join(d, "data/huyen.csv"), path.join(d, "data/Huyen.CSV")));
    const r = run(["rank", dir, "-f", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(original);
    expect(run(["validate", dir, "--strict"]).code).toBe(0);
  });

  it("huyen.xlsx in the data folder is read as a workbook (a broken one here: WORKBOOK_UNREADABLE); a note beside it is a warning naming it", () => {
    const dir = sample((d) => {
      renameSync(path.join(d, "data/huyen.csv"), path.join(d, "data/huyen.xlsx"));
      writeFileSync(path.join(d, "data/huyen.xlsx"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
      writeFileSync(path.join(d, "data/ghi-chu.txt"), "nộp trước 15/11\n");
    });
    const v = run(["validate", dir, "--strict", "--lang", "en", "-f", "json"]);
    expect(v.code).toBe(2);
    const diags = JSON.parse(v.stdout).diagnostics as { code: string; file?: string; line?: number }[];
    expect(diags.map((d) => [d.code, d.file, d.line ?? null])).toEqual([
      ["DATA_FILE_NOT_READ", expect.stringMatching(/egov-score\.yaml$/), 5],
      ["WORKBOOK_UNREADABLE", expect.stringMatching(/data\/huyen\.xlsx$/), null],
    ]);
    const r = run(["rank", dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });
});

describe("values that look like another scale", () => {
  it("points above the indicator's maximum (2.5 of 2) are an error at the cell, never clamped in silence", () => {
    const dir = sample((d) => editCell(d, "data/so.csv", 2, "sang-kien", "2.5"));
    const v = run(["validate", dir, "--lang", "en"]);
    expect(v.code).toBe(2);
    expect(v.stdout).toMatch(/data\/so\.csv:2:\d+: error VALUE_ABOVE_MAX: 2\.5 for "sang-kien" of unit "S01" is above the indicator's maximum of 2 points/);
    const col = Number(/so\.csv:2:(\d+)/.exec(v.stdout)?.[1]);
    expect((readFileSync(path.join(dir, "data/so.csv"), "utf8").split("\n")[0] as string).split(",")[col - 1]).toBe("sang-kien");
    const r = run(["rank", dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("VALUE_ABOVE_MAX");
  });
});

describe("percentages typed as fractions", () => {
  it("0.85 for 85% among percentages: a warning at the cell, an error under --strict", () => {
    const dir = sample((d) => editCell(d, "data/so.csv", 2, "ky-so", "0.85"));
    const v = run(["validate", dir, "--lang", "en"]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/data\/so\.csv:2:\d+: warning VALUE_LOOKS_LIKE_FRACTION: 0\.85 for "ky-so" of unit "S01" looks like a fraction among percentages\n {2}hint: a percentage is written from 0 to 100: 85, not 0\.85/);
    const strict = run(["validate", dir, "--strict", "--lang", "en"]);
    expect(strict.code).toBe(2);
    const r = run(["rank", dir, "--strict"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });

  it("the clean samples raise no such warning (0.2% of dossiers online is a real figure)", () => {
    for (const s of ["ca-mau-2019", "ca-mau-2020", "ca-mau-2019-self"]) {
      const v = run(["validate", path.join(ROOT, "samples", s), "--strict"]);
      expect(v.code, v.stdout).toBe(0);
    }
  });
});


describe("encodings, file by file", () => {
  it("an agency's file in windows-1258 among UTF-8 ones: read as such, with a note naming it; the same ranking", () => {
    const dir = sample((d) => {
      const f = path.join(d, "data/xa.csv");
      const bytes = windows1258(readFileSync(f, "utf8"));
      expect(bytes.some((b) => b >= 0x80)).toBe(true);
      writeFileSync(f, bytes);
    });
    for (const env of [{}, { EGOV_SCORE_LARGE: "always", EGOV_SCORE_RANGE_BYTES: "4000" }] as Record<string, string>[]) {
      const r = run(["rank", dir, "-f", "csv", "--lang", "en"], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(originalEn);
      expect(r.stderr).toMatch(/data\/xa\.csv: note ENCODING_WINDOWS_1258: .*data\/xa\.csv is not UTF-8: read as windows-1258/);
    }
    const v = run(["validate", dir, "--strict", "--lang", "en"]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/0 errors, 0 warnings, 1 note/);
  });

  it("declared utf-8, the same file: read all the same, with a warning (an error under --strict)", () => {
    const dir = sample((d) => {
      writeFileSync(path.join(d, "data/xa.csv"), windows1258(readFileSync(path.join(d, "data/xa.csv"), "utf8")));
      const m = path.join(d, "egov-score.yaml");
      writeFileSync(m, `${readFileSync(m, "utf8")}input:\n  encoding: utf-8\n`);
    });
    const r = run(["rank", dir, "-f", "csv", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(originalEn);
    expect(r.stderr).toContain("warning ENCODING_WINDOWS_1258");
    expect(run(["validate", dir, "--strict"]).code).toBe(2);
  });
});

describe("the manifest's columns", () => {
  it("columns.period naming a column no file has is one clear error at the manifest entry, not a flood of duplicates", () => {
    const dir = sample((d) => {
      const m = path.join(d, "egov-score.yaml");
      writeFileSync(m, `${readFileSync(m, "utf8")}columns:\n  period: Year\n`);
    });
    for (const env of [{}, { EGOV_SCORE_LARGE: "always" }] as Record<string, string>[]) {
      const v = run(["validate", dir, "--lang", "en", "-f", "json"], { env });
      expect(v.code).toBe(2);
      const diags = JSON.parse(v.stdout).diagnostics as { code: string; file: string; line: number; column: number; message: string }[];
      expect(diags.map((d) => d.code)).toEqual(["DATA_COLUMN_NOT_FOUND"]);
      expect(diags[0]).toMatchObject({ file: expect.stringMatching(/egov-score\.yaml$/), line: 8, column: 11 });
      expect(diags[0]?.message).toMatch(/^columns\.period names the column "Year", which no file has \(.*data\/xa\.csv: code, may-tinh/);
    }
  });
});
