/**
 * Internal engine of k-modes and k-prototypes: numeric columns (squared Euclidean) plus categorical
 * columns (simple matching, weighted by gamma), batch iterations, Cao or Huang initialisation.
 */
import type { Matrix } from "./matrix.js";

/** Categorical columns encoded as integer codes per column. */
export interface Categorical {
  readonly codes: Int32Array;
  readonly rows: number;
  readonly columns: number;
  /** Category values of each column, by code (in order of first appearance). */
  readonly levels: ReadonlyArray<ReadonlyArray<string | number | boolean>>;
}

export function encodeCategorical(rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>, caller: string): Categorical {
  if (!Array.isArray(rows)) throw new TypeError(`${caller} requires an array of categorical rows`);
  const count = rows.length;
  const first: unknown = rows[0];
  const columns = Array.isArray(first) ? first.length : 0;
  const codes = new Int32Array(count * columns);
  const maps = Array.from({ length: columns }, () => new Map<string | number | boolean, number>());
  const levels: Array<Array<string | number | boolean>> = Array.from({ length: columns }, () => []);
  rows.forEach((row, rowIndex) => {
    if (!Array.isArray(row)) throw new TypeError(`${caller} requires categorical rows to be arrays: row ${rowIndex} is ${row === null ? "null" : typeof row}`);
    if (row.length !== columns) throw new TypeError(`${caller} requires categorical rows of equal length: row ${rowIndex} differs from row 0`);
    for (let column = 0; column < columns; column++) {
      const value = row[column];
      if (typeof value !== "string" && typeof value !== "boolean" && !(typeof value === "number" && Number.isFinite(value))) {
        throw new TypeError(`${caller} requires categories to be strings, finite numbers or booleans: row ${rowIndex}, column ${column} is ${String(value)}`);
      }
      const map = maps[column] as Map<string | number | boolean, number>;
      let code = map.get(value);
      if (code === undefined) {
        code = map.size;
        map.set(value, code);
        (levels[column] as Array<string | number | boolean>).push(value);
      }
      codes[rowIndex * columns + column] = code;
    }
  });
  return { codes, rows: count, columns, levels };
}

export interface MixedData {
  readonly numeric: Matrix;
  readonly categorical: Categorical;
  readonly gamma: number;
}

export interface MixedCenters {
  numeric: Float64Array;
  categorical: Int32Array;
}

/** Combined distance of row i to centre c: squared Euclidean on numeric + gamma * mismatches. */
function distance(data: MixedData, row: number, centers: MixedCenters, center: number): number {
  const { numeric, categorical, gamma } = data;
  let sum = 0;
  const d = numeric.columns;
  for (let column = 0; column < d; column++) {
    const difference = (numeric.values[row * d + column] as number) - (centers.numeric[center * d + column] as number);
    sum += difference * difference;
  }
  const m = categorical.columns;
  let mismatches = 0;
  for (let column = 0; column < m; column++) if (categorical.codes[row * m + column] !== centers.categorical[center * m + column]) mismatches++;
  return sum + gamma * mismatches;
}

/** Centres taken from the given rows. */
export function centersFromRows(data: MixedData, indexes: ReadonlyArray<number>): MixedCenters {
  const d = data.numeric.columns;
  const m = data.categorical.columns;
  const numeric = new Float64Array(indexes.length * d);
  const categorical = new Int32Array(indexes.length * m);
  indexes.forEach((row, center) => {
    numeric.set(data.numeric.values.subarray(row * d, row * d + d), center * d);
    categorical.set(data.categorical.codes.subarray(row * m, row * m + m), center * m);
  });
  return { numeric, categorical };
}

/** Per-row density of Cao et al. (2009): mean frequency of the row's categories. */
function densities(categorical: Categorical): Float64Array {
  const { codes, rows, columns, levels } = categorical;
  const frequencies = levels.map((level) => new Float64Array(level.length));
  for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) {
    const table = frequencies[column] as Float64Array;
    const code = codes[row * columns + column] as number;
    table[code] = (table[code] as number) + 1;
  }
  const result = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let column = 0; column < columns; column++) sum += (frequencies[column] as Float64Array)[codes[row * columns + column] as number] as number;
    result[row] = sum / (columns * rows);
  }
  return result;
}

/**
 * Cao initialisation (Cao, Liang and Bai 2009): the densest row first, then repeatedly the row
 * maximising min over chosen centres of density * dissimilarity. Deterministic (ties: lowest row).
 * For k-prototypes the dissimilarity is the combined distance.
 */
export function caoInitialization(data: MixedData, k: number): number[] {
  const density = densities(data.categorical);
  const rows = data.categorical.rows;
  let first = 0;
  for (let row = 1; row < rows; row++) if ((density[row] as number) > (density[first] as number)) first = row;
  const chosen = [first];
  const score = new Float64Array(rows).fill(Number.POSITIVE_INFINITY);
  while (chosen.length < k) {
    const last = centersFromRows(data, [chosen[chosen.length - 1] as number]);
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let row = 0; row < rows; row++) {
      const value = (density[row] as number) * distance(data, row, last, 0);
      if (value < (score[row] as number)) score[row] = value;
      if ((score[row] as number) > bestScore && !chosen.includes(row)) {
        bestScore = score[row] as number;
        best = row;
      }
    }
    chosen.push(best < 0 ? (chosen.length % rows) : best);
  }
  return chosen;
}

/**
 * Huang initialisation (Huang 1998, as in the Python kmodes package): draw each centre's categories
 * from the per-column frequency distributions, then replace it by the nearest row not already used.
 */
export function huangInitialization(data: MixedData, k: number, random: () => number): number[] {
  const { codes, rows, columns, levels } = data.categorical;
  const frequencies = levels.map((level) => new Float64Array(level.length));
  for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) {
    const table = frequencies[column] as Float64Array;
    const code = codes[row * columns + column] as number;
    table[code] = (table[code] as number) + 1;
  }
  const chosen: number[] = [];
  const used = new Uint8Array(rows);
  for (let center = 0; center < k; center++) {
    const draft = new Int32Array(columns);
    for (let column = 0; column < columns; column++) {
      const table = frequencies[column] as Float64Array;
      let target = random() * rows;
      let code = 0;
      for (; code < table.length - 1; code++) {
        target -= table[code] as number;
        if (target < 0) break;
      }
      draft[column] = code;
    }
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let row = 0; row < rows; row++) {
      if (used[row] === 1) continue;
      let mismatches = 0;
      for (let column = 0; column < columns; column++) if (codes[row * columns + column] !== draft[column]) mismatches++;
      if (mismatches < bestDistance) {
        bestDistance = mismatches;
        best = row;
      }
    }
    used[best] = 1;
    chosen.push(best);
  }
  return chosen;
}

export interface MixedRun {
  centers: MixedCenters;
  labels: Int32Array;
  cost: number;
  numericCost: number;
  categoricalCost: number;
  iterations: number;
  converged: boolean;
}

/** Batch k-prototypes iterations: assign to the nearest prototype, recompute means and modes, until no label changes. */
export function runMixed(data: MixedData, initial: MixedCenters, k: number, maxIterations: number): MixedRun {
  const rows = data.categorical.rows;
  const d = data.numeric.columns;
  const m = data.categorical.columns;
  const centers: MixedCenters = { numeric: Float64Array.from(initial.numeric), categorical: Int32Array.from(initial.categorical) };
  const labels = new Int32Array(rows).fill(-1);
  const best = new Float64Array(rows);
  let iterations = 0;
  let converged = false;
  const levelCounts = data.categorical.levels.map((level) => level.length);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    iterations = iteration;
    let changed = 0;
    for (let row = 0; row < rows; row++) {
      // A row stays with its prototype on a tie. Otherwise, with more clusters than distinct rows, a
      // duplicate moved into an empty cluster (whose prototype then equals the old one) would move
      // back to the lower index on every pass, and the run would never converge.
      const current = labels[row] as number;
      let bestLabel = current < 0 ? 0 : current;
      let bestDistance = distance(data, row, centers, bestLabel);
      for (let center = 0; center < k; center++) {
        const value = distance(data, row, centers, center);
        if (value < bestDistance) {
          bestDistance = value;
          bestLabel = center;
        }
      }
      best[row] = bestDistance;
      if (labels[row] !== bestLabel) {
        changed++;
        labels[row] = bestLabel;
      }
    }
    if (changed === 0) {
      converged = true;
      break;
    }
    // Empty clusters take the rows farthest from their prototypes.
    const sizes = new Int32Array(k);
    for (let row = 0; row < rows; row++) sizes[labels[row] as number] = (sizes[labels[row] as number] as number) + 1;
    for (let center = 0; center < k; center++) {
      if (sizes[center] !== 0) continue;
      let far = -1;
      for (let row = 0; row < rows; row++) if ((sizes[labels[row] as number] as number) > 1 && (far < 0 || (best[row] as number) > (best[far] as number))) far = row;
      if (far < 0) break;
      sizes[labels[far] as number] = (sizes[labels[far] as number] as number) - 1;
      labels[far] = center;
      sizes[center] = 1;
      best[far] = -1;
    }
    // Means and modes.
    centers.numeric.fill(0);
    for (let row = 0; row < rows; row++) {
      const label = labels[row] as number;
      for (let column = 0; column < d; column++) centers.numeric[label * d + column] = (centers.numeric[label * d + column] as number) + (data.numeric.values[row * d + column] as number);
    }
    for (let center = 0; center < k; center++) {
      const size = sizes[center] as number;
      if (size > 0) for (let column = 0; column < d; column++) centers.numeric[center * d + column] = (centers.numeric[center * d + column] as number) / size;
    }
    for (let column = 0; column < m; column++) {
      const levels = levelCounts[column] as number;
      const table = new Int32Array(k * levels);
      for (let row = 0; row < rows; row++) {
        const cell = (labels[row] as number) * levels + (data.categorical.codes[row * m + column] as number);
        table[cell] = (table[cell] as number) + 1;
      }
      for (let center = 0; center < k; center++) {
        if (sizes[center] === 0) continue;
        let mode = 0;
        for (let code = 1; code < levels; code++) if ((table[center * levels + code] as number) > (table[center * levels + mode] as number)) mode = code;
        centers.categorical[center * m + column] = mode;
      }
    }
  }
  let numericCost = 0;
  let categoricalCost = 0;
  for (let row = 0; row < rows; row++) {
    const label = labels[row] as number;
    for (let column = 0; column < d; column++) numericCost += ((data.numeric.values[row * d + column] as number) - (centers.numeric[label * d + column] as number)) ** 2;
    for (let column = 0; column < m; column++) if (data.categorical.codes[row * m + column] !== centers.categorical[label * m + column]) categoricalCost += data.gamma;
  }
  return { centers, labels, cost: numericCost + categoricalCost, numericCost, categoricalCost, iterations, converged };
}
