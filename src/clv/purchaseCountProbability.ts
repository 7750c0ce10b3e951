import * as bgBb from "./_lib/bgBb.js";
import * as bgNbd from "./_lib/bgNbd.js";
import * as paretoNbd from "./_lib/paretoNbd.js";
import { horizonInModelUnit, type Horizon } from "./_lib/horizon.js";
import { assertModel, assertPurchaseCount, MAX_OPPORTUNITIES } from "./_lib/models.js";
import type { BgBbModel, PurchaseModel } from "./types.js";

/**
 * Probability that a randomly chosen customer makes exactly `count` repeat purchases in the first
 * `horizon` (BG/NBD, MBG/NBD, Pareto/NBD) or `count` transactions in the first `horizon` opportunities (BG/BB).
 *
 * @remarks
 * - BG/NBD (FHL 2005 eq. 8): `B(a, b+n)/B(a,b) · NB(n; r, α/(α+t)) + δ_{n>0} B(a+1, b+n−1)/B(a,b) · P(NB(r, α/(α+t)) ≥ n)`.
 * - MBG/NBD: `B(a, b+n+1)/B(a,b) · NB(n) + B(a+1, b+n)/B(a,b) · P(NB ≥ n)` (dropout possible at time 0).
 * - Pareto/NBD (Fader & Hardie 2006, note 013): the alive term times (β/(β+t))^s plus a 2F1 bracket
 *   `B1 − Σ_{j≤n} ...`, taken as a log-difference.
 * - BG/BB (FHS 2010 eq. 7): the sum over death opportunities of beta-binomial terms.
 * Log space throughout; each distribution sums to 1 and has mean `expectedPopulationPurchases` (tested).
 * O(count) for the continuous models, O(horizon) for BG/BB; hence count ≤ 1,000,000 and a BG/BB horizon
 * ≤ 10,000 periods.
 *
 * @param model - a converged BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model.
 * @param horizon - a number in `model.unit` or `{ amount, unit }` (BG/BB: an integer of periods).
 * @param count - a non-negative integer.
 * @returns a probability in [0, 1].
 * @throws `TypeError` `purchaseCountProbability requires a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model`,
 *   `purchaseCountProbability requires a converged model`,
 *   `purchaseCountProbability requires the horizon to be a number or { amount, unit }`,
 *   `purchaseCountProbability requires the horizon unit to be days, weeks, months or years`,
 *   `purchaseCountProbability requires the horizon amount to be a number`,
 *   `purchaseCountProbability requires a horizon in periods for a discrete-opportunity model`
 * @throws `RangeError` `purchaseCountProbability requires a model with unit days, weeks, months or years`,
 *   `purchaseCountProbability requires a model with unit periods for BG/BB`,
 *   `purchaseCountProbability requires a model with a positive finite parameter r` (any parameter name),
 *   `purchaseCountProbability requires count to be a non-negative integer`,
 *   `purchaseCountProbability requires count to be at most 1000000`,
 *   `purchaseCountProbability requires a non-negative horizon`,
 *   `purchaseCountProbability requires an integer number of periods for BG/BB`,
 *   `purchaseCountProbability requires at most 10000 periods for BG/BB`
 * @example
 * const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
 * purchaseCountProbability(model, 39, 0) //=> 0.5737864
 * @category CLV
 */
export function purchaseCountProbability(model: PurchaseModel | BgBbModel, horizon: Horizon, count: number): number {
  assertModel(model, "purchaseCountProbability");
  assertPurchaseCount(count, "purchaseCountProbability");
  const t = horizonInModelUnit(horizon, model.unit, "purchaseCountProbability");
  if (model.kind === "BG/BB") {
    if (t > MAX_OPPORTUNITIES) throw new RangeError(`purchaseCountProbability requires at most ${MAX_OPPORTUNITIES} periods for BG/BB`);
    if (count > t) return 0;
    const p = model.params;
    return bgBb.countProbability([p.alpha, p.beta, p.gamma, p.delta], t, count);
  }
  if (model.kind === "Pareto/NBD") {
    const p = model.params;
    return paretoNbd.countProbability([p.r, p.alpha, p.s, p.beta], t, count);
  }
  const p = model.params;
  return bgNbd.countProbability([p.r, p.alpha, p.a, p.b], t, count, model.kind === "MBG/NBD");
}
