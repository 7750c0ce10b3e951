import { studentTwoSidedQuantile } from "./studentT.js";
import { normalUpperQuantile } from "./normal.js";
import { noncentralTCdf, noncentralTSf } from "./noncentralT.js";
import type { Design } from "./sampleSize.js";

/** Shared input of the planning functions for means. @internal */
export interface MeanEffectInput {
  readonly baseline: number;
  readonly mde: number;
  readonly mdeType: "absolute" | "relative";
  readonly standardDeviation: number;
}

/** Validates the planning inputs for means: the control mean, the target mean and Cohen's d. @internal */
export function meanTarget(functionName: string, input: MeanEffectInput): { baseline: number; target: number; effectSize: number; standardDeviation: number } {
  const { baseline, mde, mdeType, standardDeviation } = input;
  if (typeof baseline !== "number" || !Number.isFinite(baseline)) throw new RangeError(`${functionName} requires baseline to be a finite number (the control mean)`);
  if (mdeType !== "absolute" && mdeType !== "relative") throw new TypeError(`${functionName} requires mdeType to be "absolute" or "relative"`);
  if (typeof mde !== "number" || !Number.isFinite(mde)) throw new RangeError(`${functionName} requires mde to be a finite number`);
  if (typeof standardDeviation !== "number" || !Number.isFinite(standardDeviation) || !(standardDeviation > 0)) {
    throw new RangeError(`${functionName} requires standardDeviation to be a positive number (of the metric per unit)`);
  }
  if (mdeType === "relative") {
    // As for proportions: `mde: 5` meant as +5 % would plan for +500 %.
    if (mde > 1) throw new RangeError(`${functionName} requires a relative mde of at most 1 (a fraction: 0.05 for +5 %); for a lift above 100 %, pass it as an absolute mde`);
    // `mde: -5` meant as −5 % would plan for −500 %, a mean of the other sign.
    if (mde < -1) throw new RangeError(`${functionName} requires a relative mde of at least -1 (a fraction: -0.05 for -5 %); for a larger change, pass it as an absolute mde`);
    if (baseline === 0) throw new RangeError(`${functionName} requires a non-zero baseline for a relative mde`);
  }
  const target = mdeType === "absolute" ? baseline + mde : baseline * (1 + mde);
  const effectSize = (target - baseline) / standardDeviation;
  if (!Number.isFinite(effectSize)) throw new RangeError(`${functionName} requires an effect that is finite in standard deviations`);
  return { baseline, target, effectSize, standardDeviation };
}

/** The t with P(T ≥ t) = `tail` for Student's t, any tail in (0, 1). */
function upperQuantile(tail: number, degreesOfFreedom: number): number {
  return tail <= 0.5 ? studentTwoSidedQuantile(2 * tail, degreesOfFreedom) : -studentTwoSidedQuantile(2 * (1 - tail), degreesOfFreedom);
}

/**
 * Power of the two-sample t test with equal variances (Student's), `units` treatment units and
 * `ratio` times as many controls, for Cohen's d `effectSize` (treatment minus control, in standard
 * deviations): ν = n1 + n2 − 2, noncentrality d/√(1/n1 + 1/n2), and the rejection regions beyond the
 * t quantiles at α/2 (both counted) or α, under the noncentral t. As statsmodels'
 * `TTestIndPower().power(d, nobs1, alpha, ratio, alternative)`. @internal
 */
export function tTestPower(effectSize: number, units: number, design: Design): number {
  const controls = design.ratio * units;
  const degreesOfFreedom = units + controls - 2;
  if (!(degreesOfFreedom > 0)) return Number.NaN;
  const noncentrality = effectSize / Math.sqrt(1 / units + 1 / controls);
  if (design.alternative === "two-sided") {
    const critical = studentTwoSidedQuantile(design.alpha, degreesOfFreedom);
    return noncentralTSf(critical, degreesOfFreedom, noncentrality) + noncentralTCdf(-critical, degreesOfFreedom, noncentrality);
  }
  const critical = upperQuantile(design.alpha, degreesOfFreedom);
  return design.alternative === "greater" ? noncentralTSf(critical, degreesOfFreedom, noncentrality) : noncentralTCdf(-critical, degreesOfFreedom, noncentrality);
}

/**
 * Treatment units (unrounded) at which {@link tTestPower} reaches `power`, by bisection on the
 * units to 1e-13 relative, between the sample with one degree of freedom and a bound doubled from
 * about the normal approximation until it has the power. `undefined` when the sample with one degree
 * of freedom already has it (an effect of many standard deviations, or a power at most alpha). @internal
 */
export function tTestUnits(effectSize: number, power: number, design: Design): number | undefined {
  const powerAt = (units: number): number => tTestPower(effectSize, units, design);
  // The treatment units that give the test one degree of freedom.
  const low = 3 / (1 + design.ratio);
  if (powerAt(low) >= power) return undefined;
  // About the normal approximation ((zα + zβ)/d)² (1 + 1/ratio) at the usual alpha and power.
  return smallestReaching(low, Math.max(2 * low, (8 * (1 + 1 / design.ratio)) / (effectSize * effectSize)), (units) => powerAt(units) >= power);
}

/**
 * The smallest x above `low` where the increasing `reached` turns true, to 1e-13 relative: `high`
 * doubled until it is reached, then bisection. Infinity when doubling overflows.
 */
function smallestReaching(low: number, high: number, reached: (x: number) => boolean): number {
  while (!reached(high)) {
    low = high;
    high *= 2;
    if (!Number.isFinite(high)) return Number.POSITIVE_INFINITY;
  }
  for (let iteration = 0; iteration < 200 && high - low > 1e-13 * high; iteration++) {
    const middle = (low + high) / 2;
    if (reached(middle)) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * The Cohen's d ≥ 0 (negated for "less") at which {@link tTestPower} with `units` treatment units
 * reaches `power`, by bisection to 1e-13 relative between 0 and a bound doubled from the z test's
 * effect until it has the power. `undefined` when no effect is needed: the power is at most alpha,
 * which a zero effect has. @internal
 */
export function tTestEffect(units: number, power: number, design: Design): number | undefined {
  const direction = design.alternative === "less" ? -1 : 1;
  const powerAt = (size: number): number => tTestPower(direction * size, units, design);
  // A zero effect has power alpha, one-sided or two.
  if (power <= design.alpha) return undefined;
  // From about the z test's effect, (zα + zβ)·√(1/n1 + 1/n2): the series costs O(noncentrality), so the
  // search never tries effects far beyond the answer (d = 1 with 10^13 units would take minutes).
  const zAlpha = normalUpperQuantile(design.alternative === "two-sided" ? design.alpha / 2 : design.alpha);
  const start = Math.max(zAlpha + normalUpperQuantile(1 - power), 0.5) * Math.sqrt(1 / units + 1 / (design.ratio * units));
  return direction * smallestReaching(0, start, (size) => powerAt(size) >= power);
}
