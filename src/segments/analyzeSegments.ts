import type { Segment } from "./_lib/definition.js";
import type { EventsOf } from "./_lib/compile.js";
import { checkArguments, planSegments } from "./_lib/plan.js";
import type { OptionKeys } from "../_lib/arguments.js";

/** Options of {@link analyzeSegments}. */
export interface AnalyzeSegmentsOptions<P> {
  /** The clock of every time condition. */
  readonly asOf: Date;
  /** The profile's events, for `event` conditions. */
  readonly eventsOf?: EventsOf<P>;
  /** A segment with fewer members (under `"all"`) is too small. Default 0 (off). */
  readonly minSize?: number;
  /** A segment whose share of the profiles is below this is too small. Default 0 (off). */
  readonly minShare?: number;
}

const optionKeys = { asOf: true, eventsOf: true, minSize: true, minShare: true } as const satisfies OptionKeys<AnalyzeSegmentsOptions<unknown>>;

/** Overlap of two segments under multi-membership. */
export interface SegmentOverlap {
  readonly a: string;
  readonly b: string;
  /** Profiles in both. */
  readonly intersection: number;
  /** Profiles in either. */
  readonly union: number;
  /** `intersection / union`; `null` when both are empty (not defined). */
  readonly jaccard: number | null;
}

/** One segment's diagnosis. */
export interface SegmentDiagnosis {
  readonly id: string;
  readonly name: string;
  readonly priority: number;
  /** Profiles whose rule is TRUE (multi-membership). */
  readonly size: number;
  /** `size / total`, `null` for an empty population. */
  readonly share: number | null;
  /** Profiles the segment wins under first-match. */
  readonly wins: number;
  /** Members won by another segment under first-match (`size - wins`): a higher priority, or the same priority declared earlier. */
  readonly lost: number;
  /** Who took the lost members, largest first. */
  readonly lostTo: ReadonlyArray<{ readonly segment: string; readonly count: number }>;
  /** No profile matches the rule. */
  readonly empty: boolean;
  /** Matches profiles but never wins under first-match: unreachable in a waterfall. */
  readonly shadowed: boolean;
  /** Below `minSize` or `minShare` (empty segments included). */
  readonly tooSmall: boolean;
}

/** The result of {@link analyzeSegments}. */
export interface AnalyzeSegmentsResult {
  /** Number of profiles. */
  readonly total: number;
  /** One entry per segment, in declaration order. */
  readonly segments: ReadonlyArray<SegmentDiagnosis>;
  /** Every pair of segments (declaration order, `a` before `b`). */
  readonly overlaps: ReadonlyArray<SegmentOverlap>;
  /** Ids of empty segments, shadowed segments, and too-small segments. */
  readonly empty: ReadonlyArray<string>;
  readonly shadowed: ReadonlyArray<string>;
  readonly tooSmall: ReadonlyArray<string>;
  /** Under-segmentation: profiles in no segment, and their share (`null` for an empty population). */
  readonly unassigned: { readonly count: number; readonly share: number | null };
  /** Profiles in two or more segments, and their share (`null` for an empty population). */
  readonly multiMember: { readonly count: number; readonly share: number | null };
}

function popcount(word: number): number {
  let value = word - ((word >>> 1) & 0x55555555);
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (((value + (value >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Diagnoses a set of segments on a population: overlap between segments (counts and Jaccard),
 * segments shadowed under first-match, empty or too-small segments (over-segmentation) and the
 * share of profiles in no segment (under-segmentation).
 *
 * @remarks Every rule is evaluated once per profile (multi-membership) into one bit set per
 * segment; first-match winners follow from the memberships and the priorities (larger first,
 * ties by declaration order), exactly as `assignSegments` picks them. Jaccard is
 * `|A ∩ B| / |A ∪ B|` (https://en.wikipedia.org/wiki/Jaccard_index). Profiles need no id. O(n · s)
 * rule evaluations plus O(s² · n / 32) for the overlaps; memory O(s · n / 32 + s²).
 * @param segments - segments from `defineSegment`, ids unique.
 * @param profiles - any profiles (for example one synthetic profile per RFM score cell).
 * @param options - `asOf`, optionally `eventsOf`, `minSize`, `minShare`.
 * @returns The diagnosis; shares and Jaccard indexes are `null` where not defined (empty population, two empty segments).
 * @throws `SegmentError` for duplicate ids, unknown references, a reference cycle or references that expand a rule too far (as `assignSegments`).
 * @throws `TypeError` `"analyzeSegments requires asOf to be a valid Date"`, `"analyzeSegments requires profiles to be iterable"`, `"analyzeSegments requires eventsOf to be a function"`.
 * @throws `RangeError` `"analyzeSegments requires minSize to be a non-negative number"`, `"analyzeSegments requires minShare to be between zero and one"`.
 * @throws `TypeError` `"analyzeSegments requires an array of segments"`, `"analyzeSegments requires options.eventsOf to evaluate event rules"` (a segment has an `event` node and no `eventsOf` is given).
 * @example
 * const big = defineSegment({ id: "big", name: "Big spenders", rule: { op: "gte", field: "spend", value: 100 }, priority: 2 });
 * const huge = defineSegment({ id: "huge", name: "Huge spenders", rule: { op: "gte", field: "spend", value: 1000 }, priority: 1 });
 * const profiles = [{ spend: 50 }, { spend: 150 }, { spend: 2000 }, { spend: 5000 }];
 * const report = analyzeSegments([big, huge], profiles, { asOf: new Date("2024-01-01T00:00:00Z"), minSize: 1 });
 * report.overlaps[0]?.jaccard //=> 0.6667
 * report.shadowed //=> ["huge"]
 * report.unassigned //=> { count: 1, share: 0.25 }
 * @category Segments
 */
export function analyzeSegments<P>(segments: ReadonlyArray<Segment>, profiles: Iterable<P>, options: AnalyzeSegmentsOptions<P>): AnalyzeSegmentsResult {
  checkArguments("analyzeSegments", profiles, options, optionKeys, ["eventsOf"]);
  const minSize = options.minSize ?? 0;
  const minShare = options.minShare ?? 0;
  if (typeof minSize !== "number" || !(minSize >= 0)) throw new RangeError("analyzeSegments requires minSize to be a non-negative number");
  if (typeof minShare !== "number" || !(minShare >= 0 && minShare <= 1)) {
    throw new RangeError("analyzeSegments requires minShare to be between zero and one");
  }
  const plan = planSegments<P>("analyzeSegments", segments, options);
  const { count, member, priorityOrder } = plan;
  const bitsets: Uint32Array[] = [];
  for (let segment = 0; segment < count; segment++) bitsets.push(new Uint32Array(64));
  const sizes = new Float64Array(count);
  const wins = new Float64Array(count);
  const lostTo = new Float64Array(count * count); // lostTo[loser * count + winner]
  let unassigned = 0;
  let multiMember = 0;
  let total = 0;
  for (const profile of profiles) {
    const word = total >>> 5;
    if (count > 0 && word >= bitsets[0]!.length) {
      for (let segment = 0; segment < count; segment++) {
        const grown = new Uint32Array(bitsets[segment]!.length * 2);
        grown.set(bitsets[segment]!);
        bitsets[segment] = grown;
      }
    }
    plan.evaluateAll(profile);
    const bit = 1 << (total & 31);
    let memberships = 0;
    for (let segment = 0; segment < count; segment++) {
      if (member[segment] === 1) {
        bitsets[segment]![word]! |= bit;
        sizes[segment]!++;
        memberships++;
      }
    }
    if (memberships === 0) {
      unassigned++;
    } else {
      if (memberships > 1) multiMember++;
      let winner = -1;
      for (let step = 0; step < count; step++) {
        const candidate = priorityOrder[step]!;
        if (member[candidate] === 1) {
          winner = candidate;
          break;
        }
      }
      wins[winner]!++;
      for (let segment = 0; segment < count; segment++) {
        if (segment !== winner && member[segment] === 1) lostTo[segment * count + winner]!++;
      }
    }
    total++;
  }
  const words = (total + 31) >>> 5;
  const share = (value: number): number | null => (total === 0 ? null : value / total);
  const overlaps: SegmentOverlap[] = [];
  for (let a = 0; a < count; a++) {
    const left = bitsets[a]!;
    for (let b = a + 1; b < count; b++) {
      const right = bitsets[b]!;
      let intersection = 0;
      for (let word = 0; word < words; word++) intersection += popcount((left[word]! & right[word]!) >>> 0);
      const union = sizes[a]! + sizes[b]! - intersection;
      overlaps.push({
        a: plan.segments[a]!.id,
        b: plan.segments[b]!.id,
        intersection,
        union,
        jaccard: union === 0 ? null : intersection / union,
      });
    }
  }
  const diagnoses: SegmentDiagnosis[] = plan.segments.map((segment, index) => {
    const size = sizes[index]!;
    const losses: Array<{ segment: string; count: number }> = [];
    for (let winner = 0; winner < count; winner++) {
      const lost = lostTo[index * count + winner]!;
      if (lost > 0) losses.push({ segment: plan.segments[winner]!.id, count: lost });
    }
    losses.sort((x, y) => y.count - x.count);
    const segmentShare = share(size);
    return {
      id: segment.id,
      name: segment.name,
      priority: segment.priority,
      size,
      share: segmentShare,
      wins: wins[index]!,
      lost: size - wins[index]!,
      lostTo: losses,
      empty: size === 0,
      shadowed: size > 0 && wins[index] === 0,
      tooSmall: size === 0 || size < minSize || (segmentShare !== null && segmentShare < minShare),
    };
  });
  return {
    total,
    segments: diagnoses,
    overlaps,
    empty: diagnoses.filter((diagnosis) => diagnosis.empty).map((diagnosis) => diagnosis.id),
    shadowed: diagnoses.filter((diagnosis) => diagnosis.shadowed).map((diagnosis) => diagnosis.id),
    tooSmall: diagnoses.filter((diagnosis) => diagnosis.tooSmall).map((diagnosis) => diagnosis.id),
    unassigned: { count: unassigned, share: share(unassigned) },
    multiMember: { count: multiMember, share: share(multiMember) },
  };
}
