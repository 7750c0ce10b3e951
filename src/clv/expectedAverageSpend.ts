import { assertObject } from "./_lib/assert.js";
import { conditionalSpend } from "./_lib/gammaGamma.js";
import { assertSpendModel } from "./_lib/models.js";
import type { CustomerSpend } from "./fitGammaGamma.js";
import type { GammaGammaModel } from "./types.js";

/**
 * Expected average transaction value of a customer under the Gamma-Gamma model.
 *
 * @remarks
 * `E[M | x, m] = (q − 1)/(px + q − 1) · pγ/(q − 1) + px/(px + q − 1) · m`: a weighted mean of the
 * population mean pγ/(q − 1) and the customer's own observed mean m, the weight on m growing with the
 * number of repeat transactions x. Customers with x = 0 get the population mean. O(1).
 *
 * @param model - a converged Gamma-Gamma model (q > 1 is guaranteed by `fitGammaGamma`).
 * @param customer - frequency and monetaryValue (mean of repeat transactions).
 * @returns the expected spend per transaction, in the currency of the data.
 * @throws `TypeError` `expectedAverageSpend requires a converged Gamma-Gamma model`,
 *   `expectedAverageSpend requires customer to be an object`
 * @throws `RangeError` `expectedAverageSpend requires a model with a positive finite parameter p` (any parameter name),
 *   `expectedAverageSpend requires a Gamma-Gamma model with q above one`,
 *   `expectedAverageSpend requires frequency to be a non-negative integer`,
 *   `expectedAverageSpend requires monetaryValue to be positive when frequency is above zero`
 * @example
 * const model = modelFromParams({ kind: "Gamma-Gamma", params: { p: 6.248802, q: 3.744588, gamma: 15.447748 } });
 * expectedAverageSpend(model, { frequency: 2, monetaryValue: 22.35 }) //=> 24.66
 * expectedAverageSpend(model, { frequency: 0, monetaryValue: 0 }) //=> 35.17
 * @category CLV
 */
export function expectedAverageSpend(model: GammaGammaModel, customer: CustomerSpend): number {
  assertSpendModel(model, "expectedAverageSpend");
  assertObject(customer, "expectedAverageSpend", "customer");
  if (!Number.isInteger(customer.frequency) || customer.frequency < 0) {
    throw new RangeError("expectedAverageSpend requires frequency to be a non-negative integer");
  }
  if (customer.frequency > 0 && !(customer.monetaryValue > 0 && Number.isFinite(customer.monetaryValue))) {
    throw new RangeError("expectedAverageSpend requires monetaryValue to be positive when frequency is above zero");
  }
  const p = model.params;
  return conditionalSpend([p.p, p.q, p.gamma], customer.frequency, customer.monetaryValue);
}
