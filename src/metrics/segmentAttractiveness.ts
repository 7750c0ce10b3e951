import { assertArray, assertRecord } from "./_lib/assert.js";

/** One declared criterion of {@link segmentAttractiveness}. @category Metrics */
export interface AttractivenessCriterion {
  /** Key into each segment's `values`. */
  readonly name: string;
  /** Weight; weights sum to 1. */
  readonly weight: number;
  /** Whether larger raw values are more attractive (size, growth, margin) or less (competition, cost). */
  readonly direction: "higher-is-better" | "lower-is-better";
}

/** One segment of {@link segmentAttractiveness}. @category Metrics */
export interface AttractivenessSegment {
  readonly segment: string;
  /** Raw value per criterion name. */
  readonly values: Readonly<Record<string, number>>;
}

/** One scored segment. @category Metrics */
export interface AttractivenessRow {
  readonly segment: string;
  /** Weighted sum of normalised criteria, in [0, 1]. */
  readonly score: number;
  /** Normalised value per criterion, in [0, 1]. */
  readonly normalized: Record<string, number>;
  /** 1 = most attractive. Ties share the better rank. */
  readonly rank: number;
}

/** Result of {@link segmentAttractiveness}. @category Metrics */
export interface SegmentAttractivenessResult {
  /** Rows in input order. */
  readonly rows: AttractivenessRow[];
  /** false with fewer than two segments (min-max scaling needs a range). */
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Segment attractiveness score: a weighted sum of min-max-normalised criteria (GE/McKinsey-matrix style).
 *
 * @remarks
 * For each criterion, x' = (x − min)/(max − min) across segments (1 − x' for "lower-is-better"); a
 * criterion equal across all segments scores 0.5 for every segment (no 0/0). score = Σ w·x'. The
 * weights are a convention the caller declares, so they must sum to 1 (± 1e-9). Scores are relative to
 * the segments compared: adding a segment can change every score. O(segments × criteria + segments · log segments).
 * @param segments - segments with a finite value for every criterion.
 * @param criteria - declared criteria (unique names, non-negative weights summing to 1).
 * @returns `{ rows, defined }`; fewer than two segments give `defined: false` and no rows.
 * @throws RangeError `segmentAttractiveness requires weights that sum to one`,
 *   `segmentAttractiveness requires non-negative finite weights`, `segmentAttractiveness requires at least one criterion`,
 *   `segmentAttractiveness requires unique criterion names`, `segmentAttractiveness requires a finite value for every criterion`;
 *   TypeError `segmentAttractiveness requires direction to be "higher-is-better" or "lower-is-better"`.
 * @throws TypeError `segmentAttractiveness requires segments to be an array`, `segmentAttractiveness requires criteria to be an array`,
 *   `segmentAttractiveness requires every segment to be an object` (likewise every criterion and values).
 * @example
 * const result = segmentAttractiveness(
 *   [
 *     { segment: "students", values: { size: 5000, margin: 0.1 } },
 *     { segment: "families", values: { size: 3000, margin: 0.3 } },
 *     { segment: "retirees", values: { size: 1000, margin: 0.25 } },
 *   ],
 *   [
 *     { name: "size", weight: 0.4, direction: "higher-is-better" },
 *     { name: "margin", weight: 0.6, direction: "higher-is-better" },
 *   ],
 * );
 * result.rows.map((row) => row.score) //=> [0.4, 0.8, 0.45]
 * result.rows[1]?.rank //=> 1
 * @category Metrics
 */
export function segmentAttractiveness(segments: ReadonlyArray<AttractivenessSegment>, criteria: ReadonlyArray<AttractivenessCriterion>): SegmentAttractivenessResult {
  assertArray("segmentAttractiveness", "segments", segments);
  assertArray("segmentAttractiveness", "criteria", criteria);
  if (criteria.length === 0) throw new RangeError("segmentAttractiveness requires at least one criterion");
  let weightSum = 0;
  const names = new Set<string>();
  for (const criterion of criteria) {
    assertRecord("segmentAttractiveness", "every criterion", criterion);
    if (names.has(criterion.name)) throw new RangeError("segmentAttractiveness requires unique criterion names");
    names.add(criterion.name);
    if (typeof criterion.weight !== "number" || !Number.isFinite(criterion.weight) || criterion.weight < 0) throw new RangeError("segmentAttractiveness requires non-negative finite weights");
    if (criterion.direction !== "higher-is-better" && criterion.direction !== "lower-is-better") {
      throw new TypeError('segmentAttractiveness requires direction to be "higher-is-better" or "lower-is-better"');
    }
    weightSum += criterion.weight;
  }
  if (Math.abs(weightSum - 1) > 1e-9) throw new RangeError("segmentAttractiveness requires weights that sum to one");
  for (const segment of segments) {
    assertRecord("segmentAttractiveness", "every segment", segment);
    assertRecord("segmentAttractiveness", "values", segment.values);
    for (const criterion of criteria) {
      const value = Object.hasOwn(segment.values, criterion.name) ? segment.values[criterion.name] : undefined;
      if (typeof value !== "number" || !Number.isFinite(value)) throw new RangeError("segmentAttractiveness requires a finite value for every criterion");
    }
  }
  if (segments.length < 2) return { rows: [], defined: false, reason: "fewer than two segments" };
  const scores = new Float64Array(segments.length);
  const normalized: Record<string, number>[] = segments.map(() => ({}));
  for (const criterion of criteria) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const segment of segments) {
      const value = segment.values[criterion.name] as number;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    for (let index = 0; index < segments.length; index++) {
      const value = (segments[index] as AttractivenessSegment).values[criterion.name] as number;
      let scaled = max === min ? 0.5 : (value - min) / (max - min);
      // Values a full double range apart (±1e308): max − min overflows, so scale their halves instead.
      if (!Number.isFinite(max - min)) scaled = (value / 2 - min / 2) / (max / 2 - min / 2);
      if (criterion.direction === "lower-is-better" && max !== min) scaled = 1 - scaled;
      // An own property whatever the name: assigning "__proto__" would set the prototype instead.
      Object.defineProperty(normalized[index] as Record<string, number>, criterion.name, { value: scaled, enumerable: true, writable: true, configurable: true });
      scores[index] = (scores[index] as number) + criterion.weight * scaled;
    }
  }
  const ranks = competitionRanks(scores);
  const rows = segments.map((segment, index): AttractivenessRow => ({
    segment: segment.segment,
    score: scores[index] as number,
    normalized: normalized[index] as Record<string, number>,
    rank: ranks[index] as number,
  }));
  return { rows, defined: true };
}

/**
 * rank_i = 1 + #{ j : scores_j > scores_i + 1e-12 } (ties within 1e-12 share the better rank), in
 * O(n log n): binary search of scores_i + 1e-12 in the sorted scores. NaN scores, which finite
 * values cannot give, would never be greater than anything and rank 1, as the pairwise definition gives.
 */
function competitionRanks(scores: Float64Array): Uint32Array {
  const sorted = scores.filter((score) => !Number.isNaN(score)).sort();
  const ranks = new Uint32Array(scores.length);
  for (let index = 0; index < scores.length; index++) {
    const bar = (scores[index] as number) + 1e-12;
    // first position whose score exceeds bar (NaN bar: none does, so the rank is 1)
    let low = 0;
    let high = sorted.length;
    if (Number.isNaN(bar)) low = high;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sorted[middle] as number) > bar) high = middle;
      else low = middle + 1;
    }
    ranks[index] = 1 + sorted.length - low;
  }
  return ranks;
}
