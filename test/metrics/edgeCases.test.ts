import { describe, expect, it } from "vitest";
import {
  chiSquareIndependence,
  disparateImpact,
  netPromoterScore,
  populationStabilityIndex,
  sampleRatioMismatch,
  segmentTransitions,
  wilsonInterval,
} from "../../src/metrics/index.js";

// Behaviours a mutation review found unpinned (each mutant passed every other test).

describe("chiSquareIndependence", () => {
  it("caps the Yates shift at |observed - expected|, as scipy does", () => {
    // scipy.stats.chi2_contingency([[10, 10], [10, 11]], correction=True) -> statistic 0.0, p 1.0
    expect(chiSquareIndependence([[10, 10], [10, 11]], { yates: true })).toMatchObject({ statistic: 0, pValue: 1 });
  });
});

describe("sampleRatioMismatch", () => {
  it("flags below the default threshold 0.001 only, and not at a p-value equal to the threshold", () => {
    // scipy.stats.chisquare([5300, 5000]) -> p 0.003116693839866867
    const between = sampleRatioMismatch([5300, 5000], [1, 1]);
    expect(between.threshold).toBe(0.001);
    expect(between.pValue).toBeCloseTo(0.003116693839866867, 15);
    expect(between.mismatch).toBe(false);
    const p = sampleRatioMismatch([5100, 4900], [1, 1]).pValue;
    expect(sampleRatioMismatch([5100, 4900], [1, 1], { threshold: p }).mismatch).toBe(false);
  });
});

describe("populationStabilityIndex", () => {
  it("lists no smoothed bins when smoothing is off", () => {
    expect(populationStabilityIndex([1, 0], [1, 1], { zeroReplacement: 0 }).smoothedBins).toEqual([]);
  });
});

describe("netPromoterScore", () => {
  it("clamps the interval to [-100, 100]", () => {
    expect(netPromoterScore({ promoters: 0, passives: 1, detractors: 9 }).lower).toBe(-100);
    expect(netPromoterScore({ promoters: 9, passives: 1, detractors: 0 }).upper).toBe(100);
  });
});

describe("disparateImpact", () => {
  it("marks small samples by the excluded counts too, and is significant only when flagged", () => {
    // The reference group A excludes only 2 people: fewer than 5.
    expect(disparateImpact([{ group: "A", included: 98, total: 100 }, { group: "B", included: 60, total: 100 }]).groups[1]).toMatchObject({ smallSample: true, flagged: true });
    // B's ratio 0.889 passes the four-fifths rule, so it is not significant however small its p-value.
    const passing = disparateImpact([{ group: "A", included: 900, total: 1000 }, { group: "B", included: 800, total: 1000 }]).groups[1];
    expect(passing).toMatchObject({ flagged: false, significant: false, smallSample: false });
    expect(passing?.pValue).toBeLessThan(1e-9);
  });
  it("takes the first of tied highest-rate groups as the reference", () => {
    expect(disparateImpact([{ group: "A", included: 5, total: 10 }, { group: "B", included: 5, total: 10 }]).referenceGroup).toBe("A");
  });
});

describe("segmentTransitions", () => {
  it("accepts an exact duplicate assignment (the same customer in the same segment twice)", () => {
    const result = segmentTransitions([{ customerId: "c1", segment: "a" }, { customerId: "c1", segment: "a" }], [{ customerId: "c1", segment: "a" }]);
    expect(result.labels).toEqual(["a", "(none)"]);
    expect(result.counts).toEqual([[1, 0], [0, 0]]);
  });
});

describe("wilsonInterval", () => {
  it("gives exactly 1 and 0 at the ends, as statsmodels' proportion_confint(method='wilson') does", () => {
    // proportion_confint(1, 1, alpha=0.1, method="wilson") -> (0.269865948784054, 1.0); (0, 3) -> (0.0, 0.5614970317550455)
    expect(wilsonInterval({ successes: 1, trials: 1 }, { confidence: 0.9 }).upper).toBe(1);
    expect(wilsonInterval({ successes: 0, trials: 3 }).lower).toBe(0);
    // Without the exact ends these round to 0.9999999999999999 and 2.8e-17.
    expect(wilsonInterval({ successes: 12, trials: 12 }, { confidence: 0.8 }).upper).toBe(1);
    expect(wilsonInterval({ successes: 0, trials: 5 }, { confidence: 0.8 }).lower).toBe(0);
  });
});
