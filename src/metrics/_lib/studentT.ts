import { betaSf, betaUpperQuantile, logBeta } from "./beta.js";

/**
 * P(|T| ≥ |t|) for Student's t with `degreesOfFreedom` (> 0, not necessarily whole): the upper tail
 * 1 − I_x(½, ν/2) at x = t²/(ν + t²), which keeps full relative accuracy for small and large t alike
 * (the textbook I_{ν/(ν+t²)}(ν/2, ½) loses it where ν/(ν + t²) rounds to 1).
 */
export function studentTwoSidedTail(t: number, degreesOfFreedom: number): number {
  if (Number.isNaN(t) || !(degreesOfFreedom > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  const square = t * t;
  return betaSf(square / (degreesOfFreedom + square), 0.5, degreesOfFreedom / 2);
}

/** P(T ≥ t): half the two-sided tail above 0, one minus it below. */
export function studentSf(t: number, degreesOfFreedom: number): number {
  const half = studentTwoSidedTail(t, degreesOfFreedom) / 2;
  return t >= 0 ? half : 1 - half;
}

/**
 * The t > 0 with P(|T| ≥ t) = `tail` (so P(T ≥ t) = tail / 2): from x = t²/(ν + t²), the upper
 * quantile of Beta(½, ν/2), then Newton steps on {@link studentTwoSidedTail} (`@stdlib`'s inverse is
 * 7e-10 off at ν = 2.5; the steps reach 1e-15).
 */
export function studentTwoSidedQuantile(tail: number, degreesOfFreedom: number): number {
  if (Number.isNaN(tail) || !(degreesOfFreedom > 0)) return Number.NaN;
  if (tail >= 1) return 0;
  if (tail <= 0) return Number.POSITIVE_INFINITY;
  const x = betaUpperQuantile(tail, 0.5, degreesOfFreedom / 2);
  let t = Math.sqrt((degreesOfFreedom * x) / (1 - x));
  // density f(t) = (1 + t²/ν)^(−(ν+1)/2) / (√ν · B(ν/2, ½)); the two-sided tail falls at 2 f(t)
  const logScale = -0.5 * Math.log(degreesOfFreedom) - logBeta(degreesOfFreedom / 2, 0.5);
  for (let step = 0; step < 8 && Number.isFinite(t) && t > 0; step++) {
    const density = Math.exp(logScale - ((degreesOfFreedom + 1) / 2) * Math.log1p((t * t) / degreesOfFreedom));
    if (!(density > 0)) break;
    const next = t + (studentTwoSidedTail(t, degreesOfFreedom) - tail) / (2 * density);
    if (!(next > 0) || Math.abs(next - t) <= 2 * Number.EPSILON * t) {
      if (next > 0) t = next;
      break;
    }
    t = next;
  }
  return t;
}
