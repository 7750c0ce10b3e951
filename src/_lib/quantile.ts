/**
 * Quantile of already sorted values by linear interpolation between order statistics (type 7, the
 * default of R, NumPy and pandas). Returns NaN for an empty input. A position that falls on an order
 * statistic returns it as is, so an infinite neighbour does not turn it into NaN (`[1, Infinity]` at 0
 * is 1, as in NumPy).
 */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  const count = sorted.length;
  if (count === 0) return Number.NaN;
  const position = (count - 1) * probability;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, count - 1);
  const low = sorted[lower] as number;
  if (position === lower) return low;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}
