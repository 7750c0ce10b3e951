import { assertFinite, assertOptions, assertProbability } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { meanSummary } from "./_lib/meanSummary.js";
import { studentQuantile, studentSf, studentTwoSidedQuantile, studentTwoSidedTail } from "./_lib/distributions.js";
import { assertAlternative } from "./_lib/twoProportion.js";
import type { Alternative, IntervalResult, MeanSummary } from "./types.js";

/** Options of {@link twoSampleTTest}. @category Experiments */
export interface TwoSampleTTestOptions {
  /** About meanA − meanB; default "two-sided". */
  readonly alternative?: Alternative;
  /**
   * `"unequal"` (default): Welch's test with Welch–Satterthwaite degrees of freedom, which keeps its
   * level when the arms' variances differ. `"pooled"`: Student's test (scipy's and statsmodels' default).
   */
  readonly variance?: "unequal" | "pooled";
  /** Level of the confidence interval of meanA − meanB; default 0.95. */
  readonly confidence?: number;
  /**
   * meanA − meanB under the null hypothesis; default 0. A non-inferiority test of A against B with
   * margin m on a metric where more is better is `{ nullDifference: -m, alternative: "greater" }`.
   */
  readonly nullDifference?: number;
}

/** Result of {@link twoSampleTTest}. @category Experiments */
export interface TwoSampleTTestResult {
  /** (meanA − meanB − nullDifference) / standardError, or NaN when not defined. */
  readonly t: number;
  readonly degreesOfFreedom: number;
  readonly pValue: number;
  /** meanA − meanB. */
  readonly difference: number;
  readonly standardError: number;
  /**
   * Confidence interval of meanA − meanB at `confidence`, on the side of the alternative: two-sided,
   * or one-sided with an infinite bound for "greater" / "less" (as scipy's `confidence_interval`).
   */
  readonly interval: IntervalResult;
  readonly defined: boolean;
  readonly reason?: string;
  readonly alternative: Alternative;
  readonly variance: "unequal" | "pooled";
  readonly nullDifference: number;
}

/**
 * Two-sample t test of H0: meanA − meanB = d (d = 0 unless `nullDifference` says otherwise) for a
 * numeric metric per user (revenue, order value), with the confidence interval of the difference.
 *
 * @remarks With v = s²/n per arm: Welch (default) SE = √(vA + vB), ν = (vA + vB)² / (vA²/(nA − 1) +
 * vB²/(nB − 1)); pooled s²p = ((nA − 1)s²A + (nB − 1)s²B)/(nA + nB − 2), SE = sp·√(1/nA + 1/nB),
 * ν = nA + nB − 2. t = (meanA − meanB − d)/SE. Matches scipy `ttest_ind(a, b, equal_var=False)` (or
 * `ttest_ind_from_stats`) and statsmodels `ttest_ind(usevar="unequal", value=d)` to 1e-12 relative in the
 * p-value, which is computed as an upper tail (no cancellation down to 1e-300). Takes each arm's
 * values, or their summary from SQL (`AVG`, `STDDEV_SAMP`, `COUNT`). Reference:
 * https://en.wikipedia.org/wiki/Welch%27s_t-test. O(n) for values, O(1) for summaries.
 * @param a - the values of arm A (the treatment, as in `twoProportionZTest`), or their summary.
 * @param b - the values of arm B (the control), or their summary.
 * @param options - `alternative` ("two-sided"), `variance` ("unequal"), `confidence` (0.95), `nullDifference` (0).
 * @returns `{ t, degreesOfFreedom, pValue, difference, standardError, interval, defined }`; an arm with
 *   fewer than two values, or no variance in either arm, gives `defined: false` with NaN.
 * @throws RangeError `twoSampleTTest requires every value of a to be a finite number (index i)`,
 *   `twoSampleTTest requires a.count to be a non-negative integer` (and the other summary fields),
 *   `twoSampleTTest requires confidence between zero and one`, `twoSampleTTest requires nullDifference to be a finite number`.
 * @throws TypeError `twoSampleTTest requires alternative to be "two-sided", "greater" or "less"`,
 *   `twoSampleTTest requires variance to be "unequal" or "pooled"`, `twoSampleTTest requires options to be an object`.
 * @example
 * const treatment = [12, 0, 30, 18, 0, 45, 22, 9, 31, 27];
 * const control = [10, 0, 14, 8, 0, 21, 12, 5, 0, 16];
 * const test = twoSampleTTest(treatment, control);
 * test.difference //=> 10.8
 * test.pValue //=> 0.0548
 * test.degreesOfFreedom //=> 13.36
 * twoSampleTTest({ mean: 41.2, standardDeviation: 88.5, count: 12_000 }, { mean: 38.9, standardDeviation: 80.1, count: 12_100 }, { alternative: "greater" }).pValue //=> 0.0172
 * // Non-inferiority: is A's revenue per user at most $1 below B's? (H1: meanA − meanB > −1)
 * twoSampleTTest({ mean: 38.5, standardDeviation: 88.5, count: 12_000 }, { mean: 38.9, standardDeviation: 80.1, count: 12_100 }, { nullDifference: -1, alternative: "greater" }).pValue //=> 0.29
 * @category Experiments
 */
export function twoSampleTTest(a: ReadonlyArray<number> | MeanSummary, b: ReadonlyArray<number> | MeanSummary, options: TwoSampleTTestOptions = {}): TwoSampleTTestResult {
  assertOptions("twoSampleTTest", options, { alternative: true, variance: true, confidence: true, nullDifference: true } satisfies OptionKeys<TwoSampleTTestOptions>);
  const alternative = options.alternative ?? "two-sided";
  assertAlternative("twoSampleTTest", alternative);
  const variance = options.variance ?? "unequal";
  if (variance !== "unequal" && variance !== "pooled") throw new TypeError('twoSampleTTest requires variance to be "unequal" or "pooled"');
  const confidence = options.confidence ?? 0.95;
  assertProbability("twoSampleTTest", "confidence", confidence);
  const nullDifference = options.nullDifference ?? 0;
  assertFinite("twoSampleTTest", "nullDifference", nullDifference);
  const first = meanSummary("twoSampleTTest", "a", a);
  const second = meanSummary("twoSampleTTest", "b", b);
  const difference = first.mean - second.mean;
  const notDefined = (reason: string): TwoSampleTTestResult => ({
    t: Number.NaN,
    degreesOfFreedom: Number.NaN,
    pValue: Number.NaN,
    difference,
    standardError: Number.NaN,
    interval: { lower: Number.NaN, upper: Number.NaN, defined: false, reason },
    defined: false,
    reason,
    alternative,
    variance,
    nullDifference,
  });
  if (first.count < 2 || second.count < 2) return notDefined("each arm needs at least two values");
  const varianceA = first.standardDeviation ** 2 / first.count;
  const varianceB = second.standardDeviation ** 2 / second.count;
  let standardError: number;
  let degreesOfFreedom: number;
  if (variance === "unequal") {
    standardError = Math.sqrt(varianceA + varianceB);
    // In units of the larger variance, so that squares of tiny (or huge) variances cannot underflow (or overflow).
    const scale = Math.max(varianceA, varianceB);
    const shareA = varianceA / scale;
    const shareB = varianceB / scale;
    degreesOfFreedom = (shareA + shareB) ** 2 / (shareA ** 2 / (first.count - 1) + shareB ** 2 / (second.count - 1));
  } else {
    degreesOfFreedom = first.count + second.count - 2;
    const pooled = ((first.count - 1) * first.standardDeviation ** 2 + (second.count - 1) * second.standardDeviation ** 2) / degreesOfFreedom;
    standardError = Math.sqrt(pooled * (1 / first.count + 1 / second.count));
  }
  if (!(standardError > 0)) return notDefined("neither arm varies, so the standard error is 0");
  const t = (difference - nullDifference) / standardError;
  const pValue = alternative === "two-sided" ? studentTwoSidedTail(t, degreesOfFreedom) : alternative === "greater" ? studentSf(t, degreesOfFreedom) : studentSf(-t, degreesOfFreedom);
  // A one-sided interval puts the whole 1 − confidence in one tail: the `confidence` quantile, negative below ½.
  const margin = (alternative === "two-sided" ? studentTwoSidedQuantile(1 - confidence, degreesOfFreedom) : studentQuantile(confidence, degreesOfFreedom)) * standardError;
  const interval: IntervalResult = {
    lower: alternative === "less" ? Number.NEGATIVE_INFINITY : difference - margin,
    upper: alternative === "greater" ? Number.POSITIVE_INFINITY : difference + margin,
    defined: true,
  };
  return { t, degreesOfFreedom, pValue, difference, standardError, interval, defined: true, alternative, variance, nullDifference };
}
