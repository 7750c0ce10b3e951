import { assertIterable } from "./_lib/assert.js";
import type { RateResult } from "./types.js";

/** Result of {@link membershipChurn}. @category Metrics */
export interface MembershipChurnResult {
  /** |S_t ∩ S_{t+1}| / |S_t|. */
  readonly retained: RateResult;
  /** |S_t \ S_{t+1}| / |S_t| = 1 − retained. */
  readonly outflow: RateResult;
  /** |S_{t+1} \ S_t| / |S_{t+1}|: the share of the new snapshot that is new. */
  readonly inflow: RateResult;
  /** |S_t ∩ S_{t+1}| / |S_t ∪ S_{t+1}|. */
  readonly jaccard: RateResult;
  readonly counts: { readonly previous: number; readonly current: number; readonly stayed: number; readonly left: number; readonly joined: number };
}

function rate(numerator: number, denominator: number, reason: string): RateResult {
  return denominator === 0
    ? { value: Number.NaN, numerator, denominator, defined: false, reason }
    : { value: numerator / denominator, numerator, denominator, defined: true };
}

/**
 * Membership churn of one segment between two snapshots: retained, outflow, inflow and Jaccard overlap.
 *
 * @remarks Ids must be stable between snapshots; duplicates count once. O(n + m).
 * @param previous - member ids at t.
 * @param current - member ids at t + 1.
 * @returns Rates with their counts; an empty previous snapshot makes retained/outflow undefined, an empty
 *   current one inflow, and both empty Jaccard.
 * @throws TypeError `membershipChurn requires string member ids`.
 * @throws TypeError `membershipChurn requires previous to be iterable`, `membershipChurn requires current to be iterable`.
 * @example
 * const churn = membershipChurn(["a", "b", "c", "d"], ["b", "c", "d", "e", "f"]);
 * churn.retained.value //=> 0.75
 * churn.inflow.value //=> 0.4
 * churn.jaccard.value //=> 0.5
 * @category Metrics
 */
export function membershipChurn(previous: Iterable<string>, current: Iterable<string>): MembershipChurnResult {
  assertIterable("membershipChurn", "previous", previous);
  assertIterable("membershipChurn", "current", current);
  const before = new Set<string>();
  const after = new Set<string>();
  for (const id of previous) {
    if (typeof id !== "string") throw new TypeError("membershipChurn requires string member ids");
    before.add(id);
  }
  for (const id of current) {
    if (typeof id !== "string") throw new TypeError("membershipChurn requires string member ids");
    after.add(id);
  }
  let stayed = 0;
  for (const id of before) if (after.has(id)) stayed++;
  const left = before.size - stayed;
  const joined = after.size - stayed;
  const union = before.size + joined;
  return {
    retained: rate(stayed, before.size, "the previous snapshot is empty"),
    outflow: rate(left, before.size, "the previous snapshot is empty"),
    inflow: rate(joined, after.size, "the current snapshot is empty"),
    jaccard: rate(stayed, union, "both snapshots are empty"),
    counts: { previous: before.size, current: after.size, stayed, left, joined },
  };
}
