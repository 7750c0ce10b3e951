import { readFileSync } from "node:fs";
import { expect } from "vitest";

/** The scipy/statsmodels/mpmath fixtures written by test/reference/metrics/generate.py. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const fixtures: Record<string, any> = JSON.parse(readFileSync(new URL("../reference/metrics/fixtures.json", import.meta.url), "utf8"));

/** Decodes the fixture encoding of non-finite numbers. */
export function decode(value: unknown): number {
  if (value === "NaN") return Number.NaN;
  if (value === "Infinity") return Number.POSITIVE_INFINITY;
  if (value === "-Infinity") return Number.NEGATIVE_INFINITY;
  if (typeof value !== "number") throw new TypeError(`fixture value ${String(value)} is not a number`);
  return value;
}

/**
 * Stated tolerance: error ≤ max(relative · |expected|, absolute), relative 1e-9 and absolute 1e-15 by default
 * (the absolute floor only matters for values within 1e-6 of zero, e.g. a bound that is 0 in one library and 1e-17 in the other).
 * Pass `absolute: 0` for tail probabilities, which must match relatively however small they are.
 */
export function expectClose(actual: number, expectedRaw: unknown, label: string, options: { relative?: number; absolute?: number } = {}): void {
  const expected = decode(expectedRaw);
  const relative = options.relative ?? 1e-9;
  const absolute = options.absolute ?? 1e-15;
  if (Number.isNaN(expected)) {
    expect(actual, label).toBeNaN();
    return;
  }
  if (!Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const error = Math.abs(actual - expected);
  const allowed = Math.max(absolute, relative * Math.abs(expected));
  expect(error <= allowed, `${label}: actual ${actual}, expected ${expected}, error ${error}, allowed ${allowed}`).toBe(true);
}
