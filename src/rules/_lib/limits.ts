import type { RuleLimits } from "../parseRule.js";
import { maxExpandedDepth } from "./context.js";
import { assertKnownOptions, assertRecord } from "../../_lib/arguments.js";
import type { OptionKeys } from "../../_lib/arguments.js";

/** The keys of {@link RuleLimits}, for the option checks of every function that takes them. */
export const ruleLimitKeys = { maxDepth: true, maxNodes: true, maxListLength: true, maxStringLength: true } as const satisfies OptionKeys<RuleLimits>;

/** {@link RuleLimits} with every default filled in. */
export interface ResolvedRuleLimits {
  readonly maxDepth: number;
  readonly maxNodes: number;
  readonly maxListLength: number;
  readonly maxStringLength: number;
}

function resolveLimit(functionName: string, name: string, value: number | undefined, fallback: number, maximum: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > maximum) {
    throw new RangeError(`${functionName} requires ${name} to be an integer from 1 to ${maximum}`);
  }
  return value;
}

/**
 * The limits of one parse of untrusted rule JSON, defaults filled in. Limits that are not an object
 * throw `<functionName> requires <name> to be an object`; a key that `keys` does not list (a misspelt
 * limit would leave its default in force) throws as `assertKnownOptions`; an invalid limit throws
 * `<functionName> requires maxDepth to be an integer from 1 to 1000` (and likewise for the others).
 * `keys` is the whole options list of functions whose options add to the limits.
 */
export function resolveRuleLimits(functionName: string, limits: RuleLimits | undefined, name = "options", keys: Readonly<Record<string, true>> = ruleLimitKeys): ResolvedRuleLimits {
  if (limits !== undefined) {
    assertRecord(functionName, name, limits);
    // Limits beside a function's other options (segmentQuery's `limits`) are named as limits.
    assertKnownOptions(functionName, limits, keys, { noun: name === "limits" ? "limit" : "option" });
  }
  return {
    maxDepth: resolveLimit(functionName, "maxDepth", limits?.maxDepth, 32, maxExpandedDepth),
    maxNodes: resolveLimit(functionName, "maxNodes", limits?.maxNodes, 10_000, Number.MAX_SAFE_INTEGER),
    maxListLength: resolveLimit(functionName, "maxListLength", limits?.maxListLength, 10_000, Number.MAX_SAFE_INTEGER),
    maxStringLength: resolveLimit(functionName, "maxStringLength", limits?.maxStringLength, 10_000, Number.MAX_SAFE_INTEGER),
  };
}
