import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adjustPValues } from "../../src/metrics/index.js";
import type { PValueAdjustment } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("adjustPValues", () => {
  it("matches statsmodels multipletests (bonferroni, sidak, holm, holm-sidak, simes-hochberg, hommel, fdr_bh, fdr_by), p = 0 and p = 1 included", () => {
    expect(fixtures.adjustPValues.length).toBe(136);
    for (const c of fixtures.adjustPValues) {
      const result = adjustPValues(c.pValues, { method: c.method as PValueAdjustment, alpha: c.alpha });
      c.adjusted.forEach((expected: number, index: number) => expectClose(result.adjusted[index] as number, expected, `${c.call}[${index}]`, { absolute: 0 }));
      expect(result.reject, c.call).toEqual(c.reject);
    }
  });

  it("takes statsmodels' arithmetic on the decision boundaries: three p-values of 0.05 under BH are all rejected (review)", () => {
    const boundary = fixtures.adjustPValues.filter((c: { pValues: number[] }) => c.pValues.length > 0 && c.pValues.at(-1) === 0.05 && c.pValues.length <= 5);
    expect(boundary.length).toBeGreaterThanOrEqual(24);
    for (const c of boundary) {
      const result = adjustPValues(c.pValues, { method: c.method as PValueAdjustment, alpha: c.alpha });
      // Bit for bit: the same operations in the same order as statsmodels (the harmonic sum of BY included, for m ≤ 8);
      // Šidák's go through expm1 and log1p, whose last bit numpy and JavaScript may round differently.
      if (c.method.includes("sidak")) c.adjusted.forEach((expected: number, index: number) => expectClose(result.adjusted[index] as number, expected, c.call, { absolute: 0, relative: 1e-15 }));
      else expect(result.adjusted, c.call).toEqual(c.adjusted);
      expect(result.reject, c.call).toEqual(c.reject);
    }
    const bh = adjustPValues([0.05, 0.05, 0.05], { method: "bh" });
    expect(bh).toMatchObject({ adjusted: [0.05, 0.05, 0.05], reject: [true, true, true] });
  });
  it("keeps the caller's order and excludes NaN from the family", () => {
    const result = adjustPValues([0.04, Number.NaN, 0.01], { method: "bonferroni" });
    expect(result.adjusted[0]).toBeCloseTo(0.08, 15);
    expect(result.adjusted[1]).toBeNaN();
    expect(result.adjusted[2]).toBeCloseTo(0.02, 15);
    expect(result.reject).toEqual([false, false, true]);
    expect(result.familySize).toBe(2);
    expect(result.excluded).toEqual([1]);
  });
  it("an empty family gives empty arrays", () => {
    expect(adjustPValues([], { method: "holm" })).toMatchObject({ adjusted: [], reject: [], familySize: 0 });
  });
  it("rejects invalid p-values and methods", () => {
    expect(() => adjustPValues([1.2], { method: "holm" })).toThrow(new RangeError("adjustPValues requires p-values between zero and one"));
    expect(() => adjustPValues([0.2], { method: "fdr_bh" as PValueAdjustment })).toThrow(
      new TypeError('adjustPValues requires method to be "bonferroni", "sidak", "holm", "holm-sidak", "hochberg", "hommel", "bh" or "by"'),
    );
    expect(() => adjustPValues([0.2], { method: "toString" as PValueAdjustment })).toThrow(TypeError);
  });
  it("Hommel can reject where Hochberg cannot: 0.021, 0.027, 0.068 (adjusted 0.042 against Hochberg's 0.054, as statsmodels)", () => {
    const p = [0.021, 0.027, 0.068];
    expect(adjustPValues(p, { method: "hochberg" })).toMatchObject({ reject: [false, false, false] });
    const hommel = adjustPValues(p, { method: "hommel" });
    expect(hommel.reject).toEqual([true, false, false]);
    expect(hommel.adjusted[0]).toBeCloseTo(0.042, 15);
  });

  it("laws: Šidák ≤ Bonferroni, Holm-Šidák ≤ Holm, Hommel ≤ Hochberg ≤ Holm, each adjusted ≥ raw and monotone in the raw order", () => {
    const methods: PValueAdjustment[] = ["bonferroni", "sidak", "holm", "holm-sidak", "hochberg", "hommel"];
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (p) => {
        const results = Object.fromEntries(methods.map((method) => [method, adjustPValues(p, { method }).adjusted])) as Record<PValueAdjustment, number[]>;
        const at = (method: PValueAdjustment, i: number) => results[method][i] as number;
        for (let i = 0; i < p.length; i++) {
          expect(at("sidak", i)).toBeLessThanOrEqual(at("bonferroni", i) + 1e-15);
          expect(at("holm-sidak", i)).toBeLessThanOrEqual(at("holm", i) + 1e-15);
          expect(at("hochberg", i)).toBeLessThanOrEqual(at("holm", i) + 1e-15);
          expect(at("hommel", i)).toBeLessThanOrEqual(at("hochberg", i) + 1e-15);
          for (const method of methods) {
            expect(at(method, i)).toBeGreaterThanOrEqual((p[i] as number) - 1e-15);
            expect(at(method, i)).toBeLessThanOrEqual(1);
            for (let j = 0; j < p.length; j++) if ((p[i] as number) <= (p[j] as number)) expect(at(method, i)).toBeLessThanOrEqual(at(method, j) + 1e-15);
          }
        }
      }),
    );
  });

  it("laws: adjusted ≥ raw, ≤ 1, monotone in the raw order; Bonferroni ≥ Holm ≥ BH; BY ≥ BH", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (p) => {
        const bonferroni = adjustPValues(p, { method: "bonferroni" }).adjusted;
        const holm = adjustPValues(p, { method: "holm" }).adjusted;
        const bh = adjustPValues(p, { method: "bh" }).adjusted;
        const by = adjustPValues(p, { method: "by" }).adjusted;
        for (let i = 0; i < p.length; i++) {
          expect(holm[i]).toBeGreaterThanOrEqual((p[i] as number) - 1e-15);
          expect(bh[i]).toBeGreaterThanOrEqual((p[i] as number) - 1e-15);
          expect(bonferroni[i]).toBeLessThanOrEqual(1);
          expect(bonferroni[i]).toBeGreaterThanOrEqual((holm[i] as number) - 1e-15);
          expect(holm[i]).toBeGreaterThanOrEqual((bh[i] as number) - 1e-15);
          expect(by[i]).toBeGreaterThanOrEqual((bh[i] as number) - 1e-15);
          for (let j = 0; j < p.length; j++) if ((p[i] as number) <= (p[j] as number)) expect(holm[i]).toBeLessThanOrEqual((holm[j] as number) + 1e-15);
        }
      }),
    );
  });
});
