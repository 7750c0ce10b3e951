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

/**
 * A decimal number as written in an example (`0.0570`): its value and the tolerance its written
 * digits stand for, trailing zeros included (the value 0.057 alone would only stand for ± 0.0005).
 */
export class WrittenNumber {
  readonly value: number;
  readonly tolerance: number;
  constructor(text: string) {
    this.value = Number(text);
    const [mantissa = "", exponent = "0"] = text.toLowerCase().split("e");
    const decimals = mantissa.split(".")[1]?.length ?? 0;
    this.tolerance = 0.5 * 10 ** (Number(exponent) - decimals);
  }
  valueOf(): number {
    return this.value;
  }
}

/** `0.0570` in an example's expected text becomes `written("0.0570")` (see `exampleModule`). */
export function written(text: string): WrittenNumber {
  return new WrittenNumber(text);
}

/** The expected value with every written number replaced by its value. */
function plain(expected: unknown): unknown {
  if (expected instanceof WrittenNumber) return expected.value;
  if (Array.isArray(expected)) return expected.map(plain);
  if (expected !== null && typeof expected === "object" && Object.getPrototypeOf(expected) === Object.prototype) {
    return Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, plain(value)]));
  }
  return expected;
}

/** Replaces numbers in `actual` that match `expected` within the written precision by the expected ones. */
function align(actual: unknown, expected: unknown): unknown {
  if (expected instanceof WrittenNumber) {
    return typeof actual === "number" && Math.abs(actual - expected.value) <= expected.tolerance ? expected.value : actual;
  }
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
  expect(align(actual, expected), where).toEqual(plain(expected));
}
