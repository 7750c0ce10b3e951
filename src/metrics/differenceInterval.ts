import { assertOptions, assertProbability, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { normalUpperQuantile } from "./_lib/normal.js";
import { wilsonBounds } from "./_lib/proportionIntervals.js";
import { assertTwoProportionCounts } from "./_lib/twoProportion.js";
import type { TwoProportionCounts } from "./types.js";

/** Options of {@link differenceInterval}. @category Experiments */
export interface DifferenceIntervalOptions {
  /** "newcombe" (hybrid score, recommended) or "wald". Required: the two differ near 0 and 1. */
  readonly method: "wald" | "newcombe";
  /** Two-sided confidence level in (0, 1); default 0.95. */
  readonly confidence?: number;
}

/** Result of {@link differenceInterval}. @category Experiments */
export interface DifferenceIntervalResult {
  /** p̂A − p̂B. */
  readonly difference: number;
  readonly lower: number;
  readonly upper: number;
  readonly defined: boolean;
  readonly reason?: string;
  readonly method: "wald" | "newcombe";
}

/**
 * Confidence interval for the difference of two proportions pA − pB.
 *
 * @remarks
 * Wald: d ± z·√(p̂A(1−p̂A)/nA + p̂B(1−p̂B)/nB); degenerate (`defined: false`) when both p̂ are 0 or 1.
 * Newcombe hybrid score (method 10 of Newcombe 1998): with Wilson bounds (lA, uA), (lB, uB),
 * lower = d − √((p̂A − lA)² + (uB − p̂B)²), upper = d + √((uA − p̂A)² + (p̂B − lB)²); always defined
 * with data. Match statsmodels `confint_proportions_2indep(method="wald" | "newcomb")` to 1e-9.
 * Reference: https://doi.org/10.1002/(SICI)1097-0258(19980430)17:8%3C873::AID-SIM779%3E3.0.CO;2-I. O(1).
 *
 * @param counts - `successesA`, `trialsA`, `successesB`, `trialsB`.
 * @param options - `method` (required), `confidence` (default 0.95).
 * @returns `{ difference, lower, upper, defined, method }`; an empty arm gives `defined: false`, NaN.
 * @throws RangeError for invalid counts or confidence (as {@link twoProportionZTest}); TypeError
 *   `differenceInterval requires method to be "wald" or "newcombe"`.
 * @throws TypeError `differenceInterval requires counts to be an object`, `differenceInterval requires options to be an object`.
 * @example
 * const interval = differenceInterval({ successesA: 120, trialsA: 1000, successesB: 90, trialsB: 1000 }, { method: "newcombe" });
 * interval.difference //=> 0.03
 * interval.lower //=> 0.0031
 * interval.upper //=> 0.0570
 * @category Experiments
 */
export function differenceInterval(counts: TwoProportionCounts, options: DifferenceIntervalOptions): DifferenceIntervalResult {
  assertRecord("differenceInterval", "counts", counts);
  assertOptions("differenceInterval", options, { confidence: true, method: true } satisfies OptionKeys<DifferenceIntervalOptions>);
  assertTwoProportionCounts("differenceInterval", counts);
  const method = options.method;
  if (method !== "wald" && method !== "newcombe") throw new TypeError('differenceInterval requires method to be "wald" or "newcombe"');
  const confidence = options.confidence ?? 0.95;
  assertProbability("differenceInterval", "confidence", confidence);
  const z = normalUpperQuantile((1 - confidence) / 2);
  const { successesA, trialsA, successesB, trialsB } = counts;
  if (trialsA === 0 || trialsB === 0) {
    return { difference: Number.NaN, lower: Number.NaN, upper: Number.NaN, defined: false, reason: "an arm has zero trials", method };
  }
  const pA = successesA / trialsA;
  const pB = successesB / trialsB;
  const difference = pA - pB;
  if (method === "wald") {
    const variance = (pA * (1 - pA)) / trialsA + (pB * (1 - pB)) / trialsB;
    if (!(variance > 0)) {
      return { difference, lower: Number.NaN, upper: Number.NaN, defined: false, reason: "zero variance: both proportions are 0 or 1", method };
    }
    const halfWidth = z * Math.sqrt(variance);
    return { difference, lower: difference - halfWidth, upper: difference + halfWidth, defined: true, method };
  }
  const a = wilsonBounds(successesA, trialsA, z);
  const b = wilsonBounds(successesB, trialsB, z);
  const lower = difference - Math.sqrt((pA - a.lower) ** 2 + (b.upper - pB) ** 2);
  const upper = difference + Math.sqrt((a.upper - pA) ** 2 + (pB - b.lower) ** 2);
  return { difference, lower, upper, defined: true, method };
}
