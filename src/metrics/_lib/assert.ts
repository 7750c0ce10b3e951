/** Argument checks shared by the metrics functions; each message names the calling function. @internal */

export function assertNonNegative(functionName: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${functionName} requires ${name} to be a non-negative finite number`);
  }
}

export function assertFinite(functionName: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${functionName} requires ${name} to be a finite number`);
  }
}

/**
 * Non-negative finite counts with successes ≤ trials. Deliberately not required to be integers: like
 * statsmodels' `proportion_confint` and `proportions_ztest`, the normal, Wilson and beta formulas accept
 * weighted (fractional) counts. Functions whose math is defined on whole units only (the Fisher exact
 * test, and so disparateImpact) check integers themselves.
 */
export function assertCounts(functionName: string, successes: number, trials: number, successName = "successes", trialName = "trials"): void {
  assertNonNegative(functionName, successName, successes);
  assertNonNegative(functionName, trialName, trials);
  if (successes > trials) throw new RangeError(`${functionName} requires ${successName} not to exceed ${trialName}`);
}

export function assertProbability(functionName: string, name: string, value: number): void {
  if (typeof value !== "number" || !(value > 0 && value < 1)) {
    throw new RangeError(`${functionName} requires ${name} between zero and one`);
  }
}

export function assertFraction(functionName: string, name: string, value: number): void {
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw new RangeError(`${functionName} requires ${name} to be a fraction between zero and one`);
  }
}

/** Throws `<functionName> requires <name> to be finite (the values overflow)`: finite inputs whose sum passes ±1.8e308. */
export function assertFiniteTotal(functionName: string, name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${functionName} requires ${name} to be finite (the values overflow)`);
}

export { assertArray, assertIterable, assertRecord } from "../../_lib/arguments.js";
export { assertOptions } from "../../_lib/pythonOptions.js";
export type { OptionKeys } from "../../_lib/arguments.js";

/** Throws `<functionName> requires <name> not to exceed Number.MAX_SAFE_INTEGER`: larger counts are not exact and overflow the beta functions. */
export function assertSafeCount(functionName: string, name: string, value: number): void {
  if (value > Number.MAX_SAFE_INTEGER) throw new RangeError(`${functionName} requires ${name} not to exceed Number.MAX_SAFE_INTEGER`);
}
