import { assertOptions, assertProbability } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { meanSummary } from "./_lib/meanSummary.js";
import { studentTwoSidedQuantile } from "./_lib/distributions.js";
import type { IntervalOptions, MeanSummary } from "./types.js";

/** Result of {@link meanInterval}. @category Experiments */
export interface MeanIntervalResult {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  /** s / √n. */
  readonly standardError: number;
  /** n − 1. */
  readonly degreesOfFreedom: number;
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Student-t confidence interval for the mean of a numeric metric (revenue per user, order value).
 *
 * @remarks mean ± t(1 − α/2, n − 1) · s/√n, as scipy `stats.t.interval(confidence, n - 1, loc=mean,
 * scale=sem)` and statsmodels `DescrStatsW(x).tconfint_mean()`. The t quantile is exact to about
 * 1e-15 (scipy's own is 7e-10 off at 2.5 degrees of freedom; the tests use mpmath there). Takes the
 * values, or their summary from SQL (`AVG`, `STDDEV_SAMP`, `COUNT`). O(n) for values, O(1) for a summary.
 * @param sample - the values, or `{ mean, standardDeviation, count }` (sample standard deviation).
 * @param options - `confidence` (default 0.95).
 * @returns `{ mean, lower, upper, standardError, degreesOfFreedom, defined }`; fewer than two values,
 *   or values that are all equal (standard error 0), give `defined: false` with NaN bounds.
 * @throws RangeError `meanInterval requires every value of sample to be a finite number (index i)`,
 *   `meanInterval requires sample.count to be a non-negative integer` (and the other summary fields),
 *   `meanInterval requires confidence between zero and one`.
 * @throws TypeError `meanInterval requires sample to be an array of numbers or { mean, standardDeviation, count }`, `meanInterval requires options to be an object`.
 * @example
 * const revenue = meanInterval([12, 0, 30, 18, 0, 45, 22, 9]);
 * revenue.mean //=> 17
 * [revenue.lower, revenue.upper] //=> [4.1801, 29.8199]
 * meanInterval({ mean: 41.2, standardDeviation: 88.5, count: 12_000 }, { confidence: 0.99 }).upper //=> 43.2813
 * @category Experiments
 */
export function meanInterval(sample: ReadonlyArray<number> | MeanSummary, options: IntervalOptions = {}): MeanIntervalResult {
  assertOptions("meanInterval", options, { confidence: true } satisfies OptionKeys<IntervalOptions>);
  const confidence = options.confidence ?? 0.95;
  assertProbability("meanInterval", "confidence", confidence);
  const { mean, standardDeviation, count } = meanSummary("meanInterval", "sample", sample);
  const degreesOfFreedom = count - 1;
  const standardError = standardDeviation / Math.sqrt(count);
  const undefinedBecause = (reason: string): MeanIntervalResult => ({
    mean,
    lower: Number.NaN,
    upper: Number.NaN,
    standardError: count < 2 ? Number.NaN : standardError,
    degreesOfFreedom: count < 2 ? Number.NaN : degreesOfFreedom,
    defined: false,
    reason,
  });
  if (count < 2) return undefinedBecause(count === 0 ? "no values" : "one value has no standard deviation");
  if (standardError === 0) return undefinedBecause("every value is the same, so the standard error is 0");
  const margin = studentTwoSidedQuantile(1 - confidence, degreesOfFreedom) * standardError;
  return { mean, lower: mean - margin, upper: mean + margin, standardError, degreesOfFreedom, defined: true };
}
