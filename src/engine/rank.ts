// Ranking and bands: ties at a fixed number of decimals, competition or dense ranks.

/** Rounds for comparison, so that 79.995 and 80.004999 behave the same on every machine. */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  // toPrecision(15) strips binary noise such as 1.005 * 100 = 100.49999999999999.
  return Math.round(Number((x * f).toPrecision(15))) / f;
}

// Codes are compared many times (every sort of every run of a sensitivity analysis): their
// runs of digits and non-digits are split once and remembered (a bounded memo, pure).
const runsOf = new Map<string, string[]>();
function runs(code: string): string[] {
  let r = runsOf.get(code);
  if (r === undefined) {
    if (runsOf.size >= 200_000) runsOf.clear();
    r = code.match(/\d+|\D+/g) ?? [];
    runsOf.set(code, r);
  }
  return r;
}

/** Natural order of unit codes: "964-2" before "964-10"; stable on every locale. */
export function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  const ra = runs(a);
  const rb = runs(b);
  const n = Math.min(ra.length, rb.length);
  for (let i = 0; i < n; i++) {
    const x = ra[i] as string;
    const y = rb[i] as string;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ra.length - rb.length;
}

export interface Rankable {
  code: string;
  /** the value ranked on, already rounded to the tie decimals */
  key: number;
}

/**
 * Ranks within one peer group, best first. Competition ranking gives 1, 2, 2, 4;
 * dense gives 1, 2, 2, 3. Returns code -> rank. Runs in O(n log n).
 */
export function rankGroup(items: readonly Rankable[], method: "competition" | "dense"): Map<string, number> {
  const sorted = [...items].sort((a, b) => b.key - a.key || compareCodes(a.code, b.code));
  const ranks = new Map<string, number>();
  let rank = 0;
  let distinct = 0;
  let prev: number | undefined;
  sorted.forEach((it, i) => {
    if (prev === undefined || it.key !== prev) {
      distinct += 1;
      rank = method === "dense" ? distinct : i + 1;
      prev = it.key;
    }
    ranks.set(it.code, rank);
  });
  return ranks;
}

/** The first band, from the highest, whose minimum the value reaches. */
export function bandOf<B extends { id: string; min: number }>(value: number, bands: readonly B[]): B | undefined {
  return bands.find((b) => value >= b.min);
}
