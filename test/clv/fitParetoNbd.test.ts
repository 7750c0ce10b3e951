import { describe, expect, it } from "vitest";
import { logA0, logLikelihood } from "../../src/clv/_lib/paretoNbd.js";
import { compressActivity } from "../../src/clv/_lib/rows.js";
import { fitParetoNbd } from "../../src/clv/index.js";
import { cdnowSummaryPlain } from "./cdnow.js";
import { simulateParetoNbd } from "./simulate.js";
import { clvReference, relative } from "./_reference.js";

describe("fitParetoNbd on CDNOW (FHL 2005)", () => {
  it("reproduces the published log-likelihood tightly and the parameters within the flat ridge", () => {
    const model = fitParetoNbd({ unit: "weeks", customers: cdnowSummaryPlain() });
    if (!model.converged) throw new Error(model.message);
    expect(Math.abs(model.logLikelihood - -9594.9739)).toBeLessThan(0.01);
    expect(model.params.r.toFixed(3)).toBe("0.553");
    expect(relative(model.params.alpha, 10.57747)).toBeLessThan(1e-3);
    expect(model.params.s.toFixed(3)).toBe("0.606");
    // β moves along a flat ridge (LL unchanged to ~1e-8): published 11.669, BTYD 11.656
    expect(relative(model.params.beta, 11.668823)).toBeLessThan(2e-3);
    expect(model.unit).toBe("weeks");
  });
});

describe("Pareto/NBD likelihood", () => {
  it("matches independent numeric integration over λ and μ (scipy), both α ≥ β and α < β branches", () => {
    for (const set of [clvReference.paretonbd, clvReference.paretonbd_alpha_above_beta]) {
      for (const row of set.rows) {
        const rows = compressActivity([{ frequency: row.x, recency: row.tx, T: row.T }], "test");
        expect(Math.abs(logLikelihood(set.params, rows) - row.ll)).toBeLessThan(1e-7);
      }
    }
  });

  it("is continuous across α = β", () => {
    const rows = compressActivity(cdnowSummaryPlain().slice(0, 200), "test");
    const at = logLikelihood([0.55, 10, 0.6, 10], rows);
    expect(logLikelihood([0.55, 10 + 1e-7, 0.6, 10], rows)).toBeCloseTo(at, 4);
    expect(logLikelihood([0.55, 10 - 1e-7, 0.6, 10], rows)).toBeCloseTo(at, 4);
  });

  it("lifetimes' overflow case gives a finite, negative ln A0 for every row", () => {
    const params = [10.465, 0.00798565181, 3.0516, 2.82];
    for (const [x, tx, T] of [[400, 5, 6], [500, 1, 37], [500, 4, 37]] as const) {
      const value = logA0(params, x, tx, T);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeLessThan(0);
    }
  });

  it("stays finite for frequency up to 1000 and T up to 1000", () => {
    const rows = compressActivity(
      [
        { frequency: 1000, recency: 999, T: 1000 },
        { frequency: 1000, recency: 10, T: 1000 },
        { frequency: 0, recency: 0, T: 1000 },
      ],
      "test",
    );
    expect(Number.isFinite(logLikelihood([0.553, 10.578, 0.606, 11.669], rows))).toBe(true);
    expect(Number.isFinite(logLikelihood([0.553, 1.578, 0.606, 11.669], rows))).toBe(true);
  });
});

describe("fitParetoNbd recovery", () => {
  it("recovers known parameters from seeded simulated data", () => {
    const truth = { r: 0.6, alpha: 8, s: 0.8, beta: 10 };
    const model = fitParetoNbd({ unit: "weeks", customers: simulateParetoNbd(truth, 6000, 52, 7) });
    if (!model.converged) throw new Error(model.message);
    expect(relative(model.params.r, truth.r)).toBeLessThan(0.15);
    expect(relative(model.params.alpha, truth.alpha)).toBeLessThan(0.2);
    expect(relative(model.params.s / model.params.beta, truth.s / truth.beta)).toBeLessThan(0.3);
  });

  it("a handful of customers: no hang; the unpenalized fit reports a typed failure, a small penalizer converges", () => {
    const customers = [
      { frequency: 2, recency: 30, T: 39 }, { frequency: 0, recency: 0, T: 39 },
      { frequency: 5, recency: 36, T: 38 }, { frequency: 1, recency: 4, T: 36 },
      { frequency: 0, recency: 0, T: 35, weight: 3 }, { frequency: 3, recency: 10, T: 33 },
    ];
    const free = fitParetoNbd({ unit: "weeks", customers });
    expect(free.converged).toBe(false);
    if (!free.converged) expect(["parameters_diverged", "max_iterations"]).toContain(free.reason);
    expect(fitParetoNbd({ unit: "weeks", customers }, { penalizer: 0.001 }).converged).toBe(true);
  });

  it("rejects invalid rows", () => {
    expect(() => fitParetoNbd({ unit: "weeks", customers: [{ frequency: -1, recency: 0, T: 2 }] })).toThrow("fitParetoNbd requires frequency to be a non-negative integer (row 0)");
  });
});

describe("fitParetoNbd warnings", () => {
  it("say when the data do not pin the parameters down, although the fit converged", () => {
    // Ten and twenty customers (seeded, mulberry32(7)): fits that lifetimes would report as converged without a word.
    const ten = [
      { frequency: 0, recency: 0, T: 20 }, { frequency: 3, recency: 16.8, T: 39 }, { frequency: 0, recency: 0, T: 29 }, { frequency: 2, recency: 5.8, T: 31 },
      { frequency: 1, recency: 13.9, T: 35 }, { frequency: 2, recency: 25, T: 25 }, { frequency: 1, recency: 4.4, T: 24 }, { frequency: 0, recency: 0, T: 23 },
      { frequency: 1, recency: 28.4, T: 30 }, { frequency: 3, recency: 30.9, T: 31 },
    ];
    // r = 12,213 and s = 2.9e-7, reported as converged (with a warning) before the profile check.
    expect(fitParetoNbd({ unit: "weeks", customers: ten })).toMatchObject({ converged: false, reason: "parameters_diverged" });
    const twenty = [
      { frequency: 4, recency: 2.3, T: 32 }, { frequency: 0, recency: 0, T: 23 }, { frequency: 0, recency: 0, T: 28 }, { frequency: 2, recency: 10, T: 21 },
      { frequency: 3, recency: 21, T: 29 }, { frequency: 0, recency: 0, T: 26 }, { frequency: 0, recency: 0, T: 22 }, { frequency: 0, recency: 0, T: 38 },
      { frequency: 2, recency: 2, T: 23 }, { frequency: 3, recency: 28.3, T: 33 }, { frequency: 1, recency: 18.5, T: 33 }, { frequency: 4, recency: 27.8, T: 32 },
      { frequency: 4, recency: 18, T: 31 }, { frequency: 0, recency: 0, T: 36 }, { frequency: 0, recency: 0, T: 30 }, { frequency: 4, recency: 34, T: 34 },
      { frequency: 2, recency: 20.9, T: 31 }, { frequency: 2, recency: 9.1, T: 34 }, { frequency: 0, recency: 0, T: 20 }, { frequency: 3, recency: 1.5, T: 38 },
    ];
    const weak = fitParetoNbd({ unit: "weeks", customers: twenty });
    if (!weak.converged || weak.standardErrors === null) throw new Error("expected standard errors");
    const errors = weak.standardErrors;
    const flagged = (["r", "alpha", "s", "beta"] as const).filter((name) => errors[name] > weak.params[name]);
    expect(flagged).toEqual(["r", "alpha", "beta"]);
    expect(weak.warnings.map((warning) => warning.split(" ")[0])).toEqual(flagged);
    expect(weak.warnings[0]).toMatch(/^r is weakly identified: its standard error \d+(\.\d+)? exceeds the estimate \d+(\.\d+)?$/);
  });
});

