import { assertNonNegative, assertProbability, assertRecord } from "./_lib/assert.js";
import { normalUpperQuantile } from "./_lib/normal.js";

/** Counts of {@link netPromoterScore}. @category Metrics */
export interface NetPromoterCounts {
  /** Scores 9–10. */
  readonly promoters: number;
  /** Scores 7–8 (they count in the denominator). */
  readonly passives: number;
  /** Scores 0–6. */
  readonly detractors: number;
}

/** Result of {@link netPromoterScore}. @category Metrics */
export interface NetPromoterScoreResult {
  /** 100 × (promoters − detractors)/responses, in [−100, 100]; NaN when not defined. */
  readonly value: number;
  /** Confidence interval on the same −100..100 scale, clipped. */
  readonly lower: number;
  readonly upper: number;
  readonly standardError: number;
  readonly responses: number;
  readonly promoterShare: number;
  readonly detractorShare: number;
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Net Promoter Score with a normal-approximation confidence interval from the trinomial variance.
 *
 * @remarks
 * NPS = 100·(p_P − p_D) with p_P = promoters/n, p_D = detractors/n and n including passives.
 * Var(p_P − p_D) = (p_P + p_D − (p_P − p_D)²)/n; interval NPS ± z·100·√Var, clipped to [−100, 100].
 * NPS is conventionally a score on −100..100 (not a fraction), so it is returned on that scale.
 * Reference: Rocks (2016), "Interval estimation for the Net Promoter Score", https://doi.org/10.1080/00031305.2016.1158124.
 * O(1).
 *
 * @param counts - `promoters`, `passives`, `detractors`, non-negative.
 * @param options - `confidence` (default 0.95).
 * @returns The score and interval; zero responses give `defined: false` and NaN.
 * @throws RangeError `netPromoterScore requires promoters to be a non-negative finite number` (likewise
 *   passives, detractors), `netPromoterScore requires confidence between zero and one`.
 * @throws TypeError `netPromoterScore requires counts to be an object`, `netPromoterScore requires options to be an object`.
 * @example
 * const nps = netPromoterScore({ promoters: 50, passives: 30, detractors: 20 });
 * nps.value //=> 30
 * nps.lower //=> 14.7
 * nps.upper //=> 45.3
 * @category Metrics
 */
export function netPromoterScore(counts: NetPromoterCounts, options: { readonly confidence?: number } = {}): NetPromoterScoreResult {
  assertRecord("netPromoterScore", "counts", counts);
  assertRecord("netPromoterScore", "options", options);
  const { promoters, passives, detractors } = counts;
  assertNonNegative("netPromoterScore", "promoters", promoters);
  assertNonNegative("netPromoterScore", "passives", passives);
  assertNonNegative("netPromoterScore", "detractors", detractors);
  const confidence = options.confidence ?? 0.95;
  assertProbability("netPromoterScore", "confidence", confidence);
  const responses = promoters + passives + detractors;
  if (responses === 0) {
    const nan = Number.NaN;
    return { value: nan, lower: nan, upper: nan, standardError: nan, responses, promoterShare: nan, detractorShare: nan, defined: false, reason: "no responses" };
  }
  const promoterShare = promoters / responses;
  const detractorShare = detractors / responses;
  const difference = promoterShare - detractorShare;
  const variance = Math.max(0, (promoterShare + detractorShare - difference * difference) / responses);
  const standardError = 100 * Math.sqrt(variance);
  const halfWidth = normalUpperQuantile((1 - confidence) / 2) * standardError;
  const value = 100 * difference;
  return {
    value,
    lower: Math.max(-100, value - halfWidth),
    upper: Math.min(100, value + halfWidth),
    standardError,
    responses,
    promoterShare,
    detractorShare,
    defined: true,
  };
}
