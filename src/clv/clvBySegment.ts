import type { OptionKeys } from "../_lib/arguments.js";
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
 * CLV distribution of one segment. `segment` is `null` for the members without a segment (a null or
 * undefined membership). Every member is counted once, in `count` or in `missing`.
 * @category CLV
 */
export type SegmentClvSummary =
  | {
      readonly segment: string | number | null;
      readonly defined: true;
      /** Members with a value: the statistics describe these. */
      readonly count: number;
      /** Members whose value is NaN (no CLV): counted here, left out of the statistics. */
      readonly missing: number;
      readonly total: number;
      readonly mean: number;
      readonly minimum: number;
      readonly maximum: number;
      /** Type-7 quantiles, one per requested probability. */
      readonly quantiles: ReadonlyArray<{ readonly probability: number; readonly value: number }>;
    }
  | {
      readonly segment: string | number | null;
      readonly defined: false;
      readonly count: 0;
      /** Members whose value is NaN; 0 for a segment listed in `options.segments` without members. */
      readonly missing: number;
      readonly total: 0;
      readonly mean: null;
      readonly minimum: null;
      readonly maximum: null;
      readonly quantiles: null;
    };

/** The values of one segment's members, and how many of them had NaN (no value). */
interface SegmentMembers {
  readonly values: number[];
  missing: number;
}

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
 * `values[i]` belongs to segment `memberships[i]`. A NaN value means the member has no CLV: it is
 * counted in its segment's `missing` and left out of the statistics; any other value that is not a
 * finite number throws. A segment whose members all lack a value is still reported, with
 * `defined: false`. Members without a segment (a null or undefined membership, e.g. `assignSegments`'
 * unassigned profiles) come back as one last row with `segment: null`, present only when there are
 * such members. So every member is counted once: the sum of `count + missing` over the rows is
 * `values.length`. Totals use compensated summation; quantiles are type 7 (R, NumPy default).
 * Segments come out in the order of `options.segments`, then of first appearance, then `null`.
 * O(n log n).
 *
 * @param values - CLV per customer (e.g. from `customerLifetimeValue`); NaN for a customer without one.
 * @param memberships - segment label per customer, same length; null or undefined for none.
 * @param options - segments to always report, quantile probabilities.
 * @returns one summary per segment, then one for the members without a segment if there are any; a
 *   segment without a value (listed in `options.segments` but empty, or whose values are all NaN) has
 *   `defined: false`, `count` 0, its NaN members in `missing` and null statistics.
 * @throws `TypeError` `clvBySegment requires values and memberships to be arrays`,
 *   `clvBySegment requires options to be an object`, `clvBySegment requires probabilities to be an array`,
 *   `clvBySegment requires segments to be an array`, `clvBySegment requires segments to be strings or numbers`,
 *   `clvBySegment requires every value to be a number (index i)`
 * @throws `RangeError` `clvBySegment requires values and memberships of the same length`,
 *   `clvBySegment requires probabilities between zero and one`, `clvBySegment requires finite values (index i)`
 * @example
 * const summary = clvBySegment([10, 20, 30, 5, NaN, 8], ["gold", "gold", "gold", "bronze", "bronze", null], { segments: ["platinum"] });
 * summary[0].defined //=> false
 * summary[1].mean //=> 20
 * summary[1].quantiles[2].value //=> 20
 * [summary[2].total, summary[2].count, summary[2].missing] //=> [5, 1, 1]
 * [summary[3].segment, summary[3].total] //=> [null, 8]
 * @category CLV
 */
export function clvBySegment(
  values: ArrayLike<number>,
  memberships: ArrayLike<string | number | null | undefined>,
  options: ClvBySegmentOptions = {},
): SegmentClvSummary[] {
  if (!isArrayLike(values) || !isArrayLike(memberships)) throw new TypeError("clvBySegment requires values and memberships to be arrays");
  if (values.length !== memberships.length) throw new RangeError("clvBySegment requires values and memberships of the same length");
  const settings = optionsObject(options, "clvBySegment", { segments: true, probabilities: true } satisfies OptionKeys<ClvBySegmentOptions>);
  const probabilities = settings.probabilities ?? [0.1, 0.25, 0.5, 0.75, 0.9];
  const segments = settings.segments ?? [];
  if (!Array.isArray(probabilities)) throw new TypeError("clvBySegment requires probabilities to be an array");
  if (!Array.isArray(segments)) throw new TypeError("clvBySegment requires segments to be an array");
  for (const probability of probabilities) {
    if (!(typeof probability === "number" && probability >= 0 && probability <= 1)) throw new RangeError("clvBySegment requires probabilities between zero and one");
  }
  // A label is a string or a number; null stands for "no segment" and has its own last row.
  for (const segment of segments) {
    if (typeof segment !== "string" && typeof segment !== "number") throw new TypeError("clvBySegment requires segments to be strings or numbers");
  }
  const groups = new Map<string | number, SegmentMembers>();
  for (const segment of segments) if (!groups.has(segment)) groups.set(segment, { values: [], missing: 0 });
  // members without a segment, reported last (and only if there are any)
  const unsegmented: SegmentMembers = { values: [], missing: 0 };
  for (let i = 0; i < values.length; i++) {
    const segment = memberships[i];
    const value = values[i];
    if (typeof value !== "number") throw new TypeError(`clvBySegment requires every value to be a number (index ${i})`);
    if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) throw new RangeError(`clvBySegment requires finite values (index ${i})`);
    let group = unsegmented;
    if (segment !== null && segment !== undefined) {
      const known = groups.get(segment);
      if (known === undefined) groups.set(segment, (group = { values: [], missing: 0 }));
      else group = known;
    }
    if (Number.isNaN(value)) group.missing++;
    else group.values.push(value);
  }
  const rows: Array<[string | number | null, SegmentMembers]> = [...groups];
  if (unsegmented.values.length + unsegmented.missing > 0) rows.push([null, unsegmented]);
  const result: SegmentClvSummary[] = [];
  for (const [segment, { values: group, missing }] of rows) {
    if (group.length === 0) {
      result.push({ segment, defined: false, count: 0, missing, total: 0, mean: null, minimum: null, maximum: null, quantiles: null });
      continue;
    }
    const sorted = Float64Array.from(group).sort();
    const sum = new CompensatedSum();
    for (let k = 0; k < sorted.length; k++) sum.add(sorted[k] as number);
    result.push({
      segment,
      defined: true,
      count: sorted.length,
      missing,
      total: sum.value,
      mean: sum.value / sorted.length,
      minimum: sorted[0] as number,
      maximum: sorted[sorted.length - 1] as number,
      quantiles: probabilities.map((probability) => ({ probability, value: quantileSorted(sorted, probability) })),
    });
  }
  return result;
}
