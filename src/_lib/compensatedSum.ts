/**
 * Neumaier's compensated running sum: money totals over millions of rows keep their cents.
 * Use `add` per value and read `value` at the end.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const total = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - total + value;
    else this.compensation += value - total + this.sum;
    this.sum = total;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}

/** Compensated sum of an array-like of numbers. O(n). */
export function compensatedSum(values: ArrayLike<number>): number {
  const sum = new CompensatedSum();
  for (let index = 0; index < values.length; index++) sum.add(values[index] as number);
  return sum.value;
}
