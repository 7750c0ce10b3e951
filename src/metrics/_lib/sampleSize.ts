import { assertProbability } from "./assert.js";
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

export function assertMethod(functionName: string, method: string): asserts method is SampleSizeMethod {
  if (method !== "pooled" && method !== "cohens-h" && method !== "baseline") {
    throw new TypeError(`${functionName} requires method to be "pooled", "cohens-h" or "baseline"`);
  }
}

export function assertPlanning(functionName: string, alpha: number, power?: number): void {
  assertProbability(functionName, "alpha", alpha);
  if (power !== undefined) assertProbability(functionName, "power", power);
}

/**
 * Standard deviations (for one unit per arm) of the difference under the null and the alternative, and
 * the effect on the test's scale. Cohen's h works on the arcsine scale where both are √2. @internal
 */
export function scales(p1: number, p2: number, method: SampleSizeMethod): { effect: number; sdNull: number; sdAlternative: number } {
  if (method === "cohens-h") {
    return { effect: 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1)), sdNull: Math.SQRT2, sdAlternative: Math.SQRT2 };
  }
  const sdAlternative = Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  if (method === "baseline") return { effect: p2 - p1, sdNull: Math.sqrt(2 * p1 * (1 - p1)), sdAlternative };
  const pooled = (p1 + p2) / 2;
  return { effect: p2 - p1, sdNull: Math.sqrt(2 * pooled * (1 - pooled)), sdAlternative };
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
  const powerAt = (shift: number): number => normalSf(critical - shift) + normalCdf(-critical - shift);
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

/** Two-sided power for n units per arm (both rejection tails, statsmodels `normal_power_het`). @internal */
export function twoSidedPower(effect: number, sdNull: number, sdAlternative: number, perArm: number, alpha: number): number {
  const critical = normalUpperQuantile(alpha / 2);
  const shift = (Math.abs(effect) * Math.sqrt(perArm)) / sdAlternative;
  const ratio = sdNull / sdAlternative;
  return normalSf(critical * ratio - shift) + normalCdf(-critical * ratio - shift);
}
