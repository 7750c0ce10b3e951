import { assertKnownOptions } from "../../_lib/arguments.js";
import { isTimeUnit, UNIT_DAYS } from "./units.js";
import type { TimeUnit } from "../types.js";

/**
 * A prediction horizon: a plain number is read in the model's own unit; `{ amount, unit }` (the shape
 * of a duration in rules, as in `withinLast`) is converted to it (weeks ↔ days ↔ months ↔ years by
 * their lengths in days).
 */
export type Horizon = number | { readonly amount: number; readonly unit: TimeUnit };

const HORIZON_KEYS = { amount: true, unit: true } as const satisfies Record<keyof Exclude<Horizon, number>, true>;

/**
 * The horizon in the model's unit. Throws TypeError for a horizon that is neither a number nor
 * `{ amount, unit }` with a numeric amount and a known unit (another key, such as `value`, is named in
 * the message), RangeError unless the result is finite and ≥ 0.
 */
export function horizonInModelUnit(horizon: Horizon, modelUnit: TimeUnit | "periods", caller: string): number {
  let amount: number;
  if (typeof horizon === "number") amount = horizon;
  else {
    if (horizon === null || typeof horizon !== "object") throw new TypeError(`${caller} requires the horizon to be a number or { amount, unit }`);
    if (modelUnit === "periods") throw new TypeError(`${caller} requires a horizon in periods for a discrete-opportunity model`);
    assertKnownOptions(caller, horizon, HORIZON_KEYS, { noun: "horizon key", aliases: { names: { value: "amount" }, conversions: {} } });
    if (!isTimeUnit(horizon.unit)) throw new TypeError(`${caller} requires the horizon unit to be days, weeks, months or years`);
    if (typeof horizon.amount !== "number") throw new TypeError(`${caller} requires the horizon amount to be a number`);
    amount = (horizon.amount * UNIT_DAYS[horizon.unit]) / UNIT_DAYS[modelUnit];
  }
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`${caller} requires a non-negative horizon`);
  // BG/BB counts transaction opportunities: a fraction of one has no meaning in the model.
  if (modelUnit === "periods" && !Number.isInteger(amount)) throw new RangeError(`${caller} requires an integer number of periods for BG/BB`);
  return amount;
}
