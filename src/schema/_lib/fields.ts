/**
 * Field schema factories shared by the profile, transaction and event schemas, written with
 * `zod/mini` so that a bundle pays only for the checks it uses (about 13.5 kB gzip for a profile parser
 * instead of about 90 kB with classic zod). Each factory returns a new schema; module-scope schemas
 * built from them are created inside `/* @__PURE__ *\/` factory calls and tree-shake away when unused.
 */
import * as z from "zod/mini";

/** An optional field that also accepts `null` (real data is sparse). */
export const optional = z.nullish;

/** A non-empty string. */
export function text() {
  return z.string().check(z.minLength(1));
}

/**
 * An instant: a valid `Date`, or an ISO-8601 date-time string in the RFC 3339 form, with seconds and
 * `Z` or a `±hh:mm` offset (`2024-06-01T10:00:00+02:00`; not `10:00Z` or `+0200`), parsed to a `Date`.
 */
export function instant() {
  return z.union([z.date(), z.pipe(z.iso.datetime({ offset: true }), z.transform((value: string) => new Date(value)))], {
    error: "Invalid timestamp: expected a Date or an ISO-8601 date-time with seconds and Z or a ±hh:mm offset",
  });
}

/** A calendar date: a valid `Date`, or an ISO-8601 `YYYY-MM-DD` string, parsed to UTC midnight. */
export function calendarDate() {
  return z.union([z.date(), z.pipe(z.iso.date(), z.transform((value: string) => new Date(`${value}T00:00:00Z`)))], {
    error: "Invalid date: expected a Date or an ISO-8601 date YYYY-MM-DD",
  });
}

/** A finite number within optional inclusive bounds. */
export function bounded(minimum: number, maximum = Number.POSITIVE_INFINITY) {
  return maximum === Number.POSITIVE_INFINITY ? z.number().check(z.gte(minimum)) : z.number().check(z.gte(minimum), z.lte(maximum));
}

/** A non-negative finite number (money, amounts that may be fractional). */
export function nonNegative() {
  return z.number().check(z.gte(0));
}

/** An integer within optional inclusive bounds (counts, ages, years). */
export function integer(minimum = 0, maximum = Number.MAX_SAFE_INTEGER) {
  return z.int().check(z.gte(minimum), z.lte(maximum));
}

/** A list of non-empty strings (tags, interests, devices). */
export function labels() {
  return z.array(text());
}

/** An upper-case code matched by a pattern, with a message that shows an example. */
export function code(pattern: RegExp, message: string) {
  return z.string().check(z.regex(pattern, message));
}

/** Time-zone names already found valid; only valid names are kept, at most {@link timeZoneCacheLimit}. */
const validTimeZones = new Set<string>();

/** The most names {@link validTimeZones} keeps: hostile input cannot grow it without bound. */
export const timeZoneCacheLimit = 1_000;

/** The number of cached valid time-zone names (for tests). */
export function cachedTimeZoneCount(): number {
  return validTimeZones.size;
}

function isTimeZone(name: string): boolean {
  if (validTimeZones.has(name)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
  } catch {
    return false;
  }
  if (validTimeZones.size < timeZoneCacheLimit) validTimeZones.add(name);
  return true;
}

/**
 * A record of string keys (host-app traits, event properties) that rejects the key `__proto__`: zod
 * drops that key silently while the row would count as valid, so the row is rejected instead and
 * nothing is lost unseen.
 */
export function ownRecord<Value extends z.core.SomeType>(value: Value) {
  const record = z.record(z.string(), value);
  return z.pipe(
    z.custom<z.input<typeof record>>((input) => typeof input !== "object" || input === null || !Object.hasOwn(input, "__proto__"), {
      error: 'Invalid key: "__proto__" is not allowed as a key',
      path: ["__proto__"],
    }),
    record,
  );
}

/** An IANA time-zone name that this runtime's `Intl` accepts. */
export function timeZone() {
  return z.string().check(z.refine(isTimeZone, { message: "Invalid time zone: expected an IANA name such as Europe/Berlin" }));
}
