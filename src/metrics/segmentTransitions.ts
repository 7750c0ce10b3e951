import { assertArray, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";

/** One customer's segment in a snapshot. @category Metrics */
export interface SegmentAssignment {
  readonly customerId: string;
  readonly segment: string;
}

/** Result of {@link segmentTransitions}. @category Metrics */
export interface SegmentTransitionsResult {
  /** Row and column labels: every segment seen, sorted, then `outside` (not in that snapshot). */
  readonly labels: string[];
  /** counts[i][j]: customers in labels[i] before and labels[j] after. */
  readonly counts: number[][];
  /** Row-normalised counts (each row sums to 1); a row with no customers is all NaN. */
  readonly rates: number[][];
  /** Label used for customers absent from a snapshot. */
  readonly outside: string;
}

/**
 * Transition matrix of customers between segments across two snapshots (e.g. RFM segment last month
 * versus now), including entries into and exits from the population.
 *
 * @remarks
 * A customer absent from a snapshot is counted under `outside` (default "(none)"). Each customer has at
 * most one segment per snapshot. O(n + k²) for k segments.
 * @param previous - assignments at t.
 * @param current - assignments at t + 1.
 * @param options - `outside` label (default "(none)"; must not be a segment name).
 * @returns `{ labels, counts, rates, outside }`.
 * @throws RangeError `segmentTransitions requires one segment per customer in each snapshot`,
 *   `segmentTransitions requires the outside label not to be a segment name`.
 * @throws TypeError `segmentTransitions requires previous to be an array`, `segmentTransitions requires current to be an array`, `segmentTransitions requires options to be an object`,
 *   `segmentTransitions requires every assignment to be an object`, `segmentTransitions requires customerId and segment to be strings`.
 * @example
 * const matrix = segmentTransitions(
 *   [{ customerId: "a", segment: "new" }, { customerId: "b", segment: "new" }],
 *   [{ customerId: "a", segment: "loyal" }, { customerId: "c", segment: "new" }],
 * );
 * matrix.labels //=> ["loyal", "new", "(none)"]
 * matrix.counts[1] //=> [1, 0, 1]
 * @category Metrics
 */
export function segmentTransitions(previous: ReadonlyArray<SegmentAssignment>, current: ReadonlyArray<SegmentAssignment>, options: { readonly outside?: string } = {}): SegmentTransitionsResult {
  assertArray("segmentTransitions", "previous", previous);
  assertArray("segmentTransitions", "current", current);
  assertOptions("segmentTransitions", options, { outside: true } satisfies OptionKeys<Parameters<typeof segmentTransitions>[2]>);
  const outside = options.outside ?? "(none)";
  const toMap = (assignments: ReadonlyArray<SegmentAssignment>): Map<string, string> => {
    const map = new Map<string, string>();
    for (const assignment of assignments) {
      assertRecord("segmentTransitions", "every assignment", assignment);
      const { customerId, segment } = assignment;
      if (typeof customerId !== "string" || typeof segment !== "string") throw new TypeError("segmentTransitions requires customerId and segment to be strings");
      if (map.has(customerId) && map.get(customerId) !== segment) throw new RangeError("segmentTransitions requires one segment per customer in each snapshot");
      map.set(customerId, segment);
    }
    return map;
  };
  const before = toMap(previous);
  const after = toMap(current);
  const segmentNames = new Set<string>([...before.values(), ...after.values()]);
  if (segmentNames.has(outside)) throw new RangeError("segmentTransitions requires the outside label not to be a segment name");
  const labels = [...segmentNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  labels.push(outside);
  const index = new Map(labels.map((label, position) => [label, position]));
  const size = labels.length;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const customers = new Set<string>([...before.keys(), ...after.keys()]);
  for (const id of customers) {
    const from = index.get(before.get(id) ?? outside) as number;
    const to = index.get(after.get(id) ?? outside) as number;
    (counts[from] as number[])[to] = ((counts[from] as number[])[to] as number) + 1;
  }
  const rates = counts.map((row) => {
    const total = row.reduce((sum, value) => sum + value, 0);
    return row.map((value) => (total === 0 ? Number.NaN : value / total));
  });
  return { labels, counts, rates, outside };
}
