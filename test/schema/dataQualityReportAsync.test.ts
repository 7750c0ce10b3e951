import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Transaction, dataQualityReport, dataQualityReportAsync } from "../../src/schema/index.js";

async function* asyncRows(rows: ReadonlyArray<unknown>) {
  for (const row of rows) yield row;
}

const rawRow = fc.oneof(
  fc.record({ id: fc.constantFrom("a", "b", "c", 1), extra: fc.anything() }, { requiredKeys: ["id"] }),
  fc.record({ id: fc.string(), demographics: fc.oneof(fc.record({ age: fc.oneof(fc.integer({ min: -5, max: 140 }), fc.constant(null)) }), fc.string(), fc.constant(null)) }),
  fc.record({ id: fc.constantFrom("a", "b"), geography: fc.record({ country: fc.constantFrom("US", "usa", null), planet: fc.string() }, { requiredKeys: [] }) }),
  fc.anything(),
);

describe("dataQualityReportAsync", () => {
  it("property: reports exactly what dataQualityReport reports, from sync and async sources", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rawRow, { maxLength: 30 }), fc.boolean(), async (rows, asynchronous) => {
        const report = await dataQualityReportAsync(asynchronous ? asyncRows(rows) : rows);
        expect(report).toEqual(dataQualityReport(rows));
        expect(report.validRows + report.invalidRows).toBe(rows.length);
      }),
      { numRuns: 150 },
    );
  });

  it("takes the schema and id field, and a row that throws while read is invalid, not fatal", async () => {
    const throwing = {
      get customerId(): string {
        throw new Error("getter");
      },
    };
    const rows = [
      { customerId: "c1", orderId: "o1", timestamp: "2024-01-01T00:00:00Z", amount: 1 },
      throwing,
      { customerId: "c2", orderId: "o1", timestamp: "2024-01-02T00:00:00Z", amount: 2, coupon: "X" },
    ];
    const report = await dataQualityReportAsync(asyncRows(rows), { schema: Transaction, idField: "orderId" });
    expect(report).toEqual(dataQualityReport(rows, { schema: Transaction, idField: "orderId" }));
    expect([report.rows, report.validRows, report.invalidRows]).toEqual([3, 2, 1]);
    expect(report.duplicateIds).toEqual([{ id: "o1", indexes: [0, 2] }]);
    expect(report.unknownFields).toEqual([{ field: "coupon", rows: 1 }]);
  });

  it("never awaits a thenable row of a sync iterable", async () => {
    let thenCalls = 0;
    const report = await dataQualityReportAsync([{ id: "t", then: () => void thenCalls++ }]);
    expect(thenCalls).toBe(0);
    expect(report.unknownFields).toEqual([{ field: "then", rows: 1 }]);
  });

  it("names itself in its errors, as a rejected promise", async () => {
    await expect(dataQualityReportAsync(42 as never)).rejects.toThrow(new TypeError("dataQualityReportAsync requires rows to be iterable or async iterable"));
    await expect(dataQualityReportAsync([], null as never)).rejects.toThrow(new TypeError("dataQualityReportAsync requires options to be an object"));
    await expect(dataQualityReportAsync([], { schema: {} as never })).rejects.toThrow(new TypeError("dataQualityReportAsync requires schema to be a zod schema"));
    await expect(dataQualityReportAsync([], { schema: Transaction })).resolves.toMatchObject({ idField: null, rows: 0 });
    await expect(dataQualityReportAsync([], { idField: "email" })).rejects.toThrow(
      new RangeError('dataQualityReportAsync requires idField to name a top-level field of the schema: "email" is not one'),
    );
  });
});
