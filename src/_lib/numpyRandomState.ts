/**
 * numpy's legacy `RandomState(seed)` (the generator scikit-learn's `random_state=seed` builds): the
 * MT19937 Mersenne Twister seeded by `init_genrand`, with numpy's exact derived draws. k-means uses
 * it so that a seed gives the same k-means++ draws as `KMeans(random_state=seed)` in scikit-learn.
 * Plain 32-bit integer arithmetic (`Math.imul`, `>>> 0`): identical in every JavaScript engine.
 *
 * References: Matsumoto and Nishimura 1998 (https://doi.org/10.1145/272991.272995); numpy
 * `randomkit` / `mt19937.c` and `distributions.c` (`random_interval`, `mt19937_next_double`).
 */

/** The draws k-means needs from a seeded generator. */
export interface RandomDraws {
  /** A uniform double in [0, 1) (`RandomState.random_sample`, 53 random bits). */
  uniform(): number;
  /** A uniform integer in [0, bound) (`RandomState.randint(bound)`: masked rejection sampling). */
  integer(bound: number): number;
}

const stateLength = 624;
const shift = 397;

/**
 * A numpy-compatible `RandomState(seed)`.
 * @param seed - an integer; numpy accepts 0 to 2^32 - 1, other values use their low 32 bits.
 */
export function numpyRandomState(seed: number): RandomDraws {
  const state = new Uint32Array(stateLength);
  let value = seed >>> 0;
  for (let position = 0; position < stateLength; position++) {
    state[position] = value;
    value = (Math.imul(1812433253, (value ^ (value >>> 30)) >>> 0) + position + 1) >>> 0;
  }
  let position = stateLength;

  const twist = (): void => {
    for (let index = 0; index < stateLength; index++) {
      const y = ((state[index] as number) & 0x80000000) | ((state[(index + 1) % stateLength] as number) & 0x7fffffff);
      state[index] = ((state[(index + shift) % stateLength] as number) ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0;
    }
    position = 0;
  };

  const next32 = (): number => {
    if (position >= stateLength) twist();
    let y = state[position++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };

  return {
    uniform() {
      const high = next32() >>> 5;
      const low = next32() >>> 6;
      return (high * 67108864 + low) / 9007199254740992;
    },
    integer(bound) {
      const maximum = bound - 1;
      if (maximum <= 0) return 0;
      // The smallest all-ones mask covering `maximum`; draws above `maximum` are rejected.
      let mask = maximum;
      mask |= mask >>> 1;
      mask |= mask >>> 2;
      mask |= mask >>> 4;
      mask |= mask >>> 8;
      mask |= mask >>> 16;
      mask >>>= 0;
      let draw = (next32() & mask) >>> 0;
      while (draw > maximum) draw = (next32() & mask) >>> 0;
      return draw;
    },
  };
}

/** Wraps a `[0, 1)` generator (mulberry32) as {@link RandomDraws}: `integer(n)` is `floor(uniform() * n)`. */
export function drawsFrom(uniform: () => number): RandomDraws {
  return { uniform, integer: (bound) => Math.min(bound - 1, Math.floor(uniform() * bound)) };
}
