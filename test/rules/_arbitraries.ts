import fc from "fast-check";
import type { Rule, RuleScalar, TimeUnit } from "../../src/rules/ast.js";
import type { RuleEvent } from "../../src/rules/index.js";

/** The clock of every property test. */
export const asOf = new Date("2024-06-30T12:00:00.000Z");
const day = 86_400_000;

/** Instants that sit on and around the boundaries of the generated windows. */
const boundaryInstants = [
  asOf.getTime(),
  asOf.getTime() + 1,
  asOf.getTime() - 1,
  asOf.getTime() - 30 * day,
  asOf.getTime() - 30 * day - 1,
  asOf.getTime() - 30 * day + 1,
  Date.UTC(2024, 4, 30, 12), // asOf - 1 month
  Date.UTC(2024, 4, 30, 12) - 1,
  Date.UTC(2023, 5, 30, 12), // asOf - 1 year
  Date.UTC(2024, 0, 1),
  Date.UTC(2024, 0, 1) - 1,
  Date.UTC(2024, 0, 1) + 1,
];

export const dateArbitrary: fc.Arbitrary<Date> = fc.oneof(
  fc.constantFrom(...boundaryInstants).map((time) => new Date(time)),
  fc.integer({ min: asOf.getTime() - 800 * day, max: asOf.getTime() + 5 * day }).map((time) => new Date(time)),
  fc.constant(new Date(Number.NaN)),
);

const strings = ["", "a", "b", "A", "ab", "abc", "Ab", "ba", "US", "DE", "30", "vip", "x"];
export const stringArbitrary = fc.constantFrom(...strings);
export const numberArbitrary = fc.oneof(fc.constantFrom(0, -0, 1, 2, 5, 10, 30, 100, 500, -1, 1.5), fc.integer({ min: -20, max: 600 }));
export const scalarArbitrary: fc.Arbitrary<RuleScalar> = fc.oneof(stringArbitrary, numberArbitrary, fc.boolean());

/** Any value a profile field may hold: scalars, missing-likes, dates, arrays with nulls, objects. */
export const valueArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: scalarArbitrary },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY) },
  { weight: 2, arbitrary: dateArbitrary },
  { weight: 2, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: scalarArbitrary }, { weight: 1, arbitrary: fc.constantFrom(null, Number.NaN) }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant({ nested: 1 }) },
);

const topFields = ["a", "b", "s", "d", "tags"] as const;
export const fieldArbitrary = fc.constantFrom("a", "b", "s", "d", "tags", "n.x", "n.y", "n.d", "zz", "n.x.deep", "tags.length", "n.0", "s.length");

export const profileArbitrary: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      a: valueArbitrary,
      b: valueArbitrary,
      s: fc.oneof(stringArbitrary, valueArbitrary),
      d: fc.oneof(dateArbitrary, valueArbitrary),
      tags: fc.oneof(fc.array(fc.oneof(stringArbitrary, fc.constant(null)), { maxLength: 4 }), valueArbitrary),
      n: fc.oneof(
        fc.record({ x: valueArbitrary, y: valueArbitrary, d: dateArbitrary }, { requiredKeys: [] }),
        // An array with a named own property: no interpreter descends into arrays.
        fc.constantFrom(null, "string", [1, 2], Object.assign([1, 2], { x: 1, y: 2 })),
      ),
    },
    { requiredKeys: [] },
  )
  .map((profile) => profile as Record<string, unknown>);
void topFields;

export const eventsArbitrary: fc.Arbitrary<RuleEvent[]> = fc.array(
  fc.record({
    type: fc.constantFrom("purchase", "visit"),
    timestamp: dateArbitrary,
    properties: fc.oneof(
      fc.record({ amount: fc.oneof(numberArbitrary, fc.constantFrom("12", null, Number.NaN)), channel: fc.constantFrom("web", "app") }, { requiredKeys: [] }),
      fc.constant(undefined),
    ),
  }).map((event) => (event.properties === undefined ? { type: event.type, timestamp: event.timestamp } : event) as RuleEvent),
  { maxLength: 6 },
);

const unitArbitrary: fc.Arbitrary<TimeUnit> = fc.constantFrom("seconds", "minutes", "hours", "days", "weeks", "months", "years");
const amountArbitrary = fc.constantFrom(0, 1, 7, 30, 90);
// Short mixed lists, and single-typed lists long enough (> 8) for compileRule to hash them.
const scalarListArbitrary: fc.Arbitrary<RuleScalar[]> = fc.oneof(
  { weight: 4, arbitrary: fc.array(scalarArbitrary, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(stringArbitrary, { minLength: 9, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.array(numberArbitrary, { minLength: 9, maxLength: 12 }) },
);
const stringOrNumberPair = fc.oneof(
  fc.tuple(numberArbitrary, numberArbitrary).map(([x, y]) => (x <= y ? [x, y] : [y, x]) as [number, number]),
  fc.tuple(stringArbitrary, stringArbitrary).map(([x, y]) => (x <= y ? [x, y] : [y, x]) as [string, string]),
);
const isoDateArbitrary = fc.constantFrom("2024-01-01", "2024-06-30T12:00:00Z", "2024-05-31T12:00:00.000+00:00", "2024-06-30T14:00:00+02:00");

/** Leaf rules of every op except `event` / `inSegment`. */
export const leafArbitrary: fc.Arbitrary<Rule> = fc.oneof(
  fc.constantFrom<Rule>({ op: "always" }, { op: "never" }),
  fc.tuple(fc.constantFrom("eq", "ne"), fieldArbitrary, scalarArbitrary).map(([op, field, value]) => ({ op, field, value }) as Rule),
  fc.tuple(fc.constantFrom("lt", "lte", "gt", "gte"), fieldArbitrary, fc.oneof(stringArbitrary, numberArbitrary)).map(([op, field, value]) => ({ op, field, value }) as Rule),
  fc.tuple(fieldArbitrary, stringOrNumberPair).map(([field, [min, max]]) => ({ op: "between", field, min, max }) as Rule),
  fc.tuple(fc.constantFrom("in", "notIn", "hasAny", "hasAll", "hasNone"), fieldArbitrary, scalarListArbitrary).map(([op, field, values]) => ({ op, field, values }) as Rule),
  fc.tuple(fc.constantFrom("contains", "startsWith", "endsWith"), fieldArbitrary, stringArbitrary, fc.constantFrom(undefined, true, false)).map(([op, field, value, caseInsensitive]) =>
    (caseInsensitive === undefined ? { op, field, value } : { op, field, value, caseInsensitive }) as Rule,
  ),
  fc.tuple(fc.constantFrom("exists", "missing"), fieldArbitrary).map(([op, field]) => ({ op, field }) as Rule),
  fc.tuple(fieldArbitrary, amountArbitrary, unitArbitrary).map(([field, amount, unit]) => ({ op: "withinLast", field, amount, unit }) as Rule),
  fc.tuple(fc.constantFrom("before", "after"), fieldArbitrary, amountArbitrary, unitArbitrary).map(([op, field, amount, unit]) => ({ op, field, amount, unit }) as Rule),
  fc.tuple(fc.constantFrom("before", "after"), fieldArbitrary, isoDateArbitrary).map(([op, field, date]) => ({ op, field, date }) as Rule),
);

const boundsArbitrary = fc
  .tuple(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }))
  .filter(([gte, lte]) => (gte !== undefined || lte !== undefined) && (gte === undefined || lte === undefined || gte <= lte))
  .map(([gte, lte]) => ({ ...(gte === undefined ? {} : { gte }), ...(lte === undefined ? {} : { lte }) }));

const whereArbitrary: fc.Arbitrary<Rule> = fc.oneof(
  fc.constantFrom("web", "app").map((channel) => ({ op: "eq", field: "channel", value: channel }) as Rule),
  fc.integer({ min: 0, max: 100 }).map((value) => ({ op: "gte", field: "amount", value }) as Rule),
  fc.constant<Rule>({ op: "exists", field: "amount" }),
);

export const eventRuleArbitrary: fc.Arbitrary<Rule> = fc
  .record(
    {
      type: fc.constantFrom("purchase", "visit"),
      where: whereArbitrary,
      withinLast: fc.record({ amount: amountArbitrary, unit: unitArbitrary }),
      count: boundsArbitrary,
      sum: boundsArbitrary.map((bounds) => ({ property: "amount", ...bounds })),
    },
    { requiredKeys: ["type"] },
  )
  .map((rule) => ({ op: "event", ...rule }) as Rule);

/** Segments every generated `inSegment` may name. */
export const segments: Readonly<Record<string, Rule>> = {
  vip: { op: "gte", field: "a", value: 100 },
  lapsed: { op: "and", rules: [{ op: "inSegment", segment: "vip" }, { op: "before", field: "d", amount: 90, unit: "days" }] },
};

/** Rule trees over `leaf`: `and` / `or` of up to `maxOperands` rules, and `not`. */
export function ruleTrees(leaf: fc.Arbitrary<Rule>, maxOperands = 4): fc.Arbitrary<Rule> {
  return fc.letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("rule"), { maxLength: maxOperands }).map((rules) => ({ op: "and", rules }) as Rule),
      fc.array(tie("rule"), { maxLength: maxOperands }).map((rules) => ({ op: "or", rules }) as Rule),
      tie("rule").map((rule) => ({ op: "not", rule }) as Rule),
    ),
  })).rule;
}

export function ruleArbitrary(options: { events?: boolean; segments?: boolean } = {}): fc.Arbitrary<Rule> {
  const leaves: Array<fc.Arbitrary<Rule>> = [leafArbitrary];
  if (options.events === true) leaves.push(eventRuleArbitrary);
  if (options.segments === true) leaves.push(fc.constantFrom("vip", "lapsed").map((segment) => ({ op: "inSegment", segment }) as Rule));
  return ruleTrees(fc.oneof(...leaves));
}
