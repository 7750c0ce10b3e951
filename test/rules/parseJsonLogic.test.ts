/**
 * `parseJsonLogic` against json-logic-js 2.0.5 itself: every supported operator, the warnings and
 * guards for null and missing fields, the issues for what cannot be translated, the limits on hostile
 * documents, and the property that the imported rule selects exactly who json-logic-js selects.
 */
import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { slot, slotProfiles } from "./_slots.js";
import { evaluate, parseJsonLogic, parseRule, RuleError, safeParseJsonLogic } from "../../src/rules/index.js";
import type { ParseJsonLogicOptions, Rule } from "../../src/rules/index.js";
import { CustomerProfile } from "../../src/schema/index.js";
import { generateBenchProfiles } from "../../bench/rules/data.js";
import { expectedCounts, jsonLogicRules } from "../../bench/rules/rules.js";

// react-querybuilder's `jsonLogicAdditionalOperators`, which its JsonLogic export needs.
jsonLogic.add_operation("startsWith", (a: unknown, b: unknown) => typeof a === "string" && a.startsWith(b as string));
jsonLogic.add_operation("endsWith", (a: unknown, b: unknown) => typeof a === "string" && a.endsWith(b as string));

const asOf = new Date("2026-01-01T00:00:00Z");
const v = (field: string) => ({ var: field });
const selectedByJsonLogic = (logic: unknown, profile: unknown): boolean => jsonLogic.truthy(jsonLogic.apply(logic, profile));
const selectedBy = (rule: Rule, profile: unknown): boolean => evaluate(rule, profile, { asOf }) === true;

function issuesOf(logic: unknown, options?: ParseJsonLogicOptions) {
  const result = safeParseJsonLogic(logic, options);
  if (result.success) throw new Error(`expected ${JSON.stringify(logic)} to be refused`);
  expect(result.error).toBeInstanceOf(RuleError);
  return result.error.issues.map((issue) => [issue.code, issue.path]);
}

describe("parseJsonLogic: translation", () => {
  it("translates each supported operator", () => {
    const cases: ReadonlyArray<readonly [unknown, Rule]> = [
      [true, { op: "always" }],
      [false, { op: "never" }],
      [{ and: [] }, { op: "never" }],
      [{ or: [] }, { op: "never" }],
      [{ "==": [v("plan"), "pro"] }, { op: "eq", field: "plan", value: "pro" }],
      [{ "===": ["pro", v("plan")] }, { op: "eq", field: "plan", value: "pro" }],
      [{ "!==": [v("optIn"), false] }, { op: "ne", field: "optIn", value: false }],
      [{ "==": [v("income"), null] }, { op: "missing", field: "income" }],
      [{ "!=": [null, v("income")] }, { op: "exists", field: "income" }],
      [{ ">": [v("spend"), 500] }, { op: "gt", field: "spend", value: 500 }],
      [{ "<": [500, v("spend")] }, { op: "gt", field: "spend", value: 500 }],
      [{ ">=": [18, v("age")] }, { op: "lte", field: "age", value: 18 }],
      [{ "<=": [25, v("age"), 34] }, { op: "between", field: "age", min: 25, max: 34 }],
      [{ "<": [25, v("age"), 34] }, { op: "and", rules: [{ op: "gt", field: "age", value: 25 }, { op: "lt", field: "age", value: 34 }] }],
      [{ in: [v("country"), ["US", "CA"]] }, { op: "in", field: "country", values: ["US", "CA"] }],
      [{ in: [v("country"), []] }, { op: "in", field: "country", values: [] }],
      [{ in: [v("country"), [null]] }, { op: "missing", field: "country" }],
      [{ startsWith: [v("email"), "ann"] }, { op: "startsWith", field: "email", value: "ann" }],
      [{ endsWith: [v("email"), ".org"] }, { op: "endsWith", field: "email", value: ".org" }],
      [{ "!": { "==": [v("plan"), "pro"] } }, { op: "not", rule: { op: "eq", field: "plan", value: "pro" } }],
      [{ "!!": [{ "==": [v("plan"), "pro"] }] }, { op: "eq", field: "plan", value: "pro" }],
      [{ missing: ["a", "b.c"] }, { op: "or", rules: [{ op: "missing", field: "a" }, { op: "missing", field: "b.c" }] }],
      [{ missing: [["a"]] }, { op: "missing", field: "a" }],
      [{ missing: "a" }, { op: "missing", field: "a" }],
      [{ var: "optIn" }, { op: "eq", field: "optIn", value: true }],
      [{ var: ["behavior.optIn"] }, { op: "eq", field: "behavior.optIn", value: true }],
    ];
    for (const [logic, rule] of cases) expect(parseJsonLogic(logic).rule, JSON.stringify(logic)).toEqual(rule);
  });

  it("reads back what toJsonLogic writes for startsWith, endsWith and hasAny of several values", () => {
    expect(parseJsonLogic({ "===": [{ substr: [v("email"), 0, 3] }, "ann"] }).rule).toEqual({ op: "startsWith", field: "email", value: "ann" });
    expect(parseJsonLogic({ "==": [".org", { substr: [v("email"), -4] }] }).rule).toEqual({ op: "endsWith", field: "email", value: ".org" });
    expect(parseJsonLogic({ "!==": [{ substr: [v("email"), 0, 3] }, "ann"] }).rule).toEqual({ op: "not", rule: { op: "startsWith", field: "email", value: "ann" } });
    expect(parseJsonLogic({ some: [v("tags"), { in: [{ var: "" }, ["vip", "loyal"]] }] }, { arrayFields: ["tags"] }).rule).toEqual({ op: "hasAny", field: "tags", values: ["vip", "loyal"] });
    // json-logic-js's substr reads null as the text "null": a prefix of it selects missing values.
    const { warnings } = parseJsonLogic({ "===": [{ substr: [v("name"), 0, 2] }, "nu"] });
    expect(warnings.map((warning) => [warning.code, warning.path])).toEqual([["null_selected", ["==="]]]);
    expect(parseJsonLogic({ "===": [{ substr: [v("name"), 0, 2] }, "an"] }).warnings).toEqual([]);
    // `some` reads its `in` as an own key, once, and a long one is refused before it is read.
    expect(issuesOf({ some: [v("t"), { in: new Array(2 ** 32 - 1) }] }, { arrayFields: ["t"] })).toEqual([["unsupported_logic", ["some"]]]);
    expect(issuesOf({ some: [v("t"), { in: [{ var: "" }, new Array(1e9)] }] }, { arrayFields: ["t"] })).toEqual([["list_too_long", ["some", 1, "in", 1]]]);
    const inherited = Object.assign(Object.create({ in: [{ var: "" }, ["a"]] }) as object, { x: 1 });
    expect(issuesOf({ some: [v("t"), inherited] }, { arrayFields: ["t"] })).toEqual([["unsupported_logic", ["some"]]]);
  });

  it("reads `in` on a field as text unless the field is listed in arrayFields", () => {
    const logic = { in: ["vip", v("tags")] };
    expect(parseJsonLogic(logic)).toEqual({
      rule: { op: "contains", field: "tags", value: "vip" },
      warnings: [{ code: "text_or_array", path: ["in"], field: "tags", message: '"in" was read as "tags" contains the text "vip"; list the field in arrayFields if it holds an array' }],
    });
    expect(parseJsonLogic(logic, { arrayFields: ["tags"] })).toEqual({ rule: { op: "hasAny", field: "tags", values: ["vip"] }, warnings: [] });
    expect(parseJsonLogic({ in: [3, v("scores")] }, { arrayFields: ["scores"] }).rule).toEqual({ op: "hasAny", field: "scores", values: [3] });
    // json-logic-js's text.indexOf reads a number as its text, and finds "" in every text but "".
    expect(parseJsonLogic({ in: [123, v("sku")] }).rule).toEqual({ op: "contains", field: "sku", value: "123" });
    expect(parseJsonLogic({ in: ["", v("sku")] }).rule).toEqual({ op: "ne", field: "sku", value: "" });
  });

  it("reads an array field only with `in` and null tests", () => {
    const options = { arrayFields: ["tags"] };
    expect(parseJsonLogic({ and: [{ "!=": [v("tags"), null] }, { missing: ["tags"] }, { in: ["a", v("tags")] }] }, options).rule).toEqual({
      op: "and",
      rules: [{ op: "exists", field: "tags" }, { op: "missing", field: "tags" }, { op: "hasAny", field: "tags", values: ["a"] }],
    });
    const refused = [{ "!=": [v("tags"), "b"] }, { in: [v("tags"), ["a"]] }, { startsWith: [v("tags"), "a"] }, { var: "tags" }, { "<": [v("tags"), "b"] }, { "<=": ["a", v("tags"), "b"] }];
    for (const logic of refused) expect(issuesOf(logic, options)[0]?.[0], JSON.stringify(logic)).toBe("invalid_value");
  });

  it("refuses paths json-logic-js reads differently, and warns about indexes", () => {
    expect(issuesOf({ "==": [v("toString"), null] })).toEqual([["unsupported_logic", ["==", 0, "var"]]]);
    expect(issuesOf({ missing: ["profile.valueOf"] })).toEqual([["unsupported_logic", ["missing", 0]]]);
    expect(parseJsonLogic({ "===": [v("tags.0"), "x"] }).warnings.map((warning) => [warning.code, warning.path])).toEqual([["indexed_path", ["===", 0, "var"]]]);
    expect(parseJsonLogic({ "===": [v("name.length"), 3] }).warnings.map((warning) => warning.code)).toEqual(["indexed_path"]);
    expect(parseJsonLogic({ "===": [v("length"), 3] }).warnings).toEqual([]);
    // Warnings come in document order, a node before its operands.
    expect(parseJsonLogic({ "==": ["30", v("tags.0")] }).warnings.map((warning) => [warning.code, warning.path])).toEqual([
      ["numeric_text", ["==", 0]],
      ["indexed_path", ["==", 1, "var"]],
    ]);
  });

  it("warns where JsonLogic reads a text as a number", () => {
    const codes = (logic: unknown) => parseJsonLogic(logic).warnings.map((warning) => [warning.code, warning.path]);
    expect(codes({ "<": [v("age"), "30"] })).toEqual([["null_selected", ["<"]], ["numeric_text", ["<", 1]]]);
    expect(codes({ ">=": [v("age"), ""] })).toEqual([["null_selected", [">="]], ["numeric_text", [">=", 1]]]);
    expect(codes({ "<": [v("age"), "Infinity"] })).toEqual([["null_selected", ["<"]], ["numeric_text", ["<", 1]]]);
    expect(codes({ "<": [v("name"), "Ann"] })).toEqual([]);
    expect(codes({ "==": [" 1e3 ", v("age")] })).toEqual([["numeric_text", ["==", 0]]]);
    expect(codes({ "<=": ["18", v("age"), "65"] })).toEqual([["numeric_text", ["<=", 0]]]);
    expect(codes({ "===": [v("age"), "30"] })).toEqual([]);
    expect(codes({ in: [v("age"), ["30"]] })).toEqual([]);
    expect(codes({ "==": [v("zip"), ""] })).toEqual([]);
    expect(parseJsonLogic({ "<": [v("age"), "30"] }).warnings[1]?.message).toBe(
      'JsonLogic compares the text "30" with a number as 30; the rule compares text with text only: write 30, or pass the profile schema, if "age" holds numbers',
    );
  });

  it("warns where JsonLogic selects null or missing fields, and guards them with nulls: \"jsonlogic\"", () => {
    // null < 30 is 0 < 30 in JavaScript: JsonLogic's "bought in the last 30 days" includes never-purchased customers.
    const recent = { "<=": [v("lastPurchaseDaysAgo"), 30] };
    expect(parseJsonLogic(recent).warnings).toEqual([
      {
        code: "null_selected",
        path: ["<="],
        field: "lastPurchaseDaysAgo",
        message: 'JsonLogic selects profiles whose "lastPurchaseDaysAgo" is null or missing here (null <= 30 is true in JavaScript); the rule does not, as in SQL',
      },
    ]);
    expect(parseJsonLogic(recent, { nulls: "jsonlogic" })).toEqual({
      rule: { op: "or", rules: [{ op: "missing", field: "lastPurchaseDaysAgo" }, { op: "lte", field: "lastPurchaseDaysAgo", value: 30 }] },
      warnings: [],
    });
    // null > 30 is false, so only a negation selects the null field.
    expect(parseJsonLogic({ ">": [v("days"), 30] }).warnings).toEqual([]);
    expect(parseJsonLogic({ "!": [{ ">": [v("days"), 30] }] }).warnings.map((warning) => warning.path)).toEqual([["!", 0, ">"]]);
    expect(parseJsonLogic({ "!": { ">": [v("days"), 30] } }, { nulls: "jsonlogic" }).rule).toEqual({
      op: "not",
      rule: { op: "and", rules: [{ op: "exists", field: "days" }, { op: "gt", field: "days", value: 30 }] },
    });
    // != selects a missing country; a null in an `in` list selects one too.
    expect(parseJsonLogic({ "!=": [v("country"), "US"] }, { nulls: "jsonlogic" }).rule).toEqual({
      op: "or",
      rules: [{ op: "missing", field: "country" }, { op: "ne", field: "country", value: "US" }],
    });
    expect(parseJsonLogic({ in: [v("country"), ["US", null]] }, { nulls: "jsonlogic" }).rule).toEqual({
      op: "or",
      rules: [{ op: "missing", field: "country" }, { op: "in", field: "country", values: ["US"] }],
    });
    // Another condition of the same `and` that JsonLogic makes false for a null field keeps nulls out already.
    for (const sibling of [{ "!=": [v("days"), null] }, { ">": [v("days"), 10] }, { in: [v("days"), [1, 2]] }]) {
      const logic = { and: [{ "<": [v("days"), 30] }, sibling] };
      expect(parseJsonLogic(logic).warnings, JSON.stringify(sibling)).toEqual([]);
      expect(parseJsonLogic(logic, { nulls: "jsonlogic" }).rule, JSON.stringify(sibling)).toEqual(parseJsonLogic(logic).rule);
    }
    expect(parseJsonLogic({ or: [{ "<": [v("days"), 30] }, { ">": [v("days"), 10] }] }).warnings.map((warning) => warning.path)).toEqual([["or", 0, "<"]]);
    expect(parseJsonLogic({ and: [{ "<": [v("days"), 30] }, { ">": [v("other"), 10] }] }).warnings.map((warning) => warning.path)).toEqual([["and", 0, "<"]]);
    // "a" < null < "z" is false (null becomes 0, "a" becomes NaN): no warning, no guard.
    expect(parseJsonLogic({ "<": ["a", v("name"), "z"] })).toEqual({
      rule: { op: "and", rules: [{ op: "gt", field: "name", value: "a" }, { op: "lt", field: "name", value: "z" }] },
      warnings: [],
    });
  });

  it("warns about truthiness and JsonLogic's empty-text missing", () => {
    expect(parseJsonLogic({ var: "optIn" }).warnings.map((warning) => [warning.code, warning.path])).toEqual([["truthiness", []]]);
    expect(parseJsonLogic({ missing: [["a", "b"]] }).warnings.map((warning) => [warning.code, warning.path])).toEqual([
      ["empty_text", ["missing", 0, 0]],
      ["empty_text", ["missing", 0, 1]],
    ]);
  });

  it("returns a fresh rule that parseRule accepts", () => {
    const values = ["US", "CA"];
    const { rule } = parseJsonLogic({ in: [v("country"), values] });
    expect(parseRule(rule)).toEqual(rule);
    values.push("MX");
    expect(rule).toEqual({ op: "in", field: "country", values: ["US", "CA"] });
  });
});

describe("parseJsonLogic: what it refuses", () => {
  it("refuses a translation larger than the evaluators accept, when the limits are raised (review)", () => {
    const logic = { or: Array.from({ length: 40_000 }, (_, index) => ({ "<": [v("n"), index] })) };
    expect(issuesOf(logic, { nulls: "jsonlogic", maxNodes: 1_000_000, maxListLength: 1_000_000 })).toEqual([["too_many_nodes", []]]);
  });


  it("names the untranslatable construct and where it is", () => {
    expect(issuesOf({ and: [{ ">": [v("a"), 1] }, { ">=": [{ "/": [v("spend"), v("orders")] }, 150] }] })).toEqual([["unsupported_logic", ["and", 1, ">=", 0]]]);
    expect(issuesOf({ if: [true, true, false] })).toEqual([["unsupported_logic", ["if"]]]);
    expect(issuesOf({ some: [v("tags"), { "==": [v(""), "vip"] }] })).toEqual([["unsupported_logic", ["some"]]]);
    expect(issuesOf({ some: [v("tags"), { in: [{ var: "" }, ["vip"]] }] })).toEqual([["invalid_value", ["some"]]]);
    expect(issuesOf({ some: [v("tags"), { in: [{ var: "" }, ["vip", null]] }] }, { arrayFields: ["tags"] })).toEqual([["unsupported_logic", ["some", 1, "in", 1]]]);
    expect(issuesOf({ "===": [{ substr: [v("name"), 0, 3] }, "an"] })).toEqual([["unsupported_logic", ["===", 0, "substr"]]]);
    expect(issuesOf({ "===": [{ substr: [v("name"), 1, 2] }, "an"] })).toEqual([["unsupported_logic", ["===", 0, "substr"]]]);
    expect(issuesOf({ "===": [{ substr: [v("name"), -2, 1] }, "an"] })).toEqual([["unsupported_logic", ["===", 0, "substr"]]]);
    expect(issuesOf({ "===": [{ substr: [v("name"), 0, 1] }, 5] })).toEqual([["unsupported_logic", ["===", 1]]]);
    expect(issuesOf({ "===": [{ substr: ["ann", 0, 1] }, "a"] })).toEqual([["unsupported_logic", ["===", 0, "substr"]]]);
    expect(issuesOf({ "==": [v("a"), v("b")] })).toEqual([["unsupported_logic", ["=="]]]);
    expect(issuesOf({ "==": [1, 1] })).toEqual([["unsupported_logic", ["=="]]]);
    expect(issuesOf({ "==": [{ var: ["a", 0] }, 1] })).toEqual([["unsupported_logic", ["==", 0, "var"]]]);
    expect(issuesOf({ "<": [{ var: "a" }, 1, { var: "b" }] })).toEqual([["unsupported_logic", ["<"]]]);
    expect(issuesOf({ "<": [1, { var: "a" }, { var: "b" }] })).toEqual([["unsupported_logic", ["<", 2]]]);
    expect(issuesOf({ in: [v("a"), v("b")] })).toEqual([["unsupported_logic", ["in"]]]);
    expect(issuesOf({ xor: [true, false] })).toEqual([["unknown_op", ["xor"]]]);
  });

  it("refuses shapes and values it cannot read, with every issue", () => {
    expect(issuesOf({ and: [3, { a: 1, b: 2 }, null, { ">": [v("a"), 1, 2] }, { "<": [v("a"), true] }, { "<": [v("a"), null] }] })).toEqual([
      ["invalid_type", ["and", 0]],
      ["invalid_type", ["and", 1]],
      ["invalid_type", ["and", 2]],
      ["invalid_value", ["and", 3, ">"]],
      ["invalid_value", ["and", 4, "<", 1]],
      ["invalid_value", ["and", 5, "<", 1]],
    ]);
    expect(issuesOf({ "<=": [10, v("a"), 5] })).toEqual([["invalid_range", ["<="]]]);
    expect(issuesOf({ "<=": [1, v("a"), "z"] })).toEqual([["invalid_value", ["<="]]]);
    expect(issuesOf({ in: [v("a"), ["x", 1]] })).toEqual([["invalid_value", ["in", 1]]]);
    expect(issuesOf({ in: [v("a"), [{ b: 1 }]] })).toEqual([["unsupported_logic", ["in", 1, 0]]]);
    expect(issuesOf({ in: [v("a"), [[1]]] })).toEqual([["invalid_value", ["in", 1, 0]]]);
    expect(issuesOf({ "!": [] })).toEqual([["invalid_value", ["!"]]]);
    expect(issuesOf({ missing: [] })).toEqual([["invalid_value", ["missing"]]]);
    expect(issuesOf({ in: [null, v("a")] })).toEqual([["invalid_value", ["in", 0]]]);
    expect(issuesOf({ missing: [3] })).toEqual([["invalid_type", ["missing", 0]]]);
    expect(issuesOf({ missing: [1, "__proto__", "toString"] })).toEqual([
      ["invalid_type", ["missing", 0]],
      ["forbidden_path", ["missing", 1]],
      ["unsupported_logic", ["missing", 2]],
    ]);
    expect(issuesOf({ "==": [v("a"), Number.NaN] })).toEqual([["non_finite_number", ["==", 1]]]);
    expect(issuesOf({ startsWith: [v("a"), 1] })).toEqual([["invalid_value", ["startsWith", 1]]]);
  });

  it("refuses prototype paths and keys without reading them", () => {
    expect(issuesOf({ "==": [v("__proto__.polluted"), 1] })).toEqual([["forbidden_path", ["==", 0, "var"]]]);
    expect(issuesOf({ "==": [v(""), 1] })).toEqual([["invalid_path", ["==", 0, "var"]]]);
    expect(issuesOf({ var: ["a..b"] })).toEqual([["invalid_path", ["var", 0]]]);
    expect(issuesOf({ missing: ["__proto__"] })).toEqual([["forbidden_path", ["missing", 0]]]);
    expect(issuesOf(JSON.parse('{"__proto__": [{"var": "a"}, 1]}'))).toEqual([["unknown_op", ["__proto__"]]]);
    expect(issuesOf(JSON.parse('{"in": [{"var": "a"}, {"__proto__": 1}]}'))).toEqual([["unsupported_logic", ["in"]]]);
    const inherited = Object.create({ "==": [v("a"), 1] }) as object;
    expect(issuesOf(inherited)).toEqual([["invalid_type", []]]);
  });

  it("reads sparse lists as their items, and judges a negated or as the conjunction it is", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(issuesOf({ and: [true, , false] })).toEqual([["invalid_type", ["and", 1]]]);
    const growing = (first: string) => {
      const list = [first];
      Object.defineProperty(list, 0, { get: () => (list.push("b", "c", "d"), first), enumerable: true });
      return list;
    };
    expect(parseJsonLogic({ in: [v("x"), growing("a")] }, { maxListLength: 2 }).rule).toEqual({ op: "in", field: "x", values: ["a"] });
    expect(parseJsonLogic({ missing: [growing("a")] }, { maxListLength: 2 }).rule).toEqual({ op: "missing", field: "a" });
    expect(parseJsonLogic({ "!": { or: [{ "!=": [v("x"), 5] }, { "==": [v("x"), 3] }] } }).warnings).toEqual([]);
    // A negated leaf in an `and` (react-querybuilder's "does not contain") waits for its siblings too.
    const doesNotContain = { "!": { in: ["a", v("x")] } };
    const nullSelected = (logic: unknown) => parseJsonLogic(logic).warnings.filter((warning) => warning.code === "null_selected").map((warning) => warning.path);
    expect(nullSelected({ and: [{ "!=": [v("x"), null] }, doesNotContain] })).toEqual([]);
    expect(nullSelected({ and: [doesNotContain] })).toEqual([["and", 0, "!", "in"]]);
    expect(parseJsonLogic({ and: [doesNotContain] }, { nulls: "jsonlogic" }).rule).toEqual({
      op: "and",
      rules: [{ op: "not", rule: { op: "and", rules: [{ op: "exists", field: "x" }, { op: "contains", field: "x", value: "a" }] } }],
    });
    expect(parseJsonLogic({ "!": { or: [{ "==": [v("x"), 3] }] } }).warnings.map((warning) => warning.path)).toEqual([["!", "or", 0, "=="]]);
  });

  it("stops hostile documents at the limits, without a stack overflow", () => {
    let deep: unknown = { "==": [v("a"), 1] };
    for (let level = 0; level < 100_000; level += 1) deep = { "!": deep };
    const issues = issuesOf(deep);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.[0]).toBe("too_deep");
    expect(issues[0]?.[1]).toHaveLength(32);
    // The guard of a leaf at the deepest level would nest one level further.
    let nested: unknown = { "<=": [v("days"), 30] };
    for (let level = 1; level < 32; level += 1) nested = { and: [nested] };
    expect(parseJsonLogic(nested).warnings).toHaveLength(1);
    expect(issuesOf(nested, { nulls: "jsonlogic" })[0]?.[0]).toBe("too_deep");
    expect(issuesOf({ or: Array.from({ length: 20 }, () => true) }, { maxNodes: 10 })).toEqual([["too_many_nodes", ["or", 9]]]);
    expect(issuesOf({ or: [true, true, true] }, { maxListLength: 2 })).toEqual([["list_too_long", ["or"]]]);
    expect(issuesOf({ in: [v("a"), [1, 2, 3]] }, { maxListLength: 2 })).toEqual([["list_too_long", ["in", 1]]]);
    expect(issuesOf({ "==": [v("a"), "x".repeat(11)] }, { maxStringLength: 10 })).toEqual([["string_too_long", ["==", 1]]]);
    expect(issuesOf({ "==": [v("a".repeat(11)), 1] }, { maxStringLength: 10 })).toEqual([["string_too_long", ["==", 0, "var"]]]);
    // `missing` of several fields is an `or` of one node per field: one level and n nodes more.
    expect(issuesOf({ missing: ["a", "b"] }, { maxDepth: 1 })).toEqual([["too_deep", ["missing"]]]);
    expect(parseJsonLogic({ missing: ["a"] }, { maxDepth: 1 }).rule).toEqual({ op: "missing", field: "a" });
    expect(issuesOf({ missing: ["a", "b", "c"] }, { maxNodes: 3 })).toEqual([["too_many_nodes", ["missing"]]]);
    expect(issuesOf({ missing: ["a", "b", "c"] }, { maxListLength: 2 })).toEqual([["list_too_long", ["missing"]]]);
    expect(issuesOf({ missing: [["a", "b", "c"]] }, { maxListLength: 2 })).toEqual([["list_too_long", ["missing", 0]]]);
    // What the translation adds must fit the limits too: a guard or an exclusive range is a list of
    // two rules, a number found in a text becomes that text.
    expect(issuesOf({ "<": [1, v("x"), 3] }, { maxListLength: 1 })).toEqual([["list_too_long", ["<"]]]);
    expect(issuesOf({ "<": [v("x"), 3] }, { maxListLength: 1, nulls: "jsonlogic" })).toEqual([["list_too_long", ["<"]]]);
    expect(parseJsonLogic({ "<": [v("x"), 3] }, { maxListLength: 1 }).rule).toEqual({ op: "lt", field: "x", value: 3 });
    expect(issuesOf({ in: [1e21, v("s")] }, { maxStringLength: 3 })).toEqual([["string_too_long", ["in", 0]]]);
    const names = Array.from({ length: 10_000 }, (_, index) => `f${index}`);
    expect(issuesOf({ and: Array.from({ length: 6 }, () => ({ missing: names })) })).toEqual([["too_many_nodes", ["and", 0, "missing"]]]);
  });

  it("throws a RuleError with the house message, and rejects invalid options", () => {
    expect(() => parseJsonLogic({ and: [true, { "+": [1, 2] }] })).toThrowErrorMatchingInlineSnapshot(
      `[RuleError: parseJsonLogic found 1 issue: JsonLogic "+" has no exact segmentkit equivalent at and[1].+]`,
    );
    expect(() => parseJsonLogic(true, { nulls: "js" as "sql" })).toThrowErrorMatchingInlineSnapshot(`[TypeError: parseJsonLogic requires nulls to be "sql" or "jsonlogic"]`);
    expect(() => parseJsonLogic(true, { arrayFields: "tags" as unknown as string[] })).toThrowErrorMatchingInlineSnapshot(
      `[TypeError: parseJsonLogic requires arrayFields to be an array of strings]`,
    );
    expect(() => parseJsonLogic(true, { maxDepth: 0 })).toThrowErrorMatchingInlineSnapshot(`[RangeError: parseJsonLogic requires maxDepth to be an integer from 1 to 1000]`);
    expect(() => safeParseJsonLogic(true, null as unknown as ParseJsonLogicOptions)).toThrowErrorMatchingInlineSnapshot(`[TypeError: parseJsonLogic requires options to be an object]`);
    expect(() => parseJsonLogic(true, { schema: {} } as unknown as ParseJsonLogicOptions)).toThrowErrorMatchingInlineSnapshot(`[TypeError: parseJsonLogic requires schema to be a zod schema]`);
  });
});

describe("parseJsonLogic with the profile schema", () => {
  const schema = CustomerProfile;
  const withSchema = (logic: unknown) => parseJsonLogic(logic, { schema });
  const codes = (logic: unknown) => withSchema(logic).warnings.map((warning) => [warning.code, warning.path]);

  it("reads numeric texts as JsonLogic does where the field holds numbers, and arrays where it holds arrays", () => {
    // react-querybuilder without parseNumbers: every value is text.
    expect(withSchema({ and: [{ ">=": [v("behavior.orderCount"), "3"] }, { "==": [v("demographics.age"), " 1e1 "] }, { in: ["vip", v("tags")] }] })).toEqual({
      rule: {
        op: "and",
        rules: [
          { op: "gte", field: "behavior.orderCount", value: 3 },
          { op: "eq", field: "demographics.age", value: 10 },
          { op: "hasAny", field: "tags", values: ["vip"] },
        ],
      },
      warnings: [],
    });
    // The ordering operators read "" as 0; a range's texts are compared as numbers ("5" is above "10" as text).
    expect(withSchema({ "<": ["", v("behavior.totalSpend")] }).rule).toEqual({ op: "gt", field: "behavior.totalSpend", value: 0 });
    expect(withSchema({ "<=": ["5", v("demographics.age"), "10"] }).rule).toEqual({ op: "between", field: "demographics.age", min: 5, max: 10 });
    expect(withSchema({ "<": [4, v("demographics.age"), "10"] }).rule).toEqual({
      op: "and",
      rules: [{ op: "gt", field: "demographics.age", value: 4 }, { op: "lt", field: "demographics.age", value: 10 }],
    });
    // Texts stay texts where the field holds texts, with no warning: JsonLogic compares text with text there.
    expect(withSchema({ "<": [v("geography.country"), "30"] }).rule).toEqual({ op: "lt", field: "geography.country", value: "30" });
    expect(codes({ "<": [v("geography.country"), ""] })).toEqual([]);
    expect(codes({ "<": [v("geography.country"), "30"] })).toEqual([["null_selected", ["<"]]]);
    expect(parseJsonLogic({ "<": [v("geography.country"), "30"] }).warnings.map((warning) => warning.code)).toEqual(["null_selected", "numeric_text"]);
  });

  it("reads dates compared with dates as JsonLogic orders the texts, with a date_text warning", () => {
    const field = "behavior.lastPurchaseAt";
    const rule = (logic: unknown) => withSchema(logic).rule;
    // An instant as JSON writes it sorts in time order.
    expect(rule({ "<": [v(field), "2024-01-01T10:00:00.000Z"] })).toEqual({ op: "before", field, date: "2024-01-01T10:00:00.000Z" });
    expect(rule({ "<=": [v(field), "2024-01-01T10:00:00.000Z"] })).toEqual({ op: "not", rule: { op: "after", field, date: "2024-01-01T10:00:00.000Z" } });
    // A date sorts before every instant of its day: "<=" a date is before its midnight, ">" a date from its midnight on.
    expect(rule({ "<=": [v(field), "2024-01-01"] })).toEqual({ op: "before", field, date: "2024-01-01" });
    expect(rule({ "<": ["2024-01-01", v(field)] })).toEqual({ op: "not", rule: { op: "before", field, date: "2024-01-01" } });
    expect(rule({ "<=": ["2024-01-01", v(field), "2024-01-31"] })).toEqual({
      op: "and",
      rules: [{ op: "not", rule: { op: "before", field, date: "2024-01-01" } }, { op: "before", field, date: "2024-01-31" }],
    });
    expect(codes({ "<": [v(field), "2024-01-01"] })).toEqual([["date_text", ["<"]]]);
    // JsonLogic's null < "2024-01-01" is false, so only a negation selects a missing date.
    expect(codes({ "!": { "<": [v(field), "2024-01-01"] } })).toEqual([["date_text", ["!", "<"]], ["null_selected", ["!", "<"]]]);
  });

  it("leaves out the warnings that the field's type settles", () => {
    // "in" on a text field is contains; a bare boolean is exactly "is true"; a number is never "".
    expect(withSchema({ in: ["burg", v("geography.city")] })).toEqual({ rule: { op: "contains", field: "geography.city", value: "burg" }, warnings: [] });
    expect(parseJsonLogic({ in: ["burg", v("geography.city")] }).warnings.map((warning) => warning.code)).toEqual(["text_or_array"]);
    expect(codes(v("consent.doNotSell"))).toEqual([]);
    expect(codes({ missing: ["behavior.orderCount", "geography.city"] })).toEqual([["empty_text", ["missing", 1]]]);
  });

  it("refuses what does not fit the schema, at the condition's path", () => {
    const refused = (logic: unknown) => issuesOf(logic, { schema });
    expect(refused({ and: [{ ">": [v("behavior.ordercount"), 3] }, { missing: ["emial"] }] })).toEqual([
      ["unknown_field", ["and", 0, ">"]],
      ["unknown_field", ["and", 1, "missing", 0]],
    ]);
    expect(refused({ "<": [v("behavior.lastPurchaseAt"), 20240101] })).toEqual([["operator_type_mismatch", ["<"]]]);
    expect(refused({ "==": [v("behavior.lastPurchaseAt"), "2024-01-01"] })).toEqual([["operator_type_mismatch", ["=="]]]);
    // JsonLogic orders dates as text: only a date or an instant as JSON writes it sorts in time order.
    expect(refused({ and: [{ "<": [v("behavior.lastPurchaseAt"), "2024-01-01T10:00:00Z"] }, { ">": [v("behavior.lastPurchaseAt"), "2024-02-30"] }] })).toEqual([
      ["unsupported_logic", ["and", 0, "<", 1]],
      ["unsupported_logic", ["and", 1, ">", 1]],
    ]);
    expect(refused({ "<=": ["2024-02-01", v("behavior.lastPurchaseAt"), "2024-01-01"] })).toEqual([["invalid_range", ["<="]]]);
    // Days and months that do not exist are refused, not thrown (review: "2024-13-01" threw a RangeError).
    expect(refused({ or: [{ ">": [v("behavior.lastPurchaseAt"), "2024-13-01"] }, { "<": ["2024-01-32", v("behavior.lastPurchaseAt"), "2024-02-01"] }] })).toEqual([
      ["unsupported_logic", ["or", 0, ">", 1]],
      ["unsupported_logic", ["or", 1, "<", 0]],
    ]);
    // A date field listed in arrayFields is read as an array, as any field listed there.
    expect(issuesOf({ "<": [v("behavior.lastPurchaseAt"), "2024-01-01"] }, { schema, arrayFields: ["behavior.lastPurchaseAt"] })).toEqual([["invalid_value", ["<"]]]);
    // Strict equality and in-lists never read a text as a number: JsonLogic finds no number equal to "3".
    expect(refused({ "===": [v("behavior.orderCount"), "3"] })).toEqual([["value_type_mismatch", ["==="]]]);
    expect(refused({ in: [v("behavior.orderCount"), ["1", "2"]] })).toEqual([["value_type_mismatch", ["in"]], ["value_type_mismatch", ["in"]]]);
    expect(refused({ "==": [v("behavior.orderCount"), "three"] })).toEqual([["value_type_mismatch", ["=="]]]);
    expect(refused({ "<": [v("behavior.orderCount"), "1e999"] })).toEqual([["non_finite_number", ["<", 1]]]);
    expect(refused({ in: ["vip", v("geography.city.0")] })).toEqual([["unknown_field", ["in"]]]);
    expect(refused({ "==": [v("tags"), "vip"] })).toEqual([["invalid_value", ["=="]]]);
    // An exclusive range is two comparisons, reported once.
    expect(refused({ "<": [1, v("behavior.ordercount"), 5] })).toEqual([["unknown_field", ["<"]]]);
    // The schema says which warnings remain, and the numeric_text message no longer suggests it.
    const loose = z.object({ x: z.union([z.number(), z.string()]).nullish(), tier: z.enum(["gold", "silver"]).nullish() });
    expect(parseJsonLogic({ "==": [v("x"), "30"] }, { schema: loose }).warnings[0]?.message).toBe(
      'JsonLogic compares the text "30" with a number as 30; the rule compares text with text only: write 30 if "x" holds numbers',
    );
    expect(parseJsonLogic({ missing: ["x", "tier"] }, { schema: loose }).warnings.map((warning) => warning.path)).toEqual([["missing", 0]]);
    expect(() => parseJsonLogic(true, { schema: { _zod: { def: null } } } as unknown as ParseJsonLogicOptions)).toThrow("parseJsonLogic requires schema to be a zod schema");
    const dated = safeParseJsonLogic({ "<": [v("behavior.lastPurchaseAt"), 20240101] }, { schema });
    expect(dated.success ? undefined : dated.error.issues[0]?.message).toBe(
      'op "lt" needs a number or string field, but "behavior.lastPurchaseAt" is date: compare dates with withinLast, before or after (the translated condition, checked against the schema)',
    );
  });
});

describe("parseJsonLogic on the rule benchmark's JsonLogic (seed 42, N = 100,000)", () => {
  const profiles = generateBenchProfiles(100_000, 42);
  const count = (select: (profile: unknown) => boolean) => profiles.reduce((total, profile) => total + (select(profile) ? 1 : 0), 0);

  it.each(["R1", "R2", "R3", "R5"] as const)("%s: the SQL audience by default, json-logic-js's audience with nulls: \"jsonlogic\"", (name) => {
    const logic = jsonLogicRules[name];
    const sql = parseJsonLogic(logic, { arrayFields: ["tags"] });
    const kept = parseJsonLogic(logic, { arrayFields: ["tags"], nulls: "jsonlogic" });
    expect(count((profile) => selectedBy(sql.rule, profile))).toBe(expectedCounts[name]);
    expect(count((profile) => selectedBy(kept.rule, profile))).toBe(count((profile) => selectedByJsonLogic(logic, profile)));
  });

  it("R3: JsonLogic's 3,012 against SQL's 1,207, and the warning that explains it", () => {
    const sql = parseJsonLogic(jsonLogicRules.R3, { arrayFields: ["tags"] });
    expect(sql.warnings.map((warning) => [warning.code, warning.path])).toEqual([["null_selected", ["and", 2, "<="]]]);
    expect(count((profile) => selectedByJsonLogic(jsonLogicRules.R3, profile))).toBe(3_012);
    expect(count((profile) => selectedBy(parseJsonLogic(jsonLogicRules.R3, { arrayFields: ["tags"], nulls: "jsonlogic" }).rule, profile))).toBe(3_012);
  });

  it("R4 divides two fields, which has no rule equivalent", () => {
    expect(issuesOf(jsonLogicRules.R4, { arrayFields: ["tags"] })).toEqual([["unsupported_logic", ["and", 2, "or", 1, ">=", 0]]]);
  });
});

// Property: random JsonLogic over random profiles. Each field has one type, and a profile holds a
// value of that type, null, or nothing. `s` never holds "" (JsonLogic's `missing` counts it, the
// documented `empty_text` difference); `u` is a text field that may, and that `missing` never tests.
const numbers = fc.constantFrom(-2, -1, 0, 0.5, 1, 2);
const texts = fc.constantFrom("a", "b", "ab", "ba", "null");
const textsWithEmpty = fc.constantFrom("", "a", "ab");
const flags = fc.boolean();
const tagLists = fc.subarray(["a", "b", "c"]);
type ScalarField = "n" | "s" | "u" | "b" | "m.n";
const textLiterals = fc.constantFrom("a", "b", "ab", "");
const literalOf: Readonly<Record<ScalarField, fc.Arbitrary<string | number | boolean>>> = { n: numbers, s: textLiterals, u: textLiterals, b: flags, "m.n": numbers };

const profileArbitrary = slotProfiles({ n: slot(numbers), s: slot(texts), u: slot(textsWithEmpty), b: slot(flags), t: slot(tagLists), m: fc.oneof(slot(fc.record({ n: slot(numbers) })), fc.constant({})) });

const sided = (operator: string, field: string, literal: unknown, literalFirst: boolean) => ({ [operator]: literalFirst ? [literal, v(field)] : [v(field), literal] });
const leafArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(fc.constantFrom("==", "===", "!=", "!=="), fc.constantFrom("n", "s", "u", "b", "m.n") as fc.Arbitrary<ScalarField>, fc.boolean(), fc.boolean())
    .chain(([operator, field, literalFirst, useNull]) => (useNull ? fc.constant(null) : literalOf[field]).map((literal) => sided(operator, field, literal, literalFirst))),
  fc.tuple(fc.constantFrom("==", "!="), fc.boolean()).map(([operator, literalFirst]) => sided(operator, "t", null, literalFirst)),
  fc
    .tuple(fc.constantFrom("<", "<=", ">", ">="), fc.constantFrom("n", "s", "u", "m.n") as fc.Arbitrary<"n" | "s" | "u" | "m.n">, fc.boolean())
    .chain(([operator, field, literalFirst]) => literalOf[field].map((literal) => sided(operator, field, literal, literalFirst))),
  fc.tuple(fc.constantFrom("<", "<="), numbers, numbers).map(([operator, a, b]) => ({ [operator]: [Math.min(a, b), v("n"), Math.max(a, b)] })),
  fc.tuple(fc.constantFrom("<", "<="), fc.constantFrom("a", "ab", "b"), fc.constantFrom("b", "ba", "c")).map(([operator, a, b]) => ({ [operator]: [a, v("s"), b] })),
  fc.tuple(fc.array(numbers, { maxLength: 3 }), fc.boolean()).map(([values, withNull]) => ({ in: [v("n"), withNull ? [...values, null] : values] })),
  fc.tuple(fc.array(texts, { maxLength: 3 }), fc.boolean()).map(([values, withNull]) => ({ in: [v("s"), withNull ? [null, ...values] : values] })),
  fc.tuple(fc.constantFrom("a", "b", ""), fc.constantFrom("s", "u")).map(([text, field]) => ({ in: [text, v(field)] })),
  fc.constantFrom("a", "c").map((tag) => ({ in: [tag, v("t")] })),
  fc.tuple(fc.constantFrom("startsWith", "endsWith"), fc.constantFrom("a", "b", ""), fc.constantFrom("s", "u")).map(([operator, text, field]) => ({ [operator]: [v(field), text] })),
  fc.constant(v("b")),
  // What toJsonLogic writes for startsWith / endsWith and for hasAny of several values; "nu" and "ll" also match json-logic-js's "null".
  fc
    .tuple(fc.constantFrom("==", "===", "!=", "!=="), fc.constantFrom("s", "u"), fc.constantFrom("a", "ab", "nu", "ll", "null", ""), fc.boolean(), fc.boolean())
    .filter(([, , text, prefix]) => prefix || text !== "")
    .map(([operator, field, text, prefix, textFirst]) => {
      const substr = { substr: prefix ? [v(field), 0, text.length] : [v(field), -text.length] };
      return { [operator]: textFirst ? [text, substr] : [substr, text] };
    }),
  fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 3 }).map((values) => ({ some: [v("t"), { in: [{ var: "" }, values] }] })),
  fc.subarray(["n", "s", "b", "t", "m.n"], { minLength: 1 }).chain((fields) => fc.constantFrom({ missing: fields }, { missing: [fields] })),
  fc.boolean(),
);
/** JsonLogic trees over `leaf`: `and` / `or` of up to three operands, and the negations `negated` writes. */
const logicTrees = (leaf: fc.Arbitrary<unknown>, negated: (operand: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown>) =>
  fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.tuple(fc.constantFrom("and", "or"), fc.array(tie("node"), { maxLength: 3 })).map(([operator, operands]) => ({ [operator]: operands })),
      negated(tie("node")),
    ),
  })).node;
const logicArbitrary = logicTrees(leafArbitrary, (operand) =>
  fc.tuple(fc.constantFrom("!", "!!"), operand, fc.boolean()).map(([operator, negatedOperand, listed]) => ({ [operator]: listed ? [negatedOperand] : negatedOperand })),
);

const presentEverywhere = (profile: Record<string, unknown>): boolean =>
  ["n", "s", "u", "b", "t"].every((key) => profile[key] !== undefined && profile[key] !== null) &&
  typeof profile["m"] === "object" && profile["m"] !== null && (profile["m"] as { n?: unknown }).n !== undefined && (profile["m"] as { n?: unknown }).n !== null;

describe("parseJsonLogic agrees with json-logic-js (property)", () => {
  it('nulls: "jsonlogic" selects exactly the profiles json-logic-js selects', () => {
    fc.assert(
      fc.property(logicArbitrary, fc.array(profileArbitrary, { minLength: 1, maxLength: 8 }), (logic, profiles) => {
        const { rule } = parseJsonLogic(logic, { arrayFields: ["t"], nulls: "jsonlogic" });
        for (const profile of profiles) expect(selectedBy(rule, profile), JSON.stringify({ logic, profile, rule })).toBe(selectedByJsonLogic(logic, profile));
      }),
      { numRuns: 3_000 },
    );
  });

  it('nulls: "sql" agrees wherever no null_selected warning is reported, and on profiles without nulls', () => {
    fc.assert(
      fc.property(logicArbitrary, fc.array(profileArbitrary, { minLength: 1, maxLength: 8 }), (logic, profiles) => {
        const { rule, warnings } = parseJsonLogic(logic, { arrayFields: ["t"] });
        const warned = warnings.some((warning) => warning.code === "null_selected");
        for (const profile of profiles) {
          if (warned && !presentEverywhere(profile)) continue;
          expect(selectedBy(rule, profile), JSON.stringify({ logic, profile, rule })).toBe(selectedByJsonLogic(logic, profile));
        }
      }),
      { numRuns: 3_000 },
    );
  });

  // The schema of the fields above, and texts that JsonLogic reads as numbers against them.
  const fieldSchema = z.object({
    n: z.number().nullish(),
    s: z.string().nullish(),
    u: z.string().nullish(),
    b: z.boolean().nullish(),
    t: z.array(z.string()).nullish(),
    m: z.object({ n: z.number().nullish() }).nullish(),
  });
  const numericTexts = fc.constantFrom("-1", "0", "-0", "0.5", " 2 ", "1e0", "0x1");
  const asText = (value: number, text: boolean) => (text ? ` ${String(value)}` : value);
  const numericTextLeaf: fc.Arbitrary<unknown> = fc.oneof(
    fc.tuple(fc.constantFrom("==", "!="), fc.constantFrom("n", "m.n"), numericTexts, fc.boolean()).map(([operator, field, text, textFirst]) => sided(operator, field, text, textFirst)),
    fc
      .tuple(fc.constantFrom("<", "<=", ">", ">="), fc.constantFrom("n", "m.n"), fc.oneof(numericTexts, fc.constant("")), fc.boolean())
      .map(([operator, field, text, textFirst]) => sided(operator, field, text, textFirst)),
    fc
      .tuple(fc.constantFrom("<", "<="), numbers, numbers, fc.boolean(), fc.boolean())
      .map(([operator, a, b, lowText, highText]) => ({ [operator]: [asText(Math.min(a, b), lowText), v("n"), asText(Math.max(a, b), highText)] })),
  );
  const schemaLogic = logicTrees(fc.oneof(numericTextLeaf, leafArbitrary), (operand) => fc.tuple(fc.constantFrom("!", "!!"), operand).map(([operator, negatedOperand]) => ({ [operator]: negatedOperand })));

  it("with the schema, numeric texts compared with number fields select exactly what json-logic-js selects", () => {
    fc.assert(
      fc.property(schemaLogic, fc.array(profileArbitrary, { minLength: 1, maxLength: 8 }), (logic, profiles) => {
        const { rule, warnings } = parseJsonLogic(logic, { schema: fieldSchema, nulls: "jsonlogic" });
        expect(warnings.filter((warning) => warning.code === "numeric_text")).toEqual([]);
        for (const profile of profiles) expect(selectedBy(rule, profile), JSON.stringify({ logic, profile, rule })).toBe(selectedByJsonLogic(logic, profile));
      }),
      { numRuns: 2_000 },
    );
  });

  it("with the schema, dates compared with dates select exactly what json-logic-js selects on profiles as JSON writes them", () => {
    const instants = ["0000-01-01T00:00:00.000Z", "2023-12-31T23:59:59.999Z", "2024-01-01T00:00:00.000Z", "2024-01-01T10:00:00.000Z", "2024-01-02T00:00:00.000Z", "2024-02-29T23:59:59.999Z", "9999-12-31T23:59:59.999Z"];
    const dateTexts = fc.constantFrom("0000-01-01", "2024-01-01", "2024-01-02", "2024-03-01", "9999-12-31", ...instants);
    const dateSchema = z.object({ d: z.date().nullish(), n: z.number().nullish() });
    const dateLeaf: fc.Arbitrary<unknown> = fc.oneof(
      fc.tuple(fc.constantFrom("<", "<=", ">", ">="), dateTexts, fc.boolean()).map(([operator, text, textFirst]) => sided(operator, "d", text, textFirst)),
      fc.tuple(fc.constantFrom("<", "<="), dateTexts, dateTexts).filter(([, a, b]) => a <= b).map(([operator, a, b]) => ({ [operator]: [a, v("d"), b] })),
      fc.tuple(fc.constantFrom("<", ">="), numbers).map(([operator, value]) => ({ [operator]: [v("n"), value] })),
    );
    const dateLogic = logicTrees(dateLeaf, (operand) => operand.map((negatedOperand) => ({ "!": negatedOperand })));
    const dateProfiles = slotProfiles({ d: slot(fc.constantFrom(...instants).map((text) => new Date(text))), n: slot(numbers) });
    fc.assert(
      fc.property(dateLogic, fc.array(dateProfiles, { minLength: 1, maxLength: 8 }), (logic, profiles) => {
        const { rule } = parseJsonLogic(logic, { schema: dateSchema, nulls: "jsonlogic" });
        for (const profile of profiles) {
          const stored: unknown = JSON.parse(JSON.stringify(profile));
          expect(selectedBy(rule, profile), JSON.stringify({ logic, profile, rule })).toBe(selectedByJsonLogic(logic, stored));
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it("the schema changes no rule for documents that fit it, and only takes warnings away", () => {
    fc.assert(
      fc.property(logicArbitrary, (logic) => {
        const plain = parseJsonLogic(logic, { arrayFields: ["t"] });
        const typed = parseJsonLogic(logic, { schema: fieldSchema });
        expect(typed.rule).toEqual(plain.rule);
        for (const warning of typed.warnings) expect(plain.warnings).toContainEqual(warning);
      }),
      { numRuns: 2_000 },
    );
  });

  it('a null_selected warning is never idle: some profile is selected by json-logic-js and not by the rule', () => {
    fc.assert(
      fc.property(leafArbitrary, fc.boolean(), (leaf, negated) => {
        const logic = negated ? { "!": leaf } : leaf;
        const { rule, warnings } = parseJsonLogic(logic, { arrayFields: ["t"] });
        if (!warnings.some((warning) => warning.code === "null_selected")) return;
        const field = warnings.find((warning) => warning.code === "null_selected")?.field as string;
        const empty = field === "m.n" ? { m: {} } : {};
        expect(selectedByJsonLogic(logic, empty)).toBe(true);
        expect(selectedBy(rule, empty)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("parseJsonLogic: importer review (session 12)", () => {
  const codes = (result: { warnings: ReadonlyArray<{ code: string; path: ReadonlyArray<string | number> }> }) => result.warnings.map((warning) => [warning.code, warning.path]);
  it("counts `!missing x` as excluding null profiles from its conjunction: no null_selected and no guard on a sibling", () => {
    const logic = { and: [{ "!": { missing: ["x"] } }, { "<": [{ var: "x" }, 30] }] };
    const plain = parseJsonLogic(logic);
    expect(codes(plain)).toEqual([["empty_text", ["and", 0, "!", "missing", 0]]]);
    const exact = parseJsonLogic(logic, { nulls: "jsonlogic" });
    expect(exact.rule).toEqual({ op: "and", rules: [{ op: "not", rule: { op: "missing", field: "x" } }, { op: "lt", field: "x", value: 30 }] });
    const asOf = new Date("2024-01-01T00:00:00Z");
    for (const profile of [{}, { x: null }, { x: 3 }, { x: 40 }]) expect(evaluate(exact.rule, profile, { asOf }) === true).toBe(jsonLogic.apply(logic, profile) === true);
  });
  it("warns that `== \" \"` and `!= \"\\n\"` match the number 0 in JsonLogic (only `== \"\"` is the empty-text test)", () => {
    expect(jsonLogic.apply({ "==": [{ var: "age" }, " "] }, { age: 0 })).toBe(true);
    expect(codes(parseJsonLogic({ "==": [{ var: "age" }, " "] }))).toEqual([["numeric_text", ["==", 1]]]);
    expect(codes(parseJsonLogic({ "!=": [{ var: "age" }, "\n"] }))).toEqual([["null_selected", ["!="]], ["numeric_text", ["!=", 1]]]);
    expect(codes(parseJsonLogic({ "==": [{ var: "age" }, ""] }))).toEqual([]);
    expect(parseJsonLogic({ "==": [{ var: "demographics.age" }, " "] }, { schema: CustomerProfile }).rule).toEqual({ op: "eq", field: "demographics.age", value: 0 });
  });
  it("reads a var with a null default as the plain var (json-logic-js's own not-found value); other defaults stay unsupported", () => {
    const logic = { "<": [{ var: ["x", null] }, 30] };
    expect(parseJsonLogic(logic).rule).toEqual({ op: "lt", field: "x", value: 30 });
    for (const profile of [{}, { x: null }, { x: 3 }]) expect(jsonLogic.apply(logic, profile)).toBe(jsonLogic.apply({ "<": [{ var: "x" }, 30] }, profile));
    expect(safeParseJsonLogic({ "<": [{ var: ["x", 0] }, 30] }).success).toBe(false);
  });
  it("reads `in [null]` on an array field as `missing`, as on any field (it was an invalid_value issue)", () => {
    const logic = { in: [{ var: "tags" }, [null]] };
    expect(parseJsonLogic(logic, { arrayFields: ["tags"] }).rule).toEqual({ op: "missing", field: "tags" });
    for (const profile of [{}, { tags: null }, { tags: [] }, { tags: ["a"] }]) expect(jsonLogic.apply(logic, profile)).toBe(!("tags" in profile) || profile.tags === null);
    expect(safeParseJsonLogic({ in: [{ var: "tags" }, ["a"]] }, { arrayFields: ["tags"] }).success).toBe(false);
  });
});

