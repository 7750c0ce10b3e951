import * as bgBb from "./_lib/bgBb.js";
import * as bgNbd from "./_lib/bgNbd.js";
import * as paretoNbd from "./_lib/paretoNbd.js";
import { horizonInModelUnit, type Horizon } from "./_lib/horizon.js";
import { inverseOnePlusExp } from "./_lib/special.js";
import { assertActivity, assertModel, assertOpportunities, assertPurchaseCount, MAX_OPPORTUNITIES } from "./_lib/models.js";
import type { OpportunityActivity } from "./fitBgBb.js";
import type { BgBbModel, CustomerActivity, PurchaseModel } from "./types.js";

/**
 * Probability that a customer makes exactly `count` purchases in the next `horizon`, given their
 * history: "how likely is this customer to buy twice next quarter?" (lifetimes'
 * `conditional_probability_of_n_purchases_up_to_time`, which its Pareto/NBD fitter has, for all four models).
 *
 * @remarks
 * A customer alive at T is, for the future, a new customer of the same model with the posterior
 * parameters, since the purchase and dropout processes forget the past given their rates; a customer
 * who has left buys nothing. So
 * `P(X(T, T+t) = n | x, t_x, T) = P(alive) · P_new(X(t) = n) + [n = 0] · (1 − P(alive))`, where `P_new`
 * is {@link purchaseCountProbability} with
 * - BG/NBD: (r + x, α + T, a, b + x);
 * - MBG/NBD: (r + x, α + T, a, b + x + 1), and no dropout at the new time 0 (the customer survived it);
 * - Pareto/NBD: (r + x, α + T, s, β + T);
 * - BG/BB: (α + x, β + n − x, γ, δ + n), with P(alive at n), `probabilityAlive(model, customer, 0)`.
 *
 * 1 − P(alive) is computed from the death odds, not by subtraction. The probabilities sum to 1 over
 * the counts, their mean is {@link expectedPurchases} and P(0) is 1 − {@link purchaseProbability}
 * (property tests); each matches an mpmath integration of the individual-level model over the
 * priors to 1e-12 (test/reference/clv/conditionalCount.py). O(count) for the continuous models,
 * O(horizon) for BG/BB.
 *
 * @param model - a converged BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model.
 * @param customer - frequency, recency, T (BG/BB: frequency, recency, periods), in the model's unit.
 * @param horizon - a number in `model.unit`, or `{ amount, unit }` converted to it (BG/BB: whole periods).
 * @param count - a non-negative integer.
 * @returns a probability in [0, 1]; for a zero horizon 1 at count 0 and 0 otherwise.
 * @throws `TypeError` `conditionalPurchaseCountProbability requires a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model`,
 *   `conditionalPurchaseCountProbability requires a converged model`, and the customer and horizon checks of {@link expectedPurchases}
 * @throws `RangeError` the model, customer and horizon checks of {@link expectedPurchases},
 *   `conditionalPurchaseCountProbability requires count to be a non-negative integer`,
 *   `conditionalPurchaseCountProbability requires count to be at most 1000000`,
 *   `conditionalPurchaseCountProbability requires at most 10000 periods for BG/BB`
 * @example
 * const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * conditionalPurchaseCountProbability(model, customer, 39, 0) //=> 0.4454
 * conditionalPurchaseCountProbability(model, customer, 39, 2) //=> 0.1442
 * conditionalPurchaseCountProbability(model, customer, { amount: 3, unit: "months" }, 1) //=> 0.2265
 * @category CLV
 */
export function conditionalPurchaseCountProbability(model: PurchaseModel | BgBbModel, customer: CustomerActivity | OpportunityActivity, horizon: Horizon, count: number): number {
  const name = "conditionalPurchaseCountProbability";
  assertModel(model, name);
  assertPurchaseCount(count, name);
  const t = horizonInModelUnit(horizon, model.unit, name);
  let alive: number;
  let dead: number;
  let fresh: number;
  if (model.kind === "BG/BB") {
    if (t > MAX_OPPORTUNITIES) throw new RangeError(`${name} requires at most ${MAX_OPPORTUNITIES} periods for BG/BB`);
    const { frequency: x, recency: tx, periods: n } = assertOpportunities(customer, name);
    const p = model.params;
    const params = [p.alpha, p.beta, p.gamma, p.delta];
    alive = bgBb.probabilityAlive(params, x, tx, n, 0);
    dead = bgBb.probabilityDead(params, x, tx, n);
    fresh = count > t ? 0 : bgBb.countProbability([p.alpha + x, p.beta + n - x, p.gamma, p.delta + n], t, count);
  } else {
    const row = customer as CustomerActivity;
    const tx = assertActivity(row, name);
    const { frequency: x, T } = row;
    if (model.kind === "Pareto/NBD") {
      const p = model.params;
      const params = [p.r, p.alpha, p.s, p.beta];
      // one evaluation of the death odds for both (outside the closed form's region it is an integral)
      const logOdds = paretoNbd.logDeathOdds(params, x, tx, T);
      alive = inverseOnePlusExp(logOdds);
      dead = inverseOnePlusExp(-logOdds);
      fresh = t === 0 ? (count === 0 ? 1 : 0) : paretoNbd.countProbability([p.r + x, p.alpha + T, p.s, p.beta + T], t, count);
    } else {
      const modified = model.kind === "MBG/NBD";
      const p = model.params;
      const params = [p.r, p.alpha, p.a, p.b];
      const logOdds = bgNbd.logOddsOfDeath(params, x, tx, T, modified);
      alive = inverseOnePlusExp(logOdds);
      dead = inverseOnePlusExp(-logOdds);
      fresh = t === 0 ? (count === 0 ? 1 : 0) : bgNbd.countProbability([p.r + x, p.alpha + T, p.a, p.b + x + (modified ? 1 : 0)], t, count);
    }
  }
  // the parts can each round a few ulps above their exact values
  return Math.min(1, alive * fresh + (count === 0 ? dead : 0));
}
