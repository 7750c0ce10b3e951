import { betaCdf, betaQuantile, betaSf, betaUpperQuantile, logBeta } from "./beta.js";

/**
 * P(|T| ≥ |t|) for Student's t with `degreesOfFreedom` (> 0, not necessarily whole). Two forms of
 * one incomplete beta, each on the side where its argument keeps its digits: 1 − I_x(½, ν/2) at x =
 * t²/(ν + t²) while x ≤ ½, and I_y(ν/2, ½) at y = ν/(ν + t²) beyond (where x rounds toward 1 and 1 − x
 * would keep no digits: t = 1.4e8 at ν = 1); below y = 1e-100 its leading term in logarithms, as t²
 * overflows beyond t ≈ 1.3e154. About 1e-16 relative, 1e-13 in that far tail (checked against mpmath).
 */
export function studentTwoSidedTail(t: number, degreesOfFreedom: number): number {
  if (Number.isNaN(t) || !(degreesOfFreedom > 0)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  const square = t * t;
  if (square <= degreesOfFreedom) return betaSf(square / (degreesOfFreedom + square), 0.5, degreesOfFreedom / 2);
  const y = degreesOfFreedom / (degreesOfFreedom + square);
  if (y >= FAR_TAIL) return betaCdf(y, degreesOfFreedom / 2, 0.5);
  return Math.exp(logFarTail(Math.log(degreesOfFreedom) - 2 * Math.log(Math.abs(t)), degreesOfFreedom));
}

/**
 * Below this y = ν/(ν + t²) the tail is its leading term, in logarithms: t² overflows beyond t ≈ 1.3e154
 * (and y underflows), where the tail itself (1e-200 at t = 6e199, ν = 1) is still a double.
 */
const FAR_TAIL = 1e-100;

/** ln I_y(ν/2, ½) from ln y, for y < {@link FAR_TAIL}: y^(ν/2) / ((ν/2) B(ν/2, ½)), exact but for a factor 1 + O(y). */
function logFarTail(logY: number, degreesOfFreedom: number): number {
  const a = degreesOfFreedom / 2;
  return a * logY - Math.log(a) - logBeta(a, 0.5);
}

/** P(T ≥ t): half the two-sided tail above 0, one minus it below. */
export function studentSf(t: number, degreesOfFreedom: number): number {
  const half = studentTwoSidedTail(t, degreesOfFreedom) / 2;
  return t >= 0 ? half : 1 - half;
}

/**
 * The t ≥ 0 with P(|T| ≥ t) = `tail` (so P(T ≥ t) = tail / 2), on the same two sides as
 * {@link studentTwoSidedTail}: from the quantile of Beta(ν/2, ½) in y = ν/(ν + t²) for small tails,
 * of Beta(½, ν/2) in x = t²/(ν + t²) otherwise, or the far tail's leading term inverted in logarithms
 * below y = 1e-100; then Newton steps on the tail (`@stdlib`'s inverse is 7e-10 off at ν = 2.5; the
 * steps reach 1e-15, 1e-13 in the far tail).
 */
export function studentTwoSidedQuantile(tail: number, degreesOfFreedom: number): number {
  if (Number.isNaN(tail) || !(degreesOfFreedom > 0)) return Number.NaN;
  if (tail >= 1) return 0;
  if (tail <= 0) return Number.POSITIVE_INFINITY;
  const y = betaQuantile(tail, degreesOfFreedom / 2, 0.5);
  let t: number;
  if (!(y >= FAR_TAIL)) {
    // The leading term inverted in logarithms: ln y from ln tail, then t ≈ √(ν / y).
    const a = degreesOfFreedom / 2;
    const logY = (Math.log(tail) + Math.log(a) + logBeta(a, 0.5)) / a;
    return Math.exp(0.5 * (Math.log(degreesOfFreedom) - logY));
  }
  if (y <= 0.5) {
    t = Math.sqrt((degreesOfFreedom * (1 - y)) / y);
  } else {
    const x = betaUpperQuantile(tail, 0.5, degreesOfFreedom / 2);
    t = Math.sqrt((degreesOfFreedom * x) / (1 - x));
  }
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

/** The p-quantile of Student's t (negative below ½): P(T ≤ q) = p. */
export function studentQuantile(p: number, degreesOfFreedom: number): number {
  if (Number.isNaN(p)) return Number.NaN;
  return p >= 0.5 ? studentTwoSidedQuantile(2 * (1 - p), degreesOfFreedom) : -studentTwoSidedQuantile(2 * p, degreesOfFreedom);
}
