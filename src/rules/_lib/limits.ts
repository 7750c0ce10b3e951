import type { RuleLimits } from "../parseRule.js";
import { maxExpandedDepth } from "./context.js";

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
 * The limits of one parse of untrusted rule JSON, defaults filled in; an invalid limit throws
 * `<functionName> requires maxDepth to be an integer from 1 to 1000` (and likewise for the others).
 */
export function resolveRuleLimits(functionName: string, limits: RuleLimits | undefined): ResolvedRuleLimits {
  return {
    maxDepth: resolveLimit(functionName, "maxDepth", limits?.maxDepth, 32, maxExpandedDepth),
    maxNodes: resolveLimit(functionName, "maxNodes", limits?.maxNodes, 10_000, Number.MAX_SAFE_INTEGER),
    maxListLength: resolveLimit(functionName, "maxListLength", limits?.maxListLength, 10_000, Number.MAX_SAFE_INTEGER),
    maxStringLength: resolveLimit(functionName, "maxStringLength", limits?.maxStringLength, 10_000, Number.MAX_SAFE_INTEGER),
  };
}
