import { assertFraction, assertNonNegative, assertRecord } from "./_lib/assert.js";

/** Input of {@link simpleLifetimeValue}. @category Metrics */
export interface SimpleLifetimeValueInput {
  readonly averageOrderValue: number;
  /** Purchases per customer per period (e.g. per year). */
  readonly purchasesPerPeriod: number;
  /** Gross margin as a fraction (0.3, not 30). */
  readonly grossMargin: number;
  /** Expected customer lifetime in the same periods. */
  readonly lifetimePeriods: number;
}

/**
 * Simple (undiscounted) customer lifetime value: AOV × purchase frequency × gross margin × lifetime.
 *
 * @remarks All rates are fractions per period; a margin above 1 is rejected because it is almost
 * always a percent typed as a number (a public calculator's `8 × 4.25 / (1 + 12 − 4.25)` mixes them).
 * Reference: https://www.feverbee.com/customer-lifetime-value/. O(1).
 * @param input - `averageOrderValue`, `purchasesPerPeriod`, `grossMargin`, `lifetimePeriods`, all non-negative.
 * @returns The value per customer.
 * @throws RangeError `simpleLifetimeValue requires grossMargin to be a fraction between zero and one`,
 *   `simpleLifetimeValue requires averageOrderValue to be a non-negative finite number` (likewise the others).
 * @throws TypeError `simpleLifetimeValue requires input to be an object`.
 * @example
 * simpleLifetimeValue({ averageOrderValue: 80, purchasesPerPeriod: 4, grossMargin: 0.3, lifetimePeriods: 3 }) //=> 288
 * @category Metrics
 */
export function simpleLifetimeValue(input: SimpleLifetimeValueInput): number {
  assertRecord("simpleLifetimeValue", "input", input);
  assertNonNegative("simpleLifetimeValue", "averageOrderValue", input.averageOrderValue);
  assertNonNegative("simpleLifetimeValue", "purchasesPerPeriod", input.purchasesPerPeriod);
  assertFraction("simpleLifetimeValue", "grossMargin", input.grossMargin);
  assertNonNegative("simpleLifetimeValue", "lifetimePeriods", input.lifetimePeriods);
  return input.averageOrderValue * input.purchasesPerPeriod * input.grossMargin * input.lifetimePeriods;
}
