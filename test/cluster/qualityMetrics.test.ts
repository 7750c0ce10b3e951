import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  adjustedRandIndex,
  calinskiHarabaszScore,
  daviesBouldinScore,
  silhouetteSamples,
  silhouetteScore,
} from "../../src/cluster/index.js";
import { fixtures, relativeError } from "./_fixtures.js";

describe("quality metrics against scikit-learn " + fixtures.sklearn, () => {
  for (const fixture of fixtures.cases) {
    it(fixture.name, () => {
      expect(relativeError(silhouetteScore(fixture.data, fixture.labels), fixture.silhouette)).toBeLessThan(1e-9);
      expect(relativeError(daviesBouldinScore(fixture.data, fixture.labels), fixture.daviesBouldin)).toBeLessThan(1e-9);
      expect(relativeError(calinskiHarabaszScore(fixture.data, fixture.labels), fixture.calinskiHarabasz)).toBeLessThan(1e-9);
      const samples = silhouetteSamples(fixture.data, fixture.labels);
      fixture.silhouetteSamples.forEach((expected, index) => {
        expect(Math.abs((samples[index] as number) - expected)).toBeLessThan(1e-12 + 1e-9 * Math.abs(expected));
      });
    });
  }
  it("adjusted Rand index", () => {
    for (const fixture of fixtures.adjustedRand) {
      expect(relativeError(adjustedRandIndex(fixture.truth, fixture.predicted), fixture.value)).toBeLessThan(1e-12);
    }
  });
});

describe("silhouetteScore sampling", () => {
  const fixture = fixtures.cases[0]!;
  it("uses the whole data when sampleSize >= n and repeats for one seed", () => {
    expect(silhouetteScore(fixture.data, fixture.labels, { sampleSize: 1000 })).toBe(silhouetteScore(fixture.data, fixture.labels));
    const first = silhouetteScore(fixture.data, fixture.labels, { sampleSize: 100, seed: 3 });
    expect(silhouetteScore(fixture.data, fixture.labels, { sampleSize: 100, seed: 3 })).toBe(first);
    expect(silhouetteScore(fixture.data, fixture.labels, { sampleSize: 100, seed: 4 })).not.toBe(first);
    expect(Math.abs(first - fixture.silhouette)).toBeLessThan(0.1);
  });
  it("stratified sampling takes each cluster in proportion, and at least two rows of every cluster", () => {
    // 499 identical rows at 0 and 499 at 100 (silhouette 1 each) and a cluster of two rows at 40 and
    // 60 (a = 20, b = 40: silhouette 0.5 each). Quotas for 50 rows: 25, 25 and 2 (raised from 0.1).
    const data = [...Array.from({ length: 499 }, () => [0]), ...Array.from({ length: 499 }, () => [100]), [40], [60]];
    const labels = [...Array.from({ length: 499 }, () => 0), ...Array.from({ length: 499 }, () => 1), 2, 2];
    for (const seed of [0, 1, 2, 3, 4]) {
      expect(silhouetteScore(data, labels, { sampleSize: 50, stratified: true, seed })).toBeCloseTo((50 + 2 * 0.5) / 52, 12);
    }
    // A plain sample of 50 rows mostly misses the small cluster: all silhouettes 1.
    const plain = [0, 1, 2, 3, 4].map((seed) => silhouetteScore(data, labels, { sampleSize: 50, seed }));
    expect(plain.filter((value) => value === 1).length).toBeGreaterThanOrEqual(4);
  });
});

describe("label ids of any size (review)", () => {
  it("large or sparse ids give the same results as 0..k-1, without arrays sized by the largest id", () => {
    const data = [[0, 0], [0, 1], [5, 5], [5, 6], [9, 0], [9, 1]];
    const compact = [0, 0, 1, 1, 2, 2];
    // Same sorted order as `compact`, so every sum runs in the same order and the results are identical.
    const sparse = [7, 7, 20240601, 20240601, 2 ** 40, 2 ** 40];
    expect(silhouetteScore(data, sparse)).toBe(silhouetteScore(data, compact));
    expect(daviesBouldinScore(data, sparse)).toBe(daviesBouldinScore(data, compact));
    expect(calinskiHarabaszScore(data, sparse)).toBe(calinskiHarabaszScore(data, compact));
    expect(adjustedRandIndex([0, 0, 5e8, 5e8], [1, 1, 2 ** 32, 2 ** 32])).toBe(1);
    expect(() => adjustedRandIndex([0, 2 ** 53], [0, 1])).toThrow(TypeError);
  });
});

describe("argument errors", () => {
  it("names the function", () => {
    expect(() => silhouetteScore([[0], [1]], [0, 0])).toThrow("silhouetteScore requires between two and n - 1 distinct labels");
    expect(() => daviesBouldinScore([[0], [1], [2]], [0, 1])).toThrow("daviesBouldinScore requires one label per row");
    expect(() => calinskiHarabaszScore([[0], [Number.NaN]], [0, 1])).toThrow("calinskiHarabaszScore requires finite numbers: row 1, column 0 is NaN");
    expect(() => silhouetteScore([[0], [1], [2]], [0, 1, -1])).toThrow(TypeError);
    expect(() => silhouetteScore([[0], [1], [2], [3]], [0, 1, 0, 1], { sampleSize: 1 })).toThrow("silhouetteScore requires sampleSize to be at least three");
    // A sample of two rows always had two labels in two rows (none left over), and threw further in (claims review).
    expect(() => silhouetteScore([[0], [1], [2], [3]], [0, 1, 0, 1], { sampleSize: 2 })).toThrow("silhouetteScore requires sampleSize to be at least three");
    expect(Number.isFinite(silhouetteScore([[0], [1], [2], [3], [4], [5]], [0, 0, 0, 1, 1, 1], { sampleSize: 3, stratified: true }))).toBe(true);
  });
});

describe("laws", () => {
  const dataWithLabels = fc.integer({ min: 4, max: 30 }).chain((rows) =>
    fc.tuple(
      fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 2 }), { minLength: rows, maxLength: rows }),
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: rows, maxLength: rows }),
    ),
  );
  it("metrics are invariant under renaming labels and silhouette stays in [-1, 1]", () => {
    fc.assert(
      fc.property(dataWithLabels, ([data, labels]) => {
        const distinct = new Set(labels).size;
        fc.pre(distinct >= 2 && distinct <= data.length - 1);
        const renamed = labels.map((label) => 7 - label);
        const score = silhouetteScore(data, labels);
        expect(score).toBeGreaterThanOrEqual(-1);
        expect(score).toBeLessThanOrEqual(1);
        expect(silhouetteScore(data, renamed)).toBeCloseTo(score, 10);
        const db = daviesBouldinScore(data, labels);
        expect(Math.abs(daviesBouldinScore(data, renamed) - db)).toBeLessThanOrEqual(1e-9 * Math.max(1, db));
        const ch = calinskiHarabaszScore(data, labels);
        // A within-cluster dispersion that underflows to a subnormal overflows the ratio to Infinity
        // (as in scikit-learn); then both namings must give Infinity.
        if (Number.isFinite(ch)) expect(Math.abs(calinskiHarabaszScore(data, renamed) - ch)).toBeLessThanOrEqual(1e-9 * Math.max(1, ch));
        else expect(calinskiHarabaszScore(data, renamed)).toBe(ch);
        expect(adjustedRandIndex(labels, renamed)).toBeCloseTo(1, 12);
      }),
      { numRuns: 100 },
    );
  });
});

describe("regression: a within-cluster dispersion that underflows (found by the property above in CI)", () => {
  it("gives the same Calinski-Harabasz index, Infinity, under both namings", () => {
    const data = [[0, 0], [0, 3.1434555694052576e-162], [0, 0], [-2.433349433325905e-8, 0]];
    expect(calinskiHarabaszScore(data, [1, 1, 1, 0])).toBe(Number.POSITIVE_INFINITY);
    expect(calinskiHarabaszScore(data, [6, 6, 6, 7])).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("quality metrics name themselves for hostile arguments", () => {
  const data = [[0], [1], [10], [11]];
  const labels = [0, 0, 1, 1];
  it("missing data, null rows and missing labels", () => {
    const metrics = { silhouetteScore, silhouetteSamples, daviesBouldinScore, calinskiHarabaszScore } as const;
    for (const [name, metric] of Object.entries(metrics)) {
      const score = metric as (data: unknown, labels: unknown) => unknown;
      expect(() => score(undefined, labels)).toThrow(new TypeError(`${name} requires an array of rows`));
      expect(() => score(null, labels)).toThrow(new TypeError(`${name} requires an array of rows`));
      expect(() => score([[0], null, [10], [11]], labels)).toThrow(new TypeError(`${name} requires rows to be arrays of numbers: row 1 is null`));
      expect(() => score(data, undefined)).toThrow(new TypeError(`${name} requires labels to be an array of numbers`));
    }
    expect(() => adjustedRandIndex(undefined as never, [0])).toThrow(new TypeError("adjustedRandIndex requires truth to be an array of numbers"));
    expect(() => adjustedRandIndex([0], null as never)).toThrow(new TypeError("adjustedRandIndex requires predicted to be an array of numbers"));
  });
  it("silhouetteScore checks its options (before: sampleSize \"x\" was ignored)", () => {
    expect(() => silhouetteScore(data, labels, { sampleSize: "x" as never })).toThrow(new TypeError("silhouetteScore requires sampleSize to be a number"));
    expect(() => silhouetteScore(data, labels, { sampleSize: Number.NaN })).toThrow(new RangeError("silhouetteScore requires sampleSize to be at least three"));
    expect(() => silhouetteScore(data, labels, { sampleSize: 3.5 })).toThrow(new RangeError("silhouetteScore requires sampleSize to be an integer"));
    expect(() => silhouetteScore(data, labels, { seed: "x" as never })).toThrow(new TypeError("silhouetteScore requires seed to be a number"));
    expect(() => silhouetteScore(data, labels, { stratified: "yes" as never })).toThrow(new TypeError("silhouetteScore requires stratified to be a boolean"));
    expect(() => silhouetteScore(data, labels, null as never)).toThrow(new TypeError("silhouetteScore requires an options object"));
    // A sample at least as large as the data (Infinity included) scores every row.
    expect(silhouetteScore(data, labels, { sampleSize: Number.POSITIVE_INFINITY })).toBe(silhouetteScore(data, labels));
  });
});

describe("quality metrics on values whose squared distances overflow (fuzz review)", () => {
  it("throw, as the fits do, instead of returning NaN", () => {
    const data = [[1e308], [1e308], [0], [1]];
    const labels = [0, 0, 1, 1];
    for (const [name, score] of [
      ["silhouetteScore", () => silhouetteScore(data, labels)],
      ["silhouetteSamples", () => silhouetteSamples(data, labels)],
      ["daviesBouldinScore", () => daviesBouldinScore(data, labels)],
      ["calinskiHarabaszScore", () => calinskiHarabaszScore(data, labels)],
    ] as const) {
      expect(score, name).toThrow(new RangeError(`${name} requires values small enough for finite sums of squared distances (scale the data first)`));
    }
    // Large but safe values still score.
    expect(silhouetteScore([[1e100], [1e100], [0], [1]], labels)).toBeCloseTo(1, 12);
  });
});

describe("adjustedRandIndex with many labels (review)", () => {
  it("keeps the contingency table sparse: 100,000 labels against 50,000 is 0, as scikit-learn gives (a dense table threw)", () => {
    const n = 100_000;
    expect(adjustedRandIndex(Array.from({ length: n }, (_, index) => index), Array.from({ length: n }, (_, index) => index % 50_000))).toBe(0);
  });

  it("property: equals the pair-counting definition, on the dense and the sparse path alike", () => {
    const byPairs = (truth: number[], predicted: number[]) => {
      // Hubert and Arabie's index from the four pair counts.
      let both = 0, onlyTruth = 0, onlyPredicted = 0, neither = 0;
      for (let i = 0; i < truth.length; i++) {
        for (let j = i + 1; j < truth.length; j++) {
          const sameTruth = truth[i] === truth[j];
          const samePredicted = predicted[i] === predicted[j];
          if (sameTruth && samePredicted) both++;
          else if (sameTruth) onlyTruth++;
          else if (samePredicted) onlyPredicted++;
          else neither++;
        }
      }
      const total = both + onlyTruth + onlyPredicted + neither;
      const expected = ((both + onlyTruth) * (both + onlyPredicted)) / total;
      const maximum = (2 * both + onlyTruth + onlyPredicted) / 2;
      return maximum === expected ? 1 : (both - expected) / (maximum - expected);
    };
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 14 }).chain((n) => fc.tuple(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 0, max: 12 }), { minLength: n, maxLength: n }))), ([truth, predicted]) => {
        expect(adjustedRandIndex(truth, predicted)).toBeCloseTo(byPairs(truth, predicted), 12);
      }),
      { numRuns: 500 },
    );
  });
});
