/**
 * `parseJsonRulesEngine` against json-rules-engine 7.3.1 itself: every supported operator, the
 * warnings and guards for null and missing facts, the issues for what cannot be translated, the limits
 * on hostile documents, and the property that the imported rule selects exactly who json-rules-engine
 * selects.
 */
import fc from "fast-check";
import { Engine } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { slot, slotProfiles } from "./_slots.js";
import { evaluate, parseJsonRulesEngine, parseRule, RuleError, safeParseJsonRulesEngine } from "../../src/rules/index.js";
import type { ParseJsonRulesEngineOptions, Rule } from "../../src/rules/index.js";
import { CustomerProfile } from "../../src/schema/index.js";
import { generateBenchProfiles } from "../../bench/rules/data.js";
import { expectedCounts, jsonRulesEngineConditions, naiveCounts } from "../../bench/rules/rules.js";

const asOf = new Date("2026-01-01T00:00:00Z");
const fact = (name: string, operator: string, value: unknown, path?: string) => (path === undefined ? { fact: name, operator, value } : { fact: name, operator, value, path });
const selectedBy = (rule: Rule, profile: unknown): boolean => evaluate(rule, profile, { asOf }) === true;

/** json-rules-engine's verdict on each profile, one engine for the conditions, as an application runs it. */
async function selectedByEngine(conditions: unknown, profiles: ReadonlyArray<Record<string, unknown>>, shared: Readonly<Record<string, unknown>> = {}): Promise<boolean[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, condition] of Object.entries(shared)) engine.setCondition(name, condition as never);
  engine.addRule({ conditions: conditions as never, event: { type: "match" } });
  const verdicts: boolean[] = [];
  for (const profile of profiles) verdicts.push((await engine.run(profile)).events.length > 0);
  return verdicts;
}

function issuesOf(conditions: unknown, options?: ParseJsonRulesEngineOptions) {
  const result = safeParseJsonRulesEngine(conditions, options);
  if (result.success) throw new Error(`expected ${JSON.stringify(conditions)} to be refused`);
  expect(result.error).toBeInstanceOf(RuleError);
  return result.error.issues.map((issue) => [issue.code, issue.path]);
}

describe("parseJsonRulesEngine: translation", () => {
  it("translates each built-in operator, all, any and not", () => {
    const cases: ReadonlyArray<readonly [unknown, Rule]> = [
      [{ all: [] }, { op: "always" }],
      [{ any: [] }, { op: "always" }],
      [{ any: [fact("plan", "equal", "pro")] }, { op: "or", rules: [{ op: "eq", field: "plan", value: "pro" }] }],
      [{ not: fact("optIn", "equal", false) }, { op: "not", rule: { op: "eq", field: "optIn", value: false } }],
      [{ all: [fact("tags", "contains", "vip")] }, { op: "and", rules: [{ op: "hasAny", field: "tags", values: ["vip"] }] }],
      [{ all: [fact("tags", "doesNotContain", 3)] }, { op: "and", rules: [{ op: "hasNone", field: "tags", values: [3] }] }],
      [{ all: [fact("country", "in", ["US", "CA"])] }, { op: "and", rules: [{ op: "in", field: "country", values: ["US", "CA"] }] }],
      [{ all: [fact("country", "in", [])] }, { op: "and", rules: [{ op: "in", field: "country", values: [] }] }],
      [{ all: [fact("age", "lessThan", 30)] }, { op: "and", rules: [{ op: "lt", field: "age", value: 30 }] }],
      [{ all: [fact("age", "lessThanInclusive", 30)] }, { op: "and", rules: [{ op: "lte", field: "age", value: 30 }] }],
      [{ all: [fact("age", "greaterThan", 30)] }, { op: "and", rules: [{ op: "gt", field: "age", value: 30 }] }],
      [{ all: [fact("age", "greaterThanInclusive", 30.5)] }, { op: "and", rules: [{ op: "gte", field: "age", value: 30.5 }] }],
      [{ all: [fact("behavior", "greaterThan", 500, "$.totalSpend")] }, { op: "and", rules: [{ op: "gt", field: "behavior.totalSpend", value: 500 }] }],
      [{ all: [fact("profile", "equal", "pro", "$.billing.plan")] }, { op: "and", rules: [{ op: "eq", field: "profile.billing.plan", value: "pro" }] }],
      [{ all: [fact("plan", "equal", "pro", "$")] }, { op: "and", rules: [{ op: "eq", field: "plan", value: "pro" }] }],
      [{ all: [{ ...fact("plan", "equal", "pro"), name: "paid", priority: 5 }] }, { op: "and", rules: [{ op: "eq", field: "plan", value: "pro" }] }],
    ];
    for (const [conditions, rule] of cases) expect(parseJsonRulesEngine(conditions).rule, JSON.stringify(conditions)).toEqual(rule);
  });

  it("writes shared conditions (engine.setCondition) in place of their references", () => {
    const conditions = { isVip: { any: [fact("tags", "contains", "vip"), fact("spend", "greaterThan", 1_000)] }, activeVip: { all: [{ condition: "isVip" }, fact("daysSinceLastPurchase", "lessThan", 90)] } };
    expect(parseJsonRulesEngine({ not: { condition: "activeVip" } }, { conditions }).rule).toEqual({
      op: "not",
      rule: {
        op: "and",
        rules: [
          { op: "or", rules: [{ op: "hasAny", field: "tags", values: ["vip"] }, { op: "gt", field: "spend", value: 1_000 }] },
          { op: "lt", field: "daysSinceLastPurchase", value: 90 },
        ],
      },
    });
    // Issues inside a shared condition go on from the reference through its name.
    expect(issuesOf({ all: [{ condition: "bad" }] }, { conditions: { bad: { any: [fact("x", "between", [1, 2])] } } })).toEqual([["unknown_op", ["all", 0, "condition", "bad", "any", 0, "operator"]]]);
    expect(issuesOf({ all: [{ condition: "a" }] }, { conditions: { a: { any: [{ condition: "b" }] }, b: { not: { condition: "a" } } } })).toEqual([
      ["invalid_value", ["all", 0, "condition", "a", "any", 0, "condition", "b", "not", "condition"]],
    ]);
    expect(issuesOf({ all: [{ condition: "leaf" }] }, { conditions: { leaf: fact("x", "equal", 1) } })).toEqual([["invalid_type", ["all", 0, "condition", "leaf"]]]);
    expect(issuesOf({ all: [{ condition: 3 }] })).toEqual([["invalid_type", ["all", 0, "condition"]]]);
    expect(issuesOf({ all: [{ condition: "toString" }] }, { conditions: {} })).toEqual([["invalid_value", ["all", 0, "condition"]]]);
    // A reference counts as a level, so a long chain of them stops at maxDepth.
    const chain = Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [`c${index}`, { not: { condition: `c${index + 1}` } }]));
    expect(issuesOf({ not: { condition: "c0" } }, { conditions: chain })[0]?.[0]).toBe("too_deep");
    expect(() => parseJsonRulesEngine({ all: [] }, { conditions: [] as never })).toThrowErrorMatchingInlineSnapshot(`[TypeError: parseJsonRulesEngine requires options.conditions to be an object]`);
  });

  it("reads the conditions of a whole rule, with paths from its root", () => {
    const rule = { name: "lapsed", priority: 10, event: { type: "lapsed" }, conditions: { all: [fact("country", "notIn", ["IN"])] } };
    const { rule: translated, warnings } = parseJsonRulesEngine(rule);
    expect(translated).toEqual({ op: "and", rules: [{ op: "notIn", field: "country", values: ["IN"] }] });
    expect(warnings.map((warning) => [warning.code, warning.path, warning.field])).toEqual([["null_selected", ["conditions", "all", 0], "country"]]);
  });

  it("warns where json-rules-engine selects null or missing facts, and guards them with nulls: \"json-rules-engine\"", () => {
    const guarded = { nulls: "json-rules-engine" } as const;
    // Positive: notEqual and notIn select a missing fact.
    const notEqual = { all: [fact("country", "notEqual", "US")] };
    expect(parseJsonRulesEngine(notEqual).warnings.map((warning) => warning.path)).toEqual([["all", 0]]);
    expect(parseJsonRulesEngine(notEqual, guarded)).toEqual({
      rule: { op: "and", rules: [{ op: "or", rules: [{ op: "missing", field: "country" }, { op: "ne", field: "country", value: "US" }] }] },
      warnings: [],
    });
    // Under not, every operator's false for a missing fact selects it.
    const negated = { not: { all: [fact("age", "greaterThan", 30)] } };
    expect(parseJsonRulesEngine(negated).warnings.map((warning) => [warning.path, warning.message])).toEqual([
      [["not", "all", 0], `json-rules-engine selects profiles whose "age" is null or missing here ("greaterThan" is false for a fact that is not a number); the rule does not, as in SQL`],
    ]);
    expect(parseJsonRulesEngine(negated, guarded).rule).toEqual({
      op: "not",
      rule: { op: "and", rules: [{ op: "and", rules: [{ op: "exists", field: "age" }, { op: "gt", field: "age", value: 30 }] }] },
    });
    // A sibling that is false for a missing fact already keeps it out of the `all`.
    expect(parseJsonRulesEngine({ all: [fact("country", "notEqual", "US"), fact("country", "in", ["CA", "MX"])] }).warnings).toEqual([]);
    expect(parseJsonRulesEngine({ any: [fact("country", "notEqual", "US"), fact("country", "in", ["CA", "MX"])] }).warnings).toHaveLength(1);
    // No warning where the rule already agrees: `in` and the ordering operators are false for a missing fact.
    expect(parseJsonRulesEngine({ all: [fact("age", "lessThan", 30), fact("plan", "in", ["pro"]), fact("tags", "contains", "vip")] }).warnings).toEqual([]);
    // `in []` is false for everyone in both; `not in []` true for everyone in both.
    expect(parseJsonRulesEngine({ not: fact("plan", "in", []) }).warnings).toEqual([]);
  });

  it("returns a fresh rule that parseRule accepts", () => {
    const conditions = jsonRulesEngineConditions.R5;
    const { rule } = parseJsonRulesEngine(conditions);
    expect(parseRule(rule)).toEqual(rule);
    expect(JSON.parse(JSON.stringify(conditions))).toEqual(conditions);
  });
});

describe("parseJsonRulesEngine: what it refuses", () => {
  it("names the untranslatable construct and where it is", () => {
    expect(issuesOf({ all: [{ condition: "isVip" }] })).toEqual([["invalid_value", ["all", 0, "condition"]]]);
    expect(issuesOf({ all: [{ ...fact("spend", "greaterThan", 1), params: { days: 30 } }] })).toEqual([["unsupported_logic", ["all", 0, "params"]]]);
    expect(issuesOf({ all: [fact("spend", "greaterThan", { fact: "budget" })] })).toEqual([["unsupported_logic", ["all", 0, "value"]]]);
    expect(issuesOf({ all: [fact("tags", "everyFact:equal", "a")] })).toEqual([["unsupported_logic", ["all", 0, "operator"]]]);
    expect(issuesOf({ all: [fact("spend", "between", [1, 2])] })).toEqual([["unknown_op", ["all", 0, "operator"]]]);
    expect(issuesOf({ all: [fact("user.age", "lessThan", 30)] })).toEqual([["unsupported_logic", ["all", 0, "fact"]]]);
    expect(issuesOf({ all: [fact("user", "lessThan", 30, "$.tags[0]")] })).toEqual([["unsupported_logic", ["all", 0, "path"]]]);
    expect(issuesOf({ all: [fact("user", "lessThan", 30, "$..age")] })).toEqual([["unsupported_logic", ["all", 0, "path"]]]);
    expect(issuesOf({ all: [fact("user", "lessThan", 30, "$.tags.length")] })).toEqual([["unsupported_logic", ["all", 0, "path"]]]);
    expect(issuesOf({ all: [fact("country", "equal", null)] })).toEqual([["unsupported_logic", ["all", 0, "value"]]]);
    expect(issuesOf({ all: [fact("country", "in", ["US", null])] })).toEqual([["unsupported_logic", ["all", 0, "value", 1]]]);
    expect(issuesOf({ all: [fact("country", "in", "US,CA")] })).toEqual([["unsupported_logic", ["all", 0, "value"]]]);
    expect(issuesOf({ all: [fact("age", "lessThan", "30")] })).toEqual([["unsupported_logic", ["all", 0, "value"]]]);
  });

  it("refuses shapes and values it cannot read, with every issue", () => {
    expect(issuesOf(fact("age", "lessThan", 30))).toEqual([["invalid_type", []]]);
    expect(issuesOf({ conditions: fact("age", "lessThan", 30) })).toEqual([["invalid_type", ["conditions"]]]);
    expect(issuesOf({ all: [5, { all: 3 }, { not: [] }, {}, { all: [], fact: "a" }] })).toEqual([
      ["invalid_type", ["all", 0]],
      ["invalid_type", ["all", 1, "all"]],
      ["invalid_type", ["all", 2, "not"]],
      ["invalid_type", ["all", 3]],
      ["invalid_type", ["all", 4]],
    ]);
    expect(issuesOf({ all: [{ fact: "age", value: 1 }, { fact: "age", operator: "equal" }, { fact: 3, operator: "equal", value: 1 }] })).toEqual([
      ["invalid_type", ["all", 0, "operator"]],
      ["invalid_type", ["all", 1, "value"]],
      ["invalid_type", ["all", 2, "fact"]],
    ]);
    expect(issuesOf({ all: [fact("plan", "in", ["pro", 3]), fact("plan", "equal", [1]), fact("age", "lessThan", true)] })).toEqual([
      ["invalid_value", ["all", 0, "value"]],
      ["invalid_value", ["all", 1, "value"]],
      ["unsupported_logic", ["all", 2, "value"]],
    ]);
    expect(issuesOf("all")).toEqual([["invalid_type", []]]);
  });

  it("refuses a \"$\" key, which jsonpath-plus reads as the root again", () => {
    expect(issuesOf({ all: [fact("a", "equal", 5, "$.$")] })).toEqual([["unsupported_logic", ["all", 0, "path"]]]);
    expect(issuesOf({ all: [fact("a", "equal", 5, "$.b.$.c")] })).toEqual([["unsupported_logic", ["all", 0, "path"]]]);
  });

  it("reads sparse and growing lists as their items at the start, never beyond the limits", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(issuesOf({ all: [fact("a", "equal", 1), , fact("b", "equal", 2)] })).toEqual([["invalid_type", ["all", 1]]]);
    // eslint-disable-next-line no-sparse-arrays
    expect(issuesOf({ not: { any: [, fact("a", "equal", 1)] } })).toEqual([["invalid_type", ["not", "any", 0]]]);
    const growing = ["a"];
    Object.defineProperty(growing, 0, { get: () => (growing.push(...Array.from({ length: 50 }, () => "b")), "a"), enumerable: true });
    expect(parseJsonRulesEngine({ all: [fact("x", "in", growing)] }, { maxListLength: 5 }).rule).toEqual({ op: "and", rules: [{ op: "in", field: "x", values: ["a"] }] });
  });

  it("judges a negated any as the conjunction it is: no warning where a sibling already keeps the missing fact out", () => {
    expect(parseJsonRulesEngine({ not: { any: [fact("x", "notEqual", 5), fact("x", "equal", 3)] } }).warnings).toEqual([]);
    // A negated leaf in an `all` waits for its siblings too.
    expect(parseJsonRulesEngine({ all: [fact("x", "greaterThan", 0), { not: fact("x", "equal", 5) }] }).warnings).toEqual([]);
    expect(parseJsonRulesEngine({ all: [{ not: fact("x", "equal", 5) }] }).warnings.map((warning) => warning.path)).toEqual([["all", 0, "not"]]);
    expect(parseJsonRulesEngine({ not: { any: [fact("x", "equal", 3), fact("y", "equal", 3)] } }).warnings.map((warning) => warning.path)).toEqual([
      ["not", "any", 0],
      ["not", "any", 1],
    ]);
  });

  it("refuses prototype paths without reading them", () => {
    expect(issuesOf({ all: [fact("__proto__", "equal", 1)] })).toEqual([["forbidden_path", ["all", 0, "fact"]]]);
    expect(issuesOf({ all: [fact("profile", "equal", 1, "$.constructor.name")] })).toEqual([["forbidden_path", ["all", 0, "path"]]]);
    expect(issuesOf({ all: [fact("", "equal", 1)] })).toEqual([["invalid_path", ["all", 0, "fact"]]]);
    const hostile = JSON.parse('{ "all": [{ "fact": "a", "operator": "equal", "value": 1, "__proto__": { "params": {} } }] }') as unknown;
    expect(parseJsonRulesEngine(hostile).rule).toEqual({ op: "and", rules: [{ op: "eq", field: "a", value: 1 }] });
  });

  it("stops hostile documents at the limits, without a stack overflow", () => {
    let deep: unknown = fact("a", "equal", 1);
    for (let level = 0; level < 100_000; level += 1) deep = { not: deep };
    expect(issuesOf(deep)).toEqual([["too_deep", Array.from({ length: 32 }, () => "not")]]);
    expect(issuesOf({ all: [fact("a", "equal", 1), fact("b", "equal", 2)] }, { maxNodes: 2 })).toEqual([["too_many_nodes", ["all", 1]]]);
    expect(issuesOf({ all: [fact("a", "in", [1, 2, 3])] }, { maxListLength: 2 })).toEqual([["list_too_long", ["all", 0, "value"]]]);
    expect(issuesOf({ all: [fact("a", "equal", 1), fact("b", "equal", 2), fact("c", "equal", 3)] }, { maxListLength: 2 })).toEqual([["list_too_long", ["all"]]]);
    expect(issuesOf({ all: [fact("a", "equal", "x".repeat(11))] }, { maxStringLength: 10 })).toEqual([["string_too_long", ["all", 0, "value"]]]);
    expect(issuesOf({ all: [fact("a", "equal", 1, "$.bbbbbbbbbb")] }, { maxStringLength: 10 })).toEqual([["string_too_long", ["all", 0, "path"]]]);
    expect(issuesOf({ all: [fact("a".repeat(11), "equal", 1)] }, { maxStringLength: 10 })).toEqual([["string_too_long", ["all", 0, "fact"]]]);
    // A guard needs an `or` of two rules and one more level.
    expect(issuesOf({ all: [fact("a", "notEqual", 1)] }, { maxListLength: 1, nulls: "json-rules-engine" })).toEqual([["list_too_long", ["all", 0]]]);
    expect(issuesOf({ all: [fact("a", "notEqual", 1)] }, { maxDepth: 2, nulls: "json-rules-engine" })).toEqual([["too_deep", ["all", 0]]]);
    const many = { any: Array.from({ length: 500 }, () => ({ all: [5] })) };
    expect(issuesOf(many)).toHaveLength(100);
  });

  it("throws a RuleError with the house message, and rejects invalid options", () => {
    expect(() => parseJsonRulesEngine({ all: [fact("age", "lessThan", "30")] })).toThrowErrorMatchingInlineSnapshot(`[RuleError: parseJsonRulesEngine found 1 issue: "lessThan" is read with a number (json-rules-engine compares only facts that read as numbers), got string at all[0].value]`);
    expect(() => parseJsonRulesEngine({ all: [] }, { nulls: "jsonlogic" as "sql" })).toThrowErrorMatchingInlineSnapshot(`[TypeError: parseJsonRulesEngine requires nulls to be "sql" or "json-rules-engine"]`);
    expect(() => parseJsonRulesEngine({ all: [] }, { maxDepth: 0 })).toThrowErrorMatchingInlineSnapshot(`[RangeError: parseJsonRulesEngine requires maxDepth to be an integer from 1 to 1000]`);
    expect(() => safeParseJsonRulesEngine({ all: [] }, null as unknown as ParseJsonRulesEngineOptions)).toThrowErrorMatchingInlineSnapshot(`[TypeError: parseJsonRulesEngine requires options to be an object]`);
    expect(() => parseJsonRulesEngine({ all: [] }, { schema: { _zod: null } } as unknown as ParseJsonRulesEngineOptions)).toThrowErrorMatchingInlineSnapshot(`[TypeError: parseJsonRulesEngine requires schema to be a zod schema]`);
  });

  it("with the profile schema, refuses facts, operators and values that do not fit it, at the condition's path", () => {
    const schema = CustomerProfile;
    const fitting = { all: [{ fact: "behavior", path: "$.orderCount", operator: "greaterThanInclusive", value: 3 }, { fact: "tags", operator: "contains", value: "vip" }] };
    expect(parseJsonRulesEngine(fitting, { schema })).toEqual(parseJsonRulesEngine(fitting));
    const refused = (conditions: unknown, options: ParseJsonRulesEngineOptions = {}) => {
      const result = safeParseJsonRulesEngine(conditions, { ...options, schema });
      if (result.success) throw new Error("expected the conditions to be refused");
      return result.error.issues.map((issue) => [issue.code, issue.path, issue.message]);
    };
    expect(
      refused({
        any: [
          { fact: "geography", path: "$.city", operator: "contains", value: "burg" },
          { fact: "behavior", path: "$.ordercount", operator: "lessThan", value: 3 },
          { not: { fact: "demographics", path: "$.education", operator: "equal", value: "phd" } },
        ],
      }),
    ).toEqual([
      ["operator_type_mismatch", ["any", 0], 'op "hasAny" needs an array field, but "geography.city" is string (the translated condition, checked against the schema)'],
      ["unknown_field", ["any", 1], 'unknown field "behavior.ordercount" (the translated condition, checked against the schema)'],
      [
        "value_type_mismatch",
        ["any", 2, "not"],
        '"phd" is not one of the values of "demographics.education": "none", "primary", "secondary", "vocational", "bachelor", "master", "doctorate" (the translated condition, checked against the schema)',
      ],
    ]);
    // A shared condition is checked where it is written in.
    expect(refused({ all: [{ condition: "engaged" }] }, { conditions: { engaged: { all: [{ fact: "sessions", operator: "greaterThan", value: 3 }] } } })).toEqual([
      ["unknown_field", ["all", 0, "condition", "engaged", "all", 0], 'unknown field "sessions" (the translated condition, checked against the schema)'],
    ]);
  });
});

describe("parseJsonRulesEngine on the rule benchmark's conditions (seed 42, N = 100,000)", () => {
  const profiles = generateBenchProfiles(100_000, 42);
  const count = (rule: Rule) => profiles.reduce((total, profile) => total + (selectedBy(rule, profile) ? 1 : 0), 0);

  it.each(["R1", "R2", "R3", "R5"] as const)("%s: the SQL audience, which json-rules-engine also selects here", (name) => {
    const imported = parseJsonRulesEngine(jsonRulesEngineConditions[name]);
    expect(count(imported.rule)).toBe(expectedCounts[name]);
    expect(count(parseJsonRulesEngine(jsonRulesEngineConditions[name], { nulls: "json-rules-engine" }).rule)).toBe(expectedCounts[name]);
  });

  it("R5's `not` over `contains` is the one place where a missing tags list would be selected (every profile here has one)", () => {
    expect(parseJsonRulesEngine(jsonRulesEngineConditions.R5).warnings.map((warning) => [warning.path, warning.field])).toEqual([
      [["all", 4, "not", "any", 0], "tags"],
      [["all", 4, "not", "any", 1], "tags"],
    ]);
    for (const name of ["R1", "R2", "R3"] as const) expect(parseJsonRulesEngine(jsonRulesEngineConditions[name]).warnings, name).toEqual([]);
  });

  it("R4: json-rules-engine's 8,088 against SQL's 7,874 (customers without a country are not in \"not in\"), and the warning that explains it", () => {
    // R4's ratio is a dynamic fact of the engine; the profiles hold it as `averageOrderValue`.
    const conditions = JSON.parse(JSON.stringify(jsonRulesEngineConditions.R4).replace('"spendPerOrder"', '"averageOrderValue"')) as unknown;
    const sql = parseJsonRulesEngine(conditions);
    expect(sql.warnings.map((warning) => [warning.code, warning.path, warning.field])).toEqual([["null_selected", ["all", 4], "country"]]);
    expect(count(sql.rule)).toBe(expectedCounts.R4);
    expect(count(parseJsonRulesEngine(conditions, { nulls: "json-rules-engine" }).rule)).toBe(naiveCounts.R4);
  });

  it("agrees with json-rules-engine itself on the first 2,000 profiles of every rule", async () => {
    const sample = profiles.slice(0, 2_000) as unknown as Array<Record<string, unknown>>;
    for (const name of ["R1", "R2", "R3", "R5"] as const) {
      const { rule } = parseJsonRulesEngine(jsonRulesEngineConditions[name], { nulls: "json-rules-engine" });
      const engine = await selectedByEngine(jsonRulesEngineConditions[name], sample);
      expect(sample.map((profile) => selectedBy(rule, profile)), name).toEqual(engine);
    }
  });
});

// Property: random conditions over random profiles. Each field has one type, and a profile holds a
// value of that type, null, or nothing; `m` is an object (or null, or nothing) read through `path`.
const numbers = fc.constantFrom(-2, -1, 0, 0.5, 1, 2);
const texts = fc.constantFrom("a", "b", "ab");
const flags = fc.boolean();
const tagLists = fc.subarray(["a", "b", "c"]);
const profileArbitrary = slotProfiles({ n: slot(numbers), s: slot(texts), b: slot(flags), t: slot(tagLists), toString: slot(numbers), m: fc.oneof(slot(fc.record({ n: slot(numbers) })), fc.constant({})) });

type Scalar = "n" | "s" | "b" | "m" | "toString";
const literalOf: Readonly<Record<Scalar, fc.Arbitrary<string | number | boolean>>> = { n: numbers, s: texts, b: flags, m: numbers, toString: numbers };
const read = (field: Scalar) => (field === "m" ? { fact: "m", path: "$.n" } : { fact: field });
const leafArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(fc.constantFrom("equal", "notEqual"), fc.constantFrom("n", "s", "b", "m", "toString") as fc.Arbitrary<Scalar>)
    .chain(([operator, field]) => literalOf[field].map((value) => ({ ...read(field), operator, value }))),
  fc
    .tuple(fc.constantFrom("in", "notIn"), fc.constantFrom("n", "s", "m") as fc.Arbitrary<"n" | "s" | "m">)
    .chain(([operator, field]) => fc.array(literalOf[field], { maxLength: 3 }).map((value) => ({ ...read(field), operator, value }))),
  fc
    .tuple(fc.constantFrom("lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"), fc.constantFrom("n", "m", "toString") as fc.Arbitrary<"n" | "m" | "toString">, numbers)
    .map(([operator, field, value]) => ({ ...read(field), operator, value })),
  fc.tuple(fc.constantFrom("contains", "doesNotContain"), fc.constantFrom("a", "c")).map(([operator, value]) => ({ fact: "t", operator, value })),
);
// Shared conditions, one referring to the other, with a condition that selects missing values.
const sharedConditions = {
  lapsed: { any: [{ fact: "n", operator: "lessThan", value: 1 }, { not: { fact: "s", operator: "equal", value: "a" } }] },
  tagged: { all: [{ fact: "t", operator: "contains", value: "a" }, { condition: "lapsed" }] },
};
const conditionArbitrary = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArbitrary,
    fc.constantFrom({ condition: "lapsed" }, { condition: "tagged" }),
    fc.tuple(fc.constantFrom("all", "any"), fc.array(tie("node"), { maxLength: 3 })).map(([operator, operands]) => ({ [operator]: operands })),
    tie("node").map((operand) => ({ not: operand })),
  ),
})).node;
// json-rules-engine's root is all, any or not.
const rootArbitrary = fc.tuple(fc.constantFrom("all", "any", "not"), fc.array(conditionArbitrary, { minLength: 1, maxLength: 3 })).map(([operator, operands]) =>
  operator === "not" ? { not: operands[0] } : { [operator]: operands },
);

const presentEverywhere = (profile: Record<string, unknown>): boolean =>
  ["n", "s", "b", "t", "toString"].every((key) => Object.hasOwn(profile, key) && profile[key] !== null) &&
  typeof profile["m"] === "object" && profile["m"] !== null && (profile["m"] as { n?: unknown }).n !== undefined && (profile["m"] as { n?: unknown }).n !== null;

describe("parseJsonRulesEngine agrees with json-rules-engine (property)", () => {
  it('nulls: "json-rules-engine" selects exactly the profiles json-rules-engine selects; nulls: "sql" wherever no null_selected warning is reported', async () => {
    await fc.assert(
      fc.asyncProperty(rootArbitrary, fc.array(profileArbitrary, { minLength: 1, maxLength: 8 }), async (conditions, profiles) => {
        const engine = await selectedByEngine(conditions, profiles, sharedConditions);
        const kept = parseJsonRulesEngine(conditions, { nulls: "json-rules-engine", conditions: sharedConditions });
        const sql = parseJsonRulesEngine(conditions, { conditions: sharedConditions });
        const warned = sql.warnings.length > 0;
        profiles.forEach((profile, index) => {
          const context = JSON.stringify({ conditions, profile });
          expect(selectedBy(kept.rule, profile), context).toBe(engine[index]);
          if (!warned || presentEverywhere(profile)) expect(selectedBy(sql.rule, profile), context).toBe(engine[index]);
        });
      }),
      { numRuns: 800 },
    );
  });

  it("a schema that the conditions fit changes neither the rule nor the warnings", () => {
    const fieldSchema = z.object({
      n: z.number().nullish(),
      s: z.string().nullish(),
      b: z.boolean().nullish(),
      t: z.array(z.string()).nullish(),
      toString: z.number().nullish(),
      m: z.object({ n: z.number().nullish() }).nullish(),
    });
    fc.assert(
      fc.property(rootArbitrary, (conditions) => {
        expect(parseJsonRulesEngine(conditions, { conditions: sharedConditions, schema: fieldSchema })).toEqual(parseJsonRulesEngine(conditions, { conditions: sharedConditions }));
      }),
      { numRuns: 1_000 },
    );
  });

  it("a null_selected warning is never idle: json-rules-engine selects an empty profile that the rule does not", async () => {
    await fc.assert(
      fc.asyncProperty(leafArbitrary, fc.constantFrom("all", "any", "not"), async (leaf, root) => {
        const conditions = root === "not" ? { not: leaf } : { [root]: [leaf] };
        const { rule, warnings } = parseJsonRulesEngine(conditions);
        if (warnings.length === 0) return;
        const empty = warnings[0]?.field === "m.n" ? { m: {} } : {};
        expect(await selectedByEngine(conditions, [empty])).toEqual([true]);
        expect(selectedBy(rule, empty)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
