/**
 * A rate with its parts: `value = numerator / denominator`. An empty denominator gives
 * `defined: false` and `value: NaN` (never 0), with the `reason`.
 * @category Metrics
 */
export interface RateResult {
  /** numerator / denominator, or NaN when not defined. */
  readonly value: number;
  readonly numerator: number;
  readonly denominator: number;
  /** false when the denominator is empty (or the ratio is otherwise meaningless). */
  readonly defined: boolean;
  /** Why the value is not defined (or why it is infinite). */
  readonly reason?: string;
}

/**
 * A confidence interval. `defined: false` (bounds NaN) when there is no data, e.g. zero trials.
 * @category Experiments
 */
export interface IntervalResult {
  readonly lower: number;
  readonly upper: number;
  readonly defined: boolean;
  readonly reason?: string;
}

/** Counts for a binomial proportion. @category Experiments */
export interface ProportionCounts {
  readonly successes: number;
  readonly trials: number;
}

/** Counts of two arms A and B; comparisons refer to pA − pB. @category Experiments */
export interface TwoProportionCounts {
  readonly successesA: number;
  readonly trialsA: number;
  readonly successesB: number;
  readonly trialsB: number;
}

/** Options of the proportion intervals. @category Experiments */
export interface IntervalOptions {
  /** Two-sided confidence level in (0, 1); default 0.95. */
  readonly confidence?: number;
}

/** Direction of the alternative hypothesis about pA − pB. @category Experiments */
export type Alternative = "two-sided" | "greater" | "less";

/**
 * A sample of a numeric metric (revenue per user, order value) as SQL gives it: `AVG(x)`,
 * `STDDEV_SAMP(x)` and `COUNT(x)`. The standard deviation is the sample one (divisor n − 1).
 * @category Experiments
 */
export interface MeanSummary {
  readonly mean: number;
  readonly standardDeviation: number;
  readonly count: number;
}

/** The sizes and design of a planned two-arm test, shared by the sample-size results. @category Experiments */
export interface PlannedSampleSize {
  /** Units in the treatment arm (in each arm when `ratio` is 1), rounded up; NaN when not defined. */
  readonly perArm: number;
  /** Units in the control arm, `ratio · exact` rounded up; NaN when not defined. */
  readonly control: number;
  /** The unrounded treatment units; NaN when not defined. */
  readonly exact: number;
  /** false when no finite sample is the answer; `reason` says why. */
  readonly defined: boolean;
  readonly reason?: string;
  readonly alpha: number;
  readonly power: number;
  /** Control units per treatment unit. */
  readonly ratio: number;
  readonly alternative: Alternative;
}

/** The bounds of an equivalence test: a difference counts as equivalent when lower < difference < upper. @category Experiments */
export interface EquivalenceBounds {
  readonly lower: number;
  readonly upper: number;
}

/** Result of an equivalence test by two one-sided tests (TOST). @category Experiments */
export interface EquivalenceTestResult<Test> {
  /** The larger of the two one-sided p-values: equivalence is shown at level α when it is below α. NaN when not defined. */
  readonly pValue: number;
  /** The observed difference, A − B. */
  readonly difference: number;
  readonly bounds: EquivalenceBounds;
  /** H0: difference ≤ lower against H1: difference > lower. */
  readonly lowerTest: Test;
  /** H0: difference ≥ upper against H1: difference < upper. */
  readonly upperTest: Test;
  readonly defined: boolean;
  readonly reason?: string;
}
