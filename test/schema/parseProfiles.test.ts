import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as zm from "zod/mini";
import { CustomerProfile, extendProfileSchema, parseEvents, parseProfiles, parseTransactions } from "../../src/schema/index.js";

describe("parseProfiles", () => {
  it("parses a full profile across every segmentation basis", () => {
    const result = parseProfiles([
      {
        id: "c1",
        tags: ["vip"],
        demographics: { age: 34, birthDate: "1990-02-03", gender: "female", income: 72000, education: "master", householdSize: 3 },
        geography: { country: "DE", city: "Berlin", latitude: 52.52, longitude: 13.4, timeZone: "Europe/Berlin" },
        psychographics: { interests: ["running"], personality: { openness: 0.8 } },
        behavior: { firstSeenAt: "2023-01-01T00:00:00Z", lastPurchaseAt: "2024-02-01T12:30:00+01:00", orderCount: 7, totalSpend: 912.4, preferredChannels: ["email"] },
        firmographics: { industry: "retail", employeeCount: 40, companySize: "11-50" },
        technographics: { devices: ["mobile"], techAdoption: "early-adopter" },
        benefitsSought: { primary: "quality", ranked: ["quality", "convenience"] },
        consent: { email: { granted: true, updatedAt: "2023-05-01T00:00:00Z" }, doNotSell: true },
      },
    ]);
    expect(result.counts).toEqual({ input: 1, valid: 1, rejected: 0 });
    const profile = result.valid[0]!;
    expect(profile.demographics?.birthDate).toEqual(new Date("1990-02-03T00:00:00Z"));
    expect(profile.behavior?.lastPurchaseAt).toEqual(new Date("2024-02-01T11:30:00Z"));
    expect(profile.consent?.email?.granted).toBe(true);
  });

  it("accepts null as missing in every group", () => {
    const result = parseProfiles([{ id: "c1", demographics: null, geography: { country: null }, behavior: { orderCount: null } }]);
    expect(result.counts.valid).toBe(1);
  });

  it("reports each invalid row with index, path, code and message", () => {
    const result = parseProfiles([
      { id: "ok" },
      { id: "c2", geography: { timeZone: "Mars/Olympus" } },
      { id: "c3", behavior: { lastPurchaseAt: "2024-13-45" } },
      "not an object",
      { id: "" },
    ]);
    expect(result.counts).toEqual({ input: 5, valid: 1, rejected: 4 });
    expect(result.validIndexes).toEqual([0]);
    expect(result.rejected.map(({ index, path, code }) => ({ index, path, code }))).toMatchInlineSnapshot(`
      [
        {
          "code": "custom",
          "index": 1,
          "path": [
            "geography",
            "timeZone",
          ],
        },
        {
          "code": "invalid_union",
          "index": 2,
          "path": [
            "behavior",
            "lastPurchaseAt",
          ],
        },
        {
          "code": "invalid_type",
          "index": 3,
          "path": [],
        },
        {
          "code": "too_small",
          "index": 4,
          "path": [
            "id",
          ],
        },
      ]
    `);
    expect(result.rejected[0]!.message).toBe("Invalid time zone: expected an IANA name such as Europe/Berlin");
  });

  it("does not coerce: a numeric string is not a number", () => {
    const result = parseProfiles([{ id: "c1", behavior: { orderCount: "3" } }]);
    expect(result.rejected[0]!.path).toEqual(["behavior", "orderCount"]);
  });

  it("takes any iterable, including a generator", () => {
    function* rows() {
      yield { id: "a" };
      yield { id: 7 };
    }
    expect(parseProfiles(rows()).counts).toEqual({ input: 2, valid: 1, rejected: 1 });
  });

  it("validates with an extended schema, typed, mixing classic zod field schemas in", () => {
    const Shop = extendProfileSchema({ storeVisits: z.number().int().nonnegative() });
    const result = parseProfiles([{ id: "a", storeVisits: 2 }, { id: "b" }], Shop);
    expect(result.counts).toEqual({ input: 2, valid: 1, rejected: 1 });
    const visits: number = result.valid[0]!.storeVisits;
    expect(visits).toBe(2);
    expect(result.rejected[0]!.path).toEqual(["storeVisits"]);
  });

  it("extends a group without losing its other fields", () => {
    const behavior = zm.extend(CustomerProfile.shape.behavior.def.innerType.def.innerType, { referrals: z.number().int().nullish() });
    const Schema = extendProfileSchema({ behavior: zm.nullish(behavior) });
    const profile = Schema.parse({ id: "a", behavior: { referrals: 2, orderCount: 1 } });
    expect(profile.behavior).toEqual({ referrals: 2, orderCount: 1 });
  });

  it("property: counts reconcile and every rejection index is a rejected row", () => {
    const row = fc.oneof(
      fc.record({ id: fc.string({ minLength: 1 }) }),
      fc.record({ id: fc.string(), demographics: fc.record({ age: fc.oneof(fc.integer({ min: -5, max: 140 }), fc.constant(null)) }) }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const result = parseProfiles(rows);
        expect(result.counts.input).toBe(rows.length);
        expect(result.counts.valid + result.counts.rejected).toBe(rows.length);
        const indexes = [...result.validIndexes, ...result.rejected.map((rejection) => rejection.index)].sort((a, b) => a - b);
        expect(indexes).toEqual(rows.map((_, index) => index));
        for (const rejection of result.rejected) expect(CustomerProfile.safeParse(rows[rejection.index]).success).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe("parseTransactions and parseEvents", () => {
  it("rejects a bad currency and a negative quantity with their paths", () => {
    const result = parseTransactions([
      { customerId: "c1", orderId: "o1", timestamp: new Date("2024-01-01T00:00:00Z"), amount: 10, currency: "usd" },
      { customerId: "c1", orderId: "o2", timestamp: "2024-01-01T00:00:00Z", amount: 10, items: [{ quantity: -1 }] },
      { customerId: "c1", orderId: "o3", timestamp: "2024-01-01T00:00:00Z", amount: -4.5, currency: "EUR" },
    ]);
    expect(result.rejected.map((rejection) => rejection.path)).toEqual([["currency"], ["items", 0, "quantity"]]);
    expect(result.valid[0]!.amount).toBe(-4.5);
  });

  it("rejects an invalid Date object", () => {
    const result = parseEvents([{ customerId: "c1", type: "open", timestamp: new Date("nope") }]);
    expect(result.rejected[0]!.path).toEqual(["timestamp"]);
  });
});
