/** Small argument checks shared by the clv functions; each throws a house-style error naming `caller`. */
import { assertOptions } from "../../_lib/pythonOptions.js";
import type { OptionKeys } from "../../_lib/arguments.js";
import type { FitOptions } from "../types.js";

/** Throws `TypeError` `<caller> requires <name> to be an object` unless `value` is a non-null object. */
export function assertObject(value: unknown, caller: string, name: string): asserts value is object {
  if (value === null || typeof value !== "object") throw new TypeError(`${caller} requires ${name} to be an object`);
}

/**
 * `options` itself, `{}` when undefined; otherwise as `assertOptions`: `<caller> requires options to
 * be an object` (an array included), `<caller> does not take the option "<key>" (...)`.
 */
export function optionsObject<Options extends object>(options: Options | undefined, caller: string, keys: OptionKeys<Options>): Options {
  if (options === undefined) return {} as Options;
  assertOptions(caller, options, keys);
  return options;
}

/** Throws `TypeError` `<caller> requires an array of <what>` unless `value` is an array. */
export function assertArray<Row>(value: ReadonlyArray<Row> | undefined, caller: string, what: string): asserts value is ReadonlyArray<Row> {
  if (!Array.isArray(value)) throw new TypeError(`${caller} requires an array of ${what}`);
}

/** Row `index` of `rows`; throws `TypeError` `<caller> requires every <what> to be an object (row i)` for null, holes and primitives. */
export function rowAt<Row>(rows: ReadonlyArray<Row>, index: number, caller: string, what: string): Row {
  const row = rows[index];
  if (row === null || typeof row !== "object") throw new TypeError(`${caller} requires every ${what} to be an object (row ${index})`);
  return row;
}

/**
 * The `customers` array of a fit's `data`, checking `data` is an object (not the customer array itself,
 * an easy slip from plain JavaScript) and `customers` an array.
 */
export function customersOf<Row>(data: { readonly customers: ReadonlyArray<Row> } | undefined, caller: string): ReadonlyArray<Row> {
  assertObject(data, caller, "data");
  if (Array.isArray(data)) throw new TypeError(`${caller} requires data to be an object holding the customers array, not the array itself`);
  const customers = data.customers;
  assertArray(customers, caller, "customers");
  return customers;
}

/** The options of every fit (`FitOptions`). */
export const fitOptionKeys = { penalizer: true, initialParams: true, maxIterations: true } satisfies OptionKeys<FitOptions>;
