// The CSV dialect as files arrive from Excel and agencies' systems, stated once for every reader
// (the whole-file reader csv.ts, the range reader of streamed files rows/rows.ts): what a workbook looks
// like, byte-order marks and UTF-16 without one, the delimiter, text keys, where a record starts,
// duplicate and repeated headers, blank rows, and rows with trailing separators or the wrong width.

const ASCII = /^[\x00-\x7f]*$/;
/** Text keys (headers, codes) are compared after NFC normalisation and trimming. (ASCII text
 * is its own NFC form: the test is cheaper than normalize() for a million codes.) */
export const normKey = (s: string): string => (ASCII.test(s) ? s : s.normalize("NFC")).trim();

const WORKBOOK_MAGIC = [
  [0x50, 0x4b, 0x03, 0x04], // xlsx (a zip file)
  [0xd0, 0xcf, 0x11, 0xe0], // xls
];

/** The file's first bytes are a workbook's (xlsx or xls), not text. */
export const isWorkbook = (b: Uint8Array): boolean => WORKBOOK_MAGIC.some((m) => m.every((x, i) => b[i] === x));

/** The encoding a byte-order mark declares, and its length; undefined without one. */
export function byteOrderMark(b: Uint8Array): { encoding: "utf-8" | "utf-16le" | "utf-16be"; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** Many zero bytes in alternate positions of the first 4 KiB: UTF-16 without its byte-order mark. */
export function looksLikeUtf16(b: Uint8Array): boolean {
  let zeros = 0;
  const n = Math.min(b.length, 4096);
  for (let i = 1; i < n; i += 2) if (b[i] === 0) zeros++;
  return n >= 4 && zeros > n / 4;
}

/** How often , ; and tab appear outside quotes on the first line of a CSV text. */
function delimiterCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c] = (counts[c] ?? 0) + 1;
  }
  return counts;
}

/** The delimiter of a CSV text: the most frequent of , ; and tab on its first line. */
export function detectDelimiter(text: string): string {
  const counts = delimiterCounts(text);
  let best = ",";
  for (const d of [";", "\t"]) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

/**
 * The delimiter a file is read with: the declared one, unless its header has none of it and
 * another one instead (a commune's comma file in a `;` folder); then that other one, and
 * `found` says so (CSV_DELIMITER_MISMATCH), rather than a header of one long column.
 */
export function fileDelimiter(text: string, declared: string): { delimiter: string; found?: string } {
  if (declared === "auto") return { delimiter: detectDelimiter(text) };
  const counts = delimiterCounts(text);
  if ((counts[declared] ?? 0) > 0) return { delimiter: declared };
  const found = detectDelimiter(text);
  return (counts[found] ?? 0) > 0 ? { delimiter: found, found } : { delimiter: declared };
}

/** The decimal mark of a file read with another delimiter than declared: a comma-separated file
 * cannot write decimal commas, so in a folder of decimal commas it writes points. */
export const fileDecimal = (found: string | undefined, declared: "." | "," | undefined): "." | undefined => (found === "," && declared === "," ? "." : undefined);

/** How a delimiter is named in a message: the tab by name. */
export const delimiterName = (d: string): string => (d === "\t" ? "tab" : d);

/** The line a record starts on, from csv-parse's info (the line it ends on) and its raw text. */
export const recordStartLine = (r: { raw: string; info: { lines: number } }): number => r.info.lines - (r.raw.replace(/^\n+/, "").replace(/\n$/, "").match(/\n/g)?.length ?? 0);

/** The positions (0-based) of the header's names that repeat an earlier one. */
export function duplicateHeaders(header: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  header.forEach((h, i) => {
    if (h !== "" && seen.has(h)) out.push(i);
    seen.add(h);
  });
  return out;
}

/** The key a header is recognised by when it comes again further down (two exports pasted into one file). */
export const headerKey = (header: readonly string[]): string => header.join("\u0000");

/**
 * What a record below the header is: blank (skipped), the header again (a warning), a row of
 * the wrong width (an error), or a row with its cells. A row with extra empty cells at the end
 * (a trailing separator from Excel) is not ragged: they are dropped.
 */
export type RecordKind = { kind: "blank" } | { kind: "repeated-header" } | { kind: "ragged"; actual: number } | { kind: "row"; cells: string[] };

export function classifyRecord(record: string[], header: readonly string[], key: string): RecordKind {
  let blank = true;
  for (const c of record) {
    if (c.trim() !== "") {
      blank = false;
      break;
    }
  }
  if (blank) return { kind: "blank" };
  // (the first cell first: most rows are not the header, and that costs one comparison)
  if (normKey(record[0] as string) === header[0] && record.map(normKey).join("\u0000") === key) return { kind: "repeated-header" };
  let cells = record;
  while (cells.length > header.length && (cells[cells.length - 1] ?? "").trim() === "") cells = cells.slice(0, -1);
  if (cells.length !== header.length) return { kind: "ragged", actual: cells.length };
  return { kind: "row", cells };
}

// Vietnamese letters and the combining tone marks that windows-1258 spells text with.
const VIETNAMESE = /[ăâêôơưđĂÂÊÔƠƯĐàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ\u0300\u0301\u0303\u0309\u0323]/;

/**
 * Bytes that are not UTF-8 but read as Vietnamese in windows-1258 (what older Excel saves on a
 * Vietnamese Windows): four in five of the characters its upper half gives are Vietnamese letters
 * or tone marks. Bytes of another code page (or of no text) give symbols and Latin-1 letters instead.
 */
export function looksLikeWindows1258(b: Uint8Array): boolean {
  const text = new TextDecoder("windows-1258").decode(b.subarray(0, 1 << 16));
  let high = 0;
  let vietnamese = 0;
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) continue;
    high++;
    if (VIETNAMESE.test(c)) vietnamese++;
  }
  // (most upper-half characters Vietnamese, and at least a few: stray bytes of another kind of
  // file give symbols and Latin-1 letters)
  return vietnamese >= 3 && vietnamese * 5 >= high * 4;
}
