// The mistakes of people who fill in Excel files, made on a copy of the sample: each one is read
// as the user meant it, or validate --strict says where, and rank never exits 0 with a wrong
// result in silence.
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
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

const original = run(["rank", path.join(ROOT, "samples/ca-mau-2019"), "-f", "csv"]).stdout;

describe("every file accounted for", () => {
  it("data/huyen.csv saved as data/Huyen.CSV (Windows) is read: the same ranking", () => {
    const dir = sample((d) => renameSync(path.join(d, "data/huyen.csv"), path.join(d, "data/Huyen.CSV")));
    const r = run(["rank", dir, "-f", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(original);
    expect(run(["validate", dir, "--strict"]).code).toBe(0);
  });

  it("huyen.xlsx in the data folder is refused by name (FILE_IS_WORKBOOK); a note beside it is a warning naming it", () => {
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
      ["FILE_IS_WORKBOOK", expect.stringMatching(/data\/huyen\.xlsx$/), null],
    ]);
    const r = run(["rank", dir]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
  });
});
