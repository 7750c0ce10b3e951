import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discountedResidualPurchases, expectedPurchases, fitParetoNbd } from "../../src/clv/index.js";
import type { PurchaseModel } from "../../src/clv/index.js";
import * as bgNbd from "../../src/clv/_lib/bgNbd.js";
import * as paretoNbd from "../../src/clv/_lib/paretoNbd.js";
import { integrateOnLine, shiftedGammaReciprocalMean } from "../../src/clv/_lib/special.js";
import { continuousModel, opportunityModel } from "./_models.js";
import { relative } from "./_reference.js";
import { cdnowSummaryPlain } from "./cdnow.js";

type ActivityRow = { params: number[]; x: number; tx: number; T: number; delta: number; value: number };
/** test/reference/clv/residual.py: mpmath evaluations of the definitions. */
const reference = JSON.parse(readFileSync(new URL("../reference/clv/residual.json", import.meta.url), "utf8")) as {
  shiftedGamma: Array<{ s: number; z: number; value: number }>;
  conditional: Array<{ kind: "BG/NBD"; params: number[]; x: number; tx: number; T: number; t: number; value: number }>;
  paretoNbd: ActivityRow[];
  bgNbd: Array<ActivityRow & { kind: "BG/NBD" | "MBG/NBD" }>;
  bgBb: Array<{ params: number[]; x: number; tx: number; n: number; d: number; value: number }>;
};

/** A rate whose continuous compounding is δ a week: per week, or for tiny δ per as many weeks as make it 1e-4. */
const weekly = (delta: number) => (delta >= 1e-4 ? { discountRate: Math.expm1(delta), period: 1 } : { discountRate: Math.expm1(1e-4), period: 1e-4 / delta });

describe("discountedResidualPurchases", () => {
  it("E[1/(G + z)], G ~ Gamma(s, 1), equals mpmath's Tricomi U(1, 2 − s, z) to 1e-14 (84 points, s from 0.01 to 1000, z from 1e-8 to 1000)", () => {
    for (const row of reference.shiftedGamma) expect(relative(shiftedGammaReciprocalMean(row.s, row.z), row.value), `s ${row.s} z ${row.z}`).toBeLessThan(1e-14);
  });

  it("Pareto/NBD equals the posterior expectation by mpmath to 1e-13 (96 rows: four parameter sets, frequencies 0 to 150, δ from 1e-4 to 0.5)", () => {
    for (const row of reference.paretoNbd) {
      const value = discountedResidualPurchases(continuousModel("Pareto/NBD", row.params), { frequency: row.x, recency: row.tx, T: row.T }, weekly(row.delta));
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-13);
    }
  });

  it("BG/NBD and MBG/NBD equal δ∫e^(−δt) E[Y(t)] dt by mpmath to 1e-12 (rows with δ down to 1e-8, a + b < 1, a = 1, b = 1e4, x to 5,000, a whole-number 2F1 excess)", () => {
    expect(reference.bgNbd.length).toBe(180);
    for (const row of reference.bgNbd) {
      const value = discountedResidualPurchases(continuousModel(row.kind, row.params), { frequency: row.x, recency: row.tx, T: row.T }, weekly(row.delta));
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-12);
    }
  });

  it("BG/BB equals the discounted sum over future opportunities by mpmath to 1e-12 (65 rows, γ = 1 and 2 among them, d from 1e-6 to 1)", () => {
    expect(reference.bgBb.length).toBe(65);
    for (const row of reference.bgBb) {
      const value = discountedResidualPurchases(opportunityModel(row.params), { frequency: row.x, recency: row.tx, periods: row.n }, { discountRate: row.d });
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-12);
    }
  });

  it("E[Y(t)] with a + b < 1, whose 2F1 is negative beyond z = 1/2, equals mpmath to 1e-12 (it was NaN)", () => {
    for (const row of reference.conditional) {
      const value = expectedPurchases(continuousModel(row.kind, row.params), { frequency: row.x, recency: row.tx, T: row.T }, row.t);
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-12);
    }
  });

  it("BG/BB is the discounted sum of expectedPurchases' increments, and a rate per half opportunity compounds to the same rate per opportunity", () => {
    fc.assert(
      fc.property(
        fc.tuple(...Array.from({ length: 4 }, () => fc.double({ min: 0.2, max: 5, noNaN: true }))),
        fc.integer({ min: 0, max: 20 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (params, periods, rate) => {
          const model = opportunityModel(params);
          const customer = { frequency: Math.floor(periods / 2), recency: periods, periods };
          let sum = 0;
          let previous = 0;
          for (let m = 1; m <= 2000; m++) {
            const cumulative = expectedPurchases(model, customer, m);
            sum += (cumulative - previous) / (1 + rate) ** m;
            previous = cumulative;
          }
          expect(relative(discountedResidualPurchases(model, customer, { discountRate: rate }), sum)).toBeLessThan(1e-9);
          const perHalf = discountedResidualPurchases(model, customer, { discountRate: Math.sqrt(1 + rate) - 1, period: 0.5 });
          expect(relative(perHalf, sum)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("BG/NBD's two routes agree: the quadrature of E[Y(t)] and the posterior form (used from b + x = 100, near a = 1 and at small δ), to 1e-12", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.double({ min: 0.1, max: 5, noNaN: true }), fc.double({ min: 1, max: 50, noNaN: true }), fc.double({ min: 0.2, max: 5, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true })),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.boolean(),
        (params, x, share, delta, modified) => {
          const T = 39;
          const tx = x === 0 ? 0 : share * T;
          const viaExpectation = integrateOnLine((u) => Math.exp(u - Math.exp(u)) * bgNbd.conditionalExpected(params, x, tx, T, Math.exp(u) / delta, modified), -24, 4);
          expect(relative(bgNbd.discountedResidualFromPosterior(params, x, tx, T, delta, modified), viaExpectation)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("Pareto/NBD's closed form equals the quadrature of its own E[Y(t)] (the route BG/NBD takes), to 1e-12", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.double({ min: 0.1, max: 5, noNaN: true }), fc.double({ min: 1, max: 50, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), fc.double({ min: 1, max: 50, noNaN: true })),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        (params, x, share, delta) => {
          const T = 39;
          const tx = x === 0 ? 0 : share * T;
          const closed = paretoNbd.discountedResidual(params, x, tx, T, delta);
          const quadrature = integrateOnLine((u) => Math.exp(u - Math.exp(u)) * paretoNbd.conditionalExpected(params, x, tx, T, Math.exp(u) / delta), -24, 4);
          expect(relative(closed, quadrature)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("falls as the discount rate rises, and a rate per year equals the same rate per 365.25/7 weeks", () => {
    const model = continuousModel("BG/NBD", [0.242593, 4.413532, 0.792886, 2.425752]);
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    const rates = [1e-6, 1e-4, 0.01, 0.05, 0.15, 0.5, 1];
    const values = rates.map((discountRate) => discountedResidualPurchases(model, customer, { discountRate, period: "years" }));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
    const inWeeks = discountedResidualPurchases(model, customer, { discountRate: 0.15, period: 365.25 / 7 });
    expect(relative(values[4]!, inWeeks)).toBeLessThan(1e-14);
  });

  it("tends to the undiscounted lifetime purchases as the rate falls, where those are finite (Pareto/NBD with s > 1)", () => {
    const model = continuousModel("Pareto/NBD", [0.5534, 10.5802, 2.4, 30]);
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    const lifetime = expectedPurchases(model, customer, 1e15);
    const nearlyUndiscounted = discountedResidualPurchases(model, customer, { discountRate: 1e-6, period: 1 });
    expect(nearlyUndiscounted).toBeLessThan(lifetime);
    // δ(β+T) ≈ 7e-5, so the discount removes about that share
    expect(relative(nearlyUndiscounted, lifetime)).toBeLessThan(2e-4);
    expect(relative(nearlyUndiscounted, lifetime)).toBeGreaterThan(1e-6);
  });

  it("over CDNOW's Pareto/NBD fit: finite and positive for all 2,357 customers, and at most their expectation undiscounted (s < 1 makes that infinite)", () => {
    const customers = cdnowSummaryPlain();
    const model = fitParetoNbd({ unit: "weeks", customers });
    if (!model.converged) throw new Error("not converged");
    let total = 0;
    for (const customer of customers) {
      const value = discountedResidualPurchases(model, customer, { discountRate: 0.15, period: "years" });
      expect(value).toBeGreaterThan(0);
      expect(Number.isFinite(value)).toBe(true);
      total += value;
    }
    // more than the 52 weeks ahead (at most a year's discount of 15 % below it), which are inside the residual
    let nextYear = 0;
    for (const customer of customers) nextYear += expectedPurchases(model, customer, 52);
    expect(total).toBeGreaterThan(nextYear / 1.15);
  });

  it("refuses a rate outside 1e-6 to 1, a missing or bad period, a unit for BG/BB, too small a rate per opportunity and unknown options", () => {
    const model = continuousModel("Pareto/NBD", [0.5534, 10.5802, 0.6061, 11.6562]);
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    const rate = /requires a discount rate from 1e-6 to 1 \(a fraction: 0.15 is 15 % per period\)/;
    for (const discountRate of [0, -0.1, 15, Number.NaN, 1e-7]) expect(() => discountedResidualPurchases(model, customer, { discountRate, period: "years" })).toThrow(rate);
    expect(() => discountedResidualPurchases(model, customer, { discountRate: "0.1" as unknown as number, period: "years" })).toThrow(rate);
    const period = /requires period to be days, weeks, months, years or a positive length in the model's unit/;
    expect(() => discountedResidualPurchases(model, customer, { discountRate: 0.1 })).toThrow(period);
    expect(() => discountedResidualPurchases(model, customer, { discountRate: 0.1, period: 0 })).toThrow(period);
    expect(() => discountedResidualPurchases(model, customer, { discountRate: 0.1, period: "year" as "years" })).toThrow(period);
    const donors = opportunityModel([1.204, 0.75, 0.657, 2.783]);
    const donor = { frequency: 3, recency: 5, periods: 6 };
    expect(() => discountedResidualPurchases(donors, donor, { discountRate: 0.1, period: "years" })).toThrow(/requires period to be a positive number of opportunities for a BG\/BB model/);
    expect(() => discountedResidualPurchases(donors, donor, { discountRate: 1e-5, period: 100 })).toThrow(/requires a discount rate of at least 1e-6 per opportunity/);
    // review: δ = 1e-17 made BG/NBD's longest horizon e⁴/δ overflow to NaN
    expect(() => discountedResidualPurchases(continuousModel("BG/NBD", [0.24, 4.41, 0.79, 2.43]), customer, { discountRate: 1e-6, period: 1e11 })).toThrow(
      /requires a continuous discount rate ln\(1 \+ discountRate\)\/period of at least 1e-12 per model unit/,
    );
    expect(() => discountedResidualPurchases(model, customer, { discountRate: 0.1, period: "years", horizon: 5 } as never)).toThrow(TypeError);
    expect(() => discountedResidualPurchases(model, customer, { discount_rate: 0.1 } as never)).toThrow(/discountRate/);
    expect(() => discountedResidualPurchases(model, { frequency: 2, recency: 40, T: 38.86 }, { discountRate: 0.1, period: "years" })).toThrow(/requires recency between zero and T/);
    expect(() => discountedResidualPurchases(donors, { frequency: 3, recency: 2, periods: 6 }, { discountRate: 0.1 })).toThrow(RangeError);
    expect(() => discountedResidualPurchases({ kind: "Gamma-Gamma" } as never, customer, { discountRate: 0.1, period: "years" })).toThrow(/requires a fitted BG\/NBD, MBG\/NBD, Pareto\/NBD or BG\/BB model/);
  });
});
