import type { Segment } from "./_lib/definition.js";
import type { EventsOf } from "./_lib/compile.js";
import { checkArguments, planSegments } from "./_lib/plan.js";
import { profileIdOf } from "./_lib/profileId.js";
import { instantOf } from "../_lib/instant.js";
import type { OptionKeys } from "../_lib/arguments.js";

/** Options of {@link assignSegments}. */
export interface AssignSegmentsOptions<P> {
  /** The clock of every time condition (`withinLast`, relative `before` / `after`, event windows). */
  readonly asOf: Date;
  /**
   * `"all"`: every segment whose rule is TRUE (multi-membership). `"first-match"`: only the first
   * segment by priority (larger first, ties by declaration order) whose rule is TRUE (a waterfall).
   */
  readonly mode: "all" | "first-match";
  /** The profile's events, for `event` conditions. */
  readonly eventsOf?: EventsOf<P>;
  /** The profile's id; default: its own `id` property (a string, or a number as text). */
  readonly idOf?: (profile: P, index: number) => string;
}

const optionKeys = { asOf: true, mode: true, eventsOf: true, idOf: true } as const satisfies OptionKeys<AssignSegmentsOptions<unknown>>;

/** The segments of one profile. */
export interface SegmentMembership {
  /** The profile's id. */
  readonly id: string;
  /** The profile's position in the input. */
  readonly index: number;
  /** Ids of the profile's segments in declaration order: every TRUE rule (`"all"`) or at most the winner (`"first-match"`). Frozen; equal lists may be shared between profiles. */
  readonly segments: ReadonlyArray<string>;
  /** The highest-priority segment whose rule is TRUE (the first-match winner in both modes), or `null`. */
  readonly segment: string | null;
}

/** The size of one segment. */
export interface SegmentSize {
  readonly id: string;
  readonly name: string;
  /** Profiles assigned to the segment under the run's mode. */
  readonly size: number;
  /** `size / total`; `null` when there are no profiles (not defined). */
  readonly share: number | null;
}

/** The result of {@link assignSegments}. */
export interface AssignSegmentsResult {
  readonly mode: "all" | "first-match";
  readonly asOf: Date;
  /** Number of profiles. */
  readonly total: number;
  /** One entry per profile, in input order. */
  readonly memberships: ReadonlyArray<SegmentMembership>;
  /** One entry per segment, in declaration order. */
  readonly sizes: ReadonlyArray<SegmentSize>;
  /** Profiles in no segment: the count and its share of `total` (`null` when there are no profiles). */
  readonly unassigned: { readonly count: number; readonly share: number | null };
}

/**
 * Assigns every profile to its segments: all segments whose rule is TRUE, or the first one by
 * priority (a waterfall), with the size of every segment.
 *
 * @remarks Each segment's rule is compiled once per call, together with the rules it references
 * (a referenced rule is inlined, so it is evaluated again inside each segment that names it). `inSegment` references are
 * checked before anything runs (unknown ids and cycles are errors) and resolved as `evaluate` and
 * `compileRule` resolve them: `{ op: "inSegment", segment: "vip" }` takes the three-valued result
 * of the `vip` rule, so `not inSegment("vip")` selects the profiles whose `vip` rule is FALSE, not
 * those where it is UNKNOWN (SQL semantics, identical in the SQL compiler). A profile is in a
 * segment only when its rule is TRUE. Under `"first-match"` a segment's rule is evaluated only
 * when every higher-priority segment failed. O(n · s) rule evaluations for n profiles and s
 * segments; memory O(n · s) for the result (use `assignSegmentsStream` for constant memory).
 * @param profiles - the profiles (any objects the rules read; each needs an id, see `idOf`).
 * @param segments - segments from `defineSegment`, ids unique.
 * @param options - `asOf`, `mode`, and optionally `eventsOf` and `idOf`.
 * @returns Memberships in input order and sizes in declaration order; shares are `null` for an empty population.
 * @throws `SegmentError` `"assignSegments found <n> issue(s): ..."` for duplicate ids (`duplicate_segment_id`),
 *   unknown references (`unknown_segment`) or a reference cycle (`segment_cycle`, the message names the cycle,
 *   e.g. `segments refer to each other in a cycle: a -> b -> a`), or references that expand a rule past
 *   1,000 levels or 100,000 nodes (`too_deep`, `too_many_nodes`).
 * @throws `TypeError` `"assignSegments requires asOf to be a valid Date"`, `"assignSegments requires mode to be \"all\" or \"first-match\""`,
 *   `"assignSegments requires a string id for every profile (profile <i>); pass idOf"`.
 * @throws `TypeError` `"assignSegments requires profiles to be iterable"`, `"assignSegments requires idOf to be a function"` (or `eventsOf`).
 * @throws `TypeError` `"assignSegments requires an array of segments"`, `"assignSegments requires options.eventsOf to evaluate event rules"` (a segment has an `event` node and no `eventsOf` is given).
 * @example
 * const vip = defineSegment({ id: "vip", name: "VIP", rule: { op: "gte", field: "spend", value: 1000 }, priority: 2 });
 * const active = defineSegment({ id: "active", name: "Active", rule: { op: "gte", field: "orders", value: 3 }, priority: 1 });
 * const profiles = [{ id: "a", spend: 1500, orders: 5 }, { id: "b", spend: 200, orders: 4 }, { id: "c", spend: 50, orders: 1 }];
 * const asOf = new Date("2024-06-01T00:00:00Z");
 * const all = assignSegments(profiles, [vip, active], { asOf, mode: "all" });
 * all.memberships[0]?.segments //=> ["vip", "active"]
 * all.sizes.map((size) => size.size) //=> [1, 2]
 * all.unassigned //=> { count: 1, share: 0.3333 }
 * const waterfall = assignSegments(profiles, [vip, active], { asOf, mode: "first-match" });
 * waterfall.memberships.map((membership) => membership.segment) //=> ["vip", "active", null]
 * @category Segments
 */
export function assignSegments<P>(profiles: Iterable<P>, segments: ReadonlyArray<Segment>, options: AssignSegmentsOptions<P>): AssignSegmentsResult {
  checkArguments("assignSegments", profiles, options, optionKeys, ["idOf", "eventsOf"]);
  const mode = options.mode;
  if (mode !== "all" && mode !== "first-match") throw new TypeError('assignSegments requires mode to be "all" or "first-match"');
  const plan = planSegments<P>("assignSegments", segments, options);
  const { sizes } = plan;
  const ids = plan.segments.map((segment) => segment.id);
  const memberships: SegmentMembership[] = Array.isArray(profiles) ? new Array<SegmentMembership>(profiles.length) : [];
  let unassigned = 0;
  let index = 0;
  for (const profile of profiles) {
    const id = profileIdOf(profile, index, options.idOf);
    if (id === undefined) throw new TypeError(`assignSegments requires a string id for every profile (profile ${index}); pass idOf`);
    const winner = plan.assign(profile, mode);
    if (winner === -1) unassigned++;
    memberships[index] = { id, index, segments: plan.list, segment: winner === -1 ? null : ids[winner]! };
    index++;
  }
  if (memberships.length !== index) memberships.length = index;
  const total = index;
  return {
    mode,
    asOf: new Date(instantOf(options.asOf)),
    total,
    memberships,
    sizes: plan.segments.map((segment, position) => ({
      id: segment.id,
      name: segment.name,
      size: sizes[position]!,
      share: total === 0 ? null : sizes[position]! / total,
    })),
    unassigned: { count: unassigned, share: total === 0 ? null : unassigned / total },
  };
}
