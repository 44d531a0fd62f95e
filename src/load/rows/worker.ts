// A worker thread of a streamed file: scans its byte range of a CSV file, waits for
// the shared columns the main thread allocates from every range's line count, reads its rows
// into them, and sends back the strings, texts and problems (the protocol: read.ts).
import { parentPort, workerData } from "node:worker_threads";
import { decimalEntry, ratioColumns, readRange, scanRange, transferable, type Range, type RowSpec, type Scan } from "./rows.ts";

export interface Job {
  spec: RowSpec;
  range: Range;
}

/** The shared columns to fill, the first slot of the range in them, and the range to read (the
 * one scanned, or longer when the next one was joined to it); null: nothing to read. */
export interface Columns {
  state: SharedArrayBuffer[];
  value: SharedArrayBuffer[];
  /** per entry of a ratio of two columns: its numerators, its denominators */
  numerator: (SharedArrayBuffer | undefined)[];
  denominator: (SharedArrayBuffer | undefined)[];
  line: SharedArrayBuffer;
  offset: number;
  range: Range;
  scan: Scan;
}

const port = parentPort;
if (port) {
  const { spec, range } = workerData as Job;
  port.postMessage({ type: "scan", scan: scanRange(spec.path, range) });
  port.once("message", (c: Columns | null) => {
    if (c === null) {
      port.close();
      return;
    }
    const out = {
      state: c.state.map((b) => new Uint8Array(b)),
      value: spec.entries.map((e, k) => (decimalEntry(e) ? new Int32Array(c.value[k] as SharedArrayBuffer) : new Float64Array(c.value[k] as SharedArrayBuffer))),
      wide: spec.entries.map(() => new Map<number, number>()),
      ...ratioColumns(c),
      line: new Int32Array(c.line),
    };
    let bytes = 0;
    let rows = 0;
    const progress = (b: number, r: number): void => {
      bytes += b;
      rows += r;
      if (bytes < 4 << 20) return;
      port.postMessage({ type: "progress", bytes, rows });
      bytes = 0;
      rows = 0;
    };
    readRange(spec, c.range, c.scan, out, c.offset, progress).then(
      (outcome) => port.postMessage({ type: "done", outcome, bytes, rows }, transferable(outcome)),
      (e: unknown) => port.postMessage({ type: "failed", message: e instanceof Error ? e.message : String(e) }),
    );
  });
}
