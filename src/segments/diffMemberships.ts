import type { AssignSegmentsResult, SegmentMembership } from "./assignSegments.js";

/** Who entered and who left one segment between two runs. */
export interface SegmentChange {
  readonly segment: string;
  /** Profile ids in the segment after but not before, in the order of `after`. */
  readonly entered: ReadonlyArray<string>;
  /** Profile ids in the segment before but not after, in the order of `before`. */
  readonly left: ReadonlyArray<string>;
  /** Members in both runs. */
  readonly stayed: number;
  readonly sizeBefore: number;
  readonly sizeAfter: number;
}

/** The result of {@link diffMemberships}. */
export interface DiffMembershipsResult {
  /**
   * One entry per segment seen in either run, unchanged ones included: first those listed in the
   * `sizes` of an `assignSegments` result (declaration order, `before` then `after`), so a segment
   * that stayed empty has its row too; then those met in the memberships (first-seen order).
   */
  readonly segments: ReadonlyArray<SegmentChange>;
  /** Number of profiles whose segment list changed (including profiles present in one run only). */
  readonly changedProfiles: number;
  /** Ids present only in `after` (new profiles), and only in `before` (gone profiles). */
  readonly addedProfiles: ReadonlyArray<string>;
  readonly removedProfiles: ReadonlyArray<string>;
}

/** What `diffMemberships` compares: a result of `assignSegments` or its memberships. */
export type MembershipsInput = AssignSegmentsResult | ReadonlyArray<SegmentMembership>;

function membershipsOf(input: MembershipsInput, side: "before" | "after"): ReadonlyArray<SegmentMembership> {
  const list: unknown = Array.isArray(input) ? input : typeof input === "object" && input !== null ? (input as AssignSegmentsResult).memberships : undefined;
  if (!Array.isArray(list)) throw new TypeError(`diffMemberships requires ${side} to be an assignSegments result or its memberships`);
  return list as ReadonlyArray<SegmentMembership>;
}

/** The segment ids of a result's `sizes`, in declaration order; none for a bare memberships list. */
function declaredSegments(input: MembershipsInput, side: "before" | "after"): ReadonlyArray<string> {
  if (Array.isArray(input)) return [];
  const sizes: unknown = (input as AssignSegmentsResult).sizes;
  if (sizes === undefined) return [];
  if (!Array.isArray(sizes) || sizes.some((size: unknown) => typeof size !== "object" || size === null || typeof (size as { id?: unknown }).id !== "string")) {
    throw new TypeError(`diffMemberships requires the sizes of ${side}, when given, to be an array of { id } objects`);
  }
  return (sizes as ReadonlyArray<{ readonly id: string }>).map((size) => size.id);
}

function indexById(list: ReadonlyArray<SegmentMembership>, side: "before" | "after"): Map<string, ReadonlySet<string>> {
  const map = new Map<string, ReadonlySet<string>>();
  for (let index = 0; index < list.length; index++) {
    const membership = list[index] as SegmentMembership;
    if (typeof membership !== "object" || membership === null || typeof membership.id !== "string" || !Array.isArray(membership.segments)) {
      // A collected assignSegmentsStream output keeps its rejects, which have no segments.
      const rejected = typeof membership === "object" && membership !== null && (membership as { kind?: unknown }).kind === "rejected";
      const hint = rejected ? `: ${side}[${index}] is a rejected row of assignSegmentsStream; keep the rows of kind "assigned"` : ` (${side}[${index}])`;
      throw new TypeError(`diffMemberships requires every membership to have a string id and an array of segments${hint}`);
    }
    if (map.has(membership.id)) throw new RangeError(`diffMemberships requires unique profile ids ("${membership.id}" appears twice in ${side})`);
    const segments = new Set(membership.segments);
    if (segments.size !== membership.segments.length) {
      throw new RangeError(`diffMemberships requires each profile's segments to be listed once ("${membership.id}" in ${side})`);
    }
    map.set(membership.id, segments);
  }
  return map;
}

interface MutableChange {
  segment: string;
  entered: string[];
  left: string[];
  stayed: number;
  sizeBefore: number;
  sizeAfter: number;
}

/**
 * Lists who entered and who left each segment between two runs: the feed for real-time triggers
 * ("send the welcome mail to everyone who entered VIP today").
 *
 * @remarks Profiles are matched by id. A profile present only in `after` enters each of its
 * segments; a profile present only in `before` leaves each of its segments. Works for both modes
 * (first-match memberships hold at most one segment). Given `assignSegments` results rather than
 * bare memberships, every declared segment gets its entry, also one that was empty in both runs. O(n + m) plus the total number of memberships
 * (each profile's segments are hashed once).
 * @param before - the earlier `assignSegments` result, or its `memberships`.
 * @param after - the later result, or its `memberships`.
 * @returns Per-segment entered/left lists, plus the ids of added and removed profiles.
 * @throws `RangeError` `"diffMemberships requires before and after from the same mode, not \"all\" and \"first-match\""` (two results whose modes differ),
 * `"diffMemberships requires unique profile ids (\"<id>\" appears twice in before)"` (or `after`),
 * `"diffMemberships requires each profile's segments to be listed once (\"<id>\" in before)"` (or `after`).
 * @throws `TypeError` `"diffMemberships requires before to be an assignSegments result or its memberships"` (or `after`),
 * `"diffMemberships requires every membership to have a string id and an array of segments (before[<index>])"`
 * (for a reject of `assignSegmentsStream`: `...: after[<index>] is a rejected row of assignSegmentsStream; keep the rows of kind "assigned"`),
 * `"diffMemberships requires the sizes of before, when given, to be an array of { id } objects"` (or `after`).
 * @example
 * const before = [{ id: "a", index: 0, segments: ["vip"], segment: "vip" }, { id: "b", index: 1, segments: [], segment: null }];
 * const after = [{ id: "a", index: 0, segments: [], segment: null }, { id: "b", index: 1, segments: ["vip"], segment: "vip" }];
 * const diff = diffMemberships(before, after);
 * diff.segments[0]?.entered //=> ["b"]
 * diff.segments[0]?.left //=> ["a"]
 * diff.changedProfiles //=> 2
 * @category Segments
 */
export function diffMemberships(before: MembershipsInput, after: MembershipsInput): DiffMembershipsResult {
  const beforeList = membershipsOf(before, "before");
  const afterList = membershipsOf(after, "after");
  // A first-match run lists only each profile's winner: against an "all" run, members would seem to leave.
  const beforeMode = Array.isArray(before) ? undefined : (before as Partial<AssignSegmentsResult>).mode;
  const afterMode = Array.isArray(after) ? undefined : (after as Partial<AssignSegmentsResult>).mode;
  if (beforeMode !== undefined && afterMode !== undefined && beforeMode !== afterMode) {
    throw new RangeError(`diffMemberships requires before and after from the same mode, not "${String(beforeMode)}" and "${String(afterMode)}"`);
  }
  const beforeById = indexById(beforeList, "before");
  const afterById = indexById(afterList, "after");
  const changes = new Map<string, MutableChange>();
  const changeOf = (segment: string): MutableChange => {
    let change = changes.get(segment);
    if (change === undefined) {
      change = { segment, entered: [], left: [], stayed: 0, sizeBefore: 0, sizeAfter: 0 };
      changes.set(segment, change);
    }
    return change;
  };
  for (const segment of [...declaredSegments(before, "before"), ...declaredSegments(after, "after")]) changeOf(segment);
  const removedProfiles: string[] = [];
  const addedProfiles: string[] = [];
  let changedProfiles = 0;
  for (const membership of beforeList) {
    const next = afterById.get(membership.id);
    if (next === undefined) removedProfiles.push(membership.id);
    let changed = next === undefined;
    for (const segment of membership.segments) {
      const change = changeOf(segment);
      change.sizeBefore++;
      if (next !== undefined && next.has(segment)) {
        change.stayed++;
      } else {
        change.left.push(membership.id);
        changed = true;
      }
    }
    // Every segment of `before` was looked up in `next` above, so a different size means one was added.
    if (next !== undefined && next.size !== membership.segments.length) changed = true;
    if (changed) changedProfiles++;
  }
  for (const membership of afterList) {
    const previous = beforeById.get(membership.id);
    if (previous === undefined) {
      addedProfiles.push(membership.id);
      changedProfiles++;
    }
    for (const segment of membership.segments) {
      const change = changeOf(segment);
      change.sizeAfter++;
      if (previous === undefined || !previous.has(segment)) change.entered.push(membership.id);
    }
  }
  return { segments: [...changes.values()], changedProfiles, addedProfiles, removedProfiles };
}
