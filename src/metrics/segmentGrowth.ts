import { assertNonNegative, assertRecord } from "./_lib/assert.js";
import type { RateResult } from "./types.js";

/**
 * Segment growth between two periods: (size_t − size_{t−1}) / size_{t−1}, as a fraction.
 *
 * @remarks O(1). Negative for a shrinking segment.
 * @param input - `previousSize`, `currentSize`.
 * @returns A rate value object (numerator = change); a previous size of 0 gives `defined: false`.
 * @throws RangeError `segmentGrowth requires previousSize to be a non-negative finite number` (likewise currentSize).
 * @throws TypeError `segmentGrowth requires input to be an object`.
 * @example
 * segmentGrowth({ previousSize: 400, currentSize: 460 }).value //=> 0.15
 * segmentGrowth({ previousSize: 0, currentSize: 10 }).defined //=> false
 * @category Metrics
 */
export function segmentGrowth(input: { readonly previousSize: number; readonly currentSize: number }): RateResult {
  assertRecord("segmentGrowth", "input", input);
  assertNonNegative("segmentGrowth", "previousSize", input.previousSize);
  assertNonNegative("segmentGrowth", "currentSize", input.currentSize);
  const change = input.currentSize - input.previousSize;
  if (input.previousSize === 0) return { value: Number.NaN, numerator: change, denominator: 0, defined: false, reason: "the segment was empty in the previous period" };
  return { value: change / input.previousSize, numerator: change, denominator: input.previousSize, defined: true };
}
