import { assertArray, assertOptions } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";

/** Options of {@link populationStabilityIndex}. @category Metrics */
export interface PopulationStabilityIndexOptions {
  /**
   * Proportion that replaces an empty bin's 0 (default 1e-4, reported in the result). Set 0 to disable
   * smoothing: a bin empty on one side only then makes the index Infinity.
   */
  readonly zeroReplacement?: number;
}

/** Stability band of a PSI value. @category Metrics */
export type StabilityBand = "stable" | "moderate" | "major";

/** Result of {@link populationStabilityIndex}. @category Metrics */
export interface PopulationStabilityIndexResult {
  /** Σ (a − e)·ln(a/e) over bins; NaN when not defined. */
  readonly value: number;
  /** < 0.1 stable, 0.1–0.25 moderate, ≥ 0.25 major (rule-of-thumb bands). */
  readonly band: StabilityBand | null;
  /** Each bin's contribution to the index. */
  readonly contributions: number[];
  readonly expectedProportions: number[];
  readonly actualProportions: number[];
  readonly zeroReplacement: number;
  /** Indexes of bins where a zero proportion was replaced. */
  readonly smoothedBins: number[];
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Population stability index between an expected (baseline) and an actual distribution over the same
 * bins, e.g. segment sizes last quarter versus now.
 *
 * @remarks
 * e_i = E_i/ΣE and a_i = A_i/ΣA; PSI = Σ (a_i − e_i)·ln(a_i/e_i) (the symmetrised Kullback-Leibler, or
 * Jeffreys, divergence). A zero proportion is replaced by `zeroReplacement` (ε = 1e-4 by default, no
 * renormalisation); a bin empty on both sides contributes 0. Without smoothing a bin empty on one side
 * gives Infinity. Bands < 0.1 / 0.1–0.25 / ≥ 0.25 are industry folklore and depend on the bin count.
 * Reference: https://www.openriskmanual.org/wiki/Population_Stability_Index. O(bins).
 *
 * @param expectedCounts - baseline counts per bin, non-negative.
 * @param actualCounts - current counts per bin, same length.
 * @param options - `zeroReplacement` (default 1e-4, in [0, 1)).
 * @returns The index with per-bin contributions; an all-zero side gives `defined: false`.
 * @throws RangeError `populationStabilityIndex requires bins of equal length`, `populationStabilityIndex requires at least one bin`,
 *   `populationStabilityIndex requires non-negative finite counts`,
 *   `populationStabilityIndex requires zeroReplacement in [0, 1)`.
 * @throws TypeError `populationStabilityIndex requires expectedCounts to be an array`, `populationStabilityIndex requires actualCounts to be an array`, `populationStabilityIndex requires options to be an object`.
 * @example
 * const psi = populationStabilityIndex([100, 200, 300, 400], [120, 180, 320, 380]);
 * psi.value //=> 0.0081
 * psi.band //=> "stable"
 * populationStabilityIndex([10, 0], [5, 5], { zeroReplacement: 0 }).value //=> Infinity
 * @category Metrics
 */
export function populationStabilityIndex(expectedCounts: ReadonlyArray<number>, actualCounts: ReadonlyArray<number>, options: PopulationStabilityIndexOptions = {}): PopulationStabilityIndexResult {
  assertArray("populationStabilityIndex", "expectedCounts", expectedCounts);
  assertArray("populationStabilityIndex", "actualCounts", actualCounts);
  assertOptions("populationStabilityIndex", options, { zeroReplacement: true } satisfies OptionKeys<PopulationStabilityIndexOptions>);
  const bins = expectedCounts.length;
  if (actualCounts.length !== bins) throw new RangeError("populationStabilityIndex requires bins of equal length");
  if (bins === 0) throw new RangeError("populationStabilityIndex requires at least one bin");
  const zeroReplacement = options.zeroReplacement ?? 1e-4;
  if (typeof zeroReplacement !== "number" || !(zeroReplacement >= 0 && zeroReplacement < 1)) throw new RangeError("populationStabilityIndex requires zeroReplacement in [0, 1)");
  let expectedTotal = 0;
  let actualTotal = 0;
  for (let i = 0; i < bins; i++) {
    const e = expectedCounts[i] as number;
    const a = actualCounts[i] as number;
    if (typeof e !== "number" || typeof a !== "number" || !Number.isFinite(e) || !Number.isFinite(a) || e < 0 || a < 0) {
      throw new RangeError("populationStabilityIndex requires non-negative finite counts");
    }
    expectedTotal += e;
    actualTotal += a;
  }
  // Counts whose total overflows (near 1.8e308) are shares of the same shape: scaled by their largest
  // count first (a division by 1 leaves ordinary counts exact).
  const largest = (counts: ReadonlyArray<number>) => counts.reduce((maximum, count) => (count > maximum ? count : maximum), 0);
  const expectedScale = Number.isFinite(expectedTotal) ? 1 : largest(expectedCounts);
  const actualScale = Number.isFinite(actualTotal) ? 1 : largest(actualCounts);
  if (expectedScale !== 1) expectedTotal = expectedCounts.reduce((total, count) => total + count / expectedScale, 0);
  if (actualScale !== 1) actualTotal = actualCounts.reduce((total, count) => total + count / actualScale, 0);
  const base = { zeroReplacement, smoothedBins: [] as number[] };
  if (expectedTotal === 0 || actualTotal === 0) {
    return { value: Number.NaN, band: null, contributions: [], expectedProportions: [], actualProportions: [], ...base, defined: false, reason: "a distribution has no observations" };
  }
  const contributions: number[] = [];
  const expectedProportions: number[] = [];
  const actualProportions: number[] = [];
  const smoothedBins: number[] = [];
  let value = 0;
  for (let i = 0; i < bins; i++) {
    let e = (expectedCounts[i] as number) / expectedScale / expectedTotal;
    let a = (actualCounts[i] as number) / actualScale / actualTotal;
    let contribution: number;
    if (e === 0 && a === 0) contribution = 0;
    else {
      if (e === 0 || a === 0) {
        if (zeroReplacement > 0) smoothedBins.push(i);
        if (e === 0) e = zeroReplacement;
        if (a === 0) a = zeroReplacement;
      }
      contribution = e === 0 || a === 0 ? Number.POSITIVE_INFINITY : (a - e) * Math.log(a / e);
    }
    expectedProportions.push(e);
    actualProportions.push(a);
    contributions.push(contribution);
    value += contribution;
  }
  const band: StabilityBand = value < 0.1 ? "stable" : value < 0.25 ? "moderate" : "major";
  return { value, band, contributions, expectedProportions, actualProportions, zeroReplacement, smoothedBins, defined: true };
}
