// A CSV written as bytes, in chunks handed out as they fill: half a million rows (`score` of a
// national assessment) without a string each, and never the whole file in memory. The texts
// that repeat (a unit's first fields, an indicator's id, a status) are encoded once by the
// renderer and copied; numbers are written as digits (common.ts writeMachineNumber).
//
// The writer is plain data and the functions below, not closures: V8 inlines them into the
// renderer's loop, which writes a dozen fields a row.
import { writeDecimalDigits, writeMachineNumber, type CsvOptions } from "./common.ts";

/** A chunk's size: a pipe's buffer. */
const CHUNK = 1 << 16;

export interface ByteWriter {
  /** the chunk being filled, and how far */
  buf: Uint8Array;
  at: number;
  /** the chunks filled, not yet taken */
  ready: Uint8Array[];
  /** the CSV's decimal point and delimiter, as bytes */
  point: number;
  delimiter: number;
}

const utf8 = new TextEncoder();
/** A text as UTF-8 bytes, for putBytes. */
export const encode = (s: string): Uint8Array => utf8.encode(s);

export function byteWriter(c: CsvOptions): ByteWriter {
  return { buf: new Uint8Array(CHUNK), at: 0, ready: [], point: c.decimal.charCodeAt(0), delimiter: c.delimiter.charCodeAt(0) };
}

/**
 * Room for n more bytes: else the chunk is full, and a new one (large enough) begins. A writer of
 * many short fields may make room for a whole line at once, then write into `w.buf` from `w.at`
 * with copyBytes and numberBytes, which check nothing, and set `w.at` to the end.
 */
export function room(w: ByteWriter, n: number): void {
  if (w.at + n <= w.buf.length) return;
  if (w.at > 0) w.ready.push(w.buf.subarray(0, w.at));
  w.buf = new Uint8Array(Math.max(CHUNK, n));
  w.at = 0;
}

/** Bytes encoded once (see encode): a field with the delimiter or line end after it. */
export function putBytes(w: ByteWriter, b: Uint8Array): void {
  room(w, b.length);
  w.at = copyBytes(w.buf, w.at, b);
}

/** b's bytes into buf at `at` (room made for them): returns where they end. */
export function copyBytes(buf: Uint8Array, at: number, b: Uint8Array): number {
  const n = b.length;
  // (a loop copies the few bytes of a field faster than set(), which pays a call's cost)
  if (n < 32) for (let i = 0; i < n; i++) buf[at + i] = b[i] as number;
  else buf.set(b, at);
  return at + n;
}

/** A number as machineText writes it, in the CSV's decimal convention (nothing for NaN), and the delimiter after it, into w.buf at `at` (room made: NUMBER_ROOM + 1): returns where they end. */
export function numberBytes(w: ByteWriter, at: number, x: number): number {
  const end = writeMachineNumber(w.buf, at, x, w.point);
  w.buf[end] = w.delimiter;
  return end + 1;
}

/** A number kept as decimal digits (digits / 10^scale: model/columns.ts) as numberBytes writes it, from its digits (common.ts writeDecimalDigits), and the delimiter after it: returns where they end. */
export function decimalBytes(w: ByteWriter, at: number, digits: number, scale: number): number {
  const end = writeDecimalDigits(w.buf, at, digits, scale, w.point);
  w.buf[end] = w.delimiter;
  return end + 1;
}

/** The full chunks, handed over (a generator yields them as they come). */
export function take(w: ByteWriter): Uint8Array[] {
  // (the same array emptied, not a new one: a new empty array has another map, and the compiled
  // writer that had made room in the old one would be thrown away at the next full chunk)
  return w.ready.splice(0, w.ready.length);
}

/** Every chunk, the last one as far as it is filled: the writer is done. */
export function end(w: ByteWriter): Uint8Array[] {
  if (w.at > 0) w.ready.push(w.buf.subarray(0, w.at));
  w.buf = new Uint8Array(0);
  w.at = 0;
  return take(w);
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
