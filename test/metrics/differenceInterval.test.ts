import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { differenceInterval } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("differenceInterval", () => {
  it("matches statsmodels confint_proportions_2indep (wald and newcomb)", () => {
    for (const c of fixtures.differenceInterval) {
      const [successesA, trialsA, successesB, trialsB] = c.counts;
      const result = differenceInterval({ successesA, trialsA, successesB, trialsB }, { method: c.method, confidence: c.confidence });
      expectClose(result.lower, c.lower, `${c.call} lower`);
      expectClose(result.upper, c.upper, `${c.call} upper`);
    }
  });
  it("Wald is degenerate when both proportions are 0 or 1; Newcombe stays defined", () => {
    const counts = { successesA: 0, trialsA: 30, successesB: 0, trialsB: 40 };
    expect(differenceInterval(counts, { method: "wald" }).defined).toBe(false);
    const newcombe = differenceInterval(counts, { method: "newcombe" });
    expect(newcombe.defined).toBe(true);
    expect(newcombe.lower).toBeLessThan(0);
    expect(newcombe.upper).toBeGreaterThan(0);
    expect(differenceInterval({ successesA: 0, trialsA: 0, successesB: 0, trialsB: 4 }, { method: "newcombe" }).defined).toBe(false);
  });
  it("requires a known method", () => {
    expect(() => differenceInterval({ successesA: 1, trialsA: 2, successesB: 1, trialsB: 2 }, { method: "score" as "wald" })).toThrow(
      new TypeError('differenceInterval requires method to be "wald" or "newcombe"'),
    );
  });
  it("law: the Newcombe interval contains the estimate and lies in [-1, 1]", () => {
    fc.assert(
      fc.property(fc.nat(300), fc.integer({ min: 1, max: 300 }), fc.nat(300), fc.integer({ min: 1, max: 300 }), (xa, na, xb, nb) => {
        fc.pre(xa <= na && xb <= nb);
        const r = differenceInterval({ successesA: xa, trialsA: na, successesB: xb, trialsB: nb }, { method: "newcombe" });
        expect(r.lower).toBeLessThanOrEqual(r.difference + 1e-12);
        expect(r.upper).toBeGreaterThanOrEqual(r.difference - 1e-12);
        expect(r.lower).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(r.upper).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});
