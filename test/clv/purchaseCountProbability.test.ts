import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
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
    const bgBb = modelFromParams({ kind: "BG/BB", params: { alpha: 1, beta: 1, gamma: 1, delta: 1 } });
    expect(() => purchaseCountProbability(bgBb, 2.5, 1)).toThrow("purchaseCountProbability requires an integer number of periods for BG/BB");
  });
});

describe("purchaseCountProbability, MBG/NBD and Pareto/NBD", () => {
  const models = [
    modelFromParams({ kind: "MBG/NBD", unit: "weeks", params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } }),
    modelFromParams({ kind: "Pareto/NBD", unit: "weeks", params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } }),
    // the α < β branch of the Pareto/NBD bracket
    modelFromParams({ kind: "Pareto/NBD", unit: "weeks", params: { r: 1.2, alpha: 3, s: 2.5, beta: 20 } }),
    modelFromParams({ kind: "Pareto/NBD", unit: "weeks", params: { r: 0.553, alpha: 15, s: 0.606, beta: 5 } }),
  ];
  it("each distribution sums to one and its mean is E[X(t)]", () => {
    for (const model of models) {
      for (const t of [1, 10, 39]) {
        let total = 0;
        let mean = 0;
        for (let n = 0; n < 400; n++) {
          const probability = purchaseCountProbability(model, t, n);
          expect(probability).toBeGreaterThanOrEqual(0);
          total += probability;
          mean += n * probability;
        }
        expect(total).toBeCloseTo(1, 8);
        expect(mean).toBeCloseTo(expectedPopulationPurchases(model, t), 6);
      }
    }
  });

  it("MBG/NBD gives more zero-purchase customers than BG/NBD at the same parameters (dropout at time zero)", () => {
    const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
    const bg = modelFromParams({ kind: "BG/NBD", unit: "weeks", params });
    const mbg = modelFromParams({ kind: "MBG/NBD", unit: "weeks", params });
    expect(purchaseCountProbability(mbg, 39, 0)).toBeGreaterThan(purchaseCountProbability(bg, 39, 0));
  });
});

describe("purchaseCountProbability on hostile input", () => {
  const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });

  it("bounds count at one million (count 1e308 passed the integer check and the sum never ended)", () => {
    expect(() => purchaseCountProbability(model, 39, 1e308)).toThrow(new RangeError("purchaseCountProbability requires count to be at most 1000000"));
    expect(() => purchaseCountProbability(model, 39, 1_000_001)).toThrow(RangeError);
    expect(purchaseCountProbability(model, 39, 1_000_000)).toBeGreaterThanOrEqual(0);
  });

  it("refuses a hand-built model with bad parameters (params {} made it loop for ever)", () => {
    expect(() => purchaseCountProbability({ ...model, params: {} } as never, 39, 2)).toThrow(
      new RangeError("purchaseCountProbability requires a model with a positive finite parameter r"),
    );
    expect(() => purchaseCountProbability({ ...model, params: { ...model.params, r: [] } } as never, 39, 2)).toThrow(RangeError);
    expect(() => purchaseCountProbability(model, { value: null, unit: "days" } as never, 2)).toThrow(TypeError);
  });
});

describe("purchaseCountProbability far into the tail (review)", () => {
  it("stays within 1e-9 relative of 120-digit mpmath down to 1e-55, where 1 minus a sum near 1 left rounding noise", () => {
    // test/reference/clv/countTails.py: Fader, Hardie and Lee's forms in mpmath at 120 digits. Before, BG/NBD gave
    // 1.55e-20 for 5.27e-27 and Pareto/NBD 2.95e-19 for 6.27e-55.
    const reference = JSON.parse(readFileSync(new URL("../reference/clv/count-tails.json", import.meta.url), "utf8")) as {
      cases: Array<{ kind: "BG/NBD" | "MBG/NBD" | "Pareto/NBD"; params: Record<string, number>; t: number; n: number; p: number }>;
    };
    expect(reference.cases.length).toBe(84);
    for (const c of reference.cases) {
      const model = modelFromParams({ kind: c.kind, unit: "weeks", params: c.params } as never);
      const actual = purchaseCountProbability(model, c.t, c.n);
      // Known limit, not the tail: Pareto/NBD with alpha / beta = 1e-4 evaluates 2F1 at 0.9999, where log2F1
      // keeps about 6 digits (2e-6 relative at n = 50); every other case is within 1e-12.
      const tolerance = c.kind === "Pareto/NBD" && c.params["beta"] === 10_000 ? 5e-6 : 1e-9;
      expect(Math.abs(actual / c.p - 1), `${c.kind} ${JSON.stringify(c.params)} P(X(${c.t}) = ${c.n}) = ${actual}, mpmath ${c.p}`).toBeLessThan(tolerance);
    }
  });
});
