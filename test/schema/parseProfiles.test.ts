import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import * as zm from "zod/mini";
import { cachedTimeZoneCount, timeZoneCacheLimit } from "../../src/schema/_lib/fields.js";
import { CustomerEvent, CustomerProfile, Transaction, dataQualityReport, extendProfileSchema, parseEvents, parseProfiles, parseTransactions, summarizeCustomers, summarizeCustomersAsync } from "../../src/schema/index.js";

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

  it("rejects a row that throws while read or validated as row_error, and goes on with the next (review)", () => {
    const throwing = Object.defineProperty({}, "id", { enumerable: true, get: () => { throw new Error("boom"); } });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const huge = JSON.parse(`{"id":"x","tags":[${Array(500_000).fill("1").join(",")}]}`);
    const result = parseProfiles([{ id: "a" }, throwing, revoked.proxy, huge, { id: "b" }]);
    expect(result.counts).toEqual({ input: 5, valid: 2, rejected: 3 });
    expect(result.validIndexes).toEqual([0, 4]);
    expect(result.rejected.map((rejection) => [rejection.index, rejection.code])).toEqual([[1, "row_error"], [2, "row_error"], [3, "row_error"]]);
    expect(result.rejected[0]?.message).toBe("reading or validating the row threw: boom");
    // the thrown value is kept for the host's logs
    expect(result.rejected[0]?.error).toEqual(new Error("boom"));
    expect(result.rejected[1]?.error).toBeInstanceOf(TypeError);
    const failure = new Error("transform failed");
    const failing = extendProfileSchema({ score: z.optional(z.pipe(z.number(), z.transform((): number => { throw failure; }))) });
    const rejected = parseProfiles([{ id: "c", score: 1 }, { id: "d" }], failing).rejected;
    expect(rejected).toEqual([
      { index: 0, path: [], code: "row_error", message: "reading or validating the row threw: transform failed", issues: [{ code: "row_error", path: [], message: "reading or validating the row threw: transform failed" }], error: failure },
    ]);
    expect(rejected[0]?.error).toBe(failure);
  });

  it("does not coerce: a numeric string is not a number", () => {
    const result = parseProfiles([{ id: "c1", behavior: { orderCount: "3" } }]);
    expect(result.rejected[0]!.path).toEqual(["behavior", "orderCount"]);
  });

  it("names a schema that is not a zod schema (it failed reading 'def', claims review)", () => {
    expect(() => parseProfiles([{ id: "a" }], {} as never)).toThrow(new TypeError("parseProfiles requires schema to be a zod schema"));
    expect(() => parseEvents([], "Event" as never)).toThrow(new TypeError("parseEvents requires schema to be a zod schema"));
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

  it("types the default rows as CustomerProfile, Transaction and CustomerEvent (named interfaces, so editors show the name), and own schemas by their output", () => {
    expectTypeOf(parseProfiles([]).valid).toEqualTypeOf<CustomerProfile[]>();
    expectTypeOf(parseProfiles([], CustomerProfile).valid).toEqualTypeOf<CustomerProfile[]>();
    expectTypeOf(parseTransactions([]).valid).toEqualTypeOf<Transaction[]>();
    expectTypeOf(parseEvents([]).valid).toEqualTypeOf<CustomerEvent[]>();
    // an extended or own schema keeps its own output type
    const Shop = extendProfileSchema({ storeVisits: z.number() });
    expectTypeOf(parseProfiles([], Shop).valid).items.toHaveProperty("storeVisits").toEqualTypeOf<number>();
    expectTypeOf(parseTransactions([], zm.object({ customerId: zm.string() })).valid).toEqualTypeOf<Array<{ customerId: string }>>();
    expect(parseProfiles([{ id: "a" }]).valid).toEqual([{ id: "a" }]);
  });

  it("extends a group without losing its other fields", () => {
    const behavior = zm.extend(CustomerProfile.shape.behavior.def.innerType.def.innerType, { referrals: z.number().int().nullish() });
    const Schema = extendProfileSchema({ behavior: zm.nullish(behavior) });
    const profile = Schema.parse({ id: "a", behavior: { referrals: 2, orderCount: 1 } });
    expect(profile.behavior).toEqual({ referrals: 2, orderCount: 1 });
  });

  it("extendProfileSchema refuses what is not a zod shape, and names no rule path could read", () => {
    // These reached zod, which threw plain Errors ("Invalid element at key") at the first parse, not at the definition.
    expect(() => extendProfileSchema(null as never)).toThrow(new TypeError("extendProfileSchema requires shape to be an object"));
    expect(() => extendProfileSchema({ visits: 1 } as never)).toThrow(new TypeError('extendProfileSchema requires the field "visits" to be a zod 4 schema'));
    expect(() => extendProfileSchema(Object.create({ _zod: {} }) as never)).not.toThrow();
    for (const name of ["__proto__", "constructor", "prototype", "store.visits", ""]) {
      const shape = JSON.parse(`{${JSON.stringify(name)}: null}`) as Record<string, unknown>;
      shape[name] = z.number();
      expect(() => extendProfileSchema(shape as never)).toThrow(
        new RangeError(`extendProfileSchema requires field names that a rule path can read: ${JSON.stringify(name)} is not one`),
      );
    }
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

describe("own properties only", () => {
  it("rejects a row whose properties are inherited (Object.create)", () => {
    const result = parseProfiles([Object.create({ id: "ghost" }) as object]);
    expect(result.counts).toEqual({ input: 1, valid: 0, rejected: 1 });
    expect(result.rejected[0]).toMatchObject({ index: 0, path: [], code: "invalid_type" });
    expect(result.rejected[0]!.message).toBe("Invalid input: expected a plain object, received an object with a custom prototype (a class instance or Object.create)");
  });

  it("never reads a polluted Object.prototype", () => {
    const prototype = Object.prototype as { tags?: unknown; demographics?: unknown };
    prototype.tags = ["polluted"];
    prototype.demographics = { age: 500 };
    try {
      const result = parseProfiles([{ id: "a" }, { id: "b", geography: { country: "DE" } }]);
      expect(result.counts.valid).toBe(2);
      for (const profile of result.valid) {
        expect(Object.hasOwn(profile, "tags")).toBe(false);
        expect(Object.hasOwn(profile, "demographics")).toBe(false);
      }
      const tags = dataQualityReport([{ id: "a" }]).fields.find((field) => field.field === "tags")!;
      expect([tags.valid, tags.missing, tags.invalid]).toEqual([0, 1, 0]);
    } finally {
      delete prototype.tags;
      delete prototype.demographics;
    }
  });

  it("rejects a Map, a Date or a class instance where a group belongs, at its path", () => {
    class Person {
      constructor(readonly id: string) {}
      get demographics() {
        return { age: 5 };
      }
    }
    const result = parseProfiles([
      { id: "a", demographics: new Map([["age", 40]]) },
      { id: "b", geography: new Date("2024-01-01T00:00:00Z") },
      new Person("c"),
      { id: "d", psychographics: { personality: new Map() }, demographics: { age: -1 } },
    ]);
    expect(result.counts).toEqual({ input: 4, valid: 0, rejected: 4 });
    expect(result.rejected.map(({ path, code, message }) => ({ path, code, message }))).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "Invalid input: expected a plain object, received Map",
          "path": [
            "demographics",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected a plain object, received Date",
          "path": [
            "geography",
          ],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected a plain object, received an object with a custom prototype (a class instance or Object.create)",
          "path": [],
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected a plain object, received Map",
          "path": [
            "psychographics",
            "personality",
          ],
        },
      ]
    `);
    // The other problems of the row are still reported.
    expect(result.rejected[3]!.issues.map((issue) => issue.path)).toEqual([["psychographics", "personality"], ["demographics", "age"]]);
  });

  it("accepts null-prototype rows and Dates, and returns ordinary objects", () => {
    const row = Object.assign(Object.create(null) as object, {
      id: "n",
      createdAt: new Date("2024-01-01T00:00:00Z"),
      demographics: Object.assign(Object.create(null) as object, { age: 30 }),
      traits: { plan: "pro" },
    });
    const result = parseProfiles([row]);
    expect(result.counts.valid).toBe(1);
    const profile = result.valid[0]!;
    expect(Object.getPrototypeOf(profile)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(profile.demographics)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(profile.traits)).toBe(Object.prototype);
    expect(profile).toEqual({ id: "n", createdAt: new Date("2024-01-01T00:00:00Z"), demographics: { age: 30 }, traits: { plan: "pro" } });
    const transaction = parseTransactions([{ customerId: "c", orderId: "o", timestamp: "2024-01-01T00:00:00Z", amount: 1, items: [{ quantity: 1 }] }]).valid[0]!;
    expect(Array.isArray(transaction.items)).toBe(true);
    expect(Object.getPrototypeOf(transaction.items![0])).toBe(Object.prototype);
  });

  it("does not read inherited array elements", () => {
    const prototype = Array.prototype as unknown as Record<number, unknown>;
    prototype[0] = "polluted";
    try {
      // eslint-disable-next-line no-sparse-arrays
      const result = parseProfiles([{ id: "a", tags: [, "vip"] }]);
      expect(result.rejected[0]!.path).toEqual(["tags", 0]);
    } finally {
      delete prototype[0];
    }
  });

  it("keeps values of other schema kinds as they are (a Map field of an extended schema)", () => {
    const Schema = extendProfileSchema({ visits: zm.map(zm.string(), zm.number()), raw: zm.optional(zm.unknown()) });
    const raw = new Map([["x", 1]]);
    const result = parseProfiles([{ id: "a", visits: new Map([["store", 2]]), raw }], Schema);
    expect(result.counts.valid).toBe(1);
    expect(result.valid[0]!.visits.get("store")).toBe(2);
    expect(result.valid[0]!.raw).toBe(raw);
  });

  it("bounds the nesting it follows instead of overflowing the stack", () => {
    interface Node {
      name: string;
      child?: Node | null | undefined;
    }
    const NodeSchema: zm.ZodMiniType<Node> = zm.object({ name: zm.string(), child: zm.optional(zm.lazy(() => NodeSchema)) });
    const cyclic: Node = { name: "loop" };
    cyclic.child = cyclic;
    let deep: Node = { name: "leaf" };
    for (let level = 0; level < 100; level++) deep = { name: `level ${level}`, child: deep };
    // 64 nested objects (the row and 63 children) are the most a snapshot follows.
    let deepest: Node = { name: "leaf" };
    for (let level = 0; level < 63; level++) deepest = { name: `level ${level}`, child: deepest };
    const result = parseProfiles([cyclic, deep, deepest], NodeSchema);
    expect(result.counts).toEqual({ input: 3, valid: 1, rejected: 2 });
    expect(result.validIndexes).toEqual([2]);
    expect(result.rejected.map((rejection) => [rejection.code, rejection.path.length, rejection.message])).toEqual([
      ["too_big", 64, "Too deep: expected at most 64 levels of nesting"],
      ["too_big", 64, "Too deep: expected at most 64 levels of nesting"],
    ]);
  });
});

describe("records reject the key __proto__", () => {
  it("rejects traits and event properties with an own __proto__ key, at its path", () => {
    const profiles = parseProfiles([JSON.parse('{"id":"c1","traits":{"__proto__":["x"],"plan":"pro"}}'), JSON.parse('{"id":"c2","traits":{"plan":"pro"}}')]);
    expect(profiles.counts).toEqual({ input: 2, valid: 1, rejected: 1 });
    expect(profiles.rejected[0]).toMatchObject({ index: 0, path: ["traits", "__proto__"], code: "custom", message: 'Invalid key: "__proto__" is not allowed as a key' });
    expect(CustomerProfile.safeParse(JSON.parse('{"id":"c1","traits":{"__proto__":"x"}}')).success).toBe(false);

    const events = parseEvents([JSON.parse('{"customerId":"c","type":"t","timestamp":"2024-01-01T00:00:00Z","properties":{"__proto__":{"isAdmin":true}}}')]);
    expect(events.rejected[0]).toMatchObject({ path: ["properties", "__proto__"], code: "custom" });
    const report = dataQualityReport([JSON.parse('{"id":"c1","traits":{"__proto__":["x"]}}')]);
    expect(report.validRows).toBe(0);
    expect(report.fields.find((field) => field.field === "traits")!.invalid).toBe(1);
  });

  it("rejects __proto__ in the host schema's records and key-keeping objects too; a plain object strips it as any unknown key", () => {
    const schema = zm.object({
      id: zm.string(),
      prefs: zm.record(zm.string(), zm.number()),
      extra: zm.optional(zm.looseObject({ b: zm.number() })),
      plain: zm.optional(zm.object({ c: zm.number() })),
    });
    const rows = [
      JSON.parse('{"id":"a","prefs":{"__proto__":1,"x":2}}'),
      JSON.parse('{"id":"b","prefs":{},"extra":{"b":1,"__proto__":{"z":1}}}'),
      JSON.parse('{"id":"c","prefs":{},"plain":{"c":1,"__proto__":{}}}'),
    ];
    const parsed = parseProfiles(rows, schema);
    expect(parsed.counts).toEqual({ input: 3, valid: 1, rejected: 2 });
    expect(parsed.rejected.map((reject) => [reject.index, reject.path, reject.code, reject.issues.length])).toEqual([
      [0, ["prefs", "__proto__"], "custom", 1],
      [1, ["extra", "__proto__"], "custom", 1],
    ]);
    expect(parsed.valid[0]).toEqual({ id: "c", prefs: {}, plain: { c: 1 } });
    const report = dataQualityReport(rows, { schema });
    expect([report.validRows, report.invalidRows]).toEqual([1, 2]);
    expect(report.fields.find((field) => field.field === "prefs")!.invalid).toBe(1);
  });

  it("still accepts ordinary traits and properties, typed as before", () => {
    const profile = CustomerProfile.parse({ id: "c1", traits: { plan: "pro", seats: 3, beta: true, nothing: null, regions: ["eu"] } });
    const plan: string | number | boolean | string[] | null | undefined = profile.traits?.plan;
    expect(plan).toBe("pro");
    expect(parseEvents([{ customerId: "c", type: "t", timestamp: "2024-01-01T00:00:00Z", properties: { amount: 4 } }]).valid[0]!.properties).toEqual({ amount: 4 });
  });
});

describe("time-zone cache", () => {
  it("keeps valid names only, at most a thousand", () => {
    const before = cachedTimeZoneCount();
    const bogus = Array.from({ length: 2_000 }, (_, index) => ({ id: "x", geography: { timeZone: `Bogus/Zone_${index}` } }));
    expect(parseProfiles(bogus).counts.rejected).toBe(2_000);
    expect(cachedTimeZoneCount()).toBe(before);
    expect(parseProfiles([{ id: "a", geography: { timeZone: "Europe/Berlin" } }]).counts.valid).toBe(1);
    expect(cachedTimeZoneCount()).toBeLessThanOrEqual(Math.max(before, 0) + 1);
    expect(cachedTimeZoneCount()).toBeLessThanOrEqual(timeZoneCacheLimit);
  });
});

describe("schema functions given something that is not rows (fuzz review)", () => {
  it("name the argument instead of a raw 'is not iterable'", async () => {
    for (const rows of [undefined, null, 5, {}]) {
      expect(() => parseProfiles(rows as never)).toThrow(new TypeError("parseProfiles requires rows to be iterable"));
      expect(() => parseTransactions(rows as never)).toThrow(new TypeError("parseTransactions requires rows to be iterable"));
      expect(() => parseEvents(rows as never)).toThrow(new TypeError("parseEvents requires rows to be iterable"));
      expect(() => dataQualityReport(rows as never)).toThrow(new TypeError("dataQualityReport requires rows to be iterable"));
      expect(() => summarizeCustomers(rows as never, { asOf: new Date(0) })).toThrow(new TypeError("summarizeCustomers requires transactions to be iterable"));
      await expect(summarizeCustomersAsync(rows as never, { asOf: new Date(0) })).rejects.toThrow(new TypeError("summarizeCustomersAsync requires transactions to be iterable or async iterable"));
    }
  });
});

describe("Dates of another realm (review)", () => {
  it("are Dates to the parsers and the report, as summarizeCustomers reads them", async () => {
    const { runInNewContext } = await import("node:vm");
    const foreign = runInNewContext('new Date("2024-03-01T10:00:00Z")') as Date;
    expect(foreign instanceof Date).toBe(false);
    const transactions = parseTransactions([{ customerId: "c", timestamp: foreign, amount: 5 }]);
    expect(transactions.counts).toEqual({ input: 1, valid: 1, rejected: 0 });
    expect(transactions.valid[0]?.timestamp).toEqual(new Date("2024-03-01T10:00:00Z"));
    expect(transactions.valid[0]?.timestamp instanceof Date).toBe(true);
    const report = dataQualityReport([{ customerId: "c", timestamp: foreign, amount: 5 }], { schema: Transaction, idField: null });
    expect(report.validRows).toBe(1);
    // An object that only claims to be a Date is not one.
    const pretender = { [Symbol.toStringTag]: "Date", getTime: () => 0 };
    expect(parseTransactions([{ customerId: "c", timestamp: pretender, amount: 5 }]).counts.rejected).toBe(1);
  });
});
