import { isTimeUnit, UNIT_DAYS } from "./units.js";
import type { TimeUnit } from "../types.js";

/**
 * A prediction horizon: a plain number is read in the model's own unit; `{ value, unit }` is converted
 * to it (weeks ↔ days ↔ months ↔ years by their lengths in days).
 */
export type Horizon = number | { readonly value: number; readonly unit: TimeUnit };

/**
 * The horizon in the model's unit. Throws TypeError for a horizon that is neither a number nor
 * `{ value, unit }` with a numeric value and a known unit, RangeError unless the result is finite and ≥ 0.
 */
export function horizonInModelUnit(horizon: Horizon, modelUnit: TimeUnit | "periods", caller: string): number {
  let value: number;
  if (typeof horizon === "number") value = horizon;
  else {
    if (horizon === null || typeof horizon !== "object") throw new TypeError(`${caller} requires the horizon to be a number or { value, unit }`);
    if (modelUnit === "periods") throw new TypeError(`${caller} requires a horizon in periods for a discrete-opportunity model`);
    if (!isTimeUnit(horizon.unit)) throw new TypeError(`${caller} requires the horizon unit to be days, weeks, months or years`);
    if (typeof horizon.value !== "number") throw new TypeError(`${caller} requires the horizon value to be a number`);
    value = (horizon.value * UNIT_DAYS[horizon.unit]) / UNIT_DAYS[modelUnit];
  }
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${caller} requires a non-negative horizon`);
  // BG/BB counts transaction opportunities: a fraction of one has no meaning in the model.
  if (modelUnit === "periods" && !Number.isInteger(value)) throw new RangeError(`${caller} requires an integer number of periods for BG/BB`);
  return value;
}
