import { describe, expect, it } from "vitest";
import { decode, readCsv } from "../../src/load/csv.ts";

const read = (bytes: Uint8Array, encoding: "auto" | "windows-1258" | "utf-16le" = "auto") => readCsv(bytes, "f.csv", { encoding, delimiter: "auto" });

describe("encodings", () => {
  const text = "code,name\nX1,Xã Hòa Tân\n";
  it("UTF-8 with a BOM", () => {
    const t = read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).table!;
    expect(t.header).toEqual(["code", "name"]);
    expect(t.rows[0]?.cells[1]).toBe("Xã Hòa Tân");
  });
  it("UTF-16LE with a BOM", () => {
    const t = read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])).table!;
    expect(t.rows[0]?.cells[1]).toBe("Xã Hòa Tân");
  });
  it("UTF-16LE without a BOM is recognised and refused with a hint", () => {
    expect(read(Buffer.from(text, "utf16le")).diagnostics.map((d) => d.code)).toEqual(["ENCODING_UTF16_NO_BOM"]);
  });
  it("invalid UTF-8 names the line of the first bad byte", () => {
    const bytes = Buffer.concat([Buffer.from("code,name\nX1,ok\nX2,"), Buffer.from([0xd2, 0x61]), Buffer.from("\n")]);
    expect(read(bytes).diagnostics).toMatchObject([{ code: "ENCODING_INVALID_UTF8", line: 3 }]);
  });
  it("windows-1258 with combining tone marks decodes to NFC", () => {
    // "Hòa" in windows-1258: H, o, combining grave (0xCC), a
    const bytes = Buffer.from([...Buffer.from("code,name\nX1,H"), 0x6f, 0xcc, 0x61, 0x0a]);
    const t = read(bytes, "windows-1258").table!;
    expect(t.rows[0]?.cells[1]).toBe("Hòa".normalize("NFC"));
    expect(decode(bytes, "windows-1258", "f").text).toContain("Hòa");
  });
});

describe("delimiters, rows and lines", () => {
  it.each([
    ["comma", "code,a\nX,1\n"],
    ["semicolon", "code;a\nX;1,5\n"],
    ["tab", "code\ta\nX\t1\n"],
    ["quoted commas in a semicolon file", '"code";"a, b"\nX;1\n'],
  ])("detects the %s", (_n, text) => {
    const t = read(Buffer.from(text)).table!;
    expect(t.header[0]).toBe("code");
    expect(t.rows[0]?.cells[0]).toBe("X");
  });
  it("keeps line numbers, skips blank and all-empty rows, accepts CRLF", () => {
    const t = read(Buffer.from("code,a\r\n\r\nX,1\r\n,\r\nY,2\r\n")).table!;
    expect(t.rows.map((r) => [r.cells[0], r.line])).toEqual([["X", 3], ["Y", 5]]);
  });
  it("a ragged row is an error on its line; a trailing empty cell is not", () => {
    const r = read(Buffer.from("code,a,b\nX,1,2,\nY,1\nZ,1,2\n"));
    expect(r.diagnostics).toMatchObject([{ code: "CSV_RAGGED", line: 3, args: { expected: 3, actual: 2 } }]);
    expect(r.table?.rows.map((x) => x.cells[0])).toEqual(["X", "Z"]);
  });
  it("an unclosed quote is a syntax error with a line", () => {
    expect(read(Buffer.from('code,a\nX,"1\nY,2\n')).diagnostics).toMatchObject([{ code: "CSV_SYNTAX" }]);
  });
  it("headers are trimmed and NFC-normalised; a duplicate header is an error", () => {
    const r = read(Buffer.from(` code ,${"Hoà".normalize("NFD")},a,a\nX,1,2,3\n`));
    expect(r.table?.header).toEqual(["code", "Hoà".normalize("NFC"), "a", "a"]);
    expect(r.diagnostics).toMatchObject([{ code: "CSV_DUPLICATE_HEADER", line: 1, column: 4 }]);
  });
  it("an empty file and a header-only file", () => {
    expect(read(Buffer.from("  \n")).diagnostics.map((d) => d.code)).toEqual(["FILE_EMPTY"]);
    expect(read(Buffer.from("code,a\n")).diagnostics.map((d) => [d.code, d.severity])).toEqual([["CSV_NO_ROWS", "warning"]]);
  });
});

describe("positions of records", () => {
  it("a record that spans lines is reported at its first line, with CRLF and blank lines", () => {
    const r = read(Buffer.from('code,a,b\r\nH1,1,2\r\n\r\nX1,"9\r\n0",2,3\r\nX2,3,4\r\n'));
    expect(r.diagnostics).toMatchObject([{ code: "CSV_RAGGED", line: 4 }]);
    expect(r.table?.rows.map((x) => x.line)).toEqual([2, 6]);
  });
  it("an unclosed quote is reported where it opens: line and field", () => {
    const r = read(Buffer.from('code,a,b\r\nH1,1,2\r\n\r\nX1,4,"9\r\nX2,3,4\r\n'));
    expect(r.diagnostics).toMatchObject([{ code: "CSV_SYNTAX", line: 4, column: 3 }]);
  });
});
