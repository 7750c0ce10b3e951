import { describe, expect, it } from "vitest";
import { netPromoterScore } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("netPromoterScore", () => {
  it("matches the trinomial-variance reference", () => {
    for (const c of fixtures.netPromoterScore) {
      const result = netPromoterScore({ promoters: c.promoters, passives: c.passives, detractors: c.detractors }, { confidence: c.confidence });
      expectClose(result.value, c.value, "value");
      expectClose(result.standardError, c.standardError, "se");
      expectClose(result.lower, c.lower, "lower");
      expectClose(result.upper, c.upper, "upper");
    }
  });
  it("passives count in the denominator; the range is -100..100", () => {
    expect(netPromoterScore({ promoters: 10, passives: 10, detractors: 0 }).value).toBe(50);
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 4 }).value).toBe(-100);
    const all = netPromoterScore({ promoters: 10, passives: 0, detractors: 0 });
    expect(all.upper).toBe(100);
    expect(all.standardError).toBe(0);
  });
  it("zero responses are not defined", () => {
    const result = netPromoterScore({ promoters: 0, passives: 0, detractors: 0 });
    expect(result.defined).toBe(false);
    expect(result.value).toBeNaN();
  });
  it("rejects negative counts", () => {
    expect(() => netPromoterScore({ promoters: -1, passives: 0, detractors: 0 })).toThrow(new RangeError("netPromoterScore requires promoters to be a non-negative finite number"));
  });
});
