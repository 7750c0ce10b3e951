import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { summarizeCustomers, summarizeCustomersAsync } from "../../src/schema/index.js";

const day = 86_400_000;
const asOf = new Date("2024-06-30T00:00:00Z");

describe("summarizeCustomers", () => {
  it("computes recency, frequency, monetary, tenure and inter-purchase time", () => {
    const { customers } = summarizeCustomers(
      [
        { customerId: "a", timestamp: new Date(asOf.getTime() - 40 * day), amount: 10 },
        { customerId: "a", timestamp: new Date(asOf.getTime() - 10 * day), amount: 30 },
        { customerId: "a", timestamp: new Date(asOf.getTime() - 25 * day), amount: 20 },
        { customerId: "b", timestamp: new Date(asOf.getTime() - 1.5 * day), amount: 99.99 },
      ],
      { asOf },
    );
    expect(customers).toEqual([
      {
        customerId: "a",
        firstPurchaseAt: new Date(asOf.getTime() - 40 * day),
        lastPurchaseAt: new Date(asOf.getTime() - 10 * day),
        frequency: 3,
        monetaryTotal: 60,
        monetaryAverage: 20,
        recencyDays: 10,
        tenureDays: 40,
        meanInterPurchaseDays: 15,
        currency: null,
      },
      {
        customerId: "b",
        firstPurchaseAt: new Date(asOf.getTime() - 1.5 * day),
        lastPurchaseAt: new Date(asOf.getTime() - 1.5 * day),
        frequency: 1,
        monetaryTotal: 99.99,
        monetaryAverage: 99.99,
        recencyDays: 1.5,
        tenureDays: 1.5,
        meanInterPurchaseDays: null,
        currency: null,
      },
    ]);
  });

  it("keeps cents over many small amounts (compensated summation)", () => {
    const rows = Array.from({ length: 100_000 }, () => ({ customerId: "a", timestamp: new Date(0), amount: 0.1 }));
    const { customers } = summarizeCustomers(rows, { asOf });
    expect(customers[0]!.monetaryTotal).toBe(10_000);
  });

  it("rejects mixed currencies for one customer and an invalid clock", () => {
    expect(() =>
      summarizeCustomers(
        [
          { customerId: "a", timestamp: new Date(0), amount: 1, currency: "USD" },
          { customerId: "a", timestamp: new Date(0), amount: 1, currency: "EUR" },
        ],
        { asOf },
      ),
    ).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: summarizeCustomers found more than one currency for customer a (USD and EUR); convert amounts to one currency first]`,
    );
    expect(() => summarizeCustomers([], { asOf: new Date("x") })).toThrow("summarizeCustomers requires asOf to be a valid date");
  });

  it("property: order does not matter, counts reconcile, sync equals async", async () => {
    const transaction = fc.record({
      customerId: fc.constantFrom("a", "b", "c", "d"),
      timestamp: fc.integer({ min: asOf.getTime() - 400 * day, max: asOf.getTime() + 30 * day }).map((time) => new Date(time)),
      amount: fc.integer({ min: -500, max: 50_000 }).map((cents) => cents / 100),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(transaction, { maxLength: 60 }), async (rows) => {
        const forward = summarizeCustomers(rows, { asOf });
        const backward = summarizeCustomers([...rows].reverse(), { asOf });
        const byId = (result: typeof forward) => new Map(result.customers.map((customer) => [customer.customerId, customer]));
        const backwardById = byId(backward);
        for (const customer of forward.customers) {
          const other = backwardById.get(customer.customerId)!;
          expect(other.frequency).toBe(customer.frequency);
          expect(other.monetaryTotal).toBeCloseTo(customer.monetaryTotal, 9);
          expect(other.recencyDays).toBe(customer.recencyDays);
          expect(customer.recencyDays).toBeGreaterThanOrEqual(0);
          expect(customer.tenureDays).toBeGreaterThanOrEqual(customer.recencyDays);
        }
        expect(forward.counts.used + forward.counts.afterAsOf).toBe(rows.length);
        expect(forward.customers.reduce((sum, customer) => sum + customer.frequency, 0)).toBe(forward.counts.used);
        expect(await summarizeCustomersAsync(rows, { asOf })).toEqual(forward);
      }),
      { numRuns: 150 },
    );
  });
});
