import { describe, expect, it } from "vitest";
import { customerLifetimeValue, expectedAverageSpend, expectedPurchases, fitBgNbd, fitGammaGamma, modelFromParams } from "../../src/clv/index.js";
import { cdnowSummary } from "./cdnow.js";

describe("customerLifetimeValue (BG/NBD + Gamma-Gamma on CDNOW)", () => {
  const customers = cdnowSummary();
  const purchases = fitBgNbd({ unit: "weeks", customers });
  const spend = fitGammaGamma({ unit: "weeks", customers });
  if (!purchases.converged || !spend.converged) throw new Error("not converged");

  it("correct 12-month values with 4.345 weeks per month, 1 % per month: 36.28, 4.64, 8.34, ..., total 71,510", () => {
    const values = customerLifetimeValue(purchases, spend, customers, { periods: 12, period: 4.345, discountRate: 0.01 });
    const expected = [36.28, 4.64, 8.34, 8.34, 8.34, 283.52, 6.88, 8.34, 43.35, 8.34];
    expected.forEach((value, index) => expect(Math.abs((values[index] as number) - value)).toBeLessThanOrEqual(0.01));
    const total = values.reduce((sum, value) => sum + value, 0);
    expect(Math.abs(total - 71510)).toBeLessThan(1);
  });

  it("lifetimes docs regression (monthly loop over 30 units of weekly data = 360 weeks): 140.10, 18.94, 38.18, ..., 1003.87", () => {
    const values = customerLifetimeValue(purchases, spend, customers, { periods: 12, period: 30, discountRate: 0.01 });
    const expected = [140.1, 18.94, 38.18, 38.18, 38.18, 1003.87, 28.11, 38.18, 167.42, 38.18];
    expected.forEach((value, index) => expect(Math.abs((values[index] as number) - value)).toBeLessThanOrEqual(0.02));
    const total = values.reduce((sum, value) => sum + value, 0);
    expect(Math.abs(total - 266622) / 266622).toBeLessThan(1e-4);
  });

  it("period units are converted: 'months' is 30.4375 days = 4.348 weeks", () => {
    const byUnit = customerLifetimeValue(purchases, spend, customers.slice(0, 3), { periods: 12, period: "months", discountRate: 0.01 });
    const byLength = customerLifetimeValue(purchases, spend, customers.slice(0, 3), { periods: 12, period: 30.4375 / 7, discountRate: 0.01 });
    expect(Array.from(byUnit)).toEqual(Array.from(byLength));
  });

  it("without discounting equals expected purchases over the horizon times expected spend", () => {
    const customer = customers[5]!;
    const [value] = customerLifetimeValue(purchases, spend, [customer], { periods: 10, period: 5 });
    expect(value).toBeCloseTo(expectedPurchases(purchases, customer, 50) * expectedAverageSpend(spend, customer), 9);
    expect(customerLifetimeValue(purchases, spend, [customer], { periods: 0, period: 5 })[0]).toBe(0);
  });

  it("validates options", () => {
    expect(() => customerLifetimeValue(purchases, spend, [], { periods: 1.5, period: "months" })).toThrow("customerLifetimeValue requires periods to be a non-negative integer");
    expect(() => customerLifetimeValue(purchases, spend, [], { periods: 1, period: 0 })).toThrow("customerLifetimeValue requires a positive period length");
    // a unit misspelt (singular, as cohortRetention's period is) is named as such (analyst review)
    for (const period of ["month", "fortnight", ""]) {
      expect(() => customerLifetimeValue(purchases, spend, [], { periods: 1, period: period as never })).toThrow(
        new RangeError("customerLifetimeValue requires period to be days, weeks, months, years or a positive length in the model's unit"),
      );
    }
    for (const discountRate of [-1, 10, Number.POSITIVE_INFINITY, Number.NaN]) {
      // 10 is a percent typed as a number (review: it gave 0.39 for about 36), Infinity gave 0 for everyone.
      expect(() => customerLifetimeValue(purchases, spend, [], { periods: 1, period: "months", discountRate })).toThrow(
        "customerLifetimeValue requires a discount rate above -1 and at most 1 (a fraction: 0.01 is 1 % per period)",
      );
    }
    expect(() => customerLifetimeValue(purchases, spend, [{ frequency: 2, recency: 3, T: 5, monetaryValue: -4 }], { periods: 1, period: "months" })).toThrow(
      "customerLifetimeValue requires monetaryValue to be positive when frequency is above zero (row 0)",
    );
    expect(() => expectedAverageSpend(spend, { frequency: 1, monetaryValue: 0 })).toThrow(
      "expectedAverageSpend requires monetaryValue to be positive when frequency is above zero",
    );
    const notSpend = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 1, alpha: 1, a: 1, b: 1 } });
    expect(() => customerLifetimeValue(purchases, notSpend as never, [], { periods: 1, period: "months" })).toThrow(
      "customerLifetimeValue requires a converged Gamma-Gamma model",
    );
  });
});

describe("review fixes", () => {
  it("rejects a discrete-time BG/BB model instead of returning NaN", () => {
    const bgBb = modelFromParams({ kind: "BG/BB", params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 } });
    const spend = modelFromParams({ kind: "Gamma-Gamma", params: { p: 6.25, q: 3.74, gamma: 15.44 } });
    expect(() => customerLifetimeValue(bgBb as never, spend, [{ frequency: 1, recency: 1, T: 2, monetaryValue: 10 }], { periods: 1, period: 1, discountRate: 0 })).toThrow(
      "customerLifetimeValue requires a fitted BG/NBD, MBG/NBD, Pareto/NBD model",
    );
  });
  it("modelFromParams rejects Gamma-Gamma q <= 1, as fitGammaGamma does", () => {
    expect(() => modelFromParams({ kind: "Gamma-Gamma", params: { p: 6, q: 1, gamma: 15 } })).toThrow(
      "modelFromParams requires Gamma-Gamma q to be above one (expected spend is undefined otherwise)",
    );
  });
});

describe("customerLifetimeValue on hostile input", () => {
  const purchases = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
  const spend = modelFromParams({ kind: "Gamma-Gamma", params: { p: 6.248802, q: 3.744588, gamma: 15.447748 } });
  const customers = [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }];
  const options = { periods: 12, period: "months" } as const;

  it("bounds periods (1e308 threw 'Invalid typed array length')", () => {
    expect(() => customerLifetimeValue(purchases, spend, customers, { periods: 1e308, period: "months" })).toThrow(
      new RangeError("customerLifetimeValue requires periods to be a non-negative integer up to 100000"),
    );
    expect(customerLifetimeValue(purchases, spend, [], { periods: 100_000, period: "days" })).toHaveLength(0);
  });

  it("refuses hand-built models with bad parameters (params {} made it loop for ever)", () => {
    expect(() => customerLifetimeValue({ ...purchases, params: {} } as never, spend, customers, options)).toThrow(
      new RangeError("customerLifetimeValue requires a model with a positive finite parameter r"),
    );
    expect(() => customerLifetimeValue(purchases, { ...spend, params: { ...spend.params, gamma: Number.NaN } }, customers, options)).toThrow(
      new RangeError("customerLifetimeValue requires a model with a positive finite parameter gamma"),
    );
    expect(() => customerLifetimeValue(purchases, { ...spend, params: { ...spend.params, q: 0.5 } }, customers, options)).toThrow(
      new RangeError("customerLifetimeValue requires a Gamma-Gamma model with q above one"),
    );
    expect(() => expectedAverageSpend({ ...spend, params: {} } as never, { frequency: 1, monetaryValue: 3 })).toThrow(
      new RangeError("expectedAverageSpend requires a model with a positive finite parameter p"),
    );
  });

  it("throws house-style TypeErrors for missing customers, options and rows", () => {
    expect(() => customerLifetimeValue(purchases, spend, undefined as never, options)).toThrow(new TypeError("customerLifetimeValue requires an array of customers"));
    expect(() => customerLifetimeValue(purchases, spend, customers, undefined as never)).toThrow(new TypeError("customerLifetimeValue requires options to be an object"));
    expect(() => customerLifetimeValue(purchases, spend, [...customers, null] as never, options)).toThrow(
      new TypeError("customerLifetimeValue requires every customer to be an object (row 1)"),
    );
    expect(() => expectedAverageSpend(spend, null as never)).toThrow(new TypeError("expectedAverageSpend requires customer to be an object"));
  });
});

describe("customerLifetimeValue discount rates (mutation review)", () => {
  it("accepts a discount rate of exactly 1 (the documented maximum), which values the future less than 0.5 does", () => {
    const purchases = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
    const spend = modelFromParams({ kind: "Gamma-Gamma", params: { p: 6.248802, q: 3.744588, gamma: 15.447748 } });
    const customer = [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }];
    const valueAt = (discountRate: number) => customerLifetimeValue(purchases, spend, customer, { periods: 12, period: "months", discountRate })[0] as number;
    expect(Number.isFinite(valueAt(1))).toBe(true);
    expect(valueAt(1)).toBeGreaterThan(0);
    expect(valueAt(1)).toBeLessThan(valueAt(0.5));
    expect(() => valueAt(1.0000001)).toThrow(RangeError);
  });
});
