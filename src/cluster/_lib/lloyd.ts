/**
 * Internal k-means engine on dense matrices: greedy k-means++ seeding (scikit-learn's
 * `_kmeans_plusplus`), Lloyd iterations with Hamerly's bounds, sklearn's convergence rules and
 * empty-cluster relocation. The public wrappers live in `kMeans.ts`.
 */
import type { Matrix } from "./matrix.js";
import { squaredDistance } from "./matrix.js";

/** Greedy k-means++: `2 + floor(ln k)` candidate draws per centre, keeping the one that lowers the potential most. O(n * d * k * log k). */
export function kMeansPlusPlus(matrix: Matrix, k: number, random: () => number): Float64Array {
  const { values, rows, columns } = matrix;
  const centers = new Float64Array(k * columns);
  const trials = 2 + Math.floor(Math.log(k));
  const closest = new Float64Array(rows);
  let candidate = new Float64Array(rows);
  let best = new Float64Array(rows);
  const cumulative = new Float64Array(rows);
  const first = Math.min(rows - 1, Math.floor(random() * rows));
  centers.set(values.subarray(first * columns, first * columns + columns), 0);
  let potential = 0;
  for (let index = 0; index < rows; index++) {
    const distance = squaredDistance(values, index, centers, 0, columns);
    closest[index] = distance;
    potential += distance;
  }
  for (let center = 1; center < k; center++) {
    let running = 0;
    for (let index = 0; index < rows; index++) {
      running += closest[index] as number;
      cumulative[index] = running;
    }
    let bestPotential = Number.POSITIVE_INFINITY;
    let bestIndex = 0;
    for (let trial = 0; trial < trials; trial++) {
      const target = random() * potential;
      // numpy searchsorted, side "left": the first index whose cumulative sum is >= target.
      let low = 0;
      let high = rows - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((cumulative[middle] as number) < target) low = middle + 1;
        else high = middle;
      }
      const candidatePotential = candidateDistances(values, rows, columns, low, closest, candidate);
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestIndex = low;
        const swap = best;
        best = candidate;
        candidate = swap;
      }
    }
    closest.set(best);
    potential = bestPotential;
    centers.set(values.subarray(bestIndex * columns, bestIndex * columns + columns), center * columns);
  }
  return centers;
}

/** `output[i] = min(closest[i], ||x_i - x_chosen||^2)`; returns the sum. */
function candidateDistances(values: Float64Array, rows: number, columns: number, chosen: number, closest: Float64Array, output: Float64Array): number {
  const offset = chosen * columns;
  let total = 0;
  for (let index = 0; index < rows; index++) {
    let distance = 0;
    const rowOffset = index * columns;
    for (let column = 0; column < columns; column++) {
      const difference = (values[rowOffset + column] as number) - (values[offset + column] as number);
      distance += difference * difference;
    }
    const previous = closest[index] as number;
    const value = distance < previous ? distance : previous;
    output[index] = value;
    total += value;
  }
  return total;
}

/** Forgy initialisation: k distinct rows drawn uniformly (partial Fisher-Yates). */
export function randomRows(matrix: Matrix, k: number, random: () => number): Float64Array {
  const { values, rows, columns } = matrix;
  const indexes = new Int32Array(rows);
  for (let index = 0; index < rows; index++) indexes[index] = index;
  const centers = new Float64Array(k * columns);
  for (let center = 0; center < k; center++) {
    const pick = center + Math.floor(random() * (rows - center));
    const chosen = indexes[pick] as number;
    indexes[pick] = indexes[center] as number;
    indexes[center] = chosen;
    centers.set(values.subarray(chosen * columns, chosen * columns + columns), center * columns);
  }
  return centers;
}

/** Result of one k-means run. */
export interface RunResult {
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/** Called after each assignment step with the centres used for it and the new labels (tests use it). */
export type TraceCallback = (iteration: number, centers: Float64Array, labels: Int32Array) => void;

/**
 * Lloyd's algorithm with Hamerly's bounds (`pruning: true`) or plain (`pruning: false`); both give the
 * same labels and centres. Stops when no label changes (strict convergence) or when the summed
 * squared centre shift is at most `tolerance` (absolute; callers scale it by the mean variance).
 */
export function runKMeans(
  matrix: Matrix,
  initialCenters: Float64Array,
  k: number,
  maxIterations: number,
  tolerance: number,
  method: "lloyd" | "hamerly" | "elkan",
  trace?: TraceCallback,
): RunResult {
  const pruning = method !== "lloyd";
  const elkan = method === "elkan";
  const { values, rows, columns } = matrix;
  let centers = Float64Array.from(initialCenters);
  let nextCenters = new Float64Array(k * columns);
  // Running per-cluster sums and counts, updated only for rows that change cluster (Hamerly 2010).
  const runningSums = new Float64Array(k * columns);
  const counts = new Float64Array(k);
  const labels = new Int32Array(rows).fill(-1);
  const upper = new Float64Array(rows);
  const lower = new Float64Array(rows);
  const half = new Float64Array(k);
  const shift = new Float64Array(k);
  const data = values;
  const assigned = labels;
  const upperBounds = upper;
  const lowerBounds = lower;
  const halfDistances = half;
  const clusterCounts = counts;
  // Elkan: one lower bound per (row, centre) and the centre-to-centre distances.
  const lowerAll = elkan ? new Float64Array(rows * k) : new Float64Array(0);
  const between = new Float64Array(k * k);
  let currentCenters = centers;
  let fullPass = true;
  let iterations = 0;
  let strict = false;
  let converged = false;

  const assign = (): number => {
    let changed = 0;
    // Locals instead of closure slots: V8 keeps them in registers in the hot loop.
    const centers = currentCenters;
    const sums = runningSums;
    const values = data;
    const labels = assigned;
    const upper = upperBounds;
    const lower = lowerBounds;
    const half = halfDistances;
    const counts = clusterCounts;
    const clusterCount = k;
    const width = columns;
    const count = rows;
    const usePruning = pruning && !fullPass;
    if (usePruning) computeHalfDistances(centers, clusterCount, width, half, between);
    if (usePruning && elkan) {
      const bounds = lowerAll;
      const centerDistances = between;
      for (let index = 0; index < count; index++) {
        const previous = labels[index] as number;
        let label = previous;
        let bound = upper[index] as number;
        if (bound <= (half[label] as number)) continue;
        let stale = true;
        const rowOffset = index * width;
        const boundOffset = index * clusterCount;
        for (let center = 0; center < clusterCount; center++) {
          if (center === label) continue;
          if (bound <= (bounds[boundOffset + center] as number) || bound <= 0.5 * (centerDistances[label * clusterCount + center] as number)) continue;
          if (stale) {
            let distance = 0;
            const centerOffset = label * width;
            for (let column = 0; column < width; column++) {
              const difference = (values[rowOffset + column] as number) - (centers[centerOffset + column] as number);
              distance += difference * difference;
            }
            bound = Math.sqrt(distance);
            bounds[boundOffset + label] = bound;
            stale = false;
            if (bound <= (bounds[boundOffset + center] as number) || bound <= 0.5 * (centerDistances[label * clusterCount + center] as number)) continue;
          }
          let distance = 0;
          const centerOffset = center * width;
          for (let column = 0; column < width; column++) {
            const difference = (values[rowOffset + column] as number) - (centers[centerOffset + column] as number);
            distance += difference * difference;
          }
          const root = Math.sqrt(distance);
          bounds[boundOffset + center] = root;
          if (root < bound || (root === bound && center < label)) {
            label = center;
            bound = root;
          }
        }
        upper[index] = bound;
        if (label !== previous) {
          changed++;
          labels[index] = label;
          const oldOffset = previous * width;
          const newOffset = label * width;
          for (let column = 0; column < width; column++) {
            const value = values[rowOffset + column] as number;
            sums[oldOffset + column] = (sums[oldOffset + column] as number) - value;
            sums[newOffset + column] = (sums[newOffset + column] as number) + value;
          }
          counts[previous] = (counts[previous] as number) - 1;
          counts[label] = (counts[label] as number) + 1;
        }
      }
      fullPass = false;
      return changed;
    }
    for (let index = 0; index < count; index++) {
      const rowOffset = index * width;
      let label = labels[index] as number;
      let needFull = !usePruning;
      if (usePruning) {
        const bound = Math.max(half[label] as number, lower[index] as number);
        if ((upper[index] as number) > bound) {
          let distance = 0;
          const centerOffset = label * width;
          for (let column = 0; column < width; column++) {
            const difference = (values[rowOffset + column] as number) - (centers[centerOffset + column] as number);
            distance += difference * difference;
          }
          upper[index] = Math.sqrt(distance);
          if ((upper[index] as number) > bound) needFull = true;
        }
      }
      if (needFull) {
        let best = Number.POSITIVE_INFINITY;
        let second = Number.POSITIVE_INFINITY;
        let bestLabel = 0;
        // After tightening, the distance to the current centre is known exactly: start from it.
        const known = usePruning ? label : -1;
        if (usePruning) {
          const reference = upper[index] as number;
          best = reference * reference;
          bestLabel = label;
        }
        for (let center = 0; center < clusterCount; center++) {
          if (center === known) continue;
          let distance = 0;
          const centerOffset = center * width;
          for (let column = 0; column < width; column++) {
            const difference = (values[rowOffset + column] as number) - (centers[centerOffset + column] as number);
            distance += difference * difference;
          }
          if (elkan) lowerAll[index * clusterCount + center] = Math.sqrt(distance);
          if (distance < best || (distance === best && center < bestLabel)) {
            second = best;
            best = distance;
            bestLabel = center;
          } else if (distance < second) second = distance;
        }
        if (bestLabel !== label) {
          changed++;
          labels[index] = bestLabel;
          const newOffset = bestLabel * width;
          if (label >= 0) {
            const oldOffset = label * width;
            for (let column = 0; column < width; column++) {
              const value = values[rowOffset + column] as number;
              sums[oldOffset + column] = (sums[oldOffset + column] as number) - value;
              sums[newOffset + column] = (sums[newOffset + column] as number) + value;
            }
            counts[label] = (counts[label] as number) - 1;
          } else {
            for (let column = 0; column < width; column++) sums[newOffset + column] = (sums[newOffset + column] as number) + (values[rowOffset + column] as number);
          }
          counts[bestLabel] = (counts[bestLabel] as number) + 1;
          label = bestLabel;
        }
        upper[index] = Math.sqrt(best);
        lower[index] = Math.sqrt(second);
      }
    }
    fullPass = false;
    return changed;
  };

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const changed = assign();
    iterations = iteration;
    trace?.(iteration, centers, labels);
    if (iteration > 1 && changed === 0) {
      strict = true;
      converged = true;
      break;
    }
    if (relocateEmptyClusters(matrix, centers, runningSums, counts, labels, k)) fullPass = true;
    let totalShift = 0;
    for (let center = 0; center < k; center++) {
      const count = counts[center] as number;
      const offset = center * columns;
      if (count > 0) for (let column = 0; column < columns; column++) nextCenters[offset + column] = (runningSums[offset + column] as number) / count;
      else for (let column = 0; column < columns; column++) nextCenters[offset + column] = centers[offset + column] as number;
      const distance = squaredDistance(centers, center, nextCenters, center, columns);
      totalShift += distance;
      shift[center] = Math.sqrt(distance);
    }
    const swap = centers;
    centers = nextCenters;
    nextCenters = swap;
    currentCenters = centers;
    if (elkan && !fullPass) {
      for (let index = 0; index < rows; index++) {
        upper[index] = (upper[index] as number) + (shift[labels[index] as number] as number);
        const offset = index * k;
        for (let center = 0; center < k; center++) {
          const value = (lowerAll[offset + center] as number) - (shift[center] as number);
          lowerAll[offset + center] = value > 0 ? value : 0;
        }
      }
    } else if (pruning && !fullPass) {
      let maximum = 0;
      let secondMaximum = 0;
      let maximumIndex = -1;
      for (let center = 0; center < k; center++) {
        const value = shift[center] as number;
        if (value > maximum) {
          secondMaximum = maximum;
          maximum = value;
          maximumIndex = center;
        } else if (value > secondMaximum) secondMaximum = value;
      }
      for (let index = 0; index < rows; index++) {
        const label = labels[index] as number;
        upper[index] = (upper[index] as number) + (shift[label] as number);
        lower[index] = (lower[index] as number) - (label === maximumIndex ? secondMaximum : maximum);
      }
    }
    if (totalShift <= tolerance) {
      converged = true;
      break;
    }
  }
  if (!strict) assign();
  let inertia = 0;
  for (let index = 0; index < rows; index++) inertia += squaredDistance(values, index, centers, labels[index] as number, columns);
  return { centers, labels, inertia, iterations, converged };
}

/** Half of the distance from each centre to its nearest other centre (Hamerly's `s`), and every centre-to-centre distance. */
function computeHalfDistances(centers: Float64Array, k: number, columns: number, half: Float64Array, between: Float64Array): void {
  half.fill(Number.POSITIVE_INFINITY);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const full = Math.sqrt(squaredDistance(centers, a, centers, b, columns));
      between[a * k + b] = full;
      between[b * k + a] = full;
      const distance = full / 2;
      if (distance < (half[a] as number)) half[a] = distance;
      if (distance < (half[b] as number)) half[b] = distance;
    }
  }
  if (k === 1) half[0] = Number.POSITIVE_INFINITY;
}

/**
 * scikit-learn's relocation: each empty cluster takes the row farthest from its current centre (in
 * decreasing distance order), moved out of its old cluster's running sums. Returns whether any moved.
 */
function relocateEmptyClusters(
  matrix: Matrix,
  centers: Float64Array,
  sums: Float64Array,
  counts: Float64Array,
  labels: Int32Array,
  k: number,
): boolean {
  const empty: number[] = [];
  for (let center = 0; center < k; center++) if (counts[center] === 0) empty.push(center);
  if (empty.length === 0) return false;
  const { values, rows, columns } = matrix;
  const distances = new Float64Array(rows);
  for (let index = 0; index < rows; index++) distances[index] = squaredDistance(values, index, centers, labels[index] as number, columns);
  for (const center of empty) {
    let far = -1;
    let farDistance = -1;
    for (let index = 0; index < rows; index++) {
      const distance = distances[index] as number;
      if (distance > farDistance && (counts[labels[index] as number] as number) > 1) {
        farDistance = distance;
        far = index;
      }
    }
    if (far < 0) break;
    const old = labels[far] as number;
    const rowOffset = far * columns;
    for (let column = 0; column < columns; column++) {
      sums[old * columns + column] = (sums[old * columns + column] as number) - (values[rowOffset + column] as number);
      sums[center * columns + column] = values[rowOffset + column] as number;
    }
    counts[old] = (counts[old] as number) - 1;
    counts[center] = 1;
    labels[far] = center;
    distances[far] = -1;
  }
  return true;
}

/** Index of the nearest centre for each row; ties go to the lowest index. */
export function nearestCenters(matrix: Matrix, centers: Float64Array, k: number): Int32Array {
  const { values, rows, columns } = matrix;
  const labels = new Int32Array(rows);
  for (let index = 0; index < rows; index++) {
    let best = Number.POSITIVE_INFINITY;
    let bestLabel = 0;
    for (let center = 0; center < k; center++) {
      const distance = squaredDistance(values, index, centers, center, columns);
      if (distance < best) {
        best = distance;
        bestLabel = center;
      }
    }
    labels[index] = bestLabel;
  }
  return labels;
}

/**
 * Canonical relabelling: cluster ids by decreasing size, ties by the centroid's coordinates in
 * lexicographic order. Returns the permuted centres, labels and sizes.
 */
export function canonicalOrder(
  centers: Float64Array,
  labels: Int32Array,
  k: number,
  columns: number,
): { centers: Float64Array; labels: Int32Array; sizes: number[] } {
  const sizes = new Array<number>(k).fill(0);
  for (let index = 0; index < labels.length; index++) { const label = labels[index] as number; sizes[label] = (sizes[label] as number) + 1; }
  const order = Array.from({ length: k }, (_, index) => index);
  order.sort((a, b) => {
    const bySize = (sizes[b] as number) - (sizes[a] as number);
    if (bySize !== 0) return bySize;
    for (let column = 0; column < columns; column++) {
      const difference = (centers[a * columns + column] as number) - (centers[b * columns + column] as number);
      if (difference !== 0) return difference;
    }
    return a - b;
  });
  const rank = new Int32Array(k);
  const sortedCenters = new Float64Array(k * columns);
  const sortedSizes: number[] = [];
  order.forEach((old, position) => {
    rank[old] = position;
    sortedCenters.set(centers.subarray(old * columns, old * columns + columns), position * columns);
    sortedSizes.push(sizes[old] as number);
  });
  const sortedLabels = new Int32Array(labels.length);
  for (let index = 0; index < labels.length; index++) sortedLabels[index] = rank[labels[index] as number] as number;
  return { centers: sortedCenters, labels: sortedLabels, sizes: sortedSizes };
}
