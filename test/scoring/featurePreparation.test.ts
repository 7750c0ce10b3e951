import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitOneHotEncoder, fitScaler, parseOneHotEncoder, parseScaler, prepareFeatures } from "../../src/scoring/index.js";
import { SegmentationError } from "../../src/_lib/errors.js";
import { fixtures } from "../cluster/_fixtures.js";

describe("fitScaler against scikit-learn scalers", () => {
  for (const method of ["standard", "minMax", "robust"] as const) {
    it(method, () => {
      const scaler = fitScaler(fixtures.scalers.data, { method });
      const actual = scaler.transform(fixtures.scalers.data);
      fixtures.scalers[method].forEach((row, rowIndex) =>
        row.forEach((expected, column) => expect(Math.abs(actual[rowIndex]![column]! - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)))),
      );
      const restored = scaler.inverseTransform(actual);
      restored.forEach((row, rowIndex) => row.forEach((value, column) => expect(value).toBeCloseTo(fixtures.scalers.data[rowIndex]![column]!, 9)));
    });
  }
  it("names data that are not rows and missing options (raw TypeErrors before, claims review)", () => {
    expect(() => fitScaler("abc" as never, { method: "standard" })).toThrow(new TypeError("fitScaler requires data to be an array of rows"));
    expect(() => fitScaler([[1]], undefined as never)).toThrow(new TypeError("fitScaler requires options with a method"));
  });
  it("log1p, NaN pass-through, JSON round trip and errors", () => {
    const scaler = fitScaler([[0, 1], [Math.E - 1, Number.NaN], [Math.E ** 2 - 1, 3]], { method: "standard", log1p: true });
    expect(scaler.offset[0]).toBeCloseTo(1, 12);
    expect(scaler.scale[1]).toBeCloseTo((Math.log(4) - Math.log(2)) / 2, 12);
    expect(Number.isNaN(scaler.transform([[0, Number.NaN]])[0]![1]!)).toBe(true);
    const copy = parseScaler(JSON.parse(JSON.stringify(scaler)));
    expect(copy.transform([[5, 2]])).toEqual(scaler.transform([[5, 2]]));
    expect(fitScaler([[3]], { method: "log" }).transform([[3]])[0]![0]).toBeCloseTo(Math.log(4), 14);
    expect(() => fitScaler([[-2]], { method: "log" })).toThrow("fitScaler requires values above -1 for log1p: row 0, column 0");
    expect(() => fitScaler([[1, 2], [1]], { method: "minMax" })).toThrow("fitScaler requires rows of equal length: row 1 differs from row 0");
    try {
      parseScaler({ format: "segmentkit.scaler", version: 2, method: "zscore", log1p: false, offset: [1], scale: [0, 1] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SegmentationError);
      expect((error as SegmentationError).issues.map((issue) => issue.code)).toEqual(["unsupported_version", "invalid_method", "invalid_number", "invalid_length"]);
    }
  });
  it("standard scaling gives mean 0 and population std 1 on non-constant columns", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 2, maxLength: 50 }), (rows) => {
        const scaled = fitScaler(rows, { method: "standard" }).transform(rows);
        for (const column of [0, 1]) {
          const values = scaled.map((row) => row[column]!);
          const mean = values.reduce((a, b) => a + b, 0) / values.length;
          const original = rows.map((row) => row[column]!);
          const spread = Math.max(...original) - Math.min(...original);
          const magnitude = Math.max(1, ...original.map(Math.abs));
          // Below ~1e-6 relative spread the data sit within a few ulps of each other and the
          // standardized values are dominated by rounding (as in any implementation).
          if (spread > 1e-6 * magnitude) {
            expect(Math.abs(mean)).toBeLessThan(1e-6);
            expect(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length).toBeCloseTo(1, 6);
          } else expect(values.every(Number.isFinite)).toBe(true);
        }
      }),
    );
  });
});

describe("fitScaler on constant and non-finite columns (review)", () => {
  it("a constant column keeps scale 1 although its computed variance is not exactly 0, as scikit-learn's StandardScaler", () => {
    // scikit-learn 1.2.1: StandardScaler().fit(np.full((n, 1), v)).scale_ == [1.0] for each of these.
    for (const [value, count] of [[19.99, 100], [3.7, 1000], [99.99, 2000], [1234.56, 1000]] as const) {
      const scaler = fitScaler(Array.from({ length: count }, () => [value]), { method: "standard" });
      expect(scaler.scale, `${value} x ${count}`).toEqual([1]);
      const [[shifted]] = scaler.transform([[value + 0.2]]) as [[number]];
      expect(shifted).toBeCloseTo(0.2, 10);
      const [[same]] = scaler.transform([[value]]) as [[number]];
      expect(Math.abs(same)).toBeLessThan(1e-9); // the mean carries the rounding of its sum; the old scale of 7e-15 blew it up
    }
    // A column with real spread is unaffected.
    expect(fitScaler([[1], [3], [5]], { method: "standard" }).scale[0]).toBeCloseTo(Math.sqrt(8 / 3), 15);
  });

  it("a column far from zero keeps its spread: mean and variance as scikit-learn computes them (claims review: scale was off by 7e-9)", () => {
    // scikit-learn 1.2.1: StandardScaler().fit([[-1e8 + k * 1e-3] for k in range(50)]).scale_[0]
    // = 0.014430869381950859 (exact, by fractions.Fraction: 0.014430869381950857); mean_ -99999999.97549999.
    const scaler = fitScaler(Array.from({ length: 50 }, (_, k) => [-1e8 + k * 1e-3]), { method: "standard" });
    expect(Math.abs((scaler.scale[0] as number) / 0.014430869381950859 - 1)).toBeLessThan(1e-14);
    expect(scaler.offset[0]).toBe(-99999999.97549999);
    // A spread of 1e-15 is not constant for scikit-learn's test: scale_ 8.16e-16 there, not 1.
    const tiny = fitScaler([[0], [2e-15], [1e-15]], { method: "standard" });
    expect(Math.abs((tiny.scale[0] as number) / Math.sqrt(2e-30 / 3) - 1)).toBeLessThan(1e-12);
  });

  it("prepareFeatures refuses unknown missing-value policies instead of leaving undefined or NaN in the matrix", () => {
    const records = [{ spend: 1 }, { spend: undefined }];
    for (const missing of ["ignore", { impute: "avg" }, { impute: Number.NaN }, { impute: Number.POSITIVE_INFINITY }, { spend: "skip" }]) {
      expect(() => prepareFeatures(records, { features: ["spend"], missing: missing as never })).toThrow('prepareFeatures requires the missing policy of spend to be "error", "drop"');
    }
  });

  it("reads { impute: \"drop\" } as the policy of a feature named impute, and refuses a missing option that is no policy (claims review)", () => {
    const records = [{ impute: 1, spend: 5 }, { spend: 7 }, { impute: 3 }];
    const prepared = prepareFeatures(records, { features: ["impute", "spend"], missing: { impute: "drop", spend: { impute: 0 } } });
    expect(prepared.rowIndexes).toEqual([0, 2]);
    expect(prepared.data).toEqual([[1, 5], [3, 0]]);
    expect(prepareFeatures(records, { features: ["impute", "spend"], missing: { impute: "mean" } }).data).toEqual([[1, 5], [2, 7], [3, 6]]);
    for (const missing of [5, ["drop"], { impute: "mean", spend: "drop" }]) {
      expect(() => prepareFeatures(records, { features: ["spend"], missing: missing as never })).toThrow(new TypeError("prepareFeatures requires missing to be a policy or an object of policies by feature"));
    }
    expect(() => prepareFeatures(records, { features: "spend" } as never)).toThrow(new TypeError("prepareFeatures requires options.features to be an array of field paths"));
  });

  it("refuses infinite values (they would turn every offset and scale into NaN)", () => {
    expect(() => fitScaler([[1], [Number.POSITIVE_INFINITY]], { method: "standard" })).toThrow("fitScaler requires finite numbers: row 1, column 0 is Infinity");
    expect(() => fitScaler([[Number.NEGATIVE_INFINITY, 1]], { method: "minMax" })).toThrow(RangeError);
  });
});

describe("prepareFeatures", () => {
  const records = [
    { id: "a", behavior: { totalSpend: 100, orderCount: 2 } },
    { id: "b", behavior: { totalSpend: null, orderCount: 4 } },
    { id: "c", behavior: { orderCount: 5 } },
    { id: "d", behavior: { totalSpend: 300, orderCount: Number.NaN } },
  ];
  it("error policy lists every missing value with its path", () => {
    try {
      prepareFeatures(records, { features: ["behavior.totalSpend", "behavior.orderCount"] });
      expect.unreachable();
    } catch (error) {
      expect((error as SegmentationError).message).toBe("prepareFeatures found 3 issues: behavior.totalSpend is missing at [1].behavior.totalSpend");
      expect((error as SegmentationError).issues.map((issue) => issue.path)).toEqual([
        [1, "behavior", "totalSpend"],
        [2, "behavior", "totalSpend"],
        [3, "behavior", "orderCount"],
      ]);
    }
  });
  it("imputes and drops with a report", () => {
    const result = prepareFeatures(records, {
      features: ["behavior.totalSpend", "behavior.orderCount"],
      missing: { "behavior.totalSpend": { impute: "median" }, "behavior.orderCount": "drop" },
    });
    expect(result.data).toEqual([[100, 2], [200, 4], [200, 5]]);
    expect(result.rowIndexes).toEqual([0, 1, 2]);
    expect(result.report.dropped).toEqual([{ row: 3, missing: ["behavior.orderCount"] }]);
    expect(result.report.imputed).toEqual({ "behavior.totalSpend": { count: 2, value: 200 } });
    const mode = prepareFeatures([{ x: 1 }, { x: 2 }, { x: 2 }, {}], { features: ["x"], missing: { impute: "mode" } });
    expect(mode.data).toEqual([[1], [2], [2], [2]]);
    expect(prepareFeatures([{ x: 1 }, {}], { features: ["x"], missing: { impute: -1 } }).data).toEqual([[1], [-1]]);
  });
  it("rejects non-numbers and inherited properties never count", () => {
    expect(() => prepareFeatures([{ x: "12" }], { features: ["x"], missing: "drop" })).toThrow("prepareFeatures found 1 issue");
    const inherited = Object.create({ x: 5 }) as object;
    expect(prepareFeatures([inherited, { x: 1 }], { features: ["x"], missing: "drop" }).data).toEqual([[1]]);
    expect(() => prepareFeatures([{}], { features: ["x"], missing: { impute: "mean" } })).toThrow("prepareFeatures found 1 issue");
    expect(prepareFeatures([{ t: new Date(5) }], { features: ["t"] }).data).toEqual([[5]]);
  });
});

describe("fitOneHotEncoder", () => {
  it("sorted categories, multi-label arrays, unknown and missing handling", () => {
    const encoder = fitOneHotEncoder(
      [{ c: "sms", tags: ["b", "a"] }, { c: "email", tags: [] }, { c: null, tags: ["c"] }],
      { features: ["c", "tags"], missing: "category" },
    );
    expect(encoder.featureNames).toEqual(["c=email", "c=sms", "c=(missing)", "tags=a", "tags=b", "tags=c"]);
    expect(encoder.transform([{ c: "sms", tags: ["a", "c"] }])).toEqual([[0, 1, 0, 1, 0, 1]]);
    expect(() => encoder.transform([{ c: "push", tags: [] }])).toThrow("oneHotEncoder.transform found 1 issue: ");
    const lenient = fitOneHotEncoder([{ c: "x" }], { features: ["c"], handleUnknown: "ignore" });
    expect(lenient.transform([{ c: "y" }])).toEqual([[0]]);
    expect(() => fitOneHotEncoder([{ c: undefined }], { features: ["c"] })).toThrow("fitOneHotEncoder found 1 issue");
    expect(lenient.toJSON()).toEqual({ format: "segmentkit.oneHotEncoder", version: 1, features: ["c"], categories: { c: ["x"] }, handleUnknown: "ignore", missing: "error" });
  });

  it("refuses at fit what parseOneHotEncoder would refuse, so every encoder can be saved and restored (claims review)", () => {
    const records = [{ c: "a", x: 1 }];
    expect(() => fitOneHotEncoder(records, { features: ["c"], missing: "Category" as never })).toThrow(new TypeError('fitOneHotEncoder requires missing to be "error" or "category"'));
    expect(() => fitOneHotEncoder(records, { features: ["c", "c"] })).toThrow(new RangeError('fitOneHotEncoder requires unique features: "c" repeats'));
    expect(() => fitOneHotEncoder(records, { features: [""] })).toThrow("fitOneHotEncoder requires valid feature paths: a field path must not be empty");
    expect(() => fitOneHotEncoder(records, { features: ["__proto__"], missing: "category" })).toThrow('the forbidden segment "__proto__"');
    // A present "(missing)" would share the column of missing values.
    expect(() => fitOneHotEncoder([{ c: "(missing)" }, { c: null }], { features: ["c"], missing: "category" })).toThrow('c holds "(missing)", which names missing values when missing is "category"');
    const encoder = fitOneHotEncoder([{ c: "a" }, { c: null }], { features: ["c"], missing: "category" });
    expect(parseOneHotEncoder(JSON.parse(JSON.stringify(encoder))).transform([{ c: null }, { c: "a" }])).toEqual([[0, 1], [1, 0]]);
  });
});

describe("prepareFeatures on records that need no imputation (review: degenerate data)", () => {
  it("imputes by a statistic only when some kept value is missing ([] with impute mean threw no_values)", () => {
    for (const impute of ["mean", "median", "mode"] as const) {
      expect(prepareFeatures([], { features: ["x"], missing: { impute } })).toEqual({
        data: [],
        featureNames: ["x"],
        rowIndexes: [],
        report: { inputRows: 0, keptRows: 0, dropped: [], imputed: {} },
      });
    }
    // every row missing x is dropped for y, so nothing needs filling
    expect(prepareFeatures([{ x: null }, { z: 2 }], { features: ["x", "y"], missing: { x: { impute: "mean" }, y: "drop" } })).toEqual({
      data: [],
      featureNames: ["x", "y"],
      rowIndexes: [],
      report: { inputRows: 2, keptRows: 0, dropped: [{ row: 0, missing: ["y"] }, { row: 1, missing: ["y"] }], imputed: {} },
    });
    // a kept row with nothing to fill it from is still an error
    try {
      prepareFeatures([{ x: null, y: 1 }], { features: ["x", "y"], missing: { x: { impute: "median" }, y: "drop" } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SegmentationError);
      expect((error as SegmentationError).issues).toEqual([{ code: "no_values", path: ["x"], message: "x has no values to impute from" }]);
    }
  });
});

describe("fitScaler on a column without numbers (review: offset 0 and scale 1 let later values through unscaled)", () => {
  it("throws for a standard, min-max or robust column that is all NaN", () => {
    for (const method of ["standard", "minMax", "robust"] as const) {
      expect(() => fitScaler([[1, Number.NaN], [2, Number.NaN]], { method })).toThrow(new RangeError("fitScaler requires at least one number in every column: column 1 is all NaN"));
      expect(() => fitScaler([[Number.NaN]], { method, log1p: true })).toThrow(new RangeError("fitScaler requires at least one number in every column: column 0 is all NaN"));
    }
  });

  it("keeps the parameter-free log method, and no rows at all, working", () => {
    const log = fitScaler([[Number.NaN, 1]], { method: "log" });
    expect(log.toJSON()).toEqual({ format: "segmentkit.scaler", version: 1, method: "log", log1p: true, offset: [0, 0], scale: [1, 1] });
    expect(log.transform([[Math.E - 1, 0]])[0]![0]).toBeCloseTo(1, 15);
    expect(fitScaler([], { method: "standard" }).toJSON()).toEqual({ format: "segmentkit.scaler", version: 1, method: "standard", log1p: false, offset: [], scale: [] });
  });
});

describe("fitScaler method", () => {
  it("rejects an unknown method up front, even for columns without numbers", () => {
    expect(() => fitScaler([[Number.NaN]], { method: "zscore" as never })).toThrow(new TypeError('fitScaler requires method "standard", "minMax", "robust" or "log"'));
  });
});

describe("parseOneHotEncoder (review: the encoder had toJSON but no parser)", () => {
  const records = [{ channel: "email", interests: ["golf", "wine"] }, { channel: "sms", interests: [] }, { interests: ["golf"] }];
  const encoder = fitOneHotEncoder(records, { features: ["channel", "interests"], missing: "category", handleUnknown: "ignore" });

  it("restores an encoder that encodes exactly as the saved one", () => {
    const restored = parseOneHotEncoder(JSON.parse(JSON.stringify(encoder)));
    expect(restored.featureNames).toEqual(encoder.featureNames);
    expect(restored.categories).toEqual(encoder.categories);
    const probe = [...records, { channel: "post", interests: ["chess"] }];
    expect(restored.transform(probe)).toEqual(encoder.transform(probe));
    expect(restored.toJSON()).toEqual(encoder.toJSON());
  });

  it("reports every problem of a hostile document with its path, never a half-built encoder", () => {
    const codes = (json: unknown): string[] => {
      try {
        parseOneHotEncoder(json);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(SegmentationError);
        return (error as SegmentationError).issues.map((issue) => `${issue.code}@${issue.path.join(".")}`);
      }
    };
    expect(codes(null)).toEqual(["invalid_type@"]);
    expect(codes({ ...encoder.toJSON(), format: "other", version: 2 })).toEqual(["invalid_format@format", "unsupported_version@version"]);
    expect(codes({ ...encoder.toJSON(), features: ["a.__proto__", "channel", "channel", ""] })).toEqual([
      "invalid_feature@features.0",
      "invalid_feature@features.2",
      "invalid_feature@features.3",
    ]);
    expect(codes({ ...encoder.toJSON(), categories: { channel: ["a", "a"], interests: [1] } })).toEqual(["invalid_categories@categories.channel", "invalid_categories@categories.interests"]);
    expect(codes({ ...encoder.toJSON(), categories: Object.create({ channel: ["email"], interests: ["golf"] }) })).toEqual([
      "invalid_categories@categories.channel",
      "invalid_categories@categories.interests",
    ]);
    expect(codes({ ...encoder.toJSON(), handleUnknown: "warn", missing: "drop" })).toEqual(["invalid_policy@handleUnknown", "invalid_policy@missing"]);
  });
});

describe("feature preparation on untrusted arrays and saved documents (review)", () => {
  it("reads a hole of a sparse array as a missing record, never a row skipped", () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [{ a: 1 }, , { a: 3 }] as Array<{ a: number }>;
    expect(() => prepareFeatures(sparse, { features: ["a"] })).toThrow(expect.objectContaining({ issues: [{ code: "missing_value", path: [1, "a"], message: "a is missing" }] }));
    const dropped = prepareFeatures(sparse, { features: ["a"], missing: "drop" });
    expect([dropped.report.inputRows, dropped.report.keptRows, dropped.rowIndexes]).toEqual([3, 2, [0, 2]]);
    const filled = prepareFeatures(sparse, { features: ["a"], missing: { impute: 0 } });
    expect(filled.data).toEqual([[1], [0], [3]]);
    expect(() => fitOneHotEncoder([{ c: "x" }, , { c: "y" }] as unknown[], { features: ["c"] })).toThrow(SegmentationError);
    const encoder = fitOneHotEncoder([{ c: "x" }, { c: "y" }], { features: ["c"], missing: "category", handleUnknown: "ignore" });
    const encoded = encoder.transform([{ c: "x" }, , { c: "y" }] as unknown[]);
    expect(encoded).toEqual([[1, 0], [0, 0], [0, 1]]);
    expect(Object.hasOwn(encoded, 1)).toBe(true);
    expect(() => fitScaler([[1], , [3]] as number[][], { method: "minMax" })).toThrow("fitScaler requires rows of equal length: row 1 differs from row 0");
    const scaler = fitScaler([[1], [3]], { method: "minMax" });
    expect(() => scaler.transform([[1], , [3]] as number[][])).toThrow("transform requires rows of 1 values: row 1 differs");
  });

  it("checks what a fitted scaler transforms as fitScaler checks what it fits: null is not 0", () => {
    const scaler = fitScaler([[1], [2]], { method: "minMax" });
    expect(scaler.transform([[1.5], [Number.NaN]])).toEqual([[0.5], [Number.NaN]]);
    expect(() => scaler.transform([[null as unknown as number]])).toThrow("transform requires numbers: row 0, column 0 is null");
    expect(() => scaler.transform([["1.5" as unknown as number]])).toThrow(TypeError);
    expect(() => scaler.transform([[Number.POSITIVE_INFINITY]])).toThrow("transform requires finite numbers: row 0, column 0 is Infinity");
    expect(() => scaler.inverseTransform([[null as unknown as number]])).toThrow("inverseTransform requires numbers: row 0, column 0 is null");
    const logged = fitScaler([[0], [9]], { method: "standard", log1p: true });
    expect(() => logged.transform([[-1]])).toThrow("transform requires values above -1 for log1p: row 0, column 0");
    expect(() => logged.transform([[-2]])).toThrow(RangeError);
    expect(() => scaler.transform("rows" as never)).toThrow("transform requires an array of rows");
  });

  it("refuses a fit whose spread overflows, so every fitted scaler survives its JSON round trip", () => {
    for (const method of ["standard", "minMax", "robust"] as const) {
      expect(() => fitScaler([[-1e308], [1e308]], { method })).toThrow("fitScaler requires values whose spread is a finite number: column 0 overflows");
    }
    const fitted = fitScaler([[-1e307], [1e307]], { method: "minMax" });
    expect(parseScaler(JSON.parse(JSON.stringify(fitted))).transform([[0]])).toEqual([[0.5]]);
  });

  it("parseScaler accepts only what fitScaler writes: positive scales, and the log method as log1p alone", () => {
    const base = { format: "segmentkit.scaler", version: 1, method: "minMax", log1p: false, offset: [0], scale: [2] };
    expect(parseScaler(base).transform([[1]])).toEqual([[0.5]]);
    expect(() => parseScaler({ ...base, scale: [-2] })).toThrow("scale values must be finite and positive");
    expect(() => parseScaler({ ...base, scale: [-1e-320] })).toThrow(SegmentationError);
    expect(() => parseScaler({ ...base, method: "log", log1p: false, offset: [5], scale: [-2] })).toThrow(SegmentationError);
    expect(() => parseScaler({ ...base, method: "log", log1p: true, offset: [0], scale: [2] })).toThrow('the method "log" takes log1p true, offsets 0 and scales 1');
    const log = fitScaler([[1]], { method: "log" });
    expect(parseScaler(JSON.parse(JSON.stringify(log))).transform([[Math.E - 1]])).toEqual([[1]]);
  });

  it("refuses one-hot column names that two columns would share", () => {
    expect(() => fitOneHotEncoder([{ a: "b=c", "a=b": "c" }], { features: ["a", "a=b"] })).toThrow('fitOneHotEncoder requires distinct column names: "a=b=c" would name two columns');
    const saved = { ...fitOneHotEncoder([{ a: "x", "a=b": "c" }], { features: ["a", "a=b"] }).toJSON() };
    expect(() => parseOneHotEncoder({ ...saved, categories: { a: ["b=c"], "a=b": ["c"] } })).toThrow('the column name "a=b=c" would name two columns');
  });

  it("imputes a finite mean where the plain sum overflows", () => {
    const result = prepareFeatures([{ a: 1e308 }, { a: 1e308 }, { a: null }], { features: ["a"], missing: { impute: "mean" } });
    expect(result.data).toEqual([[1e308], [1e308], [1e308]]);
  });
});

describe("fitScaler near-zero ranges (mutation review)", () => {
  it("treats a range below 10 machine epsilons as constant (scale 1), as scikit-learn's _handle_zeros_in_scale does", () => {
    const scaler = fitScaler([[0], [1e-16]], { method: "minMax" });
    expect(scaler.toJSON().scale).toEqual([1]);
    expect(scaler.transform([[1e-16]])).toEqual([[1e-16]]);
  });
});
