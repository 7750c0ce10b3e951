import { compensatedSum } from "../../_lib/compensatedSum.js";
import { betaCdf, betaQuantile, logBeta } from "./beta.js";
import { integrate } from "./quadrature.js";

/** Largest shape for which the O(shape) closed-form sum is used. @internal */
export const CLOSED_FORM_LIMIT = 100_000;

/**
 * P(Y > X) for independent X ~ Beta(a, b), Y ~ Beta(c, d).
 * Integer c ≤ CLOSED_FORM_LIMIT: Evan Miller's closed form
 * Σ_{i=0}^{c−1} B(a + i, b + d) / ((d + i)·B(1 + i, d)·B(a, b)), every term in log space.
 * Otherwise adaptive Gauss-Kronrod of f_Y(t)·I_t(a, b) over [0, 1], split at quantiles of both.
 * @internal
 */
export function probabilityGreater(a: number, b: number, c: number, d: number): { value: number; method: "closed-form" | "quadrature" } {
  if (a === c && b === d) return { value: 0.5, method: "closed-form" };
  if (Number.isInteger(c) && c <= CLOSED_FORM_LIMIT) {
    const terms = new Float64Array(c);
    const base = logBeta(a, b);
    // log term_i, re-anchored exactly every 256 terms; in between the ratio
    // term_{i+1}/term_i = (a + i)(d + i) / ((a + b + d + i)(1 + i)) avoids three log-beta calls per term.
    let logTerm = 0;
    for (let i = 0; i < c; i++) {
      if (i % 256 === 0) logTerm = logBeta(a + i, b + d) - Math.log(d + i) - logBeta(1 + i, d) - base;
      else {
        const j = i - 1;
        logTerm += Math.log(((a + j) / (a + b + d + j)) * ((d + j) / (1 + j)));
      }
      terms[i] = Math.exp(logTerm);
    }
    return { value: Math.min(1, compensatedSum(terms)), method: "closed-form" };
  }
  const logNormaliser = logBeta(c, d);
  const density = (t: number): number => {
    if (t <= 0 || t >= 1) return 0;
    const logDensity = (c - 1) * Math.log(t) + (d - 1) * Math.log1p(-t) - logNormaliser;
    return Math.exp(logDensity) * betaCdf(t, a, b);
  };
  const levels = [1e-15, 1e-10, 1e-6, 1e-3, 0.05, 0.5, 0.95, 0.999, 1 - 1e-6, 1 - 1e-10];
  const points = [0, 1];
  for (const level of levels) points.push(betaQuantile(level, a, b), betaQuantile(level, c, d));
  const sorted = points.filter((point) => point >= 0 && point <= 1).sort((x, y) => x - y);
  const breakpoints = sorted.filter((point, index) => index === 0 || point > (sorted[index - 1] as number));
  return { value: Math.min(1, Math.max(0, integrate(density, breakpoints))), method: "quadrature" };
}
