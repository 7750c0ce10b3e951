import { CompensatedSum } from "../_lib/compensatedSum.js";
import { quantileSorted } from "../_lib/quantile.js";
import { optionsObject } from "./_lib/assert.js";

/** @category CLV */
export interface ClvBySegmentOptions {
  /** Segments to report even when empty (they come back with `defined: false`), in this order first. */
  readonly segments?: ReadonlyArray<string | number>;
  /** Quantile probabilities, default [0.1, 0.25, 0.5, 0.75, 0.9]. */
  readonly probabilities?: ReadonlyArray<number>;
}

/**
 * CLV distribution of one segment.
 * @category CLV
 */
export type SegmentClvSummary =
  | {
      readonly segment: string | number;
      readonly defined: true;
      readonly count: number;
      readonly total: number;
      readonly mean: number;
      readonly minimum: number;
      readonly maximum: number;
      /** Type-7 quantiles, one per requested probability. */
      readonly quantiles: ReadonlyArray<{ readonly probability: number; readonly value: number }>;
    }
  | {
      readonly segment: string | number;
      readonly defined: false;
      readonly count: 0;
      readonly total: 0;
      readonly mean: null;
      readonly minimum: null;
      readonly maximum: null;
      readonly quantiles: null;
    };

/** An array, typed array or other object with a non-negative integer length. */
function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (value === null || typeof value !== "object") return false;
  const length = (value as { length?: unknown }).length;
  return typeof length === "number" && Number.isSafeInteger(length) && length >= 0;
}

/**
 * Summarises customer lifetime values per segment: count, total, mean, minimum, maximum and quantiles,
 * ready for a segment attractiveness score.
 *
 * @remarks
 * `values[i]` belongs to segment `memberships[i]`. Members whose value is NaN or whose membership is
 * null/undefined are skipped; any other value that is not a finite number throws. Totals use
 * compensated summation; quantiles are type 7 (R, NumPy default). Segments come out in the order of `options.segments`, then of first appearance.
 * O(n log n).
 *
 * @param values - CLV per customer (e.g. from `customerLifetimeValue`).
 * @param memberships - segment label per customer, same length.
 * @param options - segments to always report, quantile probabilities.
 * @returns one summary per segment; empty segments have `defined: false` and null statistics.
 * @throws `TypeError` `clvBySegment requires values and memberships to be arrays`,
 *   `clvBySegment requires options to be an object`, `clvBySegment requires probabilities to be an array`,
 *   `clvBySegment requires segments to be an array`, `clvBySegment requires every value to be a number (index i)`
 * @throws `RangeError` `clvBySegment requires values and memberships of the same length`,
 *   `clvBySegment requires probabilities between zero and one`, `clvBySegment requires finite values (index i)`
 * @example
 * const summary = clvBySegment([10, 20, 30, 5], ["gold", "gold", "gold", "bronze"], { segments: ["platinum"] });
 * summary[0].defined //=> false
 * summary[1].mean //=> 20
 * summary[1].quantiles[2].value //=> 20
 * summary[2].total //=> 5
 * @category CLV
 */
export function clvBySegment(
  values: ArrayLike<number>,
  memberships: ArrayLike<string | number | null | undefined>,
  options: ClvBySegmentOptions = {},
): SegmentClvSummary[] {
  if (!isArrayLike(values) || !isArrayLike(memberships)) throw new TypeError("clvBySegment requires values and memberships to be arrays");
  if (values.length !== memberships.length) throw new RangeError("clvBySegment requires values and memberships of the same length");
  const settings = optionsObject(options, "clvBySegment");
  const probabilities = settings.probabilities ?? [0.1, 0.25, 0.5, 0.75, 0.9];
  const segments = settings.segments ?? [];
  if (!Array.isArray(probabilities)) throw new TypeError("clvBySegment requires probabilities to be an array");
  if (!Array.isArray(segments)) throw new TypeError("clvBySegment requires segments to be an array");
  for (const probability of probabilities) {
    if (!(typeof probability === "number" && probability >= 0 && probability <= 1)) throw new RangeError("clvBySegment requires probabilities between zero and one");
  }
  const groups = new Map<string | number, number[]>();
  for (const segment of segments) if (!groups.has(segment)) groups.set(segment, []);
  for (let i = 0; i < values.length; i++) {
    const segment = memberships[i];
    const value = values[i];
    if (typeof value !== "number") throw new TypeError(`clvBySegment requires every value to be a number (index ${i})`);
    if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) throw new RangeError(`clvBySegment requires finite values (index ${i})`);
    if (segment === null || segment === undefined || Number.isNaN(value)) continue;
    let group = groups.get(segment);
    if (group === undefined) {
      group = [];
      groups.set(segment, group);
    }
    group.push(value);
  }
  const result: SegmentClvSummary[] = [];
  for (const [segment, group] of groups) {
    if (group.length === 0) {
      result.push({ segment, defined: false, count: 0, total: 0, mean: null, minimum: null, maximum: null, quantiles: null });
      continue;
    }
    const sorted = Float64Array.from(group).sort();
    const sum = new CompensatedSum();
    for (let k = 0; k < sorted.length; k++) sum.add(sorted[k] as number);
    result.push({
      segment,
      defined: true,
      count: sorted.length,
      total: sum.value,
      mean: sum.value / sorted.length,
      minimum: sorted[0] as number,
      maximum: sorted[sorted.length - 1] as number,
      quantiles: probabilities.map((probability) => ({ probability, value: quantileSorted(sorted, probability) })),
    });
  }
  return result;
}
