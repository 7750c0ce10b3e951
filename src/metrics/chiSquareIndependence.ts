import { assertArray, assertOptions } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { chiSquareSf } from "./_lib/distributions.js";

/** Options of {@link chiSquareIndependence}. @category Experiments */
export interface ChiSquareIndependenceOptions {
  /** Yates continuity correction; default false, and only allowed for a 2 × 2 table. */
  readonly yates?: boolean;
}

/** Result of {@link chiSquareIndependence}. @category Experiments */
export interface ChiSquareIndependenceResult {
  readonly statistic: number;
  readonly pValue: number;
  /** (rows − 1)(columns − 1). */
  readonly dof: number;
  /** Expected counts under independence, row by row. */
  readonly expected: number[][];
  readonly yates: boolean;
}

/**
 * Pearson chi-square test of independence for a contingency table, e.g. segments (rows) × outcome
 * (columns).
 *
 * @remarks
 * E_ij = row_i·col_j/N, statistic Σ (O − E)²/E, dof (r − 1)(c − 1), p-value from the upper regularized
 * incomplete gamma (exact in the far tail, unlike 1 − cdf). Yates is off by default (scipy's 2 × 2
 * default is on) and, when asked, moves each cell towards E by min(0.5, |O − E|) as
 * `scipy.stats.chi2_contingency(table, correction=True)`. On a 2 × 2 table the uncorrected statistic
 * equals z² of the pooled two-proportion test. Reference:
 * https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.chi2_contingency.html. O(r·c).
 *
 * @param table - rows of non-negative counts, all rows the same length, at least 2 × 2.
 * @param options - `yates` (default false).
 * @returns `{ statistic, pValue, dof, expected, yates }`.
 * @throws RangeError `chiSquareIndependence requires at least two rows and two columns`,
 *   `chiSquareIndependence requires rows of equal length`, `chiSquareIndependence requires non-negative finite counts`,
 *   `chiSquareIndependence requires every row and column to have a positive total` (an expected count of 0),
 *   `chiSquareIndependence applies the Yates correction only to 2 x 2 tables`.
 * @throws TypeError `chiSquareIndependence requires table to be an array`, `chiSquareIndependence requires options to be an object`,
 *   `chiSquareIndependence requires every row to be an array`.
 * @example
 * const test = chiSquareIndependence([[120, 880], [90, 910]]);
 * test.statistic //=> 4.7885
 * test.pValue //=> 0.02865
 * test.dof //=> 1
 * @category Experiments
 */
export function chiSquareIndependence(table: ReadonlyArray<ReadonlyArray<number>>, options: ChiSquareIndependenceOptions = {}): ChiSquareIndependenceResult {
  assertArray("chiSquareIndependence", "table", table);
  assertOptions("chiSquareIndependence", options, { yates: true } satisfies OptionKeys<ChiSquareIndependenceOptions>);
  for (let i = 0; i < table.length; i++) assertArray("chiSquareIndependence", "every row", table[i]);
  const rows = table.length;
  const columns = rows > 0 ? (table[0] as ReadonlyArray<number>).length : 0;
  if (rows < 2 || columns < 2) throw new RangeError("chiSquareIndependence requires at least two rows and two columns");
  const rowTotals = new Float64Array(rows);
  const columnTotals = new Float64Array(columns);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const row = table[i] as ReadonlyArray<number>;
    if (row.length !== columns) throw new RangeError("chiSquareIndependence requires rows of equal length");
    for (let j = 0; j < columns; j++) {
      const value = row[j] as number;
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new RangeError("chiSquareIndependence requires non-negative finite counts");
      rowTotals[i] = (rowTotals[i] as number) + value;
      columnTotals[j] = (columnTotals[j] as number) + value;
      total += value;
    }
  }
  for (let i = 0; i < rows; i++) if (!((rowTotals[i] as number) > 0)) throw new RangeError("chiSquareIndependence requires every row and column to have a positive total");
  for (let j = 0; j < columns; j++) if (!((columnTotals[j] as number) > 0)) throw new RangeError("chiSquareIndependence requires every row and column to have a positive total");
  const yates = options.yates ?? false;
  const dof = (rows - 1) * (columns - 1);
  if (yates && dof !== 1) throw new RangeError("chiSquareIndependence applies the Yates correction only to 2 x 2 tables");
  const expected: number[][] = [];
  let statistic = 0;
  for (let i = 0; i < rows; i++) {
    const row = table[i] as ReadonlyArray<number>;
    const expectedRow: number[] = [];
    for (let j = 0; j < columns; j++) {
      const e = ((rowTotals[i] as number) * (columnTotals[j] as number)) / total;
      expectedRow.push(e);
      let observed = row[j] as number;
      if (yates) {
        const difference = e - observed;
        observed += Math.sign(difference) * Math.min(0.5, Math.abs(difference));
      }
      statistic += ((observed - e) * (observed - e)) / e;
    }
    expected.push(expectedRow);
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof, expected, yates };
}
