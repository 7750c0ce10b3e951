import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conditionalPurchaseCountProbability, expectedPurchases, fitBgNbd, fitMbgNbd, fitParetoNbd, purchaseCountProbability, purchaseProbability } from "../../src/clv/index.js";
import type { PurchaseModel } from "../../src/clv/index.js";
import { continuousModel, opportunityModel } from "./_models.js";
import { relative } from "./_reference.js";
import { cdnowSummaryPlain } from "./cdnow.js";

/** test/reference/clv/conditionalCount.py: mpmath integrations of the individual-level models over the priors. */
const reference = JSON.parse(readFileSync(new URL("../reference/clv/conditional-count.json", import.meta.url), "utf8")) as {
  continuous: Array<{ kind: "BG/NBD" | "MBG/NBD" | "Pareto/NBD"; params: number[]; x: number; tx: number; T: number; t: number; n: number; value: number }>;
  bgBb: Array<{ params: number[]; x: number; tx: number; n: number; m: number; k: number; value: number }>;
};

describe("conditionalPurchaseCountProbability", () => {
  it("BG/NBD, MBG/NBD and Pareto/NBD equal mpmath's individual-level integration to 1e-12 (690 rows, counts 0 to 200, horizons 1e-6 to 1e6 weeks)", () => {
    expect(reference.continuous.length).toBe(690);
    for (const row of reference.continuous) {
      const value = conditionalPurchaseCountProbability(continuousModel(row.kind, row.params), { frequency: row.x, recency: row.tx, T: row.T }, row.t, row.n);
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-12);
    }
  });

  it("BG/BB equals mpmath's sum over the dropout opportunity to 1e-12 (150 rows, 1 to 1,000 periods)", () => {
    expect(reference.bgBb.length).toBe(150);
    for (const row of reference.bgBb) {
      const value = conditionalPurchaseCountProbability(opportunityModel(row.params), { frequency: row.x, recency: row.tx, periods: row.n }, row.m, row.k);
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-12);
    }
  });

  it("laws on CDNOW fits: sums to 1, its mean is expectedPurchases, P(0) is 1 − purchaseProbability", () => {
    const customers = cdnowSummaryPlain();
    const models = [fitBgNbd({ unit: "weeks", customers }), fitMbgNbd({ unit: "weeks", customers }), fitParetoNbd({ unit: "weeks", customers })];
    for (const model of models) if (!model.converged) throw new Error("not converged");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: customers.length - 1 }), fc.double({ min: 1e-3, max: 100, noNaN: true }), (index, t) => {
        const customer = customers[index]!;
        for (const model of models as PurchaseModel[]) {
          let total = 0;
          let mean = 0;
          // the tail beyond 400 purchases is below 1e-15 at these horizons and frequencies
          for (let n = 0; n <= 400; n++) {
            const probability = conditionalPurchaseCountProbability(model, customer, t, n);
            expect(probability).toBeGreaterThanOrEqual(0);
            total += probability;
            mean += n * probability;
          }
          expect(Math.abs(total - 1)).toBeLessThan(1e-12);
          expect(relative(mean, expectedPurchases(model, customer, t))).toBeLessThan(1e-10);
          expect(relative(conditionalPurchaseCountProbability(model, customer, t, 0), 1 - purchaseProbability(model, customer, t))).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("laws for BG/BB: sums to 1 over 0..m, its mean is expectedPurchases, P(0) is 1 − purchaseProbability; a new customer's is purchaseCountProbability", () => {
    fc.assert(
      fc.property(fc.tuple(...Array.from({ length: 4 }, () => fc.double({ min: 0.1, max: 10, noNaN: true }))), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 40 }), (params, periods, m) => {
        const model = opportunityModel(params);
        const customer = { frequency: Math.floor(periods / 3), recency: Math.floor(periods / 2), periods };
        let total = 0;
        let mean = 0;
        for (let k = 0; k <= m; k++) {
          const probability = conditionalPurchaseCountProbability(model, customer, m, k);
          total += probability;
          mean += k * probability;
        }
        expect(Math.abs(total - 1)).toBeLessThan(1e-12);
        expect(relative(mean, expectedPurchases(model, customer, m))).toBeLessThan(1e-10);
        expect(conditionalPurchaseCountProbability(model, customer, m, m + 1)).toBe(0);
        expect(Math.abs(conditionalPurchaseCountProbability(model, customer, m, 0) - (1 - purchaseProbability(model, customer, m)))).toBeLessThan(1e-12);
        for (const k of [0, 1, m]) {
          expect(relative(conditionalPurchaseCountProbability(model, { frequency: 0, recency: 0, periods: 0 }, m, k), purchaseCountProbability(model, m, k))).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a zero horizon is certain to bring no purchase; a customer certain to have left buys nothing", () => {
    const bg = continuousModel("BG/NBD", [0.242593, 4.413532, 0.792886, 2.425752]);
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(conditionalPurchaseCountProbability(bg, customer, 0, 0)).toBe(1);
    expect(conditionalPurchaseCountProbability(bg, customer, 0, 3)).toBe(0);
    // 40 purchases in the first week, none in the next 10,000: P(alive) is about 1e-300 or less
    const gone = { frequency: 40, recency: 1, T: 10_000 };
    expect(conditionalPurchaseCountProbability(bg, gone, 52, 0)).toBe(1);
    expect(conditionalPurchaseCountProbability(bg, gone, 52, 1)).toBeLessThan(1e-100);
  });

  it("refuses what purchaseCountProbability and purchaseProbability refuse", () => {
    const bg = continuousModel("BG/NBD", [0.242593, 4.413532, 0.792886, 2.425752]);
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(() => conditionalPurchaseCountProbability(bg, customer, 39, -1)).toThrow(new RangeError("conditionalPurchaseCountProbability requires count to be a non-negative integer"));
    expect(() => conditionalPurchaseCountProbability(bg, customer, 39, 1.5)).toThrow(RangeError);
    expect(() => conditionalPurchaseCountProbability(bg, customer, 39, 1_000_001)).toThrow(new RangeError("conditionalPurchaseCountProbability requires count to be at most 1000000"));
    expect(() => conditionalPurchaseCountProbability(bg, { frequency: 2, recency: 40, T: 38.86 }, 39, 1)).toThrow(new RangeError("conditionalPurchaseCountProbability requires recency between zero and T"));
    expect(() => conditionalPurchaseCountProbability(bg, customer, { value: 3, unit: "weeks" } as never, 1)).toThrow(TypeError);
    expect(() => conditionalPurchaseCountProbability({ kind: "BG/NBD" } as never, customer, 39, 1)).toThrow(TypeError);
    const bb = opportunityModel([1.204, 0.75, 0.657, 2.783]);
    expect(() => conditionalPurchaseCountProbability(bb, { frequency: 1, recency: 1, periods: 6 }, 10_001, 1)).toThrow(new RangeError("conditionalPurchaseCountProbability requires at most 10000 periods for BG/BB"));
    expect(() => conditionalPurchaseCountProbability(bb, { frequency: 2, recency: 1, periods: 6 }, 5, 1)).toThrow(RangeError);
  });
});
