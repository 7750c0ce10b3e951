import type { CustomerActivity } from "../types.js";

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
 * naming `caller` on invalid rows (lifetimes `_check_inputs` rules).
 */
export function compressActivity(rows: ReadonlyArray<CustomerActivity>, caller: string): CompressedRows {
  if (!Array.isArray(rows)) throw new TypeError(`${caller} requires an array of customers`);
  const index = new Map<string, number>();
  const frequency: number[] = [];
  const recency: number[] = [];
  const periods: number[] = [];
  const weight: number[] = [];
  let totalWeight = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as CustomerActivity;
    const x = row.frequency;
    const tx = row.recency;
    const T = row.T;
    const w = row.weight ?? 1;
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`${caller} requires frequency to be a non-negative integer (row ${i})`);
    if (!Number.isFinite(T) || T < 0) throw new RangeError(`${caller} requires T to be non-negative (row ${i})`);
    if (!Number.isFinite(tx) || tx < 0 || tx > T * (1 + 1e-12)) throw new RangeError(`${caller} requires recency between zero and T (row ${i})`);
    if (x === 0 && tx !== 0) throw new RangeError(`${caller} requires recency to be zero when frequency is zero (row ${i})`);
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`${caller} requires weights to be non-negative (row ${i})`);
    if (w === 0) continue;
    const key = `${x}|${tx}|${T}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, frequency.length);
      frequency.push(x);
      recency.push(tx);
      periods.push(T);
      weight.push(w);
    } else weight[at] = (weight[at] as number) + w;
    totalWeight += w;
  }
  if (frequency.length === 0) throw new RangeError(`${caller} requires at least one customer`);
  const distinct = [...new Set(frequency)].sort((x, y) => x - y);
  const position = new Map(distinct.map((value, at) => [value, at]));
  return {
    distinctFrequencies: Float64Array.from(distinct),
    frequencyIndex: Int32Array.from(frequency, (value) => position.get(value) as number),
    frequency: Float64Array.from(frequency),
    recency: Float64Array.from(recency),
    T: Float64Array.from(periods),
    weight: Float64Array.from(weight),
    count: frequency.length,
    totalWeight,
  };
}
