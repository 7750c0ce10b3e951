import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { and, between, eq, event, evaluate, exists, explain, gte, inSegment, notInList, withinLast } from "../../src/rules/index.js";
import type { Rule, RuleExplanation } from "../../src/rules/index.js";
import { asOf, eventsArbitrary, profileArbitrary, ruleArbitrary, segments } from "./_arbitraries.js";

function checkAgreement(rule: Rule, explanation: RuleExplanation, profile: unknown, options: Parameters<typeof evaluate>[2]): number {
  expect(explanation.op).toBe(rule.op);
  expect(explanation.result).toBe(evaluate(rule, profile, options));
  expect(explanation.sentence.length).toBeGreaterThan(0);
  let checked = 1;
  if (rule.op === "and" || rule.op === "or") {
    expect(explanation.children).toHaveLength(rule.rules.length);
    rule.rules.forEach((child, index) => (checked += checkAgreement(child, explanation.children?.[index] as RuleExplanation, profile, options)));
  } else if (rule.op === "not") {
    checked += checkAgreement(rule.rule, explanation.children?.[0] as RuleExplanation, profile, options);
  } else if (rule.op === "inSegment") {
    checked += checkAgreement(segments[rule.segment] as Rule, explanation.children?.[0] as RuleExplanation, profile, options);
  }
  return checked;
}

describe("explain", () => {
  it("agrees with evaluate on every node of random rules", () => {
    fc.assert(
      fc.property(ruleArbitrary({ events: true, segments: true }), profileArbitrary, eventsArbitrary, (rule, profile, events) => {
        const options = { asOf, segments, events };
        checkAgreement(rule, explain(rule, profile, options), profile, options);
      }),
      { numRuns: 1500 },
    );
  });

  it("reports values and sentences", () => {
    const rule = and(gte("behavior.totalSpend", 500), notInList("geography.country", ["IN", "BR"]), between("demographics.age", 25, 34), exists("email"), withinLast("behavior.lastPurchaseAt", 30, "days"));
    const profile = { behavior: { totalSpend: 430, lastPurchaseAt: new Date("2024-06-20T00:00:00Z") }, demographics: { age: "30" }, email: null };
    expect(explain(rule, profile, { asOf, labels: { email: "e-mail" } })).toMatchInlineSnapshot(`
      {
        "children": [
          {
            "field": "behavior.totalSpend",
            "op": "gte",
            "result": false,
            "sentence": "total spend 430 is not at least 500",
            "value": 430,
          },
          {
            "field": "geography.country",
            "op": "notIn",
            "result": null,
            "sentence": "country is missing, so 'has a value other than ("IN", "BR")' is unknown",
            "value": undefined,
          },
          {
            "field": "demographics.age",
            "op": "between",
            "result": null,
            "sentence": "age "30" cannot be compared with this condition (wrong type), so 'is 25 to 34' is unknown",
            "value": "30",
          },
          {
            "field": "email",
            "op": "exists",
            "result": false,
            "sentence": "e-mail is missing",
            "value": null,
          },
          {
            "field": "behavior.lastPurchaseAt",
            "op": "withinLast",
            "result": true,
            "sentence": "last purchase at 2024-06-20T00:00:00.000Z is within the last 30 days",
            "value": 2024-06-20T00:00:00.000Z,
          },
        ],
        "op": "and",
        "result": false,
        "sentence": "2 of 5 conditions are false",
      }
    `);
  });

  it("explains segments and events", () => {
    const events = [{ type: "purchase", timestamp: new Date("2024-06-29T00:00:00Z"), properties: { amount: 30 } }];
    const result = explain(and(inSegment("vip"), event("purchase", { withinLast: { amount: 7, unit: "days" }, sum: { property: "amount", gte: 50 } })), { a: 150 }, { asOf, segments, events });
    expect(result.children?.map((child) => [child.result, child.sentence, child.value])).toMatchInlineSnapshot(`
      [
        [
          true,
          "is in segment "vip"",
          undefined,
        ],
        [
          false,
          "1 matching event summing to 30, so 'had "purchase" events in the last 7 days with amount summing to at least 50' is false",
          {
            "count": 1,
            "sum": 30,
          },
        ],
      ]
    `);
  });

  it("words unknown and / or, false presence tests and every inSegment result", () => {
    const local = { high: { op: "gte", field: "a", value: 100 } } as const;
    const sentences = (rule: Rule, profile: Record<string, unknown>) => {
      const result = explain(rule, profile, { asOf, segments: local });
      return [result.result, result.sentence];
    };
    expect(sentences({ op: "and", rules: [{ op: "eq", field: "x", value: 1 }, { op: "always" }] }, {})).toEqual([null, "1 of 2 conditions is unknown and none is false, so the and is unknown"]);
    expect(sentences({ op: "or", rules: [{ op: "eq", field: "x", value: 1 }, { op: "never" }] }, {})).toEqual([null, "1 of 2 conditions is unknown and none is true, so the or is unknown"]);
    expect(sentences({ op: "missing", field: "email" }, { email: "a@b" })).toEqual([false, "email is known"]);
    expect(sentences({ op: "exists", field: "email" }, {})).toEqual([false, "email is missing"]);
    expect(sentences({ op: "inSegment", segment: "high" }, { a: 150 })).toEqual([true, 'is in segment "high"']);
    expect(sentences({ op: "inSegment", segment: "high" }, { a: 50 })).toEqual([false, 'is not in segment "high"']);
    expect(sentences({ op: "inSegment", segment: "high" }, {})).toEqual([null, 'may or may not be in segment "high"']);
  });

  it("throws like evaluate", () => {
    expect(() => explain(inSegment("nope"), {}, { asOf })).toThrowErrorMatchingInlineSnapshot(`[RuleError: explain found 1 issue: the rule refers to the unknown segment "nope" at segment]`);
    expect(() => explain(eq("a", 1), {}, { asOf: new Date(Number.NaN) })).toThrowErrorMatchingInlineSnapshot(`[TypeError: explain requires asOf to be a valid Date]`);
  });
});
