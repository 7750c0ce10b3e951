import { assertIterable } from "./_lib/assert.js";

/**
 * Segment size: the number of distinct member ids.
 *
 * @remarks Duplicates count once. O(n).
 * @param memberIds - ids of the segment's members.
 * @returns The count of distinct ids (0 for an empty segment).
 * @throws TypeError `segmentSize requires string member ids`.
 * @throws TypeError `segmentSize requires memberIds to be iterable`.
 * @example
 * segmentSize(["c1", "c2", "c1"]) //=> 2
 * @category Metrics
 */
export function segmentSize(memberIds: Iterable<string>): number {
  assertIterable("segmentSize", "memberIds", memberIds);
  const seen = new Set<string>();
  for (const id of memberIds) {
    if (typeof id !== "string") throw new TypeError("segmentSize requires string member ids");
    seen.add(id);
  }
  return seen.size;
}
