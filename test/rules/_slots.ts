/**
 * Profiles for the property tests of the JsonLogic and json-rules-engine converters: each field holds
 * a value of its one type, null, or nothing (the documented domain of those converters).
 */
import fc from "fast-check";

const absent = "absent (no key)" as const;

/** A field's value: one of `value`, null, or no key at all. */
export const slot = <T>(value: fc.Arbitrary<T>) => fc.oneof(fc.constant(absent), fc.constant(null), value);

function withoutAbsent(value: unknown): unknown {
  // Records only: arrays and dates are values.
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date) return value;
  const object: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== absent) object[key] = withoutAbsent(item);
  return object;
}

/** Profiles from a record of slots, nested records included: an absent slot is a missing key. */
export const slotProfiles = (slots: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(slots).map((record) => withoutAbsent(record) as Record<string, unknown>);
