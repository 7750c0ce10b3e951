import type { IntervalResult } from "../types.js";
import { assertCounts, assertProbability } from "./assert.js";
import { normalUpperQuantile } from "./normal.js";

export const NO_TRIALS = "zero trials: a proportion of nothing has no interval";

/** The two-sided critical value z for a confidence level, validated. @internal */
export function criticalValue(functionName: string, confidence: number): number {
  assertProbability(functionName, "confidence", confidence);
  return normalUpperQuantile((1 - confidence) / 2);
}

export function undefinedInterval(reason: string): IntervalResult {
  return { lower: Number.NaN, upper: Number.NaN, defined: false, reason };
}

/** Wilson score interval with critical value z (statsmodels `proportion_confint(method="wilson")`). @internal */
export function wilsonBounds(successes: number, trials: number, z: number): IntervalResult {
  if (trials === 0) return undefinedInterval(NO_TRIALS);
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  const lower = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const upper = successes === trials ? 1 : Math.min(1, centre + halfWidth);
  return { lower, upper, defined: true };
}

/** Validates counts and confidence, then returns the Wilson bounds. @internal */
export function checkedWilson(functionName: string, successes: number, trials: number, confidence: number): IntervalResult {
  assertCounts(functionName, successes, trials);
  return wilsonBounds(successes, trials, criticalValue(functionName, confidence));
}
