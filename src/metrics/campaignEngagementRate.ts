import { assertNonNegative, assertRecord } from "./_lib/assert.js";
import { makeRate } from "./_lib/rate.js";
import type { RateResult } from "./types.js";

/** Input of {@link campaignEngagementRate}. @category Metrics */
export interface CampaignEngagementInput {
  /** Likes, comments, shares, clicks, … */
  readonly interactions: number;
  /** Size of the named denominator. */
  readonly audience: number;
  /** Which audience: changes the value by an order of magnitude, so there is no default. */
  readonly denominator: "impressions" | "reach" | "followers";
}

/** Result of {@link campaignEngagementRate}. @category Metrics */
export interface CampaignEngagementResult extends RateResult {
  readonly per: CampaignEngagementInput["denominator"];
}

/**
 * Campaign or social engagement rate: interactions per impression, per reached person or per follower.
 *
 * @remarks `interactions / audience` with the denominator named explicitly (vendors differ). O(1).
 * @param input - `interactions`, `audience`, `denominator` (required).
 * @returns A rate value object with `per`; an audience of 0 gives `defined: false`. The value may exceed
 *   1 (several interactions per person).
 * @throws RangeError `campaignEngagementRate requires interactions to be a non-negative finite number` (likewise audience);
 *   TypeError `campaignEngagementRate requires denominator to be "impressions", "reach" or "followers"`.
 * @throws TypeError `campaignEngagementRate requires input to be an object`.
 * @example
 * campaignEngagementRate({ interactions: 420, audience: 12000, denominator: "impressions" }).value //=> 0.035
 * @category Metrics
 */
export function campaignEngagementRate(input: CampaignEngagementInput): CampaignEngagementResult {
  assertRecord("campaignEngagementRate", "input", input);
  const { interactions, audience, denominator } = input;
  if (denominator !== "impressions" && denominator !== "reach" && denominator !== "followers") {
    throw new TypeError('campaignEngagementRate requires denominator to be "impressions", "reach" or "followers"');
  }
  assertNonNegative("campaignEngagementRate", "interactions", interactions);
  assertNonNegative("campaignEngagementRate", "audience", audience);
  return { ...makeRate(interactions, audience, `no ${denominator}`), per: denominator };
}
