import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { adjustedRandIndex, kModes, kPrototypes, parseKPrototypesModel, safeParseKPrototypesModel } from "../../src/cluster/index.js";
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
  it("gamma is 1 when every numeric column is constant, as with no numeric column (before: 0, the categories were ignored)", () => {
    const categorical = [["a"], ["b"], ["a"], ["b"], ["a"], ["b"]];
    const constant = kPrototypes([[1], [1], [1], [1], [1], [1]], categorical, { k: 2 });
    expect(constant.gamma).toBe(1);
    expect(constant.model.gamma).toBe(1);
    expect(Array.from(constant.labels)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(constant.categoricalModes).toEqual([["a"], ["b"]]);
    expect(constant.cost).toBe(0);
    // Six 0.1s have a rounded mean of 0.09999999999999999: still constant, still gamma 1.
    const rounded = kPrototypes([[0.1, 3], [0.1, 3], [0.1, 3], [0.1, 3], [0.1, 3], [0.1, 3]], categorical, { k: 2 });
    expect([rounded.gamma, Array.from(rounded.labels)]).toEqual([1, [0, 1, 0, 1, 0, 1]]);
    const huang = kPrototypes([[1], [1], [1], [1], [1], [1]], categorical, { k: 2, initialization: "huang" });
    expect(huang.gamma).toBe(1);
    expect(huang.categoricalCost).toBe(0);
    // One cluster: the three "b" rows mismatch the mode "a" and cost gamma = 1 each.
    const one = kPrototypes([[5, 2], [5, 2], [5, 2], [5, 2], [5, 2], [5, 2]], categorical, { k: 1 });
    expect([one.gamma, one.numericCost, one.categoricalCost, one.cost]).toEqual([1, 0, 3, 3]);
    // An explicit gamma: 0 is still honoured.
    expect(kPrototypes([[1], [1], [1], [1], [1], [1]], categorical, { k: 1, gamma: 0 }).categoricalCost).toBe(0);
  });
  it("validates arguments", () => {
    expect(() => kPrototypes([[1]], [["a"], ["b"]], { k: 1 })).toThrow("kPrototypes requires the same number of numeric and categorical rows");
    expect(() => kPrototypes([[1]], [["a"]], { k: 2 })).toThrow("kPrototypes requires k to be at most the number of rows");
    expect(() => kPrototypes([[1]], [[null as unknown as string]], { k: 1 })).toThrow(TypeError);
    expect(() => kPrototypes([[1]], [["a"]], { k: 1, gamma: -1 })).toThrow("kPrototypes requires a non-negative finite gamma");
    expect(() => kPrototypes([[1]], [["a"]], { k: 1, gamma: Number.POSITIVE_INFINITY })).toThrow("kPrototypes requires a non-negative finite gamma");
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

describe("k-prototypes models as JSON", () => {
  it("round-trip through JSON text and predict the same labels on training and new rows", () => {
    const { numeric, categorical } = mixedData(300, 4);
    const result = kPrototypes(numeric, categorical, { k: 3, initialization: "huang", seed: 3 });
    const json = result.model.toJSON();
    expect(json).toMatchObject({ format: "segmentkit.kPrototypesModel", version: 1, k: 3, numericColumns: 2, categoricalColumns: 2, gamma: result.gamma });
    expect(json.fit).toEqual({ initialization: "huang", seed: 3, cost: result.cost, rows: 300 });
    const restored = parseKPrototypesModel(JSON.parse(JSON.stringify(result.model)));
    expect(Array.from(restored.predict(numeric, categorical))).toEqual(Array.from(result.labels));
    const fresh = mixedData(100, 9);
    expect(Array.from(restored.predict(fresh.numeric, fresh.categorical))).toEqual(Array.from(result.predict(fresh.numeric, fresh.categorical)));
    expect(restored.toJSON()).toEqual(json);
  });

  it("converges with more clusters than distinct rows (review: it looped until maxIterations)", () => {
    const rows = [["a", "x"], ["a", "x"], ["a", "x"], ["b", "y"], ["b", "y"]];
    const result = kModes(rows, { k: 3, seed: 1 });
    expect(result.converged).toBe(true);
    expect(result.cost).toBe(0);
    expect(result.iterations).toBeLessThan(5);
    // Rows of one kind share their clusters' (identical) modes; predict picks the lowest tied index.
    const predicted = Array.from(result.model.predict([], rows));
    expect(predicted.slice(0, 3).every((label) => label === predicted[0])).toBe(true);
    expect(predicted[3]).toBe(predicted[4]);
    expect(predicted[0]).not.toBe(predicted[3]);
  });

  it("round-trips k-modes models (no numeric columns) with boolean categories", () => {
    const rows = [[true, "a"], [true, "a"], [false, "b"], [false, "b"]];
    const result = kModes(rows, { k: 2 });
    const restored = parseKPrototypesModel(JSON.parse(JSON.stringify(result.model)));
    expect(restored.numericColumns).toBe(0);
    expect(restored.categoricalModes).toEqual([[true, "a"], [false, "b"]]);
    expect(Array.from(restored.predict([], rows))).toEqual(Array.from(result.labels));
  });

  it("keeps true and \"true\" apart (review: booleans were turned into text, so the two were one category)", () => {
    const rows = [[true], [true], [true], ["true"], ["true"], ["true"]];
    const result = kModes(rows, { k: 2 });
    expect(result.cost).toBe(0);
    expect(result.categoricalModes).toEqual([[true], ["true"]]);
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(result.model.predict([], [["true"], [true], [false]]))).toEqual([1, 0, 0]);
    const mixed = kPrototypes([[0], [0], [0], [0]], [[1], ["1"], [1], ["1"]], { k: 2 });
    expect(mixed.categoricalModes).toEqual([[1], ["1"]]);
    expect(mixed.categoricalCost).toBe(0);
  });

  it("reports every problem of a hostile document with its path, never a half-built model", () => {
    const bad = safeParseKPrototypesModel({
      format: "segmentkit.kPrototypesModel",
      version: 1,
      k: 2,
      gamma: -1,
      numericColumns: 1,
      categoricalColumns: 1,
      numericCentroids: [[0], [Number.NaN]],
      categoricalModes: [["a"], [{}]],
      fit: "yesterday",
    });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(bad.error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["invalid_gamma", ["gamma"]],
      ["invalid_value", ["numericCentroids", 1, 0]],
      ["invalid_value", ["categoricalModes", 1, 0]],
      ["invalid_fit", ["fit"]],
    ]);
    expect(() => parseKPrototypesModel(JSON.parse('{"__proto__": {"format": "segmentkit.kPrototypesModel"}}'))).toThrow(/parseKPrototypesModel found/);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = safeParseKPrototypesModel(value);
        expect(result.success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("kPrototypes and kModes reject hostile options and arguments", () => {
  const numeric = [[1], [1.2], [8], [8.1]];
  const categorical = [["a"], ["a"], ["b"], ["b"]];
  it("validates maxIterations (before: labels all 0, sizes [0, 0] and a NaN cost)", () => {
    for (const [value, error] of [
      [0, new RangeError("kPrototypes requires maxIterations to be at least one")],
      [-1, new RangeError("kPrototypes requires maxIterations to be at least one")],
      [Number.NaN, new RangeError("kPrototypes requires maxIterations to be at least one")],
      [1.5, new RangeError("kPrototypes requires maxIterations to be an integer")],
      ["x", new TypeError("kPrototypes requires maxIterations to be a number")],
      [{}, new TypeError("kPrototypes requires maxIterations to be a number")],
    ] as const) {
      expect(() => kPrototypes(numeric, categorical, { k: 2, maxIterations: value as never })).toThrow(error);
      expect(() => kModes(categorical, { k: 2, maxIterations: value as never })).toThrow(new (error.constructor as ErrorConstructor)(error.message.replace("kPrototypes", "kModes")));
    }
  });
  it("bounds nInit and checks initialization, seed and gamma", () => {
    expect(() => kModes(categorical, { k: 2, initialization: "huang", nInit: 1e308 })).toThrow(new RangeError("kModes requires nInit to be at most 1000"));
    expect(() => kModes(categorical, { k: 2, initialization: "x" as never })).toThrow(new TypeError('kModes requires initialization to be "cao" or "huang"'));
    expect(() => kModes(categorical, { k: 2, seed: "x" as never })).toThrow(new TypeError("kModes requires seed to be a number"));
    expect(() => kPrototypes(numeric, categorical, { k: 2, gamma: "1" as never })).toThrow(new TypeError("kPrototypes requires gamma to be a number"));
    expect(() => kPrototypes([[1e200], [-1e200]], [["a"], ["b"]], { k: 1 })).toThrow(
      new RangeError("kPrototypes requires values small enough for finite sums of squared distances (scale the data first)"),
    );
  });
  it("names itself for missing data, rows and options", () => {
    expect(() => kModes({} as never, { k: 1 })).toThrow(new TypeError("kModes requires an array of categorical rows"));
    expect(() => kPrototypes(numeric, {} as never, { k: 1 })).toThrow(new TypeError("kPrototypes requires an array of categorical rows"));
    expect(() => kPrototypes(undefined as never, categorical, { k: 1 })).toThrow(new TypeError("kPrototypes requires an array of rows"));
    expect(() => kPrototypes([[1], null] as never, categorical, { k: 1 })).toThrow(new TypeError("kPrototypes requires rows to be arrays of numbers: row 1 is null"));
    expect(() => kModes([null, ["a"]] as never, { k: 1 })).toThrow(new TypeError("kModes requires categorical rows to be arrays: row 0 is null"));
    expect(() => kPrototypes(numeric, categorical, undefined as never)).toThrow(new TypeError("kPrototypes requires an options object"));
    expect(() => kModes(categorical, undefined as never)).toThrow(new TypeError("kModes requires an options object"));
    const { model } = kPrototypes(numeric, categorical, { k: 2 });
    expect(() => model.predict(null as never, [["a"]])).toThrow(new TypeError("predict requires an array of rows"));
    expect(() => model.predict([[1]], null as never)).toThrow(new TypeError("predict requires an array of categorical rows"));
    expect(() => model.predict([[1]], [null] as never)).toThrow(new TypeError("predict requires categorical rows to be arrays: row 0 is null"));
  });
});

describe("k-prototypes predict where every cost overflows (review)", () => {
  it("refuses the row as k-means' predict does, instead of naming cluster 0", () => {
    const fit = kPrototypes([[0], [0.1], [10], [10.1]], [["a"], ["b"], ["a"], ["b"]], { k: 2, seed: 1 });
    expect(() => fit.model.predict([[1e200]], [["a"]])).toThrow("predict requires values small enough for finite sums of squared distances (scale the data first)");
    expect(Array.from(fit.model.predict([[10], [0]], [["a"], ["a"]]))).toEqual(Array.from(fit.model.predict([[10.05], [0.05]], [["b"], ["b"]])));
  });
});

describe("k-modes ties and refills (mutation review)", () => {
  it("a tied mode is the category seen first", () => {
    expect(kModes([["a", "x"], ["b", "x"], ["c", "y"], ["c", "y"]], { k: 2, seed: 1 }).categoricalModes).toEqual([["a", "x"], ["c", "y"]]);
  });
  it("never refills an empty cluster with the only row of another", () => {
    const result = kModes([["a", "y"], ["b", "y"], ["c", "x"], ["b", "y"], ["b", "y"]], { k: 4, initialization: "huang", seed: 35, nInit: 1 });
    expect(result.sizes.every((size) => size >= 1)).toBe(true);
    expect(Array.from(result.labels)).toEqual([1, 2, 3, 0, 0]);
  });
});
