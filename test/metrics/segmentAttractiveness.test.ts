import { describe, expect, it } from "vitest";
import { segmentAttractiveness } from "../../src/metrics/index.js";

const criteria = [
  { name: "size", weight: 0.4, direction: "higher-is-better" },
  { name: "competition", weight: 0.6, direction: "lower-is-better" },
] as const;

describe("segmentAttractiveness", () => {
  it("scores a weighted sum of min-max normalised criteria, inverting lower-is-better", () => {
    const result = segmentAttractiveness(
      [
        { segment: "a", values: { size: 100, competition: 0.9 } },
        { segment: "b", values: { size: 300, competition: 0.1 } },
        { segment: "c", values: { size: 200, competition: 0.5 } },
      ],
      criteria,
    );
    expect(result.rows.map((row) => row.score)).toEqual([0, 1, 0.4 * 0.5 + 0.6 * 0.5]);
    expect(result.rows.map((row) => row.rank)).toEqual([3, 1, 2]);
    expect(result.rows[2]?.normalized).toEqual({ size: 0.5, competition: 0.5 });
  });
  it("a criterion equal across segments scores 0.5 (no 0/0)", () => {
    const result = segmentAttractiveness(
      [
        { segment: "a", values: { size: 10, competition: 0.2 } },
        { segment: "b", values: { size: 10, competition: 0.4 } },
      ],
      criteria,
    );
    expect(result.rows[0]?.normalized["size"]).toBe(0.5);
    expect(result.rows[0]?.score).toBeCloseTo(0.4 * 0.5 + 0.6, 15);
  });
  it("values a full double range apart still scale into [0, 1] (±1e308 gave NaN and every rank 1, claims review)", () => {
    const criteria = [{ name: "size", weight: 1, direction: "higher-is-better" }] as const;
    const result = segmentAttractiveness([{ segment: "a", values: { size: -1e308 } }, { segment: "b", values: { size: 0 } }, { segment: "c", values: { size: 1e308 } }], criteria);
    expect(result.rows.map((row) => [row.score, row.rank])).toEqual([[0, 3], [0.5, 2], [1, 1]]);
    // Halving would lose the last bit of the smallest normal numbers (diff review): they scale directly.
    const tiny = segmentAttractiveness([{ segment: "a", values: { size: 2 ** -1022 } }, { segment: "b", values: { size: 2 ** -1022 + 2 ** -1074 } }], criteria);
    expect(tiny.rows.map((row) => row.score)).toEqual([0, 1]);
  });
  it("fewer than two segments is undefined", () => {
    expect(segmentAttractiveness([{ segment: "a", values: { size: 1, competition: 1 } }], criteria)).toMatchObject({ defined: false, rows: [] });
  });
  it("rejects weights that do not sum to 1 and missing values", () => {
    expect(() => segmentAttractiveness([], [{ name: "size", weight: 0.5, direction: "higher-is-better" }])).toThrow(new RangeError("segmentAttractiveness requires weights that sum to one"));
    expect(() => segmentAttractiveness([{ segment: "a", values: { size: 1 } }], criteria)).toThrow(new RangeError("segmentAttractiveness requires a finite value for every criterion"));
    expect(() => segmentAttractiveness([{ segment: "a", values: Object.create({ size: 1, competition: 1 }) }], criteria)).toThrow(RangeError);
  });
});

describe("segmentAttractiveness with a criterion named __proto__ (review)", () => {
  it("keeps it as an own normalized value instead of setting the prototype", () => {
    const segments = JSON.parse('[{"segment":"a","values":{"__proto__":1,"size":10}},{"segment":"b","values":{"__proto__":3,"size":20}}]');
    const result = segmentAttractiveness(segments, [
      { name: "__proto__", weight: 0.5, direction: "higher-is-better" },
      { name: "size", weight: 0.5, direction: "higher-is-better" },
    ]);
    expect(Object.getPrototypeOf(result.rows[0]!.normalized)).toBe(Object.prototype);
    expect(Object.hasOwn(result.rows[1]!.normalized, "__proto__")).toBe(true);
    expect(result.rows[1]!.normalized["__proto__"]).toBe(1);
    expect(result.rows.map((row) => row.score)).toEqual([0, 1]);
  });
});
