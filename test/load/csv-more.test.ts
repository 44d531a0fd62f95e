// CSV cases test/load/csv.test.ts leaves out: other byte-order marks, declared encodings,
// pasted headers, and syntax errors other than an unclosed quote.
import { describe, expect, it } from "vitest";
import { decode, readCsv } from "../../src/load/csv.ts";

const read = (bytes: Uint8Array, o: Partial<Parameters<typeof readCsv>[2]> = {}) => readCsv(bytes, "f.csv", { encoding: "auto", delimiter: "auto", ...o });
const text = "code,name\nX1,Xã Hòa Tân\n";

describe("encodings", () => {
  it("UTF-16BE with its BOM, whatever the manifest declares", () => {
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le.map((_, i) => le[i ^ 1] as number));
    const t = read(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), { encoding: "windows-1258" }).table;
    expect(t?.rows[0]?.cells).toEqual(["X1", "Xã Hòa Tân"]);
  });

  it("UTF-16LE declared, without a BOM, is read as declared", () => {
    const r = read(Buffer.from(text, "utf16le"), { encoding: "utf-16le" });
    expect(r.diagnostics).toEqual([]);
    expect(r.table?.rows[0]?.cells[1]).toBe("Xã Hòa Tân");
  });

  it("UTF-8 declared as windows-1258 is read as UTF-8, with a warning", () => {
    const r = decode(Buffer.from(text), "windows-1258", "f.csv");
    expect(r.text).toBe(text);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.args.declared])).toEqual([["ENCODING_MISMATCH", "warning", "windows-1258"]]);
  });

  it("ASCII declared as windows-1258 is read without a warning", () => {
    expect(decode(Buffer.from("code\nX1\n"), "windows-1258", "f.csv")).toEqual({ text: "code\nX1\n", diagnostics: [] });
  });

  it.each([
    ["an xlsx workbook (a zip file)", [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], "xlsx"],
    ["an xls workbook", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], "xls"],
  ])("%s read as text (criteria, a manifest) is refused as a workbook", (_name, bytes, format) => {
    expect(read(new Uint8Array(bytes)).diagnostics).toEqual([{ code: "FILE_IS_WORKBOOK", severity: "error", args: { path: "f.csv", format }, file: "f.csv" }]);
  });

  it("a short file of few bytes is not taken for UTF-16", () => {
    expect(read(Buffer.from("a\n")).diagnostics.map((d) => d.code)).toEqual(["CSV_NO_ROWS"]);
  });
});

describe("rows", () => {
  it("the header pasted again (two exports in one file) is skipped with a warning pointing at the first", () => {
    const r = read(Buffer.from("code,a\nX1,1\n\ufeffcode,a\nX2,2\n"));
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.args.first])).toEqual([["CSV_REPEATED_HEADER", "warning", 3, 1]]);
    expect(r.table?.rows.map((x) => x.cells[0])).toEqual(["X1", "X2"]);
  });

  it("trailing separators from Excel are not ragged rows; a missing cell is", () => {
    const r = read(Buffer.from("code;a;b\nX1;1;2;;\nX2;1\n"));
    expect(r.diagnostics.map((d) => [d.code, d.line, d.args.expected, d.args.actual])).toEqual([["CSV_RAGGED", 3, 3, 2]]);
    expect(r.table?.rows.map((x) => x.cells)).toEqual([["X1", "1", "2"]]);
    expect(r.table?.delimiter).toBe(";");
  });

  it("a delimiter given by the manifest wins over detection", () => {
    const r = read(Buffer.from("code;a,b\nX1;1,2\n"), { delimiter: "," });
    expect(r.table?.header).toEqual(["code;a", "b"]);
  });

  it("a quote closed in the middle of a field is a syntax error at its line", () => {
    const r = read(Buffer.from('code,a\nX1,1\nX2,"2"x\n'));
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([["CSV_SYNTAX", 3]]);
    expect(String(r.diagnostics[0]?.args.detail)).not.toMatch(/ at line \d+$/);
  });

  it("an unclosed quote after a quoted field that closes: the field of the open one", () => {
    const r = read(Buffer.from('code,a,b\nX1,"1",2\nX2,"a ""b""",3\nX3,4,"5\n'));
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["CSV_SYNTAX", 4, 3]]);
  });
});
