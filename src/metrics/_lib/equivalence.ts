import type { EquivalenceBounds, EquivalenceTestResult } from "../types.js";

/**
 * Validates equivalence bounds: an object with finite numbers lower < upper, both strictly inside
 * (−limit, limit) when a limit is given (1 for a difference of proportions). @internal
 */
export function assertEquivalenceBounds(functionName: string, bounds: EquivalenceBounds, limit = Number.POSITIVE_INFINITY): void {
  if (typeof bounds !== "object" || bounds === null || Array.isArray(bounds)) throw new TypeError(`${functionName} requires bounds to be an object { lower, upper }`);
  const { lower, upper } = bounds;
  for (const [name, value] of [["lower", lower], ["upper", upper]] as const) {
    if (typeof value !== "number" || !Number.isFinite(value) || !(Math.abs(value) < limit)) {
      throw new RangeError(`${functionName} requires bounds.${name} to be a finite number${Number.isFinite(limit) ? ` strictly between -${limit} and ${limit}` : ""}`);
    }
  }
  if (!(lower < upper)) throw new RangeError(`${functionName} requires bounds.lower to be below bounds.upper`);
}

/** The TOST result of the two one-sided tests: the larger p-value, defined only when both tests are. @internal */
export function combineOneSidedTests<Test extends { readonly pValue: number; readonly defined: boolean; readonly reason?: string }>(
  difference: number,
  bounds: EquivalenceBounds,
  lowerTest: Test,
  upperTest: Test,
): EquivalenceTestResult<Test> {
  const { lower, upper } = bounds;
  const defined = lowerTest.defined && upperTest.defined;
  const common = { difference, bounds: { lower, upper }, lowerTest, upperTest };
  if (!defined) return { pValue: Number.NaN, ...common, defined, reason: lowerTest.reason ?? upperTest.reason ?? "a one-sided test is not defined" };
  return { pValue: Math.max(lowerTest.pValue, upperTest.pValue), ...common, defined };
}
