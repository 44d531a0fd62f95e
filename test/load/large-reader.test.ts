// The range reader of the large-input loader at the places where files are cut: where it reads
// in blocks (1 MiB) and in stream chunks (64 KiB), a line end, a lone carriage return, a blank
// line or a UTF-8 character may straddle the cut; ranges read in worker threads may start inside
// a quoted field. In every case the loader must read what the object loader reads. Also: the
// beginnings of files it leaves to the object loader, and the errors it must place itself.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadAssessment } from "../../src/load/assessment.ts";
import { folder, ROOT } from "../helpers/exec.ts";
import { inProcess, sameAsObjectLoader } from "../helpers/large.ts";

const MiB = 1 << 20;
const CHUNK = 64 << 10; // the stream's chunks

const CRITERIA = `id: r
title: R
version: 1
levels:
  - id: so
groups:
  - id: g
    indicators:
      - { id: a, max: 5, rule: { type: ratio } }
      - { id: b, max: 5, unit: boolean, rule: { type: boolean } }
`;

function assessment(data: string | Buffer, manifest = ""): string {
  return folder({ "criteria.yaml": CRITERIA, "egov-score.yaml": `criteria: criteria.yaml\ndata: d.csv\n${manifest}`, "d.csv": data });
}

/** A data file written row by row, where chosen bytes can be put at chosen offsets. */
class Rows {
  private parts: Buffer[] = [];
  length = 0;
  private n = 0;
  constructor(private readonly eol = "\r\n") {
    this.add(`code,name,a,b${eol}`);
  }
  add(text: string | Buffer): this {
    const b = typeof text === "string" ? Buffer.from(text) : text;
    this.parts.push(b);
    this.length += b.length;
    return this;
  }
  row(name = "x".repeat(80)): this {
    return this.add(`S${++this.n},${name},${this.n % 101},có${this.eol}`);
  }
  /** Whole rows, then the start of one (its code and part of its name) up to `offset`. */
  upTo(offset: number): this {
    while (this.length + 200 < offset) this.row();
    const start = `S${++this.n},`;
    const pad = offset - this.length - start.length;
    if (pad < 1) throw new Error(`cannot reach ${offset} from ${this.length}`);
    return this.add(start + "y".repeat(pad));
  }
  /** `text` (which ends the row begun by upTo) with its character `index` at byte `offset` */
  place(offset: number, text: string, index: number): this {
    const prefix = Buffer.byteLength(text.slice(0, index));
    return this.upTo(offset - prefix).add(text);
  }
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

describe("cuts of blocks and chunks", () => {
  // One file of a little over 6 MiB in which each cut of interest falls on a chosen byte.
  const file = new Rows()
    .place(CHUNK - 1, ",5,có\r\n", 5) // \r | \n at a stream chunk's end
    .place(2 * CHUNK - 1, ",5,có\r", 5) // a lone \r at a chunk's end, a row after it
    .row()
    .place(MiB - 1, ",5,có\r\n", 5) // \r | \n at a block's end
    .place(2 * MiB - 1, ",5,có\r", 5) // a lone \r at a block's end
    .row()
    .place(3 * MiB - 1, "Đ,5,có\r\n", 0) // a 2-byte character across a block's end
    .place(4 * MiB - 1, "ế,5,có\r\n", 0) // a 3-byte character, 1 byte before the end
    .place(5 * MiB - 2, "ế,5,có\r\n", 0) // and 2 bytes before it
    .place(6 * MiB - 1, ",5,có\r\n\r\n", 6) // a blank line: \n | \r\n
    .row()
    .row()
    .bytes();
  const dir = assessment(file);

  it("the file is laid out as intended", () => {
    expect(file.subarray(CHUNK - 1, CHUNK + 1).toString("latin1")).toBe("\r\n");
    expect(file[2 * CHUNK - 1]).toBe(13);
    expect(file[2 * CHUNK]).toBe("S".charCodeAt(0));
    expect(file.subarray(MiB - 1, MiB + 1).toString("latin1")).toBe("\r\n");
    expect(file.subarray(3 * MiB - 1, 3 * MiB + 1).toString("utf8")).toBe("Đ");
    expect(file.subarray(4 * MiB - 1, 4 * MiB + 2).toString("utf8")).toBe("ế");
    expect(file.subarray(5 * MiB - 2, 5 * MiB + 1).toString("utf8")).toBe("ế");
    expect(file.subarray(6 * MiB - 1, 6 * MiB + 2).toString("latin1")).toBe("\n\r\n");
  });

  it("read as one range", async () => {
    const same = await sameAsObjectLoader(dir, { chunk: 64 * MiB, parallel: 1 });
    expect(same?.standard.dataset?.size).toBeGreaterThan(60_000);
    expect(same?.standard.diagnostics).toEqual([]);
  });

  it("read as several ranges, with the bytes and rows reported as they are read", async () => {
    let bytes = 0;
    let rows = 0;
    await sameAsObjectLoader(dir, { chunk: MiB, parallel: 5, progress: (b, r) => ((bytes += b), (rows += r)) });
    expect(bytes).toBe(file.length);
    expect(rows).toBe((await loadAssessment(dir, {})).dataset?.size);
  });

  it("the same file with lone carriage returns and plain line ends", async () => {
    const text = file.toString("utf8");
    await sameAsObjectLoader(assessment(text.replaceAll("\r\n", "\r")), { chunk: 2 * MiB, parallel: 3 });
    await sameAsObjectLoader(assessment(text.replaceAll("\r\n", "\n")), { chunk: 2 * MiB, parallel: 3 });
  });
});

describe("bytes that are not UTF-8", () => {
  it("are placed at their line beyond the first block, after a byte-order mark", async () => {
    const rows = new Rows("\n").add("\ufeff");
    const file = rows.upTo(MiB + 300_000).add(Buffer.from([0xff])).add(",5,có\n").row().bytes();
    const same = await sameAsObjectLoader(assessment(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), file])), { chunk: 64 * MiB, parallel: 1 });
    const d = same?.large.diagnostics.find((x) => x.code === "ENCODING_INVALID_UTF8");
    expect(d?.line).toBeGreaterThan(10_000);
  });

  it("half a character at the end of a file is an invalid byte on its last line", async () => {
    const file = Buffer.concat([new Rows("\n").row().row().bytes(), Buffer.from([0xc3])]);
    const same = await sameAsObjectLoader(assessment(file));
    expect(same?.large.diagnostics).toMatchObject([{ code: "ENCODING_INVALID_UTF8", line: 4 }]);
  });
});

describe("a quote that is never closed in a file over 16 MiB", () => {
  it("is a syntax error at the line where the parser stopped, without reading the file again", async () => {
    const rows = new Rows("\n");
    while (rows.length < 17 * MiB) rows.row("x".repeat(400));
    const file = rows.add('S0,"never closed,5,có\n').row().bytes();
    const dir = assessment(file);
    const large = await loadAssessment(dir, {}, inProcess(64 * MiB, 1));
    const lineCount = file.toString("latin1").split("\n").length - 1;
    expect(large.diagnostics).toMatchObject([{ code: "CSV_SYNTAX", severity: "error", file: path.join(dir, "d.csv"), line: lineCount }]);
    // (the line where csv-parse stopped, the end of the file: the quote opened one line above)
    expect(large.dataset?.size).toBe(0);
  }, 60_000);
});

describe("worker threads", () => {
  // every name is quoted and holds a line break near its end: a cut after the next line end
  // falls inside quotes nearly always, and the ranges on either side must be read as one
  const rows = new Rows("\n");
  for (let i = 0; i < 3000; i++) rows.row(`"${"w".repeat(90)}\n."`);
  const file = rows.bytes();
  const dir = assessment(file);

  it("read the ranges as the main thread reads them, ranges that start inside quotes too", async () => {
    expect(existsSync(path.join(ROOT, "dist/worker.js")), "the worker is built by `npm run build` (npm test builds first)").toBe(true);
    let bytes = 0;
    const same = await sameAsObjectLoader(dir, { chunk: 16 << 10, parallel: 6, workers: true, progress: (b) => (bytes += b) });
    expect(same?.standard.dataset?.size).toBe(3000);
    expect(bytes).toBe(file.length);
    // and without anyone to tell the progress to
    await sameAsObjectLoader(dir, { chunk: 16 << 10, parallel: 3, workers: true });
  });
});

describe("the beginning of a file", () => {
  /** The bytes of data streamed (0: every file read whole), and the same as the files read whole. */
  const streamed = async (dir: string) => {
    let bytes = 0;
    await loadAssessment(dir, {}, { ...inProcess(4096), begin: (b) => (bytes = b) });
    await sameAsObjectLoader(dir, { chunk: 4096 }, {}, { fallbackAllowed: true });
    return bytes;
  };

  it("a workbook, UTF-16 or another encoding are read whole, which reads or refuses them", async () => {
    expect(await streamed(assessment(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])))).toBe(0);
    expect(await streamed(assessment(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toBe(0);
    expect(await streamed(assessment(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("code,a\nS1,5\n", "utf16le")])))).toBe(0);
    expect(await streamed(assessment(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("code,a\nS1,5\n", "utf16le").swap16()])))).toBe(0);
    expect(await streamed(assessment(Buffer.from("code,a\nS1,5\n", "utf16le")))).toBe(0);
    expect(await streamed(assessment("code,a\nS1,5\n", "input: { encoding: windows-1258 }\n"))).toBe(0);
    // a series' periods are streamed like any assessment
    expect(await streamed(path.join(ROOT, "samples/ca-mau-series"))).toBeGreaterThan(0);
  });

  it("a header with an unclosed quote is read whole, which places the quote", async () => {
    expect(await streamed(assessment('code,"a\nS1,5\n'))).toBe(0);
    // (and one that runs on past the first bytes read, over a line end: read on, then give up)
    const long = `code,"a\n${"a".repeat(100_000)}\nS1,5\n`;
    expect(await streamed(assessment(long))).toBe(0);
    expect((await loadAssessment(assessment(long), {})).diagnostics).toMatchObject([{ code: "CSV_SYNTAX", line: 1, column: 2 }]);
  });

  it("a delimiter declared in the manifest, not detected", async () => {
    const same = await sameAsObjectLoader(assessment("code;a;b\nS1;50;có\nS2;40,5;không\n", "input: { delimiter: ';', decimal: ',' }\n"));
    expect(same?.large.diagnostics).toEqual([]);
    expect(same?.large.dataset?.size).toBe(2);
  });

  it("a header longer than the first read, or after many blank lines", async () => {
    const wide = ["code", "a", "b", ...Array.from({ length: 3000 }, (_, i) => `note-${i}-${"z".repeat(30)}`)];
    const row = wide.map((h, i) => (i === 0 ? "S1" : i < 3 ? "1" : "")).join(",");
    await sameAsObjectLoader(assessment(`${wide.join(",")}\n${row}\n`));
    await sameAsObjectLoader(assessment(`${"\n".repeat(70_000)}code,a,b\nS1,50,có\n`));
    await sameAsObjectLoader(assessment(`${" \n".repeat(40_000)}code,a,b\nS1,50,có\n`));
  });

  it("blank files and files of blank lines are empty, as the object loader says", async () => {
    for (const text of ["\n\n\n", " \r\n \n", "\ufeff\n"]) {
      const same = await sameAsObjectLoader(assessment(text));
      expect(same?.large.diagnostics.map((d) => d.code)).toContain("FILE_EMPTY");
    }
  });

  it("a header and no rows", async () => {
    const same = await sameAsObjectLoader(assessment("code,a,b\n"));
    expect(same?.large.diagnostics.map((d) => d.code)).toEqual(["CSV_NO_ROWS"]);
  });
});

describe("the settings of the large-input path", () => {
  it("in auto mode, only data of the threshold's size or more", async () => {
    const dir = assessment(new Rows("\n").row().row().bytes());
    const size = statSync(path.join(dir, "d.csv")).size;
    const bytes = async (threshold: number) => {
      let seen = 0;
      await loadAssessment(dir, {}, { ...inProcess(4096), mode: "auto", threshold, begin: (b) => (seen = b) });
      return seen;
    };
    expect(await bytes(size + 1)).toBe(0);
    expect(await bytes(size)).toBe(size);
  });

  it("tells its caller the bytes and the criteria before it reads", async () => {
    const dir = assessment(new Rows("\n").row().bytes());
    const seen: [number, string][] = [];
    await loadAssessment(dir, {}, { ...inProcess(4096), begin: (bytes, criteria) => seen.push([bytes, criteria.id]) });
    expect(seen).toEqual([[readFileSync(path.join(dir, "d.csv")).length, "r"]]);
  });

  it("a registry that cannot be read leaves no dataset, with the registry's problem", async () => {
    const dir = folder({ "criteria.yaml": CRITERIA, "egov-score.yaml": "criteria: criteria.yaml\nunits: units.csv\ndata: d.csv\n", "units.csv": "", "d.csv": "code,a\nS1,5\n" });
    const same = await sameAsObjectLoader(dir);
    expect(same?.large.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual([`FILE_EMPTY ${path.join(dir, "units.csv")}`]);
    expect(same?.large.dataset).toBeUndefined();
    writeFileSync(path.join(dir, "units.csv"), "code,name\nS1,Sở 1\n");
    expect((await sameAsObjectLoader(dir))?.large.dataset?.size).toBe(1);
  });
});
