import { assertOptions } from "../_lib/pythonOptions.js";
import type { OptionKeys } from "../_lib/arguments.js";
import * as bgBb from "./_lib/bgBb.js";
import { assertActivity, assertModel, assertOpportunities, discountedResidual, vector } from "./_lib/models.js";
import { isTimeUnit, UNIT_DAYS } from "./_lib/units.js";
import type { OpportunityActivity } from "./fitBgBb.js";
import type { BgBbModel, CustomerActivity, PurchaseModel, TimeUnit } from "./types.js";

/** @category CLV */
export interface DiscountedResidualOptions {
  /**
   * Discount rate per `period`, a fraction from 1e-6 to 1 (0.15 is 15 % a year with `period: "years"`).
   * Continuous-time models compound it continuously: δ = ln(1 + rate) / period per model unit.
   */
  readonly discountRate: number;
  /**
   * What the rate is per. Continuous-time models: a unit (converted to the model's: a year is 365.25
   * days = 52.18 weeks) or a positive length in the model's own unit; required. BG/BB: a positive number
   * of transaction opportunities, default 1.
   */
  readonly period?: TimeUnit | number;
}

/** The smallest discount rate per period, and for BG/BB per opportunity: its series then needs up to about 4e7 terms. */
const MIN_RATE = 1e-6;
/** The smallest continuous rate per model unit (1e-6 a year is 2.7e-9 a day). */
const MIN_CONTINUOUS_RATE = 1e-12;

/**
 * Discounted expected residual purchases (DERT): the purchases a customer is expected to make over their
 * whole remaining lifetime, each discounted to today. Times the expected spend per purchase
 * (`expectedAverageSpend`) it is the customer's residual lifetime value, with no horizon to choose.
 *
 * @remarks
 * - Pareto/NBD, Fader, Hardie & Lee (2005) "RFM and CLV", eq. 2:
 *   `α^r β^s δ^(s−1) Γ(r+x+1) U(s, s; δ(β+T)) / (Γ(r) (α+T)^(r+x+1) L(r, α, s, β | x, t_x, T))`,
 *   computed as `P(alive) · (r+x)/(α+T) · (β+T) · E[1/(G + δ(β+T))]` with G ~ Gamma(s, 1): Tricomi's U as a
 *   geometrically converging integral, not as the difference of two Kummer functions that cancels
 *   (CLVTools #171). About 15 µs on CDNOW.
 * - BG/NBD and MBG/NBD have no closed form: `δ ∫₀^∞ e^(−δt) E[Y(t)] dt` with E[Y(t)] of `expectedPurchases`,
 *   by the trapezoid rule over ln(δt): about 230 evaluations of E[Y], 0.2 ms on CDNOW. Where that 2F1 is
 *   out of range over such horizons (b + x from 100, a within 1e-5 of 1, δ(α+T) below 1e-3), the posterior
 *   form `P(alive) · E[λ/(δ + λp)]` (given alive, λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x), and a live customer
 *   dies at rate λp) as a double integral, 5 to 20 ms.
 * - BG/BB, Fader, Hardie & Shang (2010) eq. 14: `Σ_{m≥1} P(purchase at n+m | x, t_x, n) / (1+d)^m`
 *   through `2F1(1, δ+n+1; γ+δ+n+1; 1/(1+d))`; O(1), except that a γ within 1e-3 of a whole number sums
 *   the series term by term, about 40/d terms at rate d per opportunity.
 * Continuous-time models discount continuously at δ = ln(1 + discountRate)/period; BG/BB discounts the
 * m-th coming opportunity by (1 + d)^(−m), d the rate per opportunity. FHL's 15 % a year, δ = 0.0027 a
 * week, is `{ discountRate: 0.15, period: 52 }` in a weekly model; BTYD's `d` and CLVTools'
 * `continuous.discount.factor` are continuous already: `{ discountRate: Math.expm1(d), period: 1 }`.
 * (`customerLifetimeValue` discounts whole periods instead, by (1 + d)^(−i): over a long horizon it comes
 * out 0.5 % (1 % a month) to 8 % (15 % a year) below this times the spend.)
 *
 * Accuracy: 1e-12 against mpmath evaluations of the definitions (test/reference/clv/residual.py), for all
 * four models, from frequency 0 to 5,000, b up to 1e4 and rates down to 1e-8 per unit.
 *
 * @param model - a converged BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model.
 * @param customer - frequency, recency, T (BG/BB: frequency, recency, periods), in the model's unit.
 * @param options - discountRate and the period it is per.
 * @returns the discounted expected number of purchases (≥ 0).
 * @throws `TypeError` `discountedResidualPurchases requires a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model`,
 *   `discountedResidualPurchases requires a converged model`,
 *   `discountedResidualPurchases requires options to be an object`,
 *   `discountedResidualPurchases requires customer to be an object`,
 *   `discountedResidualPurchases requires T for a continuous-time model`,
 *   `discountedResidualPurchases requires integer frequency, recency and periods for a BG/BB model`,
 *   `discountedResidualPurchases does not take the option …` (an unknown key)
 * @throws `RangeError` `discountedResidualPurchases requires a discount rate from 1e-6 to 1 (a fraction: 0.15 is 15 % per period)`,
 *   `discountedResidualPurchases requires period to be days, weeks, months, years or a positive length in the model's unit`,
 *   `discountedResidualPurchases requires period to be a positive number of opportunities for a BG/BB model`,
 *   `discountedResidualPurchases requires a discount rate of at least 1e-6 per opportunity`,
 *   `discountedResidualPurchases requires a continuous discount rate ln(1 + discountRate)/period of at least 1e-12 per model unit`,
 *   the model checks of `probabilityAlive` and the row checks of `expectedPurchases`
 * @example
 * const pareto = modelFromParams({ kind: "Pareto/NBD", unit: "weeks", params: { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 } });
 * discountedResidualPurchases(pareto, { frequency: 2, recency: 30.43, T: 38.86 }, { discountRate: 0.15, period: "years" }) //=> 6.514
 * const donors = modelFromParams({ kind: "BG/BB", unit: "periods", params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } });
 * discountedResidualPurchases(donors, { frequency: 6, recency: 6, periods: 6 }, { discountRate: 0.1 }) //=> 5.909
 * @category CLV
 */
export function discountedResidualPurchases(
  model: PurchaseModel | BgBbModel,
  customer: CustomerActivity | OpportunityActivity,
  options: DiscountedResidualOptions,
): number {
  const name = "discountedResidualPurchases";
  assertModel(model, name);
  assertOptions(name, options, { discountRate: true, period: true } satisfies OptionKeys<DiscountedResidualOptions>);
  const { discountRate, period } = options;
  if (typeof discountRate !== "number" || !(discountRate >= MIN_RATE && discountRate <= 1)) {
    throw new RangeError(`${name} requires a discount rate from 1e-6 to 1 (a fraction: 0.15 is 15 % per period)`);
  }
  const logGrowth = Math.log1p(discountRate);
  if (model.kind === "BG/BB") {
    const opportunities = period ?? 1;
    if (typeof opportunities !== "number" || !(opportunities > 0) || !Number.isFinite(opportunities)) {
      throw new RangeError(`${name} requires period to be a positive number of opportunities for a BG/BB model`);
    }
    const perOpportunity = Math.expm1(logGrowth / opportunities);
    if (!(perOpportunity >= MIN_RATE)) throw new RangeError(`${name} requires a discount rate of at least 1e-6 per opportunity`);
    const row = assertOpportunities(customer, name);
    const p = model.params;
    return bgBb.discountedResidual([p.alpha, p.beta, p.gamma, p.delta], row.frequency, row.recency, row.periods, perOpportunity);
  }
  const length = typeof period === "number" ? period : isTimeUnit(period) ? UNIT_DAYS[period] / UNIT_DAYS[model.unit as TimeUnit] : Number.NaN;
  if (!(length > 0) || !Number.isFinite(length)) {
    throw new RangeError(`${name} requires period to be days, weeks, months, years or a positive length in the model's unit`);
  }
  const delta = logGrowth / length;
  // e^4/δ, the longest horizon BG/NBD's integral reads, must stay a number
  if (!(delta >= MIN_CONTINUOUS_RATE)) throw new RangeError(`${name} requires a continuous discount rate ln(1 + discountRate)/period of at least 1e-12 per model unit`);
  const row = customer as CustomerActivity;
  const recency = assertActivity(row, name);
  return discountedResidual(model, vector(model), row.frequency, recency, row.T, delta);
}
