// Seeded pseudo-random numbers for the Monte Carlo analyses: small, fast and the same on every
// machine, so that a fixed seed reproduces a result byte for byte.

/** mulberry32: a 32-bit generator, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit mix (the finaliser of MurmurHash3): neighbouring inputs give unrelated outputs. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The generator of one run, from the analysis seed and the run's index alone: a run draws the
 * same numbers whichever worker computes it, and in whatever order.
 */
export function runRandom(seed: number, index: number): () => number {
  return mulberry32(mix32(mix32(seed) ^ Math.imul(index + 1, 0x9e3779b9)));
}
