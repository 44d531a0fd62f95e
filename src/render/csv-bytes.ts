// A CSV written as bytes, in chunks handed out as they fill: half a million rows (`score` of a
// national assessment) without a string each, and never the whole file in memory. The texts
// that repeat (a unit's first fields, an indicator's id, a status) are encoded once by the
// renderer and copied; numbers are written as digits (common.ts writeMachineNumber).
import { NUMBER_ROOM, writeMachineNumber, type CsvOptions } from "./common.ts";

/** A chunk's size: a pipe's buffer. */
const CHUNK = 1 << 16;

export interface ByteWriter {
  /** bytes encoded once (see encode): a field with the delimiter or line end after it */
  bytes(b: Uint8Array): void;
  /** a number as machineText writes it, in the CSV's decimal convention (nothing for null or
   * NaN), and the delimiter after it */
  numField(x: number | null): void;
  /** whether a chunk is full, to be taken */
  full(): boolean;
  /** the full chunks, handed over */
  take(): Uint8Array[];
  /** every chunk, the last one as far as it is filled: the writer is done */
  end(): Uint8Array[];
}

const utf8 = new TextEncoder();
/** A text as UTF-8 bytes, for ByteWriter.bytes. */
export const encode = (s: string): Uint8Array => utf8.encode(s);

export function byteWriter(c: CsvOptions): ByteWriter {
  const point = c.decimal.charCodeAt(0);
  const delimiter = c.delimiter.charCodeAt(0);
  let buf = new Uint8Array(CHUNK);
  let at = 0;
  let ready: Uint8Array[] = [];
  /** room for n more bytes: else the chunk is full, and a new one (large enough) begins */
  const room = (n: number): void => {
    if (at + n <= buf.length) return;
    if (at > 0) ready.push(buf.subarray(0, at));
    buf = new Uint8Array(Math.max(CHUNK, n));
    at = 0;
  };
  const take = (): Uint8Array[] => {
    const out = ready;
    ready = [];
    return out;
  };
  return {
    bytes(b) {
      const n = b.length;
      room(n);
      // (a loop copies the few bytes of a field faster than set(), which pays a call's cost)
      if (n < 32) for (let i = 0; i < n; i++) buf[at + i] = b[i] as number;
      else buf.set(b, at);
      at += n;
    },
    numField(x) {
      room(NUMBER_ROOM + 1);
      if (x !== null) at = writeMachineNumber(buf, at, x, point);
      buf[at++] = delimiter;
    },
    full: () => ready.length > 0,
    take,
    end() {
      if (at > 0) ready.push(buf.subarray(0, at));
      buf = new Uint8Array(0);
      at = 0;
      return take();
    },
  };
}

/** Chunks as one text (a renderer that returns the whole file). */
export function chunksText(chunks: readonly Uint8Array[]): string {
  const all = new Uint8Array(chunks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of chunks) {
    all.set(b, at);
    at += b.length;
  }
  // (a BOM written stays in the text, as the string renderers have it)
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(all);
}
