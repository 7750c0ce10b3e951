import gammainc from "@stdlib/math-base-special-gammainc";

/**
 * Chi-square survival function P(X ≥ x) for k degrees of freedom, from the upper regularized
 * incomplete gamma Q(k/2, x/2) (1 − cdf would underflow below ~1e-16).
 */
export function chiSquareSf(x: number, degreesOfFreedom: number): number {
  if (Number.isNaN(x) || !(degreesOfFreedom > 0)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return gammainc(x / 2, degreesOfFreedom / 2, true, true);
}
