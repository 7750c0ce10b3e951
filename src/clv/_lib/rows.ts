import type { CustomerActivity } from "../types.js";
import type { OpportunityRows } from "./bgBb.js";
import { rowAt } from "./assert.js";
import { NO_CUSTOMERS } from "./fitRunner.js";

/**
 * Groups identical rows of numbers and sums their weights: every fit runs its likelihood once per
 * distinct row (CDNOW: 2,357 customers, 1,016 distinct (x, t_x, T) rows).
 */
export class WeightedRowGroups {
  private readonly index = new Map<string, number>();
  private readonly columns: number[][];
  private readonly weights: number[] = [];
  /** The sum of all weights added. */
  totalWeight = 0;

  constructor(columnCount: number) {
    this.columns = Array.from({ length: columnCount }, () => []);
  }

  /** Adds one row (its values in column order) with its weight. */
  add(row: ReadonlyArray<number>, weight: number): void {
    const key = row.join("|");
    const at = this.index.get(key);
    if (at === undefined) {
      this.index.set(key, this.weights.length);
      for (let column = 0; column < this.columns.length; column++) (this.columns[column] as number[]).push(row[column] as number);
      this.weights.push(weight);
    } else this.weights[at] = (this.weights[at] as number) + weight;
    this.totalWeight += weight;
  }

  /** The number of distinct rows. */
  get count(): number {
    return this.weights.length;
  }

  /** One column of the distinct rows. */
  column(column: number): Float64Array {
    return Float64Array.from(this.columns[column] as number[]);
  }

  /** The summed weight of each distinct row. */
  weight(): Float64Array {
    return Float64Array.from(this.weights);
  }
}

/** Distinct (frequency, recency, T) rows with summed weights, as typed arrays. */
export interface CompressedRows {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  count: number;
  totalWeight: number;
  /** Distinct frequencies, and for each row the index of its frequency there (for per-x caches). */
  distinctFrequencies: Float64Array;
  frequencyIndex: Int32Array;
}

/**
 * Validates customer rows and groups identical ones with summed weights. Throws RangeError/TypeError
 * naming `caller` on invalid rows (lifetimes `_check_inputs` rules); `rows` is an array (`customersOf`).
 * No rows (or only zero weights) give `count` 0, which `identificationProblem` reports.
 */
export function compressActivity(rows: ReadonlyArray<CustomerActivity>, caller: string): CompressedRows {
  const groups = new WeightedRowGroups(3);
  for (let i = 0; i < rows.length; i++) {
    const row = rowAt(rows, i, caller, "customer");
    const x = row.frequency;
    const tx = row.recency;
    const T = row.T;
    const w = row.weight ?? 1;
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`${caller} requires frequency to be a non-negative integer (row ${i})`);
    if (!Number.isFinite(T) || T < 0) throw new RangeError(`${caller} requires T to be non-negative (row ${i})`);
    if (!Number.isFinite(tx) || tx < 0 || tx > T * (1 + 1e-12)) throw new RangeError(`${caller} requires recency between zero and T (row ${i})`);
    if (x === 0 && tx !== 0) throw new RangeError(`${caller} requires recency to be zero when frequency is zero (row ${i})`);
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`${caller} requires weights to be non-negative (row ${i})`);
    // A recency a rounding error above T counts as T (the models' terms in T − recency need T ≥ recency).
    if (w > 0) groups.add([x, Math.min(tx, T), T], w);
  }
  const frequency = groups.column(0);
  const distinct = [...new Set(frequency)].sort((a, b) => a - b);
  const position = new Map(distinct.map((value, at) => [value, at]));
  return {
    distinctFrequencies: Float64Array.from(distinct),
    frequencyIndex: Int32Array.from(frequency, (value) => position.get(value) as number),
    frequency,
    recency: groups.column(1),
    T: groups.column(2),
    weight: groups.weight(),
    count: groups.count,
    totalWeight: groups.totalWeight,
  };
}

/**
 * Why customer rows cannot identify a continuous-time model, or `undefined`: without customers or
 * observation time nothing identifies it, and without any repeat purchase the purchase rate has no
 * information (a fit drifts to r → 0 and still looks converged).
 */
export function identificationProblem(rows: CompressedRows): string | undefined {
  if (rows.count === 0) return NO_CUSTOMERS;
  let repeat = false;
  let time = false;
  for (let i = 0; i < rows.count; i++) {
    if ((rows.frequency[i] as number) > 0) repeat = true;
    if ((rows.T[i] as number) > 0) time = true;
  }
  if (!time) return "no customer has any observation time (every T is 0)";
  if (!repeat) return "no customer has a repeat purchase (every frequency is 0)";
  return undefined;
}

/**
 * Why BG/BB rows cannot identify the model, or `undefined`: without customers nothing does; when no
 * customer transacts after the first opportunity, or every customer transacts at every opportunity, the
 * likelihood keeps rising towards a boundary (p → 0 or θ → 1; p → 1 and θ → 0) and the fit would
 * stop there looking converged.
 */
export function opportunityIdentificationProblem(rows: OpportunityRows): string | undefined {
  if (rows.count === 0) return NO_CUSTOMERS;
  let transaction = false;
  let opportunityMissed = false;
  for (let i = 0; i < rows.count; i++) {
    if ((rows.frequency[i] as number) > 0) transaction = true;
    if ((rows.frequency[i] as number) < (rows.periods[i] as number)) opportunityMissed = true;
  }
  if (!transaction) return "no customer has a repeat transaction (every frequency is 0)";
  if (!opportunityMissed) return "every customer transacted at every opportunity (frequency equals periods in every row)";
  return undefined;
}
