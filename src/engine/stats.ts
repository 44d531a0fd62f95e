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
  const y = decimals <= 0 ? x : Number(x.toFixed(decimals));
  return y === 0 ? 0 : y;
}
