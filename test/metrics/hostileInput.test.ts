import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as metrics from "../../src/metrics/index.js";
import {
  adjustPValues,
  clopperPearsonInterval,
  cohortPayback,
  cohortRetention,
  compareSegments,
  customerSatisfactionScore,
  disparateImpact,
  jeffreysInterval,
  probabilityToBeat,
  segmentAttractiveness,
  segmentTransitions,
} from "../../src/metrics/index.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hostile inputs bypass the types on purpose
type AnyFunction = (...args: any[]) => unknown;
const call = (name: string, ...args: unknown[]) => () => (metrics as unknown as Record<string, AnyFunction>)[name]?.(...args);

describe("probabilityToBeat bounds the posterior (defect: priorAlpha 1e308 never finished)", () => {
  const counts = { successesA: 90, trialsA: 1000, successesB: 120, trialsB: 1000 };
  const message = "probabilityToBeat requires priorAlpha + priorBeta + trials to be at most 1e9 in each arm";
  it("rejects huge priors and huge counts with a RangeError instead of running", () => {
    expect(() => probabilityToBeat(counts, { priorAlpha: 1e308 })).toThrow(new RangeError(message));
    expect(() => probabilityToBeat(counts, { priorAlpha: 1e16 })).toThrow(new RangeError(message));
    expect(() => probabilityToBeat(counts, { priorBeta: 1e20 })).toThrow(new RangeError(message));
    expect(() => probabilityToBeat({ successesA: 1, trialsA: 1e16, successesB: 2, trialsB: 10 })).toThrow(new RangeError(message));
  });
  it("still answers just below the bound", () => {
    const result = probabilityToBeat({ successesA: 90_000, trialsA: 999_999_000, successesB: 90_100, trialsB: 999_999_000 });
    expect(result.probability).toBeGreaterThan(0.5);
    expect(result.probability).toBeLessThan(0.7);
  });
  it("compareSegments leaves the Bayesian column NaN beyond the bound instead of running", () => {
    const [row] = compareSegments([{ segment: "all", control: { successes: 1e8, trials: 2e9 }, treatment: { successes: 1.01e8, trials: 2e9 } }]).rows;
    expect(row?.probabilityToBeat).toBeNaN();
    expect(row?.pValue).toBeLessThan(1e-6);
  });
});

/** The O(n²) definition that segmentAttractiveness used before: 1 + the number of scores above score + 1e-12. */
function pairwiseRanks(scores: ReadonlyArray<number>): number[] {
  return scores.map((score) => 1 + scores.filter((other) => other > score + 1e-12).length);
}

describe("segmentAttractiveness ranks in O(n log n) (defect: 1e5 segments took 22 s)", () => {
  const criteria = [
    { name: "size", weight: 0.5, direction: "higher-is-better" },
    { name: "cost", weight: 0.5, direction: "lower-is-better" },
  ] as const;
  it("gives the pairwise ranks, ties and near-ties included (property)", () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(0.1, 0.2, 0.3, 1e-13, 2e-13));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 2, maxLength: 30 }), (pairs) => {
        const segments = pairs.map(([size, cost], index) => ({ segment: `s${index}`, values: { size, cost } }));
        const result = segmentAttractiveness(segments, criteria);
        expect(result.rows.map((row) => row.rank)).toEqual(pairwiseRanks(result.rows.map((row) => row.score)));
      }),
      { numRuns: 300 },
    );
  });
  it("keeps the pairwise rank for NaN scores (a range that overflows)", () => {
    const result = segmentAttractiveness(
      [
        { segment: "a", values: { size: -1e308, cost: 0 } },
        { segment: "b", values: { size: 1e308, cost: 1 } },
        { segment: "c", values: { size: 0, cost: 2 } },
      ],
      criteria,
    );
    expect(result.rows.map((row) => row.rank)).toEqual(pairwiseRanks(result.rows.map((row) => row.score)));
  });
  // No timed assertion here (noisy machines): measured once, 100,000 segments take about 0.6 s, 22.6 s before.
});

describe("adjustPValues requires an array (defect: {} and NaN gave adjusted [NaN])", () => {
  it("rejects non-arrays", () => {
    expect(() => adjustPValues({} as unknown as number[], { method: "holm" })).toThrow(new TypeError("adjustPValues requires pValues to be an array"));
    expect(() => adjustPValues(Number.NaN as unknown as number[], { method: "holm" })).toThrow(new TypeError("adjustPValues requires pValues to be an array"));
  });
  it("still excludes NaN entries as documented", () => {
    const result = adjustPValues([0.01, Number.NaN, 0.04], { method: "bonferroni" });
    expect(result.familySize).toBe(2);
    expect(result.excluded).toEqual([1]);
    expect(result.adjusted[1]).toBeNaN();
  });
});

describe("cohortPayback validates monthlyMargins (defect: NaN or {} paid back never, undefined raw error)", () => {
  it("rejects a non-array and non-finite margins anywhere", () => {
    for (const monthlyMargins of [Number.NaN, {}, undefined, null, "x"]) {
      expect(() => cohortPayback({ acquisitionCost: 100, monthlyMargins } as never)).toThrow(new TypeError("cohortPayback requires monthlyMargins to be an array"));
    }
    expect(() => cohortPayback({ acquisitionCost: 0, monthlyMargins: {} } as never)).toThrow(TypeError);
    expect(() => cohortPayback({ acquisitionCost: 100, monthlyMargins: [200, Number.NaN] })).toThrow(new RangeError("cohortPayback requires monthlyMargins to be a finite number"));
  });
});

describe("counts (defect: disparateImpact accepted 1.5; Clopper-Pearson and Jeffreys gave NaN for 1e308 trials)", () => {
  it("disparateImpact requires integer counts, as its Fisher test does", () => {
    expect(() => disparateImpact([{ group: "a", included: 1.5, total: 10 }, { group: "b", included: 5, total: 10 }])).toThrow(new RangeError("disparateImpact requires integer counts"));
    expect(() => disparateImpact([{ group: "a", included: 1, total: 10.5 }])).toThrow(new RangeError("disparateImpact requires integer counts"));
    const result = disparateImpact([{ group: "a", included: 1, total: 10 }, { group: "b", included: 5, total: 10 }]);
    expect(result.groups.find((row) => row.group === "a")?.fisherPValue).toBeGreaterThan(0);
  });
  it("the interval functions keep accepting weighted (fractional) counts, as statsmodels does", () => {
    expect(clopperPearsonInterval({ successes: 2.5, trials: 10 }).defined).toBe(true);
    expect(jeffreysInterval({ successes: 2.5, trials: 10 }).defined).toBe(true);
  });
  it("rejects trials beyond Number.MAX_SAFE_INTEGER and stays finite below", () => {
    expect(() => clopperPearsonInterval({ successes: 1, trials: 1e308 })).toThrow(new RangeError("clopperPearsonInterval requires trials not to exceed Number.MAX_SAFE_INTEGER"));
    expect(() => jeffreysInterval({ successes: 1, trials: 1e200 })).toThrow(new RangeError("jeffreysInterval requires trials not to exceed Number.MAX_SAFE_INTEGER"));
    for (const interval of [clopperPearsonInterval({ successes: 1, trials: Number.MAX_SAFE_INTEGER }), jeffreysInterval({ successes: 1, trials: Number.MAX_SAFE_INTEGER })]) {
      expect(interval.lower).toBeGreaterThan(0);
      expect(interval.upper).toBeLessThan(1e-14);
    }
  });
});

describe("segmentTransitions validates assignments (defect: ['x'] gave a null label)", () => {
  it("rejects non-objects and non-string fields", () => {
    const valid = [{ customerId: "a", segment: "new" }];
    expect(() => segmentTransitions(["x"] as never, valid)).toThrow(new TypeError("segmentTransitions requires every assignment to be an object"));
    expect(() => segmentTransitions(valid, [null] as never)).toThrow(new TypeError("segmentTransitions requires every assignment to be an object"));
    expect(() => segmentTransitions([{ customerId: "a" }] as never, valid)).toThrow(new TypeError("segmentTransitions requires customerId and segment to be strings"));
    expect(() => segmentTransitions([{ customerId: 1, segment: "new" }] as never, valid)).toThrow(new TypeError("segmentTransitions requires customerId and segment to be strings"));
  });
});

describe("argument shapes (defect: raw JavaScript errors)", () => {
  const objectFirst = [
    "churnRate", "returnOnAdSpend", "returnOnInvestment", "segmentGrowth", "segmentShare", "segmentProfitability", "simpleLifetimeValue",
    "subscriptionLifetimeValue", "discountedLifetimeValue", "compoundAnnualGrowthRate", "customerAcquisitionCost", "customerAcquisitionCostPayback",
    "cohortPayback", "campaignEngagementRate", "conversionRate", "minimumDetectableEffect", "sampleSizeTwoProportions", "powerTwoProportions",
  ];
  const countsFirst = ["wilsonInterval", "agrestiCoullInterval", "clopperPearsonInterval", "jeffreysInterval", "differenceInterval", "relativeLift", "twoProportionZTest", "probabilityToBeat", "netPromoterScore"];
  const arrayFirst: Record<string, string> = {
    fisherExactTest: "table", chiSquareIndependence: "table", populationStabilityIndex: "expectedCounts", sampleRatioMismatch: "observed",
    adjustPValues: "pValues", historicalLifetimeValue: "valuesPerCustomer", engagementRate: "sessions", disparateImpact: "groups",
    segmentAttractiveness: "segments", segmentTransitions: "previous", netPromoterScoreFromScores: "scores", customerSatisfactionScore: "scores",
    compareSegments: "segments", revenueContribution: "segments", cohortRetention: "events",
  };
  it("an input that is not an object is a TypeError naming the function", () => {
    for (const name of objectFirst) {
      for (const value of [undefined, null, 3, "x", []]) expect(call(name, value, {}), name).toThrow(new TypeError(`${name} requires input to be an object`));
    }
    for (const name of countsFirst) {
      for (const value of [undefined, null, 3, "x", []]) expect(call(name, value, {}), name).toThrow(new TypeError(`${name} requires counts to be an object`));
    }
  });
  it("an array argument that is not an array is a TypeError naming the function", () => {
    for (const [name, argument] of Object.entries(arrayFirst)) {
      for (const value of [undefined, null, {}, Number.NaN, "x", 1e308]) expect(call(name, value, [1], {}), name).toThrow(new TypeError(`${name} requires ${argument} to be an array`));
    }
    expect(call("populationStabilityIndex", [1], null)).toThrow(new TypeError("populationStabilityIndex requires actualCounts to be an array"));
    expect(call("sampleRatioMismatch", [1, 2], {})).toThrow(new TypeError("sampleRatioMismatch requires expectedWeights to be an array"));
    expect(call("segmentAttractiveness", [], undefined)).toThrow(new TypeError("segmentAttractiveness requires criteria to be an array"));
    expect(call("segmentTransitions", [], "x")).toThrow(new TypeError("segmentTransitions requires current to be an array"));
  });
  it("options that are null (or missing when required) are a TypeError", () => {
    const counts = { successesA: 1, trialsA: 2, successesB: 1, trialsB: 2 };
    expect(call("twoProportionZTest", counts, null)).toThrow(new TypeError("twoProportionZTest requires options to be an object"));
    expect(call("differenceInterval", counts)).toThrow(new TypeError("differenceInterval requires options to be an object"));
    expect(call("wilsonInterval", { successes: 1, trials: 2 }, null)).toThrow(new TypeError("wilsonInterval requires options to be an object"));
    expect(call("customerAcquisitionCost", { mediaSpend: 1, newCustomers: 1 })).toThrow(new TypeError("customerAcquisitionCost requires options to be an object"));
    expect(call("historicalLifetimeValue", [1])).toThrow(new TypeError("historicalLifetimeValue requires options to be an object"));
    expect(call("powerTwoProportions", { baseline: 0.1, mde: 0.01, mdeType: "absolute" })).toThrow(new TypeError("powerTwoProportions requires options to be an object"));
    expect(call("adjustPValues", [0.1], null)).toThrow(new TypeError("adjustPValues requires options to be an object"));
    expect(call("cohortRetention", [])).toThrow(new TypeError("cohortRetention requires options to be an object"));
    expect(call("fisherExactTest", [[1, 2], [3, 4]], null)).toThrow(new TypeError("fisherExactTest requires options to be an object"));
    expect(call("chiSquareIndependence", [[1, 2], [3, 4]], null)).toThrow(new TypeError("chiSquareIndependence requires options to be an object"));
  });
  it("iterables: membershipChurn and segmentSize", () => {
    for (const value of [undefined, null, {}, 3, "abc"]) {
      expect(call("segmentSize", value)).toThrow(new TypeError("segmentSize requires memberIds to be iterable"));
      expect(call("membershipChurn", value, [])).toThrow(new TypeError("membershipChurn requires previous to be iterable"));
      expect(call("membershipChurn", new Set(), value)).toThrow(new TypeError("membershipChurn requires current to be iterable"));
    }
    expect(metrics.segmentSize(new Set(["a", "b"]))).toBe(2);
  });
  it("elements that are not objects (or rows that are not arrays)", () => {
    for (const element of [undefined, null, "x", 3]) {
      expect(call("engagementRate", [element])).toThrow(new TypeError("engagementRate requires every session to be an object"));
      expect(call("disparateImpact", [element])).toThrow(new TypeError("disparateImpact requires every group to be an object"));
      expect(call("revenueContribution", [element])).toThrow(new TypeError("revenueContribution requires every segment to be an object"));
      expect(call("compareSegments", [element])).toThrow(new TypeError("compareSegments requires every segment to be an object"));
      expect(call("cohortRetention", [element], { period: "day", asOf: new Date(0) })).toThrow(new TypeError("cohortRetention requires every event to be an object"));
      expect(call("chiSquareIndependence", [[1, 2], element])).toThrow(new TypeError("chiSquareIndependence requires every row to be an array"));
      expect(call("segmentAttractiveness", [element], [{ name: "a", weight: 1, direction: "higher-is-better" }])).toThrow(new TypeError("segmentAttractiveness requires every segment to be an object"));
      expect(call("segmentAttractiveness", [], [element])).toThrow(new TypeError("segmentAttractiveness requires every criterion to be an object"));
    }
    expect(call("compareSegments", [{}])).toThrow(new TypeError("compareSegments requires control to be an object"));
    expect(call("compareSegments", [{ segment: "a", control: { successes: 1, trials: 2 } }])).toThrow(new TypeError("compareSegments requires treatment to be an object"));
    expect(call("segmentAttractiveness", [{ segment: "a" }], [{ name: "a", weight: 1, direction: "higher-is-better" }])).toThrow(new TypeError("segmentAttractiveness requires values to be an object"));
    // eslint-disable-next-line no-sparse-arrays -- holes
    expect(call("compareSegments", [, { segment: "a", control: { successes: 1, trials: 2 }, treatment: { successes: 1, trials: 2 } }])).toThrow(TypeError);
  });
  it("customerSatisfactionScore validates scale", () => {
    for (const scale of [0, {}, "15"]) expect(() => customerSatisfactionScore([1], { scale } as never)).toThrow(new TypeError("customerSatisfactionScore requires scale to be an array"));
    for (const scale of [[1], [5, 1], [1, Number.NaN], [1, 5, 7]]) {
      expect(() => customerSatisfactionScore([1], { scale } as never)).toThrow(new RangeError("customerSatisfactionScore requires scale to be two finite numbers in ascending order"));
    }
  });
  it("cohortRetention bounds periods (defect: 1e308 gave 'Invalid typed array length')", () => {
    const events = [{ customerId: "a", timestamp: new Date(0) }];
    expect(() => cohortRetention(events, { period: "day", asOf: new Date(0), periods: 1e308 })).toThrow(new RangeError("cohortRetention requires periods to be at most 100000"));
    expect(cohortRetention(events, { period: "day", asOf: new Date(86_400_000), periods: 100_000 }).rows[0]?.retention.length).toBe(100_000);
  });
});

describe("'not defined' is NaN with defined: false, never 0 (mutation review: the tests checked only the flag)", () => {
  it("rates, costs and returns with an empty denominator", () => {
    const results: Array<[string, { value: number; defined: boolean }]> = [
      ["churnRate", metrics.churnRate({ customersAtStart: 0, customersLost: 0 })],
      ["segmentShare", metrics.segmentShare({ segmentSize: 0, populationSize: 0 })],
      ["returnOnAdSpend", metrics.returnOnAdSpend({ revenue: 10, adSpend: 0 })],
      ["campaignEngagementRate", metrics.campaignEngagementRate({ interactions: 0, audience: 0, denominator: "reach" })],
      ["customerAcquisitionCost paid", metrics.customerAcquisitionCost({ mediaSpend: 100, newCustomers: 0 }, { basis: "paid" })],
      ["customerAcquisitionCost blended", metrics.customerAcquisitionCost({ mediaSpend: 100, otherSalesAndMarketingSpend: 50, newCustomers: 0 }, { basis: "blended" })],
      ["conversionRate", metrics.conversionRate({ conversions: 0, units: 0, unit: "user" })],
      ["engagementRate", metrics.engagementRate([])],
      ["returnOnInvestment", metrics.returnOnInvestment({ returns: 200, cost: 0, basis: "revenue" })],
      ["segmentGrowth", metrics.segmentGrowth({ previousSize: 0, currentSize: 10 })],
    ];
    for (const [name, result] of results) {
      expect(result.defined, name).toBe(false);
      expect(result.value, name).toBeNaN();
    }
  });

  it("revenueContribution: no customers gives NaN shares and indexes, not 0 or Infinity", () => {
    const oneEmpty = metrics.revenueContribution([
      { segment: "a", revenue: 100, customers: 0 },
      { segment: "b", revenue: 100, customers: 10 },
    ]);
    expect(oneEmpty.rows[0]).toMatchObject({ customerShare: 0, revenueShare: 0.5 });
    expect(oneEmpty.rows[0]?.contributionIndex).toBeNaN();
    expect(oneEmpty.rows[0]?.revenuePerCustomer).toBeNaN();
    expect(oneEmpty.rows[1]?.contributionIndex).toBe(0.5);
    const allEmpty = metrics.revenueContribution([
      { segment: "a", revenue: 100, customers: 0 },
      { segment: "b", revenue: 50, customers: 0 },
    ]);
    for (const row of allEmpty.rows) {
      expect(row.customerShare).toBeNaN();
      expect(row.contributionIndex).toBeNaN();
    }
  });
});
