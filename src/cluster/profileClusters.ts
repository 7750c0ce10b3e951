import type { OptionKeys } from "../_lib/arguments.js";
import { quantileSorted } from "../_lib/quantile.js";
import type { MatrixInput } from "./_lib/matrix.js";
import { distanceOverflow, requireLabelArray, toMatrix } from "./_lib/matrix.js";
import { numberOption, requireOptions, requireStrings } from "./_lib/options.js";

/**
 * Options of {@link profileClusters}.
 * @category Personas
 */
export interface ProfileClustersOptions {
  /** Words for a high or low value of a feature, like `{ recencyDays: { high: "lapsed", low: "recent" } }`. Default `"high <feature>"` / `"low <feature>"`. */
  readonly descriptors?: Readonly<Record<string, { readonly high: string; readonly low: string }>>;
  /** Smallest |standardized difference| for a feature to appear in the label, a non-negative number. Default 0.3. */
  readonly threshold?: number;
  /** Most features named in a label, a non-negative integer (or `Infinity`). Default 3. */
  readonly maxLabelFeatures?: number;
}

/**
 * One feature's standing in a cluster.
 * @category Personas
 */
export interface FeatureProfile {
  readonly feature: string;
  readonly mean: number;
  readonly median: number;
  /** Cluster mean over population mean; `null` when the population mean is 0. */
  readonly lift: number | null;
  /** (cluster mean - population mean) / population standard deviation; 0 for a constant feature. */
  readonly standardizedDifference: number;
}

/**
 * One cluster's persona.
 * @category Personas
 */
export interface ClusterProfile {
  readonly cluster: number;
  readonly size: number;
  /** size / n. */
  readonly share: number;
  /** Every feature, in input order. */
  readonly features: FeatureProfile[];
  /** Features sorted by decreasing |standardized difference|. */
  readonly distinguishing: FeatureProfile[];
  /** A readable label such as `"recent, frequent, high spend"`, or `"typical"`. */
  readonly label: string;
}

/**
 * Describes each cluster as a persona: size and share, per-feature means and medians, lift and
 * standardized difference against the whole population, the most distinguishing features and a label.
 *
 * @remarks
 * For feature j of cluster c: `lift = mean_c / mean` and `d = (mean_c - mean) / sd` (population sd).
 * The label lists up to `maxLabelFeatures` features with `|d| >= threshold` (and d ≠ 0), the largest first
 * selected and then written in input order, using the `descriptors` words. Labels are distinct:
 * clusters that would share one name their next strongest features, one at a time, until they differ,
 * and clusters alike in the direction of every feature get their id (`"high spend (cluster 2)"`).
 * Pass the features in
 * original units (not scaled) so means and medians read naturally. O(n * d + n log n * d) for the medians.
 * @param data - rows of finite numbers.
 * @param labels - the cluster id of each row (non-negative integers; ids with no rows are skipped).
 * @param featureNames - one name per column.
 * @param options - see {@link ProfileClustersOptions}.
 * @returns One profile per cluster id present, in id order.
 * @throws `RangeError` `profileClusters requires one label per row`, `profileClusters requires one feature name per column`,
 * `profileClusters requires a non-negative threshold`, `profileClusters requires maxLabelFeatures to be a non-negative integer`,
 * `profileClusters requires values small enough for finite sums of squared distances (scale the data first)`;
 * `TypeError` `profileClusters requires an array of rows`, `profileClusters requires rows to be arrays of numbers: row i is null`,
 * `profileClusters requires rows of equal length: row i differs from row 0`, `profileClusters requires finite numbers: row i, column j is NaN`,
 * `profileClusters requires labels to be an array of numbers`, `profileClusters requires labels to be non-negative integers: label i is -1`,
 * `profileClusters requires featureNames to be an array of strings`, `profileClusters requires an options object`,
 * `profileClusters requires threshold to be a number` (likewise `maxLabelFeatures`), `profileClusters requires descriptors to be an object`,
 * `profileClusters requires descriptors to be { high, low } strings: feature is not`.
 * @example
 * const profiles = profileClusters([[2, 9], [4, 8], [300, 1], [280, 1]], [0, 0, 1, 1], ["recencyDays", "orders"], {
 *   descriptors: { recencyDays: { high: "lapsed", low: "recent" }, orders: { high: "frequent", low: "one-off" } },
 * });
 * profiles.map((profile) => profile.label) //=> ["recent, frequent", "lapsed, one-off"]
 * profiles[1].features[0].mean //=> 290
 * @category Personas
 */
export function profileClusters(
  data: MatrixInput,
  labels: ArrayLike<number>,
  featureNames: ReadonlyArray<string>,
  options: ProfileClustersOptions = {},
): ClusterProfile[] {
  const matrix = toMatrix(data, "profileClusters");
  const { rows, columns, values } = matrix;
  requireLabelArray(labels, "profileClusters");
  requireStrings("profileClusters", "featureNames", featureNames);
  const checked = requireOptions("profileClusters", options, false, { descriptors: true, threshold: true, maxLabelFeatures: true } satisfies OptionKeys<ProfileClustersOptions>);
  if (labels.length !== rows) throw new RangeError("profileClusters requires one label per row");
  if (featureNames.length !== columns) throw new RangeError("profileClusters requires one feature name per column");
  const threshold = numberOption("profileClusters", "threshold", checked.threshold, 0.3);
  if (!(threshold >= 0)) throw new RangeError("profileClusters requires a non-negative threshold");
  const maxLabelFeatures = numberOption("profileClusters", "maxLabelFeatures", checked.maxLabelFeatures, 3);
  if (!(maxLabelFeatures >= 0) || (!Number.isInteger(maxLabelFeatures) && maxLabelFeatures !== Number.POSITIVE_INFINITY)) {
    throw new RangeError("profileClusters requires maxLabelFeatures to be a non-negative integer");
  }
  const { descriptors } = checked;
  if (descriptors !== undefined) {
    if (descriptors === null || typeof descriptors !== "object" || Array.isArray(descriptors)) {
      throw new TypeError("profileClusters requires descriptors to be an object");
    }
    for (const [feature, descriptor] of Object.entries(descriptors)) {
      if (descriptor === null || typeof descriptor !== "object" || typeof descriptor.high !== "string" || typeof descriptor.low !== "string") {
        throw new TypeError(`profileClusters requires descriptors to be { high, low } strings: ${feature} is not`);
      }
    }
  }
  const members = new Map<number, number[]>();
  for (let index = 0; index < rows; index++) {
    const label = labels[index] as number;
    if (!Number.isInteger(label) || label < 0) throw new TypeError(`profileClusters requires labels to be non-negative integers: label ${index} is ${String(label)}`);
    let group = members.get(label);
    if (group === undefined) members.set(label, (group = []));
    group.push(index);
  }
  const mean = new Float64Array(columns);
  const deviation = new Float64Array(columns);
  for (let column = 0; column < columns; column++) {
    let sum = 0;
    for (let index = 0; index < rows; index++) sum += values[index * columns + column] as number;
    const average = rows === 0 ? 0 : sum / rows;
    let squares = 0;
    let lowest = Number.POSITIVE_INFINITY;
    let highest = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < rows; index++) {
      const value = values[index * columns + column] as number;
      squares += (value - average) ** 2;
      if (value < lowest) lowest = value;
      if (value > highest) highest = value;
    }
    mean[column] = average;
    // A constant column has no spread, whatever rounding makes of its mean (ten 0.1s gave sd 1e-17 and d = 2).
    deviation[column] = rows === 0 || lowest === highest ? 0 : Math.sqrt(squares / rows);
    // A mean or spread past the double range would call every cluster typical: refused as the clustering functions refuse it.
    if (!Number.isFinite(mean[column]!) || !Number.isFinite(deviation[column]!)) throw distanceOverflow("profileClusters");
  }
  const profiles = [...members.keys()]
    .sort((a, b) => a - b)
    .map((cluster) => {
      const group = members.get(cluster) as number[];
      const features: FeatureProfile[] = featureNames.map((feature, column) => {
        const columnValues = new Float64Array(group.length);
        let sum = 0;
        group.forEach((row, position) => {
          const value = values[row * columns + column] as number;
          columnValues[position] = value;
          sum += value;
        });
        const clusterMean = sum / group.length;
        const populationMean = mean[column] as number;
        const spread = deviation[column] as number;
        return {
          feature,
          mean: clusterMean,
          median: quantileSorted(columnValues.sort(), 0.5),
          lift: populationMean === 0 ? null : clusterMean / populationMean,
          standardizedDifference: spread === 0 ? 0 : (clusterMean - populationMean) / spread,
        };
      });
      const distinguishing = [...features].sort((a, b) => Math.abs(b.standardizedDifference) - Math.abs(a.standardizedDifference));
      // A feature at the population mean (d = 0) is neither high nor low, even at threshold 0.
      const chosen = distinguishing.filter((entry) => entry.standardizedDifference !== 0 && Math.abs(entry.standardizedDifference) >= threshold).slice(0, maxLabelFeatures);
      return { cluster, size: group.length, share: group.length / rows, features, distinguishing, label: labelOf(features, chosen, descriptors) };
    });
  return distinctLabels(profiles, threshold, maxLabelFeatures, descriptors);
}

function labelOf(features: ReadonlyArray<FeatureProfile>, chosen: ReadonlyArray<FeatureProfile>, descriptors: ProfileClustersOptions["descriptors"]): string {
  const words = features
    .filter((entry) => chosen.includes(entry))
    .map((entry) => {
      const descriptor = descriptors !== undefined && Object.hasOwn(descriptors, entry.feature) ? descriptors[entry.feature] : undefined;
      const high = entry.standardizedDifference > 0;
      return descriptor === undefined ? `${high ? "high" : "low"} ${entry.feature}` : high ? descriptor.high : descriptor.low;
    });
  return words.length === 0 ? "typical" : words.join(", ");
}

/**
 * Clusters that share a label name one more of their distinguishing features at a time (any nonzero
 * difference, strongest first) until the labels differ; clusters still alike get their id, as in
 * `"typical (cluster 3)"`.
 */
function distinctLabels(profiles: ClusterProfile[], threshold: number, maxLabelFeatures: number, descriptors: ProfileClustersOptions["descriptors"]): ClusterProfile[] {
  const repeated = (candidates: ReadonlyArray<ClusterProfile>): ((profile: ClusterProfile) => boolean) => {
    const counts = new Map<string, number>();
    for (const profile of candidates) counts.set(profile.label, (counts.get(profile.label) ?? 0) + 1);
    return (profile) => (counts.get(profile.label) as number) > 1;
  };
  let current = profiles;
  for (let extra = 1; extra <= (profiles[0]?.features.length ?? 0); extra += 1) {
    const isRepeated = repeated(current);
    if (!current.some(isRepeated)) return current;
    current = current.map((profile) => {
      if (!isRepeated(profile)) return profile;
      const named = profile.distinguishing.filter((entry) => entry.standardizedDifference !== 0);
      const base = Math.min(maxLabelFeatures, named.filter((entry) => Math.abs(entry.standardizedDifference) >= threshold).length);
      return { ...profile, label: labelOf(profile.features, named.slice(0, base + extra), descriptors) };
    });
  }
  const isRepeated = repeated(current);
  return current.map((profile) => (isRepeated(profile) ? { ...profile, label: `${profile.label} (cluster ${profile.cluster})` } : profile));
}
