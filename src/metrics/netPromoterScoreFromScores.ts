import { assertArray, assertOptions } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { netPromoterScore } from "./netPromoterScore.js";
import type { NetPromoterScoreOptions, NetPromoterScoreResult } from "./netPromoterScore.js";

/**
 * Net Promoter Score from raw 0–10 survey answers: 9–10 promoters, 7–8 passives, 0–6 detractors.
 *
 * @remarks Counts the answers, then {@link netPromoterScore}. O(n).
 * @param scores - integer answers 0..10.
 * @param options - `confidence` (default 0.95) and `method` (default `"wald"`), as {@link netPromoterScore}.
 * @returns As {@link netPromoterScore}; an empty list gives `defined: false`.
 * @throws RangeError `netPromoterScoreFromScores requires integer scores from 0 to 10`.
 * @throws TypeError `netPromoterScoreFromScores requires scores to be an array`, `netPromoterScoreFromScores requires options to be an object`.
 * @example
 * netPromoterScoreFromScores([10, 9, 8, 6, 10]).value //=> 40
 * @category Metrics
 */
export function netPromoterScoreFromScores(scores: ReadonlyArray<number>, options: NetPromoterScoreOptions = {}): NetPromoterScoreResult {
  assertArray("netPromoterScoreFromScores", "scores", scores);
  assertOptions("netPromoterScoreFromScores", options, { confidence: true, method: true } satisfies OptionKeys<NetPromoterScoreOptions>);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const score of scores) {
    if (typeof score !== "number" || !Number.isInteger(score) || score < 0 || score > 10) {
      throw new RangeError("netPromoterScoreFromScores requires integer scores from 0 to 10");
    }
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  }
  return netPromoterScore({ promoters, passives, detractors }, options);
}
