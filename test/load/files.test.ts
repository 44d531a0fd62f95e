// Reading inputs and expanding data entries, on real temporary folders.
import { chmodSync, realpathSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { displayPath, expandData, readInput } from "../../src/load/files.ts";
import { DEFAULT_LIMITS } from "../../src/load/limits.ts";
import { folder } from "../helpers/exec.ts";

const tmp = (files: Record<string, string | Uint8Array>): string => realpathSync(folder(files));

const startedIn = process.cwd();
afterEach(() => process.chdir(startedIn));

describe("displayPath", () => {
  it("is relative (with /) inside the working folder, absolute outside it and for the folder itself", () => {
    const dir = tmp({ "a/b.csv": "" });
    process.chdir(dir);
    expect(displayPath(path.join(dir, "a", "b.csv"))).toBe("a/b.csv");
    expect(displayPath(path.join(dir, "x.yaml"))).toBe("x.yaml");
    process.chdir(path.join(dir, "a"));
    expect(displayPath(path.join(dir, "x.yaml"))).toBe(path.join(dir, "x.yaml"));
    expect(displayPath(path.join(dir, "a"))).toBe(path.join(dir, "a"));
  });
});

describe("readInput", () => {
  const dir = tmp({ "ten.csv": "0123456789", "sub/.keep": "" });
  symlinkSync("loop-b", path.join(dir, "loop-a"));
  symlinkSync("loop-a", path.join(dir, "loop-b"));

  it("reads a file's bytes", () => {
    const r = readInput(path.join(dir, "ten.csv"));
    expect(r.diagnostics).toEqual([]);
    expect(r.bytes?.toString()).toBe("0123456789");
  });

  it("accepts a file of exactly the limit, refuses one byte more, naming the size and the limit", () => {
    expect(readInput(path.join(dir, "ten.csv"), 10).bytes?.length).toBe(10);
    const r = readInput(path.join(dir, "ten.csv"), 9);
    expect(r.bytes).toBeUndefined();
    expect(r.diagnostics).toEqual([{ code: "FILE_TOO_LARGE", severity: "error", args: { size: 10, limit: 9 }, file: path.join(dir, "ten.csv") }]);
  });

  it("the default limit is 1 GiB", () => expect(DEFAULT_LIMITS.maxFileSize).toBe(1024 ** 3));

  it.each([
    ["a file that does not exist", "missing.csv", "FILE_NOT_FOUND", {}],
    ["a path through a file, as if it were a folder", "ten.csv/x.csv", "FILE_NOT_FOUND", {}],
    ["a folder", "sub", "FILE_IS_DIRECTORY", {}],
    ["a loop of symbolic links", "loop-a", "FILE_UNREADABLE", { detail: "ELOOP" }],
  ])("%s: %s", (_name, rel, code, args) => {
    const abs = path.join(dir, rel);
    const r = readInput(abs);
    expect(r.bytes).toBeUndefined();
    expect(r.diagnostics).toEqual([{ code, severity: "error", args: { path: abs, ...args }, file: abs }]);
  });

  it("a file without read permission: FILE_UNREADABLE with EACCES (where permissions bind: not as root)", () => {
    if (process.getuid?.() === 0) return; // root reads everything; test/e2e/hardening.test.ts covers it without the capability
    const d = tmp({ "secret.csv": "x" });
    chmodSync(path.join(d, "secret.csv"), 0);
    expect(readInput(path.join(d, "secret.csv")).diagnostics.map((x) => [x.code, x.args.detail])).toEqual([["FILE_UNREADABLE", "EACCES"]]);
  });
});

describe("expandData", () => {
  const dir = tmp({
    "data/b.csv": "",
    "data/a.csv": "",
    "data/10.csv": "",
    "data/notes.txt": "",
    "data/deeper/c.csv": "",
    "empty/notes.txt": "",
    "one.csv": "",
  });
  const at = (line: number) => ({ file: "egov-score.yaml", line, column: 5 });
  const rel = (files: string[]) => files.map((f) => path.relative(dir, f));

  it.each([
    ["a file, relative to the base folder", ["one.csv"], ["one.csv"]],
    ["a file that does not exist is kept, for readInput to report", ["missing.csv"], ["missing.csv"]],
    ["a folder: its own .csv files, sorted, without subfolders or other files", ["data"], ["data/10.csv", "data/a.csv", "data/b.csv"]],
    ["a glob, sorted", ["data/*.csv"], ["data/10.csv", "data/a.csv", "data/b.csv"]],
    ["a recursive glob", ["**/c.csv"], ["data/deeper/c.csv"]],
    ["a glob with braces", ["data/{b,a}.csv"], ["data/a.csv", "data/b.csv"]],
    ["entries in the order given, each sorted, without repeats", ["one.csv", "data/b.csv", "data", "one.csv"], ["one.csv", "data/b.csv", "data/10.csv", "data/a.csv"]],
    ["an absolute path", [path.join(dir, "one.csv")], ["one.csv"]],
  ])("%s", (_name, patterns, expected) => {
    const r = expandData(patterns, dir);
    // (data/notes.txt is named where a folder or *.csv takes in data/: see the next describe)
    expect(r.diagnostics.filter((d) => d.code !== "DATA_FILE_NOT_READ")).toEqual([]);
    expect(rel(r.files)).toEqual(expected);
    expect(r.files.every((f) => path.isAbsolute(f))).toBe(true);
  });

  it("a glob that matches nothing: GLOB_NO_MATCH where the entry is written", () => {
    const r = expandData(["one.csv", "data/*.xlsx"], dir, [at(3), at(4)]);
    expect(rel(r.files)).toEqual(["one.csv"]);
    expect(r.diagnostics).toEqual([{ code: "GLOB_NO_MATCH", severity: "error", args: { pattern: "data/*.xlsx" }, file: "egov-score.yaml", line: 4, column: 5 }]);
  });

  it("a glob that matches only folders matches nothing", () => {
    expect(expandData(["dat*"], dir).diagnostics.map((d) => [d.code, d.args.pattern])).toEqual([["GLOB_NO_MATCH", "dat*"]]);
  });

  it("a folder without .csv files: GLOB_NO_MATCH for folder/*.csv, without a position when given by a flag", () => {
    const r = expandData(["empty"], dir);
    expect(r.files).toEqual([]);
    expect(r.diagnostics).toEqual([
      { code: "GLOB_NO_MATCH", severity: "error", args: { pattern: "empty/*.csv" } },
      { code: "DATA_FILE_NOT_READ", severity: "warning", args: { path: path.join(dir, "empty/notes.txt") } },
    ]);
  });

  it("a folder without .csv files, written in the manifest: the position of its entry", () => {
    expect(expandData(["one.csv", "empty"], dir, [at(2), at(3)]).diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["GLOB_NO_MATCH", 3],
      ["DATA_FILE_NOT_READ", 3],
    ]);
  });
});

describe("every file of the data accounted for", () => {
  const files = { "data/so.csv": "x", "data/Huyen.CSV": "x", "data/xa.xlsx": "PK", "data/ghi-chu.docx": "d", "data/.DS_Store": "", "data/~$xa.xlsx": "", "units.csv": "u" };

  it("a folder: CSV files in any case, workbooks (to be refused by name), a warning for anything else", () => {
    const dir = tmp(files);
    const r = expandData(["data"], dir, [{ file: "egov-score.yaml", line: 4, column: 5 }]);
    expect(r.files.map((f) => path.relative(dir, f)).sort()).toEqual(["data/Huyen.CSV", "data/so.csv", "data/xa.xlsx"]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: "DATA_FILE_NOT_READ", severity: "warning", args: { path: expect.stringMatching(/data\/ghi-chu\.docx$/) }, file: "egov-score.yaml", line: 4, column: 5 })]);
  });

  it("a glob *.csv matches in any case, and accounts for the files beside it", () => {
    const dir = tmp(files);
    const r = expandData(["data/*.csv"], dir);
    expect(r.files.map((f) => path.relative(dir, f)).sort()).toEqual(["data/Huyen.CSV", "data/so.csv", "data/xa.xlsx"]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["DATA_FILE_NOT_READ"]);
  });

  it("a glob of some CSV files only (so-*.csv) says nothing of the others", () => {
    const dir = tmp({ "data/so-1.csv": "x", "data/xa.csv": "x", "data/xa.xlsx": "PK" });
    const r = expandData(["data/so-*.csv"], dir);
    expect(r.files.map((f) => path.relative(dir, f))).toEqual(["data/so-1.csv"]);
    expect(r.diagnostics).toEqual([]);
  });

  it("a folder with only a workbook is no empty match: the workbook is read and refused", () => {
    const dir = tmp({ "data/huyen.xlsx": "PK" });
    const r = expandData(["data"], dir);
    expect(r.files.map((f) => path.relative(dir, f))).toEqual(["data/huyen.xlsx"]);
    expect(r.diagnostics).toEqual([]);
  });
});
