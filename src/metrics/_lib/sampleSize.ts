import { assertProbability } from "./assert.js";
import { assertAlternative } from "./twoProportion.js";
import type { Alternative } from "../types.js";
import { normalCdf, normalSf, normalUpperQuantile } from "./normal.js";

export type SampleSizeMethod = "pooled" | "cohens-h" | "baseline";

/** Shared input of the planning functions. @internal */
export interface EffectInput {
  readonly baseline: number;
  readonly mde: number;
  readonly mdeType: "absolute" | "relative";
}

/** Validates the planning inputs and returns p1 (baseline) and p2 (target). @internal */
export function targetRate(functionName: string, input: EffectInput): { p1: number; p2: number } {
  const { baseline, mde, mdeType } = input;
  assertProbability(functionName, "baseline", baseline);
  if (mdeType !== "absolute" && mdeType !== "relative") throw new TypeError(`${functionName} requires mdeType to be "absolute" or "relative"`);
  if (typeof mde !== "number" || !Number.isFinite(mde)) throw new RangeError(`${functionName} requires mde to be a finite number`);
  // `mde: 5` meant as +5 % would plan for +500 %: a relative lift above 100 % is refused, as other percent-looking rates are.
  if (mdeType === "relative" && mde > 1) {
    throw new RangeError(`${functionName} requires a relative mde of at most 1 (a fraction: 0.05 for +5 %); for a lift above 100 %, pass it as an absolute mde`);
  }
  const p2 = mdeType === "absolute" ? baseline + mde : baseline * (1 + mde);
  if (!(p2 > 0 && p2 < 1)) throw new RangeError(`${functionName} requires the target rate to lie strictly between zero and one`);
  return { p1: baseline, p2 };
}

function assertMethod(functionName: string, method: string): asserts method is SampleSizeMethod {
  if (method !== "pooled" && method !== "cohens-h" && method !== "baseline") {
    throw new TypeError(`${functionName} requires method to be "pooled", "cohens-h" or "baseline"`);
  }
}

/**
 * The design shared by the planning functions: significance level, direction of the test, and the
 * allocation `ratio` (control units per treatment unit, statsmodels' `ratio` with the treatment as
 * sample 1). @internal
 */
export interface Design {
  readonly alpha: number;
  readonly alternative: Alternative;
  readonly ratio: number;
  readonly method: SampleSizeMethod;
}

/** Reads and checks `alpha`, `alternative`, `ratio` and `method` of planning options. @internal */
export function planningDesign(functionName: string, options: { readonly alpha?: number; readonly alternative?: Alternative; readonly ratio?: number; readonly method?: SampleSizeMethod }): Design {
  const alpha = options.alpha ?? 0.05;
  assertProbability(functionName, "alpha", alpha);
  const alternative = options.alternative ?? "two-sided";
  assertAlternative(functionName, alternative);
  const ratio = options.ratio ?? 1;
  if (typeof ratio !== "number" || !Number.isFinite(ratio) || !(ratio > 0)) throw new RangeError(`${functionName} requires ratio to be a positive number (control units per treatment unit)`);
  const method = options.method ?? "pooled";
  assertMethod(functionName, method);
  return { alpha, alternative, ratio, method };
}

/** A one-sided design needs an effect in its direction: "greater" a target above the baseline, "less" one below. @internal */
export function assertDirection(functionName: string, p1: number, p2: number, alternative: Alternative): void {
  if (alternative === "greater" && !(p2 > p1)) throw new RangeError(`${functionName} requires a target above the baseline for alternative "greater"`);
  if (alternative === "less" && !(p2 < p1)) throw new RangeError(`${functionName} requires a target below the baseline for alternative "less"`);
}

/**
 * Standard deviations of the difference per treatment unit (the control arm holds `ratio` units per
 * treatment unit) under the null and the alternative, and the effect on the test's scale; p1 is the
 * baseline (control), p2 the target (treatment). As statsmodels' `_std_2prop_power`: pooled p̄ =
 * (p2 + ratio·p1)/(1 + ratio), sd0 = √(p̄q̄(1 + 1/ratio)), sd1 = √(p2q2 + p1q1/ratio). Cohen's h works on
 * the arcsine scale where both are √(1 + 1/ratio) (√2 for equal arms). @internal
 */
export function scales(p1: number, p2: number, method: SampleSizeMethod, ratio = 1): { effect: number; sdNull: number; sdAlternative: number } {
  const allocation = 1 + 1 / ratio;
  if (method === "cohens-h") {
    const sd = Math.sqrt(allocation);
    return { effect: 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1)), sdNull: sd, sdAlternative: sd };
  }
  const sdAlternative = Math.sqrt(p2 * (1 - p2) + (p1 * (1 - p1)) / ratio);
  if (method === "baseline") return { effect: p2 - p1, sdNull: Math.sqrt(p1 * (1 - p1) * allocation), sdAlternative };
  const pooled = (p2 + ratio * p1) / (1 + ratio);
  return { effect: p2 - p1, sdNull: Math.sqrt(pooled * (1 - pooled) * allocation), sdAlternative };
}

/** Power of a two-sided z test whose statistic is shifted by `shift` ≥ 0: both rejection regions beyond ±`critical`. */
function bothTails(critical: number, shift: number): number {
  return normalSf(critical - shift) + normalCdf(-critical - shift);
}

/**
 * The shift u of the test statistic (effect · √n / sd) at which a two-sided z test at level `alpha`
 * has power `power`, counting both rejection tails: Φ(u − zα) + Φ(−u − zα) = power, solved by
 * bisection on [0, zα + zβ] (the one-tail solution, which the far tail can only lower) to machine
 * precision. 0 when `power` is at most `alpha`. Cohen's h uses it as statsmodels' `NormalIndPower`
 * does. @internal
 */
export function twoSidedShift(alpha: number, power: number): number {
  const critical = normalUpperQuantile(alpha / 2);
  const powerAt = (shift: number): number => bothTails(critical, shift);
  let low = 0;
  let high = critical + normalUpperQuantile(1 - power);
  if (!(high > 0) || powerAt(0) >= power) return 0;
  for (let iteration = 0; iteration < 200; iteration++) {
    const middle = (low + high) / 2;
    if (middle <= low || middle >= high) break;
    if (powerAt(middle) >= power) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * Treatment units (the control arm has `ratio` times as many) for power `power`: Cohen's h counts both
 * rejection tails of a two-sided test, as `NormalIndPower.solve_power`; the other conventions follow
 * the one-tail formula n = ((zα·sd0 + zβ·sd1)/δ)² of `samplesize_proportions_2indep_onetail`, with zα at
 * α/2 for a two-sided test. @internal
 */
export function requiredUnits(p1: number, p2: number, power: number, design: Design): number {
  const { effect, sdNull, sdAlternative } = scales(p1, p2, design.method, design.ratio);
  const twoSided = design.alternative === "two-sided";
  const zAlpha = normalUpperQuantile(twoSided ? design.alpha / 2 : design.alpha);
  const zPower = normalUpperQuantile(1 - power);
  if (design.method === "cohens-h") return ((twoSided ? twoSidedShift(design.alpha, power) : zAlpha + zPower) * sdNull / effect) ** 2;
  return ((zAlpha * sdNull + zPower * sdAlternative) / effect) ** 2;
}

/**
 * Power with `units` treatment units (and `ratio` times as many controls): both rejection tails for a
 * two-sided test (statsmodels `normal_power_het`), one for "greater" / "less". @internal
 */
export function powerOf(p1: number, p2: number, units: number, design: Design): number {
  const { effect, sdNull, sdAlternative } = scales(p1, p2, design.method, design.ratio);
  const shift = (effect * Math.sqrt(units)) / sdAlternative;
  const spread = sdNull / sdAlternative;
  if (design.alternative === "two-sided") {
    const critical = normalUpperQuantile(design.alpha / 2) * spread;
    return bothTails(critical, Math.abs(shift));
  }
  const critical = normalUpperQuantile(design.alpha) * spread;
  return normalSf(critical - (design.alternative === "greater" ? shift : -shift));
}
