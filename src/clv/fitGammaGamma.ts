import { NO_CUSTOMERS, runFit } from "./_lib/fitRunner.js";
import { customersOf, fitOptionKeys, optionsObject, rowAt } from "./_lib/assert.js";
import { WeightedRowGroups } from "./_lib/rows.js";
import { logLikelihood, type SpendRows } from "./_lib/gammaGamma.js";
import type { OptionKeys } from "../_lib/arguments.js";
import type { FitFailure, GammaGammaFitOptions, GammaGammaModel, GammaGammaParams, TimeUnit } from "./types.js";

/**
 * One customer's spend statistics for the Gamma-Gamma model.
 * @category CLV
 */
export interface CustomerSpend {
  /** Repeat transactions (x). Rows with 0 are skipped by the fit. */
  readonly frequency: number;
  /** Mean value of the repeat transactions (zbar); must be positive when frequency > 0. */
  readonly monetaryValue: number;
  readonly weight?: number;
}

/**
 * Fits the Gamma-Gamma model of average transaction value by maximum likelihood.
 *
 * @remarks
 * Each transaction value is Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of the
 * purchase process. The likelihood of a customer's mean spend m over x transactions is
 * `Γ(px+q)/(Γ(px)Γ(q)) · γ^q m^(px−1) x^(px) / (γ + m x)^(px+q)` (Fader & Hardie note 025, with the
 * Jacobian of the mean, so LL matches lifetimes). Only customers with frequency > 0 are used. BFGS
 * with the analytic gradient on log-parameters. O(unique rows × iterations).
 * When q ≤ 1 the population mean spend pγ/(q − 1) is undefined (the lifetimes negative-CLV bug):
 * the fit then returns a failure with reason `q_not_above_one` instead of a model, unless `constrainQ`
 * holds q above 1: then a binding constraint (q just above 1, with a warning) leaves the population
 * mean spend very large but the conditional spend of repeat customers meaningful. Without a repeat
 * customer (every frequency 0, as in a segment of one-time buyers) or without any customer (an empty
 * list, or only zero weights) there is nothing to fit: the result is a failure with reason
 * `not_identified`, whatever the penalizer, as the purchase fits return for the same customers.
 * Reference: https://www.brucehardie.com/notes/025/gamma_gamma.pdf
 *
 * @param data - `{ unit?, customers }` with frequency and monetaryValue per customer.
 * @param options - penalizer, initialParams (p, q, γ; default 1, 1, 1, or q = 2 with `constrainQ`),
 *   maxIterations, and `constrainQ` to fit q − 1 on the log scale so that q > 1 (lifetimes' `q_constraint`).
 * @returns the fitted model or a failure (`converged: false`, reason, message): `not_identified`
 *   without repeat customers or without customers, `q_not_above_one` when q ≤ 1.
 * @throws `RangeError` `fitGammaGamma requires penalizer to be a non-negative number`, `fitGammaGamma requires initialParams to be n positive finite numbers (...)`,
 *   `fitGammaGamma requires maxIterations to be a positive integer`, `fitGammaGamma requires an initial q above 1 with constrainQ`.
 * @throws `TypeError` `fitGammaGamma requires unit to be days, weeks, months or years`, `fitGammaGamma requires data to be an object`, `fitGammaGamma requires data to be an object holding the customers array, not the array itself`,
 *   `fitGammaGamma requires options to be an object`,
 *   `fitGammaGamma requires an array of customers`, `fitGammaGamma requires every customer to be an object (row i)`
 * @throws `RangeError` `fitGammaGamma requires frequency to be a non-negative integer (row i)`,
 *   `fitGammaGamma requires monetaryValue to be positive for repeat customers (row i)`,
 *   `fitGammaGamma requires weights to be non-negative (row i)`
 * @example
 * const model = fitGammaGamma({ customers: [
 *   { frequency: 2, monetaryValue: 22.35 }, { frequency: 1, monetaryValue: 11.77 },
 *   { frequency: 5, monetaryValue: 47.5 }, { frequency: 3, monetaryValue: 30.1 },
 *   { frequency: 1, monetaryValue: 70 }, { frequency: 4, monetaryValue: 18.2 },
 *   { frequency: 2, monetaryValue: 35.9 }, { frequency: 0, monetaryValue: 0 } ] });
 * model.kind //=> "Gamma-Gamma"
 * @category CLV
 */
export function fitGammaGamma(
  data: { readonly unit?: TimeUnit; readonly customers: ReadonlyArray<CustomerSpend> },
  options: GammaGammaFitOptions = {},
): GammaGammaModel | FitFailure<"Gamma-Gamma", GammaGammaParams> {
  const customers = customersOf(data, "fitGammaGamma");
  const settings = optionsObject(options, "fitGammaGamma", { ...fitOptionKeys, constrainQ: true } satisfies OptionKeys<GammaGammaFitOptions>);
  const constrainQ = settings.constrainQ ?? false;
  if (typeof constrainQ !== "boolean") throw new TypeError("fitGammaGamma requires constrainQ to be a boolean");
  const start = settings.initialParams ?? [1, constrainQ ? 2 : 1, 1];
  if (constrainQ && Array.isArray(start) && !((start[1] as number) > 1)) throw new RangeError("fitGammaGamma requires an initial q above 1 with constrainQ");
  const groups = new WeightedRowGroups(2);
  let customerWeight = 0;
  for (let i = 0; i < customers.length; i++) {
    const row = rowAt(customers, i, "fitGammaGamma", "customer");
    const x = row.frequency;
    const w = row.weight ?? 1;
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`fitGammaGamma requires frequency to be a non-negative integer (row ${i})`);
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`fitGammaGamma requires weights to be non-negative (row ${i})`);
    customerWeight += w;
    if (x === 0 || w === 0) continue;
    const m = row.monetaryValue;
    if (!Number.isFinite(m) || m <= 0) throw new RangeError(`fitGammaGamma requires monetaryValue to be positive for repeat customers (row ${i})`);
    groups.add([x, m], w);
  }
  const totalWeight = groups.totalWeight;
  const rows: SpendRows = {
    frequency: groups.column(0),
    monetary: groups.column(1),
    weight: groups.weight(),
    count: groups.count,
    totalWeight,
  };
  const result = runFit<"Gamma-Gamma", GammaGammaParams>({
    kind: "Gamma-Gamma",
    caller: "fitGammaGamma",
    unit: data.unit ?? "periods",
    names: ["p", "q", "gamma"],
    scales: ["gamma"],
    start,
    ...(constrainQ ? { lowerBounds: [0, 1, 0] } : {}),
    logLikelihood: (params) => logLikelihood(params, rows),
    logLikelihoodAndGradient: (params, gradient) => logLikelihood(params, rows, gradient),
    penalizer: settings.penalizer ?? 0,
    totalWeight,
    uniqueRows: rows.count,
    maxIterations: settings.maxIterations ?? 2000,
    // Only repeat customers carry spend information; without one there is nothing to fit, so the
    // failure is reported whatever the penalizer (the runner's rule for no rows).
    notIdentified: groups.count > 0 ? undefined : customerWeight > 0 ? "no customer has a repeat purchase (every frequency is 0)" : NO_CUSTOMERS,
  });
  if (result.converged && result.params.q <= 1) {
    return {
      kind: "Gamma-Gamma",
      converged: false,
      reason: "q_not_above_one",
      message: `fitGammaGamma found q = ${result.params.q.toPrecision(4)} <= 1, so the population mean spend p·gamma/(q − 1) is undefined; check that spend is independent of frequency and look for outliers: a few very large orders give spend a tail this heavy (a penalizer does not help: it pulls q further toward 0), or pass constrainQ: true to fit q above 1`,
      unit: result.unit,
      params: result.params,
      logLikelihood: result.logLikelihood,
      iterations: result.iterations,
    };
  }
  return result;
}
