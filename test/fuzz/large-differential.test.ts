// Differential fuzzing of streaming against reading whole: for random assessments, written as users'
// files are (a registry or not, several data files, periods, line ends of every kind, a
// byte-order mark, blank lines, a header pasted twice, ragged rows, quoted fields with line
// breaks, and cells of every sort, good and bad), loadLarge must report exactly what
// loadAssessment reports, in the same order and at the same places, and load a dataset that
// scores and ranks the same. The files are cut into ranges at random sizes, so that cuts fall
// anywhere: inside quotes, between a \r and its \n, in a blank line.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { folder } from "../helpers/exec.ts";
import { sameAsObjectLoader, TWO_LEVELS } from "../helpers/large.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const TIMEOUT = Math.max(60_000, RUNS * 400);
let tried = 0;
let taken = 0;
let scored = 0;
afterAll(() => {
  if (process.env.FUZZ_RUNS) process.stdout.write(`large-input differential fuzz: ${tried} cases tried, ${taken} streamed, ${scored} of them scored\n`);
});

// (a.num and a.den make a's ratio, e.num and e.den a ratio of a number; b.evidence is a link
// to evidence, not a value; "f" twice is a duplicate header)
const COLUMNS = ["name", "level", "parent", "kind", "period", "a", "a.num", "a.den", "b", "b.evidence", "c", "d", "e", "e.num", "e.den", "f", "z", "z.den", "note", "f"] as const;

const NUMBERS = ["0", "7", "42", "100", "12.5", "12,5", "-0", "-3", "150", "99.999", "1.234,5", "1,234.5", "99999999999999999", "123456789012", "0.000001", " 7 ", "7%", "1e5", "--5", "NaN", "Infinity", "abc"];
const TOKENS = ["", "", " ", "-", "n/a", "N/A", "không áp dụng", "có", "không", "x", "yes", "tot", "TOT", "tốt", "kha", "xau", '"', "=1+1", "a,b", "line\nbreak", "cr\rhere", "ﬁ ligature", "Đồng Tháp"];
const CODES = ["H1", "H2", "H3", "X1", "X2", "X3", "X4", "X5", "X6", "H9", "", " X1 ", "h1"];
const LEVELS = ["huyen", "xa", "", "Huyện", "tinh", " xa "];
const PARENTS = ["", "H1", "H2", "H3", "H9", "X1"];
const PERIODS = ["", "2023", "2024", "2024", " 2024"];

const quote = (cell: string, delimiter: string) => (/["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell);

const cell = (column: string) => {
  if (column === "level") return fc.constantFrom(...LEVELS);
  if (column === "parent") return fc.constantFrom(...PARENTS);
  if (column === "period") return fc.constantFrom(...PERIODS);
  if (column === "kind") return fc.constantFrom("thi-xa", "huyen", "", "Thị xã");
  if (column === "name") return fc.constantFrom("Huyện A", "Xã \"B\"", "", "C, D", "Ê\nF");
  // mostly numbers, now and then a token or a random short text
  return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NUMBERS) }, { weight: 3, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
};

const file = fc
  .record({
    columns: fc.subarray([...COLUMNS], { minLength: 1 }),
    codeAt: fc.nat(20),
    withCode: fc.oneof({ weight: 12, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    rows: fc.integer({ min: 0, max: 14 }),
    seed: fc.integer(),
  })
  .chain(({ columns, codeAt, withCode, rows, seed }) => {
    const header = withCode ? [...columns.slice(0, codeAt % (columns.length + 1)), "code", ...columns.slice(codeAt % (columns.length + 1))] : columns;
    const row = fc.tuple(...header.map((h) => (h === "code" ? fc.constantFrom(...CODES) : cell(h))));
    return fc.record({
      header: fc.constant(header),
      rows: fc.array(row, { minLength: rows, maxLength: rows }),
      seed: fc.constant(seed),
      eol: fc.constantFrom("\n", "\r\n", "\r", "mixed"),
      bom: fc.boolean(),
      delimiter: fc.constantFrom(",", ";"),
      // edits: blank lines, the header again, a row too short or too long, trailing empty cells
      edits: fc.array(fc.tuple(fc.nat(40), fc.constantFrom("blank", "header", "short", "long", "trailing", "bom-header", "invalid-utf8")), { maxLength: 3 }),
      // how the file ends: a line end, none, a blank line, half a UTF-8 character
      end: fc.constantFrom("eol", "none", "two", "cut"),
    });
  });

type File = { header: readonly string[]; rows: readonly string[][]; eol: string; bom: boolean; delimiter: string; edits: [number, string][]; end: string; seed: number };

function write({ header, rows, eol, bom, delimiter, edits, end, seed }: File): Buffer {
  const line = (cells: readonly string[]) => cells.map((c) => quote(c, delimiter)).join(delimiter);
  const lines = [line(header), ...rows.map(line)];
  for (const [at, kind] of edits) {
    const i = 1 + (at % Math.max(1, lines.length));
    if (kind === "blank") lines.splice(i, 0, "");
    if (kind === "header") lines.splice(i, 0, line(header));
    if (kind === "bom-header") lines.splice(i, 0, `\ufeff${line(header)}`);
    if (kind === "short" && header.length > 1) lines.splice(i, 0, line(header.map(() => "1").slice(1)));
    if (kind === "long") lines.splice(i, 0, line([...header.map(() => "1"), "extra"]));
    if (kind === "trailing") lines.splice(i, 0, line([...header.map(() => "2"), "", " "]));
    if (kind === "invalid-utf8") lines.splice(i, 0, "\u0000INVALID");
  }
  const ends = ["\n", "\r\n", "\r"];
  let text = "";
  lines.forEach((l, i) => {
    text += l;
    if (i < lines.length - 1 || end !== "none") text += eol === "mixed" ? ends[(i + seed) % 3] : eol;
  });
  if (end === "two") text += eol === "mixed" ? "\n" : eol;
  // (a byte that is never UTF-8 where the edit asked for it)
  const bytes = Buffer.from((bom ? "\ufeff" : "") + text);
  for (let at = bytes.indexOf("\u0000INVALID"); at >= 0; at = bytes.indexOf("\u0000INVALID", at)) bytes[at] = 0xff;
  return end === "cut" ? Buffer.concat([bytes, Buffer.from([0xc3])]) : bytes;
}

// The registry: any of its columns may be left out (the code column too), and it may be empty.
const REGISTRY = fc.record({
  columns: fc.subarray(["code", "name", "level", "parent", "kind"], { minLength: 1 }),
  rows: fc.array(fc.record({ code: fc.constantFrom(...CODES), name: fc.constantFrom("Unit", ""), level: fc.constantFrom(...LEVELS), parent: fc.constantFrom(...PARENTS), kind: fc.constantFrom("thi-xa", "huyen", "") }), { maxLength: 12 }),
  empty: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const assessment = fc.record({
  registry: fc.option(REGISTRY, { nil: undefined }),
  files: fc.array(file, { minLength: 1, maxLength: 3 }),
  decimal: fc.constantFrom(".", ","),
  period: fc.constantFrom(undefined, "2023", "2024", "2030"),
  chunk: fc.integer({ min: 1, max: 300 }),
  parallel: fc.integer({ min: 1, max: 8 }),
});

type Registry = { columns: string[]; rows: Record<string, string>[]; empty: boolean };
type Case = { registry?: Registry; files: File[]; decimal: "." | ","; period?: string; chunk: number; parallel: number };

function materialise(c: Case): string {
  const files: Record<string, string | Buffer> = {
    "criteria.yaml": TWO_LEVELS,
    "egov-score.yaml": `criteria: criteria.yaml\n${c.registry ? "units: units.csv\n" : ""}data: data/*.csv\ncolumns:\n  attributes: [kind]\n`,
  };
  const r = c.registry;
  if (r) files["units.csv"] = r.empty ? "" : [r.columns, ...r.rows.map((row) => r.columns.map((k) => row[k] ?? ""))].map((cells) => `${cells.map((x) => quote(x, ",")).join(",")}\n`).join("");
  c.files.forEach((f, i) => (files[`data/d${i}.csv`] = write(f)));
  return folder(files);
}

describe("files streamed against the same files read whole, on random assessments", () => {
  it(
    "the same diagnostics, in order, and a dataset that ranks and scores the same",
    async () => {
      await fc.assert(
        fc.asyncProperty(assessment, async (c) => {
          tried++;
          const dir = materialise(c as Case);
          const overrides = { decimal: c.decimal, ...(c.period ? { period: c.period } : {}) };
          const same = await sameAsObjectLoader(dir, { chunk: c.chunk, parallel: c.parallel }, overrides, { fallbackAllowed: true });
          if (!same) return; // nothing streamed: read whole either way
          taken++;
          if (same.standard.dataset) scored++;
        }),
        { numRuns: RUNS },
      );
      // the generator must mostly produce assessments that this loader takes
      expect(taken).toBeGreaterThan(tried / 2);
      expect(scored).toBeGreaterThan(tried / 4);
    },
    TIMEOUT,
  );
});
