/**
 * Internal k-means engine on dense matrices: greedy k-means++ seeding (scikit-learn's
 * `_kmeans_plusplus`), Lloyd iterations with Hamerly's bounds, sklearn's convergence rules and
 * empty-cluster relocation. The public wrappers live in `kMeans.ts`.
 */
import type { RandomDraws } from "../../_lib/numpyRandomState.js";
import type { Matrix } from "./matrix.js";
import { distanceOverflow, squaredDistance } from "./matrix.js";

/**
 * The first assignment, which k-means++ computes on the way: each row's nearest centre (ties to the
 * lower id) and its smallest and second-smallest squared distances, equal bit for bit to a full scan.
 */
export interface InitialAssignment {
  readonly labels: Int32Array;
  readonly nearest: Float64Array;
  readonly second: Float64Array;
}

/** An {@link InitialAssignment} for `rows` rows, ready for `kMeansPlusPlus` to fill. */
export function emptyAssignment(rows: number): InitialAssignment {
  return { labels: new Int32Array(rows), nearest: new Float64Array(rows), second: new Float64Array(rows).fill(Number.POSITIVE_INFINITY) };
}

/**
 * Greedy k-means++ as scikit-learn's `_kmeans_plusplus`: the first centre is `integer(rows)`, then
 * per centre `2 + floor(ln k)` candidates drawn by `uniform() * potential` against the cumulative
 * squared distances (numpy `searchsorted`), keeping the one that lowers the potential most. With
 * numpy's draws (`numpyRandomState`) the candidates are scikit-learn's. O(n * d * k * log k).
 * With `assignment`, also fills the first assignment (see {@link InitialAssignment}).
 */
export function kMeansPlusPlus(matrix: Matrix, k: number, draws: RandomDraws, assignment?: InitialAssignment): Float64Array {
  const { values, rows, columns } = matrix;
  const centers = new Float64Array(k * columns);
  const trials = 2 + Math.floor(Math.log(k));
  const closest = assignment?.nearest ?? new Float64Array(rows);
  // One row of `rows` distances per trial: the trials of a step are measured in one pass over the data.
  const candidates = new Float64Array(trials * rows);
  const candidateRows = new Int32Array(trials);
  const potentials = new Float64Array(trials);
  const cumulative = new Float64Array(rows);
  const first = draws.integer(rows);
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
    for (let trial = 0; trial < trials; trial++) {
      const target = draws.uniform() * potential;
      // numpy searchsorted, side "left": the first index whose cumulative sum is >= target.
      let low = 0;
      let high = rows - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((cumulative[middle] as number) < target) low = middle + 1;
        else high = middle;
      }
      candidateRows[trial] = low;
    }
    for (let trial = 0; trial < trials; trial += 3) {
      // Three trials per pass; a short last group repeats its last trial (same values, same slot).
      const second = Math.min(trial + 1, trials - 1);
      const third = Math.min(trial + 2, trials - 1);
      candidateDistances3(values, rows, columns, candidateRows, trial, second, third, closest, candidates, potentials);
    }
    let bestTrial = 0;
    for (let trial = 1; trial < trials; trial++) if ((potentials[trial] as number) < (potentials[bestTrial] as number)) bestTrial = trial;
    const chosenRow = candidateRows[bestTrial] as number;
    const offset = bestTrial * rows;
    if (assignment === undefined) {
      for (let index = 0; index < rows; index++) {
        const distance = candidates[offset + index] as number;
        if (distance < (closest[index] as number)) closest[index] = distance;
      }
    } else {
      // Keep the first assignment too: the same comparisons, in the same centre order, as a full scan.
      const { labels, second } = assignment;
      for (let index = 0; index < rows; index++) {
        const distance = candidates[offset + index] as number;
        const previous = closest[index] as number;
        if (distance < previous) {
          second[index] = previous;
          closest[index] = distance;
          labels[index] = center;
        } else if (distance < (second[index] as number)) second[index] = distance;
      }
    }
    potential = potentials[bestTrial] as number;
    centers.set(values.subarray(chosenRow * columns, chosenRow * columns + columns), center * columns);
  }
  return centers;
}

/**
 * For three trials `a`, `b`, `c` (indexes into `candidateRows`): `output[t * rows + i] =
 * ||x_i - x_candidate(t)||^2` and `potentials[t]` = the sum of `min(closest[i], output)`, in one pass that
 * loads each row once. Each distance sums its columns in order, as `squaredDistance` does.
 * Written out rather than calling `distancesToCenters` per row: that call and its scratch writes
 * made k-means++ 1.6x slower (measured on the 100,000 x 8 benchmark).
 */
function candidateDistances3(
  values: Float64Array,
  rows: number,
  columns: number,
  candidateRows: Int32Array,
  a: number,
  b: number,
  c: number,
  closest: Float64Array,
  output: Float64Array,
  potentials: Float64Array,
): void {
  const offsetA = (candidateRows[a] as number) * columns;
  const offsetB = (candidateRows[b] as number) * columns;
  const offsetC = (candidateRows[c] as number) * columns;
  const outA = a * rows;
  const outB = b * rows;
  const outC = c * rows;
  let totalA = 0;
  let totalB = 0;
  let totalC = 0;
  for (let index = 0; index < rows; index++) {
    let distanceA = 0;
    let distanceB = 0;
    let distanceC = 0;
    const rowOffset = index * columns;
    for (let column = 0; column < columns; column++) {
      const value = values[rowOffset + column] as number;
      const differenceA = value - (values[offsetA + column] as number);
      const differenceB = value - (values[offsetB + column] as number);
      const differenceC = value - (values[offsetC + column] as number);
      distanceA += differenceA * differenceA;
      distanceB += differenceB * differenceB;
      distanceC += differenceC * differenceC;
    }
    const previous = closest[index] as number;
    output[outA + index] = distanceA;
    output[outB + index] = distanceB;
    output[outC + index] = distanceC;
    totalA += distanceA < previous ? distanceA : previous;
    totalB += distanceB < previous ? distanceB : previous;
    totalC += distanceC < previous ? distanceC : previous;
  }
  potentials[a] = totalA;
  potentials[b] = totalB;
  potentials[c] = totalC;
}

/**
 * Forgy initialisation as scikit-learn's `init="random"`: the first k entries of numpy's
 * `permutation(rows)` (a Fisher-Yates shuffle from the last index down).
 */
export function randomRows(matrix: Matrix, k: number, draws: RandomDraws): Float64Array {
  const { values, rows, columns } = matrix;
  const indexes = new Int32Array(rows);
  for (let index = 0; index < rows; index++) indexes[index] = index;
  for (let index = rows - 1; index >= 1; index--) {
    const other = draws.integer(index + 1);
    const swap = indexes[index] as number;
    indexes[index] = indexes[other] as number;
    indexes[other] = swap;
  }
  const centers = new Float64Array(k * columns);
  for (let center = 0; center < k; center++) {
    const chosen = indexes[center] as number;
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

/** The state one assignment step reads and updates: labels, bounds and running cluster sums. */
interface AssignmentState {
  readonly values: Float64Array;
  readonly rows: number;
  readonly columns: number;
  readonly k: number;
  readonly labels: Int32Array;
  /** Hamerly / Elkan upper bound: distance (not squared) to the assigned centre. */
  readonly upper: Float64Array;
  /** Hamerly lower bound: distance to the second-closest centre. */
  readonly lower: Float64Array;
  /** Elkan: one lower bound per row and centre (`rows * k`), else empty. */
  readonly lowerAll: Float64Array;
  /** Running per-cluster sums and counts, updated only for rows that change cluster (Hamerly 2010). */
  readonly sums: Float64Array;
  readonly counts: Float64Array;
  /** Squared distances of one row to every centre (scratch). */
  readonly rowDistances: Float64Array;
  /** The smallest and second-smallest of `rowDistances` (scratch of `nearestTwo`). */
  readonly closestTwo: Float64Array;
}

/**
 * `output[c] = ||x_row - center_c||^2` for every centre, three centres per pass over the row's
 * columns (each row value loaded once for the three; 2.5x faster than one centre at a time on the
 * benchmark). Each sum runs over the columns in order, so every distance equals `squaredDistance`'s
 * bit for bit.
 */
function distancesToCenters(values: Float64Array, rowOffset: number, centers: Float64Array, k: number, columns: number, output: Float64Array): void {
  let center = 0;
  for (; center + 2 < k; center += 3) {
    const offsetA = center * columns;
    const offsetB = offsetA + columns;
    const offsetC = offsetB + columns;
    let distanceA = 0;
    let distanceB = 0;
    let distanceC = 0;
    for (let column = 0; column < columns; column++) {
      const value = values[rowOffset + column] as number;
      const differenceA = value - (centers[offsetA + column] as number);
      const differenceB = value - (centers[offsetB + column] as number);
      const differenceC = value - (centers[offsetC + column] as number);
      distanceA += differenceA * differenceA;
      distanceB += differenceB * differenceB;
      distanceC += differenceC * differenceC;
    }
    output[center] = distanceA;
    output[center + 1] = distanceB;
    output[center + 2] = distanceC;
  }
  for (; center < k; center++) {
    const offset = center * columns;
    let distance = 0;
    for (let column = 0; column < columns; column++) {
      const difference = (values[rowOffset + column] as number) - (centers[offset + column] as number);
      distance += difference * difference;
    }
    output[center] = distance;
  }
}

/**
 * The nearest centre (ties to the lower id) among `distances[0..k)`; writes its distance and the
 * second-smallest distance (infinite when k = 1) to `output[0]` and `output[1]`.
 */
function nearestTwo(distances: Float64Array, k: number, output: Float64Array): number {
  let best = distances[0] as number;
  let bestLabel = 0;
  let second = Number.POSITIVE_INFINITY;
  for (let center = 1; center < k; center++) {
    const distance = distances[center] as number;
    if (distance < best) {
      second = best;
      best = distance;
      bestLabel = center;
    } else if (distance < second) second = distance;
  }
  output[0] = best;
  output[1] = second;
  return bestLabel;
}

/** Moves row `index` from cluster `from` (none when negative) to `to` in the running sums and counts. */
function moveRow(state: AssignmentState, index: number, from: number, to: number): void {
  const { values, columns, sums, counts } = state;
  const rowOffset = index * columns;
  const newOffset = to * columns;
  if (from >= 0) {
    const oldOffset = from * columns;
    for (let column = 0; column < columns; column++) {
      const value = values[rowOffset + column] as number;
      sums[oldOffset + column] = (sums[oldOffset + column] as number) - value;
      sums[newOffset + column] = (sums[newOffset + column] as number) + value;
    }
    counts[from] = (counts[from] as number) - 1;
  } else {
    for (let column = 0; column < columns; column++) sums[newOffset + column] = (sums[newOffset + column] as number) + (values[rowOffset + column] as number);
  }
  counts[to] = (counts[to] as number) + 1;
  state.labels[index] = to;
}

/**
 * Every row to its nearest centre (ties to the lower id), with every distance computed: the plain
 * Lloyd step, and the first step of the bounded variants, which also sets their bounds. Returns
 * the number of rows whose label changed.
 */
function assignAll(state: AssignmentState, centers: Float64Array, setBounds: boolean, elkan: boolean): number {
  const { values, rows, columns, k, labels, upper, lower, lowerAll, rowDistances, closestTwo } = state;
  let changed = 0;
  for (let index = 0; index < rows; index++) {
    distancesToCenters(values, index * columns, centers, k, columns, rowDistances);
    const bestLabel = nearestTwo(rowDistances, k, closestTwo);
    const best = closestTwo[0] as number;
    const second = closestTwo[1] as number;
    const previous = labels[index] as number;
    if (bestLabel !== previous) {
      changed++;
      moveRow(state, index, previous, bestLabel);
    }
    if (setBounds) {
      upper[index] = Math.sqrt(best);
      lower[index] = Math.sqrt(second);
      if (elkan) for (let center = 0; center < k; center++) lowerAll[index * k + center] = Math.sqrt(rowDistances[center] as number);
    }
  }
  return changed;
}

/** The first step from an assignment k-means++ computed: the same labels, sums and bounds as `assignAll`. */
function assignFrom(state: AssignmentState, initial: InitialAssignment, setBounds: boolean): number {
  const { rows, upper, lower } = state;
  for (let index = 0; index < rows; index++) {
    moveRow(state, index, -1, initial.labels[index] as number);
    if (setBounds) {
      upper[index] = Math.sqrt(initial.nearest[index] as number);
      lower[index] = Math.sqrt(initial.second[index] as number);
    }
  }
  return rows;
}

/**
 * One Hamerly step: a row keeps its label without any distance when its upper bound is below both
 * its lower bound and half the distance from its centre to the nearest other centre; else the upper
 * bound is tightened to the exact distance, and only if that still fails are all k distances computed.
 */
function assignHamerly(state: AssignmentState, centers: Float64Array, half: Float64Array, shift: Float64Array): number {
  const { values, rows, columns, k, labels, upper, lower, rowDistances, closestTwo } = state;
  // The centres moved by `shift` since the bounds were set: the upper bound grows by its own centre's
  // shift, the lower bound shrinks by the largest shift of another centre.
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
  let changed = 0;
  for (let index = 0; index < rows; index++) {
    const label = labels[index] as number;
    const upperBound = (upper[index] as number) + (shift[label] as number);
    const lowerBound = (lower[index] as number) - (label === maximumIndex ? secondMaximum : maximum);
    upper[index] = upperBound;
    lower[index] = lowerBound;
    const halfGap = half[label] as number;
    const bound = halfGap > lowerBound ? halfGap : lowerBound;
    // Strict: a row exactly as far from another centre must be looked at, so that the tie goes to
    // the lower id as in Lloyd's loop (equal bounds skipped it before).
    if (upperBound < bound) continue;
    const rowOffset = index * columns;
    const centerOffset = label * columns;
    let own = 0;
    for (let column = 0; column < columns; column++) {
      const difference = (values[rowOffset + column] as number) - (centers[centerOffset + column] as number);
      own += difference * difference;
    }
    const tightened = Math.sqrt(own);
    upper[index] = tightened;
    if (tightened < bound) continue;
    distancesToCenters(values, rowOffset, centers, k, columns, rowDistances);
    const bestLabel = nearestTwo(rowDistances, k, closestTwo);
    const best = closestTwo[0] as number;
    const second = closestTwo[1] as number;
    if (bestLabel !== label) {
      changed++;
      moveRow(state, index, label, bestLabel);
    }
    upper[index] = Math.sqrt(best);
    lower[index] = Math.sqrt(second);
  }
  return changed;
}

/**
 * One Elkan step: one lower bound per row and centre, and the centre-to-centre distances, skip each
 * centre that cannot be closer than the current one.
 */
function assignElkan(state: AssignmentState, centers: Float64Array, half: Float64Array, between: Float64Array): number {
  const { values, rows, columns, k, labels, upper, lowerAll: bounds } = state;
  let changed = 0;
  for (let index = 0; index < rows; index++) {
    const previous = labels[index] as number;
    let label = previous;
    let bound = upper[index] as number;
    if (bound < (half[label] as number)) continue;
    let stale = true;
    const rowOffset = index * columns;
    const boundOffset = index * k;
    for (let center = 0; center < k; center++) {
      if (center === label) continue;
      if (bound < (bounds[boundOffset + center] as number) || bound < 0.5 * (between[label * k + center] as number)) continue;
      if (stale) {
        let distance = 0;
        const centerOffset = label * columns;
        for (let column = 0; column < columns; column++) {
          const difference = (values[rowOffset + column] as number) - (centers[centerOffset + column] as number);
          distance += difference * difference;
        }
        bound = Math.sqrt(distance);
        bounds[boundOffset + label] = bound;
        stale = false;
        if (bound < (bounds[boundOffset + center] as number) || bound < 0.5 * (between[label * k + center] as number)) continue;
      }
      let distance = 0;
      const centerOffset = center * columns;
      for (let column = 0; column < columns; column++) {
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
      moveRow(state, index, previous, label);
    }
  }
  return changed;
}

/**
 * Lloyd's algorithm with Hamerly's bounds (`"hamerly"`), Elkan's (`"elkan"`) or none (`"lloyd"`);
 * all three give the same labels and centres. Stops when no label changes (strict convergence) or
 * when the summed squared centre shift is at most `tolerance` (absolute; callers scale it by the
 * mean variance).
 */
export function runKMeans(
  matrix: Matrix,
  initialCenters: Float64Array,
  k: number,
  maxIterations: number,
  tolerance: number,
  method: "lloyd" | "hamerly" | "elkan",
  trace?: TraceCallback,
  initial?: InitialAssignment,
): RunResult {
  const pruning = method !== "lloyd";
  const elkan = method === "elkan";
  const { values, rows, columns } = matrix;
  let centers = Float64Array.from(initialCenters);
  let nextCenters = new Float64Array(k * columns);
  const state: AssignmentState = {
    values,
    rows,
    columns,
    k,
    labels: new Int32Array(rows).fill(-1),
    upper: new Float64Array(pruning ? rows : 0),
    lower: new Float64Array(pruning ? rows : 0),
    lowerAll: new Float64Array(elkan ? rows * k : 0),
    sums: new Float64Array(k * columns),
    counts: new Float64Array(k),
    rowDistances: new Float64Array(k),
    closestTwo: new Float64Array(2),
  };
  const { labels, sums, counts } = state;
  const half = new Float64Array(k);
  const between = new Float64Array(k * k);
  const shift = new Float64Array(k);
  // The first step, and any step after an empty cluster was refilled, computes every distance.
  let fullPass = true;
  // k-means++ already found the first assignment (Elkan needs every distance, so it scans).
  let firstAssignment = elkan ? undefined : initial;
  const assign = (): number => {
    let changed: number;
    if (firstAssignment !== undefined) {
      changed = assignFrom(state, firstAssignment, pruning);
      firstAssignment = undefined;
    } else if (!pruning || fullPass) changed = assignAll(state, centers, pruning, elkan);
    else {
      computeHalfDistances(centers, k, columns, half, between);
      changed = elkan ? assignElkan(state, centers, half, between) : assignHamerly(state, centers, half, shift);
    }
    fullPass = false;
    return changed;
  };
  let iterations = 0;
  let strict = false;
  let converged = false;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const changed = assign();
    iterations = iteration;
    trace?.(iteration, centers, labels);
    if (iteration > 1 && changed === 0) {
      strict = true;
      converged = true;
      break;
    }
    if (relocateEmptyClusters(matrix, centers, sums, counts, labels, k)) fullPass = true;
    let totalShift = 0;
    for (let center = 0; center < k; center++) {
      const count = counts[center] as number;
      const offset = center * columns;
      if (count > 0) for (let column = 0; column < columns; column++) nextCenters[offset + column] = (sums[offset + column] as number) / count;
      else for (let column = 0; column < columns; column++) nextCenters[offset + column] = centers[offset + column] as number;
      const distance = squaredDistance(centers, center, nextCenters, center, columns);
      totalShift += distance;
      shift[center] = Math.sqrt(distance);
    }
    const swap = centers;
    centers = nextCenters;
    nextCenters = swap;
    if (elkan && !fullPass) updateElkanBounds(state, shift);
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

/** After the centres moved by `shift`: upper bounds grow by their centre's shift, every lower bound shrinks by its centre's shift. */
function updateElkanBounds(state: AssignmentState, shift: Float64Array): void {
  const { rows, k, labels, upper, lowerAll } = state;
  for (let index = 0; index < rows; index++) {
    upper[index] = (upper[index] as number) + (shift[labels[index] as number] as number);
    const offset = index * k;
    for (let center = 0; center < k; center++) {
      const value = (lowerAll[offset + center] as number) - (shift[center] as number);
      lowerAll[offset + center] = value > 0 ? value : 0;
    }
  }
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
export function nearestCenters(matrix: Matrix, centers: Float64Array, k: number, caller?: string): Int32Array {
  const { values, rows, columns } = matrix;
  const labels = new Int32Array(rows);
  const distances = new Float64Array(k);
  for (let index = 0; index < rows; index++) {
    distancesToCenters(values, index * columns, centers, k, columns, distances);
    let best = distances[0] as number;
    let bestLabel = 0;
    for (let center = 1; center < k; center++) {
      if ((distances[center] as number) < best) {
        best = distances[center] as number;
        bestLabel = center;
      }
    }
    // Every distance overflowed: the label would be 0 whatever the row (checked for callers that name themselves).
    if (caller !== undefined && !(best < Number.POSITIVE_INFINITY)) {
      throw distanceOverflow(caller);
    }
    labels[index] = bestLabel;
  }
  return labels;
}

/**
 * Canonical relabelling: cluster ids by decreasing size, ties by the centroid's coordinates in
 * lexicographic order. Returns the permuted centres, and the labels that `predict` gives with them
 * (a row exactly as far from two centres joins the lower final id, as in `predict` and the SQL;
 * renumbering the converged labels would have kept the tie rule of the ids before the renumbering),
 * with their sizes.
 */
export function canonicalOrder(
  matrix: Matrix,
  centers: Float64Array,
  labels: Int32Array,
  k: number,
): { centers: Float64Array; labels: Int32Array; sizes: number[] } {
  const columns = matrix.columns;
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
  const sortedCenters = new Float64Array(k * columns);
  order.forEach((old, position) => sortedCenters.set(centers.subarray(old * columns, old * columns + columns), position * columns));
  // Only rows exactly as far from two centres can change cluster here; the sizes follow the final labels.
  const sortedLabels = nearestCenters(matrix, sortedCenters, k);
  const sortedSizes = new Array<number>(k).fill(0);
  for (let index = 0; index < sortedLabels.length; index++) {
    const label = sortedLabels[index] as number;
    sortedSizes[label] = (sortedSizes[label] as number) + 1;
  }
  return { centers: sortedCenters, labels: sortedLabels, sizes: sortedSizes };
}
