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
