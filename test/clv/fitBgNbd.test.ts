import { describe, expect, it } from "vitest";
import { logLikelihood } from "../../src/clv/_lib/bgNbd.js";
import { compressActivity } from "../../src/clv/_lib/rows.js";
import { fitBgNbd, fitMbgNbd, fitParetoNbd } from "../../src/clv/index.js";
import { cdnowSummaryPlain } from "./cdnow.js";
import { simulateBgNbd } from "./simulate.js";
import { clvReference, relative } from "./_reference.js";

describe("fitBgNbd on CDNOW (FHL 2005)", () => {
  const customers = cdnowSummaryPlain();
  const model = fitBgNbd({ unit: "weeks", customers });

  it("reproduces the published parameters and log-likelihood", () => {
    if (!model.converged) throw new Error(model.message);
    expect(relative(model.params.r, 0.242593)).toBeLessThan(1e-5);
    expect(relative(model.params.alpha, 4.413532)).toBeLessThan(1e-5);
    expect(relative(model.params.a, 0.792886)).toBeLessThan(1e-5);
    expect(relative(model.params.b, 2.425752)).toBeLessThan(1e-5);
    // published r 0.243, alpha 4.414, a 0.793, b 2.426 (rounding)
    expect(model.params.r.toFixed(3)).toBe("0.243");
    expect(model.params.alpha.toFixed(3)).toBe("4.414");
    expect(model.params.a.toFixed(3)).toBe("0.793");
    expect(model.params.b.toFixed(3)).toBe("2.426");
    expect(Math.abs(model.logLikelihood - -9582.4256)).toBeLessThan(1e-3);
    expect(model.customerCount).toBe(2357);
    expect(model.uniqueRows).toBe(1016);
    expect(model.unit).toBe("weeks");
  });

  it("standard errors match lifetimes' Hessian-based values to 1 %", () => {
    if (!model.converged || model.standardErrors === null) throw new Error("no standard errors");
    expect(relative(model.standardErrors.r, 0.012557)).toBeLessThan(0.01);
    expect(relative(model.standardErrors.alpha, 0.378221)).toBeLessThan(0.01);
    expect(relative(model.standardErrors.a, 0.185719)).toBeLessThan(0.01);
    expect(relative(model.standardErrors.b, 0.705345)).toBeLessThan(0.01);
    expect(model.warnings).toEqual([]);
  });

  it("is invariant to the time unit except for alpha and a Σx·ln(scale) shift in LL", () => {
    const days = fitBgNbd({ unit: "days", customers: customers.map((c) => ({ ...c, recency: c.recency * 7, T: c.T * 7 })) });
    if (!days.converged || !model.converged) throw new Error("not converged");
    expect(relative(days.params.alpha, model.params.alpha * 7)).toBeLessThan(1e-4);
    expect(relative(days.params.r, model.params.r)).toBeLessThan(1e-4);
    const repeat = customers.reduce((total, c) => total + c.frequency, 0);
    expect(repeat).toBe(2457);
    expect(days.logLikelihood).toBeCloseTo(model.logLikelihood - repeat * Math.log(7), 3);
  });
});

describe("BG/NBD likelihood", () => {
  it("matches independent numeric integration over λ and p (scipy)", () => {
    const params = clvReference.bgnbd.params;
    for (const row of clvReference.bgnbd.rows) {
      const rows = compressActivity([{ frequency: row.x, recency: row.tx, T: row.T }], "test");
      expect(Math.abs(logLikelihood(params, rows, false) - row.ll)).toBeLessThan(1e-7);
    }
  });

  it("analytic gradient agrees with central finite differences", () => {
    const rows = compressActivity(cdnowSummaryPlain().slice(0, 400), "test");
    for (const params of [[0.243, 4.414, 0.793, 2.426], [1.3, 0.7, 2.1, 0.6], [0.05, 20, 0.3, 9]]) {
      const gradient = new Float64Array(4);
      logLikelihood(params, rows, false, gradient);
      for (let k = 0; k < 4; k++) {
        const h = 1e-6 * (params[k] as number);
        const up = params.slice();
        const down = params.slice();
        up[k] = (up[k] as number) + h;
        down[k] = (down[k] as number) - h;
        const numeric = (logLikelihood(up, rows, false) - logLikelihood(down, rows, false)) / (2 * h);
        expect(Math.abs((gradient[k] as number) - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
      }
    }
  });

  it("stays finite for frequency up to 1000 and T up to 1000", () => {
    const rows = compressActivity(
      [
        { frequency: 1000, recency: 999, T: 1000 },
        { frequency: 1000, recency: 10, T: 1000 },
        { frequency: 300, recency: 5, T: 6 },
        { frequency: 0, recency: 0, T: 1000 },
      ],
      "test",
    );
    expect(Number.isFinite(logLikelihood([0.243, 4.414, 0.793, 2.426], rows, false))).toBe(true);
  });
});

describe("fitBgNbd recovery and failures", () => {
  it("recovers known parameters from seeded simulated data", () => {
    const truth = { r: 0.5, alpha: 3, a: 0.8, b: 2.5 };
    const model = fitBgNbd({ unit: "weeks", customers: simulateBgNbd(truth, 8000, 52, 42) });
    if (!model.converged) throw new Error(model.message);
    expect(relative(model.params.r, truth.r)).toBeLessThan(0.1);
    expect(relative(model.params.alpha, truth.alpha)).toBeLessThan(0.15);
    expect(relative(model.params.a, truth.a)).toBeLessThan(0.3);
    expect(relative(model.params.b, truth.b)).toBeLessThan(0.4);
    // the truth lies within 3 standard errors
    const errors = model.standardErrors;
    if (errors === null) throw new Error("no standard errors");
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(model.params[name] - truth[name])).toBeLessThan(3 * errors[name]);
    }
  });

  it("reaches the same optimum from other starting points, and customers with T = 0 contribute nothing", () => {
    const customers = cdnowSummaryPlain();
    for (const initialParams of [[0.1, 10, 2, 5], [3, 0.5, 0.2, 0.2]]) {
      const model = fitBgNbd({ unit: "weeks", customers }, { initialParams });
      if (!model.converged) throw new Error(model.message);
      expect(Math.abs(model.logLikelihood - -9582.4256)).toBeLessThan(1e-3);
    }
    const withNewcomer = fitBgNbd({ unit: "weeks", customers: [...customers, { frequency: 0, recency: 0, T: 0, weight: 5 }] });
    if (!withNewcomer.converged) throw new Error(withNewcomer.message);
    expect(withNewcomer.logLikelihood).toBeCloseTo(-9582.4256, 3);
    expect(withNewcomer.customerCount).toBe(2362);
  });

  it("weights are equivalent to repeated rows", () => {
    const rows = [
      { frequency: 2, recency: 10, T: 20 },
      { frequency: 0, recency: 0, T: 20 },
      { frequency: 0, recency: 0, T: 20 },
      { frequency: 5, recency: 18, T: 19 },
      { frequency: 1, recency: 3, T: 15 },
      { frequency: 0, recency: 0, T: 12 },
    ];
    const repeated = fitBgNbd({ unit: "weeks", customers: rows });
    const weighted = fitBgNbd({ unit: "weeks", customers: [rows[0]!, { ...rows[1]!, weight: 2 }, rows[3]!, rows[4]!, rows[5]!] });
    expect(weighted.logLikelihood).toBeCloseTo(repeated.logLikelihood, 8);
  });

  it("penalizer shrinks the parameters and LL stays unpenalized", () => {
    const customers = cdnowSummaryPlain();
    const free = fitBgNbd({ unit: "weeks", customers });
    const penalized = fitBgNbd({ unit: "weeks", customers }, { penalizer: 0.01 });
    if (!free.converged || !penalized.converged) throw new Error("not converged");
    expect(penalized.params.alpha).toBeLessThan(free.params.alpha);
    expect(penalized.logLikelihood).toBeLessThan(free.logLikelihood);
  });

  it("returns a typed failure when the iteration budget is too small", () => {
    const model = fitBgNbd({ unit: "weeks", customers: cdnowSummaryPlain() }, { maxIterations: 2 });
    expect(model.converged).toBe(false);
    if (model.converged) return;
    expect(model.reason).toBe("max_iterations");
    expect(model.message).toMatch(/^fitBgNbd did not converge \(max_iterations\)/);
  });

  it("rejects invalid options with messages naming the function (review: they produced misleading failures)", () => {
    const data = { unit: "weeks" as const, customers: [{ frequency: 2, recency: 5, T: 10 }, { frequency: 0, recency: 0, T: 10 }] };
    expect(() => fitBgNbd(data, { penalizer: Number.NaN })).toThrow("fitBgNbd requires penalizer to be a non-negative number");
    expect(() => fitBgNbd(data, { penalizer: -0.1 })).toThrow("fitBgNbd requires penalizer to be a non-negative number");
    expect(() => fitBgNbd(data, { initialParams: [1, 1] })).toThrow("fitBgNbd requires initialParams to be 4 positive finite numbers (r, alpha, a, b)");
    expect(() => fitBgNbd(data, { initialParams: [1, 1, 0, 1] })).toThrow(RangeError);
    expect(() => fitBgNbd(data, { maxIterations: 0 })).toThrow("fitBgNbd requires maxIterations to be a positive integer");
    expect(() => fitBgNbd({ ...data, unit: "fortnights" as never })).toThrow("fitBgNbd requires unit to be days, weeks, months or years");
  });

  it("reports data that cannot identify the model instead of a drifted 'converged' fit (review)", () => {
    const noRepeats = { unit: "weeks" as const, customers: [{ frequency: 0, recency: 0, T: 10 }, { frequency: 0, recency: 0, T: 30 }] };
    const noTime = { unit: "weeks" as const, customers: [{ frequency: 0, recency: 0, T: 0 }] };
    for (const fit of [fitBgNbd, fitMbgNbd, fitParetoNbd]) {
      const result = fit(noRepeats);
      expect(result.converged).toBe(false);
      if (result.converged) continue;
      expect(result.reason).toBe("not_identified");
      expect(result.message).toContain("no customer has a repeat purchase");
      const timeless = fit(noTime);
      expect(timeless.converged).toBe(false);
      if (!timeless.converged) expect(timeless.message).toContain("every T is 0");
    }
    // A penalizer identifies the model, so the fit runs.
    expect(fitBgNbd(noRepeats, { penalizer: 0.01 }).iterations).toBeGreaterThan(0);
  });

  it("rejects invalid rows with messages naming the function", () => {
    expect(() => fitBgNbd({ unit: "weeks", customers: [{ frequency: 1.5, recency: 1, T: 2 }] })).toThrow("fitBgNbd requires frequency to be a non-negative integer (row 0)");
    expect(() => fitBgNbd({ unit: "weeks", customers: [{ frequency: 1, recency: 3, T: 2 }] })).toThrow("fitBgNbd requires recency between zero and T (row 0)");
    expect(() => fitBgNbd({ unit: "weeks", customers: [{ frequency: 0, recency: 1, T: 2 }] })).toThrow("fitBgNbd requires recency to be zero when frequency is zero (row 0)");
    expect(() => fitBgNbd({ unit: "weeks", customers: [{ frequency: 0, recency: 0, T: -1 }] })).toThrow("fitBgNbd requires T to be non-negative (row 0)");
  });

  it("returns not_identified for an empty customer list or zero weights, with or without a penalizer (review: an empty segment threw)", () => {
    for (const [name, fit, kind, names] of [
      ["fitBgNbd", fitBgNbd, "BG/NBD", ["r", "alpha", "a", "b"]],
      ["fitMbgNbd", fitMbgNbd, "MBG/NBD", ["r", "alpha", "a", "b"]],
      ["fitParetoNbd", fitParetoNbd, "Pareto/NBD", ["r", "alpha", "s", "beta"]],
    ] as const) {
      for (const customers of [[], [{ frequency: 2, recency: 5, T: 10, weight: 0 }]]) {
        for (const options of [{}, { penalizer: 0.01 }]) {
          expect(fit({ unit: "days", customers }, options)).toEqual({
            kind,
            converged: false,
            reason: "not_identified",
            message: `${name} did not converge (not_identified): there are no customers (an empty list, or every weight is 0), so the data do not identify the model; use more data`,
            unit: "days",
            params: Object.fromEntries(names.map((param) => [param, 1])),
            logLikelihood: 0,
            iterations: 0,
          });
        }
      }
      // invalid arguments still throw, even without customers
      expect(() => fit({ unit: "fortnights" as never, customers: [] })).toThrow(new TypeError(`${name} requires unit to be days, weeks, months or years`));
    }
  });
});

describe("the continuous-time fits on hostile input", () => {
  const customers = [{ frequency: 2, recency: 30, T: 39 }];

  it("throw house-style TypeErrors for missing data, options and rows", () => {
    for (const [name, fit] of [["fitBgNbd", fitBgNbd], ["fitMbgNbd", fitMbgNbd], ["fitParetoNbd", fitParetoNbd]] as const) {
      expect(() => fit(undefined as never)).toThrow(new TypeError(`${name} requires data to be an object`));
      expect(() => fit({ unit: "weeks" } as never)).toThrow(new TypeError(`${name} requires an array of customers`));
      // the customer array itself, an easy slip from JavaScript, is named as such (newcomer review)
      expect(() => fit([{ frequency: 1, recency: 1, T: 2 }] as never)).toThrow(new TypeError(`${name} requires data to be an object holding the customers array, not the array itself`));
      expect(() => fit({ unit: "weeks", customers: [...customers, null] } as never)).toThrow(new TypeError(`${name} requires every customer to be an object (row 1)`));
      expect(() => fit({ unit: "weeks", customers: [, ...customers] } as never)).toThrow(new TypeError(`${name} requires every customer to be an object (row 0)`));
      expect(() => fit({ unit: "weeks", customers }, null as never)).toThrow(new TypeError(`${name} requires options to be an object`));
      expect(() => fit({ unit: "weeks", customers }, { initialParams: "abcd" as never })).toThrow(RangeError);
      // "periods" is BG/BB's unit: a BG/NBD fitted in it could not be used by the predictions
      expect(() => fit({ unit: "periods" as never, customers })).toThrow(new TypeError(`${name} requires unit to be days, weeks, months or years`));
    }
  });
});
