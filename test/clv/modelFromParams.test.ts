import { describe, expect, it } from "vitest";
import { expectedAverageSpend, modelFromParams } from "../../src/clv/index.js";

describe("modelFromParams", () => {
  it("builds a usable model and copies only own parameter names", () => {
    const params = Object.assign(Object.create({ q: 99 }), { p: 6.248802, q: 3.744588, gamma: 15.447748, extra: 1 });
    const model = modelFromParams({ kind: "Gamma-Gamma", params });
    expect(model.params).toEqual({ p: 6.248802, q: 3.744588, gamma: 15.447748 });
    expect(model.unit).toBe("periods");
    expect(expectedAverageSpend(model, { frequency: 2, monetaryValue: 22.35 })).toBeCloseTo(24.66, 2);
  });

  it("rejects unknown kinds, units and invalid parameters", () => {
    expect(() => modelFromParams({ kind: "NBD" } as never)).toThrow("modelFromParams requires kind to be BG/NBD, MBG/NBD, Pareto/NBD, BG/BB or Gamma-Gamma");
    expect(() => modelFromParams({ kind: "BG/NBD", unit: "fortnights", params: { r: 1, alpha: 1, a: 1, b: 1 } } as never)).toThrow(
      new TypeError("modelFromParams requires unit to be days, weeks, months or years"),
    );
    expect(() => modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: -1, alpha: 1, a: 1, b: 1 } })).toThrow(
      "modelFromParams requires parameter r to be a positive number",
    );
    expect(() => modelFromParams({ kind: "Gamma-Gamma", params: JSON.parse('{"__proto__": {"p": 1}, "q": 2, "gamma": 1}') })).toThrow(
      "modelFromParams requires parameter p to be a positive number",
    );
  });

  it("expectedAverageSpend rejects other models", () => {
    const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 1, alpha: 1, a: 1, b: 1 } });
    expect(() => expectedAverageSpend(model as never, { frequency: 1, monetaryValue: 1 })).toThrow("expectedAverageSpend requires a converged Gamma-Gamma model");
  });
});

describe("modelFromParams on hostile input", () => {
  it("throws house-style TypeErrors for a missing specification or params", () => {
    expect(() => modelFromParams(undefined as never)).toThrow(new TypeError("modelFromParams requires specification to be an object"));
    expect(() => modelFromParams({ kind: "BG/NBD", unit: "weeks", params: undefined } as never)).toThrow(new TypeError("modelFromParams requires params to be an object"));
    expect(() => modelFromParams({ kind: "BG/NBD", unit: "toString", params: { r: 1, alpha: 1, a: 1, b: 1 } } as never)).toThrow(
      new TypeError("modelFromParams requires unit to be days, weeks, months or years"),
    );
  });
});
