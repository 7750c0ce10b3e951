import { assertNonNegative, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";

/** Input of {@link discountedLifetimeValue}. @category Metrics */
export interface DiscountedLifetimeValueInput {
  /** Margin per customer per period (m). */
  readonly margin: number;
  /** Retention rate per period (r), a fraction in [0, 1]. */
  readonly retentionRate: number;
  /** Discount rate per period (d), a fraction (0.1 = 10 %). */
  readonly discountRate: number;
}

/** Options of {@link discountedLifetimeValue}. @category Metrics */
export interface DiscountedLifetimeValueOptions {
  /** Number of periods T; omitted = infinite horizon. */
  readonly horizonPeriods?: number;
  /**
   * "survival-first" (default, Gupta & Lehmann): margin of period t is earned only by customers retained
   * t times, Σ m·r^t/(1+d)^t → m·r/(1 + d − r). "first-period-certain": the first margin is certain,
   * Σ m·r^(t−1)/(1+d)^t → m/(1 + d − r).
   */
  readonly timing?: "survival-first" | "first-period-certain";
}

/**
 * Discounted customer lifetime value with constant margin, retention and discount rate (the
 * retention-discount form of Gupta & Lehmann), over a finite or infinite horizon.
 *
 * @remarks
 * With q = r/(1 + d): finite horizon m·q·(1 − q^T)/(1 − q) ("survival-first") or
 * m/(1 + d)·(1 − q^T)/(1 − q) ("first-period-certain"); infinite horizon m·r/(1 + d − r) or
 * m/(1 + d − r). Requires 0 ≤ r < 1 + d for the infinite horizon. Fractions, not percents: r and d
 * above 1 are rejected. Reference: Gupta & Lehmann (2003), https://doi.org/10.1002/dir.10045. O(1).
 * @param input - `margin`, `retentionRate`, `discountRate`.
 * @param options - `horizonPeriods` (default, or `Infinity`: infinite), `timing` (default "survival-first").
 * @returns The present value per customer.
 * @throws RangeError `discountedLifetimeValue requires retentionRate to be a fraction between zero and one`,
 *   `discountedLifetimeValue requires discountRate to be a fraction between zero and one`,
 *   `discountedLifetimeValue requires retentionRate below 1 + discountRate for an infinite horizon`,
 *   `discountedLifetimeValue requires margin to be a finite number`,
 *   `discountedLifetimeValue requires horizonPeriods to be a non-negative finite number` (a finite horizon; `Infinity` is the default).
 * @throws TypeError `discountedLifetimeValue requires input to be an object`, `discountedLifetimeValue requires options to be an object`,
 *   `discountedLifetimeValue requires timing to be "survival-first" or "first-period-certain"`.
 * @example
 * discountedLifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }) //=> 266.67
 * discountedLifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }, { horizonPeriods: 1 }) //=> 72.73
 * @category Metrics
 */
export function discountedLifetimeValue(input: DiscountedLifetimeValueInput, options: DiscountedLifetimeValueOptions = {}): number {
  assertRecord("discountedLifetimeValue", "input", input);
  assertOptions("discountedLifetimeValue", options, { horizonPeriods: true, timing: true } satisfies OptionKeys<DiscountedLifetimeValueOptions>);
  const { margin, retentionRate: r, discountRate: d } = input;
  if (typeof margin !== "number" || !Number.isFinite(margin)) throw new RangeError("discountedLifetimeValue requires margin to be a finite number");
  if (typeof r !== "number" || !(r >= 0 && r <= 1)) throw new RangeError("discountedLifetimeValue requires retentionRate to be a fraction between zero and one");
  if (typeof d !== "number" || !(d >= 0 && d <= 1)) throw new RangeError("discountedLifetimeValue requires discountRate to be a fraction between zero and one");
  const timing = options.timing ?? "survival-first";
  if (timing !== "survival-first" && timing !== "first-period-certain") throw new TypeError('discountedLifetimeValue requires timing to be "survival-first" or "first-period-certain"');
  const horizon = options.horizonPeriods;
  const lead = timing === "survival-first" ? margin * r : margin;
  if (horizon === undefined || horizon === Number.POSITIVE_INFINITY) {
    if (!(r < 1 + d)) throw new RangeError("discountedLifetimeValue requires retentionRate below 1 + discountRate for an infinite horizon");
    return lead / (1 + d - r);
  }
  assertNonNegative("discountedLifetimeValue", "horizonPeriods", horizon);
  const q = r / (1 + d);
  if (q === 1) return (lead / (1 + d)) * horizon;
  // Σ_{t=1..T} lead·q^(t−1)/(1+d) = lead/(1+d)·(1 − q^T)/(1 − q), with (1 − q^T) computed without cancellation.
  const partial = q === 0 ? (horizon >= 1 ? 1 : 0) : -Math.expm1(horizon * Math.log(q));
  return ((lead / (1 + d)) * partial) / (1 - q);
}
