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
