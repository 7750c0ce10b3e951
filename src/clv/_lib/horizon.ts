import { UNIT_DAYS } from "./units.js";
import type { TimeUnit } from "../types.js";

/**
 * A prediction horizon: a plain number is read in the model's own unit; `{ value, unit }` is converted
 * to it (weeks ↔ days ↔ months ↔ years by their lengths in days).
 */
export type Horizon = number | { readonly value: number; readonly unit: TimeUnit };

export function horizonInModelUnit(horizon: Horizon, modelUnit: TimeUnit | "periods", caller: string): number {
  let value: number;
  if (typeof horizon === "number") value = horizon;
  else {
    if (modelUnit === "periods") throw new TypeError(`${caller} requires a horizon in periods for a discrete-opportunity model`);
    const from = UNIT_DAYS[horizon.unit];
    if (from === undefined) throw new TypeError(`${caller} requires the horizon unit to be days, weeks, months or years`);
    value = (horizon.value * from) / UNIT_DAYS[modelUnit];
  }
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${caller} requires a non-negative horizon`);
  return value;
}
