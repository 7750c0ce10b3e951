import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { after, and, before, contains, describeRule, event, eq, hasAll, hasAny, hasNone, inList, missing, never, not, or, withinLast } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import { ruleArbitrary } from "./_arbitraries.js";

describe("describeRule", () => {
  it("renders plain English", () => {
    expect(describeRule(and(or(eq("tier", "gold"), eq("tier", "platinum")), not(inList("geography.country", ["IN", "BR", "MX"]))))).toMatchInlineSnapshot(`"(tier is "gold" or tier is "platinum") and not (country is "IN", "BR" or "MX")"`);
    expect(describeRule(or(contains("email", "@Example.com", { caseInsensitive: true }), hasAny("tags", ["vip"]), hasAll("tags", ["a", "b"]), hasNone("tags", ["churned"]), missing("phone")))).toMatchInlineSnapshot(`"email contains "@Example.com" (ignoring case) or tags includes "vip" or tags includes "a" and "b" or tags includes none of "churned" or phone is missing"`);
    expect(describeRule(and(withinLast("lastPurchaseAt", 1, "months"), before("createdAt", { amount: 2, unit: "years" }), after("createdAt", "2020-01-01")))).toMatchInlineSnapshot(`"last purchase at is within the last 1 month and created at is before 2 years ago and created at is after 2020-01-01"`);
    expect(describeRule(event("purchase", { where: eq("channel", "web"), withinLast: { amount: 30, unit: "days" }, count: { gte: 2, lte: 5 }, sum: { property: "orderTotal", gte: 100 } }))).toMatchInlineSnapshot(`"had "purchase" events where channel is "web" in the last 30 days 2 to 5 times with order total summing to at least 100"`);
    expect([describeRule(and()), describeRule(or()), describeRule(never()), describeRule(and(eq("a", 1)))]).toEqual(["everyone", "no one", "no one", "a is 1"]);
  });

  it("renders every rule without throwing", () => {
    fc.assert(fc.property(ruleArbitrary({ events: true, segments: true }), (rule) => {
      expect(describeRule(rule).length).toBeGreaterThan(0);
    }), { numRuns: 500 });
  });

  it("names an unknown op instead of failing inside (a raw TypeError before, review)", () => {
    expect(() => describeRule({ op: "xor", field: "a" } as never)).toThrow(new TypeError('describeRule requires a valid rule: unknown op "xor" (check untrusted rules with parseRule)'));
    expect(() => describeRule({ op: "xor" } as never)).toThrow('unknown op "xor"');
  });

  it("describes 990 levels of 50 comparisons each", () => {
    let rule: Rule = { op: "exists", field: "email" };
    for (let level = 0; level < 990; level++) rule = { op: "and", rules: [rule, ...Array.from({ length: 50 }, (): Rule => ({ op: "gt", field: "age", value: 1 }))] };
    const text = describeRule(rule);
    expect(text.startsWith(`${"(".repeat(989)}email is known and age is more than 1`)).toBe(true);
    expect(text.split(" and ")).toHaveLength(990 * 50 + 1);
  });
});
