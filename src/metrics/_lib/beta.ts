import betainc from "@stdlib/math-base-special-betainc";
import betaincinv from "@stdlib/math-base-special-betaincinv";
import betaln from "@stdlib/math-base-special-betaln";

/** Regularized incomplete beta I_x(a, b): the CDF of Beta(a, b) at x. */
export function betaCdf(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return betainc(x, a, b, true, false);
}

/** Upper tail 1 − I_x(a, b) of Beta(a, b), computed without cancellation. */
export function betaSf(x: number, a: number, b: number): number {
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  return betainc(x, a, b, true, true);
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
