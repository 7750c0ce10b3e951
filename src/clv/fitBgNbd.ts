import { customersOf, fitOptionKeys, optionsObject } from "./_lib/assert.js";
import { compressActivity, identificationProblem } from "./_lib/rows.js";
import { runFit } from "./_lib/fitRunner.js";
import { logLikelihood } from "./_lib/bgNbd.js";
import type { ActivityData, BgNbdModel, BgNbdParams, FitFailure, FitOptions } from "./types.js";

/**
 * Fits the BG/NBD model (beta-geometric / negative binomial) by maximum likelihood.
 *
 * @remarks
 * Customers buy at Poisson rate λ ~ Gamma(r, α) while alive and drop out after each purchase with
 * probability p ~ Beta(a, b). The log-likelihood of one customer (Fader, Hardie & Lee 2005, eq. 6) is
 * `lnΓ(r+x) − lnΓ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln((α+T)^−(r+x) + δ_{x>0} a/(b+x−1) (α+t_x)^−(r+x))`,
 * computed in log space. Identical (x, t_x, T) rows are grouped with weights; the fit runs BFGS on
 * log-parameters with the analytic (digamma) gradient, falling back to Nelder–Mead with restarts.
 * Standard errors come from the numerical Hessian of −LL. O(unique rows × iterations).
 * Reference: https://www.brucehardie.com/papers/018/fader_et_al_mksc_05.pdf
 *
 * @param data - `{ unit, customers }` with per-customer frequency, recency, T (and optional weight),
 *   as returned by `rfmSummary`.
 * @param options - penalizer, initialParams (r, α, a, b; default 1, 1, 1, 1), maxIterations.
 * @returns the fitted model (`converged: true`, params, standardErrors, the true summed
 *   logLikelihood in `data.unit`), or a failure (`converged: false`) with `reason` and `message`:
 *   `not_identified` (checked before optimising, see `FitFailureReason`) when no customer has a repeat
 *   purchase or any observation time and there is no penalizer, and when there are no customers at all
 *   (an empty list, or only zero weights: an empty segment) whatever the penalizer.
 * @throws `TypeError` `fitBgNbd requires unit to be days, weeks, months or years`, `fitBgNbd requires data to be an object`, `fitBgNbd requires data to be an object holding the customers array, not the array itself`,
 *   `fitBgNbd requires options to be an object`,
 *   `fitBgNbd requires an array of customers`, `fitBgNbd requires every customer to be an object (row i)`
 * @throws `RangeError` `fitBgNbd requires penalizer to be a non-negative number`, `fitBgNbd requires initialParams to be n positive finite numbers (...)`,
 *   `fitBgNbd requires maxIterations to be a positive integer`.
 * @throws `fitBgNbd requires frequency to be a non-negative integer (row i)`, `... requires recency
 *   between zero and T (row i)`, `... requires T to be non-negative (row i)`, `... requires recency to be
 *   zero when frequency is zero (row i)`, `... requires weights to be non-negative (row i)`
 * @example
 * const model = fitBgNbd({ unit: "weeks", customers: [
 *   { frequency: 2, recency: 30, T: 39 }, { frequency: 0, recency: 0, T: 39 },
 *   { frequency: 5, recency: 36, T: 38 }, { frequency: 1, recency: 4, T: 36 },
 *   { frequency: 0, recency: 0, T: 35, weight: 3 }, { frequency: 3, recency: 10, T: 33 } ] }, { penalizer: 0.001 });
 * model.converged //=> true
 * model.unit //=> "weeks"
 * @category CLV
 */
export function fitBgNbd(data: ActivityData, options: FitOptions = {}): BgNbdModel | FitFailure<"BG/NBD", BgNbdParams> {
  const rows = compressActivity(customersOf(data, "fitBgNbd"), "fitBgNbd");
  const settings = optionsObject(options, "fitBgNbd", fitOptionKeys);
  return runFit<"BG/NBD", BgNbdParams>({
    kind: "BG/NBD",
    caller: "fitBgNbd",
    unit: data.unit,
    names: ["r", "alpha", "a", "b"],
    scales: ["alpha"],
    start: settings.initialParams ?? [1, 1, 1, 1],
    logLikelihood: (params) => logLikelihood(params, rows, false),
    logLikelihoodAndGradient: (params, gradient) => logLikelihood(params, rows, false, gradient),
    penalizer: settings.penalizer ?? 0,
    totalWeight: rows.totalWeight,
    uniqueRows: rows.count,
    maxIterations: settings.maxIterations ?? 2000,
    notIdentified: identificationProblem(rows),
  });
}
