import { expect } from "vitest";

/**
 * The tolerance a number written in an example stands for: integers match to 1e-9 relative, other
 * numbers to half a unit of their last written digit (`0.0413` means `0.0413 ± 0.00005`).
 */
function tolerance(expected: number): number {
  if (Number.isInteger(expected)) return Math.max(1e-9 * Math.abs(expected), 1e-12);
  const [mantissa = "", exponent = "0"] = expected.toExponential().split("e");
  const decimals = mantissa.split(".")[1]?.length ?? 0;
  return 0.5 * 10 ** (Number(exponent) - decimals);
}

/** Replaces numbers in `actual` that match `expected` within the written precision by the expected ones. */
function align(actual: unknown, expected: unknown): unknown {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isNaN(expected) && Number.isNaN(actual)) return expected;
    if (expected === actual) return expected;
    if (Number.isFinite(expected) && Math.abs(actual - expected) <= tolerance(expected)) return expected;
    return actual;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((item, index) => align(item, expected[index]));
  if (
    expected !== null && actual !== null && typeof expected === "object" && typeof actual === "object" &&
    Object.getPrototypeOf(expected) === Object.prototype && !(actual instanceof Date)
  ) {
    const aligned: Record<string, unknown> = {};
    for (const key of Object.keys(actual)) aligned[key] = align((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]);
    return Object.getPrototypeOf(actual) === Object.prototype ? aligned : Object.assign(Object.create(Object.getPrototypeOf(actual)), aligned);
  }
  return actual;
}

/** The assertion behind `expression //=> expected` in doc examples. */
export function expectExample(actual: unknown, expected: unknown, where: string): void {
  expect(align(actual, expected), where).toEqual(expected);
}
