// Summary statistics of a list of numbers (an array or a typed array), for the engines and the
// report: null for an empty list. Written as loops: Math.min(...xs) spreads the list into
// arguments, which overflows the stack beyond about 120,000 values (a national dataset).

export function mean(xs: ArrayLike<number>): number | null {
  if (xs.length === 0) return null;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return s / xs.length;
}

export function median(xs: ArrayLike<number>): number | null {
  if (xs.length === 0) return null;
  // (a typed sort is a numeric sort; -0 and 0 may change places, which a median cannot tell)
  const s = Float64Array.from(xs).sort();
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function min(xs: ArrayLike<number>): number | null {
  if (xs.length === 0) return null;
  let best = xs[0] as number;
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) < best) best = xs[i] as number;
  return best;
}

export function max(xs: ArrayLike<number>): number | null {
  if (xs.length === 0) return null;
  let best = xs[0] as number;
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) > best) best = xs[i] as number;
  return best;
}

/** The statistic a roll-up rule names. */
export const STATS = { mean, median, min, max } as const;

/**
 * x rounded at the 15th significant digit of `scale`: the last digit a figure of that size
 * carries. A sum or a difference of figures is no more precise than its largest term, and its
 * digits beyond that are binary noise (9.652 − 8.85 = 0.8019999999999996, written 0.802).
 */
export function atPrecisionOf(x: number, scale: number): number {
  const m = Math.abs(scale);
  if (!Number.isFinite(x) || m === 0) return x;
  const decimals = 14 - Math.floor(Math.log10(m));
  if (decimals > 100) return x;
  const y = decimals <= 0 ? x : fixed(x, decimals);
  return y === 0 ? 0 : y;
}

// 10^d as doubles, exact for d up to 22
const POW10 = Array.from({ length: 23 }, (_, d) => Number(`1e${d}`));

/**
 * Number(x.toFixed(d)), without toFixed's exact decimal arithmetic, which is slow (a comparison
 * makes a few for each unit and indicator). toFixed takes the integer n nearest to x × 10^d (a
 * half away from zero), and Number() of its text is the double nearest n / 10^d, which is the
 * quotient of the two doubles when both are exact. y = |x| × 10^d is within y × 2^-53 of the
 * exact product: where that leaves no doubt about the nearest integer (y not within the error of
 * a half, and below 2^52, where doubles still have halves), n is Math.round(y); otherwise, and
 * for d above 22, toFixed decides. test/engine/stats.test.ts holds the two together.
 */
function fixed(x: number, d: number): number {
  const n = fixedDigits(x, d);
  if (n < 0) return Number(x.toFixed(d));
  const p = POW10[d] as number;
  return x < 0 ? -(n / p) : n / p;
}

/**
 * The integer toFixed(d) writes the digits of, for |x| (|x| × 10^d, a half away from zero), where
 * that is sure without toFixed's exact arithmetic (see fixed); else -1, and toFixed decides. What
 * fixed reads, and render/common.ts fixedFor, which writes toFixed's text from it.
 */
export function fixedDigits(x: number, d: number): number {
  const p = POW10[d];
  if (p === undefined) return -1;
  const a = x < 0 ? -x : x;
  const y = a * p;
  if (!(y < 4503599627370496)) return -1;
  const off = y - Math.floor(y) - 0.5;
  if ((off < 0 ? -off : off) <= y * 2.3e-16) return -1;
  return Math.round(y);
}
