import { describe, expect, it } from "vitest";
import { integrate } from "../../../src/metrics/_lib/quadrature.js";

describe("adaptive Gauss-Kronrod quadrature", () => {
  it("integrates smooth functions to machine precision", () => {
    expect(integrate(Math.sin, [0, Math.PI])).toBeCloseTo(2, 14);
    expect(integrate((x) => Math.exp(-x * x), [-10, 0, 10]) / Math.sqrt(Math.PI)).toBeCloseTo(1, 13);
  });
  it("handles an integrable endpoint singularity and sharp peaks through breakpoints", () => {
    expect(integrate((x) => 1 / Math.sqrt(x), [0, 1])).toBeCloseTo(2, 8);
    const peak = (x: number) => Math.exp(-((x - 0.3) ** 2) / (2 * 1e-8)) / Math.sqrt(2 * Math.PI * 1e-8);
    expect(integrate(peak, [0, 0.3 - 1e-3, 0.3, 0.3 + 1e-3, 1])).toBeCloseTo(1, 12);
  });
  it("keeps relative accuracy for tiny integrals", () => {
    const tiny = integrate((x) => 1e-200 * x, [0, 1]);
    expect(tiny / 5e-201).toBeCloseTo(1, 12);
    expect(integrate(() => 0, [0, 1])).toBe(0);
  });
});
