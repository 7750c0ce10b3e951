import { describe, expect, it } from "vitest";
import { adjustedRandIndex, createMiniBatchKMeans, kMeans, miniBatchKMeans, parseKMeansModel } from "../../src/cluster/index.js";
import { fixtures } from "./_fixtures.js";

describe("miniBatchKMeans", () => {
  const { data, labels } = fixtures.separable;
  it("recovers separable blobs with inertia close to full k-means, deterministically", () => {
    const result = miniBatchKMeans(data, { k: 4, seed: 2, batchSize: 64 });
    expect(adjustedRandIndex(labels, result.labels)).toBe(1);
    const full = kMeans(data, { k: 4, seed: 2 });
    expect(result.inertia).toBeLessThan(full.inertia * 1.02);
    expect(result.inertia).toBeGreaterThanOrEqual(full.inertia * (1 - 1e-12));
    const again = miniBatchKMeans(data, { k: 4, seed: 2, batchSize: 64 });
    expect(again.centroids).toEqual(result.centroids);
    expect(result.steps).toBeGreaterThan(0);
    expect(Array.from(result.model.predict(data))).toEqual(Array.from(result.labels));
  });
  it("leaves a cluster empty when there are fewer distinct rows than k, as documented (scikit-learn 1.2 gives the same labels)", () => {
    const identical = miniBatchKMeans([[1], [1], [1], [1]], { k: 2 });
    expect([Array.from(identical.labels), identical.sizes, identical.centroids, identical.inertia]).toEqual([[0, 0, 0, 0], [4, 0], [[1], [1]], 0]);
  });
  it("validates arguments", () => {
    expect(() => miniBatchKMeans([[1]], { k: 2 })).toThrow("miniBatchKMeans requires k to be at most the number of rows");
    expect(() => miniBatchKMeans([[1]], { k: 1, batchSize: 0 })).toThrow("miniBatchKMeans requires batchSize to be at least one");
  });
});

describe("createMiniBatchKMeans (partialFit)", () => {
  it("learns from a stream of batches and matches the running-mean rule", () => {
    const { data, labels } = fixtures.separable;
    const stream = createMiniBatchKMeans({ k: 4, seed: 5, featureNames: ["a", "b", "c"] });
    for (let start = 0; start < data.length; start += 100) stream.partialFit(data.slice(start, start + 100));
    expect(stream.rowsSeen).toBe(600);
    expect(stream.counts.reduce((a, b) => a + b, 0)).toBe(600);
    const model = stream.model();
    expect(adjustedRandIndex(labels, model.predict(data))).toBe(1);
    expect(parseKMeansModel(JSON.parse(JSON.stringify(model))).featureNames).toEqual(["a", "b", "c"]);
  });
  it("one cluster: the centroid is the exact running mean of everything seen", () => {
    const stream = createMiniBatchKMeans({ k: 1 });
    stream.partialFit([[1, 10], [3, 20]]).partialFit([[5, 30]]).partialFit([]);
    expect(stream.centroids[0]![0]).toBeCloseTo(3, 12);
    expect(stream.centroids[0]![1]).toBeCloseTo(20, 12);
    expect(() => createMiniBatchKMeans({ k: 3 }).partialFit([[1]])).toThrow("partialFit requires the first batch to have at least k rows");
    expect(() => stream.partialFit([[1]])).toThrow("partialFit requires rows of 2 features");
    expect(() => createMiniBatchKMeans({ k: 1 }).model()).toThrow("model requires at least one batch");
  });
});

describe("miniBatchKMeans and createMiniBatchKMeans reject hostile options and arguments", () => {
  const data = [[0], [0.2], [10], [10.2]];
  it("bounds nInit and maxEpochs and checks the other options", () => {
    expect(() => miniBatchKMeans(data, { k: 2, seed: 42, nInit: 1e308 })).toThrow(new RangeError("miniBatchKMeans requires nInit to be at most 1000"));
    expect(() => miniBatchKMeans(data, { k: 2, maxEpochs: 1e308, maxNoImprovement: 1e308 })).toThrow(new RangeError("miniBatchKMeans requires maxEpochs to be at most 1000"));
    expect(() => miniBatchKMeans(data, { k: 2, maxEpochs: 0 })).toThrow(new RangeError("miniBatchKMeans requires maxEpochs to be at least one"));
    expect(() => miniBatchKMeans(data, { k: 2, maxNoImprovement: Number.NaN })).toThrow(new RangeError("miniBatchKMeans requires maxNoImprovement to be at least one"));
    expect(() => miniBatchKMeans(data, { k: 2, batchSize: "x" as never })).toThrow(new TypeError("miniBatchKMeans requires batchSize to be a number"));
    expect(() => miniBatchKMeans(data, { k: 2, seed: "x" as never })).toThrow(new TypeError("miniBatchKMeans requires seed to be a number"));
    expect(miniBatchKMeans(data, { k: 2, maxNoImprovement: Number.POSITIVE_INFINITY, maxEpochs: 2 }).steps).toBe(2);
  });
  it("names itself for missing data, rows and options", () => {
    expect(() => miniBatchKMeans(undefined as never, { k: 1 })).toThrow(new TypeError("miniBatchKMeans requires an array of rows"));
    expect(() => miniBatchKMeans([[1], null] as never, { k: 1 })).toThrow(new TypeError("miniBatchKMeans requires rows to be arrays of numbers: row 1 is null"));
    expect(() => miniBatchKMeans(data, undefined as never)).toThrow(new TypeError("miniBatchKMeans requires an options object"));
    expect(() => createMiniBatchKMeans(undefined as never)).toThrow(new TypeError("createMiniBatchKMeans requires an options object"));
    expect(() => createMiniBatchKMeans({ k: 1 }).partialFit(null as never)).toThrow(new TypeError("partialFit requires an array of rows"));
    expect(() => createMiniBatchKMeans({ k: 1, seed: "x" as never })).toThrow(new TypeError("createMiniBatchKMeans requires seed to be a number"));
    expect(() => createMiniBatchKMeans({ k: 1, featureNames: ["a", "b"] }).partialFit([[1]])).toThrow(new RangeError("partialFit requires one feature name per column"));
  });
  it("a huge k fails on the first batch, not with an allocation error", () => {
    const stream = createMiniBatchKMeans({ k: 1e308 });
    expect(stream.counts).toEqual([]);
    expect(() => stream.partialFit(data)).toThrow(new RangeError("partialFit requires the first batch to have at least k rows"));
    expect(() => createMiniBatchKMeans({ k: Number.POSITIVE_INFINITY })).toThrow(new RangeError("createMiniBatchKMeans requires k to be an integer"));
  });
  it("rejects values whose squared distances overflow (before: NaN centroids or a crash reading undefined centroids)", () => {
    const message = "requires values small enough for finite sums of squared distances (scale the data first)";
    expect(() => miniBatchKMeans([[1e308], [-1e308]], { k: 1 })).toThrow(new RangeError(`miniBatchKMeans ${message}`));
    expect(() => miniBatchKMeans([[1e308], [-1e308], [0], [1]], { k: 2 })).toThrow(new RangeError(`miniBatchKMeans ${message}`));
    expect(() => createMiniBatchKMeans({ k: 1 }).partialFit([[1e308], [-1e308]])).toThrow(new RangeError(`partialFit ${message}`));
    const stream = createMiniBatchKMeans({ k: 1 }).partialFit([[1e200]]);
    expect(() => stream.partialFit([[-1e200]])).toThrow(new RangeError(`partialFit ${message}`));
  });
});

describe("miniBatchKMeans steps and initialisation sample (mutation review)", () => {
  const points = [[0, 0], [1, 0], [2, 0], [3, 0], [4, 0], [0, 10], [1, 10], [2, 10], [3, 10], [4, 10]];
  it("an epoch is ceil(rows / batchSize) steps", () => {
    expect(miniBatchKMeans(points, { k: 2, seed: 1, batchSize: 4, maxEpochs: 1, maxNoImprovement: Number.POSITIVE_INFINITY }).steps).toBe(3);
    expect(miniBatchKMeans(points, { k: 2, seed: 1, batchSize: 4, maxEpochs: 3, maxNoImprovement: Number.POSITIVE_INFINITY }).steps).toBe(8);
  });
  it("stops after maxNoImprovement steps without improvement, and seeds on 3 * batchSize rows (regression values of these seeded runs)", () => {
    expect(miniBatchKMeans(points, { k: 2, seed: 1, batchSize: 2, maxEpochs: 100 }).steps).toBe(27);
    const rows = Array.from({ length: 60 }, (_, index) => [(index * 37) % 17, (index * 11) % 13]);
    const fit = miniBatchKMeans(rows, { k: 3, seed: 2, batchSize: 8 });
    expect(fit.inertia).toBeCloseTo(913.4161945166197, 9);
    expect(fit.centroids[0]?.[0]).toBeCloseTo(2.7222222222222223, 12);
  });
});
