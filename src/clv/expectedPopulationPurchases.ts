import * as bgBb from "./_lib/bgBb.js";
import { horizonInModelUnit, type Horizon } from "./_lib/horizon.js";
import { assertModel, unconditional, vector } from "./_lib/models.js";
import type { BgBbModel, PurchaseModel } from "./types.js";

/**
 * Expected number of repeat purchases E[X(t)] by a randomly chosen customer in the first `horizon`
 * after their first purchase (unconditional on any history): the building block of tracking plots.
 *
 * @remarks
 * - BG/NBD: `(a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))]` (FHL 2005 eq. 9).
 * - MBG/NBD: `b/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b+1; a+b; t/(α+t))]`.
 * - Pareto/NBD: `rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)]`.
 * - BG/BB: `α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)Γ(1+δ+n)/(Γ(γ+δ+n)Γ(1+δ))]` for n opportunities.
 * O(1) (2F1 series length grows with t).
 *
 * @param model - a converged model.
 * @param horizon - a number in `model.unit` or `{ amount, unit }`.
 * @returns the expected count; 0 at horizon 0.
 * @throws `TypeError` `expectedPopulationPurchases requires a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model`,
 *   `expectedPopulationPurchases requires a converged model`,
 *   `expectedPopulationPurchases requires the horizon to be a number or { amount, unit }`,
 *   `expectedPopulationPurchases requires the horizon unit to be days, weeks, months or years`,
 *   `expectedPopulationPurchases requires the horizon amount to be a number`,
 *   `expectedPopulationPurchases requires a horizon in periods for a discrete-opportunity model`
 * @throws `RangeError` `expectedPopulationPurchases requires a model with unit days, weeks, months or years`,
 *   `expectedPopulationPurchases requires a model with unit periods for BG/BB`,
 *   `expectedPopulationPurchases requires a model with a positive finite parameter r` (any parameter name),
 *   `expectedPopulationPurchases requires a non-negative horizon`,
 *   `expectedPopulationPurchases requires an integer number of periods for BG/BB`
 * @example
 * const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
 * expectedPopulationPurchases(model, 78) //=> 1.858
 * @category CLV
 */
export function expectedPopulationPurchases(model: PurchaseModel | BgBbModel, horizon: Horizon): number {
  assertModel(model, "expectedPopulationPurchases");
  const t = horizonInModelUnit(horizon, model.unit, "expectedPopulationPurchases");
  if (model.kind === "BG/BB") {
    const p = model.params;
    return bgBb.unconditionalExpected([p.alpha, p.beta, p.gamma, p.delta], t);
  }
  return unconditional(model, vector(model), t);
}
