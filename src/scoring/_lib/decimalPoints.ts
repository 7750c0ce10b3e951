/**
 * Points as the decimals they were written as. A plan's points are usually short decimals (0.7, 0.1,
 * 2.5); added as doubles, 0.7 + 0.1 is 0.7999999999999999 and misses a tier at 0.8. When every point
 * value is an integer number of 10^-d for some d ≤ 15 (read back exactly), and the largest possible
 * total of those units is a safe integer, scores are added as integers and divided once: the result is
 * the double nearest the decimal sum. Otherwise `scale` is `null` and the caller adds doubles.
 */
export interface DecimalPoints {
  /** 10^d, or `null` when the points have no common decimal scale with exact integer sums. */
  readonly scale: number | null;
  /** Each rule's points times `scale` (integers), in plan order; empty when `scale` is `null`. */
  readonly units: ReadonlyArray<number>;
}

export function decimalPoints(points: ReadonlyArray<number>): DecimalPoints {
  for (let digits = 0, scale = 1; digits <= 15; digits++, scale *= 10) {
    const units = points.map((value) => Math.round(value * scale));
    let reach = 0;
    let exact = true;
    for (let index = 0; index < units.length && exact; index++) {
      const unit = units[index] as number;
      reach += Math.abs(unit);
      exact = unit / scale === points[index] && reach <= Number.MAX_SAFE_INTEGER;
    }
    if (exact) return { scale, units };
    if (reach > Number.MAX_SAFE_INTEGER) break;
  }
  return { scale: null, units: [] };
}
