import { describe, expect, it } from "vitest";
import { sampleRatioMismatch } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("sampleRatioMismatch", () => {
  it("matches scipy.stats.chisquare against the planned weights", () => {
    for (const c of fixtures.sampleRatioMismatch) {
      const result = sampleRatioMismatch(c.observed, c.weights);
      expectClose(result.statistic, c.statistic, `${c.call} statistic`);
      expectClose(result.pValue, c.pValue, `${c.call} p`, { absolute: 0 });
      expect(result.dof).toBe(c.observed.length - 1);
      expect(result.mismatch).toBe(result.pValue < 0.001);
    }
  });
  it("flags a 53/47 split of 10 000 units at the default threshold 0.001", () => {
    expect(sampleRatioMismatch([5300, 4700], [1, 1]).mismatch).toBe(true);
    expect(sampleRatioMismatch([5100, 4900], [1, 1]).mismatch).toBe(false);
    expect(sampleRatioMismatch([5100, 4900], [1, 1], { threshold: 0.05 }).mismatch).toBe(true);
  });
  it("is not defined without units", () => {
    expect(sampleRatioMismatch([0, 0], [1, 1])).toMatchObject({ defined: false, mismatch: false });
  });
  it("rejects invalid input", () => {
    expect(() => sampleRatioMismatch([1], [1])).toThrow(new RangeError("sampleRatioMismatch requires at least two arms"));
    expect(() => sampleRatioMismatch([1, 2], [1])).toThrow(new RangeError("sampleRatioMismatch requires one weight per arm"));
    expect(() => sampleRatioMismatch([1, 2], [1, 0])).toThrow(new RangeError("sampleRatioMismatch requires positive finite weights"));
    expect(() => sampleRatioMismatch([1, -2], [1, 1])).toThrow(new RangeError("sampleRatioMismatch requires non-negative finite counts"));
  });
});
