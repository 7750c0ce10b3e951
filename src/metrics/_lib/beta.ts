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
  const x0 = a / total;
  const y0 = b / total;
  const u = (x - x0) / x0;
  const v = (x - x0) / y0;
  const logPrefactor =
    0.5 * Math.log((a * b) / (2 * Math.PI * total)) -
    a * (u - Math.log1p(u)) -
    b * (-v - Math.log1p(-v)) -
    stirlingError(a) -
    stirlingError(b) +
    stirlingError(total);
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

/** Quantile of Beta(a, b): the x with I_x(a, b) = p. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return betaincinv(p, a, b, false);
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return betaln(a, b);
}

/** Upper quantile of Beta(a, b): the x with 1 − I_x(a, b) = q, without forming 1 − q. */
export function betaUpperQuantile(q: number, a: number, b: number): number {
  if (q <= 0) return 1;
  if (q >= 1) return 0;
  return betaincinv(q, a, b, true);
}
