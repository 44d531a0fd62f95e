// Texts kept as UTF-8 bytes and offsets: a million unit names without a million strings on a
// heap (the garbage collector walks every string it keeps, again and again, as a heap grows).
// A column of few distinct texts (levels, parents, periods) is kept as indexes into them.

export interface Texts {
  bytes: Uint8Array;
  /** where text i starts; text i ends where i + 1 starts */
  start: Int32Array;
  count: number;
}

/** Appends texts into a buffer that grows; done() gives the column (its buffers can be transferred). */
export function textWriter(rows: number, bytes: number): { add(s: string): void; done(): Texts } {
  let buf = Buffer.allocUnsafe(Math.max(16, bytes));
  let start = new Int32Array(rows + 1);
  let count = 0;
  let end = 0;
  return {
    add(s) {
      if (end + s.length * 3 > buf.length) {
        const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, end + s.length * 3));
        buf.copy(bigger, 0, 0, end);
        buf = bigger;
      }
      if (count + 1 >= start.length) {
        const more = new Int32Array(start.length * 2);
        more.set(start);
        start = more;
      }
      end += buf.write(s, end, "utf8");
      start[++count] = end;
    },
    done() {
      // copies, so that the buffers hold the texts only and can be transferred whole
      return { bytes: Uint8Array.from(buf.subarray(0, end)), start: start.slice(0, count + 1), count };
    },
  };
}

/** Text i of a column (a text or two: a diagnostic's; for many, textReader). */
export function textAt(t: Texts, i: number): string {
  return textReader(t)(i);
}

/**
 * The texts of a column, read one by one (every unit's name, for a report): one Buffer over its
 * bytes, made once, rather than one per text.
 */
export function textReader(t: Texts): (i: number) => string {
  const bytes = Buffer.from(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength);
  const start = t.start;
  return (i) => bytes.toString("utf8", start[i], start[i + 1]);
}

/** All the texts, one after the other, as one column. */
export function joinTexts(parts: readonly Texts[]): Texts {
  const bytes = new Uint8Array(parts.reduce((n, p) => n + (p.start[p.count] as number), 0));
  const count = parts.reduce((n, p) => n + p.count, 0);
  const start = new Int32Array(count + 1);
  let b = 0;
  let c = 0;
  for (const p of parts) {
    const len = p.start[p.count] as number;
    bytes.set(p.bytes.subarray(0, len), b);
    for (let i = 1; i <= p.count; i++) start[c + i] = b + (p.start[i] as number);
    b += len;
    c += p.count;
  }
  return { bytes, start, count };
}

/** A column of few distinct texts: each row's index into `values`. */
export interface Coded {
  index: Int32Array;
  values: string[];
}

export function codedWriter(rows: number): { add(s: string): void; done(): Coded } {
  const seen = new Map<string, number>();
  const values: string[] = [];
  let index = new Int32Array(Math.max(rows, 1));
  let count = 0;
  return {
    add(s) {
      let i = seen.get(s);
      if (i === undefined) {
        seen.set(s, (i = values.length));
        values.push(s);
      }
      if (count >= index.length) {
        const more = new Int32Array(index.length * 2);
        more.set(index);
        index = more;
      }
      index[count++] = i;
    },
    done() {
      return { index: index.slice(0, count), values };
    },
  };
}
