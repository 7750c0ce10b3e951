import type { RateResult } from "../types.js";

/** Builds a rate value object; a zero denominator gives `defined: false`, `value: NaN`. @internal */
export function makeRate(numerator: number, denominator: number, emptyReason: string): RateResult {
  if (denominator === 0) return { value: Number.NaN, numerator, denominator, defined: false, reason: emptyReason };
  return { value: numerator / denominator, numerator, denominator, defined: true };
}
