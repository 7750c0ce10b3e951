import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { expectedPopulationPurchases, expectedPurchases, fitBgNbd, fitParetoNbd, modelFromParams, probabilityAlive, purchaseCountProbability } from "../../src/clv/index.js";
import { cdnowSummaryPlain } from "./cdnow.js";

const bgNbdPublished = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.2425982, alpha: 4.413684, a: 0.7929899, b: 2.426167 } });
const paretoBtyd = modelFromParams({ kind: "Pareto/NBD", unit: "weeks", params: { r: 0.5534, alpha: 10.58, s: 0.6061, beta: 11.67 } });

describe("expectedPurchases, BG/NBD", () => {
  const customers = cdnowSummaryPlain();
  const model = fitBgNbd({ unit: "weeks", customers });
  if (!model.converged) throw new Error(model.message);

  it("customer 1 over the next 39 weeks: 1.226 (Hardie's Excel); customer 6: 3.337", () => {
    expect(expectedPurchases(model, customers[0]!, 39)).toBeCloseTo(1.226, 3);
    expect(expectedPurchases(model, customers[5]!, 39)).toBeCloseTo(3.337, 3);
  });

  it("customer 1516 at t = 52: 25.75659 (BTYD) to 4 significant figures", () => {
    const value = expectedPurchases(bgNbdPublished, { frequency: 26, recency: 30.85714, T: 31 }, 52);
    expect(Math.abs(value - 25.75659) / 25.75659).toBeLessThan(1e-4);
  });

  it("Quickstart ranking at t = 1: 0.424877, 0.474738, 0.486526, 0.662396, 0.710623", () => {
    const values = customers.map((c) => expectedPurchases(model, c, 1)).sort((x, y) => x - y).slice(-5);
    const expected = [0.424877, 0.474738, 0.486526, 0.662396, 0.710623];
    values.forEach((value, index) => expect(value).toBeCloseTo(expected[index] as number, 5));
  });

  it("increasing-frequency paradox (t_x 20, T 39, t = 52): 0.3474606, 0.04283391, 0.004158973, 0.0003583685", () => {
    const expected = [0.3474606, 0.04283391, 0.004158973, 0.0003583685];
    [10, 15, 20, 25].forEach((x, index) => {
      const value = expectedPurchases(bgNbdPublished, { frequency: x, recency: 20, T: 39 }, 52);
      expect(Math.abs(value - (expected[index] as number)) / (expected[index] as number)).toBeLessThan(2e-3);
    });
  });

  it("Σ conditional expectations over the 2,357 customers at t = 39: 1653.42", () => {
    const total = customers.reduce((sum, c) => sum + expectedPurchases(model, c, 39), 0);
    expect(total).toBeCloseTo(1653.42, 1);
  });

  it("a horizon with a unit is converted to the model unit", () => {
    const weeks = expectedPurchases(model, customers[0]!, 52);
    expect(expectedPurchases(model, customers[0]!, { amount: 364, unit: "days" })).toBeCloseTo(weeks, 12);
    expect(expectedPurchases(model, customers[0]!, { amount: 1, unit: "years" })).toBeCloseTo(expectedPurchases(model, customers[0]!, 365.25 / 7), 12);
    expect(expectedPurchases(model, customers[0]!, 0)).toBe(0);
  });

  it("no NaN or Infinity for frequency up to 1000 and T up to 1000", () => {
    for (const x of [0, 1, 10, 100, 300, 1000]) {
      for (const T of [1, 39, 1000]) {
        for (const t of [1, 52, 1000]) {
          const customer = { frequency: x, recency: x === 0 ? 0 : T * 0.9, T };
          const value = expectedPurchases(model, customer, t);
          expect(Number.isFinite(value) && value >= 0).toBe(true);
          expect(Number.isFinite(probabilityAlive(model, customer))).toBe(true);
        }
      }
    }
  });

  it("is monotone in the horizon", () => {
    let previous = 0;
    for (const t of [1, 5, 20, 52, 104, 520]) {
      const value = expectedPurchases(model, customers[5]!, t);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
  });
});

describe("expectedPurchases, Pareto/NBD", () => {
  const customers = cdnowSummaryPlain();
  const model = fitParetoNbd({ unit: "weeks", customers });
  if (!model.converged) throw new Error(model.message);

  it("customer 1516 at t = 52: 25.45647 (BTYD); customer 1 at t = 39: 1.4551", () => {
    const value = expectedPurchases(paretoBtyd, { frequency: 26, recency: 30.85714, T: 31 }, 52);
    expect(Math.abs(value - 25.45647) / 25.45647).toBeLessThan(1e-3);
    expect(expectedPurchases(model, customers[0]!, 39)).toBeCloseTo(1.4551, 3);
  });

  it("increasing-frequency paradox: 0.7062289, 0.1442396, 0.02250658, 0.00309267 (3 significant figures)", () => {
    const expected = [0.7062289, 0.1442396, 0.02250658, 0.00309267];
    [10, 15, 20, 25].forEach((x, index) => {
      const value = expectedPurchases(paretoBtyd, { frequency: x, recency: 20, T: 39 }, 52);
      expect(Math.abs(value - (expected[index] as number)) / (expected[index] as number)).toBeLessThan(5e-3);
    });
  });

  it("Σ conditional expectations at t = 39: 1665.52", () => {
    const total = customers.reduce((sum, c) => sum + expectedPurchases(model, c, 39), 0);
    expect(total).toBeCloseTo(1665.52, 0);
  });

  it("no NaN or Infinity for frequency up to 1000 and T up to 1000", () => {
    for (const x of [0, 1, 100, 1000]) {
      for (const T of [1, 39, 1000]) {
        const customer = { frequency: x, recency: x === 0 ? 0 : T * 0.5, T };
        expect(Number.isFinite(expectedPurchases(model, customer, 52))).toBe(true);
        expect(Number.isFinite(probabilityAlive(model, customer))).toBe(true);
      }
    }
  });
});

describe("expectedPurchases errors", () => {
  it("rejects unfitted or failed models and bad horizons", () => {
    const failed = { ...bgNbdPublished, converged: false } as unknown as typeof bgNbdPublished;
    expect(() => expectedPurchases(failed, { frequency: 0, recency: 0, T: 1 }, 1)).toThrow("expectedPurchases requires a converged model");
    expect(() => expectedPurchases({} as typeof bgNbdPublished, { frequency: 0, recency: 0, T: 1 }, 1)).toThrow(
      "expectedPurchases requires a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model",
    );
    expect(() => expectedPurchases(bgNbdPublished, { frequency: 0, recency: 0, T: 1 }, -1)).toThrow("expectedPurchases requires a non-negative horizon");
    expect(() => expectedPurchases(bgNbdPublished, { frequency: 1, recency: 2, T: 1 }, 1)).toThrow("expectedPurchases requires recency between zero and T");
  });

  it("is continuous through a = 1, where the closed forms are 0/0 (BG/NBD and MBG/NBD; review: -Infinity at 1, 9 % off at 1 + 1e-14)", () => {
    // test/reference/clv/shapeNearOne.py: mpmath at 80 digits. Stated tolerance 1e-9 relative: the closed
    // form holds from |a - 1| = 1e-5; below, the line from the limit to the closed form at 1e-5.
    const reference = JSON.parse(readFileSync(new URL("../reference/clv/shape-near-one.json", import.meta.url), "utf8")) as {
      params: { r: number; alpha: number; b: number };
      customer: { frequency: number; recency: number; T: number };
      horizon: number;
      rows: Array<{ a: number; gap: string; bgConditional: number; bgPopulation: number; mbgConditional: number; mbgPopulation: number }>;
    };
    const { r, alpha, b } = reference.params;
    for (const row of reference.rows) {
      const bg = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r, alpha, a: row.a, b } });
      const mbg = modelFromParams({ kind: "MBG/NBD", unit: "weeks", params: { r, alpha, a: row.a, b } });
      const close = (actual: number, expected: number, label: string) => expect(Math.abs(actual / expected - 1), `${label} at a = 1 + ${row.gap}`).toBeLessThan(1e-9);
      close(expectedPurchases(bg, reference.customer, reference.horizon), row.bgConditional, "BG/NBD conditional");
      close(expectedPopulationPurchases(bg, reference.horizon), row.bgPopulation, "BG/NBD population");
      close(expectedPurchases(mbg, reference.customer, reference.horizon), row.mbgConditional, "MBG/NBD conditional");
      close(expectedPopulationPurchases(mbg, reference.horizon), row.mbgPopulation, "MBG/NBD population");
    }
  });

  it("stays exact at short horizons, where the closed form lost 1e-16 / (|a - 1| z) relative (review: 3.5e-7 at a = 1 + 1e-5, 0.27 % at t = 1e-6)", () => {
    // test/reference/clv/shapeNearOne.py, "shortHorizons": mpmath at 80 digits, a from 0.5 to 1.3 with 1 ± 1e-5 and 1 itself,
    // z = t / (alpha + T + t) from 2.6e-8 to 0.6 %. Stated tolerance 1e-11 relative.
    const reference = JSON.parse(readFileSync(new URL("../reference/clv/shape-near-one.json", import.meta.url), "utf8")) as {
      shortHorizons: Array<{
        r: number; alpha: number; a: number; b: number; gap: string; horizon: number;
        customer: { frequency: number; recency: number; T: number };
        bgConditional: number; mbgConditional: number; bgPopulation: number; mbgPopulation: number;
      }>;
    };
    expect(reference.shortHorizons.length).toBe(60);
    let worst = 0;
    for (const row of reference.shortHorizons) {
      const params = { r: row.r, alpha: row.alpha, a: row.a, b: row.b };
      const bg = modelFromParams({ kind: "BG/NBD", unit: "weeks", params });
      const mbg = modelFromParams({ kind: "MBG/NBD", unit: "weeks", params });
      const label = `r ${row.r}, a = 1 + ${row.gap}, ${JSON.stringify(row.customer)}, t ${row.horizon}`;
      for (const [actual, expected, what] of [
        [expectedPurchases(bg, row.customer, row.horizon), row.bgConditional, "BG/NBD conditional"],
        [expectedPurchases(mbg, row.customer, row.horizon), row.mbgConditional, "MBG/NBD conditional"],
        [expectedPopulationPurchases(bg, row.horizon), row.bgPopulation, "BG/NBD population"],
        [expectedPopulationPurchases(mbg, row.horizon), row.mbgPopulation, "MBG/NBD population"],
      ] as const) {
        const error = Math.abs(actual / expected - 1);
        worst = Math.max(worst, error);
        expect(error, `${what} ${label}`).toBeLessThan(1e-11);
      }
    }
    expect(worst).toBeGreaterThan(0);
  });

  it("BG/BB stays exact over long histories and near gamma = 1 (review: 8.9e-7 at n = 10,000, 1.5e-4 at gamma = 1.0002)", () => {
    // test/reference/clv/shapeNearOne.py, "longHistories": FHS 2010 eqs. 13 and 5 in mpmath at 80 digits.
    // Stated tolerance 1e-10 relative (the worst case, 10,000 periods and a horizon of 1, is 2.6e-11).
    const reference = JSON.parse(readFileSync(new URL("../reference/clv/shape-near-one.json", import.meta.url), "utf8")) as {
      bgbb: {
        longHistories: Array<{
          alpha: number; beta: number; gamma: number; delta: number; horizon: number;
          customer: { frequency: number; recency: number; periods: number }; conditional: number; population: number;
        }>;
      };
    };
    const rows = reference.bgbb.longHistories;
    expect(rows.length).toBe(50);
    for (const row of rows) {
      const model = modelFromParams({ kind: "BG/BB", params: { alpha: row.alpha, beta: row.beta, gamma: row.gamma, delta: row.delta } });
      const label = `gamma ${row.gamma}, ${JSON.stringify(row.customer)}, m ${row.horizon}`;
      expect(Math.abs(expectedPurchases(model, row.customer, row.horizon) / row.conditional - 1), `conditional ${label}`).toBeLessThan(1e-10);
      expect(Math.abs(expectedPopulationPurchases(model, row.customer.periods) / row.population - 1), `population ${label}`).toBeLessThan(1e-10);
    }
  });

  it("is continuous through gamma = 1 for BG/BB, where the closed forms are 0/0 (review: Infinity or NaN at 1)", () => {
    // test/reference/clv/shapeNearOne.py: mpmath at 80 digits. Stated tolerance 1e-8 relative (the log-gamma
    // differences of the closed form lose about 1e-14 / |gamma - 1|; within 1e-4 of 1, the line from the limit).
    const reference = JSON.parse(readFileSync(new URL("../reference/clv/shape-near-one.json", import.meta.url), "utf8")) as {
      bgbb: {
        params: { alpha: number; beta: number; delta: number };
        customer: { frequency: number; recency: number; periods: number };
        horizon: number;
        rows: Array<{ gamma: number; gap: string; conditional: number; population: number }>;
      };
    };
    const { params, customer, horizon, rows } = reference.bgbb;
    for (const row of rows) {
      const model = modelFromParams({ kind: "BG/BB", params: { alpha: params.alpha, beta: params.beta, gamma: row.gamma, delta: params.delta } });
      const close = (actual: number, expected: number, label: string) => expect(Math.abs(actual / expected - 1), `${label} at gamma = 1 + ${row.gap}`).toBeLessThan(1e-8);
      close(expectedPurchases(model, customer, horizon), row.conditional, "conditional");
      close(expectedPopulationPurchases(model, customer.periods), row.population, "population");
    }
  });
});

describe("the prediction functions on hand-built models", () => {
  const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
  const customer = { frequency: 2, recency: 30.43, T: 38.86 };
  const broken: ReadonlyArray<[string, unknown, string]> = [
    ["params {}", { ...model, params: {} }, "a model with a positive finite parameter r"],
    ["params null", { ...model, params: null }, "a model with a positive finite parameter r"],
    ["r = []", { ...model, params: { ...model.params, r: [] } }, "a model with a positive finite parameter r"],
    ["alpha NaN", { ...model, params: { ...model.params, alpha: Number.NaN } }, "a model with a positive finite parameter alpha"],
    ["a = −1", { ...model, params: { ...model.params, a: -1 } }, "a model with a positive finite parameter a"],
    ["b = Infinity", { ...model, params: { ...model.params, b: Number.POSITIVE_INFINITY } }, "a model with a positive finite parameter b"],
    ["unit missing", { ...model, unit: undefined }, "a model with unit days, weeks, months or years"],
    ["unit periods", { ...model, unit: "periods" }, "a model with unit days, weeks, months or years"],
  ];

  // these returned NaN
  it.each(broken)("throw for %s", (_label, bad, requirement) => {
    const untyped = bad as typeof model;
    expect(() => expectedPurchases(untyped, customer, 39)).toThrow(new RangeError(`expectedPurchases requires ${requirement}`));
    expect(() => probabilityAlive(untyped, customer)).toThrow(new RangeError(`probabilityAlive requires ${requirement}`));
    expect(() => expectedPopulationPurchases(untyped, 39)).toThrow(new RangeError(`expectedPopulationPurchases requires ${requirement}`));
  });

  it("reads horizons strictly: { amount: null } gave 0", () => {
    expect(() => expectedPurchases(model, customer, { amount: null, unit: "days" } as never)).toThrow(new TypeError("expectedPurchases requires the horizon amount to be a number"));
    expect(() => expectedPurchases(model, customer, { amount: "273", unit: "days" } as never)).toThrow(TypeError);
    expect(() => expectedPurchases(model, customer, { amount: 273, unit: "toString" } as never)).toThrow(
      new TypeError("expectedPurchases requires the horizon unit to be days, weeks, months or years"),
    );
    expect(() => expectedPurchases(model, customer, { amount: Number.NaN, unit: "days" })).toThrow(new RangeError("expectedPurchases requires a non-negative horizon"));
    expect(() => expectedPurchases(model, customer, null as never)).toThrow(new TypeError("expectedPurchases requires the horizon to be a number or { amount, unit }"));
    expect(() => expectedPopulationPurchases(model, { amount: undefined, unit: "weeks" } as never)).toThrow(
      new TypeError("expectedPopulationPurchases requires the horizon amount to be a number"),
    );
  });

  it("takes a horizon as { amount, unit }, as rules write a duration, and names the key of any other shape", () => {
    expect(expectedPurchases(model, customer, { amount: 4, unit: "weeks" })).toBe(expectedPurchases(model, customer, 4));
    expect(() => expectedPurchases(model, customer, { value: 273, unit: "days" } as never)).toThrow(
      new TypeError('expectedPurchases does not take the horizon key "value" (its horizon keys: amount, unit); pass amount'),
    );
    expect(() => purchaseCountProbability(model, { amount: 3, unit: "days", days: 3 } as never, 0)).toThrow(
      new TypeError('purchaseCountProbability does not take the horizon key "days" (its horizon keys: amount, unit)'),
    );
  });

  it("throw a TypeError for a null customer", () => {
    expect(() => expectedPurchases(model, null as never, 39)).toThrow(new TypeError("expectedPurchases requires customer to be an object"));
    expect(() => probabilityAlive(model, undefined as never)).toThrow(new TypeError("probabilityAlive requires customer to be an object"));
  });
});
