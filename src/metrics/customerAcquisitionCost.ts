import { assertFiniteTotal, assertNonNegative, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import type { RateResult } from "./types.js";

/** Input of {@link customerAcquisitionCost}, all for the same period. @category Metrics */
export interface CustomerAcquisitionCostInput {
  /** Paid media spend in the period. */
  readonly mediaSpend: number;
  /** All other sales and marketing spend in the period (salaries, tools, agencies); used by "blended". */
  readonly otherSalesAndMarketingSpend?: number;
  /** New customers acquired in the same (attribution-lag-shifted) period. */
  readonly newCustomers: number;
}

/** Result of {@link customerAcquisitionCost}. @category Metrics */
export interface CustomerAcquisitionCostResult extends RateResult {
  readonly basis: "paid" | "blended";
}

/**
 * Customer acquisition cost: spend / new customers, either "paid" (media spend only) or "blended" (all
 * sales and marketing spend).
 *
 * @remarks Windows must be aligned by the caller (apply any attribution lag before counting). Reference:
 * https://blog.hubspot.com/service/what-does-cac-stand-for. O(1).
 * @param input - `mediaSpend`, `otherSalesAndMarketingSpend` (required for "blended"), `newCustomers`.
 * @param options - `basis`: "paid" or "blended" (required).
 * @returns A rate value object with `basis`; no new customers gives `defined: false`.
 * @throws RangeError `customerAcquisitionCost requires mediaSpend to be a non-negative finite number` (likewise the others),
 *   `customerAcquisitionCost requires otherSalesAndMarketingSpend for the blended basis`, `customerAcquisitionCost requires the total spend to be finite (the values overflow)`; TypeError for an unknown basis.
 * @throws TypeError `customerAcquisitionCost requires input to be an object`, `customerAcquisitionCost requires options to be an object`.
 * @example
 * customerAcquisitionCost({ mediaSpend: 30000, otherSalesAndMarketingSpend: 20000, newCustomers: 250 }, { basis: "blended" }).value //=> 200
 * customerAcquisitionCost({ mediaSpend: 30000, newCustomers: 250 }, { basis: "paid" }).value //=> 120
 * @category Metrics
 */
export function customerAcquisitionCost(input: CustomerAcquisitionCostInput, options: { readonly basis: "paid" | "blended" }): CustomerAcquisitionCostResult {
  assertRecord("customerAcquisitionCost", "input", input);
  assertOptions("customerAcquisitionCost", options, { basis: true } satisfies OptionKeys<Parameters<typeof customerAcquisitionCost>[1]>);
  const basis = options.basis;
  if (basis !== "paid" && basis !== "blended") throw new TypeError('customerAcquisitionCost requires basis to be "paid" or "blended"');
  assertNonNegative("customerAcquisitionCost", "mediaSpend", input.mediaSpend);
  assertNonNegative("customerAcquisitionCost", "newCustomers", input.newCustomers);
  let spend = input.mediaSpend;
  if (basis === "blended") {
    if (input.otherSalesAndMarketingSpend === undefined) throw new RangeError("customerAcquisitionCost requires otherSalesAndMarketingSpend for the blended basis");
    assertNonNegative("customerAcquisitionCost", "otherSalesAndMarketingSpend", input.otherSalesAndMarketingSpend);
    spend += input.otherSalesAndMarketingSpend;
    assertFiniteTotal("customerAcquisitionCost", "the total spend", spend);
  }
  if (input.newCustomers === 0) return { value: Number.NaN, numerator: spend, denominator: 0, defined: false, reason: "no new customers", basis };
  return { value: spend / input.newCustomers, numerator: spend, denominator: input.newCustomers, defined: true, basis };
}
