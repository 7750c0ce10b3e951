import { describe, expect, it } from "vitest";
import { adjustedRandIndex, chooseK, silhouetteScore } from "../../src/cluster/index.js";
import { fixtures } from "./_fixtures.js";
import { mulberry32 } from "../../src/_lib/random.js";

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

describe("chooseK rejects hostile options", () => {
  const data = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10], [20, 0], [21, 0], [20, 1]];
  it("bounds nInit and gapReferences instead of running forever", () => {
    expect(() => chooseK(data, { kMin: 2, kMax: 5, seed: 1, nInit: 1e308 })).toThrow(new RangeError("chooseK requires nInit to be at most 1000"));
    expect(() => chooseK(data, { kMin: 2, kMax: 5, seed: 1, gapReferences: Number.POSITIVE_INFINITY })).toThrow(new RangeError("chooseK requires gapReferences to be at most 1000"));
    expect(() => chooseK(data, { kMin: 2, kMax: 5, seed: 1, gapReferences: 1e308 })).toThrow(new RangeError("chooseK requires gapReferences to be at most 1000"));
    expect(() => chooseK(data, { gapReferences: -1 })).toThrow(new RangeError("chooseK requires gapReferences to be at least zero"));
    expect(() => chooseK(data, { gapReferences: 2.5 })).toThrow(new RangeError("chooseK requires gapReferences to be an integer"));
  });
  it("rejects kMax above the number of rows as documented, and unknown criteria", () => {
    const range = new RangeError("chooseK requires 1 <= kMin <= kMax <= the number of rows");
    expect(() => chooseK(data, { kMax: Number.POSITIVE_INFINITY })).toThrow(range);
    expect(() => chooseK(data, { kMax: 10 })).toThrow(range);
    expect(() => chooseK(data, { kMin: 0, kMax: 3 })).toThrow(range);
    expect(() => chooseK(data, { kMax: "3" as never })).toThrow(new TypeError("chooseK requires kMax to be a number"));
    expect(() => chooseK(data, { criterion: "x" as never })).toThrow(new TypeError('chooseK requires criterion to be "silhouette", "elbow" or "gap"'));
    expect(() => chooseK(data, { criterion: Number.NaN as never })).toThrow(new TypeError('chooseK requires criterion to be "silhouette", "elbow" or "gap"'));
    expect(() => chooseK(data, { silhouetteSampleSize: 1 })).toThrow(new RangeError("chooseK requires silhouetteSampleSize to be at least three"));
    expect(() => chooseK(data, { seed: "x" as never })).toThrow(new TypeError("chooseK requires seed to be a number"));
    // The default kMax of 8 is still capped at the number of rows.
    expect(chooseK(data.slice(0, 5)).table.map((row) => row.k)).toEqual([2, 3, 4, 5]);
  });
  it("names itself for missing data and options", () => {
    expect(() => chooseK(undefined as never)).toThrow(new TypeError("chooseK requires an array of rows"));
    expect(() => chooseK([[1], null] as never)).toThrow(new TypeError("chooseK requires rows to be arrays of numbers: row 1 is null"));
    expect(() => chooseK(data, null as never)).toThrow(new TypeError("chooseK requires an options object"));
    expect(() => chooseK([[1e200], [-1e200], [0]], { kMax: 2 })).toThrow(
      new RangeError("chooseK requires values small enough for finite sums of squared distances (scale the data first)"),
    );
  });
});

describe("chooseK on degenerate clusterings", () => {
  it("scores a one-row cluster the default silhouette sample could leave out (before: RangeError from silhouetteScore)", () => {
    // 6,000 uniform points in the unit square and one outlier: k = 2 isolates the outlier.
    const random = mulberry32(1);
    const data: number[][] = Array.from({ length: 6000 }, () => [random(), random()]);
    data.push([1000, 1000]);
    for (const seed of [3, 5, 6, 7]) {
      const result = chooseK(data, { kMin: 2, kMax: 2, seed, nInit: 1 });
      expect(result.fit.sizes).toEqual([6000, 1]);
      // scikit-learn's silhouette_score on all 6,001 rows: 0.999464557743442; the stratified sample
      // keeps the outlier (silhouette 0) and so weighs it a little more.
      expect(Math.abs(result.table[0]!.silhouette! - 0.999464557743442)).toBeLessThan(3e-4);
    }
    const pinned = chooseK(data, { kMin: 2, kMax: 2, seed: 3, nInit: 1 });
    expect(pinned.table[0]!.silhouette).toBeCloseTo(0.9993015928402574, 12);
    expect(pinned.table[0]!.silhouette).toBe(silhouetteScore(data, pinned.fit.labels, { sampleSize: 3000, seed: 3, stratified: true }));
  });
  it("says which rule decided k when the requested one cannot (before: criterion elbow, k from the silhouette, unsaid)", () => {
    const elbow = chooseK([[1], [2], [3], [10]], { kMin: 2, kMax: 3, criterion: "elbow" });
    expect(elbow.recommended).toEqual({ silhouette: 2, elbow: null, gap: null });
    expect(elbow.criterion).toBe("elbow");
    expect(elbow.k).toBe(2);
    expect(elbow.decidedBy).toBe("silhouette");
    // No rule can decide on identical rows: k is kMin and decidedBy null.
    const identical = chooseK([[1], [1], [1], [1]], { kMin: 1, kMax: 3 });
    expect(identical.recommended).toEqual({ silhouette: null, elbow: null, gap: null });
    expect(identical.k).toBe(1);
    expect(identical.decidedBy).toBeNull();
    // The silhouette and DB/CH columns are null for every k that left fewer than two clusters non-empty.
    expect(identical.table.map((row) => [row.silhouette, row.daviesBouldin, row.calinskiHarabasz])).toEqual([[null, null, null], [null, null, null], [null, null, null]]);
    const decided = chooseK([[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10], [20, 0], [21, 0], [20, 1]], { kMin: 2, kMax: 5, seed: 1, criterion: "elbow" });
    expect(decided.decidedBy).toBe("elbow");
    expect(decided.k).toBe(decided.recommended.elbow);
  });
});

describe("chooseK defaults and the gap's standard error (mutation review)", () => {
  const points = [[0, 9.2], [2.9, 2.1], [7.3, 5.3], [3.3, 7.5], [7.6, 5.4], [6.8, 6.4], [8.2, 2.4], [3.7, 7.1], [7, 0.5], [6.8, 4.7], [9.2, 8.1], [1.2, 5.1], [9.2, 6.9], [6.4, 5.8], [9.1, 9.1], [3.7, 3.4], [8.4, 3.3], [1.5, 3], [4.3, 2.9], [9.4, 5.6], [7.3, 8.8], [0.6, 2.7], [5.6, 5.1], [4.2, 1.9], [9.1, 0.5], [3.7, 3.4], [6.6, 9.2], [5.1, 1.7], [4.1, 2.8], [3.6, 4.2]];
  it("runs four k-means restarts per k by default (restarts change this table)", () => {
    const tableOf = (options: { nInit?: number }) => chooseK(points, { kMax: 6, seed: 0, ...options }).table;
    expect(tableOf({})).toEqual(tableOf({ nInit: 4 }));
    expect(tableOf({})).not.toEqual(tableOf({ nInit: 1 }));
  });
  it("scales the reference spread by sqrt(1 + 1/B) (Tibshirani et al. 2001)", () => {
    // Regression value of this implementation (seeded references), pinned because dropping the factor
    // divides it by sqrt(1.2) and no reference library draws the same uniform references.
    const table = chooseK([[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10], [20, 0], [21, 0], [20, 1]], { kMin: 1, kMax: 4, seed: 1, gapReferences: 5 }).table;
    expect(table[0]?.gapStandardError).toBeCloseTo(0.15796438943647115, 12);
  });
});
