import * as bgBb from "./_lib/bgBb.js";
import * as bgNbd from "./_lib/bgNbd.js";
import * as paretoNbd from "./_lib/paretoNbd.js";
import { horizonInModelUnit, type Horizon } from "./_lib/horizon.js";
import { assertActivity, assertModel, assertOpportunities, MAX_OPPORTUNITIES, vector } from "./_lib/models.js";
import type { OpportunityActivity } from "./fitBgBb.js";
import type { BgBbModel, CustomerActivity, PurchaseModel } from "./types.js";

/**
 * Probability that a customer makes at least one purchase in the next `horizon`, given their history:
 * "will this customer buy in the next 30 days?" (one minus pymc-marketing's `expected_probability_no_purchase`).
 *
 * @remarks
 * - BG/NBD and MBG/NBD: `P(alive) · (1 − ((α+T)/(α+T+t))^(r+x))`, since their customers die only just after
 *   a purchase and, given alive, λ ~ Gamma(r+x, α+T).
 * - Pareto/NBD: `P(alive) · ∫₀^t (r+x)/(α+T) (1 + u/(α+T))^(−r−x−1) (1 + u/(β+T))^(−s) du`, the chance that
 *   the purchase clock rings before t and before the dropout clock; integrated by the trapezoid rule
 *   after mapping [0, t] onto the line (about 800 terms, 60 µs).
 * - BG/BB: `P(alive at n) · Σ_{k=1..m} E[p (1−p)^(k−1)] E[(1−θ)^k]`, the first transaction at opportunity
 *   n + k; O(horizon), hence at most 10,000 periods. (P(alive at n) is `probabilityAlive(model, customer, 0)`;
 *   its default, one opportunity ahead, is alive at n + 1.)
 * Each is a sum of positive terms, so a small probability keeps its digits (no 1 − P(none)). They match
 * mpmath integrations of the models' joint likelihoods to 1e-12 (test/reference/clv/purchaseProbability.py).
 *
 * @param model - a converged BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model.
 * @param customer - frequency, recency, T (BG/BB: frequency, recency, periods), in the model's unit.
 * @param horizon - a number in `model.unit`, or `{ amount, unit }` converted to it (BG/BB: whole periods).
 * @returns a probability in [0, 1]; 0 for a zero horizon.
 * @throws `TypeError` `purchaseProbability requires a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model`,
 *   `purchaseProbability requires a converged model` and the customer and horizon checks of `expectedPurchases`
 * @throws `RangeError` the model, customer and horizon checks of `expectedPurchases`,
 *   `purchaseProbability requires at most 10000 periods for BG/BB`
 * @example
 * const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
 * purchaseProbability(model, { frequency: 2, recency: 30.43, T: 38.86 }, { amount: 30, unit: "days" }) //=> 0.1387
 * purchaseProbability(model, { frequency: 2, recency: 30.43, T: 38.86 }, 39) //=> 0.5546
 * @category CLV
 */
export function purchaseProbability(model: PurchaseModel | BgBbModel, customer: CustomerActivity | OpportunityActivity, horizon: Horizon): number {
  const name = "purchaseProbability";
  assertModel(model, name);
  const t = horizonInModelUnit(horizon, model.unit, name);
  if (model.kind === "BG/BB") {
    if (t > MAX_OPPORTUNITIES) throw new RangeError(`${name} requires at most ${MAX_OPPORTUNITIES} periods for BG/BB`);
    const row = assertOpportunities(customer, name);
    const p = model.params;
    return bgBb.purchaseProbability([p.alpha, p.beta, p.gamma, p.delta], row.frequency, row.recency, row.periods, t);
  }
  const row = customer as CustomerActivity;
  const recency = assertActivity(row, name);
  const params = vector(model);
  return model.kind === "Pareto/NBD"
    ? paretoNbd.purchaseProbability(params, row.frequency, recency, row.T, t)
    : bgNbd.purchaseProbability(params, row.frequency, recency, row.T, t, model.kind === "MBG/NBD");
}
