// Rules that skipped parseRule, and builder calls outside the types: every call gives a typed error
// that names the function, never a raw "Cannot read properties of undefined" (fuzz review).
import { describe, expect, it } from "vitest";
import { and, checkRule, compileRule, describeRule, evaluate, explain, hasAny, inList, not, or, RuleError } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";

const asOf = new Date("2024-01-01T00:00:00Z");
const schema = { _zod: { def: { type: "object", shape: { a: { _zod: { def: { type: "number" } } } } } } };
const hostile: Array<[string, unknown, string]> = [
  ["null", null, "a rule node must be an object, got null"],
  ["a hole in rules", { op: "and", rules: [, { op: "always" }] }, "a rule node must be an object, got undefined"],
  ["no op", {}, "a rule node needs an op"],
  ["a field that is not a string", { op: "eq", field: {}, value: 1 }, 'the field of "eq" must be a string'],
  ["rules that are not an array", { op: "or" }, 'the rules of "or" must be an array'],
  ["values that are not an array", { op: "in", field: "a", values: "US" }, 'the values of "in" must be an array'],
];

describe("rules that skipped parseRule", () => {
  for (const [name, rule, message] of hostile) {
    it(`${name}: a RuleError from evaluate, compileRule, explain and describeRule; an issue from checkRule`, () => {
      for (const [functionName, call] of [
        ["evaluate", () => evaluate(rule as Rule, {}, { asOf })],
        ["compileRule", () => compileRule(rule as Rule, { asOf })],
        ["explain", () => explain(rule as Rule, {}, { asOf })],
        ["describeRule", () => describeRule(rule as Rule)],
      ] as const) {
        expect(call, functionName).toThrow(RuleError);
        expect(call, functionName).toThrow(`${functionName} found 1 issue: ${message}`);
      }
      expect(checkRule(rule as Rule, schema)).toEqual([{ code: "invalid_type", path: [], message }]);
    });
  }

  it("an unknown op is a TypeError from checkRule (it returned the node instead of issues)", () => {
    expect(() => checkRule({ op: "xor", field: "a" } as unknown as Rule, schema)).toThrow(new TypeError('checkRule requires a valid rule: unknown op "xor" (check untrusted rules with parseRule)'));
  });

  it("no options is a missing clock", () => {
    expect(() => evaluate({ op: "always" }, {}, undefined as never)).toThrow(new TypeError("evaluate requires asOf to be a valid Date"));
    expect(() => compileRule({ op: "always" }, undefined as never)).toThrow(new TypeError("compileRule requires asOf to be a valid Date"));
  });
});

describe("builders called outside their types", () => {
  it("refuse a string where a list belongs (it spread into letters)", () => {
    expect(() => hasAny("tags", "vip" as never)).toThrow(new TypeError("hasAny requires values to be an array"));
    expect(() => inList("country", "US" as never)).toThrow(new TypeError("inList requires values to be an array"));
  });
  it("refuse a child that is not a rule node", () => {
    expect(() => and(undefined as never)).toThrow(new TypeError("and requires every rule to be a rule node (argument 0)"));
    expect(() => or({ op: "always" }, null as never)).toThrow(new TypeError("or requires every rule to be a rule node (argument 1)"));
    expect(() => not([] as never)).toThrow(new TypeError("not requires every rule to be a rule node (argument 0)"));
  });
});
