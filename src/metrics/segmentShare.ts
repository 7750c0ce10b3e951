import { assertNonNegative, assertRecord } from "./_lib/assert.js";
import { makeRate } from "./_lib/rate.js";
import type { RateResult } from "./types.js";

/**
 * Segment share: segment size / population size.
 *
 * @remarks O(1).
 * @param input - `segmentSize`, `populationSize`.
 * @returns A rate value object; an empty population gives `defined: false`.
 * @throws RangeError `segmentShare requires segmentSize not to exceed populationSize`,
 *   `segmentShare requires segmentSize to be a non-negative finite number` (likewise populationSize).
 * @throws TypeError `segmentShare requires input to be an object`.
 * @example
 * segmentShare({ segmentSize: 250, populationSize: 10000 }).value //=> 0.025
 * @category Metrics
 */
export function segmentShare(input: { readonly segmentSize: number; readonly populationSize: number }): RateResult {
  assertRecord("segmentShare", "input", input);
  assertNonNegative("segmentShare", "segmentSize", input.segmentSize);
  assertNonNegative("segmentShare", "populationSize", input.populationSize);
  if (input.segmentSize > input.populationSize) throw new RangeError("segmentShare requires segmentSize not to exceed populationSize");
  return makeRate(input.segmentSize, input.populationSize, "empty population");
}
