// Correlations of paired values, for `compare` (two rankings) and `audit` (indicators, pillars,
// totals). Pure. Each returns null where the coefficient is undefined: fewer than two pairs, or a
// side without spread (a constant has no correlation with anything).

/** Pearson's r: the covariance over the product of the standard deviations (two-pass, for accuracy). */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError("pearson: the two lists differ in length");
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number;
    my += ys[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  // rounding can carry |r| a hair past 1
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ranks from 1 (the smallest value), ties sharing the mean of the ranks they span (1, 2.5, 2.5, 4). */
export function midranks(xs: ArrayLike<number>): number[] {
  const n = xs.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (xs[a] as number) - (xs[b] as number));
  const out = new Array<number>(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && xs[order[j] as number] === xs[order[i] as number]) j++;
    const r = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) out[order[k] as number] = r;
    i = j;
  }
  return out;
}

/**
 * A value as ranks compare it: at 12 significant digits, so that values equal but for the last
 * bits of floating-point arithmetic (a pillar's 11.2 / 14 reached by two sums in different orders)
 * tie, as they do on paper. (An integer of up to 12 digits, a rank, is its own key: no text made.)
 */
const tieKey = (x: number): number => (x === 0 || !Number.isFinite(x) || (Number.isInteger(x) && Math.abs(x) < 1e12) ? x : Number(x.toPrecision(12)));

/** Spearman's rho: Pearson's r of the mid-ranks (the definition that holds with ties). */
export function spearman(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  if (xs.length !== ys.length) throw new RangeError("spearman: the two lists differ in length");
  return pearson(midranks(Array.from(xs, tieKey)), midranks(Array.from(ys, tieKey)));
}

/**
 * Kendall's tau-b: (concordant − discordant) / sqrt((n0 − n1)(n0 − n2)), where n0 = n(n−1)/2 and
 * n1, n2 count the pairs tied in x and in y; a pair tied in both counts in neither sum. Over all
 * pairs (quadratic: a level of ten thousand units is fifty million pairs, well under a second).
 */
export function kendallTauB(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError("kendallTauB: the two lists differ in length");
  if (n < 2) return null;
  let s = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < n; i++) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign((xs[j] as number) - xi);
      const dy = Math.sign((ys[j] as number) - yi);
      if (dx === 0) tiesX++;
      if (dy === 0) tiesY++;
      s += dx * dy;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const d = Math.sqrt((n0 - tiesX) * (n0 - tiesY));
  return d === 0 ? null : s / d;
}
