import { assertNonNegative, assertRecord } from "./_lib/assert.js";

/** Result of {@link compoundAnnualGrowthRate}. @category Metrics */
export interface CompoundAnnualGrowthRateResult {
  /** (end/start)^(1/years) − 1, a fraction; NaN when not defined. */
  readonly value: number;
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Compound annual growth rate: (end / start)^(1 / years) − 1.
 *
 * @remarks Computed as expm1(ln(end/start)/years) for accuracy near 0. O(1).
 * @param input - `start` and `end` values (non-negative, e.g. segment sizes or revenue), `years` (positive).
 * @returns `{ value, defined }`; a start of 0 gives `defined: false`; an end of 0 gives −1.
 * @throws RangeError `compoundAnnualGrowthRate requires years to be positive`,
 *   `compoundAnnualGrowthRate requires start to be a non-negative finite number` (likewise end).
 * @throws TypeError `compoundAnnualGrowthRate requires input to be an object`.
 * @example
 * compoundAnnualGrowthRate({ start: 1000, end: 1210, years: 2 }).value //=> 0.1
 * @category Metrics
 */
export function compoundAnnualGrowthRate(input: { readonly start: number; readonly end: number; readonly years: number }): CompoundAnnualGrowthRateResult {
  assertRecord("compoundAnnualGrowthRate", "input", input);
  assertNonNegative("compoundAnnualGrowthRate", "start", input.start);
  assertNonNegative("compoundAnnualGrowthRate", "end", input.end);
  if (typeof input.years !== "number" || !Number.isFinite(input.years) || input.years <= 0) throw new RangeError("compoundAnnualGrowthRate requires years to be positive");
  if (input.start === 0) return { value: Number.NaN, defined: false, reason: "start value is zero" };
  if (input.end === 0) return { value: -1, defined: true };
  // The log of the ratio as a difference of logs: end / start overflows to Infinity (or to 0) for values
  // far apart, such as 1e300 over 1e-300, where the rate itself is an ordinary number.
  const ratio = input.end / input.start;
  const logRatio = Number.isFinite(ratio) && ratio > 0 ? Math.log(ratio) : Math.log(input.end) - Math.log(input.start);
  return { value: Math.expm1(logRatio / input.years), defined: true };
}
