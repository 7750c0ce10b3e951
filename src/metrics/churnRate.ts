import { assertNonNegative, assertRecord } from "./_lib/assert.js";
import { makeRate } from "./_lib/rate.js";
import type { RateResult } from "./types.js";

/**
 * Customer churn rate of a period: customers lost during the period / customers at its start.
 *
 * @remarks
 * Customers acquired during the period are excluded from both numerator and denominator, so
 * retention = 1 − churn holds under this definition. Revenue churn is a different metric. O(1).
 * @param input - `customersAtStart`, `customersLost` (of those present at the start).
 * @returns A rate value object; no customers at the start gives `defined: false`.
 * @throws RangeError `churnRate requires customersLost not to exceed customersAtStart`,
 *   `churnRate requires customersAtStart to be a non-negative finite number` (likewise customersLost).
 * @throws TypeError `churnRate requires input to be an object`.
 * @example
 * churnRate({ customersAtStart: 800, customersLost: 36 }).value //=> 0.045
 * churnRate({ customersAtStart: 0, customersLost: 0 }).defined //=> false
 * @category Metrics
 */
export function churnRate(input: { readonly customersAtStart: number; readonly customersLost: number }): RateResult {
  assertRecord("churnRate", "input", input);
  assertNonNegative("churnRate", "customersAtStart", input.customersAtStart);
  assertNonNegative("churnRate", "customersLost", input.customersLost);
  if (input.customersLost > input.customersAtStart) throw new RangeError("churnRate requires customersLost not to exceed customersAtStart");
  return makeRate(input.customersLost, input.customersAtStart, "no customers at the start of the period");
}
