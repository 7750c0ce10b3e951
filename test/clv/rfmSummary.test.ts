import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rfmSummary } from "../../src/clv/index.js";
import { cdnowSummary, cdnowTransactions, day } from "./cdnow.js";

describe("rfmSummary on CDNOW", () => {
  const transactions = cdnowTransactions();
  const summary = rfmSummary(transactions, { calibrationEnd: day("1997-09-30"), observationEnd: day("1998-06-30"), unit: "weeks" });

  it("reproduces the published calibration/holdout counts", () => {
    expect(transactions.length).toBe(6919);
    expect(summary.customers.length).toBe(2357);
    expect(summary.counts.mergedSameDay).toBe(223);
    expect(summary.counts.calibrationRepeatPurchases).toBe(2457);
    expect(summary.counts.holdoutPurchases).toBe(1882);
    const zero = summary.customers.filter((c) => c.frequency === 0);
    expect(zero.length).toBe(1411);
    expect(zero.reduce((total, c) => total + c.holdoutFrequency, 0)).toBe(334);
    expect(summary.customers.filter((c) => c.frequency > 0).length).toBe(946);
    expect(summary.holdoutDuration).toBe(39);
  });

  it("rebuilds cdnow_customers_summary_with_transactions.csv: x exactly, t_x and T to 2 dp, zbar to the cent", () => {
    const expected = new Map(cdnowSummary().map((row) => [row.id, row]));
    let checked = 0;
    for (const customer of summary.customers) {
      const row = expected.get(customer.customerId);
      expect(row).toBeDefined();
      if (row === undefined) continue;
      expect(customer.frequency).toBe(row.frequency);
      expect(Math.abs(customer.recency - row.recency)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(customer.T - row.T)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(customer.monetaryValue - row.monetaryValue)).toBeLessThanOrEqual(0.005 + 1e-9);
      checked++;
    }
    expect(checked).toBe(2357);
  });
});

describe("rfmSummary rules", () => {
  it("merges same-day purchases, counts repeat days, and ignores rows after observationEnd", () => {
    const result = rfmSummary(
      [
        { customerId: "a", timestamp: new Date("2020-01-01T08:00:00Z"), amount: 5 },
        { customerId: "a", timestamp: new Date("2020-01-01T20:00:00Z"), amount: 5 },
        { customerId: "a", timestamp: day("2020-01-04"), amount: 3 },
        { customerId: "b", timestamp: day("2020-01-09"), amount: 1 },
        { customerId: "a", timestamp: day("2020-02-01"), amount: 1 },
      ],
      { calibrationEnd: day("2020-01-05"), observationEnd: day("2020-01-20"), unit: "days" },
    );
    expect(result.customers).toHaveLength(1);
    expect(result.customers[0]).toMatchObject({ customerId: "a", frequency: 1, recency: 3, T: 4, monetaryValue: 3, holdoutFrequency: 0 });
    expect(result.counts).toMatchObject({ mergedSameDay: 1, afterObservation: 1, customersFirstSeenLater: 1 });
  });

  it("converts units: the same history in days, weeks and months", () => {
    const rows = [
      { customerId: "a", timestamp: day("2020-01-01"), amount: 1 },
      { customerId: "a", timestamp: day("2020-01-15"), amount: 1 },
    ];
    const days = rfmSummary(rows, { calibrationEnd: day("2020-01-29"), unit: "days" }).customers[0];
    const weeks = rfmSummary(rows, { calibrationEnd: day("2020-01-29"), unit: "weeks" }).customers[0];
    const months = rfmSummary(rows, { calibrationEnd: day("2020-01-29"), unit: "months" }).customers[0];
    expect([days?.recency, days?.T]).toEqual([14, 28]);
    expect([weeks?.recency, weeks?.T]).toEqual([2, 4]);
    expect(months?.T).toBeCloseTo(28 / 30.4375, 12);
  });

  it("does not depend on row order; frequency + 1 + holdout counts equal the distinct purchase days (property)", () => {
    const row = fc.record({
      customerId: fc.constantFrom("a", "b", "c", "d"),
      timestamp: fc.integer({ min: 0, max: 60 }).map((offset) => new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000 + 3_600_000)),
      amount: fc.integer({ min: 1, max: 10_000 }).map((cents) => cents / 100),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 40 }), (rows, cut) => {
        const options = { calibrationEnd: new Date(Date.UTC(2020, 0, 1 + cut)), observationEnd: new Date(Date.UTC(2020, 2, 31)), unit: "days" as const };
        const forward = rfmSummary(rows, options);
        const backward = rfmSummary([...rows].reverse(), options);
        const key = (result: typeof forward) => [...result.customers].sort((x, y) => x.customerId.localeCompare(y.customerId));
        const a = key(forward);
        const b = key(backward);
        expect(a.map((c) => [c.customerId, c.frequency, c.recency, c.T, c.holdoutFrequency])).toEqual(b.map((c) => [c.customerId, c.frequency, c.recency, c.T, c.holdoutFrequency]));
        a.forEach((customer, index) => expect(customer.monetaryValue).toBeCloseTo(b[index]!.monetaryValue, 9));
        for (const customer of a) {
          const days = new Set(rows.filter((r) => r.customerId === customer.customerId).map((r) => Math.floor(r.timestamp.getTime() / 86_400_000)));
          expect(customer.frequency + 1 + customer.holdoutFrequency).toBe(days.size);
          expect(customer.recency).toBeLessThanOrEqual(customer.T);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("throws on invalid options and rows", () => {
    expect(() => rfmSummary([], { calibrationEnd: day("2020-01-01"), unit: "fortnights" as "days" })).toThrow("rfmSummary requires unit to be days, weeks, months or years");
    expect(() => rfmSummary([], { calibrationEnd: new Date("nope"), unit: "days" })).toThrow("rfmSummary requires calibrationEnd to be a valid Date");
    expect(() => rfmSummary([], { calibrationEnd: day("2020-01-02"), observationEnd: day("2020-01-01"), unit: "days" })).toThrow(
      "rfmSummary requires observationEnd to be on or after calibrationEnd",
    );
    expect(() => rfmSummary([{ customerId: "a", timestamp: new Date(Number.NaN), amount: 1 }], { calibrationEnd: day("2020-01-01"), unit: "days" })).toThrow(
      "rfmSummary requires every timestamp to be a valid Date (row 0)",
    );
    expect(() => rfmSummary([{ customerId: "a", timestamp: day("2020-01-01"), amount: Number.NaN }], { calibrationEnd: day("2020-01-01"), unit: "days" })).toThrow(
      "rfmSummary requires every amount to be a finite number (row 0)",
    );
    expect(rfmSummary([], { calibrationEnd: day("2020-01-01"), unit: "days" }).customers).toEqual([]);
  });
});

describe("rfmSummary on hostile input", () => {
  const options = { calibrationEnd: new Date("2020-01-01T00:00:00Z"), unit: "days" } as const;

  it("throws house-style TypeErrors for missing transactions, options and rows", () => {
    expect(() => rfmSummary(undefined as never, options)).toThrow(new TypeError("rfmSummary requires an array of transactions"));
    expect(() => rfmSummary([], undefined as never)).toThrow(new TypeError("rfmSummary requires options to be an object"));
    expect(() => rfmSummary([null] as never, options)).toThrow(new TypeError("rfmSummary requires every transaction to be an object (row 0)"));
    expect(() => rfmSummary([], { ...options, unit: "constructor" as never })).toThrow(new TypeError("rfmSummary requires unit to be days, weeks, months or years"));
  });
});

describe("rfmSummary at the calibration end (mutation review)", () => {
  it("keeps a customer whose first purchase falls on the calibration-end day", () => {
    const summary = rfmSummary([{ customerId: "a", timestamp: new Date("2024-01-31T10:00:00Z"), amount: 5 }], { calibrationEnd: new Date("2024-01-31T00:00:00Z"), unit: "days" });
    expect(summary.customers).toHaveLength(1);
    expect(summary.customers[0]).toMatchObject({ customerId: "a", frequency: 0, recency: 0, T: 0 });
    expect(summary.counts.customersFirstSeenLater).toBe(0);
  });
});
