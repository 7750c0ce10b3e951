import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { adjustedRandIndex, kMeans, parseKMeansModel, safeParseKMeansModel } from "../../src/cluster/index.js";
import { kMeansPlusPlus, runKMeans } from "../../src/cluster/_lib/lloyd.js";
import { numpyRandomState } from "../../src/_lib/numpyRandomState.js";
import { toMatrix } from "../../src/cluster/_lib/matrix.js";
import { mulberry32, normalGenerator } from "../../src/_lib/random.js";
import { fixtures } from "./_fixtures.js";

function blobs(rows: number, seed: number, spread = 1): { data: number[][]; labels: number[] } {
  const random = mulberry32(seed);
  const normal = normalGenerator(random);
  const centers = [
    [0, 0, 0],
    [6, 6, 0],
    [-6, 5, 3],
  ];
  const data: number[][] = [];
  const labels: number[] = [];
  for (let row = 0; row < rows; row++) {
    const label = row % 3;
    labels.push(label);
    data.push(centers[label]!.map((value) => value + spread * normal()));
  }
  return { data, labels };
}

function inertiaOf(data: number[][], centers: ArrayLike<number>, labels: ArrayLike<number>, columns: number): number {
  let sum = 0;
  data.forEach((row, index) => {
    const label = labels[index] as number;
    row.forEach((value, column) => {
      sum += (value - (centers[label * columns + column] as number)) ** 2;
    });
  });
  return sum;
}

describe("kMeans", () => {
  it("recovers the true partition of separable blobs (scikit-learn make_blobs fixture)", () => {
    const { data, labels } = fixtures.separable;
    const result = kMeans(data, { k: 4, seed: 1 });
    expect(adjustedRandIndex(labels, result.labels)).toBe(1);
    expect(result.converged).toBe(true);
    expect(result.restarts).toHaveLength(10);
    expect(result.sizes.reduce((a, b) => a + b, 0)).toBe(600);
  });

  it("Hamerly, Elkan and plain Lloyd give identical labels, centroids and inertia", () => {
    const { data } = blobs(900, 5, 2.5);
    for (const seed of [1, 2, 3]) {
      const lloyd = kMeans(data, { k: 5, seed, nInit: 2, algorithm: "lloyd" });
      for (const algorithm of ["hamerly", "elkan"] as const) {
        const pruned = kMeans(data, { k: 5, seed, nInit: 2, algorithm });
        expect(Array.from(pruned.labels)).toEqual(Array.from(lloyd.labels));
        expect(pruned.centroids).toEqual(lloyd.centroids);
        expect(pruned.inertia).toBe(lloyd.inertia);
        expect(pruned.iterations).toBe(lloyd.iterations);
      }
    }
  });

  it("keeps the best restart and canonical ids (largest cluster first)", () => {
    const { data } = blobs(300, 9, 3);
    const result = kMeans(data, { k: 4, seed: 7, nInit: 5 });
    expect(result.inertia).toBe(Math.min(...result.restarts.map((restart) => restart.inertia)));
    for (let id = 1; id < result.sizes.length; id++) expect(result.sizes[id - 1]!).toBeGreaterThanOrEqual(result.sizes[id]!);
    const flat = result.centroids.flat();
    expect(result.inertia).toBeCloseTo(inertiaOf(data, flat, result.labels, 3), 8);
  });

  it("uses explicit initial centroids with a single run", () => {
    const result = kMeans([[0], [1], [10], [11]], { k: 2, initialization: [[10], [0]] });
    expect(result.restarts).toHaveLength(1);
    expect(result.centroids).toEqual([[0.5], [10.5]]);
  });

  it("relocates empty clusters and handles duplicate rows", () => {
    // Two far-apart initial centroids both on the left: one cluster starts empty.
    const data = [[0], [0.1], [0.2], [50], [51], [52]];
    const result = kMeans(data, { k: 3, initialization: [[0], [0.05], [1000]] });
    expect(result.sizes.every((size) => size > 0)).toBe(true);
    const same = kMeans([[1, 1], [1, 1], [1, 1], [2, 2]], { k: 2, seed: 3 });
    expect(same.sizes).toEqual([3, 1]);
    expect(same.inertia).toBe(0);
  });

  it("leaves clusters empty when there are fewer distinct rows than k, as documented (scikit-learn 1.2 gives the same labels and centroids, with a warning)", () => {
    for (const algorithm of ["hamerly", "elkan", "lloyd"] as const) {
      for (const initialization of ["kmeans++", "random"] as const) {
        const identical = kMeans([[1, 1], [1, 1], [1, 1]], { k: 2, algorithm, initialization });
        expect([Array.from(identical.labels), identical.sizes, identical.centroids, identical.inertia]).toEqual([[0, 0, 0], [3, 0], [[1, 1], [1, 1]], 0]);
      }
    }
    // Two distinct rows, k = 3: the third centroid duplicates the first.
    const two = kMeans([[0], [0], [1], [1]], { k: 3 });
    expect([Array.from(two.labels), two.sizes, two.centroids]).toEqual([[0, 0, 1, 1], [2, 2, 0], [[0], [1], [0]]]);
  });

  it("k = n and k = 1", () => {
    const data = [[3], [1], [2]];
    expect(kMeans(data, { k: 3 }).inertia).toBe(0);
    const one = kMeans(data, { k: 1 });
    expect(one.centroids).toEqual([[2]]);
    expect(one.inertia).toBeCloseTo(2, 12);
  });

  it("throws on invalid arguments with the function's name", () => {
    expect(() => kMeans([[1]], { k: 0 })).toThrow(new RangeError("kMeans requires k to be at least one"));
    expect(() => kMeans([[1]], { k: 2 })).toThrow("kMeans requires k to be at most the number of rows");
    expect(() => kMeans([[1], [2]], { k: 1, nInit: 0 })).toThrow("kMeans requires nInit to be at least one");
    expect(() => kMeans([[1], [Number.NaN]], { k: 1 })).toThrow(new TypeError("kMeans requires finite numbers: row 1, column 0 is NaN"));
    expect(() => kMeans([[1, 2], [2]], { k: 1 })).toThrow("kMeans requires rows of equal length: row 1 differs from row 0");
    expect(() => kMeans([[1], [2]], { k: 1, tolerance: -1 })).toThrow("kMeans requires a non-negative tolerance");
    expect(() => kMeans([[1], [2]], { k: 2, initialization: [[1]] })).toThrow("kMeans requires k initial centroids of d features");
  });

  it("model predicts, serializes and parses", () => {
    const { data } = blobs(120, 2);
    const result = kMeans(data, { k: 3, seed: 4, featureNames: ["a", "b", "c"] });
    const json = JSON.parse(JSON.stringify(result.model)) as unknown;
    const model = parseKMeansModel(json);
    expect(Array.from(model.predict(data))).toEqual(Array.from(result.labels));
    expect(model.featureNames).toEqual(["a", "b", "c"]);
    expect(model.transform([[0, 0, 0]])[0]).toHaveLength(3);
    const bad = safeParseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k: 2, columns: 2, centroids: [[1, 2], [3, "x"]] });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map((issue) => issue.path)).toEqual([["centroids", 1, 1]]);
    expect(() => model.predict([[1, 2]])).toThrow("predict requires rows of 3 features, got 2");
    expect(() => model.transform([[1, 2]])).toThrow("transform requires rows of 3 features, got 2");
  });
  it("refuses rows whose distances to the centroids overflow, which predicted cluster 0 (claims review)", () => {
    const model = parseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k: 2, columns: 1, centroids: [[0], [10]] });
    const message = "requires values small enough for finite sums of squared distances (scale the data first)";
    expect(() => model.predict([[1e200]])).toThrow(`predict ${message}`);
    expect(() => model.transform([[-1e200]])).toThrow(`transform ${message}`);
    expect(Array.from(model.predict([[1e10], [4]]))).toEqual([1, 0]);
    // Rows far apart from each other are fine as long as each is near enough to a centroid (diff review).
    const near = parseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k: 2, columns: 1, centroids: [[-0.95], [0.95]] });
    expect(near.predict([[1e154], [-1e154]])).toHaveLength(2);
    expect(near.transform([[1e154], [-1e154]])).toHaveLength(2);
  });
  it("a model of zero features round-trips through JSON (parse refused columns 0, claims review)", () => {
    const { model } = kMeans([[], []], { k: 1 });
    expect(parseKMeansModel(JSON.parse(JSON.stringify(model))).toJSON()).toEqual(model.toJSON());
  });
});

describe("kMeans properties", () => {
  // Subnormal coordinates are flushed to 0: their squared differences underflow to 0, so rows that
  // differ only there are duplicates as far as any Euclidean method can tell.
  const coordinate = fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((value) => (Math.abs(value) < 1e-150 ? 0 : value));
  const dataset = fc.array(fc.array(coordinate, { minLength: 3, maxLength: 3 }), {
    minLength: 8,
    maxLength: 60,
  });
  it("inertia never increases across Lloyd steps; no NaN, no empty clusters", () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 1, max: 5 }), fc.integer(), fc.constantFrom("hamerly" as const, "elkan" as const, "lloyd" as const), (data, k, seed, method) => {
        const matrix = toMatrix(data, "test");
        const centers = kMeansPlusPlus(matrix, k, numpyRandomState(seed));
        const history: number[] = [];
        const result = runKMeans(matrix, centers, k, 100, 0, method, (_iteration, current, labels) => {
          history.push(inertiaOf(data, current, labels, 3));
        });
        for (let step = 1; step < history.length; step++) expect(history[step]!).toBeLessThanOrEqual(history[step - 1]! * (1 + 1e-12) + 1e-9);
        expect(Number.isFinite(result.inertia)).toBe(true);
        expect(result.centers.every(Number.isFinite)).toBe(true);
        const distinctRows = new Set(data.map((row) => row.join(","))).size;
        if (distinctRows >= k) {
          const sizes = new Array(k).fill(0);
          for (const label of result.labels) sizes[label]++;
          expect(sizes.every((size) => size > 0)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
  it("same seed, same result; predictions of training rows equal their labels", () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 1, max: 4 }), fc.integer(), (data, k, seed) => {
        const first = kMeans(data, { k, seed, nInit: 2 });
        const second = kMeans(data, { k, seed, nInit: 2 });
        expect(Array.from(second.labels)).toEqual(Array.from(first.labels));
        expect(second.centroids).toEqual(first.centroids);
        const predicted = first.model.predict(data);
        // A row exactly equidistant from two centroids may legitimately go either way.
        const distances = first.model.transform(data);
        predicted.forEach((label, index) => {
          const row = distances[index]!;
          expect(row[label]).toBeCloseTo(row[first.labels[index]!]!, 6);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe("kMeans rejects hostile options and arguments", () => {
  const data = [[1, 1], [1.5, 2], [8, 8], [9, 8.5], [1, 0.6]];
  const invalid = (options: unknown) => () => kMeans(data, options as Parameters<typeof kMeans>[1]);
  it("bounds nInit instead of running 1e308 restarts", () => {
    expect(invalid({ k: 2, seed: 42, nInit: 1e308 })).toThrow(new RangeError("kMeans requires nInit to be at most 1000"));
    expect(invalid({ k: 2, nInit: Number.POSITIVE_INFINITY })).toThrow(new RangeError("kMeans requires nInit to be at most 1000"));
    expect(invalid({ k: 2, nInit: 1.5 })).toThrow(new RangeError("kMeans requires nInit to be an integer"));
    expect(invalid({ k: 2, nInit: "3" })).toThrow(new TypeError("kMeans requires nInit to be a number"));
    expect(kMeans(data, { k: 2, seed: 42, nInit: 1000 }).restarts).toHaveLength(1000);
  });
  it("validates maxIterations, tolerance, seed, algorithm, initialization and featureNames", () => {
    expect(invalid({ k: 2, maxIterations: 0 })).toThrow(new RangeError("kMeans requires maxIterations to be at least one"));
    expect(invalid({ k: 2, maxIterations: Number.NaN })).toThrow(new RangeError("kMeans requires maxIterations to be at least one"));
    expect(invalid({ k: 2, maxIterations: 2.5 })).toThrow(new RangeError("kMeans requires maxIterations to be an integer"));
    expect(invalid({ k: 2, maxIterations: "x" })).toThrow(new TypeError("kMeans requires maxIterations to be a number"));
    expect(invalid({ k: 2, tolerance: [] })).toThrow(new TypeError("kMeans requires tolerance to be a number"));
    expect(invalid({ k: 2, seed: "x" })).toThrow(new TypeError("kMeans requires seed to be a number"));
    expect(invalid({ k: 2, seed: Number.NaN })).toThrow(new RangeError("kMeans requires seed to be a finite number"));
    expect(invalid({ k: 2, algorithm: "x" })).toThrow(new TypeError('kMeans requires algorithm to be "hamerly", "elkan" or "lloyd"'));
    expect(invalid({ k: 2, initialization: "x" })).toThrow(new TypeError('kMeans requires initialization to be "kmeans++", "random" or an array of centroids'));
    expect(invalid({ k: 2, initialization: 3 })).toThrow(new TypeError('kMeans requires initialization to be "kmeans++", "random" or an array of centroids'));
    expect(invalid({ k: 2, featureNames: "ab" })).toThrow(new TypeError("kMeans requires featureNames to be an array of strings"));
    expect(invalid({ k: "2" })).toThrow(new TypeError("kMeans requires k to be a number"));
    expect(invalid({ k: 1e308 })).toThrow(new RangeError("kMeans requires k to be at most the number of rows"));
  });
  it("names itself for missing data, rows and options", () => {
    expect(() => kMeans(undefined as never, { k: 1 })).toThrow(new TypeError("kMeans requires an array of rows"));
    expect(() => kMeans(null as never, { k: 1 })).toThrow(new TypeError("kMeans requires an array of rows"));
    expect(() => kMeans([null, [1]] as never, { k: 1 })).toThrow(new TypeError("kMeans requires rows to be arrays of numbers: row 0 is null"));
    expect(() => kMeans([[1], null] as never, { k: 1 })).toThrow(new TypeError("kMeans requires rows to be arrays of numbers: row 1 is null"));
    expect(invalid(undefined)).toThrow(new TypeError("kMeans requires an options object"));
    expect(invalid(null)).toThrow(new TypeError("kMeans requires an options object"));
    const model = kMeans(data, { k: 2 }).model;
    expect(() => model.predict(undefined as never)).toThrow(new TypeError("predict requires an array of rows"));
    expect(() => model.predict([null] as never)).toThrow(new TypeError("predict requires rows to be arrays of numbers: row 0 is null"));
  });
  it("rejects values whose squared distances overflow instead of returning NaN or Infinity", () => {
    const message = "kMeans requires values small enough for finite sums of squared distances (scale the data first)";
    expect(() => kMeans([[1e308], [1e308], [0], [1]], { k: 2 })).toThrow(new RangeError(message));
    expect(() => kMeans([[1e200], [-1e200], [0], [1]], { k: 2 })).toThrow(new RangeError(message));
    expect(() => kMeans([[0], [1]], { k: 2, initialization: [[0], [1e200]] })).toThrow(new RangeError(message));
    // Large but safe values still cluster.
    const result = kMeans([[1e100], [1.1e100], [-1e100], [-1.1e100]], { k: 2, seed: 1 });
    expect(Number.isFinite(result.inertia)).toBe(true);
    expect(result.sizes).toEqual([2, 2]);
  });
});

describe("kMeans on exact ties (review)", () => {
  const algorithms = ["lloyd", "hamerly", "elkan"] as const;

  it("gives one result for the three algorithms when a row is exactly between two centres: the tie goes to the lower id", () => {
    for (const [data, options] of [
      [[[-1], [1], [2], [3], [7]], { k: 2, initialization: [[0], [3]] }],
      [[[0], [0], [5], [6], [1], [2], [5], [5], [5], [0], [6], [1], [2], [1], [1], [5], [1], [5], [3], [2]], { k: 2, seed: 165, nInit: 1 }],
    ] as const) {
      const results = algorithms.map((algorithm) => kMeans(data as unknown as number[][], { ...options, algorithm } as never));
      for (const result of results.slice(1)) {
        expect(result.inertia).toBe(results[0]!.inertia);
        expect(Array.from(result.labels)).toEqual(Array.from(results[0]!.labels));
        expect(result.centroids).toEqual(results[0]!.centroids);
      }
    }
  });

  it("returns the labels that predict gives on the training rows, ties included, after the renumbering by size", () => {
    for (const algorithm of algorithms) {
      const tied = kMeans([[4], [1], [3], [2], [1], [2], [2], [2], [2], [4], [5]], { k: 3, seed: 1389, algorithm });
      expect(Array.from(tied.labels), algorithm).toEqual(Array.from(tied.model.predict([[4], [1], [3], [2], [1], [2], [2], [2], [2], [4], [5]])));
      const explicit = kMeans([[-2], [0], [2], [3], [4], [5], [4]], { k: 2, initialization: [[0], [4]], algorithm });
      expect(Array.from(explicit.labels), algorithm).toEqual(Array.from(explicit.model.predict([[-2], [0], [2], [3], [4], [5], [4]])));
      expect(explicit.sizes.reduce((total, size) => total + size, 0)).toBe(7);
    }
  });

  it("property: the three algorithms agree, and labels equal predict on the training rows, on small integer data full of ties", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 20 }),
        fc.integer({ min: 2, max: 3 }),
        fc.integer({ min: 1, max: 10_000 }),
        (values, k, seed) => {
          const rows = values.map((value) => [value]);
          const [lloyd, ...others] = algorithms.map((algorithm) => kMeans(rows, { k, seed, nInit: 1, algorithm }));
          for (const result of [lloyd!, ...others]) {
            expect(Array.from(result.labels)).toEqual(Array.from(result.model.predict(rows)));
            const counts = new Array<number>(k).fill(0);
            for (const label of result.labels) counts[label]! += 1;
            expect(result.sizes).toEqual(counts);
          }
          for (const result of others) {
            expect(result.inertia).toBe(lloyd!.inertia);
            expect(Array.from(result.labels)).toEqual(Array.from(lloyd!.labels));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("kMeans empty-cluster refill (mutation review)", () => {
  it("never takes the only row of a cluster to refill an empty one", () => {
    // The centre at 200 attracts no row; the refill takes the farthest row of a cluster with more than one row.
    const result = kMeans([[0], [1], [2], [10]], { k: 3, initialization: [[0], [5], [200]] });
    expect(result.sizes).toEqual([2, 1, 1]);
    expect(result.centroids).toEqual([[0.5], [2], [10]]);
    expect(result.inertia).toBe(0.5);
  });
});
