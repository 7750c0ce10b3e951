import { assertCounts, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { checkedWilson } from "./_lib/proportionIntervals.js";
import type { IntervalResult, RateResult } from "./types.js";

/** Input of {@link conversionRate}. @category Metrics */
export interface ConversionRateInput {
  /** Units that converted (x). */
  readonly conversions: number;
  /** Units exposed (n). */
  readonly units: number;
  /** What a unit is; required because user, session and visit rates differ. */
  readonly unit: "user" | "session" | "visit" | "customer";
}

/** Result of {@link conversionRate}: the rate with its Wilson interval. @category Metrics */
export interface ConversionRateResult extends RateResult {
  readonly unit: ConversionRateInput["unit"];
  readonly interval: IntervalResult;
}

/**
 * Conversion rate: the share of units (users, sessions, visits, customers) that converted, with a
 * Wilson score interval.
 *
 * @remarks
 * `conversions / units`; interval as {@link wilsonInterval}. An empty segment (units = 0) is
 * `defined: false` with `value: NaN`, never 0. O(1).
 *
 * @param input - `conversions`, `units`, `unit`.
 * @param options - `confidence` of the interval (default 0.95).
 * @returns `{ value, numerator, denominator, defined, reason?, unit, interval }`.
 * @throws RangeError `conversionRate requires conversions not to exceed units`,
 *   `conversionRate requires conversions to be a non-negative finite number` (likewise units),
 *   `conversionRate requires confidence between zero and one`; TypeError `conversionRate requires unit to be "user", "session", "visit" or "customer"`.
 * @throws TypeError `conversionRate requires input to be an object`, `conversionRate requires options to be an object`.
 * @example
 * const rate = conversionRate({ conversions: 30, units: 1200, unit: "user" });
 * rate.value //=> 0.025
 * rate.interval.lower //=> 0.017567
 * conversionRate({ conversions: 0, units: 0, unit: "user" }).defined //=> false
 * @category Metrics
 */
export function conversionRate(input: ConversionRateInput, options: { readonly confidence?: number } = {}): ConversionRateResult {
  assertRecord("conversionRate", "input", input);
  assertOptions("conversionRate", options, { confidence: true } satisfies OptionKeys<Parameters<typeof conversionRate>[1]>);
  const { conversions, units, unit } = input;
  if (unit !== "user" && unit !== "session" && unit !== "visit" && unit !== "customer") {
    throw new TypeError('conversionRate requires unit to be "user", "session", "visit" or "customer"');
  }
  assertCounts("conversionRate", conversions, units, "conversions", "units");
  const interval = checkedWilson("conversionRate", conversions, units, options.confidence ?? 0.95);
  if (units === 0) return { value: Number.NaN, numerator: conversions, denominator: units, defined: false, reason: "no units in the segment", unit, interval };
  return { value: conversions / units, numerator: conversions, denominator: units, defined: true, unit, interval };
}
