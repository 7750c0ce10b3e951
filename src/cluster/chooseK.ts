import type { OptionKeys } from "../_lib/arguments.js";
import { choice } from "../_lib/arguments.js";
import { mulberry32 } from "../_lib/random.js";
import type { MatrixInput } from "./_lib/matrix.js";
import { requireFiniteSpread, toLabels, toMatrix } from "./_lib/matrix.js";
import { integerOption, maximumRuns, numberOption, requireOptions, sampleSizeOption, seedOption } from "./_lib/options.js";
import { kMeans } from "./kMeans.js";
import type { KMeansResult } from "./kMeans.js";
import { meanSilhouette } from "./_lib/silhouette.js";
import { daviesBouldinScore } from "./daviesBouldinScore.js";
import { calinskiHarabaszScore } from "./calinskiHarabaszScore.js";

/**
 * Options of {@link chooseK}.
 * @category Choosing k
 */
export interface ChooseKOptions {
  /** Smallest k tried (at least 1). Default 2. */
  readonly kMin?: number;
  /** Largest k tried (at most the number of rows). Default 8, or the number of rows when smaller. */
  readonly kMax?: number;
  /** Seed of every k-means run, sample and reference data set. Default 0. */
  readonly seed?: number;
  /** Restarts per k-means fit on the data, an integer from 1 to 1,000. Default 4. */
  readonly nInit?: number;
  /** Which rule picks `k`: `"silhouette"` (default, highest mean silhouette), `"elbow"` (knee of the inertia curve) or `"gap"` (Tibshirani's rule). */
  readonly criterion?: "silhouette" | "elbow" | "gap";
  /**
   * Rows used for each silhouette, an integer of at least three (a silhouette needs two clusters and a cluster of two); exact when the data is smaller. Default 3000.
   * The sample is seeded and stratified (`silhouetteScore`'s `stratified`): every cluster in proportion
   * to its size and at least two rows of each (all of a smaller one), so the total can exceed it by a
   * few rows and a small cluster weighs a little more than in the exact mean.
   */
  readonly silhouetteSampleSize?: number;
  /** Uniform reference data sets for the gap statistic, an integer from 0 to 1,000; 0 skips it. Default 10 when `criterion` is `"gap"`, otherwise 0. */
  readonly gapReferences?: number;
}

/**
 * One row of the {@link chooseK} table.
 * @category Choosing k
 */
export interface ChooseKRow {
  readonly k: number;
  readonly inertia: number;
  /**
   * Mean silhouette (on a stratified sample above `silhouetteSampleSize` rows); `null` when the fit has
   * fewer than two non-empty clusters (k = 1, or fewer distinct rows than k) or one row per cluster,
   * and `null` rather than an error if the sample held fewer than two clusters (the stratified sample
   * keeps every cluster, so it does not).
   */
  readonly silhouette: number | null;
  /** `null` when the fit has fewer than two non-empty clusters or one row per cluster. */
  readonly daviesBouldin: number | null;
  /** `null` when the fit has fewer than two non-empty clusters or one row per cluster. */
  readonly calinskiHarabasz: number | null;
  /** Gap statistic `E*[log W_k] - log W_k`; `null` when not computed. */
  readonly gap: number | null;
  /** Its standard error `s_k = sd * sqrt(1 + 1/B)`; `null` when not computed. */
  readonly gapStandardError: number | null;
}

/**
 * Result of {@link chooseK}.
 * @category Choosing k
 */
export interface ChooseKResult {
  /** The chosen k: `recommended[criterion]`, else `recommended.silhouette`, else `kMin`; `decidedBy` says which. */
  readonly k: number;
  /** The rule requested (option `criterion`). */
  readonly criterion: "silhouette" | "elbow" | "gap";
  /**
   * The rule that gave `k`: `criterion`, or `"silhouette"` when the requested rule cannot decide (see
   * `recommended`), or `null` when no rule can (every k has fewer than two non-empty clusters, say) and
   * `k` is `kMin`.
   */
  readonly decidedBy: "silhouette" | "elbow" | "gap" | null;
  /** What each rule recommends; `null` when it cannot decide (silhouette with no scored k, elbow with fewer than three ks or a flat inertia curve, gap not computed). */
  readonly recommended: { readonly silhouette: number | null; readonly elbow: number | null; readonly gap: number | null };
  /** One row per k, for plotting. */
  readonly table: ChooseKRow[];
  /** The k-means fit of the chosen k. */
  readonly fit: KMeansResult;
}

/** log of an inertia, finite when the inertia is 0 (duplicate points, k = n). */
function logInertia(inertia: number): number {
  return Math.log(Math.max(inertia, Number.MIN_VALUE));
}

/**
 * Fits k-means over a range of k and recommends one by silhouette, elbow or gap statistic, returning every score.
 *
 * @remarks
 * For each k in `[kMin, kMax]`: a seeded {@link kMeans} fit, its inertia, mean silhouette on a seeded
 * stratified sample (so a one-row cluster, an outlier say, is never left out of it), Davies-Bouldin
 * and Calinski-Harabasz. Rules: **silhouette** takes the highest mean silhouette; **elbow** is the
 * Kneedle knee (Satopaa et al. 2011, https://raghavan.usc.edu/papers/kneedle-simplex11.pdf) of the
 * normalised, decreasing inertia curve of `log(inertia)` (the log scale keeps one big early drop
 * from hiding the knee), the k maximising `(1 - y) - x`; **gap** (Tibshirani, Walther and Hastie
 * 2001, https://doi.org/10.1111/1467-9868.00293) compares `log W_k` with its mean over
 * `gapReferences` uniform data sets in the data's bounding box and takes the smallest k with
 * `gap(k) >= gap(k+1) - s(k+1)` (the largest gap when no k qualifies). The gap statistic is computed
 * when `gapReferences > 0`, which is the default only for `criterion: "gap"`; it costs `B` extra fits
 * per k. When the requested rule cannot decide (elbow with fewer than three ks or a flat inertia
 * curve, gap with `gapReferences: 0`), `k` is the silhouette's recommendation, or `kMin` when that
 * is missing too; `decidedBy` names the rule that gave `k` (`null` for the `kMin` fallback), and
 * `criterion` stays the one requested. Cost: O((kMax - kMin + 1) * (fit + m^2 d)) for silhouette
 * sample size m.
 * @param data - rows of finite numbers (scale them first).
 * @param options - see {@link ChooseKOptions}.
 * @returns The chosen k and the rule that gave it, each rule's recommendation, the per-k table and the chosen fit.
 * @throws `RangeError` `chooseK requires 1 <= kMin <= kMax <= the number of rows` (also for a kMax above the number
 * of rows, Infinity included, and non-integers), `chooseK requires nInit to be at least one`, `chooseK requires nInit to be at most 1000`,
 * `chooseK requires nInit to be an integer`, `chooseK requires gapReferences to be at least zero`,
 * `chooseK requires gapReferences to be at most 1000`, `chooseK requires gapReferences to be an integer`,
 * `chooseK requires silhouetteSampleSize to be at least three`, `chooseK requires silhouetteSampleSize to be an integer`,
 * `chooseK requires seed to be a finite number`,
 * `chooseK requires values small enough for finite sums of squared distances (scale the data first)`;
 * `TypeError` `chooseK requires an options object`, `chooseK requires kMin to be a number` (likewise `kMax`, `nInit`,
 * `gapReferences`, `silhouetteSampleSize`, `seed`), `chooseK requires criterion to be "silhouette", "elbow" or "gap"`,
 * and the data errors of {@link kMeans} with `chooseK` for `kMeans`.
 * @example
 * const data = [[0, 0], [0, 1], [1, 0], [10, 10], [10, 11], [11, 10], [20, 0], [21, 0], [20, 1]];
 * const choice = chooseK(data, { kMin: 2, kMax: 5, seed: 1 });
 * choice.k //=> 3
 * choice.decidedBy //=> "silhouette"
 * choice.table.map((row) => row.k) //=> [2, 3, 4, 5]
 * @category Choosing k
 */
export function chooseK(data: MatrixInput, options: ChooseKOptions = {}): ChooseKResult {
  const matrix = toMatrix(data, "chooseK");
  const checked = requireOptions("chooseK", options, false, { kMin: true, kMax: true, seed: true, nInit: true, criterion: true, silhouetteSampleSize: true, gapReferences: true } satisfies OptionKeys<ChooseKOptions>);
  const kMin = numberOption("chooseK", "kMin", checked.kMin, 2);
  // The default 8 is capped at the number of rows; an explicit kMax above it is an error.
  const kMax = numberOption("chooseK", "kMax", checked.kMax, Math.min(8, matrix.rows));
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 1 || kMin > kMax || kMax > matrix.rows) {
    throw new RangeError("chooseK requires 1 <= kMin <= kMax <= the number of rows");
  }
  const seed = seedOption("chooseK", checked.seed);
  const criterion = choice("chooseK", "criterion", checked.criterion, ["silhouette", "elbow", "gap"], "silhouette");
  const nInit = integerOption("chooseK", "nInit", checked.nInit, 4, 1, maximumRuns);
  const sampleSize = sampleSizeOption("chooseK", "silhouetteSampleSize", checked.silhouetteSampleSize, 3000, matrix.rows);
  const references = integerOption("chooseK", "gapReferences", checked.gapReferences, criterion === "gap" ? 10 : 0, 0, maximumRuns);
  requireFiniteSpread([matrix], matrix.columns, matrix.rows, "chooseK");
  const fits: KMeansResult[] = [];
  const table: ChooseKRow[] = [];
  const logW: number[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const fit = kMeans(matrix, { k, seed: seed + k, nInit });
    fits.push(fit);
    const distinct = fit.sizes.filter((size) => size > 0).length;
    const scorable = distinct >= 2 && distinct <= matrix.rows - 1;
    logW.push(logInertia(fit.inertia));
    // Stratified, so the sample keeps every cluster (a one-row outlier cluster included).
    const compact = scorable ? toLabels(fit.labels, matrix.rows, "chooseK") : undefined;
    table.push({
      k,
      inertia: fit.inertia,
      silhouette: compact === undefined ? null : meanSilhouette(matrix, compact.labels, compact.clusterCount, sampleSize, seed, true),
      daviesBouldin: scorable ? daviesBouldinScore(matrix, fit.labels) : null,
      calinskiHarabasz: scorable ? calinskiHarabaszScore(matrix, fit.labels) : null,
      gap: null,
      gapStandardError: null,
    });
  }
  if (references > 0) {
    const { rows, columns, values } = matrix;
    const minimum = new Float64Array(columns).fill(Number.POSITIVE_INFINITY);
    const maximum = new Float64Array(columns).fill(Number.NEGATIVE_INFINITY);
    for (let index = 0; index < rows * columns; index++) {
      const column = index % columns;
      const value = values[index] as number;
      if (value < (minimum[column] as number)) minimum[column] = value;
      if (value > (maximum[column] as number)) maximum[column] = value;
    }
    const random = mulberry32(seed ^ 0x9e3779b9);
    const referenceLogs: number[][] = table.map(() => []);
    for (let reference = 0; reference < references; reference++) {
      const uniform = new Float64Array(rows * columns);
      for (let index = 0; index < uniform.length; index++) {
        const column = index % columns;
        uniform[index] = (minimum[column] as number) + random() * ((maximum[column] as number) - (minimum[column] as number));
      }
      const referenceMatrix = { values: uniform, rows, columns };
      table.forEach((row, position) => {
        const fit = kMeans(referenceMatrix, { k: row.k, seed: seed + reference * 1000 + row.k, nInit: 1 });
        referenceLogs[position]?.push(logInertia(fit.inertia));
      });
    }
    table.forEach((row, position) => {
      const logs = referenceLogs[position] as number[];
      const mean = logs.reduce((sum, value) => sum + value, 0) / logs.length;
      const deviation = Math.sqrt(logs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / logs.length);
      table[position] = { ...row, gap: mean - (logW[position] as number), gapStandardError: deviation * Math.sqrt(1 + 1 / references) };
    });
  }
  const recommended = {
    silhouette: argBest(table, (row) => row.silhouette),
    elbow: kneeOf(table),
    gap: references > 0 ? gapRule(table) : null,
  };
  const decidedBy = recommended[criterion] !== null ? criterion : recommended.silhouette !== null ? "silhouette" : null;
  const chosen = decidedBy === null ? kMin : (recommended[decidedBy] as number);
  return { k: chosen, criterion, decidedBy, recommended, table, fit: fits[chosen - kMin] as KMeansResult };
}

function argBest(table: ChooseKRow[], score: (row: ChooseKRow) => number | null): number | null {
  let best: number | null = null;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const row of table) {
    const value = score(row);
    if (value !== null && value > bestValue) {
      bestValue = value;
      best = row.k;
    }
  }
  return best;
}

/** Kneedle on a decreasing curve: normalise k and log inertia to [0, 1], maximise (1 - y) - x. */
function kneeOf(table: ChooseKRow[]): number | null {
  if (table.length < 3) return null;
  const first = table[0] as ChooseKRow;
  const last = table[table.length - 1] as ChooseKRow;
  // On log inertia: k-means inertia falls multiplicatively, and on the raw scale one big early drop hides the knee.
  const logs = table.map((row) => logInertia(row.inertia));
  const high = Math.max(...logs);
  const low = Math.min(...logs);
  if (high === low) return null;
  return argBest(table, (row) => 1 - (logInertia(row.inertia) - low) / (high - low) - (row.k - first.k) / (last.k - first.k));
}

function gapRule(table: ChooseKRow[]): number | null {
  for (let position = 0; position + 1 < table.length; position++) {
    const row = table[position] as ChooseKRow;
    const next = table[position + 1] as ChooseKRow;
    if ((row.gap as number) >= (next.gap as number) - (next.gapStandardError as number)) return row.k;
  }
  return argBest(table, (row) => row.gap);
}
