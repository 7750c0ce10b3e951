import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { after, and, before, contains, describeRule, event, eq, explain, gte, hasAll, hasAny, hasNone, inList, inSegment, missing, ne, never, not, or, withinLast } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import { ruleArbitrary } from "./_arbitraries.js";

describe("describeRule", () => {
  it("renders plain English", () => {
    expect(describeRule(and(or(eq("tier", "gold"), eq("tier", "platinum")), not(inList("geography.country", ["IN", "BR", "MX"]))))).toMatchInlineSnapshot(`"(tier is "gold" or tier is "platinum") and not (country is one of ("IN", "BR", "MX"))"`);
    expect(describeRule(or(contains("email", "@Example.com", { caseInsensitive: true }), hasAny("tags", ["vip"]), hasAll("tags", ["a", "b"]), hasNone("tags", ["churned"]), missing("phone")))).toMatchInlineSnapshot(`"email contains "@Example.com" (ignoring case) or tags includes "vip" or tags includes all of ("a", "b") or tags is a list without "churned" or phone is missing"`);
    expect(describeRule(and(withinLast("lastPurchaseAt", 1, "months"), before("createdAt", { amount: 2, unit: "years" }), after("createdAt", "2020-01-01")))).toMatchInlineSnapshot(`"last purchase at is within the last 1 month and created at is before 2 years ago and created at is after the start of 2020-01-01 (UTC)"`);
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

describe("describeRule reads unambiguously to a marketer (UI review)", () => {
  it("puts lists of several values in parentheses, so the rule's own and / or cannot be read into them", () => {
    expect(describeRule(and(inList("country", ["US", "CA"]), { op: "gt", field: "totalSpend", value: 500 }))).toBe('country is one of ("US", "CA") and total spend is more than 500');
    expect(describeRule(and({ op: "notIn", field: "country", values: ["IN", "BR"] }, hasAll("tags", ["a", "b"])))).toBe(
      'country has a value other than ("IN", "BR") and tags includes all of ("a", "b")',
    );
    expect(describeRule(hasAny("tags", ["vip", "loyalty"]))).toBe('tags includes any of ("vip", "loyalty")');
    expect(describeRule(inList("n", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toBe("n is one of (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, and 2 more)");
  });

  it("says that ne, notIn and hasNone need a value: customers without one are not selected", () => {
    expect(describeRule({ op: "ne", field: "country", value: "US" })).toBe('country has a value other than "US"');
    expect(describeRule(hasNone("tags", ["b2b"]))).toBe('tags is a list without "b2b"');
  });

  it("reads event counts with an upper bound, and exact counts, as they select", () => {
    const purchase = (count: { gte?: number; lte?: number }) => describeRule(event("purchase", { withinLast: { amount: 90, unit: "days" }, count }));
    expect(purchase({ lte: 0 })).toBe('had no "purchase" events in the last 90 days');
    expect(purchase({ lte: 2 })).toBe('had "purchase" events in the last 90 days at most 2 times (or never)');
    expect(purchase({ gte: 1, lte: 1 })).toBe('had "purchase" events in the last 90 days exactly 1 time');
    expect(purchase({ gte: 2, lte: 5 })).toBe('had "purchase" events in the last 90 days 2 to 5 times');
    expect(purchase({ gte: 3 })).toBe('had "purchase" events in the last 90 days at least 3 times');
    // Final review: "no events" must not swallow a sum bound, and "(or never)" only when zero events meet the count.
    expect(describeRule(event("purchase", { count: { lte: 0 }, sum: { property: "amount", gte: 10 } }))).toBe('had "purchase" events at most 0 times (or never) with amount summing to at least 10');
    expect(purchase({ lte: -1 })).toBe('had "purchase" events in the last 90 days at most -1 times');
    expect(purchase({ gte: 0 })).toBe('had "purchase" events in the last 90 days at least 0 times (or never)');
  });

  it("says that a date without a time is midnight UTC, where before and after start", () => {
    expect(describeRule(after("createdAt", "2024-03-01"))).toBe("created at is after the start of 2024-03-01 (UTC)");
    expect(describeRule(before("createdAt", "2024-03-01T12:00:00Z"))).toBe("created at is before 2024-03-01T12:00:00Z");
  });
});

describe("invisible and reordering characters are escaped in sentences (UI review)", () => {
  it("a zero-width space, a bidi override and separators show as \\u codes in describeRule and explain", () => {
    expect(describeRule({ op: "eq", field: "country", value: "US\u200b" })).toBe('country is "US\\u200b"');
    expect(describeRule({ op: "eq", field: "a\u202eb", value: "x\u2028y\u0085" })).toBe('a\\u202eb is "x\\u2028y\\u0085"');
    expect(explain({ op: "eq", field: "c", value: "US" }, { c: "US\u200b" }, { asOf: new Date(0) }).sentence).toBe('c "US\\u200b" is not "US"');
    expect(describeRule({ op: "eq", field: "c", value: "emoji 😀 é 中" })).toBe('c is "emoji 😀 é 中"');
  });

  it("event types and segment ids too; astral characters as \\u{...}; joiners kept for emoji and scripts (final review)", () => {
    expect(describeRule({ op: "event", type: "purch\u202ease" })).toBe('had a "purch\\u202ease" event');
    expect(describeRule({ op: "inSegment", segment: "v\u200bip" })).toBe('in segment "v\\u200bip"');
    expect(describeRule({ op: "eq", field: "t", value: "\u{F0000}x\u{E0067}" })).toBe('t is "\\u{f0000}x\\u{e0067}"');
    expect(describeRule({ op: "eq", field: "t", value: "👨‍👩‍👧 می\u200cخواهم" })).toBe('t is "👨‍👩‍👧 می\u200cخواهم"');
  });
});

describe("fields that would read alike are told apart (UI review: label collisions)", () => {
  it("names colliding fields by as many trailing segments as it takes, others by their last segment", () => {
    expect(describeRule(and(eq("billing.country", "US"), ne("shipping.country", "US"), gte("behavior.totalSpend", 5)))).toBe(
      'billing country is "US" and shipping country has a value other than "US" and total spend is at least 5',
    );
    expect(describeRule(and(eq("a.x.country", "US"), eq("b.x.country", "US"), eq("country", "x")))).toBe('a x country is "US" and b x country is "US" and country is "x"');
    // Alike even in full: the paths themselves.
    expect(describeRule(and(eq("total_spend", 1), eq("totalSpend", 1)))).toBe("total_spend is 1 and totalSpend is 1");
    // One field read twice is one field.
    expect(describeRule(or(eq("geo.country", "US"), eq("geo.country", "CA")))).toBe('country is "US" or country is "CA"');
  });

  it("a default label is lengthened when it reads like a given one; given labels are used as they are", () => {
    expect(describeRule(and(eq("shipping.country", "US"), eq("billing.country", "US")), { labels: { "billing.country": "country" } })).toBe('shipping country is "US" and country is "US"');
    expect(describeRule(and(eq("a.n", 1), eq("b.n", 2)), { labels: { "a.n": "N", "b.n": "N" } })).toBe("N is 1 and N is 2");
    // A path of one segment that reads like a given label (review).
    expect(describeRule(and(eq("country", "US"), eq("z", "x")), { labels: { z: "country" } })).toBe('the field "country" is "US" and country is "x"');
  });

  it("event filters keep the event's property names: they are not profile fields", () => {
    expect(describeRule(and(eq("order.channel", "web"), event("purchase", { where: eq("channel", "web") })))).toBe('channel is "web" and had a "purchase" event where channel is "web"');
  });

  it("distinct fields of a random rule get distinct labels, and a field alone with its last segment keeps it", () => {
    const segment = fc.constantFrom("country", "Country", "billing", "shipping", "n", "total_spend", "totalSpend", "a");
    const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join("."));
    fc.assert(
      fc.property(fc.uniqueArray(path, { minLength: 1, maxLength: 6 }), (fields) => {
        const sentences = describeRule(and(...fields.map((field, index) => eq(field, index)))).split(" and ");
        const labels = sentences.map((sentence, index) => sentence.slice(0, -` is ${index}`.length));
        expect(new Set(labels).size).toBe(fields.length);
        const last = (field: string): string => (field.split(".").at(-1) as string).replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
        fields.forEach((field, index) => {
          if (fields.filter((other) => last(other) === last(field)).length === 1) expect(labels[index]).toBe(last(field));
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe("segmentNames name the segments of inSegment conditions", () => {
  it("in describeRule and explain, quoted and escaped like ids; ids without a name stay ids", () => {
    expect(describeRule(or(inSegment("vip"), inSegment("new")), { segmentNames: { vip: 'VIP "gold"\u200b' } })).toBe('in segment "VIP \\"gold\\"\\u200b" or in segment "new"');
    const why = explain(and(inSegment("vip"), eq("billing.country", "US")), { billing: { country: "US" }, shipping: { country: "CA" } }, {
      asOf: new Date("2024-01-01T00:00:00Z"),
      segments: { vip: eq("shipping.country", "US") },
      segmentNames: { vip: "VIP customers" },
    });
    expect(why.children?.[0]?.sentence).toBe('is not in segment "VIP customers"');
    // explain tells apart the fields of the rule and of the segments it refers to.
    expect(why.children?.[0]?.children?.[0]?.sentence).toBe('shipping country "CA" is not "US"');
    expect(why.children?.[1]?.sentence).toBe('billing country "US" is "US"');
  });
});
