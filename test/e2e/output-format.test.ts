// The output is what it says it is: an -o name whose extension is a format the command cannot
// write, -f against the -o name, and CSV flags on another format are usage errors (exit 2) that
// write nothing; CSV flags alone ask for CSV.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run } from "../helpers/exec.ts";

const SAMPLE = path.join(ROOT, "samples/ca-mau-2019");
const out = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), "egov-score-out-")), name);

describe("an -o extension the command cannot write", () => {
  it.each([
    ["rank", [SAMPLE], "r.html", "html", "table, csv, json, md, junit, xlsx"],
    ["explain", ["S01", SAMPLE], "e.xlsx", "xlsx", "table, json"],
    ["report", [SAMPLE], "r.csv", "csv", "md, html, xlsx"],
    ["report", [SAMPLE], "r.JSON", "json", "md, html, xlsx"],
    ["explain", ["S01", SAMPLE], "e.csv", "csv", "table, json"],
    ["score", [SAMPLE], "s.md", "md", "table, csv, json, xlsx"],
    ["compare", [SAMPLE, path.join(ROOT, "samples/ca-mau-2020")], "c.sarif", "sarif", "table, csv, json, md, html, junit, xlsx"],
  ])("%s %s -o %s: exit 2, names the formats it can write, writes nothing", (command, args, name, format, allowed) => {
    const file = out(name);
    const r = run([command, ...args, "-o", file, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`error USAGE_OUTPUT_FORMAT: ${file} would be ${format}, which ${command} cannot write\n  hint: name the output for one of the formats ${command} writes: ${allowed}\n`);
    expect(existsSync(file)).toBe(false);
  });

  it("in Vietnamese too", () => {
    const file = out("e.xlsx");
    const r = run(["explain", "S01", SAMPLE, "-o", file, "--lang", "vi"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lỗi USAGE_OUTPUT_FORMAT: ${file} sẽ là tệp xlsx, định dạng mà explain không ghi được`);
  });

  it("a name that says no format (r.out, r.txt) takes the command's default", () => {
    for (const name of ["r.out", "r.txt"]) {
      const file = out(name);
      const r = run(["rank", SAMPLE, "--level", "so", "-o", file]);
      expect(r.code).toBe(0);
      expect(readFileSync(file, "utf8")).toMatch(/^[┌─]/m);
    }
  });
});

describe("-f and the -o name", () => {
  it("that disagree: exit 2, nothing written", () => {
    const file = out("r.json");
    const r = run(["rank", SAMPLE, "-f", "csv", "-o", file, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error USAGE_FORMAT_CONFLICT: -f csv and the output name ${file} (json) disagree`);
    expect(existsSync(file)).toBe(false);
  });

  it("that agree (in any case of the extension): written", () => {
    const file = out("r.CSV");
    const r = run(["rank", SAMPLE, "-f", "csv", "-o", file]);
    expect(r.code).toBe(0);
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe("level,rank,code,name,parent,score,max,percent,band,band_label,status,ha-tang,ung-dung,dich-vu-cong,nhan-luc,an-toan,muc-do-hai-long");
  });
});

describe("CSV flags", () => {
  it("--excel alone on stdout means CSV for Excel (BOM, ';', decimal comma), not the table", () => {
    const r = run(["rank", SAMPLE, "--level", "so", "--excel"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("\ufefflevel;rank;code;name;")).toBe(true);
    expect(r.stdout.split("\n")[1]).toMatch(/^so;1;S05;Sở Tài chính;;92,971;98;94,868/);
  });

  it.each([["--excel"], ["--bom"], ["--delimiter", ";"], ["--decimal", ","]])("%s with -f json: exit 2", (...flag) => {
    const args = ["rank", SAMPLE, "-f", "json", ...flag, "--lang", "en"];
    if (flag[0] === "--decimal") args.push("--delimiter", ";");
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error USAGE_CSV_FLAG: --(excel|bom|delimiter|decimal) is for CSV output; this output is json\n/);
  });
});
