import { describe, expect, it } from "vitest";
import { campaignEngagementRate } from "../../src/metrics/index.js";

describe("campaignEngagementRate", () => {
  it("divides by the named denominator and echoes it", () => {
    expect(campaignEngagementRate({ interactions: 420, audience: 12000, denominator: "impressions" })).toMatchObject({ value: 0.035, per: "impressions", defined: true });
    expect(campaignEngagementRate({ interactions: 420, audience: 300, denominator: "followers" }).value).toBe(1.4);
  });
  it("an empty audience is undefined", () => {
    expect(campaignEngagementRate({ interactions: 0, audience: 0, denominator: "reach" })).toMatchObject({ defined: false, reason: "no reach" });
  });
  it("has no default denominator", () => {
    expect(() => campaignEngagementRate({ interactions: 1, audience: 2 } as never)).toThrow(new TypeError('campaignEngagementRate requires denominator to be "impressions", "reach" or "followers"'));
  });
});
