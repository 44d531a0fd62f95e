// Reading one wide CSV file into row columns, on every core: the file is cut into line-aligned
// byte ranges, one worker thread per range (worker.ts). The protocol:
//   1. each worker scans its range (scanRange: lines, quotes, line ends, UTF-8) and reports;
//   2. here, a cut that falls inside quotes (an odd number of quotes before it) is undone: the
//      two ranges become one, read by one worker (a file whose quoted fields hold line breaks
//      is read as one stream where needed);
//   3. shared columns are allocated, a slot per line of each range, and each worker reads its
//      rows into its slots (readRange) and sends back the strings, texts and problems.
// Small files, and runs without the built worker (the tests), read the ranges here, in turn.
import { existsSync, openSync, readSync, closeSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { packageRoot } from "../shipped.ts";
import { decimalEntry, ratioColumns, readRange, rowWriter, scanRange, type CellProblemAt, type LineProblem, type Range, type RowColumns, type RowOutcome, type RowSpec, type Scan } from "./rows.ts";
import { joinTexts, type Coded, type Texts } from "./texts.ts";
import { stateOf, VALUE } from "../../model/columns.ts";
import type { Columns, Job } from "./worker.ts";
import type { CsvRow } from "../csv.ts";

export interface ReadOptions {
  /** bytes per range at least; a smaller file is one range (default 16 MiB) */
  chunk: number;
  /** ranges at most (default: the cores) */
  parallel: number;
  /** read in worker threads when the built worker is there */
  workers: boolean;
  /** bytes and rows read since the last call */
  progress?: (bytes: number, rows: number) => void;
}

export const DEFAULT_READ: ReadOptions = { chunk: 16 << 20, parallel: availableParallelism(), workers: true };

/** The rows of one file, in file order. */
export interface FileRows {
  rows: number;
  /** the length of the columns: at least `rows` */
  capacity: number;
  /** by row, in file order */
  columns: RowColumns;
  code: string[];
  /** the names, as bytes (read.ts: nameOf) */
  name: Texts;
  level: string[];
  parent: string[];
  period: string[];
  attributes: string[][];
  /** per entry: the texts its values index (one dictionary for the whole file) */
  texts: string[][];
  /** cell problems; `row` in file order, the diagnostic's line set */
  problems: CellProblemAt[];
  /** CSV_RAGGED, CSV_REPEATED_HEADER, with their lines */
  csv: LineProblem[];
  /** csv-parse stopped here (the line in the file) */
  syntax?: { detail: string; line: number };
  invalidUtf8: boolean;
}

function workerFile(): string | undefined {
  try {
    const f = path.join(packageRoot(), "dist", "worker.js");
    return existsSync(f) ? f : undefined;
  } catch {
    return undefined;
  }
}

/** Line-aligned cuts: each target offset moves to just after the next line end; the first range
 * holds the header (`from`: the byte after it). */
function ranges(file: string, size: number, k: number, from: number): Range[] {
  const cuts = [0];
  const fd = openSync(file, "r");
  const buf = Buffer.allocUnsafe(64 << 10);
  try {
    for (let i = 1; i < k; i++) {
      let pos = Math.max(Math.floor((size * i) / k), (cuts[cuts.length - 1] as number) + 1, from - 1);
      let cut = -1;
      while (pos < size && cut < 0) {
        const n = readSync(fd, buf, 0, buf.length, pos);
        if (n <= 0) break;
        const at = buf.subarray(0, n).indexOf(10);
        if (at >= 0) cut = pos + at + 1;
        pos += n;
      }
      if (cut < 0 || cut >= size) break;
      cuts.push(cut);
    }
  } finally {
    closeSync(fd);
  }
  return cuts.map((start, i) => ({ start, end: cuts[i + 1] ?? size, first: i === 0 }));
}

/** Ranges whose start is inside quotes (an odd number of quotes before it) join the previous. */
function joinQuoted(rs: Range[], scans: Scan[]): { ranges: Range[]; scans: Scan[]; from: number[] } {
  const out: Range[] = [];
  const outScans: Scan[] = [];
  const from: number[] = [];
  let quotes = 0;
  rs.forEach((r, i) => {
    const s = scans[i] as Scan;
    const last = out[out.length - 1];
    const lastScan = outScans[outScans.length - 1];
    if (last && lastScan && quotes % 2 === 1) {
      last.end = r.end;
      outScans[outScans.length - 1] = {
        newlines: lastScan.newlines + s.newlines,
        quotes: lastScan.quotes + s.quotes,
        cr: lastScan.cr || s.cr,
        irregular: lastScan.irregular || s.irregular,
        invalidUtf8: lastScan.invalidUtf8 || s.invalidUtf8,
      };
    } else {
      out.push({ ...r });
      outScans.push(s);
      from.push(i);
    }
    quotes += s.quotes;
  });
  return { ranges: out, scans: outScans, from };
}

/** The row columns of a file; `shared`: in memory the worker threads can write to. */
function allocate(spec: RowSpec, capacity: number, shared = true) {
  const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const buffers = {
    state: spec.entries.map(() => buffer(capacity)),
    // decimal digits in 4 bytes; ratios of two columns, quotients, in 8 (rows.ts decimalEntry)
    value: spec.entries.map((e) => buffer(capacity * (decimalEntry(e) ? 4 : 8))),
    // and their numerators and denominators
    numerator: spec.entries.map((e) => (decimalEntry(e) ? undefined : buffer(capacity * 8))),
    denominator: spec.entries.map((e) => (decimalEntry(e) ? undefined : buffer(capacity * 8))),
    line: buffer(capacity * 4),
  };
  const columns: RowColumns = {
    state: buffers.state.map((b) => new Uint8Array(b)),
    value: spec.entries.map((e, k) => (decimalEntry(e) ? new Int32Array(buffers.value[k] as ArrayBuffer) : new Float64Array(buffers.value[k] as ArrayBuffer))),
    wide: spec.entries.map(() => new Map<number, number>()),
    ...ratioColumns(buffers),
    line: new Int32Array(buffers.line),
  };
  return { shared: buffers as Omit<Columns, "offset" | "range" | "scan">, columns };
}

export async function readRows(spec: RowSpec, o: ReadOptions = DEFAULT_READ): Promise<FileRows> {
  const size = statSync(spec.path).size;
  const k = Math.max(1, Math.min(o.parallel, Math.floor(size / Math.max(1, o.chunk))));
  const cut = ranges(spec.path, size, k, spec.headerEnd);
  const script = o.workers && cut.length > 1 ? workerFile() : undefined;

  let outcomes: RowOutcome[];
  let final: Range[];
  let scans: Scan[];
  let offsets: number[];
  let columns: RowColumns;
  let capacity: number;
  if (script) {
    // 1. every worker scans its range
    const workers = cut.map((range) => new Worker(script, { workerData: { spec, range } satisfies Job }));
    const failure = new Promise<never>((_, reject) => workers.forEach((w) => w.once("error", reject)));
    failure.catch(() => undefined);
    const first = await Promise.race([Promise.all(workers.map((w) => new Promise<Scan>((resolve) => w.once("message", (m: { scan: Scan }) => resolve(m.scan))))), failure]);
    // 2. cuts inside quotes are undone
    const joined = joinQuoted(cut, first);
    ({ ranges: final, scans } = joined);
    // 3. shared columns; each remaining worker reads its (possibly longer) range
    ({ offsets, capacity } = layout(scans));
    const a = allocate(spec, capacity);
    columns = a.columns;
    const chosen = new Set(joined.from);
    const jobs: Promise<RowOutcome>[] = [];
    workers.forEach((w, i) => {
      if (!chosen.has(i)) {
        w.postMessage(null);
        return;
      }
      const j = joined.from.indexOf(i);
      jobs.push(
        new Promise<RowOutcome>((resolve, reject) => {
          w.on("message", (m: { type: string; bytes?: number; rows?: number; outcome?: RowOutcome; message?: string }) => {
            if (m.type === "progress" || m.type === "done") o.progress?.(m.bytes ?? 0, m.rows ?? 0);
            if (m.type === "done") resolve(m.outcome as RowOutcome);
            if (m.type === "failed") reject(new Error(m.message));
          });
        }),
      );
      const msg: Columns = { ...a.shared, offset: offsets[j] as number, range: final[j] as Range, scan: scans[j] as Scan };
      w.postMessage(msg);
    });
    try {
      outcomes = await Promise.race([Promise.all(jobs), failure]);
    } finally {
      for (const w of workers) void w.terminate();
    }
  } else {
    const first = cut.map((r) => scanRange(spec.path, r));
    const joined = joinQuoted(cut, first);
    ({ ranges: final, scans } = joined);
    ({ offsets, capacity } = layout(scans));
    columns = allocate(spec, capacity).columns;
    outcomes = [];
    for (const [j, r] of final.entries()) outcomes.push(await readRange(spec, r, scans[j] as Scan, columns, offsets[j] as number, o.progress));
  }
  return merge(spec, scans, offsets, capacity, columns, outcomes);
}

/**
 * The rows of a table read whole (load/csv.ts readCsv, a worksheet of load/workbook.ts: a file in
 * another encoding than UTF-8, a workbook, a long file, a small file) into row columns, by the
 * row code a streamed file's ranges use (rows.ts rowWriter).
 */
export function tableRows(spec: RowSpec, rows: readonly CsvRow[]): FileRows {
  const { columns } = allocate(spec, rows.length, false);
  const writer = rowWriter(spec, columns, 0, rows.length, rows.length * 16);
  for (const row of rows) writer.row(row.cells, row.line, row.problems);
  const whole: Scan = { newlines: 0, quotes: 0, cr: false, irregular: false, invalidUtf8: false };
  return merge(spec, [whole], [0], rows.length, columns, [{ ...writer.done(), csv: [] }]);
}

/** A slot per line of each range (and one for a last line without its line end). */
function layout(scans: Scan[]): { offsets: number[]; capacity: number } {
  const offsets: number[] = [];
  let capacity = 0;
  for (const s of scans) {
    offsets.push(capacity);
    capacity += s.newlines + 1;
  }
  return { offsets, capacity };
}

/** The ranges' outcomes as one file: lines counted from the file's start, one text dictionary. */
function merge(spec: RowSpec, scans: Scan[], offsets: number[], capacity: number, columns: RowColumns, outcomes: RowOutcome[]): FileRows {
  const rows = outcomes.reduce((n, x) => n + x.rows, 0);
  const out: FileRows = {
    rows,
    capacity,
    columns,
    code: [],
    name: joinTexts(outcomes.map((x) => x.name)),
    level: [],
    parent: [],
    period: [],
    attributes: spec.attributes.map(() => []),
    texts: spec.entries.map(() => []),
    problems: [],
    csv: [],
    invalidUtf8: scans.some((s) => s.invalidUtf8),
  };
  const dictionaries = spec.entries.map(() => new Map<string, number>());
  // (in the main thread, readRange wrote into columns.wide itself: start afresh from the outcomes)
  const wide = spec.entries.map(() => new Map<number, number>());
  const outcomesWide = outcomes.map((x) => x.wide.map((w) => new Map(w)));
  outcomes.forEach((x, j) => (x.wide = outcomesWide[j] as Map<number, number>[]));
  let row = 0;
  let lineOffset = 0;
  outcomes.forEach((x, j) => {
    // Rows of every range one after the other: the few slots a range did not use (its header,
    // blank lines) are closed up, in place.
    const from = offsets[j] as number;
    if (from !== row) {
      for (const c of [...columns.state, ...columns.value, ...columns.numerator, ...columns.denominator, columns.line]) c?.copyWithin(row, from, from + x.rows);
    }
    const offset = row;
    if (lineOffset) for (let r = 0; r < x.rows; r++) columns.line[offset + r] = (columns.line[offset + r] as number) + lineOffset;
    // the values kept whole, by slot: by row now (in a worker, they came in the outcome)
    x.wide.forEach((w, k) => {
      for (const [slot, v] of w) {
        if (slot < from || slot >= from + x.rows) continue;
        wide[k]?.set(slot - from + offset, v);
      }
    });
    // codes become strings (the loader keys its units by them); names stay bytes
    const buf = Buffer.from(x.code.bytes.buffer, x.code.bytes.byteOffset, x.code.bytes.byteLength);
    for (let r = 0; r < x.rows; r++) out.code.push(buf.toString("utf8", x.code.start[r], x.code.start[r + 1]));
    const decode = (to: string[], from: Coded) => {
      for (let r = 0; r < from.index.length; r++) to.push(from.values[from.index[r] as number] as string);
    };
    decode(out.level, x.level);
    decode(out.parent, x.parent);
    if (spec.fields.period >= 0) decode(out.period, x.period);
    x.attributes.forEach((a, i) => decode(out.attributes[i] as string[], a));
    // the texts of each range into the file's dictionary
    x.texts.forEach((texts, k) => {
      if (texts.length === 0) return;
      const dict = dictionaries[k] as Map<string, number>;
      const global = texts.map((t) => {
        let g = dict.get(t);
        if (g === undefined) {
          dict.set(t, (g = dict.size));
          (out.texts[k] as string[]).push(t);
        }
        return g;
      });
      if (global.every((g, i) => g === i)) return;
      const state = columns.state[k] as Uint8Array;
      const value = columns.value[k] as Float64Array | Int32Array;
      for (let r = 0; r < x.rows; r++) if (stateOf(state[offset + r] as number) === VALUE) value[offset + r] = global[value[offset + r] as number] as number;
    });
    for (const p of x.problems) out.problems.push({ row: row + p.row, entry: p.entry, diagnostic: { ...p.diagnostic, line: (columns.line[offset + p.row] as number) } });
    for (const d of x.csv) out.csv.push({ ...d, line: d.line + lineOffset });
    if (x.syntax && !out.syntax) out.syntax = { detail: x.syntax.detail, line: x.syntax.line + lineOffset };
    row += x.rows;
    lineOffset += (scans[j] as Scan).newlines;
  });
  columns.wide = wide;
  return out;
}
