import { assertArray, assertOptions, assertProbability } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { wilsonBounds } from "./_lib/proportionIntervals.js";
import { normalUpperQuantile } from "./_lib/normal.js";
import type { IntervalResult, RateResult } from "./types.js";

/** Options of {@link customerSatisfactionScore}. @category Metrics */
export interface CustomerSatisfactionScoreOptions {
  /** Lowest answer counted as satisfied; default 4 (on a 1–5 scale). */
  readonly threshold?: number;
  /** Lowest and highest valid answers; default [1, 5]. */
  readonly scale?: readonly [number, number];
  readonly confidence?: number;
}

/** Result of {@link customerSatisfactionScore}. @category Metrics */
export interface CustomerSatisfactionScoreResult extends RateResult {
  readonly interval: IntervalResult;
  readonly threshold: number;
}

/**
 * CSAT: the share of survey answers at or above the satisfied threshold (4 or 5 on a 1–5 scale), as a
 * fraction with a Wilson interval.
 *
 * @remarks
 * satisfied / responses (multiply by 100 only for display). Mean-score CSAT is a different metric.
 * Reference: https://www.qualtrics.com/experience-management/customer/what-is-csat/. O(n).
 *
 * @param scores - answers, integers within `scale`.
 * @param options - `threshold` (4), `scale` ([1, 5]), `confidence` (0.95).
 * @returns A rate value object with `interval`; no responses gives `defined: false`.
 * @throws RangeError `customerSatisfactionScore requires integer answers within the scale`,
 *   `customerSatisfactionScore requires the threshold within the scale`,
 *   `customerSatisfactionScore requires scale to be two finite numbers in ascending order`.
 * @throws TypeError `customerSatisfactionScore requires scores to be an array`, `customerSatisfactionScore requires options to be an object`,
 *   `customerSatisfactionScore requires scale to be an array`.
 * @example
 * const csat = customerSatisfactionScore([5, 4, 3, 5, 2, 4, 5, 1]);
 * csat.value //=> 0.625
 * csat.numerator //=> 5
 * @category Metrics
 */
export function customerSatisfactionScore(scores: ReadonlyArray<number>, options: CustomerSatisfactionScoreOptions = {}): CustomerSatisfactionScoreResult {
  assertArray("customerSatisfactionScore", "scores", scores);
  assertOptions("customerSatisfactionScore", options, { confidence: true, scale: true, threshold: true } satisfies OptionKeys<CustomerSatisfactionScoreOptions>);
  const scale = options.scale ?? [1, 5];
  assertArray("customerSatisfactionScore", "scale", scale);
  const [low, high] = scale;
  if (scale.length !== 2 || typeof low !== "number" || typeof high !== "number" || !Number.isFinite(low) || !Number.isFinite(high) || !(low <= high)) {
    throw new RangeError("customerSatisfactionScore requires scale to be two finite numbers in ascending order");
  }
  const threshold = options.threshold ?? 4;
  const confidence = options.confidence ?? 0.95;
  assertProbability("customerSatisfactionScore", "confidence", confidence);
  if (!(threshold >= low && threshold <= high)) throw new RangeError("customerSatisfactionScore requires the threshold within the scale");
  let satisfied = 0;
  for (const score of scores) {
    if (typeof score !== "number" || !Number.isInteger(score) || score < low || score > high) {
      throw new RangeError("customerSatisfactionScore requires integer answers within the scale");
    }
    if (score >= threshold) satisfied++;
  }
  const responses = scores.length;
  const interval = wilsonBounds(satisfied, responses, normalUpperQuantile((1 - confidence) / 2));
  if (responses === 0) return { value: Number.NaN, numerator: 0, denominator: 0, defined: false, reason: "no responses", interval, threshold };
  return { value: satisfied / responses, numerator: satisfied, denominator: responses, defined: true, interval, threshold };
}
