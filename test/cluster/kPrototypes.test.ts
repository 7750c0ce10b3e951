import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { adjustedRandIndex, kModes, kPrototypes } from "../../src/cluster/index.js";
import { mulberry32, normalGenerator } from "../../src/_lib/random.js";

function mixedData(rows: number, seed: number) {
  const random = mulberry32(seed);
  const normal = normalGenerator(random);
  const numeric: number[][] = [];
  const categorical: string[][] = [];
  const truth: number[] = [];
  const channels = [["email", "email", "email", "sms"], ["push", "push", "push", "email"], ["sms", "sms", "sms", "push"]];
  const plans = [["free", "free", "pro"], ["pro", "pro", "team"], ["team", "team", "free"]];
  for (let row = 0; row < rows; row++) {
    const group = row % 3;
    truth.push(group);
    numeric.push([group * 4 + normal(), (group === 1 ? 3 : 0) + normal()]);
    categorical.push([channels[group]![Math.floor(random() * 4)]!, plans[group]![Math.floor(random() * 3)]!]);
  }
  return { numeric, categorical, truth };
}

describe("kPrototypes", () => {
  it("recovers mixed-type groups with Cao and Huang initialisation", () => {
    const { numeric, categorical, truth } = mixedData(300, 4);
    const cao = kPrototypes(numeric, categorical, { k: 3 });
    expect(adjustedRandIndex(truth, cao.labels)).toBeGreaterThan(0.9);
    expect(cao.converged).toBe(true);
    expect(cao.cost).toBeCloseTo(cao.numericCost + cao.categoricalCost, 9);
    expect(cao.sizes.reduce((a, b) => a + b, 0)).toBe(300);
    const huang = kPrototypes(numeric, categorical, { k: 3, initialization: "huang", seed: 2 });
    expect(adjustedRandIndex(truth, huang.labels)).toBeGreaterThan(0.9);
    expect(Array.from(cao.predict(numeric, categorical))).toEqual(Array.from(cao.labels));
  });
  it("gamma defaults to half the mean numeric std and weighs the categorical part", () => {
    const numeric = [[0, 0], [2, 4], [4, 8]];
    const result = kPrototypes(numeric, [["a"], ["a"], ["b"]], { k: 1 });
    // stds: sqrt(8/3) and sqrt(32/3)
    expect(result.gamma).toBeCloseTo(0.5 * ((Math.sqrt(8 / 3) + Math.sqrt(32 / 3)) / 2), 12);
    expect(result.categoricalCost).toBeCloseTo(result.gamma, 12);
    expect(result.numericCentroids).toEqual([[2, 4]]);
    expect(result.categoricalModes).toEqual([["a"]]);
  });
  it("validates arguments", () => {
    expect(() => kPrototypes([[1]], [["a"], ["b"]], { k: 1 })).toThrow("kPrototypes requires the same number of numeric and categorical rows");
    expect(() => kPrototypes([[1]], [["a"]], { k: 2 })).toThrow("kPrototypes requires k to be at most the number of rows");
    expect(() => kPrototypes([[1]], [[null as unknown as string]], { k: 1 })).toThrow(TypeError);
    expect(() => kPrototypes([[1]], [["a"]], { k: 1, gamma: -1 })).toThrow("kPrototypes requires a non-negative gamma");
  });
  it("properties: deterministic, no empty clusters, cost equals the recomputed cost", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }).map((value) => (Math.abs(value) < 1e-150 ? 0 : value)), fc.constantFrom("a", "b", "c"), fc.constantFrom("x", "y")), { minLength: 6, maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        (rows, k) => {
          const numeric = rows.map(([value]) => [value]);
          const categorical = rows.map(([, a, b]) => [a, b]);
          const first = kPrototypes(numeric, categorical, { k, gamma: 1.5 });
          const second = kPrototypes(numeric, categorical, { k, gamma: 1.5 });
          expect(Array.from(second.labels)).toEqual(Array.from(first.labels));
          let cost = 0;
          first.labels.forEach((label, row) => {
            cost += (numeric[row]![0]! - first.numericCentroids[label]![0]!) ** 2;
            categorical[row]!.forEach((value, column) => {
              if (value !== first.categoricalModes[label]![column]) cost += 1.5;
            });
          });
          expect(first.cost).toBeCloseTo(cost, 9);
          const distinct = new Set(rows.map((row) => row.join("|"))).size;
          if (distinct >= k) expect(first.sizes.every((size) => size > 0)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("kModes", () => {
  it("clusters categorical rows by modes", () => {
    const result = kModes([["a", "x"], ["a", "x"], ["a", "y"], ["b", "z"], ["b", "z"], ["b", "z"], ["a", "x"]], { k: 2 });
    expect(result.categoricalModes).toEqual([["a", "x"], ["b", "z"]]);
    expect(result.cost).toBe(1);
    expect(Array.from(result.predict([], [["b", "x"], ["a", "z"]]))).toEqual([0, 0]);
    expect(() => kModes([["a"]], { k: 0 })).toThrow("kModes requires k to be at least one");
  });
});
