import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clvBySegment } from "../../src/clv/index.js";

describe("clvBySegment", () => {
  it("summarises per segment with type-7 quantiles and reports requested empty segments as undefined", () => {
    const result = clvBySegment([1, 2, 3, 4, 10, Number.NaN, 7], ["a", "a", "a", "a", "b", "b", null], { segments: ["z", "a"], probabilities: [0.5, 0.9] });
    expect(result.map((s) => s.segment)).toEqual(["z", "a", "b", null]);
    expect(result[0]).toEqual({ segment: "z", defined: false, count: 0, missing: 0, total: 0, mean: null, minimum: null, maximum: null, quantiles: null });
    const a = result[1]!;
    if (!a.defined) throw new Error("a should be defined");
    expect(a).toMatchObject({ count: 4, missing: 0, total: 10, mean: 2.5, minimum: 1, maximum: 4 });
    expect(a.quantiles).toEqual([{ probability: 0.5, value: 2.5 }, { probability: 0.9, value: 3.7 }]);
    expect(result[2]).toMatchObject({ segment: "b", count: 1, missing: 1, total: 10 });
    expect(result[3]).toMatchObject({ segment: null, defined: true, count: 1, missing: 0, total: 7 });
  });

  it("keeps a segment whose every value is NaN, and reports members without a value or a segment (review: [NaN, NaN] in 'a' returned [])", () => {
    expect(clvBySegment([Number.NaN, Number.NaN], ["a", "a"])).toEqual([
      { segment: "a", defined: false, count: 0, missing: 2, total: 0, mean: null, minimum: null, maximum: null, quantiles: null },
    ]);
    const result = clvBySegment([5, Number.NaN, 3, Number.NaN, 8], ["a", "b", null, undefined, "a"], { probabilities: [0.5] });
    expect(result).toEqual([
      { segment: "a", defined: true, count: 2, missing: 0, total: 13, mean: 6.5, minimum: 5, maximum: 8, quantiles: [{ probability: 0.5, value: 6.5 }] },
      { segment: "b", defined: false, count: 0, missing: 1, total: 0, mean: null, minimum: null, maximum: null, quantiles: null },
      { segment: null, defined: true, count: 1, missing: 1, total: 3, mean: 3, minimum: 3, maximum: 3, quantiles: [{ probability: 0.5, value: 3 }] },
    ]);
    // every member is counted once: count + missing over the rows is the number of values
    expect(result.reduce((sum, row) => sum + row.count + row.missing, 0)).toBe(5);
    // no row for customers without a segment when every customer has one
    expect(clvBySegment([1, 2], ["a", "b"]).some((row) => row.segment === null)).toBe(false);
  });

  it("totals add up to the overall total and every member is counted once (property)", () => {
    const value = fc.oneof({ arbitrary: fc.double({ min: 0, max: 1e4, noNaN: true }), weight: 4 }, { arbitrary: fc.constant(Number.NaN), weight: 1 });
    const membership = fc.constantFrom("x", "y", "z", 1, 2, null, undefined);
    fc.assert(
      fc.property(fc.array(fc.tuple(value, membership), { minLength: 1, maxLength: 200 }), (pairs) => {
        const result = clvBySegment(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        const total = result.reduce((sum, s) => sum + s.total, 0);
        const expected = pairs.reduce((sum, p) => sum + (Number.isNaN(p[0]) ? 0 : p[0]), 0);
        expect(Math.abs(total - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
        expect(result.reduce((sum, s) => sum + s.count + s.missing, 0)).toBe(pairs.length);
        expect(result.reduce((sum, s) => sum + s.missing, 0)).toBe(pairs.filter((p) => Number.isNaN(p[0])).length);
      }),
    );
  });

  it("validates its arguments", () => {
    expect(() => clvBySegment([1], [])).toThrow("clvBySegment requires values and memberships of the same length");
    expect(() => clvBySegment([1], ["a"], { probabilities: [1.5] })).toThrow("clvBySegment requires probabilities between zero and one");
    expect(clvBySegment([], [])).toEqual([]);
  });
});

describe("clvBySegment on hostile input", () => {
  const memberships = ["gold", "gold", "gold", "bronze"];

  it("rejects values that are not finite numbers, naming the index (they gave NaN totals marked defined)", () => {
    expect(() => clvBySegment(["x", 20, 30, 5] as never, memberships)).toThrow(new TypeError("clvBySegment requires every value to be a number (index 0)"));
    expect(() => clvBySegment([10, , 30, 5] as never, memberships)).toThrow(new TypeError("clvBySegment requires every value to be a number (index 1)"));
    expect(() => clvBySegment([10, 20, Number.POSITIVE_INFINITY, 5], memberships)).toThrow(new RangeError("clvBySegment requires finite values (index 2)"));
    // NaN stays documented as skipped
    expect(clvBySegment([Number.NaN, 20, 30, 5], memberships)[0]).toMatchObject({ segment: "gold", count: 2, missing: 1, total: 50 });
  });

  it("throws house-style TypeErrors for missing arrays and bad options", () => {
    expect(() => clvBySegment(undefined as never, memberships)).toThrow(new TypeError("clvBySegment requires values and memberships to be arrays"));
    expect(() => clvBySegment([1], ["a"], { segments: 0 as never })).toThrow(new TypeError("clvBySegment requires segments to be an array"));
    // A null label in segments gave a second row labelled null beside the "no segment" row (review).
    expect(() => clvBySegment([1], ["a"], { segments: [null] as never })).toThrow(new TypeError("clvBySegment requires segments to be strings or numbers"));
    expect(() => clvBySegment([1], ["a"], { segments: [undefined] as never })).toThrow(new TypeError("clvBySegment requires segments to be strings or numbers"));
    expect(() => clvBySegment([1], ["a"], { probabilities: {} as never })).toThrow(new TypeError("clvBySegment requires probabilities to be an array"));
    expect(() => clvBySegment([1], ["a"], null as never)).toThrow(new TypeError("clvBySegment requires options to be an object"));
    expect(() => clvBySegment([1], ["a"], { probabilities: ["0.5" as never] })).toThrow(new RangeError("clvBySegment requires probabilities between zero and one"));
    expect(clvBySegment(Float64Array.of(1, 2), ["a", "a"])[0]).toMatchObject({ count: 2, total: 3 });
  });
});
