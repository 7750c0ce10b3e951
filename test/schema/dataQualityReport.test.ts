import { describe, expect, it } from "vitest";
import * as zm from "zod/mini";
import { Transaction, dataQualityReport, extendProfileSchema, parseProfiles, parseTransactions } from "../../src/schema/index.js";

describe("dataQualityReport", () => {
  it("counts valid, missing and invalid per field, and the rates", () => {
    const report = dataQualityReport([
      { id: "a", demographics: { age: 30 } },
      { id: "b", demographics: { age: null } },
      { id: "c", demographics: { age: "thirty" } },
      { id: "d" },
    ]);
    const age = report.fields.find((field) => field.field === "demographics.age")!;
    expect(age).toEqual({ field: "demographics.age", valid: 1, missing: 2, invalid: 1, missingRate: 0.5, invalidRate: 0.25 });
    expect(report.rows).toBe(4);
    expect(report.validRows + report.invalidRows).toBe(4);
    expect(report.invalidRows).toBe(1);
  });

  it("lists every leaf of the profile schema, nested groups included", () => {
    const report = dataQualityReport([]);
    const names = report.fields.map((field) => field.field);
    expect(names).toContain("psychographics.personality.openness");
    expect(names).toContain("consent.email.granted");
    expect(names).toContain("geography.country");
    expect(report.fields.every((field) => field.missingRate === null)).toBe(true);
  });

  it("finds duplicate ids and unknown keys, and never reads inherited properties", () => {
    const inherited = Object.create({ id: "ghost", demographics: { age: 3 } }) as object;
    const report = dataQualityReport([{ id: "x", extra: 1, geography: { planet: "earth" } }, { id: "x" }, inherited]);
    expect(report.duplicateIds).toEqual([{ id: "x", indexes: [0, 1] }]);
    expect(report.unknownFields).toEqual([
      { field: "extra", rows: 1 },
      { field: "geography.planet", rows: 1 },
    ]);
    // The inherited row is read through its own properties only (it has none): it is not a plain
    // object, so its fields are invalid, never valid from the template's "ghost".
    const id = report.fields.find((field) => field.field === "id")!;
    expect([id.valid, id.missing, id.invalid]).toEqual([2, 0, 1]);
    expect(report.validRows).toBe(2);
  });

  it("counts the fields of a group that is present but not an object as invalid, not missing", () => {
    const rows = [
      { id: "a", demographics: "x" },
      { id: "b", demographics: [] },
      { id: "c", demographics: new Date("2024-01-01T00:00:00Z") },
      { id: "d", demographics: new Map([["age", 4]]) },
      { id: "e", demographics: null },
      { id: "f" },
      { id: "g", demographics: { age: 30 } },
      { id: "h", psychographics: { personality: 5 } },
    ];
    const report = dataQualityReport(rows);
    const age = report.fields.find((field) => field.field === "demographics.age")!;
    expect([age.valid, age.missing, age.invalid]).toEqual([1, 3, 4]);
    const openness = report.fields.find((field) => field.field === "psychographics.personality.openness")!;
    expect([openness.valid, openness.missing, openness.invalid]).toEqual([0, 7, 1]);
    expect(report.validRows).toBe(3);
    expect(report.validRows).toBe(parseProfiles(rows).counts.valid);
  });

  it("counts an absent value or a null that the field rejects as invalid; missing is what the schema allows", () => {
    const report = dataQualityReport([
      { id: "a", consent: { email: { granted: null } } },
      { id: "b", consent: { email: {} } },
      { id: "c", consent: { email: null } },
      { id: "d", consent: { email: { granted: true } } },
      null,
      "not a row",
    ]);
    const granted = report.fields.find((field) => field.field === "consent.email.granted")!;
    // a: null rejected, b: absent but required (review: it counted as missing, so an invalid row showed no invalid field).
    expect([granted.valid, granted.missing, granted.invalid]).toEqual([1, 1, 4]);
    const id = report.fields.find((field) => field.field === "id")!;
    expect([id.valid, id.missing, id.invalid]).toEqual([4, 0, 2]);
    expect([report.validRows, report.invalidRows]).toEqual([2, 4]);
    // Every invalid row shows at least one invalid field.
    const transactions = dataQualityReport([{ customerId: "c", amount: 1 }, {}], { schema: Transaction });
    const invalidFields = (name: string) => transactions.fields.find((field) => field.field === name)!.invalid;
    expect([invalidFields("timestamp"), invalidFields("customerId"), transactions.invalidRows]).toEqual([2, 1, 2]);
  });

  it("counts a row that throws while read or validated as invalid in every field, and goes on (review)", () => {
    const throwing = Object.defineProperty({}, "id", { enumerable: true, get: () => { throw new Error("boom"); } });
    const huge = JSON.parse(`{"id":"x","tags":[${Array(500_000).fill("1").join(",")}]}`);
    const report = dataQualityReport([{ id: "a" }, throwing, huge, { id: "b" }]);
    expect([report.rows, report.validRows, report.invalidRows]).toEqual([4, 2, 2]);
    const id = report.fields.find((field) => field.field === "id")!;
    expect([id.valid, id.missing, id.invalid]).toEqual([2, 0, 2]);
    expect(report.fields.every((field) => field.invalid >= 1)).toBe(true);
  });

  it("agrees with parseProfiles on inherited, polluted and non-plain rows", () => {
    const rows: unknown[] = [
      Object.create({ id: "ghost" }),
      { id: "a", demographics: new Map() },
      Object.assign(Object.create(null) as object, { id: "b" }),
      { id: "c", tags: ["x"] },
      { id: "d", tags: "x" },
    ];
    const report = dataQualityReport(rows);
    expect(report.validRows).toBe(parseProfiles(rows).counts.valid);
    expect(report.validRows).toBe(2);
  });

  it("reports unknown keys inside arrays of objects once per row, without indexes", () => {
    const row = (items: unknown) => ({ customerId: "c", orderId: "o", timestamp: "2024-01-01T00:00:00Z", amount: 1, items });
    const report = dataQualityReport(
      [
        row([{ quantity: 1, colour: "red" }, { quantity: 2, colour: "blue", size: "L" }]),
        row([{ quantity: 1, colour: "green" }]),
        row([{ quantity: 1 }]),
        row("not an array"),
      ],
      { schema: Transaction, idField: null },
    );
    expect(report.unknownFields).toEqual([
      { field: "items.colour", rows: 2 },
      { field: "items.size", rows: 1 },
    ]);
    expect(parseTransactions([row([{ quantity: 1, colour: "red" }])]).valid[0]!.items).toEqual([{ quantity: 1 }]);
  });

  it("works with the transaction schema and a custom id field", () => {
    const report = dataQualityReport(
      [
        { customerId: "c1", orderId: "o1", timestamp: "2024-01-01T00:00:00Z", amount: 5 },
        { customerId: "c1", orderId: "o1", timestamp: "not a date", amount: 5 },
      ],
      { schema: Transaction, idField: "orderId" },
    );
    expect(report.duplicateIds).toEqual([{ id: "o1", indexes: [0, 1] }]);
    expect(report.fields.find((field) => field.field === "timestamp")!.invalid).toBe(1);
  });

  it("reads a schema that is not an object as one field: the row", () => {
    const report = dataQualityReport(["a", 5, null], { schema: zm.string(), idField: null });
    expect(report.fields).toEqual([{ field: "", valid: 1, missing: 0, invalid: 2, missingRate: 0, invalidRate: 2 / 3 }]);
    expect(report.validRows).toBe(1);
  });

  it("checks its schema and idField instead of failing inside or detecting nothing", () => {
    // { schema: "Transaction" } threw "Cannot read properties of undefined (reading 'def')".
    expect(() => dataQualityReport([], { schema: "Transaction" as never })).toThrow(new TypeError("dataQualityReport requires schema to be a zod schema"));
    expect(() => dataQualityReport([], null as never)).toThrow(new TypeError("dataQualityReport requires options to be an object"));
    // Transaction has no "id": the default used to be "id" all the same, so duplicates went unseen.
    const rows = [
      { customerId: "c1", orderId: "o1", timestamp: "2024-01-01T00:00:00Z", amount: 5 },
      { customerId: "c1", orderId: "o1", timestamp: "2024-01-02T00:00:00Z", amount: 5 },
    ];
    expect(dataQualityReport(rows, { schema: Transaction })).toMatchObject({ idField: null, duplicateIds: [] });
    expect(dataQualityReport(rows, { schema: Transaction, idField: "orderId" })).toMatchObject({ idField: "orderId", duplicateIds: [{ id: "o1", indexes: [0, 1] }] });
    expect(() => dataQualityReport(rows, { schema: Transaction, idField: "id" })).toThrow(
      new RangeError('dataQualityReport requires idField to name a top-level field of the schema: "id" is not one'),
    );
    expect(() => dataQualityReport([], { idField: "geography" })).toThrow(/"geography" is not one/);
    expect(dataQualityReport([]).idField).toBe("id");
  });
});


describe("pinned by mutation review (round two)", () => {
  it("reports a refused value once, and keeps zod's issues about its parents", () => {
    const Shop = extendProfileSchema({ visits: zm.optional(zm.array(zm.object({ n: zm.number() })).check(zm.minLength(2))) });
    expect(parseProfiles([{ id: "c", visits: [new Map()] }], Shop).rejected[0]?.issues).toEqual([
      { code: "invalid_type", path: ["visits", 0], message: "Invalid input: expected a plain object, received Map" },
      { code: "too_small", path: ["visits"], message: "Too small: expected array to have >=2 items" },
    ]);
    expect(parseProfiles([new Map()]).rejected[0]?.issues).toEqual([{ code: "invalid_type", path: [], message: "Invalid input: expected a plain object, received Map" }]);
  });

  it("counts 1 and \"1\" as one id, and reports extra keys of a strict object as unknown", () => {
    expect(dataQualityReport([{ id: 1 }, { id: "1" }]).duplicateIds).toEqual([{ id: "1", indexes: [0, 1] }]);
    expect(dataQualityReport([{ id: 7 }, { id: 7 }], { schema: zm.object({ id: zm.number() }) }).duplicateIds).toEqual([{ id: "7", indexes: [0, 1] }]);
    expect(dataQualityReport([{ id: "a", extra: 1 }], { schema: zm.strictObject({ id: zm.string() }) }).unknownFields).toEqual([{ field: "extra", rows: 1 }]);
  });
});
