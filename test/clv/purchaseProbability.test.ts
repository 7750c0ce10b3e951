import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedPurchases, fitBgNbd, fitMbgNbd, fitParetoNbd, probabilityAlive, purchaseCountProbability, purchaseProbability } from "../../src/clv/index.js";
import type { PurchaseModel } from "../../src/clv/index.js";
import { continuousModel, opportunityModel } from "./_models.js";
import { relative } from "./_reference.js";
import { cdnowSummaryPlain } from "./cdnow.js";

/** test/reference/clv/purchaseProbability.py: mpmath integrations of the joint likelihoods. */
const reference = JSON.parse(readFileSync(new URL("../reference/clv/purchase-probability.json", import.meta.url), "utf8")) as {
  continuous: Array<{ kind: "BG/NBD" | "MBG/NBD" | "Pareto/NBD"; params: number[]; x: number; tx: number; T: number; t: number; value: number }>;
  bgBb: Array<{ params: number[]; x: number; tx: number; n: number; m: number; value: number }>;
};


describe("purchaseProbability", () => {
  it("BG/NBD, MBG/NBD and Pareto/NBD equal mpmath's integration of the joint likelihood to 1e-12 (180 rows, horizons 1e-6 to 1e6 weeks)", () => {
    expect(reference.continuous.length).toBe(180);
    for (const row of reference.continuous) {
      const value = purchaseProbability(continuousModel(row.kind, row.params), { frequency: row.x, recency: row.tx, T: row.T }, row.t);
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-12);
    }
  });

  it("BG/BB equals mpmath's sum over the first transaction's opportunity to 1e-12 (50 rows, 1 to 1,000 periods)", () => {
    for (const row of reference.bgBb) {
      const value = purchaseProbability(opportunityModel(row.params), { frequency: row.x, recency: row.tx, periods: row.n }, row.m);
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-12);
    }
  });

  it("laws: at most P(alive) and at most E[purchases]; rises with the horizon; tends to E[purchases] over short horizons", () => {
    const customers = cdnowSummaryPlain();
    const models = [fitBgNbd({ unit: "weeks", customers }), fitMbgNbd({ unit: "weeks", customers }), fitParetoNbd({ unit: "weeks", customers })];
    for (const model of models) if (!model.converged) throw new Error("not converged");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: customers.length - 1 }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (index, t) => {
        const customer = customers[index]!;
        for (const model of models as PurchaseModel[]) {
          const probability = purchaseProbability(model, customer, t);
          expect(probability).toBeGreaterThan(0);
          expect(probability).toBeLessThanOrEqual(probabilityAlive(model, customer) * (1 + 1e-12));
          expect(probability).toBeLessThanOrEqual(expectedPurchases(model, customer, t) * (1 + 1e-12));
          expect(purchaseProbability(model, customer, 2 * t)).toBeGreaterThan(probability);
          // one purchase at most in a very short horizon: P(≥ 1) ≈ E[X]
          expect(relative(purchaseProbability(model, customer, 1e-7), expectedPurchases(model, customer, 1e-7))).toBeLessThan(1e-5);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("BG/BB: over one opportunity it is E[transactions] exactly (at most one per opportunity), and a new customer's is 1 − P(X(m) = 0)", () => {
    fc.assert(
      fc.property(fc.tuple(...Array.from({ length: 4 }, () => fc.double({ min: 0.1, max: 10, noNaN: true }))), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 40 }), (params, periods, m) => {
        const model = opportunityModel(params);
        const customer = { frequency: Math.floor(periods / 3), recency: Math.floor(periods / 2), periods };
        expect(relative(purchaseProbability(model, customer, 1), expectedPurchases(model, customer, 1))).toBeLessThan(1e-12);
        const fresh = purchaseProbability(model, { frequency: 0, recency: 0, periods: 0 }, m);
        expect(Math.abs(fresh - (1 - purchaseCountProbability(model, m, 0)))).toBeLessThan(1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it("review: finite, quick and saturated at horizons up to Number.MAX_VALUE and with α = 1e-300 at T = 0 (it looped without end); never above 1", () => {
    const pareto = continuousModel("Pareto/NBD", [0.5534, 10.5802, 0.6061, 11.6562]);
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    const limit = purchaseProbability(pareto, customer, 1e10);
    for (const t of [1e100, 1e303, Number.MAX_VALUE]) expect(relative(purchaseProbability(pareto, customer, t), limit)).toBeLessThan(1e-13);
    const tinyAlpha = continuousModel("Pareto/NBD", [0.5534, 1e-300, 0.6061, 11.6562]);
    for (const t of [1e5, 1e15]) expect(purchaseProbability(tinyAlpha, { frequency: 0, recency: 0, T: 0 }, t)).toBeLessThanOrEqual(1);
    expect(purchaseProbability(continuousModel("Pareto/NBD", [0.5534, 10.5802, 1e-8, 1]), { frequency: 2, recency: 1e-10, T: 1e-10 }, 1000)).toBeLessThanOrEqual(1);
    expect(purchaseProbability(opportunityModel([1000, 1e-8, 1e-8, 1e8]), { frequency: 10_000, recency: 10_000, periods: 10_000 }, 2)).toBeLessThanOrEqual(1);
    // BG/NBD and MBG/NBD at t = 1e18, where z = t/(α+T+t) rounds to 1: E[Y] was −14.8 (NaN before that); mpmath 31227.04
    const bg = continuousModel("BG/NBD", [0.242593, 4.413532, 0.792886, 2.425752]);
    expect(relative(expectedPurchases(bg, customer, 1e18), 31227.04)).toBeLessThan(1e-6);
    expect(purchaseProbability(bg, customer, 1e18)).toBeLessThanOrEqual(expectedPurchases(bg, customer, 1e18));
  });

  it("is 0 over no time, converts { amount, unit }, and refuses what expectedPurchases refuses plus BG/BB horizons above 10,000", () => {
    const model = continuousModel("BG/NBD", [0.242593, 4.413532, 0.792886, 2.425752]);
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(purchaseProbability(model, customer, 0)).toBe(0);
    expect(purchaseProbability(continuousModel("Pareto/NBD", [0.5534, 10.5802, 0.6061, 11.6562]), customer, 0)).toBe(0);
    expect(relative(purchaseProbability(model, customer, { amount: 30, unit: "days" }), purchaseProbability(model, customer, 30 / 7))).toBeLessThan(1e-15);
    expect(() => purchaseProbability(model, customer, -1)).toThrow(/purchaseProbability requires a non-negative horizon/);
    expect(() => purchaseProbability(model, { frequency: 2, recency: 40, T: 38.86 }, 1)).toThrow(/purchaseProbability requires recency between zero and T/);
    const donors = opportunityModel([1.204, 0.75, 0.657, 2.783]);
    expect(() => purchaseProbability(donors, { frequency: 1, recency: 1, periods: 6 }, 10_001)).toThrow(/purchaseProbability requires at most 10000 periods for BG\/BB/);
    expect(() => purchaseProbability(donors, { frequency: 1, recency: 1, periods: 6 }, 1.5)).toThrow(/requires an integer number of periods for BG\/BB/);
    expect(() => purchaseProbability(donors, { frequency: 1, recency: 1, periods: 6 }, { amount: 3, unit: "weeks" })).toThrow(/requires a horizon in periods for a discrete-opportunity model/);
    expect(() => purchaseProbability({ kind: "Gamma-Gamma" } as never, customer, 1)).toThrow(/requires a fitted BG\/NBD, MBG\/NBD, Pareto\/NBD or BG\/BB model/);
  });
});
