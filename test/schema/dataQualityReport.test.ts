import { describe, expect, it } from "vitest";
import { Transaction, dataQualityReport } from "../../src/schema/index.js";

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
    expect(report.fields.find((field) => field.field === "id")!.missing).toBe(1);
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
});
