import { describe, expect, it } from "vitest";
import { logLikelihood } from "../../src/clv/_lib/bgBb.js";
import { expectedPopulationPurchases, expectedPurchases, fitBgBb, modelFromParams, probabilityAlive, purchaseCountProbability } from "../../src/clv/index.js";
import { donations } from "./cdnow.js";
import { clvReference, relative } from "./_reference.js";

const single = (x: number, tx: number, n: number) => ({
  frequency: Float64Array.of(x),
  recency: Float64Array.of(tx),
  periods: Float64Array.of(n),
  weight: Float64Array.of(1),
  count: 1,
  totalWeight: 1,
});

describe("fitBgBb on the donations data (FHS 2010)", () => {
  const rows = donations();
  const model = fitBgBb({ customers: rows });

  it("reproduces α 1.204, β 0.750, γ 0.657, δ 2.783 and LL −33225.58", () => {
    if (!model.converged) throw new Error(model.message);
    expect(relative(model.params.alpha, 1.203522)).toBeLessThan(1e-3);
    expect(relative(model.params.beta, 0.749716)).toBeLessThan(1e-3);
    expect(relative(model.params.gamma, 0.656718)).toBeLessThan(1e-3);
    expect(relative(model.params.delta, 2.783442)).toBeLessThan(1e-3);
    expect(Math.abs(model.logLikelihood - -33225.581)).toBeLessThan(0.01);
    expect(model.customerCount).toBe(11104);
    expect(model.uniqueRows).toBe(22);
  });

  it("P(alive in 2002) 0.11, 0.59, 0.93 (paper Table 6); reproduced 0.1081, 0.5897, 0.9304", () => {
    if (!model.converged) throw new Error(model.message);
    expect(probabilityAlive(model, { frequency: 0, recency: 0, periods: 6 })).toBeCloseTo(0.1081, 3);
    expect(probabilityAlive(model, { frequency: 2, recency: 4, periods: 6 })).toBeCloseTo(0.5897, 3);
    expect(probabilityAlive(model, { frequency: 6, recency: 6, periods: 6 })).toBeCloseTo(0.9304, 3);
  });

  it("expected donors by number of donations in 6 years: 3454.9 (0) … 1253.1 (6); Σ next-5-year expectations 12,884.2", () => {
    if (!model.converged) throw new Error(model.message);
    const expected = [3454.9, 1888.65, 1348.88, 1113.38, 1017.92, 1027.17, 1253.1];
    let total = 0;
    for (let x = 0; x <= 6; x++) {
      const count = 11104 * purchaseCountProbability(model, 6, x);
      total += count;
      expect(Math.abs(count - (expected[x] as number))).toBeLessThan(0.06);
    }
    expect(total).toBeCloseTo(11104, 6);
    const sum = rows.reduce((acc, row) => acc + row.weight * expectedPurchases(model, row, 5), 0);
    expect(Math.abs(sum - 12884.2)).toBeLessThan(0.1);
  });

  // BTYD's printed parameters reproduce its printed predictions to 4–5 significant figures only (the
  // vignette computed them from unrounded estimates), hence the looser tolerances here.
  it("with the BTYD parameters: E[X(10)] 3.179805; 10-year conditional expectations 0.1302169 and 3.627858", () => {
    const btyd = modelFromParams({ kind: "BG/BB", params: { alpha: 1.203507, beta: 0.7497667, gamma: 0.6567568, delta: 2.783887 } });
    expect(relative(expectedPopulationPurchases(btyd, 10), 3.179805)).toBeLessThan(1e-5);
    expect(relative(expectedPurchases(btyd, { frequency: 0, recency: 0, periods: 6 }, 10), 0.1302169)).toBeLessThan(2e-4);
    expect(relative(expectedPurchases(btyd, { frequency: 4, recency: 5, periods: 6 }, 10), 3.627858)).toBeLessThan(5e-5);
  });
});

describe("BG/BB likelihood", () => {
  it("matches brute-force numeric integration over p and θ (scipy)", () => {
    for (const row of clvReference.bgbb.rows) {
      expect(Math.abs(logLikelihood(clvReference.bgbb.params, single(row.x, row.tx, row.n)) - row.ll)).toBeLessThan(1e-7);
    }
  });

  it("analytic gradient agrees with central finite differences", () => {
    const data = donations();
    const rows = {
      frequency: Float64Array.from(data, (r) => r.frequency),
      recency: Float64Array.from(data, (r) => r.recency),
      periods: Float64Array.from(data, (r) => r.periods),
      weight: Float64Array.from(data, (r) => r.weight),
      count: data.length,
      totalWeight: 11104,
    };
    const params = [1.1, 0.8, 0.7, 2.5];
    const gradient = new Float64Array(4);
    logLikelihood(params, rows, gradient);
    for (let k = 0; k < 4; k++) {
      const h = 1e-6 * (params[k] as number);
      const up = params.slice();
      const down = params.slice();
      up[k] = (up[k] as number) + h;
      down[k] = (down[k] as number) - h;
      const numeric = (logLikelihood(up, rows) - logLikelihood(down, rows)) / (2 * h);
      expect(Math.abs((gradient[k] as number) - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    }
  });

  it("rejects invalid rows", () => {
    expect(() => fitBgBb({ customers: [{ frequency: 3, recency: 2, periods: 6 }] })).toThrow(
      "fitBgBb requires integer frequency, recency and periods with 0 <= frequency <= recency <= periods (row 0)",
    );
  });
});

describe("fitBgBb on data that cannot identify the model (review: degenerate data)", () => {
  it("reports no transaction at all as not_identified instead of a converged boundary fit (it gave alpha 0.0098, delta 0.0031, gamma 770)", () => {
    const result = fitBgBb({ customers: [{ frequency: 0, recency: 0, periods: 6, weight: 100 }, { frequency: 0, recency: 0, periods: 3 }] });
    expect(result.converged).toBe(false);
    if (result.converged) return;
    expect(result.reason).toBe("not_identified");
    expect(result.message).toBe(
      "fitBgBb did not converge (not_identified): no customer has a repeat transaction (every frequency is 0), so the data do not identify the model; use more data",
    );
    expect(result.params).toEqual({ alpha: 1, beta: 1, gamma: 1, delta: 1 });
    expect(result.iterations).toBe(0);
    // at (1, 1, 1, 1): L(0, 0, 6) = 1/49 + Σ_{j=0..5} 1/((j+1)²(j+2)) = 0.654654…, L(0, 0, 3) = 1/16 + 1/2 + 1/12 + 1/36 = 0.673611…
    expect(result.logLikelihood).toBeCloseTo(100 * Math.log(1 / 49 + 1 / 2 + 1 / 12 + 1 / 36 + 1 / 80 + 1 / 150 + 1 / 252) + Math.log(1 / 16 + 1 / 2 + 1 / 12 + 1 / 36), 10);
  });

  it("reports a transaction at every opportunity for every customer as not_identified (it gave beta = gamma = 1.7e-6, converged)", () => {
    const result = fitBgBb({ customers: [{ frequency: 6, recency: 6, periods: 6, weight: 100 }, { frequency: 2, recency: 2, periods: 2, weight: 5 }] });
    expect(result).toMatchObject({
      converged: false,
      reason: "not_identified",
      message:
        "fitBgBb did not converge (not_identified): every customer transacted at every opportunity (frequency equals periods in every row), so the data do not identify the model; use more data",
      iterations: 0,
    });
  });

  it("leaves other data to the optimiser: one customer breaking the pattern, or a penalizer, skips the up-front check (both still diverge here)", () => {
    const mixed = fitBgBb({ customers: [{ frequency: 6, recency: 6, periods: 6, weight: 100 }, { frequency: 0, recency: 0, periods: 6, weight: 50 }, { frequency: 3, recency: 5, periods: 6, weight: 20 }] });
    expect(mixed).toMatchObject({ converged: false, reason: "parameters_diverged" });
    expect(mixed.iterations).toBeGreaterThan(0);
    // A penalizer pulls the parameters towards 0, so it cannot keep this fit from its boundary: the advice is more data.
    const penalized = fitBgBb({ customers: [{ frequency: 0, recency: 0, periods: 6, weight: 100 }] }, { penalizer: 0.01 });
    expect(penalized).toMatchObject({ converged: false, reason: "parameters_diverged" });
    expect(penalized.iterations).toBeGreaterThan(0);
  });

  it("returns not_identified for an empty customer list or zero weights, with or without a penalizer (it threw 'requires at least one customer')", () => {
    const message = "fitBgBb did not converge (not_identified): there are no customers (an empty list, or every weight is 0), so the data do not identify the model; use more data";
    for (const customers of [[], [{ frequency: 1, recency: 1, periods: 6, weight: 0 }]]) {
      for (const options of [{}, { penalizer: 0.01 }]) {
        expect(fitBgBb({ customers }, options)).toEqual({
          kind: "BG/BB",
          converged: false,
          reason: "not_identified",
          message,
          unit: "periods",
          params: { alpha: 1, beta: 1, gamma: 1, delta: 1 },
          logLikelihood: 0,
          iterations: 0,
        });
      }
    }
    // invalid arguments still throw, even without customers
    expect(() => fitBgBb({ customers: [] }, { penalizer: -1 })).toThrow(new RangeError("fitBgBb requires penalizer to be a non-negative number"));
  });
});

describe("fitBgBb on hostile input", () => {
  it("bounds periods at 10,000 opportunities (periods 1e308 passed the integer check and the likelihood loop never ended)", () => {
    expect(() => fitBgBb({ customers: [{ frequency: 1, recency: 1, periods: 1e308 }] })).toThrow(new RangeError("fitBgBb requires periods to be at most 10000 (row 0)"));
    expect(() => fitBgBb({ customers: [{ frequency: 1, recency: 1, periods: 6 }, { frequency: 0, recency: 0, periods: 10_001 }] })).toThrow(
      "fitBgBb requires periods to be at most 10000 (row 1)",
    );
    // the bound itself is accepted (one iteration keeps the test fast)
    expect(fitBgBb({ customers: [{ frequency: 3, recency: 9_000, periods: 10_000 }, { frequency: 1, recency: 1, periods: 6 }] }, { maxIterations: 1 }).kind).toBe("BG/BB");
  });

  it("throws house-style TypeErrors for missing data, options and rows", () => {
    expect(() => fitBgBb(undefined as never)).toThrow(new TypeError("fitBgBb requires data to be an object"));
    expect(() => fitBgBb([] as never)).toThrow(new TypeError("fitBgBb requires data to be an object holding the customers array, not the array itself"));
    expect(() => fitBgBb({} as never)).toThrow(new TypeError("fitBgBb requires an array of customers"));
    expect(() => fitBgBb({ customers: [null] } as never)).toThrow(new TypeError("fitBgBb requires every customer to be an object (row 0)"));
    expect(() => fitBgBb({ customers: [{ frequency: 0, recency: 0, periods: 1 }, , { frequency: 0, recency: 0, periods: 1 }] } as never)).toThrow(
      new TypeError("fitBgBb requires every customer to be an object (row 1)"),
    );
    expect(() => fitBgBb({ customers: [{ frequency: 0, recency: 0, periods: 1 }] }, null as never)).toThrow(new TypeError("fitBgBb requires options to be an object"));
  });
});

describe("BG/BB predictions on hostile input", () => {
  const model = modelFromParams({ kind: "BG/BB", params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 } });

  it("bound the customer's periods (expectedPurchases looped over 1e308 opportunities) and check their order", () => {
    const message = "requires 0 <= frequency <= recency <= periods <= 10000 for a BG/BB model";
    expect(() => expectedPurchases(model, { frequency: 1, recency: 1, periods: 1e308 }, 5)).toThrow(new RangeError(`expectedPurchases ${message}`));
    expect(() => probabilityAlive(model, { frequency: 1, recency: 1, periods: 1e308 })).toThrow(new RangeError(`probabilityAlive ${message}`));
    expect(() => expectedPurchases(model, { frequency: 3, recency: 1, periods: 5 }, 5)).toThrow(new RangeError(`expectedPurchases ${message}`));
    expect(() => probabilityAlive(model, null as never)).toThrow(new TypeError("probabilityAlive requires customer to be an object"));
  });

  it("bound the horizon of purchaseCountProbability (it summed over every one of 1e308 periods)", () => {
    expect(() => purchaseCountProbability(model, 1e308, 1)).toThrow(new RangeError("purchaseCountProbability requires at most 10000 periods for BG/BB"));
    expect(purchaseCountProbability(model, 10_000, 1)).toBeGreaterThan(0);
  });

  it("refuse a fractional number of future opportunities (2.5 periods was interpolated, claims review)", () => {
    const message = "requires an integer number of periods for BG/BB";
    expect(() => expectedPopulationPurchases(model, 2.5)).toThrow(new RangeError(`expectedPopulationPurchases ${message}`));
    expect(() => expectedPurchases(model, { frequency: 1, recency: 2, periods: 3 }, 0.5)).toThrow(new RangeError(`expectedPurchases ${message}`));
    expect(expectedPopulationPurchases(model, 3)).toBeGreaterThan(0);
  });

  it("refuse a BG/BB model with a time unit or bad parameters", () => {
    expect(() => expectedPopulationPurchases({ ...model, unit: "weeks" }, 3)).toThrow(new RangeError("expectedPopulationPurchases requires a model with unit periods for BG/BB"));
    expect(() => expectedPopulationPurchases({ ...model, params: { ...model.params, delta: -1 } }, 3)).toThrow(
      new RangeError("expectedPopulationPurchases requires a model with a positive finite parameter delta"),
    );
  });
});
