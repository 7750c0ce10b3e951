import { assertFinite, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import type { RateResult } from "./types.js";

/** Input of {@link returnOnInvestment}. @category Metrics */
export interface ReturnOnInvestmentInput {
  /** Attributed return, in the basis named by `basis`. */
  readonly returns: number;
  /** Cost of the investment. */
  readonly cost: number;
  /** What `returns` measures: attributed revenue or gross profit. Required. */
  readonly basis: "revenue" | "gross-profit";
}

/** Result of {@link returnOnInvestment}. @category Metrics */
export interface ReturnOnInvestmentResult extends RateResult {
  readonly basis: ReturnOnInvestmentInput["basis"];
}

/**
 * Return on investment: (return − cost) / cost, as a fraction (0.5 = 50 %).
 *
 * @remarks numerator = return − cost, denominator = cost. A zero cost is undefined (not Infinity); a
 * negative cost is an input error unless `allowNegativeCost`. O(1).
 * @param input - `returns`, `cost`, `basis`.
 * @param options - `allowNegativeCost` (default false).
 * @returns A rate value object with `basis`; cost 0 gives `defined: false`.
 * @throws RangeError `returnOnInvestment requires a non-negative cost`, `returnOnInvestment requires returns to be a finite number` (likewise cost);
 *   TypeError `returnOnInvestment requires basis to be "revenue" or "gross-profit"`.
 * @throws TypeError `returnOnInvestment requires input to be an object`, `returnOnInvestment requires options to be an object`.
 * @example
 * returnOnInvestment({ returns: 15000, cost: 10000, basis: "gross-profit" }).value //=> 0.5
 * returnOnInvestment({ returns: 200, cost: 0, basis: "revenue" }).defined //=> false
 * @category Metrics
 */
export function returnOnInvestment(input: ReturnOnInvestmentInput, options: { readonly allowNegativeCost?: boolean } = {}): ReturnOnInvestmentResult {
  assertRecord("returnOnInvestment", "input", input);
  assertOptions("returnOnInvestment", options, { allowNegativeCost: true } satisfies OptionKeys<Parameters<typeof returnOnInvestment>[1]>);
  const { returns, cost, basis } = input;
  if (basis !== "revenue" && basis !== "gross-profit") throw new TypeError('returnOnInvestment requires basis to be "revenue" or "gross-profit"');
  assertFinite("returnOnInvestment", "returns", returns);
  assertFinite("returnOnInvestment", "cost", cost);
  if (cost < 0 && !options.allowNegativeCost) throw new RangeError("returnOnInvestment requires a non-negative cost");
  const numerator = returns - cost;
  if (cost === 0) return { value: Number.NaN, numerator, denominator: cost, defined: false, reason: "zero cost", basis };
  return { value: numerator / cost, numerator, denominator: cost, defined: true, basis };
}
