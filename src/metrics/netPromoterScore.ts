import { choice } from "../_lib/arguments.js";
import { assertNonNegative, assertOptions, assertProbability, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
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

/** Options of {@link netPromoterScore}. @category Metrics */
export interface NetPromoterScoreOptions {
  /** Confidence level of the interval. Default 0.95. */
  readonly confidence?: number;
  /**
   * `"wald"` (default): NPS ± z·SE from the trinomial variance. `"adjustedWald"`: the same on counts
   * with ¾ promoter and ¾ detractor added and n + 3 responses (Rocks 2016's best performer), which
   * stays informative when every response is in one category.
   */
  readonly method?: "wald" | "adjustedWald";
}

/** Result of {@link netPromoterScore}. @category Metrics */
export interface NetPromoterScoreResult {
  /** The interval's method, echoed. */
  readonly method: "wald" | "adjustedWald";
  /** 100 × (promoters − detractors)/responses, in [−100, 100]; NaN only without responses. */
  readonly value: number;
  /**
   * Confidence interval on the same −100..100 scale, clipped; NaN when not defined (no responses, or a
   * Wald variance of zero). The adjusted-Wald interval is centred on the adjusted score, so with few
   * responses it need not contain `value` (1 promoter: value 100, interval [−48.5, 98.5]).
   */
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
 * With every response in one category the Wald variance is 0 and a zero-width interval would claim
 * certainty from any number of answers, so the bounds are NaN and `defined` is false (the score itself
 * is kept), as for the other Wald intervals. `"adjustedWald"` adds ¾ promoter and ¾ detractor (n + 3
 * responses) to the counts of the interval only, centres it on the adjusted score, and is defined
 * for every n > 0; Rocks found it the best of the simple intervals in coverage.
 * NPS is conventionally a score on −100..100 (not a fraction), so it is returned on that scale.
 * Reference: Rocks (2016), "Interval estimation for the Net Promoter Score", https://doi.org/10.1080/00031305.2016.1158124.
 * O(1).
 *
 * @param counts - `promoters`, `passives`, `detractors`, non-negative.
 * @param options - `confidence` (default 0.95) and `method` (default `"wald"`).
 * @returns The score and interval; zero responses give `defined: false` and NaN, and so does a Wald
 *   variance of zero (bounds only, the score is kept).
 * @throws RangeError `netPromoterScore requires promoters to be a non-negative finite number` (likewise
 *   passives, detractors), `netPromoterScore requires confidence between zero and one`;
 *   TypeError `netPromoterScore requires method to be "wald" or "adjustedWald"`.
 * @throws TypeError `netPromoterScore requires counts to be an object`, `netPromoterScore requires options to be an object`.
 * @example
 * const nps = netPromoterScore({ promoters: 50, passives: 30, detractors: 20 });
 * nps.value //=> 30
 * nps.lower //=> 14.7
 * nps.upper //=> 45.3
 * const allPromoters = netPromoterScore({ promoters: 10, passives: 0, detractors: 0 }, { method: "adjustedWald" });
 * [allPromoters.value, allPromoters.lower, allPromoters.upper] //=> [100, 47.5, 100]
 * @category Metrics
 */
export function netPromoterScore(counts: NetPromoterCounts, options: NetPromoterScoreOptions = {}): NetPromoterScoreResult {
  assertRecord("netPromoterScore", "counts", counts);
  assertOptions("netPromoterScore", options, { confidence: true, method: true } satisfies OptionKeys<NetPromoterScoreOptions>);
  const { promoters, passives, detractors } = counts;
  assertNonNegative("netPromoterScore", "promoters", promoters);
  assertNonNegative("netPromoterScore", "passives", passives);
  assertNonNegative("netPromoterScore", "detractors", detractors);
  const confidence = options.confidence ?? 0.95;
  assertProbability("netPromoterScore", "confidence", confidence);
  const method = choice("netPromoterScore", "method", options.method, ["wald", "adjustedWald"], "wald");
  const responses = promoters + passives + detractors;
  const nan = Number.NaN;
  if (responses === 0) {
    return { method, value: nan, lower: nan, upper: nan, standardError: nan, responses, promoterShare: nan, detractorShare: nan, defined: false, reason: "no responses" };
  }
  const promoterShare = promoters / responses;
  const detractorShare = detractors / responses;
  const value = 100 * (promoterShare - detractorShare);
  // The interval's counts: as observed (Wald), or with ¾ promoter, ¾ detractor and 3 responses added.
  const added = method === "adjustedWald" ? 3 : 0;
  const intervalResponses = responses + added;
  const intervalPromoters = (promoters + added / 4) / intervalResponses;
  const intervalDetractors = (detractors + added / 4) / intervalResponses;
  const centre = intervalPromoters - intervalDetractors;
  const variance = Math.max(0, (intervalPromoters + intervalDetractors - centre * centre) / intervalResponses);
  const standardError = 100 * Math.sqrt(variance);
  const shares = { responses, promoterShare, detractorShare };
  if (!(variance > 0)) {
    return { method, value, lower: nan, upper: nan, standardError, ...shares, defined: false, reason: "zero variance: every response is in one category (use method \"adjustedWald\")" };
  }
  const halfWidth = normalUpperQuantile((1 - confidence) / 2) * standardError;
  return {
    method,
    value,
    lower: Math.max(-100, 100 * centre - halfWidth),
    upper: Math.min(100, 100 * centre + halfWidth),
    standardError,
    ...shares,
    defined: true,
  };
}
