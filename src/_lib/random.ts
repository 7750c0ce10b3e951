/**
 * mulberry32: a small, fast, seedable 32-bit PRNG. Every random draw in segmentkit goes through a
 * generator made here, so one seed reproduces a run in Node and in the browser alike.
 *
 * @param seed - any integer; only its low 32 bits are used.
 * @returns a function giving uniform numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal draws by Box-Muller from a uniform generator, using both branches (the second is
 * cached for the next call).
 */
export function normalGenerator(uniform: () => number): () => number {
  let cached: number | undefined;
  return () => {
    if (cached !== undefined) {
      const value = cached;
      cached = undefined;
      return value;
    }
    let u = uniform();
    while (u === 0) u = uniform();
    const v = uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    cached = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
}
