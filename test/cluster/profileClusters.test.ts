import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { profileClusters } from "../../src/cluster/index.js";

describe("profileClusters", () => {
  it("computes sizes, means, medians, lift and standardized differences by hand", () => {
    const data = [[1, 10], [3, 10], [5, 10], [11, 10]];
    const [first, second] = profileClusters(data, [0, 0, 0, 4], ["spend", "constant"]);
    expect(first).toMatchObject({ cluster: 0, size: 3, share: 0.75 });
    expect(second).toMatchObject({ cluster: 4, size: 1, share: 0.25 });
    // population mean 5, population sd sqrt(((16+4+0+36)/4)) = sqrt(14)
    expect(first!.features[0]).toEqual({ feature: "spend", mean: 3, median: 3, lift: 0.6, standardizedDifference: (3 - 5) / Math.sqrt(14) });
    expect(second!.features[1]!.standardizedDifference).toBe(0);
    expect(first!.distinguishing[0]!.feature).toBe("spend");
    expect(second!.label).toBe("high spend");
    expect(profileClusters([[0], [0]], [0, 0], ["x"])[0]!.label).toBe("typical");
    expect(profileClusters([[0], [0]], [0, 0], ["x"])[0]!.features[0]!.lift).toBeNull();
  });
  it("a constant column of a value not exact in binary is not distinguishing (ten 0.1s gave d = 2, claims review)", () => {
    const data = Array.from({ length: 10 }, (_, index) => [index < 3 ? 1 : 9, 0.1]);
    const profiles = profileClusters(data, [0, 0, 0, 1, 1, 1, 1, 1, 1, 1], ["spend", "constant"]);
    for (const profile of profiles) {
      expect(profile.features[1]!.standardizedDifference).toBe(0);
      expect(profile.distinguishing[0]!.feature).toBe("spend");
    }
    expect(profiles.map((profile) => profile.label)).toEqual(["low spend", "high spend"]);
  });
  it("labels use descriptors in feature order and respect maxLabelFeatures", () => {
    const data = [[1, 100, 9], [2, 90, 8], [50, 5, 1], [60, 4, 2]];
    const descriptors = { r: { high: "lapsed", low: "recent" }, m: { high: "high spend", low: "low spend" }, f: { high: "frequent", low: "rare" } };
    const profiles = profileClusters(data, [0, 0, 1, 1], ["r", "m", "f"], { descriptors });
    expect(profiles[0]!.label).toBe("recent, high spend, frequent");
    expect(profileClusters(data, [0, 0, 1, 1], ["r", "m", "f"], { descriptors, maxLabelFeatures: 1 })[1]!.label).toMatch(/^(lapsed|low spend|rare)$/);
    expect(() => profileClusters(data, [0, 1], ["r", "m", "f"])).toThrow("profileClusters requires one label per row");
    expect(() => profileClusters(data, [0, 0, 1, 1], ["r"])).toThrow("profileClusters requires one feature name per column");
  });
  it("gives distinct labels: clusters that would share one name their next strongest feature, then their id (review)", () => {
    // Clusters 0 and 1 are both "high a" (b differs by less than the threshold); cluster 2 is "low a".
    const data = [[10, 1.1], [10, 1.1], [10, 0.9], [10, 0.9], [0, 1], [0, 1], [0, 1], [0, 1]];
    const labels = profileClusters(data, [0, 0, 1, 1, 2, 2, 2, 2], ["a", "b"]).map((profile) => profile.label);
    expect(labels).toEqual(["high a, high b", "high a, low b", "low a"]);
    // Alike in the direction of every feature: the id tells them apart.
    const alike = profileClusters([[10], [10], [9], [9], [0], [0], [0], [0]], [0, 0, 1, 1, 2, 2, 2, 2], ["a"]).map((profile) => profile.label);
    expect(alike).toEqual(["high a (cluster 0)", "high a (cluster 1)", "low a"]);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 })), { minLength: 2, maxLength: 30 }), (rows) => {
        const profiles = profileClusters(rows.map(([x, y]) => [x, y]), rows.map(([, , label]) => label), ["x", "y"]);
        expect(new Set(profiles.map((profile) => profile.label)).size).toBe(profiles.length);
      }),
    );
  });
  it("shares sum to one and size-weighted cluster means give the population mean", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 }), (rows) => {
        const profiles = profileClusters(rows.map(([value]) => [value]), rows.map(([, label]) => label), ["x"]);
        expect(profiles.reduce((sum, profile) => sum + profile.share, 0)).toBeCloseTo(1, 12);
        const weighted = profiles.reduce((sum, profile) => sum + profile.size * profile.features[0]!.mean, 0) / rows.length;
        expect(weighted).toBeCloseTo(rows.reduce((sum, [value]) => sum + value, 0) / rows.length, 6);
      }),
    );
  });
});

describe("profileClusters rejects hostile arguments", () => {
  const data = [[1, 10], [3, 12], [50, 1], [60, 2]];
  const labels = [0, 0, 1, 1];
  const names = ["spend", "recency"];
  it("names itself for missing data, labels, names and options", () => {
    expect(() => profileClusters(undefined as never, labels, names)).toThrow(new TypeError("profileClusters requires an array of rows"));
    expect(() => profileClusters([[1, 10], null] as never, [0, 1], names)).toThrow(new TypeError("profileClusters requires rows to be arrays of numbers: row 1 is null"));
    expect(() => profileClusters(data, undefined as never, names)).toThrow(new TypeError("profileClusters requires labels to be an array of numbers"));
    expect(() => profileClusters(data, labels, null as never)).toThrow(new TypeError("profileClusters requires featureNames to be an array of strings"));
    expect(() => profileClusters(data, labels, names, null as never)).toThrow(new TypeError("profileClusters requires an options object"));
  });
  it("checks descriptors, threshold and maxLabelFeatures", () => {
    expect(() => profileClusters(data, labels, names, { descriptors: null as never })).toThrow(new TypeError("profileClusters requires descriptors to be an object"));
    expect(() => profileClusters(data, labels, names, { descriptors: { spend: null } as never })).toThrow(
      new TypeError("profileClusters requires descriptors to be { high, low } strings: spend is not"),
    );
    expect(() => profileClusters(data, labels, names, { threshold: "x" as never })).toThrow(new TypeError("profileClusters requires threshold to be a number"));
    expect(() => profileClusters(data, labels, names, { threshold: Number.NaN })).toThrow(new RangeError("profileClusters requires a non-negative threshold"));
    expect(() => profileClusters(data, labels, names, { maxLabelFeatures: -1 })).toThrow(new RangeError("profileClusters requires maxLabelFeatures to be a non-negative integer"));
    expect(profileClusters(data, labels, names, { maxLabelFeatures: Number.POSITIVE_INFINITY }).map((profile) => profile.label)).toEqual(
      profileClusters(data, labels, names, { maxLabelFeatures: 2 }).map((profile) => profile.label),
    );
  });
});

describe("profileClusters past the double range (review)", () => {
  it("refuses a spread that overflows, as the clustering functions do, instead of calling every cluster typical", () => {
    expect(() => profileClusters([[1e200], [3e200], [0], [1]], [0, 0, 1, 1], ["a"])).toThrow(
      "profileClusters requires values small enough for finite sums of squared distances (scale the data first)",
    );
  });
});

describe("profileClusters thresholds (mutation review)", () => {
  const data = [[0, 0], [0, 1], [2, 9], [2, 10], [1, 5], [1, 5]];
  it("includes a feature whose |d| equals the threshold", () => {
    const d = Math.abs(profileClusters(data, [0, 0, 1, 1, 2, 2], ["x", "y"])[0]!.features[0]!.standardizedDifference);
    expect(d).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(profileClusters(data, [0, 0, 1, 1, 2, 2], ["x", "y"], { threshold: d }).map((cluster) => cluster.label)).toEqual(["low x", "high x", "typical"]);
  });
  it("calls a feature at the population mean neither high nor low, even at threshold 0", () => {
    const labels = profileClusters([[0, 0], [0, 1], [2, 9], [2, 10], [1, 20], [1, 20]], [0, 0, 1, 1, 2, 2], ["x", "y"], { threshold: 0 }).map((cluster) => cluster.label);
    expect(labels).toEqual(["low x, low y", "high x, low y", "high y"]);
  });
});
