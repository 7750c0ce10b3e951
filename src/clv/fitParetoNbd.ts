import { customersOf, fitOptionKeys, optionsObject } from "./_lib/assert.js";
import { compressActivity, identificationProblem } from "./_lib/rows.js";
import { runFit } from "./_lib/fitRunner.js";
import { logLikelihood } from "./_lib/paretoNbd.js";
import type { ActivityData, FitFailure, FitOptions, ParetoNbdModel, ParetoNbdParams } from "./types.js";

/**
 * Fits the Pareto/NBD model by maximum likelihood.
 *
 * @remarks
 * Purchases at Poisson rate λ ~ Gamma(r, α) while alive; exponential lifetimes with rate
 * μ ~ Gamma(s, β). The likelihood (Fader & Hardie note 009, eqs. 22–23) needs the Gauss
 * hypergeometric function 2F1(r+s+x, s+1 or r+x; r+s+x+1; |α−β|/(max(α,β)+t)); segmentkit evaluates
 * it in log space with the Euler transform and combines the A0 terms as log-differences, so
 * frequencies in the hundreds neither overflow nor go NaN. There is no cheap analytic gradient (it
 * needs 2F1 parameter derivatives), so the fit is BFGS on log-parameters with central finite-difference
 * gradients, falling back to Nelder–Mead restarted from its own optimum until the log-likelihood moves
 * by less than 1e-8 when BFGS does not converge. `gradientNorm` is then the finite-difference one (NaN
 * after a Nelder–Mead fallback). O(unique rows × evaluations).
 * Note the flat ridge in β: the log-likelihood is pinned tightly, β only to a few digits.
 * Reference: https://www.brucehardie.com/notes/009/pareto_nbd_derivations_2005-11-05.pdf
 *
 * @param data - `{ unit, customers }` with per-customer frequency, recency, T (and optional weight).
 * @param options - penalizer, initialParams (r, α, s, β; default 1, 1, 1, 1), maxIterations.
 * @returns the fitted model (params, standard errors, true summed logLikelihood in `data.unit`) or a
 *   failure (`converged: false`) with `reason` and `message`:
 *   `not_identified` (checked before optimising, see `FitFailureReason`) when no customer has a repeat
 *   purchase or any observation time and there is no penalizer, and when there are no customers at all
 *   (an empty list, or only zero weights: an empty segment) whatever the penalizer.
 * @throws `TypeError` `fitParetoNbd requires unit to be days, weeks, months or years`, `fitParetoNbd requires data to be an object`, `fitParetoNbd requires data to be an object holding the customers array, not the array itself`,
 *   `fitParetoNbd requires options to be an object`,
 *   `fitParetoNbd requires an array of customers`, `fitParetoNbd requires every customer to be an object (row i)`
 * @throws `RangeError` `fitParetoNbd requires penalizer to be a non-negative number`, `fitParetoNbd requires initialParams to be n positive finite numbers (...)`,
 *   `fitParetoNbd requires maxIterations to be a positive integer`.
 * @throws `fitParetoNbd requires frequency to be a non-negative integer (row i)` and the other row
 *   checks listed for `fitBgNbd` (weights included), with this function's name.
 * @example
 * const model = fitParetoNbd({ unit: "weeks", customers: [
 *   { frequency: 2, recency: 30, T: 39 }, { frequency: 0, recency: 0, T: 39 },
 *   { frequency: 5, recency: 36, T: 38 }, { frequency: 1, recency: 4, T: 36 },
 *   { frequency: 0, recency: 0, T: 35, weight: 3 }, { frequency: 3, recency: 10, T: 33 } ] }, { penalizer: 0.001 });
 * model.converged //=> true
 * model.kind //=> "Pareto/NBD"
 * @category CLV
 */
export function fitParetoNbd(data: ActivityData, options: FitOptions = {}): ParetoNbdModel | FitFailure<"Pareto/NBD", ParetoNbdParams> {
  const rows = compressActivity(customersOf(data, "fitParetoNbd"), "fitParetoNbd");
  const settings = optionsObject(options, "fitParetoNbd", fitOptionKeys);
  return runFit<"Pareto/NBD", ParetoNbdParams>({
    kind: "Pareto/NBD",
    caller: "fitParetoNbd",
    unit: data.unit,
    names: ["r", "alpha", "s", "beta"],
    scales: ["alpha", "beta"],
    start: settings.initialParams ?? [1, 1, 1, 1],
    logLikelihood: (params) => logLikelihood(params, rows),
    penalizer: settings.penalizer ?? 0,
    totalWeight: rows.totalWeight,
    uniqueRows: rows.count,
    maxIterations: settings.maxIterations ?? 2000,
    notIdentified: identificationProblem(rows),
  });
}
