/**
 * Field schema factories shared by the profile, transaction and event schemas. Each returns a new
 * schema, so module-scope schemas built from them are created inside `/* @__PURE__ *\/` factory calls
 * and tree-shake away when unused.
 */
import { z } from "zod";

/** An instant: a valid `Date`, or an ISO-8601 date-time string with `Z` or an offset, parsed to a `Date`. */
export function instant() {
  return z.union([z.date(), z.iso.datetime({ offset: true }).transform((text) => new Date(text))], {
    error: "Invalid timestamp: expected a Date or an ISO-8601 date-time with Z or an offset",
  });
}

/** A calendar date: a valid `Date`, or an ISO-8601 `YYYY-MM-DD` string, parsed to UTC midnight. */
export function calendarDate() {
  return z.union([z.date(), z.iso.date().transform((text) => new Date(`${text}T00:00:00Z`))], {
    error: "Invalid date: expected a Date or an ISO-8601 date YYYY-MM-DD",
  });
}

/** A non-negative finite number (money, counts that may be fractional). */
export function nonNegative() {
  return z.number().finite().nonnegative();
}

/** A non-negative integer count. */
export function count() {
  return z.number().int().nonnegative();
}

/** A list of non-empty strings (tags, interests, devices). */
export function labels() {
  return z.array(z.string().min(1));
}

const validTimeZones = new Map<string, boolean>();

/** An IANA time-zone name that this runtime's `Intl` accepts. */
export function timeZone() {
  return z.string().refine(
    (name) => {
      let known = validTimeZones.get(name);
      if (known === undefined) {
        try {
          new Intl.DateTimeFormat("en-US", { timeZone: name });
          known = true;
        } catch {
          known = false;
        }
        validTimeZones.set(name, known);
      }
      return known;
    },
    { message: "Invalid time zone: expected an IANA name such as Europe/Berlin" },
  );
}
