import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitBgNbd, fitParetoNbd, modelFromParams, probabilityAlive } from "../../src/clv/index.js";
import { cdnowSummaryPlain } from "./cdnow.js";

describe("probabilityAlive", () => {
  const customers = cdnowSummaryPlain();
  const bgNbd = fitBgNbd({ unit: "weeks", customers });
  const pareto = fitParetoNbd({ unit: "weeks", customers });
  if (!bgNbd.converged || !pareto.converged) throw new Error("not converged");

  it("BG/NBD: customer 1 0.7266, customer 6 0.6418; BTYD customer 1516 0.9688523", () => {
    expect(probabilityAlive(bgNbd, customers[0]!)).toBeCloseTo(0.7266, 4);
    expect(probabilityAlive(bgNbd, customers[5]!)).toBeCloseTo(0.6418, 4);
    const btyd = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.2425982, alpha: 4.413684, a: 0.7929899, b: 2.426167 } });
    expect(probabilityAlive(btyd, { frequency: 26, recency: 30.85714, T: 31 })).toBeCloseTo(0.9688523, 5);
  });

  it("Pareto/NBD: customer 1 0.8691; BTYD customer 1516 0.997874", () => {
    expect(probabilityAlive(pareto, customers[0]!)).toBeCloseTo(0.8691, 4);
    const btyd = modelFromParams({ kind: "Pareto/NBD", unit: "weeks", params: { r: 0.5534, alpha: 10.58, s: 0.6061, beta: 11.67 } });
    expect(probabilityAlive(btyd, { frequency: 26, recency: 30.85714, T: 31 })).toBeCloseTo(0.997874, 4);
  });

  it("is a probability, falls as the last purchase recedes, and is 1 at recency = T (BG/NBD)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 1, max: 1000, noNaN: true }), (x, share, T) => {
        for (const model of [bgNbd, pareto]) {
          const recent = probabilityAlive(model, { frequency: x, recency: T, T });
          const older = probabilityAlive(model, { frequency: x, recency: T * share * 0.99, T });
          expect(recent).toBeGreaterThanOrEqual(0);
          expect(recent).toBeLessThanOrEqual(1);
          expect(older).toBeLessThanOrEqual(recent + 1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reads a recency a rounding error above T as T, in predictions and fits (Pareto/NBD gave NaN)", () => {
    const pareto = modelFromParams({ kind: "Pareto/NBD", unit: "weeks", params: { r: 0.5534, alpha: 10.58, s: 0.6061, beta: 11.67 } });
    const bgnbd = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.2425982, alpha: 4.413684, a: 0.7929899, b: 2.426167 } });
    for (const model of [pareto, bgnbd]) {
      const above = probabilityAlive(model, { frequency: 3, recency: 30 * (1 + 1e-13), T: 30 });
      expect(above).toBe(probabilityAlive(model, { frequency: 3, recency: 30, T: 30 }));
    }
    const rows = [
      { frequency: 3, recency: 30 * (1 + 1e-13), T: 30 },
      { frequency: 0, recency: 0, T: 30 },
      { frequency: 1, recency: 10, T: 30 },
      { frequency: 5, recency: 25, T: 40 },
    ];
    const fitted = fitParetoNbd({ customers: rows, unit: "weeks" });
    const exact = fitParetoNbd({ customers: rows.map((row, index) => (index === 0 ? { ...row, recency: 30 } : row)), unit: "weeks" });
    expect(Number.isFinite(fitted.logLikelihood)).toBe(true);
    expect(fitted.logLikelihood).toBe(exact.logLikelihood);
  });

  it("requires recency 0 for a customer without repeat purchases, as the fits do", () => {
    expect(() => probabilityAlive(modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 1, alpha: 1, a: 1.5, b: 1 } }), { frequency: 0, recency: 3, T: 10 })).toThrow(
      "probabilityAlive requires recency to be zero when frequency is zero",
    );
  });
});
