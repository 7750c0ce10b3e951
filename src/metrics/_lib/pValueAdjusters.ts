/**
 * The p-value adjustments of `adjustPValues`, one per method, over p-values sorted ascending. Each
 * follows `statsmodels.stats.multitest.multipletests` (0.13) operation for operation, so that a p-value
 * on a decision boundary gets statsmodels' adjusted value and decision exactly. Internal module.
 */
import type { PValueAdjustment } from "../adjustPValues.js";

/** Adjusted p-values (capped at 1) and decisions, by rank. */
export interface RankedAdjustment {
  readonly adjusted: Float64Array;
  readonly reject: Uint8Array;
}

type Adjuster = (sorted: ArrayLike<number>, alpha: number) => RankedAdjustment;

/** Šidák's per-test level for a family of `size`: 1 − (1 − α)^(1/size). */
const sidakLevel = (alpha: number, size: number): number => 1 - Math.pow(1 - alpha, 1 / size);
/** Šidák's adjusted p-value for a family of `size`: 1 − (1 − p)^size without cancellation. */
const sidakAdjusted = (p: number, size: number): number => -Math.expm1(size * Math.log1p(-p));

/** Single step: every p-value against one level, adjusted by one function of p. */
function singleStep(level: (alpha: number, m: number) => number, adjust: (p: number, m: number) => number): Adjuster {
  return (sorted, alpha) => {
    const m = sorted.length;
    const adjusted = new Float64Array(m);
    const reject = new Uint8Array(m);
    const threshold = level(alpha, m);
    for (let rank = 0; rank < m; rank++) {
      const p = sorted[rank] as number;
      adjusted[rank] = Math.min(1, adjust(p, m));
      reject[rank] = p <= threshold ? 1 : 0;
    }
    return { adjusted, reject };
  };
}

/**
 * Step-down (Holm's scheme): rank i (from 0) is tested at level(α, m − i) and the first p-value above
 * its level stops the rejections; the adjusted values are the running maximum of adjust(p, m − i).
 */
function stepDown(level: (alpha: number, remaining: number) => number, adjust: (p: number, remaining: number) => number): Adjuster {
  return (sorted, alpha) => {
    const m = sorted.length;
    const adjusted = new Float64Array(m);
    const reject = new Uint8Array(m);
    let running = 0;
    let rejecting = true;
    for (let rank = 0; rank < m; rank++) {
      const p = sorted[rank] as number;
      running = Math.max(running, adjust(p, m - rank));
      adjusted[rank] = Math.min(1, running);
      if (p > level(alpha, m - rank)) rejecting = false;
      reject[rank] = rejecting ? 1 : 0;
    }
    return { adjusted, reject };
  };
}

/**
 * Step-up: every rank up to the largest whose p-value is at most its level is rejected; the adjusted
 * values are the running minimum of adjust(p, rank) from the top.
 */
function stepUp(level: (alpha: number, rank: number, m: number) => number, adjust: (p: number, rank: number, m: number) => number): Adjuster {
  return (sorted, alpha) => {
    const m = sorted.length;
    const adjusted = new Float64Array(m);
    const reject = new Uint8Array(m);
    let running = Number.POSITIVE_INFINITY;
    let rejectUpTo = -1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const p = sorted[rank] as number;
      running = Math.min(running, adjust(p, rank, m));
      adjusted[rank] = Math.min(1, running);
      if (rejectUpTo < 0 && p <= level(alpha, rank, m)) rejectUpTo = rank;
    }
    reject.fill(1, 0, rejectUpTo + 1);
    return { adjusted, reject };
  };
}

/** Benjamini-Hochberg's (harmonic 1) or Benjamini-Yekutieli's line: statsmodels' ecdffactor, rank / m over the harmonic sum. */
function falseDiscovery(yekutieli: boolean): Adjuster {
  return (sorted, alpha) => {
    let harmonic = 1;
    if (yekutieli) {
      harmonic = 0;
      for (let k = 1; k <= sorted.length; k++) harmonic += 1 / k;
    }
    const factor = (rank: number, m: number): number => (rank + 1) / m / harmonic;
    return stepUp(
      (level, rank, m) => factor(rank, m) * level,
      (p, rank, m) => p / factor(rank, m),
    )(sorted, alpha);
  };
}

/**
 * Hommel's closed procedure in statsmodels' O(m²) form: for each family size k from m down to 2,
 * c_k = min_j k·p_(m−k+j)/j over the k largest p-values; those k are raised to at least c_k, the
 * others to at least min(k·p, c_k). Rejects where the adjusted value is at most α.
 */
const hommel: Adjuster = (sorted, alpha) => {
  const m = sorted.length;
  const adjusted = Float64Array.from(sorted);
  for (let k = m; k > 1; k--) {
    let smallest = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= k; j++) smallest = Math.min(smallest, (k * (sorted[m - k + j - 1] as number)) / j);
    for (let rank = m - k; rank < m; rank++) adjusted[rank] = Math.max(adjusted[rank] as number, smallest);
    for (let rank = 0; rank < m - k; rank++) adjusted[rank] = Math.max(adjusted[rank] as number, Math.min(k * (sorted[rank] as number), smallest));
  }
  const reject = new Uint8Array(m);
  for (let rank = 0; rank < m; rank++) {
    adjusted[rank] = Math.min(1, adjusted[rank] as number);
    reject[rank] = (adjusted[rank] as number) <= alpha ? 1 : 0;
  }
  return { adjusted, reject };
};

/** Every method, keyed by name: a new `PValueAdjustment` is a type error until it is here. */
export const pValueAdjusters: Readonly<Record<PValueAdjustment, Adjuster>> = {
  bonferroni: singleStep((alpha, m) => alpha / m, (p, m) => p * m),
  sidak: singleStep(sidakLevel, sidakAdjusted),
  holm: stepDown((alpha, remaining) => alpha / remaining, (p, remaining) => p * remaining),
  "holm-sidak": stepDown(sidakLevel, sidakAdjusted),
  hochberg: stepUp((alpha, rank, m) => alpha / (m - rank), (p, rank, m) => (m - rank) * p),
  hommel,
  bh: falseDiscovery(false),
  by: falseDiscovery(true),
};

/** Whether `value` names a method of `pValueAdjusters` (own keys only, so never "toString"). */
export function isPValueAdjustment(value: unknown): value is PValueAdjustment {
  return typeof value === "string" && Object.hasOwn(pValueAdjusters, value);
}
