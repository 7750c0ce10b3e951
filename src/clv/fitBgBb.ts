import { runFit } from "./_lib/fitRunner.js";
import { customersOf, fitOptionKeys, optionsObject, rowAt } from "./_lib/assert.js";
import { MAX_OPPORTUNITIES } from "./_lib/models.js";
import { opportunityIdentificationProblem, WeightedRowGroups } from "./_lib/rows.js";
import { logLikelihood, type OpportunityRows } from "./_lib/bgBb.js";
import type { BgBbModel, BgBbParams, FitFailure, FitOptions } from "./types.js";

/**
 * One (possibly aggregated) row of discrete-opportunity data for BG/BB.
 * @category CLV
 */
export interface OpportunityActivity {
  /** Number of opportunities with a transaction, after the first (x, integer, 0 ≤ x ≤ recency). */
  readonly frequency: number;
  /** Opportunity of the last transaction (t_x, integer, 0 when x = 0). */
  readonly recency: number;
  /** Number of opportunities observed (n, integer ≥ recency, from 1 to 10,000). */
  readonly periods: number;
  /** Number of customers with this pattern (default 1). */
  readonly weight?: number;
}

/**
 * Fits the BG/BB (beta-geometric / beta-Bernoulli) model for discrete transaction opportunities
 * (annual donations, yearly events) by maximum likelihood.
 *
 * @remarks
 * At each opportunity an alive customer transacts with probability p ~ Beta(α, β) and may die with
 * probability θ ~ Beta(γ, δ). The likelihood (Fader, Hardie & Shang 2010, eq. 5) is a sum over the
 * possible death opportunities, computed as a log-sum-exp of log-beta terms; the analytic gradient is a
 * mixture of digamma differences. Weighted aggregated rows are accepted as-is (the donations data has
 * 22 rows for 11,104 donors). BFGS on log-parameters. O(rows × periods × iterations), so periods are
 * capped at 10,000 opportunities (BG/BB is for a few discrete opportunities per customer).
 * Data that cannot identify the model are reported before optimising (without a penalizer) as a
 * failure with reason `not_identified`: no customer has a repeat transaction, or every customer
 * transacted at every opportunity (the likelihood rises towards a boundary, where the fit would stop
 * looking converged). No customers at all (an empty list, or only zero weights) is `not_identified`
 * with any penalizer.
 * Reference: https://www.brucehardie.com/papers/020/fader_et_al_mksc_10.pdf
 *
 * @param data - `{ customers }` rows of frequency, recency, periods and weight.
 * @param options - penalizer, initialParams (α, β, γ, δ; default 1, 1, 1, 1), maxIterations.
 * @returns the fitted model (unit `"periods"`) or a failure (`converged: false`) with `reason` and
 *   `message`; `not_identified` for the degenerate data above, an empty customer list included.
 * @throws `RangeError` `fitBgBb requires penalizer to be a non-negative number`, `fitBgBb requires initialParams to be n positive finite numbers (...)`,
 *   `fitBgBb requires maxIterations to be a positive integer`.
 * @throws `TypeError` `fitBgBb requires data to be an object`, `fitBgBb requires data to be an object holding the customers array, not the array itself`,
 *   `fitBgBb requires options to be an object`,
 *   `fitBgBb requires an array of customers`, `fitBgBb requires every customer to be an object (row i)`
 * @throws `RangeError` `fitBgBb requires integer frequency, recency and periods with 0 <= frequency <= recency <= periods (row i)`,
 *   `fitBgBb requires periods to be at most 10000 (row i)`,
 *   `fitBgBb requires recency to be zero when frequency is zero (row i)`,
 *   `fitBgBb requires weights to be non-negative (row i)`
 * @example
 * const model = fitBgBb({ customers: [
 *   { frequency: 0, recency: 0, periods: 6, weight: 3464 }, { frequency: 1, recency: 1, periods: 6, weight: 1091 },
 *   { frequency: 2, recency: 4, periods: 6, weight: 277 }, { frequency: 6, recency: 6, periods: 6, weight: 1203 },
 *   { frequency: 3, recency: 5, periods: 6, weight: 314 }, { frequency: 4, recency: 6, periods: 6, weight: 520 } ] });
 * model.converged //=> true
 * model.unit //=> "periods"
 * @category CLV
 */
export function fitBgBb(data: { readonly customers: ReadonlyArray<OpportunityActivity> }, options: FitOptions = {}): BgBbModel | FitFailure<"BG/BB", BgBbParams> {
  const customers = customersOf(data, "fitBgBb");
  const settings = optionsObject(options, "fitBgBb", fitOptionKeys);
  const groups = new WeightedRowGroups(3);
  for (let i = 0; i < customers.length; i++) {
    const row = rowAt(customers, i, "fitBgBb", "customer");
    const { frequency: x, recency: tx, periods: n } = row;
    const w = row.weight ?? 1;
    if (!Number.isInteger(x) || !Number.isInteger(tx) || !Number.isInteger(n) || x < 0 || x > tx || tx > n || n < 1) {
      throw new RangeError(`fitBgBb requires integer frequency, recency and periods with 0 <= frequency <= recency <= periods (row ${i})`);
    }
    if (n > MAX_OPPORTUNITIES) throw new RangeError(`fitBgBb requires periods to be at most ${MAX_OPPORTUNITIES} (row ${i})`);
    if (x === 0 && tx !== 0) throw new RangeError(`fitBgBb requires recency to be zero when frequency is zero (row ${i})`);
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`fitBgBb requires weights to be non-negative (row ${i})`);
    if (w > 0) groups.add([x, tx, n], w);
  }
  const totalWeight = groups.totalWeight;
  const rows: OpportunityRows = {
    frequency: groups.column(0),
    recency: groups.column(1),
    periods: groups.column(2),
    weight: groups.weight(),
    count: groups.count,
    totalWeight,
  };
  return runFit<"BG/BB", BgBbParams>({
    kind: "BG/BB",
    caller: "fitBgBb",
    unit: "periods",
    names: ["alpha", "beta", "gamma", "delta"],
    scales: [],
    start: settings.initialParams ?? [1, 1, 1, 1],
    logLikelihood: (params) => logLikelihood(params, rows),
    logLikelihoodAndGradient: (params, gradient) => logLikelihood(params, rows, gradient),
    penalizer: settings.penalizer ?? 0,
    totalWeight,
    uniqueRows: rows.count,
    maxIterations: settings.maxIterations ?? 2000,
    notIdentified: opportunityIdentificationProblem(rows),
  });
}
