import { compensatedSum } from "../../_lib/compensatedSum.js";
import { betaCdf, betaQuantile, logBeta } from "./beta.js";
import { integrate } from "./quadrature.js";

/** Largest shape for which the O(shape) closed-form sum is used. @internal */
export const CLOSED_FORM_LIMIT = 100_000;

/**
 * Largest α + β of a posterior that {@link probabilityGreater} accepts. The large-shape incomplete beta
 * needs O(√(α + β)) continued-fraction terms per evaluation (about 13 s for a whole probabilityToBeat
 * call at 10^9), and far beyond it the shapes lose the resolution the comparison needs (α = 10^16 + x
 * is not exact) and the computation no longer terminates in practice.
 * @internal
 */
export const POSTERIOR_LIMIT = 1e9;

/**
 * P(Y > X) for independent X ~ Beta(a, b), Y ~ Beta(c, d).
 * Integer c ≤ CLOSED_FORM_LIMIT: Evan Miller's closed form
 * Σ_{i=0}^{c−1} B(a + i, b + d) / ((d + i)·B(1 + i, d)·B(a, b)), every term in log space.
 * Otherwise adaptive Gauss-Kronrod of a density times a CDF over [0, 1], split at quantiles of both,
 * integrating the density whose mass lies nearest 0 (see {@link integratedGreater}).
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
  return { value: integratedGreater(a, b, c, d), method: "quadrature" };
}

/**
 * P(Y > X) by quadrature, in the one of four equivalent forms whose integrated density has its mass
 * nearest 0. Doubles are dense near 0 but not near 1: Beta(5.1, 0.01) has most of its mass closer
 * to 1 than the largest double below 1, so integrating its density loses that mass. With
 * X' = 1 − X ~ Beta(b, a) and Y' = 1 − Y ~ Beta(d, c):
 * P(Y > X) = ∫ f_Y·F_X = P(X' > Y') = ∫ f_X'·F_Y' = 1 − ∫ f_X·F_Y = 1 − ∫ f_Y'·F_X'.
 * The direct forms come first (their small results keep full relative precision); a complement is
 * used only when both direct densities have their mean above one half.
 */
function integratedGreater(a: number, b: number, c: number, d: number): number {
  const meanY = c / (c + d);
  const meanMirrorX = b / (a + b);
  if (Math.min(meanY, meanMirrorX) <= 0.5) return meanY <= meanMirrorX ? integrateDensityTimesCdf(a, b, c, d) : integrateDensityTimesCdf(d, c, b, a);
  // Both direct densities pile up near 1, so their complements (X and Y') have their mass near 0.
  const meanX = a / (a + b);
  const meanMirrorY = d / (c + d);
  return 1 - (meanX <= meanMirrorY ? integrateDensityTimesCdf(c, d, a, b) : integrateDensityTimesCdf(b, a, d, c));
}

/** ∫ f_Y(t)·I_t(a, b) dt over [0, 1] for Y ~ Beta(c, d): P(Y > X) for X ~ Beta(a, b). */
function integrateDensityTimesCdf(a: number, b: number, c: number, d: number): number {
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
  return Math.min(1, Math.max(0, integrate(density, breakpoints)));
}
