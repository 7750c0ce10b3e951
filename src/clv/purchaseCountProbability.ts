import * as bgBb from "./_lib/bgBb.js";
import * as bgNbd from "./_lib/bgNbd.js";
import { horizonInModelUnit, type Horizon } from "./_lib/horizon.js";
import { assertModel } from "./_lib/models.js";
import type { BgBbModel, BgNbdModel } from "./types.js";

/**
 * Probability that a randomly chosen customer makes exactly `count` repeat purchases in the first
 * `horizon` (BG/NBD) or `count` transactions in the first `horizon` opportunities (BG/BB).
 *
 * @remarks
 * - BG/NBD (FHL 2005 eq. 8): `B(a, b+n)/B(a,b) · NB(n; r, α/(α+t)) + δ_{n>0} B(a+1, b+n−1)/B(a,b) · P(NB(r, α/(α+t)) ≥ n)`.
 * - BG/BB (FHS 2010 eq. 7): the sum over death opportunities of beta-binomial terms.
 * Log space throughout. O(count) for BG/NBD, O(horizon) for BG/BB.
 *
 * @param model - a converged BG/NBD or BG/BB model.
 * @param horizon - a number in `model.unit` or `{ value, unit }` (BG/BB: an integer of periods).
 * @param count - a non-negative integer.
 * @returns a probability in [0, 1].
 * @throws `purchaseCountProbability requires count to be a non-negative integer`,
 *   `purchaseCountProbability requires a BG/NBD or BG/BB model`
 * @example
 * const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
 * purchaseCountProbability(model, 39, 0) //=> 0.5737864
 * @category CLV
 */
export function purchaseCountProbability(model: BgNbdModel | BgBbModel, horizon: Horizon, count: number): number {
  assertModel(model, "purchaseCountProbability");
  if (!Number.isInteger(count) || count < 0) throw new RangeError("purchaseCountProbability requires count to be a non-negative integer");
  const t = horizonInModelUnit(horizon, model.unit, "purchaseCountProbability");
  if (model.kind === "BG/BB") {
    if (!Number.isInteger(t)) throw new RangeError("purchaseCountProbability requires an integer number of periods for BG/BB");
    if (count > t) return 0;
    const p = model.params;
    return bgBb.countProbability([p.alpha, p.beta, p.gamma, p.delta], t, count);
  }
  if ((model as { kind: string }).kind !== "BG/NBD") throw new TypeError("purchaseCountProbability requires a BG/NBD or BG/BB model");
  const p = model.params;
  return bgNbd.countProbability([p.r, p.alpha, p.a, p.b], t, count);
}
