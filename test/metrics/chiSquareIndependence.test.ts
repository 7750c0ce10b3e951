import { describe, expect, it } from "vitest";
import { chiSquareIndependence } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("chiSquareIndependence", () => {
  it("matches scipy.stats.chi2_contingency with and without Yates, tails included", () => {
    for (const c of fixtures.chiSquareIndependence) {
      const result = chiSquareIndependence(c.table, { yates: c.yates });
      expectClose(result.statistic, c.statistic, `${c.call} statistic`);
      expectClose(result.pValue, c.pValue, `${c.call} p`, { absolute: 0 });
      expect(result.dof).toBe(c.dof);
    }
  });
  it("Yates is off by default (unlike scipy) and caps the correction at |O - E|", () => {
    expect(chiSquareIndependence([[12, 5], [9, 7]]).yates).toBe(false);
    const balanced = chiSquareIndependence([[10, 10], [10, 10]], { yates: true });
    expect(balanced.statistic).toBe(0);
    expect(balanced.pValue).toBe(1);
  });
  it("returns the expected counts", () => {
    expect(chiSquareIndependence([[10, 30], [30, 10]]).expected).toEqual([[20, 20], [20, 20]]);
  });
  it("an empty row or column is an error", () => {
    const message = "chiSquareIndependence requires every row and column to have a positive total";
    expect(() => chiSquareIndependence([[0, 0], [3, 4]])).toThrow(new RangeError(message));
    expect(() => chiSquareIndependence([[0, 5], [0, 4]])).toThrow(new RangeError(message));
  });
  it("rejects malformed tables and Yates beyond 2 x 2", () => {
    expect(() => chiSquareIndependence([[1, 2]])).toThrow(new RangeError("chiSquareIndependence requires at least two rows and two columns"));
    expect(() => chiSquareIndependence([[1, 2], [3]])).toThrow(new RangeError("chiSquareIndependence requires rows of equal length"));
    expect(() => chiSquareIndependence([[1, -2], [3, 4]])).toThrow(new RangeError("chiSquareIndependence requires non-negative finite counts"));
    expect(() => chiSquareIndependence([[1, 2, 3], [3, 4, 5]], { yates: true })).toThrow(new RangeError("chiSquareIndependence applies the Yates correction only to 2 x 2 tables"));
  });
});
