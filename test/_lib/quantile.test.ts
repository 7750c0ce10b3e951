import { describe, expect, it } from "vitest";
import { quantileSorted } from "../../src/_lib/quantile.js";

describe("quantileSorted (type 7)", () => {
  it("matches numpy.quantile (NumPy 1.24.2, default method) to 1e-12", () => {
    // np.quantile([0.5, 2, 2, 7, 11.25], q) for q = 0, 0.1, 0.25, 0.5, 0.9, 1
    const sorted = [0.5, 2, 2, 7, 11.25];
    const expected: ReadonlyArray<readonly [number, number]> = [[0, 0.5], [0.1, 1.1], [0.25, 2], [0.5, 2], [0.9, 9.55], [1, 11.25]];
    for (const [probability, value] of expected) expect(quantileSorted(sorted, probability)).toBeCloseTo(value, 12);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it("returns an order statistic as is next to an infinite value (it gave NaN, review)", () => {
    // NumPy: np.quantile([1, inf], 0) = 1, np.quantile([-inf, 1], 1) = 1, np.quantile([1, inf], 1) = inf
    expect(quantileSorted([1, Number.POSITIVE_INFINITY], 0)).toBe(1);
    expect(quantileSorted([Number.NEGATIVE_INFINITY, 1], 1)).toBe(1);
    expect(quantileSorted([1, Number.POSITIVE_INFINITY], 1)).toBe(Number.POSITIVE_INFINITY);
    expect(quantileSorted([1, 2, Number.POSITIVE_INFINITY], 0.5)).toBe(2);
  });
});
