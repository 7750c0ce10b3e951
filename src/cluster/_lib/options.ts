/**
 * Option checks shared by the clustering functions. Each runs once, before any loop, and names the
 * calling function: `TypeError` for a value of the wrong type, `RangeError` for a number out of range.
 */

import { assertKnownOptions } from "../../_lib/pythonOptions.js";
import type { OptionKeys } from "../../_lib/arguments.js";

const words = ["zero", "one", "two", "three"];

/** Small numbers as words, as in the house style (`at least one`). */
function spelled(value: number): string {
  return words[value] ?? String(value);
}

/** Most restarts (`nInit`) and gap reference sets any function accepts: each costs a full fit. */
export const maximumRuns = 1000;

/**
 * The options object itself: `TypeError` `<caller> requires an options object` when it is missing
 * (and required), `null`, an array or not an object, and `<caller> does not take the option "<key>"
 * (...)` for a key that `keys` does not list (scikit-learn's `n_init` is named as `nInit`). Optional
 * options default to `{}`.
 */
export function requireOptions<T extends object>(caller: string, options: T | undefined | null, required: boolean, keys: OptionKeys<T>): T {
  if (options === undefined && !required) return {} as T;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${caller} requires an options object`);
  }
  assertKnownOptions(caller, options, keys);
  return options;
}

/**
 * An integer option in `[minimum, maximum]`, `fallback` when absent (a required option passes
 * `undefined`). Messages: `<caller> requires <name> to be a number` (TypeError), `… to be at least
 * <minimum>`, `… to be at most <maximumText>`, `… to be an integer` (RangeError).
 */
export function integerOption(
  caller: string,
  name: string,
  value: unknown,
  fallback: number | undefined,
  minimum: number,
  maximum = Number.POSITIVE_INFINITY,
  maximumText = String(maximum),
): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "number") throw new TypeError(`${caller} requires ${name} to be a number`);
  if (!(value >= minimum)) throw new RangeError(`${caller} requires ${name} to be at least ${spelled(minimum)}`);
  if (value > maximum) throw new RangeError(`${caller} requires ${name} to be at most ${maximumText}`);
  if (!Number.isInteger(value)) throw new RangeError(`${caller} requires ${name} to be an integer`);
  return value;
}

/** A number option (any value, NaN included: the caller checks the range), `fallback` when absent. */
export function numberOption(caller: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number") throw new TypeError(`${caller} requires ${name} to be a number`);
  return value;
}

/** A seed: any finite number (its low 32 bits are used). Default 0. */
export function seedOption(caller: string, value: unknown): number {
  const seed = numberOption(caller, "seed", value, 0);
  if (!Number.isFinite(seed)) throw new RangeError(`${caller} requires seed to be a finite number`);
  return seed;
}

/** A boolean option, `fallback` when absent; otherwise `TypeError` `<caller> requires <name> to be a boolean`. */
export function booleanOption(caller: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new TypeError(`${caller} requires ${name} to be a boolean`);
  return value;
}

/** An array of strings (names of columns); otherwise `TypeError` `<caller> requires <name> to be an array of strings`. */
export function requireStrings(caller: string, name: string, value: unknown): ReadonlyArray<string> {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === "string")) {
    throw new TypeError(`${caller} requires ${name} to be an array of strings`);
  }
  return value as ReadonlyArray<string>;
}

/**
 * A sample size for silhouettes: at least `rows` (`Infinity` included) means every row; below that
 * an integer of at least two. `fallback` when absent.
 */
export function sampleSizeOption(caller: string, name: string, value: unknown, fallback: number, rows: number): number {
  const size = numberOption(caller, name, value, fallback);
  // A silhouette needs two labels and a row more in its sample: two rows of two labels have none.
  return size >= rows ? size : integerOption(caller, name, size, undefined, 3);
}
