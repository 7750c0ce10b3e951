import vm from "node:vm";
import fc from "fast-check";
import { subMonths, subYears } from "date-fns";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkRule, compileRule, describeRule, evaluate, explain, parseRule, RuleError, safeParseJsonLogic, safeParseJsonRulesEngine, safeParseRule, toJsonLogic } from "../../src/rules/index.js";
import type { Rule, Truth } from "../../src/rules/index.js";
import { asOf, profileArbitrary, ruleArbitrary, segments } from "./_arbitraries.js";

const T: Rule = { op: "always" };
const F: Rule = { op: "never" };
const U: Rule = { op: "eq", field: "absent", value: 1 };
const constants: ReadonlyArray<[Rule, Truth]> = [[T, true], [F, false], [U, null]];
const run = (rule: Rule, profile: unknown = {}, options: Partial<Parameters<typeof evaluate>[2]> = {}): Truth => evaluate(rule, profile, { asOf, ...options });

describe("evaluate: Kleene logic", () => {
  it("follows the truth tables of rule-semantics.md exactly", () => {
    const table: Record<string, [Truth, Truth]> = {
      "true,true": [true, true],
      "true,false": [false, true],
      "true,null": [null, true],
      "false,true": [false, true],
      "false,false": [false, false],
      "false,null": [false, null],
      "null,true": [null, true],
      "null,false": [false, null],
      "null,null": [null, null],
    };
    for (const [a, truthA] of constants) {
      expect(run({ op: "not", rule: a })).toBe(truthA === null ? null : !truthA);
      for (const [b, truthB] of constants) {
        const [and, or] = table[`${truthA},${truthB}`] as [Truth, Truth];
        expect(run({ op: "and", rules: [a, b] })).toBe(and);
        expect(run({ op: "or", rules: [a, b] })).toBe(or);
      }
    }
    expect(run({ op: "and", rules: [] })).toBe(true);
    expect(run({ op: "or", rules: [] })).toBe(false);
  });

  const rule = ruleArbitrary({ segments: true });
  const same = (left: Rule, right: Rule, profile: unknown) => expect(run(left, profile, { segments })).toBe(run(right, profile, { segments }));

  it("identity, commutativity and associativity hold on random rules and profiles", () => {
    fc.assert(
      fc.property(rule, rule, rule, profileArbitrary, (a, b, c, profile) => {
        same({ op: "and", rules: [a, T] }, a, profile);
        same({ op: "or", rules: [a, F] }, a, profile);
        same({ op: "and", rules: [a, b] }, { op: "and", rules: [b, a] }, profile);
        same({ op: "or", rules: [a, b] }, { op: "or", rules: [b, a] }, profile);
        same({ op: "and", rules: [{ op: "and", rules: [a, b] }, c] }, { op: "and", rules: [a, { op: "and", rules: [b, c] }] }, profile);
        same({ op: "or", rules: [{ op: "or", rules: [a, b] }, c] }, { op: "or", rules: [a, { op: "or", rules: [b, c] }] }, profile);
        same({ op: "and", rules: [a, b, c] }, { op: "and", rules: [{ op: "and", rules: [a, b] }, c] }, profile);
      }),
      { numRuns: 500 },
    );
  });

  it("De Morgan and double negation hold; excluded middle does not (UNKNOWN)", () => {
    fc.assert(
      fc.property(rule, rule, profileArbitrary, (a, b, profile) => {
        same({ op: "not", rule: { op: "and", rules: [a, b] } }, { op: "or", rules: [{ op: "not", rule: a }, { op: "not", rule: b }] }, profile);
        same({ op: "not", rule: { op: "or", rules: [a, b] } }, { op: "and", rules: [{ op: "not", rule: a }, { op: "not", rule: b }] }, profile);
        same({ op: "not", rule: { op: "not", rule: a } }, a, profile);
        const excludedMiddle = run({ op: "or", rules: [a, { op: "not", rule: a }] }, profile, { segments });
        expect(excludedMiddle).toBe(run(a, profile, { segments }) === null ? null : true);
      }),
      { numRuns: 500 },
    );
  });

  it("visits every child, so errors do not depend on the profile", () => {
    expect(() => run({ op: "and", rules: [F, { op: "inSegment", segment: "nope" }] })).toThrow(RuleError);
  });
});

describe("evaluate: comparisons", () => {
  const cmp = (op: "eq" | "ne" | "lt" | "lte" | "gt" | "gte", actual: unknown, value: string | number | boolean) => run({ op, field: "x", value }, { x: actual });

  it("compares same-typed values only; missing, null, NaN and other types are UNKNOWN", () => {
    expect([cmp("eq", 30, 30), cmp("eq", 31, 30), cmp("ne", 31, 30), cmp("ne", 30, 30)]).toEqual([true, false, true, false]);
    expect([cmp("lt", 29, 30), cmp("lt", 30, 30), cmp("lte", 30, 30), cmp("gt", 30, 30), cmp("gte", 30, 30), cmp("gt", 31, 30)]).toEqual([true, false, true, false, true, true]);
    for (const actual of [undefined, null, Number.NaN, "30", true, new Date(0), [30], { value: 30 }]) {
      for (const op of ["eq", "ne", "lt", "lte", "gt", "gte"] as const) expect(cmp(op, actual, 30), `${op} ${String(actual)}`).toBeNull();
    }
    expect(run({ op: "eq", field: "x", value: 1 }, {})).toBeNull();
    expect([cmp("eq", true, true), cmp("ne", true, false), cmp("eq", 1, true), cmp("lt", true, 1)]).toEqual([true, true, null, null]);
    expect([cmp("eq", 0, -0), cmp("eq", Number.POSITIVE_INFINITY, 5), cmp("gt", Number.POSITIVE_INFINITY, 5)]).toEqual([true, false, true]);
  });

  it("orders strings by UTF-16 code units", () => {
    expect([cmp("lt", "B", "a"), cmp("lt", "a", "b"), cmp("gt", "ab", "a"), cmp("lt", "\uffff", "\u{1F600}")]).toEqual([true, true, true, false]);
  });

  it("between is inclusive on both ends", () => {
    const between = (actual: unknown, min: number | string, max: number | string) => run({ op: "between", field: "x", min, max }, { x: actual });
    expect([between(25, 25, 34), between(34, 25, 34), between(24.999, 25, 34), between(34.001, 25, 34), between(5, 5, 5)]).toEqual([true, true, false, false, true]);
    expect([between("b", "a", "c"), between("c", "a", "b"), between("30", 25, 34), between(null, 1, 2), between(Number.NaN, 1, 2)]).toEqual([true, false, null, null, null]);
  });
});

describe("evaluate: in / notIn", () => {
  const member = (op: "in" | "notIn", actual: unknown, values: Array<string | number | boolean>) => run({ op, field: "x", values }, actual === undefined ? {} : { x: actual });

  it("follows SQL IN / NOT IN", () => {
    expect([member("in", "US", ["US", "CA"]), member("in", "DE", ["US", "CA"]), member("in", undefined, ["US"]), member("in", null, ["US"])]).toEqual([true, false, null, null]);
    expect([member("notIn", "US", ["US", "CA"]), member("notIn", "DE", ["US", "CA"]), member("notIn", undefined, ["US"]), member("notIn", null, ["US"])]).toEqual([false, true, null, null]);
    expect([member("in", 30, ["30"]), member("notIn", 30, ["30"]), member("in", 30, ["30", 30]), member("in", 31, ["30", 30])]).toEqual([null, null, true, null]);
  });

  it("empty lists are the documented constants: in [] FALSE always, notIn [] TRUE for present values and UNKNOWN for missing ones", () => {
    expect([member("in", "US", []), member("in", undefined, []), member("in", null, [])]).toEqual([false, false, false]);
    expect([member("notIn", "US", []), member("notIn", 3, []), member("notIn", undefined, []), member("notIn", Number.NaN, [])]).toEqual([true, true, null, null]);
  });
});

describe("evaluate: text", () => {
  const text = (op: "contains" | "startsWith" | "endsWith", actual: unknown, value: string, caseInsensitive?: boolean) =>
    run(caseInsensitive === undefined ? { op, field: "x", value } : { op, field: "x", value, caseInsensitive }, { x: actual });

  it("tests substrings, optionally case-insensitively with the code-point lower-case folding of both sides", () => {
    expect([text("contains", "Hello World", "lo W"), text("contains", "Hello", "hello"), text("contains", "Hello", "hello", true), text("contains", "x", "")]).toEqual([true, false, true, true]);
    expect([text("startsWith", "Hello", "He"), text("startsWith", "Hello", "he", true), text("endsWith", "Hello", "LO", true), text("endsWith", "Hello", "x")]).toEqual([true, true, true, false]);
    // Word-final Σ folds to σ (as in PostgreSQL and DuckDB), not to the contextual ς of toLowerCase.
    expect([text("contains", "STRASSE", "straße", true), text("contains", "ÉCOLE", "école", true), text("contains", "ΟΔΟΣ", "οδοσ", true), text("endsWith", "ΟΔΟΣ", "ς", true)]).toEqual([false, true, true, false]);
    expect([text("contains", 42, "4"), text("contains", null, "a"), text("contains", ["a"], "a")]).toEqual([null, null, null]);
  });
});

describe("evaluate: arrays", () => {
  const array = (op: "hasAny" | "hasAll" | "hasNone", actual: unknown, values: Array<string | number | boolean>) => run({ op, field: "x", values }, { x: actual });

  it("follows the documented table with null elements (v = ANY(array))", () => {
    // value found | not found, no null | not found, array has null | field missing or not an array
    expect([array("hasAny", ["a", "b"], ["b", "z"]), array("hasAny", ["a"], ["z"]), array("hasAny", ["a", null], ["z"]), array("hasAny", undefined, ["a"]), array("hasAny", "a", ["a"])]).toEqual([true, false, null, null, null]);
    expect([array("hasAny", ["a", null], ["a"]), array("hasAny", [], ["a"]), array("hasAny", ["a"], [])]).toEqual([true, false, false]);
    expect([array("hasAll", ["a", "b"], ["a", "b"]), array("hasAll", ["a"], ["a", "b"]), array("hasAll", ["a", null], ["a", "b"]), array("hasAll", ["a", null], ["a"]), array("hasAll", ["a"], []), array("hasAll", null, ["a"])]).toEqual([true, false, null, true, true, null]);
    expect([array("hasNone", ["a"], ["z"]), array("hasNone", ["a"], ["a"]), array("hasNone", ["a", null], ["z"]), array("hasNone", [], ["z"]), array("hasNone", ["a"], []), array("hasNone", undefined, ["a"])]).toEqual([true, false, null, true, true, null]);
    expect([array("hasAny", [1, Number.NaN], [2]), array("hasAny", [1, "1"], [1]), array("hasAny", ["1"], [1])]).toEqual([null, true, null]);
  });
});

describe("evaluate: presence and field reads", () => {
  it("exists / missing are never UNKNOWN; null, NaN and invalid dates are missing", () => {
    for (const [value, present] of [[0, true], ["", true], [false, true], [[], true], [new Date(0), true], [null, false], [Number.NaN, false], [new Date(Number.NaN), false]] as const) {
      expect(run({ op: "exists", field: "x" }, { x: value })).toBe(present);
      expect(run({ op: "missing", field: "x" }, { x: value })).toBe(!present);
    }
    expect(run({ op: "missing", field: "x.y" }, { x: "string" })).toBe(true);
  });

  it("reads own properties of objects only: no inherited values, no array or string internals", () => {
    const inherited = Object.create({ x: 5 }) as object;
    expect(run({ op: "eq", field: "x", value: 5 }, inherited)).toBeNull();
    expect(run({ op: "exists", field: "toString" }, {})).toBe(false);
    expect(run({ op: "exists", field: "constructor" }, {})).toBe(false);
    expect(run({ op: "eq", field: "tags.length", value: 2 }, { tags: ["a", "b"] })).toBeNull();
    expect(run({ op: "eq", field: "name.length", value: 3 }, { name: "Ann" })).toBeNull();
    expect(run({ op: "eq", field: "a.b.c", value: 1 }, { a: { b: { c: 1 } } })).toBe(true);
    expect(run({ op: "eq", field: "a.b.c", value: 1 }, null)).toBeNull();
    const nullPrototype = Object.assign(Object.create(null) as object, { x: 1 });
    expect(run({ op: "eq", field: "x", value: 1 }, nullPrototype)).toBe(true);
  });
});

describe("evaluate: time", () => {
  const day = 86_400_000;
  const at = (time: number) => ({ t: new Date(time) });
  const within: Rule = { op: "withinLast", field: "t", amount: 30, unit: "days" };

  it("withinLast is asOf - n unit <= t <= asOf, both ends inclusive", () => {
    const now = asOf.getTime();
    expect([run(within, at(now)), run(within, at(now - 30 * day)), run(within, at(now - 30 * day - 1)), run(within, at(now + 1)), run(within, at(now - day))]).toEqual([true, true, false, false, true]);
    expect([run(within, {}), run(within, { t: null }), run(within, { t: "2024-06-29T00:00:00Z" }), run(within, { t: now }), run(within, { t: new Date(Number.NaN) })]).toEqual([null, null, null, null, null]);
  });

  it("before / after are strict, with absolute or relative bounds", () => {
    const bound = Date.parse("2024-01-01T00:00:00Z");
    const before: Rule = { op: "before", field: "t", date: "2024-01-01" };
    const after: Rule = { op: "after", field: "t", date: "2024-01-01T02:00:00+02:00" };
    expect([run(before, at(bound - 1)), run(before, at(bound)), run(after, at(bound)), run(after, at(bound + 1)), run(before, {})]).toEqual([true, false, false, true, null]);
    const relative: Rule = { op: "before", field: "t", amount: 90, unit: "days" };
    expect([run(relative, at(asOf.getTime() - 90 * day - 1)), run(relative, at(asOf.getTime() - 90 * day))]).toEqual([true, false]);
  });

  it("calendar units follow date-fns subMonths / subYears in UTC, whatever the process time zone", () => {
    const previous = process.env["TZ"];
    const instants = [Date.UTC(2024, 2, 31, 12), Date.UTC(2024, 2, 31, 0, 30), Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2023, 0, 31), Date.UTC(2024, 9, 27, 1, 30), Date.UTC(2000, 11, 31, 23)];
    try {
      process.env["TZ"] = "UTC";
      const expected = instants.flatMap((time) => [1, 2, 13, 25].flatMap((amount) => [subMonths(new Date(time), amount).getTime(), subYears(new Date(time), amount).getTime()]));
      for (const zone of ["UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"]) {
        process.env["TZ"] = zone;
        const actual = instants.flatMap((time) =>
          [1, 2, 13, 25].flatMap((amount) =>
            (["months", "years"] as const).map((unit) => {
              // Find the window's lower bound by bisection on evaluate itself.
              let low = time - 40 * 366 * day;
              let high = time;
              const rule: Rule = { op: "withinLast", field: "t", amount, unit };
              while (high - low > 1) {
                const middle = Math.floor((low + high) / 2);
                if (evaluate(rule, at(middle), { asOf: new Date(time) }) === true) high = middle;
                else low = middle;
              }
              return high;
            }),
          ),
        );
        expect(actual, zone).toEqual(expected);
      }
    } finally {
      if (previous === undefined) delete process.env["TZ"];
      else process.env["TZ"] = previous;
    }
    expect(run({ op: "withinLast", field: "t", amount: 1, unit: "months" }, at(Date.UTC(2024, 4, 30, 12)))).toBe(true);
    expect(run({ op: "withinLast", field: "t", amount: 1, unit: "months" }, at(Date.UTC(2024, 4, 30, 12) - 1))).toBe(false);
  });

  it("huge amounts reach back before every instant", () => {
    expect(run({ op: "withinLast", field: "t", amount: Number.MAX_SAFE_INTEGER, unit: "years" }, at(-8.64e15))).toBe(true);
    expect(run({ op: "withinLast", field: "t", amount: Number.MAX_SAFE_INTEGER, unit: "weeks" }, at(-8.64e15))).toBe(true);
  });

  it("requires a valid asOf", () => {
    expect(() => evaluate(T, {}, { asOf: new Date("nope") })).toThrowErrorMatchingInlineSnapshot(`[TypeError: evaluate requires asOf to be a valid Date]`);
  });
});

describe("evaluate: events", () => {
  const day = 86_400_000;
  const event = (type: string, daysAgo: number, properties?: Record<string, unknown>) => ({ type, timestamp: new Date(asOf.getTime() - daysAgo * day), ...(properties === undefined ? {} : { properties }) });
  const events = [event("purchase", 1, { amount: 40, channel: "web" }), event("purchase", 10, { amount: 60.5, channel: "app" }), event("purchase", 30, { amount: "12", channel: "web" }), event("purchase", 31, { amount: 100 }), event("visit", 2), event("purchase", -1, { amount: 1000 })];
  const check = (rule: Rule, list = events) => run(rule, {}, { events: list });

  it("extracts, filters, windows, reduces and compares", () => {
    expect(check({ op: "event", type: "purchase" })).toBe(true);
    expect(check({ op: "event", type: "refund" })).toBe(false);
    expect(check({ op: "event", type: "purchase", count: { gte: 4 } })).toBe(true);
    expect(check({ op: "event", type: "purchase", count: { gte: 5 } })).toBe(false); // the future event does not count
    expect(check({ op: "event", type: "purchase", withinLast: { amount: 30, unit: "days" }, count: { gte: 3, lte: 3 } })).toBe(true); // the 30-days-ago event is inside
    expect(check({ op: "event", type: "purchase", withinLast: { amount: 30, unit: "days" }, sum: { property: "amount", gte: 100.5, lte: 100.5 } })).toBe(true); // "12" ignored
    expect(check({ op: "event", type: "purchase", where: { op: "eq", field: "channel", value: "web" }, count: { gte: 2, lte: 2 } })).toBe(true);
    expect(check({ op: "event", type: "purchase", where: { op: "ne", field: "channel", value: "web" }, count: { lte: 1 } })).toBe(true); // missing channel is UNKNOWN, filtered out
    expect(check({ op: "event", type: "purchase", count: { lte: 0 } }, [])).toBe(true);
    expect(check({ op: "event", type: "purchase", sum: { property: "amount", lte: 0 } }, [])).toBe(true); // empty sum is 0
    expect(check({ op: "event", type: "visit", sum: { property: "amount", gte: 0, lte: 0 }, count: { gte: 1 } })).toBe(true);
  });

  it("sums finite numbers only: Infinity, -Infinity and NaN amounts are ignored, as texts are", () => {
    const list = [event("purchase", 1, { amount: Number.POSITIVE_INFINITY }), event("purchase", 2, { amount: 5 }), event("purchase", 3, { amount: Number.NEGATIVE_INFINITY }), event("purchase", 4, { amount: Number.NaN })];
    const exactlyFive = { op: "event", type: "purchase", sum: { property: "amount", gte: 5, lte: 5 }, count: { gte: 4, lte: 4 } } as const;
    expect(check(exactlyFive, list)).toBe(true);
    expect(compileRule(exactlyFive, { asOf, eventsOf: () => list })({})).toBe(true);
    expect(explain(exactlyFive, {}, { asOf, events: list }).value).toEqual({ count: 4, sum: 5 });
    // Without a sum, explain reports the count alone.
    expect(explain({ op: "event", type: "purchase" }, {}, { asOf, events: list }).value).toStrictEqual({ count: 4 });
  });

  it("reads events through own properties only, like profiles; null and non-object events never count", () => {
    const sum = { op: "event", type: "purchase", sum: { property: "amount", gte: 5 } } as const;
    const inherited = Object.create({ type: "purchase", timestamp: new Date(asOf.getTime() - day), properties: { amount: 5 } }) as object;
    const ownProperties = { type: "purchase", timestamp: new Date(asOf.getTime() - day), properties: Object.create({ amount: 5 }) as object };
    const list = [inherited, ownProperties, null, 7] as unknown as typeof events;
    expect(check({ op: "event", type: "purchase" }, list)).toBe(true); // ownProperties is a purchase
    expect(check({ op: "event", type: "purchase", count: { gte: 2 } }, list)).toBe(false); // the inherited one is not
    expect(check(sum, list)).toBe(false); // its inherited amount is not read
    expect(compileRule(sum, { asOf, eventsOf: () => list })({})).toBe(false);
    expect(compileRule({ op: "event", type: "purchase", count: { gte: 1, lte: 1 } }, { asOf, eventsOf: () => list })({})).toBe(true);
  });

  it("requires events for event rules", () => {
    expect(() => run({ op: "or", rules: [T, { op: "event", type: "purchase" }] })).toThrowErrorMatchingInlineSnapshot(`[TypeError: evaluate requires options.events to evaluate event rules]`);
  });
});

describe("evaluate: segments", () => {
  it("evaluates referenced segments and detects unknown names and cycles", () => {
    expect(run({ op: "inSegment", segment: "vip" }, { a: 150 }, { segments })).toBe(true);
    expect(run({ op: "not", rule: { op: "inSegment", segment: "vip" } }, {}, { segments })).toBeNull();
    expect(() => run({ op: "inSegment", segment: "vip" }, {})).toThrowErrorMatchingInlineSnapshot(`[RuleError: evaluate found 1 issue: the rule refers to the unknown segment "vip" at segment]`);
    expect(() => run({ op: "inSegment", segment: "a" }, {}, { segments: { a: { op: "and", rules: [T, { op: "inSegment", segment: "b" }] }, b: { op: "inSegment", segment: "a" } } })).toThrowErrorMatchingInlineSnapshot(`[RuleError: evaluate found 1 issue: segments refer to each other in a cycle: "a" -> "b" -> "a" at segment]`);
  });
});

describe("unvalidated rules (review fixes)", () => {
  const asOf = new Date("2024-01-01T00:00:00Z");
  it("never dispatches to an inherited property: unknown ops are errors in evaluate, compileRule and explain", () => {
    expect(() => evaluate({ op: "toString" } as never, {}, { asOf })).toThrow('evaluate requires a valid rule: unknown op "toString" (check untrusted rules with parseRule)');
    expect(() => compileRule({ op: "constructor" } as never, { asOf })).toThrow('compileRule requires a valid rule: unknown op "constructor"');
    expect(() => explain({ op: "hasOwnProperty" } as never, {}, { asOf })).toThrow('unknown op "hasOwnProperty"');
  });
  it("rejects a NaN window or a malformed date instead of widening the selection", () => {
    expect(() => evaluate({ op: "withinLast", field: "a", amount: Number.NaN, unit: "days" } as never, { a: asOf }, { asOf })).toThrow("a rule time window needs a finite amount");
    expect(() => evaluate({ op: "withinLast", field: "a", amount: 3, unit: "fortnights" } as never, { a: asOf }, { asOf })).toThrow("a rule time window needs a finite amount");
    expect(() => compileRule({ op: "not", rule: { op: "before", field: "a", date: "junk" } } as never, { asOf })).toThrow('rule before needs an ISO-8601 date or instant with an offset, not "junk"');
  });
});

describe("hostile data and unchecked rules (rules-core review)", () => {
  const asOf = new Date("2024-06-30T00:00:00Z");
  const all = (rule: Rule, profile: unknown, events?: unknown): [Truth, boolean, Truth] => [
    evaluate(rule, profile, { asOf, events: events as never }),
    compileRule(rule, { asOf, eventsOf: () => (events ?? []) as never })(profile),
    explain(rule, profile, { asOf, events: events as never }).result,
  ];

  it("hasAll never calls the profile array's own includes", () => {
    const tags = Object.assign(["newsletter"], { includes: () => true });
    expect(all({ op: "hasAll", field: "tags", values: ["vip", "churned"] }, { tags })).toEqual([false, false, false]);
  });

  it("reads a Date through Date.prototype.getTime: an overridden getTime and objects that only inherit from Date.prototype are not instants", () => {
    const window: Rule = { op: "withinLast", field: "d", amount: 7, unit: "days" };
    const overridden = Object.assign(new Date("2020-01-01T00:00:00Z"), { getTime: () => Date.UTC(2024, 5, 29) });
    expect(all(window, { d: overridden })).toEqual([false, false, false]);
    const impostor = Object.setPrototypeOf({ getTime: () => Date.UTC(2024, 5, 29) }, Date.prototype);
    expect(all(window, { d: impostor })).toEqual([null, false, null]);
    const hollow = Object.create(Date.prototype);
    expect(all({ op: "exists", field: "d" }, { d: hollow })).toEqual([false, false, false]);
    expect(all({ op: "in", field: "d", values: ["x"] }, { d: hollow })).toEqual([null, false, null]);
    expect(explain({ op: "before", field: "d", date: "2024-01-01" }, { d: hollow }, { asOf }).sentence).toBe("d is an invalid date, so 'is before the start of 2024-01-01 (UTC)' is unknown");
    expect(() => evaluate(window, {}, { asOf: hollow })).toThrow(new TypeError("evaluate requires asOf to be a valid Date"));
  });

  it("reads a Date of another realm (node:vm, an iframe) as a Date, as the schema parsers do (it was UNKNOWN)", () => {
    const foreign = vm.runInNewContext("new Date('2024-06-29T00:00:00Z')") as Date;
    expect(foreign instanceof Date).toBe(false);
    expect(all({ op: "withinLast", field: "d", amount: 7, unit: "days" }, { d: foreign })).toEqual([true, true, true]);
    expect(all({ op: "before", field: "d", date: "2024-06-30" }, { d: foreign })).toEqual([true, true, true]);
    expect(explain({ op: "after", field: "d", date: "2024-06-30" }, { d: foreign }, { asOf }).sentence).toBe("d 2024-06-29T00:00:00.000Z is not after the start of 2024-06-30 (UTC)");
    expect(evaluate({ op: "withinLast", field: "d", amount: 7, unit: "days" }, { d: new Date("2024-06-29T00:00:00Z") }, { asOf: vm.runInNewContext("new Date('2024-06-30T00:00:00Z')") as Date })).toBe(true);
    const events = [{ type: "p", timestamp: foreign }];
    expect(evaluate({ op: "event", type: "p", withinLast: { amount: 7, unit: "days" } }, {}, { asOf, events })).toBe(true);
  });

  it("explain reads no events from something that is not an array, as evaluate does", () => {
    const rule: Rule = { op: "event", type: "purchase" };
    const events = { length: 2 ** 53, 0: { type: "purchase", timestamp: new Date("2024-06-01T00:00:00Z") } };
    const explanation = explain(rule, {}, { asOf, events: events as never });
    expect(explanation).toMatchObject({ result: null, value: { count: 0 } });
  });

  it("refuses a malformed event where before any event is read: the error does not depend on the data (it was thrown only when an event matched)", () => {
    const event = (where: unknown): Rule => ({ op: "event", type: "p", where } as never);
    const matching = [{ type: "p", timestamp: new Date("2024-06-01T00:00:00Z") }];
    for (const events of [[], matching]) {
      expect(() => evaluate(event({ op: "xor" }), {}, { asOf, events })).toThrow(new TypeError('evaluate requires a valid rule: unknown op "xor" (check untrusted rules with parseRule)'));
      expect(() => explain(event({ op: "before", field: "x", date: "yesterday" }), {}, { asOf, events })).toThrow('rule before needs an ISO-8601 date or instant with an offset, not "yesterday"');
      expect(() => evaluate(event({ op: "withinLast", field: "x", amount: Number.POSITIVE_INFINITY, unit: "days" }), {}, { asOf, events })).toThrow("a rule time window needs a finite amount");
    }
  });

  it("refuses literals of the wrong type in a rule that skipped parseRule, with the node's path (they selected more, or threw raw TypeErrors)", () => {
    const cases: ReadonlyArray<[unknown, string]> = [
      [{ op: "eq", field: "a" }, 'the value of "eq" must be a string, a finite number or a boolean, got undefined'],
      [{ op: "eq", field: "a", value: null }, 'the value of "eq" must be a string, a finite number or a boolean, got null'],
      [{ op: "gt", field: "a", value: Number.POSITIVE_INFINITY }, 'the value of "gt" must be a string, a finite number or a boolean, got Infinity'],
      [{ op: "between", field: "a", min: 1, max: "9" }, 'the min and max of "between" must be both finite numbers or both strings, got number and string'],
      [{ op: "in", field: "a", values: ["x", null] }, 'the values of "in" must be strings, finite numbers or booleans: item 1 is null'],
      [{ op: "hasAny", field: "a", values: [Number.NaN] }, 'the values of "hasAny" must be strings, finite numbers or booleans: item 0 is NaN'],
      [{ op: "notIn", field: "a", values: [, "x"] }, 'the values of "notIn" must be strings, finite numbers or booleans: item 0 is undefined'],
      [{ op: "contains", field: "a", value: 5 }, 'the value of "contains" must be a string, got number'],
      [{ op: "endsWith", field: "a", value: "x", caseInsensitive: "yes" }, 'the caseInsensitive of "endsWith" must be a boolean, got string'],
      [{ op: "event", type: "p", sum: { property: 5, gte: 1 } }, 'the sum.property of "event" must be a string, got number'],
      [{ op: "event", type: "p", count: null }, 'the count of "event" must be an object, got null'],
      [{ op: "event", type: "p", count: { gte: "1" } }, 'the count.gte of "event" must be a finite number, got string'],
      [{ op: "inSegment", segment: 1 }, 'the segment of "inSegment" must be a string, got number'],
    ];
    for (const [node, message] of cases) {
      const rule = { op: "or", rules: [{ op: "always" }, node] } as never;
      for (const call of [() => evaluate(rule, { a: null }, { asOf, events: [] }), () => compileRule(rule, { asOf, eventsOf: () => [] }), () => explain(rule, {}, { asOf, events: [] })]) {
        try {
          call();
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(RuleError);
          expect((error as RuleError).issues).toEqual([{ code: "invalid_type", path: ["rules", 1], message }]);
        }
      }
    }
  });

  it("keeps a before bound finer than a millisecond strict: a Date 0.5 µs before the bound is before it", () => {
    const at = { d: new Date("2024-06-30T12:00:00.000Z") };
    expect(all({ op: "before", field: "d", date: "2024-06-30T12:00:00.0005Z" }, at)).toEqual([true, true, true]);
    expect(all({ op: "after", field: "d", date: "2024-06-30T11:59:59.9995Z" }, at)).toEqual([true, true, true]);
    expect(all({ op: "before", field: "d", date: "2024-06-30T12:00:00.000000Z" }, at)).toEqual([false, false, false]);
  });

  it("refuses a fractional number of months instead of rounding it (0.5 months acted as 1)", () => {
    const profile = { d: new Date("2024-05-30T00:00:00Z") };
    expect(() => evaluate({ op: "withinLast", field: "d", amount: 0.5, unit: "months" }, profile, { asOf })).toThrow(new TypeError("a rule time window in months needs a whole number of months, not 0.5 months (check untrusted rules with parseRule)"));
    expect(() => compileRule({ op: "before", field: "d", amount: 1.5, unit: "months" }, { asOf })).toThrow("needs a whole number of months");
    expect(all({ op: "withinLast", field: "d", amount: 0.5, unit: "years" }, profile)).toEqual([true, true, true]);
  });

  it("segments: null is no segments (an unknown_segment issue, not a raw TypeError)", () => {
    expect(() => evaluate({ op: "inSegment", segment: "a" }, {}, { asOf, segments: null as never })).toThrow('evaluate found 1 issue: the rule refers to the unknown segment "a" at segment');
    try {
      compileRule({ op: "inSegment", segment: "a" }, { asOf, segments: null as never });
      expect.unreachable();
    } catch (error) {
      expect((error as RuleError).issues.map((issue) => issue.code)).toEqual(["unknown_segment"]);
    }
  });

  it("says what an empty list means in explanations (it said 'country missing is not nothing')", () => {
    expect(explain({ op: "in", field: "country", values: [] }, {}, { asOf }).sentence).toBe("country (missing) is not in an empty list");
    expect(explain({ op: "hasNone", field: "tags", values: [] }, { tags: ["a"] }, { asOf }).sentence).toBe('tags ["a"] includes no value of an empty list');
  });

  it("explain's sentences read well for missing values, objects and the causes of UNKNOWN (UI review)", () => {
    const sentence = (rule: Rule, profile: unknown) => explain(rule, profile, { asOf }).sentence;
    // exists / missing never repeat the value ("b missing is missing").
    expect(sentence({ op: "missing", field: "b" }, {})).toBe("b is missing");
    expect(sentence({ op: "exists", field: "b" }, {})).toBe("b is missing");
    expect(sentence({ op: "missing", field: "b" }, { b: 1 })).toBe("b is known");
    // An object value is named, not glued to the label ("a an object cannot be compared").
    expect(sentence({ op: "gt", field: "a", value: 1 }, { a: { b: 1 } })).toBe("a (an object) cannot be compared with this condition (wrong type), so 'is more than 1' is unknown");
    // UNKNOWN from a null element, or from a list that mixes types, says so (it said "wrong type").
    expect(sentence({ op: "hasAny", field: "tags", values: ["z"] }, { tags: ["a", null] })).toBe(
      "tags [\"a\", null] holds an element that is null, NaN or of another type than the listed values, so 'includes \"z\"' is unknown",
    );
    expect(sentence({ op: "in", field: "country", values: ["US", 1] }, { country: "DE" })).toBe(
      "country \"DE\" cannot be compared with the listed values of another type, so 'is one of (\"US\", 1)' is unknown",
    );
  });

  it("explain shows nested arrays as [...]: a deep or cyclic array cannot overflow the stack or grow the sentence (UI review)", () => {
    const deep = JSON.parse(`{"tags":${"[".repeat(10_000)}${"]".repeat(10_000)}}`) as unknown;
    const rule: Rule = { op: "hasAny", field: "tags", values: ["vip"] };
    expect(explain(rule, deep, { asOf }).result).toBe(evaluate(rule, deep, { asOf }));
    const cyclic: unknown[] = ["vip"];
    cyclic.push(cyclic);
    expect(explain(rule, { tags: cyclic }, { asOf }).sentence).toBe('tags ["vip", [...]] includes "vip"');
    const wide = Array.from({ length: 8 }, () => Array.from({ length: 8 }, () => "x".repeat(60)));
    expect(explain(rule, { tags: wide }, { asOf }).sentence.length).toBeLessThan(200);
  });

  it("explain shows an array without calling its own slice or map; describeRule says what an empty list means", () => {
    const tags = Object.assign(["a", "b"], { slice: () => { throw new Error("slice called"); }, map: () => { throw new Error("map called"); } });
    expect(explain({ op: "hasAny", field: "tags", values: ["c"] }, { tags }, { asOf }).sentence).toBe('tags ["a", "b"] is a list without "c"');
    expect(describeRule({ op: "in", field: "country", values: [] })).toBe("country is in an empty list");
    expect(describeRule({ op: "hasAll", field: "tags", values: [] })).toBe("tags includes every value of an empty list");
  });

  it("keeps booleans as literals of ordering ops in an unchecked rule: UNKNOWN, as in SQL, not an error", () => {
    expect(all({ op: "lt", field: "b", value: true } as never, { b: false })).toEqual([null, false, null]);
  });

  it("toJsonLogic and checkRule on unchecked literals: an invalid_type issue, and checkRule's own issues as before", () => {
    try {
      toJsonLogic({ op: "eq", field: "a" } as never);
      expect.unreachable();
    } catch (error) {
      expect((error as RuleError).issues.map((issue) => issue.code)).toEqual(["invalid_type"]);
    }
    const schema = z.object({ age: z.number() });
    expect(checkRule({ op: "and", rules: [{ op: "eq", field: "nope", value: 1 }, { op: "eq", field: "age", value: null }] } as never, schema).map((issue) => issue.code)).toEqual(["unknown_field", "value_type_mismatch"]);
  });

  it("the safe parsers turn a value that throws while read into an issue (a throwing getter or Proxy trap escaped as a raw error)", () => {
    const getter = { op: "eq", field: "a", get value(): never { throw new Error("boom"); } };
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error("trap"); } });
    const first = (result: { success: boolean; error?: RuleError }) => (result.success ? undefined : result.error?.issues[0]);
    expect(first(safeParseRule(getter))).toEqual({ code: "invalid_type", path: [], message: "the rule could not be read: boom" });
    expect(first(safeParseJsonLogic(proxy))).toEqual({ code: "invalid_type", path: [], message: "the document could not be read: trap" });
    const condition = { operator: "equal", value: 1, get fact(): never { throw new Error("fact"); } };
    expect(first(safeParseJsonRulesEngine({ all: [condition] }))?.message).toBe("the document could not be read: fact");
    expect(() => parseRule(getter)).toThrow("parseRule found 1 issue: the rule could not be read: boom");
  });
});

