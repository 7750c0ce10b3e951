import type { MeanSummary } from "../types.js";

/**
 * The summary of a sample given as values or as a {@link MeanSummary}, checked: values finite; a
 * summary's count a non-negative integer, its mean finite (unless the count is 0) and its standard
 * deviation finite and non-negative (unless the count is below 2; SQL gives NULL there). Values are summed in two passes (the mean, then squared deviations from it), which keeps
 * the variance accurate for values far from zero (revenue in cents around 1e9). O(n).
 */
export function meanSummary(functionName: string, name: string, sample: unknown): MeanSummary {
  if (Array.isArray(sample)) {
    const count = sample.length;
    let total = 0;
    for (let index = 0; index < count; index++) {
      const value: unknown = Object.hasOwn(sample, index) ? sample[index] : undefined;
      if (typeof value !== "number" || !Number.isFinite(value)) throw new RangeError(`${functionName} requires every value of ${name} to be a finite number (index ${index})`);
      total += value;
    }
    const mean = count === 0 ? Number.NaN : total / count;
    let squares = 0;
    let deviations = 0;
    for (let index = 0; index < count; index++) {
      const deviation = (sample[index] as number) - mean;
      squares += deviation * deviation;
      deviations += deviation;
    }
    // The second pass's sum of deviations corrects the rounding of the mean (Chan, Golub and LeVeque's two-pass formula).
    const variance = count < 2 ? Number.NaN : (squares - (deviations * deviations) / count) / (count - 1);
    return { mean, standardDeviation: Math.sqrt(Math.max(variance, 0)), count };
  }
  if (typeof sample !== "object" || sample === null) throw new TypeError(`${functionName} requires ${name} to be an array of numbers or { mean, standardDeviation, count }`);
  const { mean, standardDeviation, count } = sample as Partial<MeanSummary>;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) throw new RangeError(`${functionName} requires ${name}.count to be a non-negative integer`);
  // SQL gives NULL for the mean of no rows and the standard deviation of one: not defined, not an error.
  if (count === 0) return { mean: Number.NaN, standardDeviation: Number.NaN, count };
  if (typeof mean !== "number" || !Number.isFinite(mean)) throw new RangeError(`${functionName} requires ${name}.mean to be a finite number`);
  if (count === 1) return { mean, standardDeviation: Number.NaN, count };
  if (typeof standardDeviation !== "number" || !Number.isFinite(standardDeviation) || standardDeviation < 0) {
    throw new RangeError(`${functionName} requires ${name}.standardDeviation to be a non-negative finite number`);
  }
  return { mean, standardDeviation, count };
}
