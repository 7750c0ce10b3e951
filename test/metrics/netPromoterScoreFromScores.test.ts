import { describe, expect, it } from "vitest";
import { netPromoterScore, netPromoterScoreFromScores } from "../../src/metrics/index.js";

describe("netPromoterScoreFromScores", () => {
  it("classifies 9-10 as promoters, 7-8 passives, 0-6 detractors", () => {
    const scores = [0, 6, 7, 8, 9, 10, 10, 3];
    expect(netPromoterScoreFromScores(scores)).toEqual(netPromoterScore({ promoters: 3, passives: 2, detractors: 3 }));
    expect(netPromoterScoreFromScores(scores).value).toBe(0);
  });
  it("an empty list is not defined", () => {
    expect(netPromoterScoreFromScores([]).defined).toBe(false);
  });
  it("rejects scores outside 0..10 or non-integers", () => {
    for (const bad of [11, -1, 7.5, Number.NaN]) {
      expect(() => netPromoterScoreFromScores([bad])).toThrow(new RangeError("netPromoterScoreFromScores requires integer scores from 0 to 10"));
    }
  });
});
