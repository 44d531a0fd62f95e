// The rows of a file in typed columns (one per indicator of the file's layout) and a few string
// arrays (code, name, level, parent, period, attributes): rowWriter is the one row code, for a
// table read whole (read.ts tableRows) and for a byte range of a streamed CSV file (readRange:
// csv-parse streams the range, in a worker thread per range, worker.ts, or in the main thread).
//
// A streamed range follows the rules a file read whole follows (readCsv, load/dialect.ts): the
// same skipping of blank rows and repeated headers, the same trailing-separator rule; and every
// value is read by readCell (the common case, a plain number, is recognised first and read with
// Number(), which is what readCell would do with it). What depends on other rows (which unit a
// row belongs to, duplicates, the period) is decided later, in the main thread (assemble.ts).
import { isUtf8 } from "node:buffer";
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { Transform, type TransformCallback } from "node:stream";
import { parse } from "csv-parse";
import type { Diagnostic } from "../../diag/diagnostic.ts";
import { ABSENT, CELL_BLANK, CELL_FROM_RATIO, NOT_APPLICABLE, VALUE, WIDE_SCALE, withScale } from "../../model/columns.ts";
import { unitScale, type IndicatorNode } from "../../model/criteria.ts";
import { classifyRecord, headerKey, normKey } from "../dialect.ts";
import { numberRange, readCell, type CellColumns, type CellRead } from "../data.ts";
import { eachLine } from "../csv.ts";
import { isEmpty, ratioValue, type Decimal } from "../values.ts";
import { closest } from "../../util/similar.ts";
import { codedWriter, textWriter, type Coded, type Texts } from "./texts.ts";

/** One indicator of a file's layout: where its value, or its numerator and denominator, are. */
export interface Entry {
  indicator: IndicatorNode;
  cols: CellColumns;
}

/** What the reader of a file needs to know, decided from its header (load/tables.ts tableSpec). */
export interface RowSpec {
  path: string;
  delimiter: string;
  decimal: Decimal;
  /** the header, as readCsv gives it (normKey of each field) */
  header: string[];
  /** the byte just after the header's line end: the first range reaches at least this far, so
   * that it holds the header (which may follow many blank lines) */
  headerEnd: number;
  /** column indexes of the unit fields, -1 where absent */
  fields: { code: number; name: number; level: number; parent: number; period: number };
  /** column index of each attribute kept (peer groups), -1 where absent */
  attributes: number[];
  entries: Entry[];
  /** a long file: a row per unit and indicator, the indicator named in column `indicator`
   * (`entryOf`: its entry, by id or by column name; `ids`: for suggestions); every entry's
   * cells are in the same value, numerator and denominator columns */
  long?: { indicator: number; entryOf: ReadonlyMap<string, number>; ids: readonly string[] };
}

/** A line-aligned byte range of the file. `first`: it starts the file, header included. */
export interface Range {
  start: number;
  end: number;
  first: boolean;
}

/** What a first pass over a range finds: lines, and whether the fast way of counting lines holds. */
export interface Scan {
  /** line ends in the range (\n, \r\n, or a lone \r): a bound on its rows */
  newlines: number;
  /** '"' bytes: their parity tells whether a split after this range is inside quotes */
  quotes: number;
  /** the range has a carriage return (line ends are normalised to \n, as readCsv does) */
  cr: boolean;
  /** an empty line, or a quote: rows and lines may differ, csv-parse counts the lines */
  irregular: boolean;
  /** the bytes are not valid UTF-8 */
  invalidUtf8: boolean;
}

// The row columns' state bytes are the data model's (model/columns.ts): the cell's state, and
// the loader's flags CELL_BLANK and CELL_FROM_RATIO for the positions of its problems.

export interface RowColumns {
  /** per entry, per row: the state */
  state: Uint8Array[];
  /** per entry, per row: the number, the boolean (1, 0), or the text's index in `texts`: as
   * model/columns.ts's IndicatorColumn has them (decimal digits where `decimal(entry)`) */
  value: (Float64Array | Int32Array)[];
  /** per entry, the values that are not a decimal of 9 digits or fewer, by row */
  wide: Map<number, number>[];
  /** per entry of a ratio of two columns (not decimalEntry), per row whose value is their quotient
   * (CELL_FROM_RATIO): the numerator and the denominator, as `score` shows them */
  numerator: (Float64Array | undefined)[];
  denominator: (Float64Array | undefined)[];
  /** per row: its line, counted from the range's first line (1) */
  line: Int32Array;
}

/** The numerator and denominator columns of RowColumns over their buffers (none for an entry that is no ratio). */
export function ratioColumns(b: { numerator: (ArrayBufferLike | undefined)[]; denominator: (ArrayBufferLike | undefined)[] }): Pick<RowColumns, "numerator" | "denominator"> {
  return { numerator: b.numerator.map((x) => x && new Float64Array(x)), denominator: b.denominator.map((x) => x && new Float64Array(x)) };
}

/** An entry whose values are kept as decimal digits (4 bytes): any but a ratio of two columns,
 * whose values are quotients. */
export const decimalEntry = (e: Entry): boolean => !(e.cols.numerator >= 0 && e.cols.denominator >= 0);


/** A problem of a row of the file (its file is set by the caller). */
export type LineProblem = Omit<Diagnostic, "file" | "column"> & { line: number };

/** A problem of a cell, to be reported if the row's unit is accepted. */
export interface CellProblemAt {
  row: number;
  entry: number;
  diagnostic: Diagnostic;
}

export interface RowOutcome {
  rows: number;
  /** the unit fields of each row (trimmed, NFC) */
  code: Texts;
  name: Texts;
  level: Coded;
  parent: Coded;
  period: Coded;
  /** per attribute kept: the value of each row */
  attributes: Coded[];
  /** per entry: the texts its values index */
  texts: string[][];
  /** per entry: the values kept whole, by row (slot), as RowColumns.wide */
  wide: Map<number, number>[];
  problems: CellProblemAt[];
  /** CSV_RAGGED and CSV_REPEATED_HEADER, their line counted from the range's first line */
  csv: LineProblem[];
  /** a syntax error that stopped the reading: csv-parse's message and line (in the range) */
  syntax?: { detail: string; line: number };
}

const BLOCK = 1 << 20;
const NL = 10;
const CR = 13;
const QUOTE = 34;

/** The first pass over a range: lines, quotes, carriage returns, blank lines, UTF-8. */
export function scanRange(path: string, range: Range): Scan {
  const fd = openSync(path, "r");
  const buf = Buffer.allocUnsafe(BLOCK + 4);
  const s: Scan = { newlines: 0, quotes: 0, cr: false, irregular: false, invalidUtf8: false };
  let carry = 0; // bytes of an unfinished UTF-8 sequence kept from the previous block
  let prev = -1; // the last byte of the previous block
  try {
    for (let pos = range.start; pos < range.end; ) {
      const n = readSync(fd, buf, carry, Math.min(BLOCK, range.end - pos), pos);
      if (n === 0) break; // (the file shrank since it was measured)
      const b = buf.subarray(0, carry + n);
      pos += n;
      for (let i = b.indexOf(NL, carry); i !== -1; i = b.indexOf(NL, i + 1)) s.newlines++;
      if (b.indexOf(QUOTE, carry) !== -1) for (let i = b.indexOf(QUOTE, carry); i !== -1; i = b.indexOf(QUOTE, i + 1)) s.quotes++;
      // A carriage return not followed by \n ends a line of its own (readCsv makes it a \n).
      if (prev === CR && b[carry] !== NL) s.newlines++;
      for (let i = b.indexOf(CR, carry); i !== -1; i = b.indexOf(CR, i + 1)) {
        s.cr = true;
        if (i + 1 < b.length ? b[i + 1] !== NL : pos >= range.end) s.newlines++;
      }
      // An empty line (after line ends are normalised): \n\n, \n\r or \r\r, across blocks too.
      if (!s.irregular) {
        const joined = prev >= 0 ? Buffer.concat([Buffer.from([prev]), b.subarray(carry, Math.min(b.length, carry + 1))]) : undefined;
        const blankAt = (x: Buffer, from: number) => x.indexOf("\n\n", from) !== -1 || x.indexOf("\n\r", from) !== -1 || x.indexOf("\r\r", from) !== -1;
        if (blankAt(b, carry) || (joined && blankAt(joined, 0))) s.irregular = true;
        if (pos - n === range.start && (b[carry] === NL || b[carry] === CR)) s.irregular = true;
      }
      // UTF-8: check up to the last complete sequence; keep the rest for the next block.
      let end = b.length;
      if (pos < range.end) {
        let k = end - 1;
        while (k >= 0 && k > end - 4 && ((b[k] as number) & 0xc0) === 0x80) k--;
        if (k >= 0 && (b[k] as number) >= 0xc0) end = k;
      }
      if (!s.invalidUtf8 && !isUtf8(b.subarray(0, end))) s.invalidUtf8 = true;
      prev = b[b.length - 1] ?? -1;
      carry = b.length - end;
      if (carry > 0) b.copy(buf, 0, end);
    }
  } finally {
    closeSync(fd);
  }
  if (s.quotes > 0) s.irregular = true;
  return s;
}

/** Line ends to \n, as readCsv does before parsing: \r\n and a lone \r alike. */
class LineEnds extends Transform {
  private pendingCR = false;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const out = Buffer.allocUnsafe(chunk.length + 1);
    let o = 0;
    let i = 0;
    if (this.pendingCR) {
      out[o++] = NL;
      if (chunk[0] === NL) i = 1;
      this.pendingCR = false;
    }
    for (; i < chunk.length; i++) {
      const c = chunk[i] as number;
      if (c !== CR) {
        out[o++] = c;
        continue;
      }
      if (i + 1 === chunk.length) {
        this.pendingCR = true;
        break;
      }
      out[o++] = NL;
      if (chunk[i + 1] === NL) i++;
    }
    done(null, out.subarray(0, o));
  }
  override _flush(done: TransformCallback): void {
    done(null, this.pendingCR ? Buffer.from([NL]) : undefined);
  }
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A plain decimal number (digits, one separator inside, an optional minus): its value, else NaN.
 * Up to 15 digits the value is the digits as an integer over a power of ten: both exact doubles,
 * so the one division is correctly rounded, which is what Number() gives for the same text.
 */
export function plainNumber(s: string, sep: number): number {
  return plainDecimal(s, sep) ? decimalValue : NaN;
}

/** The last plain decimal read: its value, and (up to 9 digits) its digits and scale. */
let decimalValue = 0;
let decimalDigits = 0;
let decimalScale = -1;

function plainDecimal(s: string, sep: number): boolean {
  const n = s.length;
  const negative = s.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  if (i === n) return false;
  let at = -1;
  let digits = 0;
  let v = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      digits++;
      continue;
    }
    if (c !== sep || at !== -1 || i === n - 1 || digits === 0) return false;
    at = i;
  }
  if (digits > 15) {
    decimalValue = sep === 46 || at === -1 ? Number(s) : Number(`${s.slice(0, at)}.${s.slice(at + 1)}`);
    decimalScale = -1;
    // (hundreds of digits are no number: readCell says so, VALUE_NOT_FINITE)
    return Number.isFinite(decimalValue);
  }
  const scale = at === -1 ? 0 : n - 1 - at;
  const x = v / (POW10[scale] as number);
  decimalValue = negative ? -x : x;
  // digits and scale, where they fit in 4 bytes (and the value is not -0, which they cannot tell)
  decimalScale = digits <= 9 && !(negative && v === 0) ? scale : -1;
  decimalDigits = negative ? -v : v;
  return true;
}

/**
 * Whether the last plain decimal read has three decimals after one to three digits (2.154), as a
 * number with a thousands separator of the other convention has: readCell warns of it
 * (load/data.ts, VALUE_LOOKS_LIKE_THOUSANDS).
 */
function threeDecimals(): boolean {
  if (decimalScale !== 3) return false;
  const a = decimalValue < 0 ? -decimalValue : decimalValue;
  return a >= 1 && a < 1000;
}

/** What a row writer has read so far (rowWriter). */
export type RowsRead = Omit<RowOutcome, "csv" | "syntax">;

/**
 * The row code of every reader: one data row (already told apart from blank rows, headers pasted
 * again and ragged rows) into row `offset + n` of `out`, its strings and problems into the
 * outcome. A streamed range (readRange) and a table read whole (read.ts tableRows: a CSV file in
 * another encoding, a worksheet, a small file) both read their rows here. `slots` and `bytes`:
 * the rows and text bytes expected (the writers grow beyond them).
 */
export function rowWriter(spec: RowSpec, out: RowColumns, offset: number, slots: number, bytes: number) {
  const { header, fields, entries, decimal, long } = spec;
  const codes = textWriter(slots, bytes);
  const names = textWriter(slots, bytes);
  const levels = codedWriter(slots);
  const parents = codedWriter(slots);
  const periods = codedWriter(fields.period >= 0 ? slots : 0);
  const attributes = spec.attributes.map(() => codedWriter(slots));
  const res = { rows: 0, texts: entries.map((): string[] => []), wide: out.wide, problems: [] as CellProblemAt[] };
  const textIndex = entries.map(() => new Map<string, number>());
  const memo = entries.map(() => new Map<string, CellRead | undefined>());
  const sep = decimal === "," ? 44 : 46;
  let cells: string[] = [];
  const cellAt = (i: number): string => (i >= 0 ? (cells[i] ?? "") : "");

  // Per entry, what the common case needs: a plain number in the value column, within bounds.
  const plain = entries.map((e) => e.cols.numerator < 0 && e.cols.denominator < 0 && e.cols.value >= 0 && e.indicator.unit !== "boolean" && e.indicator.unit !== "text");
  const bounds = entries.map((e) => numberRange(e.indicator));
  const ratioPlain = entries.map((e) => e.cols.numerator >= 0 && e.cols.denominator >= 0 && e.indicator.unit !== "boolean" && e.indicator.unit !== "text");
  const valueCol = entries.map((e) => e.cols.value);
  const digitsOf = entries.map(decimalEntry);
  /** a value into row `row` of entry k: digits and scale where they fit, else `wide` */
  const put = (k: number, row: number, state: Uint8Array, flags: number, x: number, digits: number, scale: number): void => {
    const v = out.value[k] as Float64Array | Int32Array;
    if (!digitsOf[k]) {
      state[row] = flags;
      v[row] = x;
    } else if (scale >= 0) {
      state[row] = withScale(flags, scale);
      v[row] = digits;
    } else {
      state[row] = withScale(flags, WIDE_SCALE);
      (out.wide[k] as Map<number, number>).set(row, x);
    }
  };
  /** the scale of an integer that fits in 4 bytes (a count, a yes/no, a text's index), else -1 */
  const intScale = (x: number): number => (Number.isInteger(x) && x <= 2147483647 && x >= -2147483648 && !Object.is(x, -0) ? 0 : -1);
  const E = entries.length;

  /** Entry k of the row (its r-th, at slot `row`); `problems`: the row's cells a reader could not give a value. */
  const readEntry = (k: number, r: number, row: number, code: string, problems: ReadonlyMap<number, Diagnostic> | undefined): void => {
    const state = out.state[k] as Uint8Array;
    // The common case first: a plain number in the value column, no ratio columns, in range.
    if (plain[k] && problems === undefined) {
      const raw = cells[valueCol[k] as number] ?? "";
      if (raw !== "" && plainDecimal(raw, sep)) {
        const x = decimalValue;
        const b = bounds[k] as [number, number];
        if (x >= b[0] && x <= b[1]) {
          put(k, row, state, VALUE, x, decimalDigits, decimalScale);
          return;
        }
      }
    }
    const { indicator: ind, cols } = entries[k] as Entry;
    // a cell the reader could not give a value (a workbook's formula never calculated): its problem, now that it is read
    if (problems) {
      const p = problems.get(cols.value) ?? problems.get(cols.numerator) ?? problems.get(cols.denominator);
      if (p) {
        res.problems.push({ row: r, entry: k, diagnostic: p });
        state[row] = ABSENT;
        return;
      }
    }
    // A numerator and a denominator, both plain, 0 <= numerator <= denominator (any numerator
    // for a number unit): readCell's value, n × the unit's scale / d (ratioValue).
    // (no value beside them: readCell reports one, VALUE_AND_RATIO; nor a figure like 2.154, which it warns of)
    if (ratioPlain[k] && (cols.value < 0 || cells[cols.value] === "" || cells[cols.value] === undefined)) {
      const num = plainNumber(cells[cols.numerator] ?? "", sep);
      const numLike = threeDecimals();
      const den = plainNumber(cells[cols.denominator] ?? "", sep);
      if (num >= 0 && den > 0 && (num <= den || ind.unit === "number") && !numLike && !threeDecimals()) {
        put(k, row, state, VALUE | CELL_FROM_RATIO, ratioValue(num, den, unitScale(ind)), 0, -1);
        (out.numerator[k] as Float64Array)[row] = num;
        (out.denominator[k] as Float64Array)[row] = den;
        return;
      }
    }
    const raw = cols.value >= 0 ? (cells[cols.value] ?? "") : "";
    let read: CellRead | undefined;
    const ratio = (cols.numerator >= 0 && !isEmpty(cellAt(cols.numerator))) || (cols.denominator >= 0 && !isEmpty(cellAt(cols.denominator)));
    const m = memo[k] as Map<string, CellRead | undefined>;
    if (!ratio && m.has(raw)) read = m.get(raw);
    else {
      let complained = false;
      read = readCell(ind, cellAt, cols, decimal, (dc, i, args, severity = "error") => {
        complained = true;
        res.problems.push({ row: r, entry: k, diagnostic: { code: dc, severity, args: { header: header[i] ?? "", indicator: ind.id, unit: code, ...args }, column: i + 1 } });
      });
      // Cells that read without complaint are remembered by their text (yes/no, categories,
      // "not applicable" repeat a great deal); numbers are not worth it.
      if (!ratio && !complained && read?.kind !== "number" && m.size < 256) m.set(raw, read);
    }
    if (!read) {
      // (a long row's empty value is no blank cell of the unit: the row says nothing)
      state[row] = cols.value >= 0 && isEmpty(raw) && !long ? CELL_BLANK : ABSENT;
      return;
    }
    const from = read.column === cols.value ? 0 : CELL_FROM_RATIO;
    if (read.kind === "na") {
      state[row] = NOT_APPLICABLE | from;
      return;
    }
    let x: number;
    if (read.kind === "number") {
      x = read.value;
      // (a quotient: its entry has both columns, and their arrays)
      const nums = out.numerator[k];
      const dens = out.denominator[k];
      if (from && nums && dens) {
        nums[row] = read.numerator ?? NaN;
        dens[row] = read.denominator ?? NaN;
      }
    } else if (read.kind === "boolean") x = read.value ? 1 : 0;
    else {
      const t = textIndex[k] as Map<string, number>;
      let i = t.get(read.value);
      if (i === undefined) {
        t.set(read.value, (i = t.size));
        (res.texts[k] as string[]).push(read.value);
      }
      x = i;
    }
    put(k, row, state, 1 | from, x, x, intScale(x));
  };

  return {
    /** rows written so far */
    get rows(): number {
      return res.rows;
    },
    /** One data row: its cells, its line, and the problems of cells its reader could not read. */
    row(rowCells: string[], line: number, problems?: ReadonlyMap<number, Diagnostic>): void {
      cells = rowCells;
      const row = offset + res.rows;
      // Slots were counted from the range's line ends: a row beyond them would be a bug here.
      if (row >= out.line.length) throw new Error(`rows beyond the ${out.line.length} slots counted in ${spec.path}`);
      const r = res.rows++;
      out.line[row] = line;
      const code = normKey(cellAt(fields.code));
      codes.add(code);
      names.add(normKey(cellAt(fields.name)));
      levels.add(normKey(cellAt(fields.level)));
      parents.add(normKey(cellAt(fields.parent)));
      if (fields.period >= 0) periods.add(normKey(cellAt(fields.period)));
      for (let i = 0; i < spec.attributes.length; i++) {
        const a = spec.attributes[i] as number;
        (attributes[i] as ReturnType<typeof codedWriter>).add(a >= 0 ? normKey(cellAt(a)) : "");
      }
      const p = problems && problems.size > 0 ? problems : undefined;
      if (!long) {
        for (let k = 0; k < E; k++) readEntry(k, r, row, code, p);
        return;
      }
      // A long row: one indicator, named in its indicator column (by id, else by column name).
      const name = normKey(cellAt(long.indicator));
      const k = long.entryOf.get(name);
      if (k !== undefined) readEntry(k, r, row, code, p);
      else if (name !== "") {
        const suggestion = closest(name, long.ids)[0];
        res.problems.push({ row: r, entry: 0, diagnostic: { code: "DATA_UNKNOWN_INDICATOR", severity: "error", args: { indicator: name, ...(suggestion ? { suggestion } : {}) }, column: long.indicator + 1 } });
      }
    },
    done(): RowsRead {
      return { ...res, code: codes.done(), name: names.done(), level: levels.done(), parent: parents.done(), period: periods.done(), attributes: attributes.map((a) => a.done()) };
    },
  };
}

/**
 * Reads a range: rows into `out` from row `offset` on, strings and problems into the outcome.
 * `scan` says whether rows are lines (then lines are counted here, cheaply) or csv-parse must
 * count them (quotes, blank lines: as readCsv does, from its info and raw text).
 */
export async function readRange(spec: RowSpec, range: Range, scan: Scan, out: RowColumns, offset: number, progress?: (bytes: number, rows: number) => void): Promise<RowOutcome> {
  const { header } = spec;
  const writer = rowWriter(spec, out, offset, scan.newlines + 1, Math.ceil((range.end - range.start) / 8));
  const res = { csv: [] as LineProblem[] } as { csv: LineProblem[]; syntax?: RowOutcome["syntax"] };
  const key = headerKey(header);
  const width = header.length;
  const exact = scan.irregular;
  let records = 0;
  let headerLine = 0;

  const onRecord = (record: string[], line: number): void => {
    if (range.first && records === 0) {
      records++;
      headerLine = line;
      return;
    }
    records++;
    const k = classifyRecord(record, header, key);
    if (k.kind === "blank") return;
    if (k.kind === "repeated-header") {
      res.csv.push({ code: "CSV_REPEATED_HEADER", severity: "warning", args: { first: range.first ? headerLine : -1 }, line });
      return;
    }
    if (k.kind === "ragged") {
      res.csv.push({ code: "CSV_RAGGED", severity: "error", args: { expected: width, actual: k.actual }, line });
      return;
    }
    writer.row(k.cells, line);
  };

  let told = 0;
  if (scan.quotes === 0) {
    // No quote in the range: its records are its lines, split at the delimiter, as csv-parse
    // would split them (test/load/csv-split.test.ts holds the two together), several times faster.
    await splitRange(spec, range, scan, (fields, line) => onRecord(fields, line), progress && ((bytes) => {
      progress(bytes, writer.rows - told);
      told = writer.rows;
    }));
    progress?.(0, writer.rows - told);
    return { ...writer.done(), ...res };
  }
  const parser = parse({ delimiter: spec.delimiter, relax_column_count: true, skip_empty_lines: true, bom: range.first, ...(exact ? { info: true, raw: true } : {}) });
  await new Promise<void>((resolve, reject) => {
    if (range.end > range.start) {
      // (the default 64 KiB chunks: with 1 MiB ones, the garbage collector works several times harder)
      const source = createReadStream(spec.path, { start: range.start, end: range.end - 1 });
      source.on("error", reject);
      if (progress) {
        source.on("data", (b) => {
          progress((b as Buffer).length, writer.rows - told);
          told = writer.rows;
        });
        parser.on("end", () => progress(0, writer.rows - told));
      }
      (scan.cr ? source.pipe(new LineEnds()) : source).pipe(parser);
      parser.on("error", () => source.destroy());
    } else {
      parser.end();
    }
    parser.on("readable", () => {
      for (let rec = parser.read(); rec !== null; rec = parser.read()) {
        if (exact) {
          const x = rec as { record: string[]; raw: string; info: { lines: number } };
          onRecord(x.record, x.info.lines - (x.raw.replace(/^\n+/, "").replace(/\n$/, "").match(/\n/g)?.length ?? 0));
        } else {
          onRecord(rec as string[], records + 1);
        }
      }
    });
    parser.on("error", (e: Error & { lines?: number }) => {
      res.syntax = { detail: e.message.replace(/^Invalid [^:]*: /, "").replace(/ at line \d+$/, "").split("\n")[0] ?? "", line: e.lines ?? 1 };
      resolve();
    });
    parser.on("end", () => resolve());
  });
  return { ...writer.done(), ...res };
}

/**
 * The records of a range without quotes: its lines (blank ones skipped), each split at the
 * delimiter, with its line number in the range; a byte-order mark at the start of the file is
 * dropped. `chunk` hears the bytes of each chunk read.
 */
async function splitRange(spec: RowSpec, range: Range, scan: Scan, onRecord: (fields: string[], line: number) => void, chunk?: (bytes: number) => void): Promise<void> {
  if (range.end <= range.start) return;
  // (the default 64 KiB chunks: with 1 MiB ones, the garbage collector works several times harder)
  const source = createReadStream(spec.path, { start: range.start, end: range.end - 1 });
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const d = spec.delimiter;
  const record = (raw: string, line: number) => onRecord(raw.split(d), line);
  let carry = "";
  let line = 0;
  let start = range.first;
  // (the bytes read are counted from the file, before line ends are made \n)
  if (scan.cr && chunk) source.on("data", (b) => chunk((b as Buffer).length));
  for await (const bytes of scan.cr ? source.pipe(new LineEnds()) : source) {
    const b = bytes as Buffer;
    let text = carry + decoder.decode(b, { stream: true });
    if (start && text !== "") {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      start = false;
    }
    const cut = text.lastIndexOf("\n");
    if (cut < 0) carry = text;
    else {
      line = eachLine(text.slice(0, cut + 1), line, record);
      carry = text.slice(cut + 1);
    }
    if (!scan.cr) chunk?.(b.length);
  }
  let rest = carry + decoder.decode();
  if (start && rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1);
  eachLine(rest, line, record);
}

/** The buffers of an outcome, to transfer rather than copy to the main thread. */
export function transferable(o: RowOutcome): ArrayBuffer[] {
  const all = [o.code.bytes, o.code.start, o.name.bytes, o.name.start, o.level.index, o.parent.index, o.period.index, ...o.attributes.map((a) => a.index)];
  return all.map((x) => x.buffer as ArrayBuffer);
}
