/** `src/_lib/compensatedSum.ts` (shared by schema, metrics, scoring and clv); tested here with the schema module that needed the fix. */
import { describe, expect, it } from "vitest";
import { CompensatedSum, compensatedSum } from "../../src/_lib/compensatedSum.js";

describe("compensatedSum", () => {
  it("keeps the cents that naive summation loses", () => {
    expect(compensatedSum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1);
  });

  it("gives ±Infinity, not NaN, when finite values overflow", () => {
    expect(compensatedSum([1e308, 1e308])).toBe(Number.POSITIVE_INFINITY);
    expect(compensatedSum([-1e308, -1e308, 5])).toBe(Number.NEGATIVE_INFINITY);
    expect(compensatedSum([1e308, 1e308, -1e308])).toBe(Number.POSITIVE_INFINITY);
    const sum = new CompensatedSum();
    sum.add(Number.MAX_VALUE);
    sum.add(Number.MAX_VALUE);
    sum.add(1);
    expect(sum.value).toBe(Number.POSITIVE_INFINITY);
  });

  it("follows IEEE arithmetic for infinite and NaN inputs", () => {
    expect(compensatedSum([1, Number.POSITIVE_INFINITY, 2])).toBe(Number.POSITIVE_INFINITY);
    expect(compensatedSum([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBeNaN();
    expect(compensatedSum([1, Number.NaN])).toBeNaN();
    expect(compensatedSum([])).toBe(0);
  });
});
