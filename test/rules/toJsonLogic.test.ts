/**
 * `toJsonLogic` against json-logic-js 2.0.5 itself: the written form of every op and of `not`, the
 * issues for what JsonLogic cannot express, and the property that json-logic-js selects exactly the
 * profiles the rule is TRUE for.
 */
import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { describe, expect, it } from "vitest";
import { ruleTrees } from "./_arbitraries.js";
import { slot, slotProfiles } from "./_slots.js";
import { z } from "zod";
import { evaluate, parseJsonLogic, RuleError, safeParseJsonLogic, toJsonLogic } from "../../src/rules/index.js";
import type { Rule, RuleScalar } from "../../src/rules/index.js";
import { generateBenchProfiles } from "../../bench/rules/data.js";
import { expectedCounts, segmentkitRules } from "../../bench/rules/rules.js";

const asOf = new Date("2026-01-01T00:00:00Z");
const v = (field: string) => ({ var: field });
const present = (field: string) => ({ "!=": [v(field), null] });
const selectedByJsonLogic = (logic: unknown, profile: unknown): boolean => jsonLogic.truthy(jsonLogic.apply(logic, profile));

function issuesOf(rule: Rule, segments?: Readonly<Record<string, Rule>>) {
  try {
    toJsonLogic(rule, { segments });
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    return (error as RuleError).issues.map((issue) => [issue.code, issue.path]);
  }
  throw new Error(`expected ${JSON.stringify(rule)} to be refused`);
}

describe("toJsonLogic: the written form", () => {
  it("writes each op for TRUE, and for FALSE under not, with a presence test where JsonLogic would take a null", () => {
    const cases: ReadonlyArray<readonly [Rule, unknown, unknown]> = [
      [{ op: "eq", field: "plan", value: "pro" }, { "===": [v("plan"), "pro"] }, { and: [present("plan"), { "!==": [v("plan"), "pro"] }] }],
      [{ op: "ne", field: "plan", value: "pro" }, { and: [present("plan"), { "!==": [v("plan"), "pro"] }] }, { "===": [v("plan"), "pro"] }],
      [{ op: "lt", field: "age", value: 30 }, { and: [present("age"), { "<": [v("age"), 30] }] }, { and: [present("age"), { ">=": [v("age"), 30] }] }],
      [{ op: "gte", field: "age", value: 30 }, { and: [present("age"), { ">=": [v("age"), 30] }] }, { and: [present("age"), { "<": [v("age"), 30] }] }],
      [
        { op: "between", field: "age", min: 25, max: 34 },
        { and: [present("age"), { "<=": [25, v("age"), 34] }] },
        { and: [present("age"), { "!": { "<=": [25, v("age"), 34] } }] },
      ],
      [{ op: "in", field: "country", values: ["US", "CA"] }, { in: [v("country"), ["US", "CA"]] }, { and: [present("country"), { "!": { in: [v("country"), ["US", "CA"]] } }] }],
      [{ op: "in", field: "country", values: [] }, false, true],
      [{ op: "notIn", field: "country", values: [] }, present("country"), false],
      [{ op: "contains", field: "email", value: "@acme" }, { in: ["@acme", v("email")] }, { and: [present("email"), { "!": { in: ["@acme", v("email")] } }] }],
      [{ op: "contains", field: "email", value: "" }, present("email"), false],
      [
        { op: "startsWith", field: "email", value: "ann" },
        { and: [present("email"), { "===": [{ substr: [v("email"), 0, 3] }, "ann"] }] },
        { and: [present("email"), { "!": { "===": [{ substr: [v("email"), 0, 3] }, "ann"] } }] },
      ],
      [{ op: "endsWith", field: "email", value: ".org" }, { and: [present("email"), { "===": [{ substr: [v("email"), -4] }, ".org"] }] }, { and: [present("email"), { "!": { "===": [{ substr: [v("email"), -4] }, ".org"] } }] }],
      [{ op: "hasAny", field: "tags", values: ["vip"] }, { in: ["vip", v("tags")] }, { and: [present("tags"), { "!": { in: ["vip", v("tags")] } }] }],
      [
        { op: "hasAny", field: "tags", values: ["vip", "loyal"] },
        { some: [v("tags"), { in: [{ var: "" }, ["vip", "loyal"]] }] },
        { and: [present("tags"), { "!": { some: [v("tags"), { in: [{ var: "" }, ["vip", "loyal"]] }] } }] },
      ],
      [{ op: "hasAny", field: "tags", values: [] }, false, present("tags")],
      [
        { op: "hasAll", field: "tags", values: ["a", "b"] },
        { and: [{ in: ["a", v("tags")] }, { in: ["b", v("tags")] }] },
        { and: [present("tags"), { or: [{ "!": { in: ["a", v("tags")] } }, { "!": { in: ["b", v("tags")] } }] }] },
      ],
      [{ op: "hasNone", field: "tags", values: ["b2b"] }, { and: [present("tags"), { "!": { in: ["b2b", v("tags")] } }] }, { in: ["b2b", v("tags")] }],
      [{ op: "exists", field: "income" }, present("income"), { "==": [v("income"), null] }],
      [{ op: "missing", field: "income" }, { "==": [v("income"), null] }, present("income")],
      [{ op: "always" }, true, false],
      [{ op: "and", rules: [] }, true, false],
      [{ op: "or", rules: [] }, false, true],
    ];
    for (const [rule, whenTrue, whenFalse] of cases) {
      expect(toJsonLogic(rule), JSON.stringify(rule)).toEqual(whenTrue);
      expect(toJsonLogic({ op: "not", rule }), `not ${JSON.stringify(rule)}`).toEqual(whenFalse);
    }
  });

  it("writes time conditions as comparisons with the instants JSON writes, relative ones at options.asOf", () => {
    const at = "2024-06-30T12:00:00.000Z";
    const clock = { asOf: new Date(at) };
    // A date bound is its midnight, written as JSON writes a Date; FALSE is the complement, false for null as TRUE is.
    expect(toJsonLogic({ op: "before", field: "d", date: "2024-01-01" })).toEqual({ "<": [v("d"), "2024-01-01T00:00:00.000Z"] });
    expect(toJsonLogic({ op: "not", rule: { op: "before", field: "d", date: "2024-01-01T10:00:00+02:00" } })).toEqual({ ">=": [v("d"), "2024-01-01T08:00:00.000Z"] });
    expect(toJsonLogic({ op: "after", field: "d", amount: 1, unit: "months" }, clock)).toEqual({ ">": [v("d"), "2024-05-30T12:00:00.000Z"] });
    expect(toJsonLogic({ op: "not", rule: { op: "after", field: "d", date: "2024-01-01" } })).toEqual({ "<=": [v("d"), "2024-01-01T00:00:00.000Z"] });
    expect(toJsonLogic({ op: "withinLast", field: "d", amount: 30, unit: "days" }, clock)).toEqual({ and: [{ ">=": [v("d"), "2024-05-31T12:00:00.000Z"] }, { "<=": [v("d"), at] }] });
    expect(toJsonLogic({ op: "not", rule: { op: "withinLast", field: "d", amount: 30, unit: "days" } }, clock)).toEqual({ or: [{ "<": [v("d"), "2024-05-31T12:00:00.000Z"] }, { ">": [v("d"), at] }] });
    // Beyond the years 0 to 9999 JSON writes "+010000-...", which sorts before every other date: there the answer is known.
    expect(toJsonLogic({ op: "withinLast", field: "d", amount: 3_000, unit: "years" }, clock)).toEqual({ and: [present("d"), { "<=": [v("d"), at] }] });
    expect(toJsonLogic({ op: "not", rule: { op: "after", field: "d", amount: 1e6, unit: "years" } }, clock)).toEqual(false);
    expect(toJsonLogic({ op: "before", field: "d", amount: -10_000, unit: "years" }, clock)).toEqual(present("d"));
  });

  it("pushes not down to the leaves with De Morgan, and writes segments in place", () => {
    const rule: Rule = { op: "not", rule: { op: "and", rules: [{ op: "eq", field: "plan", value: "pro" }, { op: "inSegment", segment: "vip" }] } };
    expect(toJsonLogic(rule, { segments: { vip: { op: "gt", field: "spend", value: 500 } } })).toEqual({
      or: [{ and: [present("plan"), { "!==": [v("plan"), "pro"] }] }, { and: [present("spend"), { "<=": [v("spend"), 500] }] }],
    });
  });

  it("writes the benchmark's R1–R5 so that json-logic-js selects the SQL audience (seed 42, N = 100,000)", () => {
    const profiles = generateBenchProfiles(100_000, 42);
    for (const name of ["R1", "R2", "R3", "R4", "R5"] as const) {
      const logic = toJsonLogic(segmentkitRules[name]);
      expect(profiles.reduce((total, profile) => total + (selectedByJsonLogic(logic, profile) ? 1 : 0), 0), name).toBe(expectedCounts[name]);
    }
  });
});

describe("toJsonLogic: what it refuses", () => {
  it("names every node JsonLogic cannot express, with its path", () => {
    const rule: Rule = {
      op: "and",
      rules: [
        { op: "withinLast", field: "lastPurchaseAt", amount: 30, unit: "days" },
        { op: "not", rule: { op: "before", field: "signupAt", amount: 1, unit: "years" } },
        { op: "event", type: "purchase" },
        { op: "contains", field: "name", value: "ann", caseInsensitive: true },
        { op: "in", field: "plan", values: ["pro", 3] },
        { op: "eq", field: "profile.toString", value: "x" },
        { op: "gte", field: "spend", value: 10 },
      ],
    };
    expect(issuesOf(rule)).toEqual([
      ["unsupported_logic", ["rules", 0]],
      ["unsupported_logic", ["rules", 1, "rule"]],
      ["unsupported_logic", ["rules", 2]],
      ["unsupported_logic", ["rules", 3]],
      ["unsupported_logic", ["rules", 4]],
      ["unsupported_logic", ["rules", 5]],
    ]);
  });

  it("checks what a rule that skipped parseRule may hold: paths that var would read otherwise, and numbers JSON cannot hold", () => {
    const rule = {
      op: "or",
      rules: [
        { op: "exists", field: "constructor" },
        { op: "exists", field: "a.__proto__" },
        { op: "exists", field: "" },
        { op: "lt", field: "x", value: Number.POSITIVE_INFINITY },
        { op: "in", field: "x", values: [1, Number.NaN] },
        { op: "between", field: "x", min: Number.NEGATIVE_INFINITY, max: 3 },
      ],
    } as Rule;
    expect(issuesOf(rule)).toEqual([
      ["forbidden_path", ["rules", 0]],
      ["forbidden_path", ["rules", 1]],
      ["invalid_path", ["rules", 2]],
      ["non_finite_number", ["rules", 3]],
      ["non_finite_number", ["rules", 4]],
      ["non_finite_number", ["rules", 5]],
    ]);
  });

  it("checks the time conditions of a rule that skipped parseRule: dates, amounts and units become issues, fractional bounds whole milliseconds (review)", () => {
    const clock = { asOf: new Date("2024-03-31T12:00:00.000Z") };
    const rule = {
      op: "or",
      rules: [
        { op: "before", field: "d", date: "yesterday" },
        { op: "after", field: "d", amount: Number.NaN, unit: "days" },
        { op: "withinLast", field: "d", amount: 1, unit: "fortnights" },
      ],
    } as Rule;
    try {
      toJsonLogic(rule, clock);
      expect.unreachable();
    } catch (error) {
      expect((error as RuleError).issues.map((issue) => [issue.code, issue.path])).toEqual([
        ["invalid_date", ["rules", 0]],
        ["non_finite_number", ["rules", 1]],
        ["invalid_unit", ["rules", 2]],
      ]);
    }
    // Half a millisecond before the clock: a Date at 11:59:59.999 is before it, one at 12:00:00.000 is not.
    const half: Rule = { op: "before", field: "d", amount: 0.0005, unit: "seconds" };
    expect(toJsonLogic(half, clock)).toEqual({ "<": [v("d"), "2024-03-31T12:00:00.000Z"] });
    expect(toJsonLogic({ op: "withinLast", field: "d", amount: 0.0005, unit: "seconds" }, clock)).toEqual({
      and: [{ ">=": [v("d"), "2024-03-31T12:00:00.000Z"] }, { "<=": [v("d"), "2024-03-31T12:00:00.000Z"] }],
    });
    expect(evaluate(half, { d: new Date("2024-03-31T11:59:59.999Z") }, clock)).toBe(true);
    // An absolute date finer than a millisecond: inward too (it was truncated, so a Date 0.5 µs before the bound was not before it).
    expect(toJsonLogic({ op: "before", field: "d", date: "2024-03-31T12:00:00.0005Z" })).toEqual({ "<": [v("d"), "2024-03-31T12:00:00.001Z"] });
    expect(toJsonLogic({ op: "after", field: "d", date: "2024-03-31T12:00:00.0005Z" })).toEqual({ ">": [v("d"), "2024-03-31T12:00:00.000Z"] });
  });

  it("shares no array with the rule", () => {
    const rule: Rule = { op: "in", field: "plan", values: ["pro", "team"] };
    const logic = toJsonLogic(rule) as { in: [unknown, string[]] };
    expect(logic.in[1]).toEqual(rule.values);
    expect(logic.in[1]).not.toBe(rule.values);
  });

  it("reports an issue inside a segment at the inSegment node, naming the segment", () => {
    try {
      toJsonLogic({ op: "or", rules: [{ op: "always" }, { op: "inSegment", segment: "recent" }] }, { segments: { recent: { op: "withinLast", field: "at", amount: 1, unit: "days" } } });
      expect.unreachable();
    } catch (error) {
      const message = `in segment "recent": a time condition relative to the clock needs options.asOf, the instant the document is written for`;
      expect((error as RuleError).issues).toEqual([{ code: "unsupported_logic", path: ["rules", 1, "segment"], message }]);
      expect((error as RuleError).message).toBe(`toJsonLogic found 1 issue: ${message} at rules[1].segment`);
    }
  });

  it("throws compileRule's errors for unknown segments, cycles, unknown ops and bad options", () => {
    expect(issuesOf({ op: "inSegment", segment: "nope" })).toEqual([["unknown_segment", ["segment"]]]);
    expect(issuesOf({ op: "inSegment", segment: "a" }, { a: { op: "inSegment", segment: "a" } })[0]?.[0]).toBe("segment_cycle");
    expect(() => toJsonLogic({ op: "xor" } as unknown as Rule)).toThrow(new TypeError(`toJsonLogic requires a valid rule: unknown op "xor" (check untrusted rules with parseRule)`));
    expect(() => toJsonLogic({ op: "always" }, 5 as never)).toThrow(TypeError);
    expect(() => toJsonLogic({ op: "always" }, { asOf: new Date(Number.NaN) })).toThrow(new TypeError("toJsonLogic requires asOf to be a valid Date"));
    let deep: Rule = { op: "always" };
    for (let level = 0; level < 5_000; level += 1) deep = { op: "not", rule: deep };
    expect(issuesOf(deep)).toEqual([["too_deep", []]]);
  });
});

// Property: random rules over typed fields, and profiles whose fields hold a value of that type, null,
// or nothing (the documented domain). `s` may hold "null", the text json-logic-js's substr makes of null.
const numbers = fc.constantFrom(-2, -1, 0, 0.5, 1, 2, 30);
const texts = fc.constantFrom("", "a", "b", "ab", "ba", "null", "nu");
const tagValues = fc.constantFrom("a", "b", "c");
const profileArbitrary = slotProfiles({
  n: slot(numbers),
  s: slot(texts),
  b: slot(fc.boolean()),
  t: slot(fc.uniqueArray(tagValues, { maxLength: 3 })),
  u: slot(fc.array(numbers, { maxLength: 3 })),
  m: fc.oneof(slot(fc.record({ n: slot(numbers) })), fc.constant({})),
});

const scalarOf = { n: numbers, s: texts, b: fc.boolean(), "m.n": numbers } as const;
type ScalarField = keyof typeof scalarOf;
const listOf = <T extends RuleScalar>(values: fc.Arbitrary<T>) => fc.uniqueArray(values, { maxLength: 3 });
const leafArbitrary: fc.Arbitrary<Rule> = fc.oneof(
  fc.constantFrom<Rule>({ op: "always" }, { op: "never" }),
  fc
    .tuple(fc.constantFrom("eq", "ne"), fc.constantFrom(...(Object.keys(scalarOf) as ScalarField[])))
    .chain(([op, field]) => (scalarOf[field] as fc.Arbitrary<RuleScalar>).map((value) => ({ op, field, value }) as Rule)),
  fc
    .tuple(fc.constantFrom("lt", "lte", "gt", "gte"), fc.constantFrom<"n" | "s" | "m.n">("n", "s", "m.n"))
    .chain(([op, field]) => (scalarOf[field] as fc.Arbitrary<RuleScalar>).map((value) => ({ op, field, value }) as Rule)),
  fc.tuple(numbers, numbers).map(([a, b]) => ({ op: "between", field: "n", min: Math.min(a, b), max: Math.max(a, b) }) as Rule),
  fc.tuple(texts, texts).map(([a, b]) => ({ op: "between", field: "s", min: a < b ? a : b, max: a < b ? b : a }) as Rule),
  fc.tuple(fc.constantFrom("in", "notIn"), fc.constantFrom<"n" | "s" | "b">("n", "s", "b")).chain(([op, field]) =>
    listOf(scalarOf[field] as fc.Arbitrary<RuleScalar>).map((values) => ({ op, field, values }) as Rule),
  ),
  fc.tuple(fc.constantFrom("contains", "startsWith", "endsWith"), texts).map(([op, value]) => ({ op, field: "s", value }) as Rule),
  fc.tuple(fc.constantFrom("hasAny", "hasAll", "hasNone"), listOf(tagValues)).map(([op, values]) => ({ op, field: "t", values }) as Rule),
  fc.tuple(fc.constantFrom("hasAny", "hasAll", "hasNone"), listOf(numbers)).map(([op, values]) => ({ op, field: "u", values }) as Rule),
  fc.tuple(fc.constantFrom("exists", "missing"), fc.constantFrom("n", "s", "b", "t", "u", "m", "m.n")).map(([op, field]) => ({ op, field }) as Rule),
  fc.constant<Rule>({ op: "inSegment", segment: "regular" }),
);
const ruleArbitrary = ruleTrees(leafArbitrary, 3);
const segments: Readonly<Record<string, Rule>> = { regular: { op: "and", rules: [{ op: "gte", field: "n", value: 1 }, { op: "not", rule: { op: "hasAny", field: "t", values: ["c"] } }] } };

describe("toJsonLogic agrees with json-logic-js (property)", () => {
  it("json-logic-js selects exactly the profiles the rule is TRUE for", () => {
    fc.assert(
      fc.property(ruleArbitrary, fc.array(profileArbitrary, { minLength: 1, maxLength: 8 }), (rule, profiles) => {
        const logic = toJsonLogic(rule, { segments });
        const written = JSON.parse(JSON.stringify(logic)) as unknown;
        for (const profile of profiles) {
          expect(selectedByJsonLogic(written, profile), JSON.stringify({ rule, profile, logic })).toBe(evaluate(rule, profile, { asOf, segments }) === true);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it("with dates: json-logic-js on the profiles as JSON writes them selects exactly the profiles the rule is TRUE for, and parseJsonLogic reads the document back", () => {
    const clock = new Date("2024-01-01T12:00:00.000Z");
    const instants = ["0000-01-01T00:00:00.000Z", "2023-12-02T12:00:00.000Z", "2023-12-31T23:59:59.999Z", "2024-01-01T00:00:00.000Z", "2024-01-01T12:00:00.000Z", "2024-01-02T00:00:00.000Z", "9999-12-31T23:59:59.999Z"];
    const bounds = fc.constantFrom("2024-01-01", "2023-12-31", "2024-01-01T12:00:00Z", "2024-01-01T13:00:00+01:00", "0000-01-01", "9999-12-31");
    // Negative amounts, which parseRule refuses and evaluate reads, put bounds after the clock and past the year 9999.
    const amounts = fc.tuple(fc.constantFrom(0, 1, 30, 12, 3_000, 20_000, -1, -10_000), fc.constantFrom("hours", "days", "months", "years") as fc.Arbitrary<"hours" | "days" | "months" | "years">);
    const timeLeaf: fc.Arbitrary<Rule> = fc.oneof(
      fc.tuple(fc.constantFrom("before", "after") as fc.Arbitrary<"before" | "after">, bounds).map(([op, date]) => ({ op, field: "d", date }) as Rule),
      fc.tuple(fc.constantFrom("before", "after") as fc.Arbitrary<"before" | "after">, amounts).map(([op, [amount, unit]]) => ({ op, field: "d", amount, unit }) as Rule),
      amounts.filter(([amount]) => amount >= 0).map(([amount, unit]) => ({ op: "withinLast", field: "d", amount, unit }) as Rule),
      fc.constantFrom<Rule>({ op: "exists", field: "d" }, { op: "gte", field: "n", value: 1 }),
    );
    const timeRule = ruleTrees(timeLeaf, 3);
    const dated = slotProfiles({ d: slot(fc.constantFrom(...instants).map((text) => new Date(text))), n: slot(numbers) });
    const schema = z.object({ d: z.date().nullish(), n: z.number().nullish() });
    fc.assert(
      fc.property(timeRule, fc.array(dated, { minLength: 1, maxLength: 8 }), (rule, profiles) => {
        const logic = toJsonLogic(rule, { asOf: clock });
        const back = parseJsonLogic(logic, { schema }).rule;
        for (const profile of profiles) {
          const expected = evaluate(rule, profile, { asOf: clock }) === true;
          const context = JSON.stringify({ rule, profile, logic });
          expect(selectedByJsonLogic(logic, JSON.parse(JSON.stringify(profile))), context).toBe(expected);
          expect(evaluate(back, profile, { asOf: clock }) === true, context).toBe(expected);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("parseJsonLogic reads every document back to a rule that selects the same profiles", () => {
    let translated = 0;
    fc.assert(
      fc.property(ruleArbitrary, fc.array(profileArbitrary, { minLength: 1, maxLength: 8 }), (rule, profiles) => {
        const back = safeParseJsonLogic(toJsonLogic(rule, { segments }), { arrayFields: ["t", "u"] });
        expect(back.success, JSON.stringify(back)).toBe(true);
        if (!back.success) return;
        translated += 1;
        for (const profile of profiles) {
          expect(evaluate(back.data.rule, profile, { asOf }) === true, JSON.stringify({ rule, profile, back: back.data.rule })).toBe(evaluate(rule, profile, { asOf, segments }) === true);
        }
      }),
      { numRuns: 1_500 },
    );
    expect(translated).toBe(1_500);
  });
});
