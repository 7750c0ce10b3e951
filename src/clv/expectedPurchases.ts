import * as bgBb from "./_lib/bgBb.js";
import { horizonInModelUnit, type Horizon } from "./_lib/horizon.js";
import { assertActivity, assertModel, assertOpportunities, conditional, vector } from "./_lib/models.js";
import type { OpportunityActivity } from "./fitBgBb.js";
import type { BgBbModel, CustomerActivity, PurchaseModel } from "./types.js";

/**
 * Expected number of purchases a customer makes in the next `horizon` (conditional on their history).
 *
 * @remarks
 * - BG/NBD (FHL 2005 eq. 10): `(a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + δ_{x>0} a/(b+x−1) ((α+T)/(α+t_x))^(r+x))`
 * - MBG/NBD: the same with b+x+1, a+b+x and the odds term for every customer.
 * - Pareto/NBD: `(r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive)`.
 * - BG/BB (FHS 2010 eq. 13): expected transactions in the next `horizon` opportunities.
 * 2F1 is evaluated in log space, so frequencies in the hundreds and horizons of years stay finite. O(1)
 * per customer (the 2F1 series length grows as z = t/(α+T+t) nears 1).
 *
 * @param model - a converged model from `fitBgNbd`, `fitMbgNbd`, `fitParetoNbd` or `fitBgBb`.
 * @param customer - frequency, recency, T (or, for BG/BB, frequency, recency, periods).
 * @param horizon - a number in `model.unit`, or `{ amount, unit }` converted to it (not for BG/BB).
 * @returns the expected count (≥ 0); 0 for a zero horizon.
 * @throws `TypeError` `expectedPurchases requires a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model`,
 *   `expectedPurchases requires a converged model`, `expectedPurchases requires customer to be an object`,
 *   `expectedPurchases requires integer frequency, recency and periods for a BG/BB model`,
 *   `expectedPurchases requires T for a continuous-time model`,
 *   `expectedPurchases requires the horizon to be a number or { amount, unit }`,
 *   `expectedPurchases requires the horizon unit to be days, weeks, months or years`,
 *   `expectedPurchases requires the horizon amount to be a number`,
 *   `expectedPurchases requires a horizon in periods for a discrete-opportunity model`
 * @throws `RangeError` `expectedPurchases requires a model with unit days, weeks, months or years`,
 *   `expectedPurchases requires a model with unit periods for BG/BB`,
 *   `expectedPurchases requires a model with a positive finite parameter r` (any parameter name),
 *   `expectedPurchases requires a non-negative horizon`,
 *   `expectedPurchases requires an integer number of periods for BG/BB`,
 *   `expectedPurchases requires 0 <= frequency <= recency <= periods <= 10000 for a BG/BB model`,
 *   `expectedPurchases requires frequency to be a non-negative integer`, `expectedPurchases requires T to be non-negative`,
 *   `expectedPurchases requires recency between zero and T`,
 *   `expectedPurchases requires recency to be zero when frequency is zero`
 * @example
 * const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
 * expectedPurchases(model, { frequency: 2, recency: 30.43, T: 38.86 }, 39) //=> 1.226
 * expectedPurchases(model, { frequency: 2, recency: 30.43, T: 38.86 }, { amount: 273, unit: "days" }) //=> 1.226
 * @category CLV
 */
export function expectedPurchases(model: PurchaseModel | BgBbModel, customer: CustomerActivity | OpportunityActivity, horizon: Horizon): number {
  assertModel(model, "expectedPurchases");
  const t = horizonInModelUnit(horizon, model.unit, "expectedPurchases");
  if (model.kind === "BG/BB") {
    const row = assertOpportunities(customer, "expectedPurchases");
    const p = model.params;
    return bgBb.conditionalExpected([p.alpha, p.beta, p.gamma, p.delta], row.frequency, row.recency, row.periods, t);
  }
  const row = customer as CustomerActivity;
  const recency = assertActivity(row, "expectedPurchases");
  return conditional(model, vector(model), row.frequency, recency, row.T, t);
}
