import erfc from "@stdlib/math-base-special-erfc";
import erfcinv from "@stdlib/math-base-special-erfcinv";

/** Standard normal CDF Φ(z) = ½·erfc(−z/√2); accurate deep into the lower tail. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Standard normal survival 1 − Φ(z) = ½·erfc(z/√2), without cancellation in the upper tail. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/**
 * Standard normal quantile Φ⁻¹(p) = −√2·erfcinv(2p), mirrored above ½ so both tails keep their
 * relative accuracy (the packaged quantile returns −Infinity for p ≤ 1e-20).
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p < 0.5) return -Math.SQRT2 * erfcinv(2 * p);
  return Math.SQRT2 * erfcinv(2 * (1 - p));
}

/** The upper critical value z with 1 − Φ(z) = tail, computed as √2·erfcinv(2·tail) without 1 − tail. */
export function normalUpperQuantile(tail: number): number {
  if (Number.isNaN(tail) || tail < 0 || tail > 1) return Number.NaN;
  return Math.SQRT2 * erfcinv(2 * tail);
}
