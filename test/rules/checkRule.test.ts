import { z } from "zod";
import { describe, expect, it } from "vitest";
import { and, between, checkRule, contains, eq, event, exists, gte, hasAny, inList, inSegment, lt, not, or, withinLast } from "../../src/rules/index.js";
import { CustomerProfile } from "../../src/schema/index.js";

describe("checkRule", () => {
  it("accepts rules that fit the CustomerProfile schema", () => {
    const rule = and(
      between("demographics.age", 25, 34),
      inList("geography.country", ["US", "CA"]),
      gte("behavior.totalSpend", 500),
      eq("demographics.education", "master"),
      eq("consent.email.granted", true),
      hasAny("tags", ["vip"]),
      hasAny("behavior.preferredChannels", ["email", "sms"]),
      withinLast("behavior.lastPurchaseAt", 30, "days"),
      withinLast("demographics.birthDate", 30, "years"),
      contains("geography.city", "san"),
      exists("geography"),
      eq("traits.plan", "pro"),
      not(inSegment("churned")),
      event("purchase", { where: eq("anything.goes", 1) }),
    );
    expect(checkRule(rule, CustomerProfile)).toEqual([]);
  });

  it("reports unknown fields, op/type and value/type mismatches with paths", () => {
    const rule = or(
      eq("behavior.totalSpnd", 5),
      gte("geography.country", 5),
      eq("demographics.education", "kindergarten"),
      lt("behavior.lastPurchaseAt", 3),
      eq("behavior.lastPurchaseAt", "2024-01-01"),
      hasAny("geography.country", ["US"]),
      hasAny("behavior.preferredChannels", ["fax", 3]),
      withinLast("behavior.totalSpend", 30, "days"),
      contains("demographics.age", "3"),
      inList("demographics.age", [30, "31"]),
      eq("geography", "US"),
      eq("tags.vip", true),
      gte("traits.seats", 10),
    );
    expect(checkRule(rule, CustomerProfile)).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_field",
          "message": "unknown field "behavior.totalSpnd"",
          "path": [
            "rules",
            0,
            "field",
          ],
        },
        {
          "code": "value_type_mismatch",
          "message": ""geography.country" is string, got the number 5",
          "path": [
            "rules",
            1,
            "value",
          ],
        },
        {
          "code": "value_type_mismatch",
          "message": ""kindergarten" is not one of the values of "demographics.education": "none", "primary", "secondary", "vocational", "bachelor", "master", "doctorate"",
          "path": [
            "rules",
            2,
            "value",
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "lt" needs a number or string (compare dates with withinLast, before or after) field, but "behavior.lastPurchaseAt" is date",
          "path": [
            "rules",
            3,
            "op",
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "eq" needs a string, number or boolean (compare dates with withinLast, before or after) field, but "behavior.lastPurchaseAt" is date",
          "path": [
            "rules",
            4,
            "op",
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "hasAny" needs an array field, but "geography.country" is string",
          "path": [
            "rules",
            5,
            "op",
          ],
        },
        {
          "code": "value_type_mismatch",
          "message": ""fax" is not one of the values of "behavior.preferredChannels": "email", "sms", "push", "phone", "directMail", "inApp", "social", "web"",
          "path": [
            "rules",
            6,
            "values",
            0,
          ],
        },
        {
          "code": "value_type_mismatch",
          "message": ""behavior.preferredChannels" is string, got the number 3",
          "path": [
            "rules",
            6,
            "values",
            1,
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "withinLast" needs a date field, but "behavior.totalSpend" is number",
          "path": [
            "rules",
            7,
            "op",
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "contains" needs a string field, but "demographics.age" is number",
          "path": [
            "rules",
            8,
            "op",
          ],
        },
        {
          "code": "value_type_mismatch",
          "message": ""demographics.age" is number, got the string "31"",
          "path": [
            "rules",
            9,
            "values",
            1,
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "eq" needs a string, number or boolean field, but "geography" is object",
          "path": [
            "rules",
            10,
            "op",
          ],
        },
        {
          "code": "unknown_field",
          "message": "unknown field "tags.vip"",
          "path": [
            "rules",
            11,
            "field",
          ],
        },
      ]
    `);
  });

  it("works with classic zod schemas: optional, nullable, default, pipe, lazy, union, literal", () => {
    const Profile = z.object({
      plan: z.literal(["free", "pro"]).default("free"),
      score: z.number().nullable().optional(),
      joined: z.coerce.date(),
      code: z.string().pipe(z.string().min(2)),
      nested: z.lazy(() => z.object({ level: z.int() })),
      mixed: z.union([z.string(), z.number()]),
      any: z.unknown(),
    });
    expect(checkRule(and(eq("plan", "pro"), gte("score", 1), withinLast("joined", 1, "days"), eq("code", "ab"), gte("nested.level", 2), eq("mixed", 1), eq("mixed", "a"), eq("any.deep.path", 1)), Profile)).toEqual([]);
    expect(checkRule(and(eq("plan", "team"), eq("mixed", true), eq("nested.levels", 1)), Profile).map((issue) => [issue.code, issue.path])).toEqual([
      ["value_type_mismatch", ["rules", 0, "value"]],
      ["value_type_mismatch", ["rules", 1, "value"]],
      ["unknown_field", ["rules", 2, "field"]],
    ]);
  });
});
