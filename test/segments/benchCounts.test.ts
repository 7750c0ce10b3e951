/**
 * The rule benchmark's correctness half (benchmarks.md §(a)), untimed: on the seed-42 data set the
 * compiled segmentkit rules select exactly the SQL-semantics audiences, and the coercing closures
 * do not (so this test can fail).
 */
import { describe, expect, it } from "vitest";
import { expectedNullCounts, generateBenchProfiles } from "../../bench/rules/data.js";
import { expectedCounts, naiveClosures, naiveCounts, ruleNames, segmentkitRules, sqlNullSafeClosures } from "../../bench/rules/rules.js";
import { compileRule, evaluate, parseRule } from "../../src/rules/index.js";
import { assignSegments, defineSegment } from "../../src/segments/index.js";

const profiles = generateBenchProfiles(100_000, 42);
const asOf = new Date("2026-01-01T00:00:00Z");

describe("rule benchmark data (seed 42, N = 100,000)", () => {
  it("reproduces the published null counts", () => {
    let income = 0;
    let lastPurchase = 0;
    let countryAbsent = 0;
    for (const profile of profiles) {
      if (profile.income === null) income++;
      if (profile.lastPurchaseDaysAgo === null) lastPurchase++;
      if (!Object.hasOwn(profile, "country")) countryAbsent++;
    }
    expect({ income, lastPurchaseDaysAgo: lastPurchase, countryAbsent }).toEqual(expectedNullCounts);
  });

  it("averageOrderValue is totalSpend / orderCount, null without orders", () => {
    for (const profile of profiles) {
      if (profile.orderCount === 0) expect(profile.averageOrderValue).toBeNull();
      else if (profile.averageOrderValue !== profile.totalSpend / profile.orderCount) throw new Error(`profile ${profile.id}`);
    }
  });
});

describe("the five rules give the SQL-semantics counts", () => {
  for (const name of ruleNames) {
    it(`${name}: compileRule selects ${expectedCounts[name]}`, () => {
      const rule = parseRule(segmentkitRules[name]);
      const predicate = compileRule(rule, { asOf });
      let matches = 0;
      for (const profile of profiles) if (predicate(profile)) matches++;
      expect(matches).toBe(expectedCounts[name]);
    });

    it(`${name}: the hand-written SQL-null-safe closure agrees`, () => {
      expect(profiles.filter(sqlNullSafeClosures[name]).length).toBe(expectedCounts[name]);
    });
  }

  it("the interpreter agrees with the compiled rules on every profile (first 20,000)", () => {
    for (const name of ruleNames) {
      const predicate = compileRule(segmentkitRules[name], { asOf });
      for (let index = 0; index < 20_000; index++) {
        const profile = profiles[index]!;
        if ((evaluate(segmentkitRules[name], profile, { asOf }) === true) !== predicate(profile)) {
          throw new Error(`${name} disagrees on ${profile.id}`);
        }
      }
    }
  });

  it("the naive closures show JavaScript's coercion (R3 3,012, R4 8,088)", () => {
    expect(profiles.filter(naiveClosures.R3!).length).toBe(naiveCounts.R3);
    expect(profiles.filter(naiveClosures.R4!).length).toBe(naiveCounts.R4);
  });

  it("assignSegments gives the same sizes for the five rules as segments", () => {
    const segments = ruleNames.map((name) => defineSegment({ id: name, name: `Benchmark rule ${name}`, rule: segmentkitRules[name] }));
    const result = assignSegments(profiles, segments, { asOf, mode: "all" });
    expect(result.sizes.map((size) => size.size)).toEqual(ruleNames.map((name) => expectedCounts[name]));
  });
});
