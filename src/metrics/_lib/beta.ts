import betainc from "@stdlib/math-base-special-betainc";
import betaincinv from "@stdlib/math-base-special-betaincinv";
import betaln from "@stdlib/math-base-special-betaln";
import { stirlingError } from "./stirling.js";

/** Regularized incomplete beta I_x(a, b): the CDF of Beta(a, b) at x. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (isLargeShape(a, b)) return incompleteBetaLargeShapes(x, a, b, false);
  return betainc(x, a, b, true, false);
}

/** Upper tail 1 − I_x(a, b) of Beta(a, b), computed without cancellation. */
export function betaSf(x: number, a: number, b: number): number {
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  if (isLargeShape(a, b)) return incompleteBetaLargeShapes(x, a, b, true);
  return betainc(x, a, b, true, true);
}

/**
 * Shapes where `@stdlib`'s betainc loses accuracy (I_0.5(s, s) is 0.5001 at s = 10^8 and 0.56 at
 * 10^9, where it must be exactly 0.5) and {@link incompleteBetaLargeShapes} takes over.
 */
function isLargeShape(a: number, b: number): boolean {
  return Math.min(a, b) >= 100 && a + b >= 5e7;
}

/**
 * I_x(a, b) (or 1 − I_x(a, b) with `upper`) for min(a, b) ≥ 100: the prefactor x^a (1 − x)^b / B(a, b)
 * in the form of DiDonato and Morris (1992, "brcomp"), √(ab / (2π(a + b))) · exp(−a·(u − log1p u)
 * − b·(−v − log1p(−v)) − μ(a) − μ(b) + μ(a + b)) with x = x₀(1 + u), 1 − x = y₀(1 − v), x₀ = a/(a + b),
 * so that no logarithms of size a + b cancel; then the continued fraction of Numerical Recipes'
 * betacf (modified Lentz) on the side of x₀ where it converges, O(√(a + b)) terms.
 */
function incompleteBetaLargeShapes(x: number, a: number, b: number, upper: boolean): number {
  // The fraction converges for x < (a + 1)/(a + b + 2); otherwise use I_x(a, b) = 1 − I_{1−x}(b, a).
  if (x > (a + 1) / (a + b + 2)) return incompleteBetaLargeShapes(1 - x, b, a, !upper);
  const total = a + b;
  const logPrefactor = logBetaPrefactor(x, a, b);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - (total * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let fraction = d;
  for (let m = 1; m < 10_000_000; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    fraction *= d * c;
    step = (-(a + m) * (total + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const lower = (Math.exp(logPrefactor) * fraction) / a;
  return upper ? 1 - lower : lower;
}

/**
 * ln(x^a (1 − x)^b / B(a, b)) for large shapes, in the form of DiDonato and Morris (1992, "brcomp"):
 * ½ ln(ab / (2π(a + b))) − a·(u − log1p u) − b·(−v − log1p(−v)) − μ(a) − μ(b) + μ(a + b), with
 * x = x₀(1 + u), 1 − x = y₀(1 − v), x₀ = a/(a + b), so that no logarithms of size a + b cancel.
 */
function logBetaPrefactor(x: number, a: number, b: number): number {
  const total = a + b;
  const x0 = a / total;
  const y0 = b / total;
  const u = (x - x0) / x0;
  const v = (x - x0) / y0;
  return 0.5 * Math.log((a * b) / (2 * Math.PI * total)) - a * (u - Math.log1p(u)) - b * (-v - Math.log1p(-v)) - stirlingError(a) - stirlingError(b) + stirlingError(total);
}

/**
 * For large shapes `@stdlib`'s betaincinv inherits betainc's error (a Clopper-Pearson interval of
 * 10^9 trials at 10^-6 confidence came out inverted): its answer is polished by Newton steps on the
 * accurate {@link betaCdf} / {@link betaSf}, with the density x^(a−1)(1 − x)^(b−1)/B(a, b) from the
 * same prefactor. The interval of one step shrinks quadratically; a few steps reach full precision.
 */
function polishLargeShapeQuantile(start: number, target: number, a: number, b: number, upper: boolean): number {
  let x = start;
  for (let step = 0; step < 50; step++) {
    const density = Math.exp(logBetaPrefactor(x, a, b)) / (x * (1 - x));
    if (!(density > 0) || !Number.isFinite(density)) break;
    const error = upper ? target - betaSf(x, a, b) : betaCdf(x, a, b) - target;
    let next = x - error / density;
    // Stay inside (0, 1): halve the way to the boundary instead of stepping over it.
    if (next <= 0) next = x / 2;
    else if (next >= 1) next = (x + 1) / 2;
    if (Math.abs(next - x) <= 2 * Number.EPSILON * x) return next;
    x = next;
  }
  return x;
}

/** Quantile of Beta(a, b): the x with I_x(a, b) = p. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const estimate = betaincinv(p, a, b, false);
  return isLargeShape(a, b) ? polishLargeShapeQuantile(estimate, p, a, b, false) : estimate;
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return betaln(a, b);
}

/** Upper quantile of Beta(a, b): the x with 1 − I_x(a, b) = q, without forming 1 − q. */
export function betaUpperQuantile(q: number, a: number, b: number): number {
  if (q <= 0) return 1;
  if (q >= 1) return 0;
  const estimate = betaincinv(q, a, b, true);
  return isLargeShape(a, b) ? polishLargeShapeQuantile(estimate, q, a, b, true) : estimate;
}
