import { describe, expect, it } from "vitest";
import { disparateImpact } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("disparateImpact", () => {
  it("pairs each group with statsmodels proportions_ztest against the reference group", () => {
    for (const c of fixtures.disparateImpact) {
      const result = disparateImpact(c.groups);
      c.rows.forEach((expected: { group: string; z: unknown; pValue: unknown }) => {
        const row = result.groups.find((candidate) => candidate.group === expected.group);
        expect(row).toBeDefined();
        expectClose(row?.z ?? Number.NaN, expected.z, `${expected.group} z`);
        expectClose(row?.pValue ?? Number.NaN, expected.pValue, `${expected.group} p`, { absolute: 0 });
      });
    }
  });
  it("applies the four-fifths rule against the highest rate", () => {
    const result = disparateImpact([
      { group: "a", included: 45, total: 100 },
      { group: "b", included: 50, total: 100 },
      { group: "c", included: 30, total: 90 },
    ]);
    expect(result.referenceGroup).toBe("b");
    expect(result.groups.map((row) => row.impactRatio)).toEqual([0.9, 1, (30 / 90) / 0.5]);
    expect(result.groups.map((row) => row.flagged)).toEqual([false, false, true]);
    expect(result.adverseImpact).toBe(true);
  });
  it("excludes and reports empty groups; all-zero rates are undefined", () => {
    const result = disparateImpact([
      { group: "a", included: 5, total: 10 },
      { group: "empty", included: 0, total: 0 },
    ]);
    expect(result.excludedGroups).toEqual(["empty"]);
    expect(result.groups).toHaveLength(1);
    const nobody = disparateImpact([{ group: "a", included: 0, total: 10 }, { group: "b", included: 0, total: 5 }, { group: "c", included: 0, total: 0 }]);
    expect(nobody).toMatchObject({ defined: false, referenceGroup: null, adverseImpact: false, excludedGroups: ["c"], reason: "no group has anyone included" });
    // Every group with members is still listed (it returned groups: [] and lost "a" and "b").
    expect(nobody.groups.map((row) => [row.group, row.included, row.total, row.rate, row.flagged, row.significant])).toEqual([["a", 0, 10, 0, false, false], ["b", 0, 5, 0, false, false]]);
    expect(nobody.groups.every((row) => Number.isNaN(row.impactRatio) && Number.isNaN(row.pValue))).toBe(true);
  });
  it("marks small samples, where an exact test is preferable", () => {
    const result = disparateImpact([
      { group: "a", included: 2, total: 10 },
      { group: "b", included: 40, total: 60 },
    ]);
    expect(result.groups[0]?.smallSample).toBe(true);
    expect(result.groups[1]?.smallSample).toBe(false);
  });
  it("rejects invalid input", () => {
    expect(() => disparateImpact([{ group: "a", included: 3, total: 2 }])).toThrow(new RangeError("disparateImpact requires included not to exceed total"));
    expect(() => disparateImpact([{ group: "a", included: 1, total: 2 }, { group: "a", included: 1, total: 2 }])).toThrow(new RangeError("disparateImpact requires unique group names"));
    expect(() => disparateImpact([], { threshold: 1.2 })).toThrow(new RangeError("disparateImpact requires threshold between zero and one"));
  });
});

describe("disparateImpact small samples", () => {
  it("lets Fisher's exact test decide significance for small groups", () => {
    const result = disparateImpact([
      { group: "small", included: 1, total: 12 },
      { group: "reference", included: 30, total: 60 },
    ]);
    const row = result.groups[0];
    expect(row?.smallSample).toBe(true);
    expect(row?.flagged).toBe(true);
    expect(row?.fisherPValue).toBeGreaterThan(row?.pValue as number);
    expect(row?.significant).toBe((row?.fisherPValue as number) < 0.05);
    expect(result.groups[1]?.fisherPValue).toBeNaN();
  });
});

describe("disparateImpact at the four-fifths line and above Fisher's limit (review)", () => {
  it("does not flag a ratio of exactly four-fifths (29 CFR 1607.4(D) counts less than four-fifths)", () => {
    const result = disparateImpact([{ group: "women", included: 12, total: 20 }, { group: "men", included: 15, total: 20 }]);
    const women = result.groups.find((row) => row.group === "women")!;
    expect([women.impactRatio, women.flagged, result.adverseImpact]).toEqual([0.8, false, false]);
    // Every integer case with an exact ratio of 4/5 up to 40 members per group (7,611 of 24,785 were flagged before).
    let exact = 0;
    for (let referenceTotal = 1; referenceTotal <= 40; referenceTotal++) {
      for (let referenceIncluded = 1; referenceIncluded <= referenceTotal; referenceIncluded++) {
        for (let total = 1; total <= 40; total++) {
          // included / total = 4/5 · referenceIncluded / referenceTotal, in integers.
          const numerator = 4 * referenceIncluded * total;
          if (numerator % (5 * referenceTotal) !== 0) continue;
          const included = numerator / (5 * referenceTotal);
          if (included > total) continue;
          const rows = disparateImpact([{ group: "g", included, total }, { group: "r", included: referenceIncluded, total: referenceTotal }]).groups;
          expect(rows.find((row) => row.group === "g")!.flagged, `${included}/${total} against ${referenceIncluded}/${referenceTotal}`).toBe(false);
          exact++;
        }
      }
    }
    expect(exact).toBeGreaterThan(500);
    const below = disparateImpact([{ group: "g", included: 11, total: 20 }, { group: "r", included: 15, total: 20 }]).groups.find((row) => row.group === "g")!;
    expect(below.flagged).toBe(true);
  });

  it("lets the z test decide a small-count group in pools above Fisher's 1e11 members", () => {
    const row = disparateImpact([{ group: "a", included: 3, total: 1e12 }, { group: "b", included: 5e11, total: 1e12 }]).groups.find((entry) => entry.group === "a")!;
    expect(row.smallSample).toBe(true);
    expect(row.fisherPValue).toBeNaN();
    expect(row.pValue).toBe(0);
    expect(row.significant).toBe(true);
  });
});
