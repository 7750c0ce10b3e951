/**
 * One profile per cell of the RFM score cube.
 * @category RFM
 */
export interface RfmCell {
  /** The cell's code, like `"545"`. */
  readonly id: string;
  readonly rfm: { readonly recency: number; readonly frequency: number; readonly monetary: number };
}

/**
 * Every (recency, frequency, monetary) score combination as a profile, so a segment table can be
 * checked on all cells (for example with `analyzeSegments` of `segmentkit/segments`) to find
 * unreachable segments and uncovered cells.
 *
 * @remarks `bins^3` cells in code order ("111", "112", ...). O(bins^3).
 * @param bins - score levels per dimension, 2 to 9. Default 5 (125 cells).
 * @returns The cells as `{ id, rfm }` profiles.
 * @throws `RangeError` `rfmScoreCells requires bins between two and nine`.
 * @example
 * const cells = rfmScoreCells();
 * cells.length //=> 125
 * cells[7].id //=> "123"
 * @category RFM
 */
export function rfmScoreCells(bins = 5): RfmCell[] {
  if (!Number.isInteger(bins) || bins < 2 || bins > 9) throw new RangeError("rfmScoreCells requires bins between two and nine");
  const cells: RfmCell[] = [];
  for (let recency = 1; recency <= bins; recency++) {
    for (let frequency = 1; frequency <= bins; frequency++) {
      for (let monetary = 1; monetary <= bins; monetary++) {
        cells.push({ id: `${recency}${frequency}${monetary}`, rfm: { recency, frequency, monetary } });
      }
    }
  }
  return cells;
}
