/**
 * Planning a test on a mean (revenue per user) with Student's t test: the noncentral t against an
 * mpmath quadrature, the power against mpmath (statsmodels' own is 1e-10 off through scipy's t
 * quantile at small df) and the sample size against statsmodels' `TTestIndPower().solve_power`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minimumDetectableEffectTwoMeans, powerTwoMeans, sampleSizeTwoMeans } from "../../src/metrics/index.js";
import type { Alternative } from "../../src/metrics/index.js";
import { noncentralTCdf, noncentralTSf } from "../../src/metrics/_lib/noncentralT.js";
import { tTestPower } from "../../src/metrics/_lib/meanPlanning.js";
import { expectClose, fixtures } from "./_fixtures.js";

/** An input whose Cohen's d is `effectSize`: baseline 10, standard deviation 1. */
const withEffect = (effectSize: number) => ({ baseline: 10, mde: effectSize, mdeType: "absolute", standardDeviation: 1 }) as const;

describe("the noncentral t", () => {
  it("matches an mpmath quadrature of its definition to 1e-13 (both tails; scipy's Boost agrees)", () => {
    for (const c of fixtures.noncentralT) {
      const label = `${c.call} at t=${c.t}, nu=${c.degreesOfFreedom}, delta=${c.noncentrality}`;
      expectClose(noncentralTCdf(c.t, c.degreesOfFreedom, c.noncentrality), c.cdf, label, { relative: 1e-13, absolute: 1e-16 });
      expectClose(noncentralTSf(c.t, c.degreesOfFreedom, c.noncentrality), c.sf, label, { relative: 1e-13, absolute: 1e-16 });
    }
  });

  it("is the central t at zero noncentrality, mirrors under (t, δ) → (−t, −δ), and its two tails add to one", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 0.5, max: 1e6, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true }), (t, nu, delta) => {
        expect(noncentralTCdf(t, nu, delta) + noncentralTSf(t, nu, delta)).toBeCloseTo(1, 13);
        expect(Math.abs(noncentralTCdf(t, nu, delta) - noncentralTSf(-t, nu, -delta))).toBeLessThan(1e-15);
      }),
      { numRuns: 300 },
    );
    expect(noncentralTSf(2.2, 50, 0)).toBeCloseTo(0.016228137197952547, 15);
  });
});

describe("powerTwoMeans", () => {
  it("matches mpmath's power of Student's t test to 1e-12 (statsmodels to 1e-9)", () => {
    for (const c of fixtures.meanPower) {
      const power = powerTwoMeans(withEffect(c.effectSize), { perArm: c.perArm, ratio: c.ratio, alternative: c.alternative as Alternative, alpha: c.alpha });
      expectClose(power, c.power, c.call, { relative: 1e-12 });
      expectClose(power, c.statsmodels, c.call, { relative: 1e-8 });
    }
  });

  it("reads the effect in the metric's units: relative and absolute mde, any baseline and scale", () => {
    const absolute = powerTwoMeans({ baseline: 4.2, mde: 0.21, mdeType: "absolute", standardDeviation: 18 }, { perArm: 20_000 });
    expect(powerTwoMeans({ baseline: 4.2, mde: 0.05, mdeType: "relative", standardDeviation: 18 }, { perArm: 20_000 })).toBeCloseTo(absolute, 14);
    expect(powerTwoMeans({ baseline: 420, mde: 21, mdeType: "absolute", standardDeviation: 1800 }, { perArm: 20_000 })).toBeCloseTo(absolute, 14);
    expect(powerTwoMeans({ baseline: 4.2, mde: 0, mdeType: "absolute", standardDeviation: 18 }, { perArm: 100 })).toBeCloseTo(0.05, 14);
  });
});

describe("sampleSizeTwoMeans", () => {
  it("matches statsmodels' TTestIndPower().solve_power to its brentq's 1e-8, for equal and unequal arms and one-sided tests", () => {
    for (const c of fixtures.meanSampleSize) {
      const result = sampleSizeTwoMeans(withEffect(c.effectSize), { alpha: c.alpha, power: c.power, ratio: c.ratio, alternative: c.alternative as Alternative });
      expectClose(result.exact, c.exact, c.call, { relative: c.relative });
      expect(result.defined).toBe(true);
      expect(result.perArm).toBe(Math.ceil(result.exact - 1e-9));
      expect(result.control).toBe(Math.ceil(c.ratio * result.exact - 1e-9));
      expectClose(result.effectSize, c.effectSize, "Cohen's d", { relative: 1e-14 });
    }
  });

  it("the planned size has the planned power, and one unit less does not (property)", () => {
    const alternatives: Alternative[] = ["two-sided", "greater", "less"];
    fc.assert(
      fc.property(
        fc.double({ min: 0.02, max: 2, noNaN: true }),
        fc.constantFrom(...alternatives),
        fc.constantFrom(0.01, 0.05, 0.1, 0.2),
        fc.constantFrom(0.5, 0.8, 0.9, 0.99),
        fc.constantFrom(1 / 9, 0.5, 1, 3),
        (size, alternative, alpha, power, ratio) => {
          const effectSize = alternative === "less" ? -size : size;
          const plan = sampleSizeTwoMeans(withEffect(effectSize), { alpha, power, ratio, alternative });
          if (!plan.defined) return;
          const design = { alpha, ratio, alternative, method: "pooled" } as const;
          expect(tTestPower(effectSize, plan.exact, design)).toBeCloseTo(power, 9);
          expect(powerTwoMeans(withEffect(effectSize), { perArm: plan.perArm, alpha, ratio, alternative })).toBeGreaterThanOrEqual(power - 1e-12);
          if (plan.exact - 1 > 3 / (1 + ratio)) expect(tTestPower(effectSize, plan.exact - 1, design)).toBeLessThan(power);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("solves where statsmodels' solver gives up: d = 2.5 at alpha 0.2 and power 0.5 (statsmodels returns its start value, 10)", () => {
    const plan = sampleSizeTwoMeans(withEffect(2.5), { alpha: 0.2, power: 0.5 });
    expect(plan.exact).toBeCloseTo(1.5010812843634653, 9);
    // statsmodels' own power at that size: TTestIndPower().power(2.5, 1.5010812843634653, 0.2) = 0.49999999999589445.
    expect(powerTwoMeans(withEffect(2.5), { perArm: plan.exact, alpha: 0.2 })).toBeCloseTo(0.5, 10);
    expect(plan.perArm).toBe(2);
  });

  it("needs more units than the normal approximation, a few for small samples and a vanishing share for large ones", () => {
    const normal = (d: number) => 2 * ((1.959963984540054 + 0.8416212335729143) / d) ** 2;
    const small = sampleSizeTwoMeans(withEffect(1)).exact;
    expect(small - normal(1)).toBeGreaterThan(0.5);
    expect(small - normal(1)).toBeLessThan(2);
    const large = sampleSizeTwoMeans(withEffect(0.01)).exact;
    expect(large / normal(0.01) - 1).toBeLessThan(1e-4);
    expect(large).toBeGreaterThan(normal(0.01));
  });

  it("gives 'not defined' for a zero effect and an effect the smallest sample already detects; refuses bad input", () => {
    const zero = sampleSizeTwoMeans(withEffect(0));
    expect(zero).toMatchObject({ defined: false, reason: "a zero effect needs an infinite sample" });
    expect(zero.perArm).toBeNaN();
    const huge = sampleSizeTwoMeans(withEffect(100));
    expect(huge.defined).toBe(false);
    expect(huge.exact).toBeNaN();
    expect(sampleSizeTwoMeans(withEffect(0.5), { power: 0.04 }).defined).toBe(false);
    expect(() => sampleSizeTwoMeans({ ...withEffect(0.5), standardDeviation: 0 })).toThrow(new RangeError("sampleSizeTwoMeans requires standardDeviation to be a positive number (of the metric per unit)"));
    expect(() => sampleSizeTwoMeans({ ...withEffect(0.5), baseline: Number.NaN })).toThrow("sampleSizeTwoMeans requires baseline to be a finite number (the control mean)");
    expect(() => sampleSizeTwoMeans({ baseline: 0, mde: 0.05, mdeType: "relative", standardDeviation: 1 })).toThrow("sampleSizeTwoMeans requires a non-zero baseline for a relative mde");
    expect(() => sampleSizeTwoMeans({ baseline: 4, mde: 5, mdeType: "relative", standardDeviation: 1 })).toThrow("sampleSizeTwoMeans requires a relative mde of at most 1");
    expect(() => sampleSizeTwoMeans({ baseline: 4, mde: -5, mdeType: "relative", standardDeviation: 1 })).toThrow("sampleSizeTwoMeans requires a relative mde of at least -1");
    expect(sampleSizeTwoMeans({ baseline: 0, mde: 1e-160, mdeType: "absolute", standardDeviation: 1 })).toMatchObject({ defined: false, reason: "the effect is too small for any finite sample" });
    expect(() => sampleSizeTwoMeans(withEffect(-0.5), { alternative: "greater" })).toThrow('sampleSizeTwoMeans requires a target above the baseline for alternative "greater"');
    expect(() => sampleSizeTwoMeans(withEffect(0.5), { alpha: 0.01, method: "pooled" } as never)).toThrow('sampleSizeTwoMeans does not take the option "method" (its options: alpha, power, ratio, alternative)');
    expect(() => powerTwoMeans(withEffect(0.5), { perArm: 1 })).toThrow("powerTwoMeans requires perArm to be a number of units that leaves the test a degree of freedom");
    expect(() => powerTwoMeans(withEffect(0.5), { perArm: 10, nobs_ratio: 2 } as never)).toThrow("; pass ratio");
  });
});

describe("minimumDetectableEffectTwoMeans", () => {
  it("matches a tight solve of statsmodels' power for the effect to 1e-8 (its solve_power stops early: power 0.80005 at its answer)", () => {
    for (const c of fixtures.meanDetectableEffect) {
      const result = minimumDetectableEffectTwoMeans({ baseline: 10, standardDeviation: 2, perArm: c.perArm }, { alpha: c.alpha, power: c.power, ratio: c.ratio, alternative: c.alternative as Alternative });
      expectClose(result.effectSize, c.effectSize, c.call, { relative: c.relative });
      expectClose(result.absolute, 2 * c.effectSize, "absolute = d · standardDeviation", { relative: c.relative });
      expect(result.target).toBeCloseTo(10 + result.absolute, 12);
      expect(result.relative).toBeCloseTo(result.absolute / 10, 12);
    }
  });

  it("inverts powerTwoMeans and sampleSizeTwoMeans: the detectable effect has the power, and planning for it gives the units back (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 200_000 }), fc.constantFrom<Alternative>("two-sided", "greater", "less"), fc.constantFrom(0.01, 0.05, 0.2), fc.constantFrom(0.5, 0.8, 0.95), fc.constantFrom(1 / 9, 1, 4), (perArm, alternative, alpha, power, ratio) => {
        const reach = minimumDetectableEffectTwoMeans({ baseline: 4.2, standardDeviation: 18, perArm }, { alpha, power, ratio, alternative });
        expect(reach.defined).toBe(true);
        expect(Math.sign(reach.absolute)).toBe(alternative === "less" ? -1 : 1);
        const input = { baseline: 4.2, mde: reach.absolute, mdeType: "absolute", standardDeviation: 18 } as const;
        expect(powerTwoMeans(input, { perArm, alpha, ratio, alternative })).toBeCloseTo(power, 9);
        const plan = sampleSizeTwoMeans(input, { alpha, power, ratio, alternative });
        expect(plan.exact / perArm).toBeCloseTo(1, 8);
      }),
      { numRuns: 60 },
    );
  });

  it("stays fast for huge audiences: the search starts at the z test's effect (from d = 1 it tried a noncentrality of 2e6)", () => {
    const reach = minimumDetectableEffectTwoMeans({ baseline: 1, standardDeviation: 1, perArm: 1e13 });
    // The z test's effect, (zα + zβ)·√(2/n), to which the t test's tends.
    expect(reach.effectSize / ((1.959963984540054 + 0.8416212335729143) * Math.sqrt(2 / 1e13))).toBeCloseTo(1, 5);
    expect(sampleSizeTwoMeans({ baseline: 0, mde: 1e-8, mdeType: "absolute", standardDeviation: 1 }).exact).toBeGreaterThan(1.5e17);
  });

  it("a power at most alpha needs no effect; bad input is refused", () => {
    expect(minimumDetectableEffectTwoMeans({ baseline: 4.2, standardDeviation: 18, perArm: 100 }, { power: 0.05 })).toMatchObject({ defined: false, reason: "a power at most alpha needs no effect" });
    expect(minimumDetectableEffectTwoMeans({ baseline: 0, standardDeviation: 1, perArm: 100 }).relative).toBeNaN();
    expect(() => minimumDetectableEffectTwoMeans({ baseline: 4.2, standardDeviation: -1, perArm: 100 })).toThrow("minimumDetectableEffectTwoMeans requires standardDeviation to be a positive number");
    expect(() => minimumDetectableEffectTwoMeans({ baseline: 4.2, standardDeviation: 18, perArm: 1 })).toThrow("minimumDetectableEffectTwoMeans requires perArm to be a number of units that leaves the test a degree of freedom");
    expect(() => minimumDetectableEffectTwoMeans({ baseline: 4.2, standardDeviation: 18, perArm: 100 }, { mde: 1 } as never)).toThrow('minimumDetectableEffectTwoMeans does not take the option "mde"');
  });
});
