import { assertFraction, assertNonNegative, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";

/** Input of {@link subscriptionLifetimeValue}. @category Metrics */
export interface SubscriptionLifetimeValueInput {
  /** Average revenue per account per period. */
  readonly revenuePerAccount: number;
  /** Gross margin, a fraction. */
  readonly grossMargin: number;
  /** Churn per period, a fraction. */
  readonly churnRate: number;
}

/**
 * Subscription customer lifetime value: ARPA × margin × expected lifetime, where the expected lifetime
 * is 1/churn, or Σ_{t=1..H} (1 − churn)^{t−1} = (1 − (1 − churn)^H)/churn when capped at H periods.
 *
 * @remarks
 * Zero churn means an infinite lifetime: a `horizonPeriods` cap is then required. Fractions, not
 * percents. O(1).
 * @param input - `revenuePerAccount`, `grossMargin`, `churnRate`.
 * @param options - `horizonPeriods`: optional cap (required when churn is 0).
 * @returns The value per account.
 * @throws RangeError `subscriptionLifetimeValue requires horizonPeriods when churnRate is zero`,
 *   `subscriptionLifetimeValue requires churnRate to be a fraction between zero and one` (likewise grossMargin),
 *   `subscriptionLifetimeValue requires revenuePerAccount to be a non-negative finite number` (likewise horizonPeriods).
 * @throws TypeError `subscriptionLifetimeValue requires input to be an object`, `subscriptionLifetimeValue requires options to be an object`.
 * @example
 * subscriptionLifetimeValue({ revenuePerAccount: 50, grossMargin: 0.8, churnRate: 0.04 }) //=> 1000
 * subscriptionLifetimeValue({ revenuePerAccount: 50, grossMargin: 0.8, churnRate: 0 }, { horizonPeriods: 36 }) //=> 1440
 * @category Metrics
 */
export function subscriptionLifetimeValue(input: SubscriptionLifetimeValueInput, options: { readonly horizonPeriods?: number } = {}): number {
  assertRecord("subscriptionLifetimeValue", "input", input);
  assertOptions("subscriptionLifetimeValue", options, { horizonPeriods: true } satisfies OptionKeys<Parameters<typeof subscriptionLifetimeValue>[1]>);
  assertNonNegative("subscriptionLifetimeValue", "revenuePerAccount", input.revenuePerAccount);
  assertFraction("subscriptionLifetimeValue", "grossMargin", input.grossMargin);
  assertFraction("subscriptionLifetimeValue", "churnRate", input.churnRate);
  const horizon = options.horizonPeriods;
  if (horizon !== undefined) assertNonNegative("subscriptionLifetimeValue", "horizonPeriods", horizon);
  const churn = input.churnRate;
  let lifetime: number;
  if (horizon === undefined) {
    if (churn === 0) throw new RangeError("subscriptionLifetimeValue requires horizonPeriods when churnRate is zero");
    lifetime = 1 / churn;
  } else if (churn === 0 || horizon === 0) lifetime = horizon;
  else lifetime = -Math.expm1(horizon * Math.log1p(-churn)) / churn;
  return input.revenuePerAccount * input.grossMargin * lifetime;
}
