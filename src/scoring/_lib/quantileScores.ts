/** Scores 1..bins of `values` (higher value, higher score) by rank position. */
export function quantileScores(values: Float64Array, bins: number, ties: "together" | "first"): Int32Array {
  const count = values.length;
  const order = Array.from({ length: count }, (_, index) => index);
  // Stable sort: ties keep input order, which is what "first" needs.
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const scores = new Int32Array(count);
  let groupStart = 0;
  for (let position = 0; position < count; position++) {
    const index = order[position] as number;
    if (position > 0 && values[index] !== values[order[position - 1] as number]) groupStart = position;
    const below = ties === "together" ? groupStart : position;
    scores[index] = Math.floor((below * bins) / count) + 1;
  }
  return scores;
}
