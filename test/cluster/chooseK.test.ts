import { describe, expect, it } from "vitest";
import { adjustedRandIndex, chooseK, silhouetteScore } from "../../src/cluster/index.js";
import { fixtures } from "./_fixtures.js";

describe("chooseK", () => {
  const { data, labels } = fixtures.separable; // 4 well separated blobs (scikit-learn make_blobs)
  it("finds the true k by silhouette, elbow and gap on separable blobs", () => {
    const result = chooseK(data, { kMin: 1, kMax: 7, seed: 3, gapReferences: 5 });
    expect(result.recommended).toEqual({ silhouette: 4, elbow: 4, gap: 4 });
    expect(result.k).toBe(4);
    expect(result.table.map((row) => row.k)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(result.table[0]?.silhouette).toBeNull();
    expect(adjustedRandIndex(labels, result.fit.labels)).toBe(1);
    const row = result.table[3]!;
    expect(row.silhouette).toBeCloseTo(silhouetteScore(data, result.fit.labels), 12);
    // Inertia falls with k; the gap row has a positive standard error.
    for (let index = 1; index < result.table.length; index++) expect(result.table[index]!.inertia).toBeLessThan(result.table[index - 1]!.inertia);
    expect(row.gapStandardError!).toBeGreaterThan(0);
  });
  it("is deterministic, skips the gap statistic by default and validates the range", () => {
    const first = chooseK(data, { kMax: 5, seed: 9, criterion: "elbow" });
    const second = chooseK(data, { kMax: 5, seed: 9, criterion: "elbow" });
    expect(second.table).toEqual(first.table);
    expect(first.table.every((row) => row.gap === null)).toBe(true);
    expect(first.recommended.gap).toBeNull();
    expect(first.k).toBe(first.recommended.elbow);
    expect(() => chooseK(data, { kMin: 5, kMax: 3 })).toThrow("chooseK requires 1 <= kMin <= kMax <= the number of rows");
  });
});
