import { assertOptions } from "../_lib/pythonOptions.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { assertArray, rowAt } from "./_lib/assert.js";
import { conditionalSpend } from "./_lib/gammaGamma.js";
import { assertActivity, assertModel, assertSpendModel, conditional, vector } from "./_lib/models.js";
import { isTimeUnit, UNIT_DAYS } from "./_lib/units.js";
import type { CustomerActivity, GammaGammaModel, PurchaseModel, TimeUnit } from "./types.js";

/**
 * A customer row for CLV: purchase history plus mean repeat spend.
 * @category CLV
 */
export interface CustomerValueInput extends CustomerActivity {
  readonly monetaryValue: number;
}

/** @category CLV */
export interface CustomerLifetimeValueOptions {
  /** Number of discounting periods to sum (e.g. 12 for a year of months): an integer from 0 to 100,000. */
  readonly periods: number;
  /**
   * Length of one discounting period: a unit (converted to the purchase model's unit: a month is
   * 30.4375 days = 4.348 weeks) or a number in the purchase model's own unit. Required.
   */
  readonly period: TimeUnit | number;
  /** Discount rate per period (0.01 = 1 % per month). Default 0. */
  readonly discountRate?: number;
}

/** Largest number of discounting periods: the cost is O(customers × periods). */
const MAX_PERIODS = 100_000;

/**
 * Customer lifetime value over a finite horizon: discounted expected purchases times expected spend.
 *
 * @remarks
 * `CLV = Σ_{i=1..periods} (E[Y(i·L)] − E[Y((i−1)·L)]) · E[M] / (1 + d)^i`, with E[Y(t)] the purchase
 * model's conditional expected purchases, E[M] the Gamma-Gamma expected average spend and L the period
 * length in the model's unit. This is lifetimes' `customer_lifetime_value` loop, but the period length
 * is explicit: lifetimes' default treats weekly data as daily (its docs' 12-month CLVs are in fact
 * 360-week values). O(customers × periods).
 * Reference: Fader, Hardie & Lee (2005) "RFM and CLV", https://www.brucehardie.com/papers/rfm_clv_2005-02-16.pdf
 *
 * @param purchaseModel - a converged BG/NBD, MBG/NBD or Pareto/NBD model.
 * @param spendModel - a converged Gamma-Gamma model.
 * @param customers - rows of frequency, recency, T and monetaryValue in the purchase model's unit.
 * @param options - periods, period (unit or length) and discountRate.
 * @returns one CLV per customer, in input order (a Float64Array).
 * @throws `TypeError` `customerLifetimeValue requires a fitted BG/NBD, MBG/NBD, Pareto/NBD model` (BG/BB is discrete-time),
 *   `customerLifetimeValue requires a converged model`,
 *   `customerLifetimeValue requires a converged Gamma-Gamma model`,
 *   `customerLifetimeValue requires an array of customers`,
 *   `customerLifetimeValue requires options to be an object`,
 *   `customerLifetimeValue requires every customer to be an object (row i)`,
 *   `customerLifetimeValue requires T for a continuous-time model`
 * @throws `RangeError` `customerLifetimeValue requires a model with unit days, weeks, months or years`,
 *   `customerLifetimeValue requires a model with a positive finite parameter r` (any parameter name, either model),
 *   `customerLifetimeValue requires a Gamma-Gamma model with q above one`,
 *   `customerLifetimeValue requires periods to be a non-negative integer up to 100000`,
 *   `customerLifetimeValue requires a positive period length`,
 *   `customerLifetimeValue requires period to be days, weeks, months, years or a positive length in the model's unit` (a singular `"month"` too),
 *   `customerLifetimeValue requires a discount rate above -1 and at most 1 (a fraction: 0.01 is 1 % per period)`,
 *   `customerLifetimeValue requires frequency to be a non-negative integer` and the other row checks of `expectedPurchases`,
 *   `customerLifetimeValue requires monetaryValue to be positive when frequency is above zero (row i)`
 * @example
 * const purchases = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
 * const spend = modelFromParams({ kind: "Gamma-Gamma", params: { p: 6.248802, q: 3.744588, gamma: 15.447748 } });
 * const [value] = customerLifetimeValue(purchases, spend, [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }],
 *   { periods: 12, period: "months", discountRate: 0.01 });
 * value //=> 36.3
 * @category CLV
 */
export function customerLifetimeValue(
  purchaseModel: PurchaseModel,
  spendModel: GammaGammaModel,
  customers: ReadonlyArray<CustomerValueInput>,
  options: CustomerLifetimeValueOptions,
): Float64Array {
  assertModel(purchaseModel, "customerLifetimeValue", true);
  assertSpendModel(spendModel, "customerLifetimeValue");
  assertArray(customers, "customerLifetimeValue", "customers");
  assertOptions("customerLifetimeValue", options, { periods: true, period: true, discountRate: true } satisfies OptionKeys<CustomerLifetimeValueOptions>);
  const { periods, period } = options;
  if (!Number.isInteger(periods) || periods < 0 || periods > MAX_PERIODS) {
    throw new RangeError(`customerLifetimeValue requires periods to be a non-negative integer up to ${MAX_PERIODS}`);
  }
  const modelUnit = purchaseModel.unit;
  if (typeof period !== "number" && !isTimeUnit(period)) {
    throw new RangeError("customerLifetimeValue requires period to be days, weeks, months, years or a positive length in the model's unit");
  }
  // assertModel admits the continuous-time models only, whose unit is a time unit
  const length = typeof period === "number" ? period : UNIT_DAYS[period] / UNIT_DAYS[modelUnit as TimeUnit];
  if (!(length > 0) || !Number.isFinite(length)) throw new RangeError("customerLifetimeValue requires a positive period length");
  const discountRate = options.discountRate ?? 0;
  // A fraction per period, as discountedLifetimeValue takes it: 10 (a percent typed as a number) or Infinity would discount everything away.
  if (typeof discountRate !== "number" || !(discountRate > -1 && discountRate <= 1)) {
    throw new RangeError("customerLifetimeValue requires a discount rate above -1 and at most 1 (a fraction: 0.01 is 1 % per period)");
  }
  const params = vector(purchaseModel);
  const g = spendModel.params;
  const spendParams = [g.p, g.q, g.gamma];
  const discounts = new Float64Array(periods + 1);
  for (let i = 1; i <= periods; i++) discounts[i] = Math.pow(1 + discountRate, -i);
  const result = new Float64Array(customers.length);
  for (let c = 0; c < customers.length; c++) {
    const row = rowAt(customers, c, "customerLifetimeValue", "customer");
    const recency = assertActivity(row, "customerLifetimeValue");
    if (row.frequency > 0 && !(row.monetaryValue > 0 && Number.isFinite(row.monetaryValue))) {
      throw new RangeError(`customerLifetimeValue requires monetaryValue to be positive when frequency is above zero (row ${c})`);
    }
    const spend = conditionalSpend(spendParams, row.frequency, row.monetaryValue);
    let previous = 0;
    let total = 0;
    for (let i = 1; i <= periods; i++) {
      const cumulative = conditional(purchaseModel, params, row.frequency, recency, row.T, i * length);
      total += (cumulative - previous) * (discounts[i] as number);
      previous = cumulative;
    }
    result[c] = total * spend;
  }
  return result;
}
