// Ranking and bands: ties at a fixed number of decimals, competition or dense ranks.

/** Rounds for comparison, so that 79.995 and 80.004999 behave the same on every machine. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const y = x * f;
  // toPrecision(15) strips binary noise such as 1.005 * 100 = 100.49999999999999. It can only
  // change the result near a half (within 1e-15 of y, relatively): elsewhere y rounds as it is,
  // without making a string.
  if (y === 0) return 0;
  const frac = y - Math.floor(y);
  if (Math.abs(frac - 0.5) > 1e-9 * Math.max(1, Math.abs(y))) return Math.round(y) / f;
  return Math.round(Number(y.toPrecision(15))) / f;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Natural order of unit codes: "964-2" before "964-10"; stable on every locale. Codes are cut
 * into runs of ASCII digits and runs of anything else; digit runs compare by value (then by
 * length, so "01" follows "1"), other runs as strings; the code with fewer runs left first.
 * Walks the two strings in place: sorting a million codes allocates nothing.
 */
export function compareCodes(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  let j = 0;
  while (i < la && j < lb) {
    const da = isDigit(a.charCodeAt(i));
    const db = isDigit(b.charCodeAt(j));
    let ie = i + 1;
    while (ie < la && isDigit(a.charCodeAt(ie)) === da) ie++;
    let je = j + 1;
    while (je < lb && isDigit(b.charCodeAt(je)) === db) je++;
    if (da && db) {
      const d = digitsValue(a, i, ie) - digitsValue(b, j, je);
      if (d !== 0) return d;
      // Equal values (or beyond 2^53, equal as numbers): the longer run after; runs as long
      // count as equal and end the comparison, as the first definition of this order did.
      if (ie - i !== je - j || !sameRun(a, i, b, j, ie - i)) return ie - i - (je - j);
    } else if (ie - i !== je - j || !sameRun(a, i, b, j, ie - i)) {
      return runLess(a, i, ie, b, j, je) ? -1 : 1;
    }
    i = ie;
    j = je;
  }
  return runsLeft(a, i) - runsLeft(b, j);
}

/** The value of a run of digits, as Number() reads it. */
function digitsValue(s: string, from: number, to: number): number {
  if (to - from > 15) return Number(s.slice(from, to));
  let v = 0;
  for (let k = from; k < to; k++) v = v * 10 + (s.charCodeAt(k) - 48);
  return v;
}

function sameRun(a: string, i: number, b: string, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/** a[i..ie) < b[j..je) as JavaScript compares strings (code units). */
function runLess(a: string, i: number, ie: number, b: string, j: number, je: number): boolean {
  const n = Math.min(ie - i, je - j);
  for (let k = 0; k < n; k++) {
    const x = a.charCodeAt(i + k);
    const y = b.charCodeAt(j + k);
    if (x !== y) return x < y;
  }
  return ie - i < je - j;
}

function runsLeft(s: string, from: number): number {
  let n = 0;
  for (let k = from; k < s.length; k++) if (k === from || isDigit(s.charCodeAt(k)) !== isDigit(s.charCodeAt(k - 1))) n++;
  return n;
}

export interface Rankable {
  code: string;
  /** the value ranked on, already rounded to the tie decimals */
  key: number;
}

/**
 * Ranks within one peer group, best first. Competition ranking gives 1, 2, 2, 4;
 * dense gives 1, 2, 2, 3. Returns code -> rank, best first. Runs in O(n log n).
 */
export function rankGroup(items: readonly Rankable[], method: "competition" | "dense"): Map<string, number> {
  const { order, rank } = rankIndexes(items.length, (i) => (items[i] as Rankable).key, (i) => (items[i] as Rankable).code, method);
  const ranks = new Map<string, number>();
  order.forEach((i, j) => ranks.set((items[i] as Rankable).code, rank[j] as number));
  return ranks;
}

/**
 * The ranking itself, on positions 0..n-1 (rankGroup's items, or units in columns): the positions
 * best first (the key descending, then the code), and the rank of each in that order.
 */
export function rankIndexes(n: number, key: (i: number) => number, code: (i: number) => string, method: "competition" | "dense"): { order: number[]; rank: Int32Array } {
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => key(b) - key(a) || compareCodes(code(a), code(b)));
  const rank = new Int32Array(n);
  let r = 0;
  let distinct = 0;
  let prev: number | undefined;
  order.forEach((i, j) => {
    const k = key(i);
    if (prev === undefined || k !== prev) {
      distinct += 1;
      r = method === "dense" ? distinct : j + 1;
      prev = k;
    }
    rank[j] = r;
  });
  return { order, rank };
}

/** The first band, from the highest, whose minimum the value reaches. */
export function bandOf<B extends { id: string; min: number }>(value: number, bands: readonly B[]): B | undefined {
  return bands.find((b) => value >= b.min);
}

/** What ranking a level reads and writes, by unit (dataset index). */
export interface LevelRanking {
  code: readonly string[];
  peerGroup: readonly string[];
  /** true for a unit that is not ranked */
  notRanked: (g: number) => boolean;
  /** true for a unit not ranked and still given its band (assessed, not ranked) */
  banded?: (g: number) => boolean;
  /** the value ranked on: the unit's percentage or score */
  rankedValue: (g: number) => number;
  /** the value graded by the bands */
  bandedValue: (g: number) => number;
  /** written: the rank (0: none) */
  rank: Int32Array;
  /** written: the band's index in the list (-1: none) */
  band: Int16Array;
  /** scratch: each ranked unit's value rounded at the ranking's decimals */
  key: Float64Array;
}

/**
 * Ranks and bands of one level's units (`runs`: its peer groups, units in code order), and the
 * level's order: peer group, rank, code, the units not ranked last in their group. Ties are
 * values equal at the ranking's decimals; bands grade the value rounded the same way.
 */
export function rankLevel(runs: readonly (readonly (readonly number[])[])[], size: number, r: LevelRanking, ranking: { method: "competition" | "dense"; decimals: number; sameValue: boolean }, bands: readonly { id: string; min: number }[]): Int32Array {
  const key = r.key;
  const ordered = new Int32Array(size);
  let o = 0;
  for (const groups of runs) {
    const run: number[] = [];
    for (const g of groups) {
      const ranked = g.filter((u) => !r.notRanked(u));
      for (const u of ranked) key[u] = roundTo(r.rankedValue(u), ranking.decimals);
      const { order, rank } = rankIndexes(ranked.length, (i) => key[ranked[i] as number] as number, (i) => r.code[ranked[i] as number] as string, ranking.method);
      order.forEach((i, j) => {
        const u = ranked[i] as number;
        r.rank[u] = rank[j] as number;
        run.push(u);
      });
      for (const u of g) if (r.notRanked(u)) run.push(u);
    }
    if (groups.length > 1) run.sort((a, b) => compareCodes(r.peerGroup[a] as string, r.peerGroup[b] as string) || (r.rank[a] || Infinity) - (r.rank[b] || Infinity) || compareCodes(r.code[a] as string, r.code[b] as string));
    for (const u of run) ordered[o++] = u;
  }
  for (const u of ordered) {
    const banded = r.banded?.(u) === true;
    if (r.notRanked(u) && !banded) continue;
    const b = bandOf(ranking.sameValue && !banded ? (key[u] as number) : roundTo(r.bandedValue(u), ranking.decimals), bands);
    r.band[u] = b ? bands.indexOf(b) : -1;
  }
  return ordered;
}
