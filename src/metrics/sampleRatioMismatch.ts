import { assertArray, assertOptions } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { chiSquareSf } from "./_lib/distributions.js";

/** Options of {@link sampleRatioMismatch}. @category Experiments */
export interface SampleRatioMismatchOptions {
  /** p-value below which the split is flagged; default 0.001 (GrowthBook's default). */
  readonly threshold?: number;
}

/** Result of {@link sampleRatioMismatch}. @category Experiments */
export interface SampleRatioMismatchResult {
  readonly statistic: number;
  readonly pValue: number;
  /** arms − 1. */
  readonly dof: number;
  /** Expected counts: total × normalised weight. */
  readonly expected: number[];
  /** pValue < threshold. */
  readonly mismatch: boolean;
  readonly threshold: number;
  /** false when no unit was observed at all. */
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Sample-ratio-mismatch check: chi-square goodness of fit of the observed arm sizes against the
 * planned allocation weights.
 *
 * @remarks
 * E_i = N·w_i/Σw, statistic Σ (O − E)²/E with arms − 1 degrees of freedom, as
 * `scipy.stats.chisquare(observed, f_exp=expected)`; the p-value comes from the upper incomplete gamma.
 * A mismatch means the assignment or logging is broken and the comparison should not be trusted.
 * Reference: Fabijan et al., "Diagnosing Sample Ratio Mismatch" (KDD 2019), https://doi.org/10.1145/3292500.3330722. O(arms).
 *
 * @param observed - units per arm, non-negative.
 * @param expectedWeights - planned allocation per arm (any positive scale, e.g. [1, 1] or [0.2, 0.8]).
 * @param options - `threshold` (default 0.001).
 * @returns `{ statistic, pValue, dof, expected, mismatch, threshold, defined }`; zero observed units give
 *   `defined: false` and `mismatch: false`.
 * @throws RangeError `sampleRatioMismatch requires at least two arms`,
 *   `sampleRatioMismatch requires one weight per arm`, `sampleRatioMismatch requires non-negative finite counts`,
 *   `sampleRatioMismatch requires positive finite weights`, `sampleRatioMismatch requires threshold between zero and one`.
 * @throws TypeError `sampleRatioMismatch requires observed to be an array`, `sampleRatioMismatch requires expectedWeights to be an array`, `sampleRatioMismatch requires options to be an object`.
 * @example
 * const check = sampleRatioMismatch([5100, 4900], [1, 1]);
 * check.statistic //=> 4
 * check.pValue //=> 0.0455
 * check.mismatch //=> false
 * @category Experiments
 */
export function sampleRatioMismatch(observed: ReadonlyArray<number>, expectedWeights: ReadonlyArray<number>, options: SampleRatioMismatchOptions = {}): SampleRatioMismatchResult {
  assertArray("sampleRatioMismatch", "observed", observed);
  assertArray("sampleRatioMismatch", "expectedWeights", expectedWeights);
  assertOptions("sampleRatioMismatch", options, { threshold: true } satisfies OptionKeys<SampleRatioMismatchOptions>);
  const arms = observed.length;
  if (arms < 2) throw new RangeError("sampleRatioMismatch requires at least two arms");
  if (expectedWeights.length !== arms) throw new RangeError("sampleRatioMismatch requires one weight per arm");
  const threshold = options.threshold ?? 0.001;
  if (typeof threshold !== "number" || !(threshold > 0 && threshold < 1)) throw new RangeError("sampleRatioMismatch requires threshold between zero and one");
  let total = 0;
  let weightTotal = 0;
  for (let i = 0; i < arms; i++) {
    const count = observed[i] as number;
    const weight = expectedWeights[i] as number;
    if (typeof count !== "number" || !Number.isFinite(count) || count < 0) throw new RangeError("sampleRatioMismatch requires non-negative finite counts");
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight <= 0) throw new RangeError("sampleRatioMismatch requires positive finite weights");
    total += count;
    weightTotal += weight;
  }
  const dof = arms - 1;
  const expected = expectedWeights.map((weight) => (total * weight) / weightTotal);
  if (total === 0) {
    return { statistic: Number.NaN, pValue: Number.NaN, dof, expected, mismatch: false, threshold, defined: false, reason: "no units observed" };
  }
  let statistic = 0;
  for (let i = 0; i < arms; i++) {
    const difference = (observed[i] as number) - (expected[i] as number);
    statistic += (difference * difference) / (expected[i] as number);
  }
  const pValue = chiSquareSf(statistic, dof);
  return { statistic, pValue, dof, expected, mismatch: pValue < threshold, threshold, defined: true };
}
