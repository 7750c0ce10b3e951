import { choice } from "../_lib/arguments.js";
import { assertKnownOptions } from "../_lib/pythonOptions.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { ownElements } from "../_lib/ownElements.js";
import { quantileScores } from "./_lib/quantileScores.js";

/**
 * The per-customer inputs of RFM scoring: the matching fields of `CustomerSummary` from
 * `summarizeCustomers` (segmentkit/schema), or any object with them.
 * @category RFM
 */
export interface RfmInput {
  readonly customerId: string;
  /** Days since the last purchase (lower is better). */
  readonly recencyDays: number;
  /** Number of purchases. */
  readonly frequency: number;
  /** Total spend. */
  readonly monetaryTotal: number;
  /** Average spend per purchase (used with `monetary: "average"`). */
  readonly monetaryAverage?: number;
}

/**
 * Options of {@link rfmScores}.
 * @category RFM
 */
export interface RfmScoresOptions {
  /** Number of score levels per dimension, 2 to 9 (one digit each in `code`). Default 5 (quintiles). */
  readonly bins?: number;
  /** Monetary value: `"total"` spend (default) or `"average"` spend per purchase. */
  readonly monetary?: "total" | "average";
  /**
   * Tie rule. `"together"` (default): equal values always share a score, the score of the tie
   * group's lowest position, so one-time buyers all get frequency 1 and some levels may stay
   * empty. `"first"`: ties broken by input order (pandas `rank(method="first")`), giving
   * equal-sized levels at the price of splitting equal customers; recency is ranked negated, so of
   * two customers with equal recency the earlier row gets the lower R score.
   */
  readonly ties?: "together" | "first";
  /** Weights of the weighted sum `score`. Default 1 each. */
  readonly weights?: { readonly recency?: number; readonly frequency?: number; readonly monetary?: number };
}

/**
 * One customer's RFM scores.
 * @category RFM
 */
export interface RfmScore {
  readonly customerId: string;
  readonly recencyDays: number;
  readonly frequency: number;
  /** The monetary value that was scored (total or average). */
  readonly monetary: number;
  /** Total spend (for revenue shares). */
  readonly monetaryTotal: number;
  /** Scores 1..bins; recency reversed (the most recent customers score highest). */
  readonly rfm: { readonly recency: number; readonly frequency: number; readonly monetary: number };
  /** The three scores as digits, like `"545"`. */
  readonly code: string;
  /** Weighted sum of the three scores. */
  readonly score: number;
}

/**
 * RFM quantile scores: recency, frequency and monetary value each scored 1..bins by rank.
 *
 * @remarks
 * For each dimension every customer's position is `p = below / n`, with `below` the number of
 * customers with a strictly worse value (larger recency, smaller frequency or spend), and the score
 * is `floor(p * bins) + 1`: the quantile bin of the customer's position (R `rfm` package conventions,
 * https://rfm.rsquaredacademy.com). With `ties: "together"` tied customers share the score of the
 * group's lowest position, which matters for frequency, where most customers buy once; with
 * `ties: "first"`, `below` counts ties earlier in the input too. O(n log n).
 * @param customers - one row per customer (for example `summarizeCustomers(...).customers`).
 * @param options - see {@link RfmScoresOptions}.
 * @returns One {@link RfmScore} per input row, in input order; `[]` for no customers.
 * @throws `RangeError` `rfmScores requires bins between two and nine`,
 * `rfmScores requires weights.<name> to be a finite number`;
 * `TypeError` `rfmScores requires finite recencyDays, frequency and monetary values: row i` (monetaryTotal included),
 * `rfmScores requires ties to be "together" or "first"`, `rfmScores requires monetary to be "total" or "average"`,
 * `rfmScores requires customers to be an array`, `rfmScores requires options to be an object`,
 * `rfmScores requires weights to be an object`.
 * @example
 * const scores = rfmScores([
 *   { customerId: "a", recencyDays: 3, frequency: 9, monetaryTotal: 900 },
 *   { customerId: "b", recencyDays: 200, frequency: 1, monetaryTotal: 20 },
 *   { customerId: "c", recencyDays: 40, frequency: 1, monetaryTotal: 150 },
 * ], { bins: 3 });
 * scores.map((score) => score.code) //=> ["333", "111", "212"]
 * scores[0].score //=> 9
 * @category RFM
 */
export function rfmScores(customers: ReadonlyArray<RfmInput>, options: RfmScoresOptions = {}): RfmScore[] {
  if (!Array.isArray(customers)) throw new TypeError("rfmScores requires customers to be an array");
  // A hole is a row that is not a customer, as an explicit undefined: never a customer scored as all zeros.
  const rows = ownElements(customers);
  if (typeof options !== "object" || options === null) throw new TypeError("rfmScores requires options to be an object");
  assertKnownOptions("rfmScores", options, { bins: true, monetary: true, ties: true, weights: true } satisfies OptionKeys<RfmScoresOptions>);
  const bins = options.bins ?? 5;
  if (!Number.isInteger(bins) || bins < 2 || bins > 9) throw new RangeError("rfmScores requires bins between two and nine");
  const ties = choice("rfmScores", "ties", options.ties, ["together", "first"], "together");
  const monetaryChoice = choice("rfmScores", "monetary", options.monetary, ["total", "average"], "total");
  const weight = (name: "recency" | "frequency" | "monetary"): number => {
    const value = options.weights?.[name] ?? 1;
    if (typeof value !== "number" || !Number.isFinite(value)) throw new RangeError(`rfmScores requires weights.${name} to be a finite number`);
    return value;
  };
  if (options.weights !== undefined && (typeof options.weights !== "object" || options.weights === null)) throw new TypeError("rfmScores requires weights to be an object");
  const weights = { recency: weight("recency"), frequency: weight("frequency"), monetary: weight("monetary") };
  const count = rows.length;
  const recency = new Float64Array(count);
  const frequency = new Float64Array(count);
  const monetary = new Float64Array(count);
  rows.forEach((customer, index) => {
    if (typeof customer !== "object" || customer === null) throw new TypeError(`rfmScores requires finite recencyDays, frequency and monetary values: row ${index}`);
    const value = monetaryChoice === "average" ? customer.monetaryAverage ?? customer.monetaryTotal / customer.frequency : customer.monetaryTotal;
    // monetaryTotal is also summed as revenue by assignRfmSegments: it must be a number whichever value is scored.
    if (!Number.isFinite(customer.recencyDays) || !Number.isFinite(customer.frequency) || !Number.isFinite(value) || !Number.isFinite(customer.monetaryTotal)) {
      throw new TypeError(`rfmScores requires finite recencyDays, frequency and monetary values: row ${index}`);
    }
    // Higher is better in every dimension: recency is negated.
    recency[index] = -customer.recencyDays;
    frequency[index] = customer.frequency;
    monetary[index] = value;
  });
  const recencyScores = quantileScores(recency, bins, ties);
  const frequencyScores = quantileScores(frequency, bins, ties);
  const monetaryScores = quantileScores(monetary, bins, ties);
  return rows.map((customer, index) => {
    const r = recencyScores[index] as number;
    const f = frequencyScores[index] as number;
    const m = monetaryScores[index] as number;
    return {
      customerId: customer.customerId,
      recencyDays: customer.recencyDays,
      frequency: customer.frequency,
      monetary: monetary[index] as number,
      monetaryTotal: customer.monetaryTotal,
      rfm: { recency: r, frequency: f, monetary: m },
      code: `${r}${f}${m}`,
      score: weights.recency * r + weights.frequency * f + weights.monetary * m,
    };
  });
}
