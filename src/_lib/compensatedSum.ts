/**
 * Neumaier's compensated running sum: money totals over millions of rows keep their cents.
 * Use `add` per value and read `value` at the end. Once the running total is not finite (finite
 * values whose sum overflows, or an infinite value), compensation stops and the result is that total
 * (±`Infinity`, or `NaN` for `Infinity + -Infinity`), never a `NaN` made by the correction term.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const total = this.sum + value;
    // The correction would subtract infinities (Infinity - Infinity is NaN): keep the plain total.
    if (Number.isFinite(total)) {
      if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - total + value;
      else this.compensation += value - total + this.sum;
    }
    this.sum = total;
  }

  get value(): number {
    return Number.isFinite(this.sum) ? this.sum + this.compensation : this.sum;
  }
}

/** Compensated sum of an array-like of numbers. O(n). */
export function compensatedSum(values: ArrayLike<number>): number {
  const sum = new CompensatedSum();
  for (let index = 0; index < values.length; index++) sum.add(values[index] as number);
  return sum.value;
}
