import * as bgBb from "./_lib/bgBb.js";
import { alive, assertActivity, assertModel, assertOpportunities, vector } from "./_lib/models.js";
import type { OpportunityActivity } from "./fitBgBb.js";
import type { BgBbModel, CustomerActivity, PurchaseModel } from "./types.js";

/**
 * Probability that a customer is still alive (has not churned) at the end of their observation.
 *
 * @remarks
 * - BG/NBD: `1 / (1 + δ_{x>0} a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))` (1 for customers with no repeat purchase).
 * - MBG/NBD: `1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x))`.
 * - Pareto/NBD: `1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A0)`.
 * - BG/BB: probability of being alive at opportunity n + `futurePeriods` (FHS 2010 eq. 11).
 * Computed as a logistic of a log-odds, so it never overflows. O(1).
 *
 * @param model - a converged BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model.
 * @param customer - frequency, recency, T (BG/BB: frequency, recency, periods).
 * @param futurePeriods - BG/BB only: opportunities ahead (default 1, "alive in the next one").
 * @returns a probability in [0, 1].
 * @throws `TypeError` `probabilityAlive requires a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model`,
 *   `probabilityAlive requires a converged model`, `probabilityAlive requires customer to be an object`,
 *   `probabilityAlive requires integer frequency, recency and periods for a BG/BB model`,
 *   `probabilityAlive requires T for a continuous-time model`
 * @throws `RangeError` `probabilityAlive requires a model with unit days, weeks, months or years`,
 *   `probabilityAlive requires a model with unit periods for BG/BB`,
 *   `probabilityAlive requires a model with a positive finite parameter r` (any parameter name),
 *   `probabilityAlive requires 0 <= frequency <= recency <= periods <= 10000 for a BG/BB model`,
 *   `probabilityAlive requires futurePeriods to be a non-negative integer`,
 *   `probabilityAlive requires frequency to be a non-negative integer`, `probabilityAlive requires T to be non-negative`,
 *   `probabilityAlive requires recency between zero and T`,
 *   `probabilityAlive requires recency to be zero when frequency is zero`
 * @example
 * const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
 * probabilityAlive(model, { frequency: 2, recency: 30.43, T: 38.86 }) //=> 0.7266
 * probabilityAlive(model, { frequency: 0, recency: 0, T: 38.86 }) //=> 1
 * @category CLV
 */
export function probabilityAlive(model: PurchaseModel | BgBbModel, customer: CustomerActivity | OpportunityActivity, futurePeriods = 1): number {
  assertModel(model, "probabilityAlive");
  if (model.kind === "BG/BB") {
    const row = assertOpportunities(customer, "probabilityAlive");
    const p = model.params;
    if (!Number.isInteger(futurePeriods) || futurePeriods < 0) throw new RangeError("probabilityAlive requires futurePeriods to be a non-negative integer");
    return bgBb.probabilityAlive([p.alpha, p.beta, p.gamma, p.delta], row.frequency, row.recency, row.periods, futurePeriods);
  }
  const row = customer as CustomerActivity;
  const recency = assertActivity(row, "probabilityAlive");
  return alive(model, vector(model), row.frequency, recency, row.T);
}
