/**
 * fast-check generators for the differential tests: random rules over the test schema of
 * `_databases.ts`, random profile sets (null, missing keys, NaN, boundaries, hostile strings) and
 * random events.
 */
import fc from "fast-check";
import type { Rule, TimeUnit } from "../../src/rules/index.js";
import type { TestEvent, TestProfile } from "./_databases.js";

/**
 * Clocks at month ends, leap days and a plain instant, and (time-parity review) one a millisecond
 * before the epoch and one in 1900, where negative epoch times and a non-leap century year meet the
 * windows.
 */
export const clocks: ReadonlyArray<Date> = [
  new Date("2024-03-31T12:00:00.000Z"),
  new Date("2024-02-29T23:59:59.999Z"),
  new Date("2023-03-31T00:00:00.000Z"),
  new Date("2024-06-30T00:00:00.000Z"),
  new Date("1969-12-31T23:59:59.999Z"),
  new Date("1900-03-01T00:00:00.000Z"),
];

export const numberPool: ReadonlyArray<number> = [
  0, -0, 1, -1, 1.5, -2.5, 3, 10, 100, 0.1, 0.30000000000000004, 2 ** 53, -(2 ** 53), 2 ** 53 + 2,
  Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, 1e308, -1e-300,
];
const storedNumberPool: ReadonlyArray<number> = [...numberPool, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const integerPool: ReadonlyArray<number> = [0, 1, -1, 2, 3, 7, 2 ** 31, -(2 ** 31), 2 ** 53 - 1, -(2 ** 53 - 1)];

/**
 * Characters that break naive SQL: quotes, backslashes, LIKE wildcards, the escape character,
 * newlines, accented letters, letters whose case folding differs between engines, CJK, an emoji.
 * The capital sigma is in: the in-memory folding maps it to σ in every position, as the databases do.
 * U+E000–U+FFFF is left out on purpose: JavaScript orders strings by UTF-16 code units and the
 * databases by code point, which disagree only between astral characters and that range
 * (documented in docs/guides/warehouse.md).
 */
const hostileCharacters = ["a", "A", "b", "B", "z", " ", "'", "''", '"', "\\", "%", "_", "!", "\n", "\t", ";", "-", "é", "É", "ü", "Ü", "ñ", "Ω", "ω", "Ж", "ж", "İ", "ı", "σ", "ς", "Σ", "ß", "ẞ", "ǅ", "中", "😀", "𝔄", "$1", "?"];
const hostileStrings = ["", "'; DROP TABLE profiles; --", "O'Brien", "100%", "a_b", "\\%", "\\\\", "x' OR '1'='1", "$1", "@p1", "Ab", "ab", "AB", "é", "É"];

export const stringArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.array(fc.constantFrom(...hostileCharacters), { maxLength: 5 }).map((parts) => parts.join("")),
);
const textPool = fc.oneof(fc.constantFrom(...hostileStrings), stringArbitrary);
const tagArbitrary = fc.constantFrom("vip", "VIP", "new", "churn", "a'b", "%", "é");

function shifted(base: Date, milliseconds: number): Date {
  return new Date(base.getTime() + milliseconds);
}

/** Instants at and around the window bounds of every clock, month ends, and random ones. */
export function instantArbitrary(asOf: Date): fc.Arbitrary<Date> {
  const day = 86_400_000;
  const bounds = [0, -1, 1, -day, -30 * day, -30 * day - 1, -30 * day + 1, -7 * day, -365 * day, -366 * day, 1000, -1000, -3_600_000];
  const monthEnds = ["2024-02-29T12:00:00.000Z", "2024-02-28T12:00:00.000Z", "2024-03-01T00:00:00.000Z", "2023-02-28T00:00:00.000Z",
    "2024-01-31T12:00:00.000Z", "2022-03-31T00:00:00.000Z", "2023-03-31T00:00:00.000Z", "2024-05-30T00:00:00.000Z", "2024-05-31T00:00:00.000Z"];
  return fc.oneof(
    fc.constantFrom(...bounds).map((offset) => shifted(asOf, offset)),
    fc.constantFrom(...monthEnds).map((text) => new Date(text)),
    fc.integer({ min: -800 * day, max: 30 * day }).map((offset) => shifted(asOf, offset)),
  );
}

/** A value that is present, null, or missing (`undefined`: the key is left out). */
function maybe<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> {
  return fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(undefined) });
}

function withoutUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
}

export function profilesArbitrary(asOf: Date, maxLength = 24): fc.Arbitrary<TestProfile[]> {
  const profile = fc.record({
    n: maybe(fc.oneof(fc.constantFrom(...storedNumberPool), fc.double())),
    i: maybe(fc.oneof(fc.constantFrom(...integerPool), fc.integer({ min: -5, max: 5 }))),
    s: maybe(textPool),
    b: maybe(fc.boolean()),
    t: maybe(instantArbitrary(asOf)),
    tags: maybe(fc.array(fc.oneof({ weight: 5, arbitrary: tagArbitrary }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 4 })),
    nums: maybe(fc.array(fc.oneof(fc.constantFrom(0, 1, 2, -1, 1.5, Number.NaN), fc.constant(null)), { maxLength: 4 })),
    doc: maybe(
      fc.record(
        {
          num: fc.oneof(fc.constantFrom(0, 1, -1, 1.5, 100, 1e300, -0), fc.constantFrom("1", "abc"), fc.boolean(), fc.constant(null)),
          txt: fc.oneof(textPool, fc.constantFrom(1, 0), fc.boolean(), fc.constant(null)),
        },
        { requiredKeys: [] },
      ),
    ),
    behavior: maybe(fc.record({ totalSpend: maybe(fc.constantFrom(...storedNumberPool)) })),
  });
  return fc.array(profile, { maxLength }).map((rows) =>
    rows.map((row, index) => {
      const clean = withoutUndefined({ id: `p${index}`, ...row }) as TestProfile;
      if (clean.behavior) clean.behavior = withoutUndefined(clean.behavior);
      return clean;
    }),
  );
}

const units: ReadonlyArray<TimeUnit> = ["seconds", "minutes", "hours", "days", "weeks", "months", "years"];
const durationArbitrary = fc.record({ amount: fc.oneof(fc.constantFrom(0, 1, 7, 30), fc.integer({ min: 0, max: 400 })), unit: fc.constantFrom(...units) });
const dateLiteral = fc.constantFrom(
  "2024-03-01",
  "2024-02-29T12:00:00Z",
  "2024-03-31T12:00:00.000Z",
  "2024-03-31T14:00:00+02:00",
  "2023-03-31T00:00:00.0005Z",
  "2024-05-31T00:00:00Z",
);

const scalarFor = {
  number: fc.oneof(fc.constantFrom(...numberPool), fc.double({ noNaN: true, noDefaultInfinity: true })),
  integer: fc.constantFrom(...integerPool, 4, -3),
  text: textPool,
  boolean: fc.boolean(),
} as const;
const anyScalar = fc.oneof(scalarFor.number, scalarFor.text, scalarFor.boolean);

/** A literal usually of the field's type, sometimes of another type (type mismatch is UNKNOWN). */
function literal(kind: keyof typeof scalarFor): fc.Arbitrary<string | number | boolean> {
  return fc.oneof({ weight: 8, arbitrary: scalarFor[kind] }, { weight: 1, arbitrary: anyScalar });
}

const scalarFields = [
  ["n", "number"],
  ["i", "integer"],
  ["s", "text"],
  ["b", "boolean"],
  ["doc.num", "number"],
  ["doc.txt", "text"],
  ["behavior.totalSpend", "number"],
  ["t", "number"],
] as const;
const textFields = ["s", "doc.txt", "n"] as const;
const allFields = ["n", "i", "s", "b", "t", "tags", "nums", "doc.num", "doc.txt", "behavior.totalSpend", "doc"] as const;

/** Leaves over the profile schema. */
export function leafArbitrary(): fc.Arbitrary<Rule> {
  const comparison = fc.constantFrom(...scalarFields).chain(([field, kind]) =>
    fc.record({ op: fc.constantFrom("eq", "ne", "lt", "lte", "gt", "gte"), field: fc.constant(field), value: literal(kind) }),
  );
  const between = fc.constantFrom(...scalarFields).chain(([field, kind]) => {
    const bound = kind === "text" ? scalarFor.text : kind === "integer" ? scalarFor.integer : scalarFor.number;
    return fc.tuple(bound as fc.Arbitrary<number | string>, bound as fc.Arbitrary<number | string>).map(([a, b]) => {
      const [min, max] = a <= b ? [a, b] : [b, a];
      return { op: "between" as const, field, min, max };
    });
  });
  const membership = fc.constantFrom(...scalarFields).chain(([field, kind]) =>
    fc.record({ op: fc.constantFrom("in", "notIn"), field: fc.constant(field), values: fc.array(literal(kind), { maxLength: 4 }) }),
  );
  const text = fc.record({
    op: fc.constantFrom("contains", "startsWith", "endsWith"),
    field: fc.constantFrom(...textFields),
    value: stringArbitrary,
    caseInsensitive: fc.boolean(),
  });
  const array = fc.oneof(
    fc.record({ op: fc.constantFrom("hasAny", "hasAll", "hasNone"), field: fc.constant("tags"), values: fc.array(fc.oneof({ weight: 6, arbitrary: tagArbitrary }, { weight: 1, arbitrary: fc.constant(3) }), { maxLength: 3 }) }),
    fc.record({ op: fc.constantFrom("hasAny", "hasAll", "hasNone"), field: fc.constant("nums"), values: fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(0, 1, 2, 1.5) }, { weight: 1, arbitrary: fc.constant("1") }), { maxLength: 3 }) }),
    fc.record({ op: fc.constantFrom("hasAny", "hasNone"), field: fc.constantFrom("s", "n"), values: fc.array(tagArbitrary, { maxLength: 2 }) }),
  );
  const presence = fc.record({ op: fc.constantFrom("exists", "missing"), field: fc.constantFrom(...allFields.filter((field) => field !== "doc")) });
  const timeField = fc.constantFrom("t", "t", "t", "n", "s");
  const within = fc.tuple(timeField, durationArbitrary).map(([field, duration]) => ({ op: "withinLast" as const, field, ...duration }));
  const bound = fc.tuple(fc.constantFrom("before", "after"), timeField, fc.oneof(dateLiteral.map((date) => ({ date })), durationArbitrary)).map(
    ([op, field, rest]) => ({ op, field, ...rest }),
  );
  const constant = fc.constantFrom({ op: "always" as const }, { op: "never" as const });
  return fc.oneof(
    { weight: 4, arbitrary: comparison },
    { weight: 2, arbitrary: between },
    { weight: 3, arbitrary: membership },
    { weight: 3, arbitrary: text },
    { weight: 3, arbitrary: array },
    { weight: 2, arbitrary: presence },
    { weight: 2, arbitrary: within },
    { weight: 2, arbitrary: bound },
    { weight: 1, arbitrary: constant },
  ) as fc.Arbitrary<Rule>;
}

/** Rule trees of leaves combined with and / or / not. */
export function ruleArbitrary(leaf: fc.Arbitrary<Rule> = leafArbitrary()): fc.Arbitrary<Rule> {
  const { rule } = fc.letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.record({ op: fc.constantFrom("and", "or"), rules: fc.array(tie("rule"), { maxLength: 3 }) }) as fc.Arbitrary<Rule>,
      fc.record({ op: fc.constant("not"), rule: tie("rule") }) as fc.Arbitrary<Rule>,
    ),
  }));
  return rule;
}

/** Event conditions over the events table of the test schema. */
export function eventRuleArbitrary(): fc.Arbitrary<Rule> {
  const where = ruleArbitrary(
    fc.oneof(
      fc.record({ op: fc.constantFrom("gte", "lt", "eq"), field: fc.constant("amount"), value: fc.constantFrom(0, 1, 5, 10) }),
      fc.record({ op: fc.constantFrom("eq", "ne"), field: fc.constant("channel"), value: fc.constantFrom("web", "store", "WEB") }),
      fc.record({ op: fc.constantFrom("in", "notIn"), field: fc.constant("channel"), values: fc.array(fc.constantFrom("web", "store"), { maxLength: 2 }) }),
      fc.record({ op: fc.constantFrom("exists", "missing"), field: fc.constantFrom("amount", "channel") }),
    ) as fc.Arbitrary<Rule>,
  );
  const ordered = <T extends { gte?: number; lte?: number }>(value: T): T =>
    value.gte !== undefined && value.lte !== undefined && value.gte > value.lte ? { ...value, gte: value.lte, lte: value.gte } : value;
  const bounds = fc.oneof(
    fc.record({ gte: fc.integer({ min: 0, max: 4 }) }),
    fc.record({ lte: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ gte: fc.integer({ min: 0, max: 4 }), lte: fc.integer({ min: 0, max: 6 }) }).map(ordered),
  );
  const sumBounds = fc.oneof(
    fc.record({ gte: fc.constantFrom(0, 1, 5, 10, 12.5) }),
    fc.record({ lte: fc.constantFrom(0, 5, 10, 20) }),
    fc.record({ gte: fc.constantFrom(0, 1, 5, 10, 12.5), lte: fc.constantFrom(0, 5, 10, 20) }).map(ordered),
  );
  return fc.record(
    {
      op: fc.constant("event" as const),
      type: fc.constantFrom("purchase", "visit", "refund"),
      where,
      withinLast: durationArbitrary,
      count: bounds,
      sum: sumBounds.map((value) => ({ ...value, property: "amount" })),
    },
    { requiredKeys: ["op", "type"] },
  ) as fc.Arbitrary<Rule>;
}

export function eventsArbitrary(asOf: Date, profileCount: number): fc.Arbitrary<TestEvent[]> {
  if (profileCount === 0) return fc.constant([]);
  return fc.array(
    fc.record({
      customerId: fc.integer({ min: 0, max: profileCount - 1 }).map((index) => `p${index}`),
      type: fc.constantFrom("purchase", "visit", "refund"),
      timestamp: instantArbitrary(asOf),
      properties: fc.record(
        {
          amount: fc.oneof(fc.constantFrom(0, 1, 2.5, 5, 10, -3, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), fc.constant(null)),
          channel: fc.oneof(fc.constantFrom("web", "store", "WEB"), fc.constant(7), fc.constant(null)),
        },
        { requiredKeys: [] },
      ),
    }),
    { maxLength: 40 },
  );
}

/** Leaves of the differential tests: plain leaves, event conditions, and references to `segmentIds`. */
export function mixedLeafArbitrary(segmentIds: ReadonlyArray<string>): fc.Arbitrary<Rule> {
  return fc.oneof(
    { weight: 12, arbitrary: leafArbitrary() },
    { weight: 2, arbitrary: eventRuleArbitrary() },
    { weight: 1, arbitrary: fc.constantFrom(...segmentIds).map((segment): Rule => ({ op: "inSegment", segment })) },
  );
}

/** One scenario of a differential test: a clock, profiles and their events, and `rules` drawn for them. */
export function scenarioArbitrary<R>(rules: fc.Arbitrary<R>): fc.Arbitrary<{ asOf: Date; profiles: TestProfile[]; events: TestEvent[]; rules: R }> {
  return fc.constantFrom(...clocks).chain((asOf) =>
    profilesArbitrary(asOf).chain((profiles) =>
      fc.record({ asOf: fc.constant(asOf), profiles: fc.constant(profiles), events: eventsArbitrary(asOf, profiles.length), rules }),
    ),
  );
}
