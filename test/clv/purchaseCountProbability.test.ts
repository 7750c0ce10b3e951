import { describe, expect, it } from "vitest";
import { expectedPopulationPurchases, modelFromParams, purchaseCountProbability } from "../../src/clv/index.js";

describe("purchaseCountProbability, BG/NBD with the rounded published parameters", () => {
  const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });

  it("P(X(39) = 0) = 0.5737864 and P(X(2) = 10) = 1.07869e-07 (BTYD manual)", () => {
    expect(purchaseCountProbability(model, 39, 0)).toBeCloseTo(0.5737864, 7);
    expect(Math.abs(purchaseCountProbability(model, 2, 10) - 1.07869e-7) / 1.07869e-7).toBeLessThan(1e-4);
  });

  it("P(X(30) = 11) = 0.0019995214 and P(X(30) = 20) = 0.0002222260", () => {
    expect(Math.abs(purchaseCountProbability(model, 30, 11) - 0.0019995214) / 0.0019995214).toBeLessThan(1e-6);
    expect(Math.abs(purchaseCountProbability(model, 30, 20) - 0.000222226) / 0.000222226).toBeLessThan(1e-5);
  });

  it("sums to one over counts and its mean equals E[X(t)]", () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const probability = purchaseCountProbability(model, 10, n);
      total += probability;
      mean += n * probability;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(expectedPopulationPurchases(model, 10), 6);
  });

  it("rejects a non-integer count", () => {
    expect(() => purchaseCountProbability(model, 10, 1.5)).toThrow("purchaseCountProbability requires count to be a non-negative integer");
    const pareto = modelFromParams({ kind: "Pareto/NBD", unit: "weeks", params: { r: 1, alpha: 1, s: 1, beta: 1 } });
    expect(() => purchaseCountProbability(pareto as never, 10, 1)).toThrow("purchaseCountProbability requires a BG/NBD or BG/BB model");
  });
});
