import { describe, expect, it } from "vitest";
import { probabilityToBeat } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("probabilityToBeat", () => {
  it("matches 40-digit mpmath references (closed form and quadrature), with expected loss", () => {
    for (const c of fixtures.probabilityToBeat) {
      const [successesA, trialsA, successesB, trialsB] = c.counts;
      const result = probabilityToBeat({ successesA, trialsA, successesB, trialsB }, { priorAlpha: c.priorAlpha, priorBeta: c.priorBeta });
      expectClose(result.probability, c.probability, `P(B > A) ${c.counts} prior ${c.priorAlpha},${c.priorBeta}`, { absolute: 0 });
      // The loss is a difference μA·P1 − μB·P2 of two O(0.1) terms, each accurate to ~1e-10 relative, so the
      // stated tolerance is 1e-9 relative or 1e-11 absolute (the 3-million-unit case cancels to 3e-4).
      expectClose(result.expectedLossChoosingA, c.expectedLossChoosingA, `loss A ${c.counts}`, { absolute: 1e-11 });
      expectClose(result.expectedLossChoosingB, c.expectedLossChoosingB, `loss B ${c.counts}`, { absolute: 1e-11 });
    }
  });
  it("identical posteriors give exactly 0.5", () => {
    expect(probabilityToBeat({ successesA: 7, trialsA: 70, successesB: 7, trialsB: 70 }).probability).toBe(0.5);
    expect(probabilityToBeat({ successesA: 0, trialsA: 0, successesB: 0, trialsB: 0 }, { priorAlpha: 0.5, priorBeta: 0.5 }).probability).toBe(0.5);
  });
  it("uses the closed form for integer posteriors and quadrature otherwise, and both agree", () => {
    const counts = { successesA: 40, trialsA: 500, successesB: 52, trialsB: 480 };
    const closed = probabilityToBeat(counts);
    const numeric = probabilityToBeat(counts, { priorAlpha: 1 + 1e-12 });
    expect(closed.method).toBe("closed-form");
    expect(numeric.method).toBe("quadrature");
    expect(Math.abs(closed.probability - numeric.probability)).toBeLessThan(1e-9);
  });
  it("closed form and quadrature agree to 1e-12 relative deep in the tail (P down to 1e-30)", () => {
    for (const [successesA, trialsA, successesB, trialsB] of [
      [200, 1000, 100, 1000],
      [300, 1000, 100, 1000],
      [50, 100, 5, 100],
      [3, 10, 0, 10],
    ] as const) {
      const counts = { successesA, trialsA, successesB, trialsB };
      const closed = probabilityToBeat(counts);
      const numeric = probabilityToBeat(counts, { priorAlpha: 1 + 1e-13 });
      expect(numeric.method).toBe("quadrature");
      expect(Math.abs(numeric.probability / closed.probability - 1)).toBeLessThan(1e-12);
    }
  });
  it("handles large counts through quadrature (no normal approximation)", () => {
    const result = probabilityToBeat({ successesA: 150_000, trialsA: 3_000_000, successesB: 151_000, trialsB: 3_000_000 });
    expect(result.method).toBe("quadrature");
    // value checked against the scipy-quad fixture above; here: the path and a sane range
    expect(result.probability).toBeGreaterThan(0.95);
    expect(result.probability).toBeLessThan(0.99);
  });
  it("is symmetric: P(B > A) + P(A > B) = 1", () => {
    const ab = probabilityToBeat({ successesA: 12, trialsA: 90, successesB: 20, trialsB: 110 }).probability;
    const ba = probabilityToBeat({ successesA: 20, trialsA: 110, successesB: 12, trialsB: 90 }).probability;
    expect(ab + ba).toBeCloseTo(1, 12);
  });
  it("rejects a non-positive prior", () => {
    expect(() => probabilityToBeat({ successesA: 1, trialsA: 2, successesB: 1, trialsB: 2 }, { priorAlpha: 0 })).toThrow(new RangeError("probabilityToBeat requires priorAlpha to be positive"));
  });
});

describe("priors", () => {
  it("rejects a negative or zero prior with the documented message", () => {
    const counts = { successesA: 1, trialsA: 10, successesB: 2, trialsB: 10 };
    expect(() => probabilityToBeat(counts, { priorAlpha: -1 })).toThrow("probabilityToBeat requires priorAlpha to be positive");
    expect(() => probabilityToBeat(counts, { priorBeta: 0 })).toThrow("probabilityToBeat requires priorBeta to be positive");
  });
});
