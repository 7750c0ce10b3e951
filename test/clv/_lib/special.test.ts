import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clvReference } from "../_reference.js";
import { readFileSync } from "node:fs";
import { inverseOnePlusExp, log2F1, log2F1Signed, logAddExp, logGamma, logNegativeBinomialCoefficient, logSubExp } from "../../../src/clv/_lib/special.js";

/** test/reference/clv/residual.py: ln 2F1 by mpmath near z = 1 with a whole-number c − a − b. */
const integerExcess = (
  JSON.parse(readFileSync(new URL("../../reference/clv/residual.json", import.meta.url), "utf8")) as {
    hyp2f1IntegerExcess: Array<{ a: number; b: number; c: number; z: number; log: number }>;
  }
).hyp2f1IntegerExcess;

describe("log2F1", () => {
  it("matches mpmath (50 digits) to 1e-12 relative, including the overflow regime", () => {
    for (const { a, b, c, z, log } of clvReference.hyp2f1) {
      const value = log2F1Signed(a, b, c, z);
      expect(value.sign).toBe(1);
      expect(Math.abs(value.log - log)).toBeLessThan(1e-12 * Math.max(1, Math.abs(log)));
    }
  });

  it("with c − a − b a whole number near z = 1 (A&S 15.3.11), matches mpmath to 1e-13 where the capped series erred by up to 1e-3", () => {
    expect(integerExcess.length).toBe(35);
    for (const { a, b, c, z, log } of integerExcess) {
      const value = log2F1Signed(a, b, c, z);
      expect(value.sign, `${a} ${b} ${c} ${z}`).toBe(1);
      expect(Math.abs(value.log - log), `${a} ${b} ${c} ${z}`).toBeLessThan(1e-13 * Math.max(1, Math.abs(log)));
      if (z <= 0.995) continue;
      // and continuously: 1e-12 off the whole number 15.3.11 answers, 1e-8 off it the connection formula
      for (const offset of [1e-12, -1e-12, 1e-8, -1e-8]) {
        const near = log2F1Signed(a, b, c + offset, z);
        expect(Math.abs(near.log - log), `${a} ${b} ${c} + ${offset} ${z}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(log)));
      }
    }
  });

  it("closed forms: 2F1(1,1;2;z) = −ln(1−z)/z and 2F1(a,b;b;z) = (1−z)^−a", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.99, max: 0.999, noNaN: true }), fc.double({ min: 0.1, max: 50, noNaN: true }), fc.double({ min: 0.1, max: 50, noNaN: true }), (z, a, b) => {
        fc.pre(Math.abs(z) > 1e-6);
        const expected = Math.log(-Math.log1p(-z) / z);
        expect(Math.abs(log2F1(1, 1, 2, z) - expected)).toBeLessThan(1e-11);
        expect(Math.abs(log2F1Signed(a, b, b, z).log - -a * Math.log1p(-z))).toBeLessThan(1e-9 * Math.max(1, Math.abs(a * Math.log1p(-z))));
      }),
    );
  });

  it("stays finite for x up to 1000 and z near 1", () => {
    for (const x of [0, 10, 100, 300, 1000]) {
      for (const z of [0.1, 0.5, 0.9, 0.99]) {
        const value = log2F1(0.24 + x, 2.43 + x, 3.22 + x - 1, z);
        expect(Number.isFinite(value)).toBe(true);
      }
    }
  });

  it("near z = 1 (connection formula) agrees with closed forms", () => {
    for (const z of [0.996, 0.9999, 1 - 1e-9]) {
      // 2F1(a, b; b; z) = (1 − z)^−a and 2F1(1, 1; 2; z) = −ln(1 − z)/z
      expect(log2F1Signed(2.3, 1.7, 1.7, z).log).toBeCloseTo(-2.3 * Math.log1p(-z), 9);
    }
    // Gauss: 2F1(a, b; c; 1) = Γ(c)Γ(c−a−b)/(Γ(c−a)Γ(c−b)) for c − a − b > 0 (here 1.25)
    const atOne = logGamma(2) + logGamma(1.25) - logGamma(1.5) - logGamma(1.75);
    expect(log2F1(0.5, 0.25, 2, 1 - 1e-13)).toBeCloseTo(atOne, 9);
  });

  it("is NaN outside z < 1", () => {
    expect(log2F1(1, 1, 2, 1)).toBeNaN();
  });
});

describe("log-space helpers", () => {
  it("logAddExp and logSubExp agree with direct evaluation and survive large arguments", () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logSubExp(Math.log(5), Math.log(3))).toBeCloseTo(Math.log(2), 14);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 10);
    expect(logSubExp(1000, 1000)).toBe(Number.NEGATIVE_INFINITY);
    expect(logSubExp(0, -1e-20)).toBeCloseTo(Math.log(1e-20), 8);
    expect(logAddExp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
  });

  it("inverseOnePlusExp is the logistic of −x without overflow", () => {
    expect(inverseOnePlusExp(0)).toBe(0.5);
    expect(inverseOnePlusExp(1000)).toBe(0);
    expect(inverseOnePlusExp(-1000)).toBe(1);
    expect(inverseOnePlusExp(Number.NEGATIVE_INFINITY)).toBe(1);
    expect(inverseOnePlusExp(2)).toBeCloseTo(1 / (1 + Math.exp(2)), 15);
  });

  it("logNegativeBinomialCoefficient: ln Γ(r+n)/(Γ(r) n!) (mpmath, 40 digits), where two log-gammas of 3e5 kept only 1e-11", () => {
    // mpmath: loggamma(r + n) - loggamma(r) - loggamma(n + 1)
    const cases: Array<[number, number, number]> = [
      [0.5534, 30000, -5.078135169521619],
      [0.5534, 1, -0.5916742116293116],
      [2.5, 1_000_000, 20.43858484147224],
      [1e-3, 7, -8.8512161733354],
    ];
    for (const [r, n, expected] of cases) expect(Math.abs(logNegativeBinomialCoefficient(r, n) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
    expect(logNegativeBinomialCoefficient(0.7, 0)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 50, noNaN: true }), fc.integer({ min: 0, max: 60 }), (r, n) => {
        const direct = logGamma(r + n) - logGamma(r) - logGamma(n + 1);
        expect(Math.abs(logNegativeBinomialCoefficient(r, n) - direct)).toBeLessThan(1e-12 * Math.max(1, Math.abs(direct)));
      }),
    );
  });
});
