import { assertArray, assertFiniteTotal, assertOptions } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { CompensatedSum } from "../_lib/compensatedSum.js";
import type { RateResult } from "./types.js";

/** Result of {@link historicalLifetimeValue}. @category Metrics */
export interface HistoricalLifetimeValueResult extends RateResult {
  readonly basis: "revenue" | "gross-margin";
}

/**
 * Historical customer lifetime value of a segment: the average, over its customers, of what each has
 * brought in to date (revenue or gross margin, declared).
 *
 * @remarks
 * Σ value / customers with compensated summation; refunds may make values negative. Backward-looking:
 * for predictive CLV see `segmentkit/clv`. O(n).
 * @param valuesPerCustomer - each customer's revenue or margin to date (finite numbers).
 * @param options - `basis` (required): what the values are.
 * @returns A rate value object (numerator = total, denominator = customers); an empty segment gives `defined: false`.
 * @throws RangeError `historicalLifetimeValue requires finite values`, `historicalLifetimeValue requires the total to be finite (the values overflow)`; TypeError `historicalLifetimeValue requires basis to be "revenue" or "gross-margin"`.
 * @throws TypeError `historicalLifetimeValue requires valuesPerCustomer to be an array`, `historicalLifetimeValue requires options to be an object`.
 * @example
 * historicalLifetimeValue([120, 80, 0, 200], { basis: "revenue" }).value //=> 100
 * @category Metrics
 */
export function historicalLifetimeValue(valuesPerCustomer: ReadonlyArray<number>, options: { readonly basis: "revenue" | "gross-margin" }): HistoricalLifetimeValueResult {
  assertArray("historicalLifetimeValue", "valuesPerCustomer", valuesPerCustomer);
  assertOptions("historicalLifetimeValue", options, { basis: true } satisfies OptionKeys<Parameters<typeof historicalLifetimeValue>[1]>);
  const basis = options.basis;
  if (basis !== "revenue" && basis !== "gross-margin") throw new TypeError('historicalLifetimeValue requires basis to be "revenue" or "gross-margin"');
  const sum = new CompensatedSum();
  for (const value of valuesPerCustomer) {
    if (typeof value !== "number" || !Number.isFinite(value)) throw new RangeError("historicalLifetimeValue requires finite values");
    sum.add(value);
  }
  assertFiniteTotal("historicalLifetimeValue", "the total", sum.value);
  const customers = valuesPerCustomer.length;
  if (customers === 0) return { value: Number.NaN, numerator: 0, denominator: 0, defined: false, reason: "no customers in the segment", basis };
  return { value: sum.value / customers, numerator: sum.value, denominator: customers, defined: true, basis };
}
