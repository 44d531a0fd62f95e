// The built binary on the shipped samples, as a user runs it: stdout, stderr and exit codes.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { folder, ROOT, run } from "../helpers/exec.ts";

const CA_MAU = "samples/ca-mau-2019";
const NO_STACK = /^\s+at |node:internal/m;
const rows = (csv: string): string[][] => parse(csv) as string[][];

describe("rank on the Cà Mau sample", () => {
  it("prints one ranked table per level: so, huyen, xa", () => {
    const r = run(["rank", CA_MAU]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    for (const l of ["(so)", "(huyen)", "(xa)"]) expect(r.stdout).toContain(l);
    expect(r.stdout).toContain("Sở, ban, ngành (so) · 20 đơn vị, 20 xếp hạng");
    expect(r.stdout).toContain("UBND cấp xã (xa) · 101 đơn vị, 100 xếp hạng");
    expect(r.stdout).toContain("không xếp hạng");
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it("--format csv starts with the columns of the contract, one row per unit", () => {
    const r = run(["rank", CA_MAU, "--format", "csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("level,rank,code,name,parent,score,max,percent,band,band_label,status,ha-tang,ung-dung,dich-vu-cong,nhan-luc,an-toan,muc-do-hai-long");
    // the band's id, then its label in the run's language
    expect(lines[1]).toMatch(/,xuat-sac,Xuất sắc,ranked,/);
    expect(run(["rank", CA_MAU, "--format", "csv", "--lang", "en"]).stdout.split("\n")[1]).toMatch(/,xuat-sac,Excellent,ranked,/);
    expect(lines).toHaveLength(1 + 20 + 9 + 101);
    expect(lines.filter((l) => l.endsWith(",not-ranked,,,,,,")).map((l) => l.split(",")[2])).toEqual(["970-09"]);
    // a commune's maximum is 97: no security-level approval; less where a cell is not applicable
    const xa = rows(r.stdout).filter((c) => c[0] === "xa");
    expect(xa.filter((c) => c[6] === "97").length).toBeGreaterThan(90);
    expect(xa.every((c) => Number(c[6]) <= 97)).toBe(true);
  });

  it("csv numbers are plain and not rounded for display", () => {
    const r = run(["rank", CA_MAU, "-f", "csv", "--level", "so"]);
    const row = r.stdout.split("\n")[1]!.split(",");
    const [score, max, percent] = [Number(row[5]), Number(row[6]), Number(row[7])];
    expect(percent).toBeCloseTo((score / max) * 100, 9);
    expect(row[5]).not.toMatch(/^\d+\.\d{2}$|,/);
  });

  it("json carries schemaVersion 1 and the same facts as csv", () => {
    const j = JSON.parse(run(["rank", CA_MAU, "-f", "json"]).stdout);
    expect(j.schemaVersion).toBe(1);
    expect(j.criteria.id).toBe("vn-cqdt-2019");
    expect(j.levels.map((l: { id: string }) => l.id)).toEqual(["so", "huyen", "xa"]);
    const csv = rows(run(["rank", CA_MAU, "-f", "csv"]).stdout).slice(1);
    const fromJson = j.levels.flatMap((l: { units: Record<string, unknown>[] }) => l.units.map((u) => [u.level, u.rank ?? "", u.code, u.score ?? ""].join(",")));
    expect(fromJson).toEqual(csv.map((c) => [c[0], c[1], c[2], c[5]].join(",")));
    expect(Object.keys(j.levels[0].units[0])).toEqual(["level", "rank", "code", "name", "parent", "score", "max", "percent", "band", "bandLabel", "status", "peerGroup", "bonus", "penalty", "groups"]);
    expect(j.levels[0].units[0]).toMatchObject({ band: "xuat-sac", bandLabel: "Xuất sắc" });
  });

  it("--level and --top narrow the output", () => {
    const r = run(["rank", CA_MAU, "-f", "csv", "--level", "huyen", "--top", "3"]);
    const rows = r.stdout.trimEnd().split("\n").slice(1);
    expect(rows.map((l) => l.split(",")[1])).toEqual(["1", "2", "3"]);
    expect(rows.every((l) => l.startsWith("huyen,"))).toBe(true);
  });

  it("--lang en switches the labels", () => {
    const r = run(["rank", CA_MAU, "--lang", "en", "--level", "huyen"]);
    expect(r.stdout).toContain("Rank");
    expect(r.stdout).toContain("9 units, 9 ranked");
  });

  it("-o writes the file atomically and prints nothing", () => {
    const dir = folder({});
    const out = path.join(dir, "rank.csv");
    writeFileSync(out, "old");
    const r = run(["rank", CA_MAU, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(out, "utf8").startsWith("level,rank,code")).toBe(true);
  });

  it("a failed run leaves an existing output file untouched", () => {
    const dir = folder({});
    const out = path.join(dir, "rank.csv");
    writeFileSync(out, "old");
    const r = run(["rank", path.join(dir, "nowhere"), "-o", out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("old");
  });

  it("refuses to write over an input file", () => {
    const dir = folder({});
    const units = path.join(dir, "units.csv");
    writeFileSync(units, readFileSync(path.join(ROOT, CA_MAU, "units.csv")));
    const r = run(["rank", CA_MAU, "--units", units, "-o", units, "-f", "csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("USAGE_OUTPUT_IS_INPUT");
    expect(readFileSync(units, "utf8")).toBe(readFileSync(path.join(ROOT, CA_MAU, "units.csv"), "utf8"));
  });

  it("the output is the same from any working folder, locale and time zone", () => {
    const a = run(["rank", CA_MAU, "-f", "csv"]).stdout;
    const b = run(["rank", path.join(ROOT, CA_MAU), "-f", "csv"], { cwd: "/", env: { LANG: "vi_VN.UTF-8", TZ: "Asia/Ho_Chi_Minh", LC_ALL: "vi_VN.UTF-8" } }).stdout;
    expect(b).toBe(a);
  });

  it("the flags alone, without a manifest, are enough", () => {
    const r = run(["rank", "--criteria", "criteria/vn-cqdt-2019.yaml", "--data", `${CA_MAU}/data/*.csv`, "--units", `${CA_MAU}/units.csv`, "-f", "csv"], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(run(["rank", CA_MAU, "-f", "csv"]).stdout.replace(/^/, ""));
  });
});

describe("score, validate, criteria, schema", () => {
  it("score lists every applicable indicator of every unit", () => {
    const r = run(["score", CA_MAU, "-f", "csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("level,code,name,indicator,value,numerator,denominator,rate,points,max,status");
    const s05 = lines.filter((l) => l.startsWith("so,S05,"));
    // 23 indicators apply to departments (not cat-giam-thoi-gian), plus 2 bonus and 2 penalty
    expect(s05.length).toBe(23 + 4);
    expect(lines.some((l) => l.includes(",not-applicable"))).toBe(true);
    expect(lines.filter((l) => l.startsWith("xa,970-09,")).every((l) => l.endsWith(",not-submitted"))).toBe(true);
  });

  it("validate passes on both samples", () => {
    for (const s of [CA_MAU, "samples/un-egdi"]) {
      const r = run(["validate", s]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/0 (errors|lỗi), 0 (warnings|cảnh báo)/);
    }
  });

  it("criteria prints the tree with maxima and rules", () => {
    const r = run(["criteria", "criteria/vn-cqdt-2019.yaml", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("levels: so");
    expect(r.stdout).toMatch(/tre-han .*steps ≤1→4 ≤3→3 ≤5→2 ≤10→1/);
    expect(r.stdout).toMatch(/cap-do-attt .*3 \[so, huyen\]/);
  });

  it("criteria of an assessment folder, in json", () => {
    const j = JSON.parse(run(["criteria", CA_MAU, "-f", "json"]).stdout);
    expect(j.max).toEqual({ so: 98, huyen: 100, xa: 97 });
  });

  it("every shipped criteria set loads", () => {
    for (const f of ["vn-cqdt-2019", "vn-cds-2025", "un-egdi"]) {
      const r = run(["criteria", `criteria/${f}.yaml`, "-f", "json"]);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).id).toBe(f);
    }
    const cds = JSON.parse(run(["criteria", "criteria/vn-cds-2025.yaml", "-f", "json"]).stdout);
    expect(cds.levels.map((l: { id: string }) => l.id)).toEqual(["so", "xa"]);
  });

  it("schema prints the JSON Schema that docs/criteria.schema.json holds", () => {
    const r = run(["schema"]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toContain("json-schema.org");
    expect(schema.properties.levels).toBeDefined();
    expect(readFileSync(path.join(ROOT, "docs/criteria.schema.json"), "utf8")).toBe(r.stdout);
  });
});

describe("usage and exit codes", () => {
  it("--version and --help exit 0", () => {
    expect(run(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = run(["rank", "--help"]);
    expect(h.code).toBe(0);
    for (const f of ["--format", "--output", "--level", "--lang", "--top", "--no-color", "--quiet", "--verbose", "--criteria", "--data", "--units", "--period"]) expect(h.stdout).toContain(f);
  });

  it.each([
    [["rank", "--nope"], /unknown option/],
    [["nope"], /unknown command/],
    [["rank", "-f", "pdf"], /Allowed choices/],
  ])("bad usage %j exits 2", (args, msg) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });

  it("an unknown level exits 2 and lists the levels", () => {
    const r = run(["rank", CA_MAU, "--level", "tinh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("USAGE_LEVEL");
    expect(r.stderr).toContain("so, huyen, xa");
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it("a folder without a manifest says what to do", () => {
    const r = run(["rank", folder({ "x.txt": "" })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("MANIFEST_NOT_FOUND");
    expect(r.stderr).toContain("--criteria");
  });

  it.each([
    [["rank", "samples/ca-mau-2019/data/so.csv"]],
    [["validate", "samples/ca-mau-2019/data/so.csv"]],
    [["explain", "S02", "samples/ca-mau-2019/units.csv"]],
    [["compare", "samples/ca-mau-2019", "samples/ca-mau-2020/data/so.csv"]],
  ])("a data file where a folder is expected is named as such, with the assessment it belongs to: %j", (args) => {
    const r = run([...args, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const file = args.at(-1)!;
    const folder = file.replace(/\/(data\/so|units)\.csv$/, "");
    expect(r.stderr).toBe(
      `error MANIFEST_DIR_IS_FILE: ${file} is a file, not an assessment folder (it belongs to the assessment in ${folder})\n` +
        `  hint: give the folder that holds egov-score.yaml: ${folder}; to score this file alone, give --data FILE with --criteria FILE\n` +
        "1 error, 0 warnings\n",
    );
  });

  it("a file outside any assessment is named as a file; a manifest or a criteria file is still accepted", () => {
    const dir = folder({ "so.csv": "code,name\n" });
    const r = run(["rank", path.join(dir, "so.csv"), "--lang", "vi"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`lỗi MANIFEST_DIR_IS_FILE: ${path.join(dir, "so.csv")} là một tệp, không phải thư mục đánh giá`);
    expect(run(["rank", "samples/ca-mau-2019/egov-score.yaml", "--level", "huyen"]).code).toBe(0);
    expect(run(["criteria", "criteria/un-egdi.yaml"]).code).toBe(0);
  });

  it("a missing value under `missing: error` exits 2 from rank and validate", () => {
    const dir = folder({
      "c.yaml": "id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nmissing: error\nindicators:\n  - { id: a, max: 1, rule: { type: points } }\n  - { id: b, max: 1, rule: { type: points } }\n",
      "egov-score.yaml": "criteria: c.yaml\ndata: d.csv\n",
      "d.csv": "code,a,b\nA,1,\n",
    });
    for (const cmd of ["rank", "validate"]) {
      const r = run([cmd, dir]);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).toMatch(/d\.csv:2:3: (error|lỗi) MISSING_VALUE/);
    }
  });

  it("colour only when asked for on a terminal; NO_COLOR wins over FORCE_COLOR in stdout tables", () => {
    expect(run(["rank", CA_MAU, "--level", "huyen"], { env: { FORCE_COLOR: "1", NO_COLOR: "" } }).stdout).toMatch(/\u001b\[/);
    expect(run(["rank", CA_MAU, "--level", "huyen", "--no-color"], { env: { FORCE_COLOR: "1", NO_COLOR: "" } }).stdout).not.toMatch(/\u001b\[/);
    expect(run(["rank", CA_MAU, "--level", "huyen"], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toMatch(/\u001b\[/);
  });

  it("stops quietly on a closed pipe", () => {
    const r = spawnSync("bash", ["-c", `set -o pipefail; node ${path.join(ROOT, "bin/egov-score.js")} score ${CA_MAU} | head -1`], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("no dist bundle is needed beyond what npm ci builds", () => {
    expect(existsSync(path.join(ROOT, "dist/cli.js"))).toBe(true);
  });
});

describe("inputs that are not what they seem", () => {
  const base = (extra: Record<string, string | Uint8Array>) =>
    folder({
      "c.yaml": "id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nindicators:\n  - { id: a, max: 10, rule: { type: points } }\n",
      "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n",
      ...extra,
    });

  it("a zip file given as data, whatever its name, is read as a workbook and refused as none", () => {
    const dir = base({ "d.csv": Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) });
    const j = JSON.parse(run(["validate", dir, "-f", "json"]).stdout);
    expect(j.diagnostics.map((d: { code: string }) => d.code)).toEqual(["WORKBOOK_UNREADABLE"]);
    expect(j.diagnostics[0].hint).toContain(".xlsx");
  });

  it("a criteria file given where a manifest is expected", () => {
    const dir = base({ "d.csv": "code,a\nA,1\n" });
    const r = run(["rank", path.join(dir, "c.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("MANIFEST_IS_CRITERIA");
    expect(r.stderr).toContain("--criteria");
  });

  it("a UTF-8 file under input.encoding windows-1258 is read as UTF-8, with a warning", () => {
    const dir = base({ "d.csv": "code,name,a\nA,Xã Hòa Tân,1\n", "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\ninput: { encoding: windows-1258 }\n" });
    const r = run(["rank", dir, "-f", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Xã Hòa Tân");
    expect(r.stderr).toContain("ENCODING_MISMATCH");
  });

  it("a duplicated header column is reported once, not on every row", () => {
    const dir = base({ "d.csv": "code,a,a\nA,1,x\nB,2,y\n" });
    const j = JSON.parse(run(["validate", dir, "-f", "json"]).stdout);
    expect(j.diagnostics.map((d: { code: string }) => d.code)).toEqual(["CSV_DUPLICATE_HEADER"]);
  });

  it("a wrong type names what is expected", () => {
    const dir = base({ "d.csv": "code,a\nA,1\n", "c.yaml": "id: t\ntitle: T\nversion: 1\nlevels: []\nindicators:\n  - { id: a, max: ten, rule: { type: points } }\n" });
    const out = run(["validate", dir, "--lang", "en"]).stdout;
    expect(out).toContain("levels is an empty list; it must have at least 1 item");
    expect(out).toContain("indicators[0].max should be a number or a mapping, not string \"ten\"");
  });
});

describe("CSV for spreadsheets", () => {
  it("--excel writes a BOM, semicolons and decimal commas, and still reads back the same numbers", () => {
    const plain = rows(run(["rank", CA_MAU, "-f", "csv", "--level", "huyen"]).stdout);
    const r = run(["rank", CA_MAU, "-f", "csv", "--level", "huyen", "--excel"]);
    expect(r.stdout.startsWith("\ufefflevel;rank;code;")).toBe(true);
    const excel = parse(r.stdout.slice(1), { delimiter: ";" }) as string[][];
    expect(excel.map((c) => c.map((x) => (/^-?\d+,\d+$/.test(x) ? x.replace(",", ".") : x)))).toEqual(plain);
  });
  it("--decimal , alone with the comma delimiter is refused", () => {
    const r = run(["rank", CA_MAU, "-f", "csv", "--decimal", ","]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--delimiter");
  });
  it("--bom and --delimiter tab", () => {
    const r = run(["score", CA_MAU, "-f", "csv", "--bom", "--delimiter", "tab", "--level", "so"]);
    expect(r.stdout.startsWith("\ufefflevel\tcode\tname\t")).toBe(true);
  });
  it("text that a spreadsheet would run as a formula is neutralised; numbers are not", () => {
    const dir = folder({
      "c.yaml": "id: t\ntitle: T\nversion: 1\nlevels: [{ id: u }]\nindicators:\n  - { id: a, max: 10, rule: { type: points } }\n",
      "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n",
      "d.csv": 'code,name,a\nA,"=HYPERLINK(""http://x"",""y"")",1\nB,+1 phường,2\nC,@sum,3\nD,-5,4\n',
    });
    const out = rows(run(["rank", dir, "-f", "csv"]).stdout);
    expect(out.slice(1).map((c) => c[3])).toEqual(["'-5", "'@sum", "'+1 phường", "'=HYPERLINK(\"http://x\",\"y\")"]);
    expect(out[1]?.[5]).toBe("4");
  });
});
