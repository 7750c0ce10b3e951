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
        refunds: 0,
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
        refunds: 0,
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
      // The instants next to asOf come up often: a purchase at asOf counts, one a millisecond later does not.
      timestamp: fc
        .oneof(fc.integer({ min: asOf.getTime() - 400 * day, max: asOf.getTime() + 30 * day }), fc.constantFrom(asOf.getTime() - 1, asOf.getTime(), asOf.getTime() + 1))
        .map((time) => new Date(time)),
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
        const purchasesAndRefunds = forward.customers.reduce((sum, customer) => sum + customer.frequency + customer.refunds, 0);
        expect(purchasesAndRefunds + forward.refundOnly.reduce((sum, customer) => sum + customer.refunds, 0)).toBe(forward.counts.used);
        const used = rows.filter((row) => row.timestamp <= asOf);
        for (const customer of forward.customers) {
          const purchases = used.filter((row) => row.customerId === customer.customerId && row.amount >= 0);
          expect(customer.frequency).toBe(purchases.length);
          expect(customer.lastPurchaseAt.getTime()).toBe(Math.max(...purchases.map((row) => row.timestamp.getTime())));
        }
        for (const customer of forward.refundOnly) {
          expect(used.some((row) => row.customerId === customer.customerId && row.amount >= 0)).toBe(false);
        }
        expect(await summarizeCustomersAsync(rows, { asOf })).toEqual(forward);
      }),
      { numRuns: 150 },
    );
  });

  it("counts a purchase made exactly at asOf and leaves one a millisecond later out", () => {
    const { customers, counts } = summarizeCustomers(
      [
        { customerId: "a", timestamp: new Date(asOf.getTime() - 10 * day), amount: 10 },
        { customerId: "a", timestamp: new Date(asOf.getTime()), amount: 20 },
        { customerId: "a", timestamp: new Date(asOf.getTime() + 1), amount: 40 },
      ],
      { asOf },
    );
    expect(counts).toMatchObject({ used: 2, afterAsOf: 1 });
    expect(customers[0]).toMatchObject({ frequency: 2, monetaryTotal: 30, recencyDays: 0 });
    expect(customers[0]!.lastPurchaseAt.getTime()).toBe(asOf.getTime());
  });

  it("finds the first purchase when transactions come out of order, and keeps an empty currency as it is", () => {
    const outOfOrder = summarizeCustomers(
      [
        { customerId: "a", timestamp: new Date("2024-03-01T00:00:00Z"), amount: 10 },
        { customerId: "a", timestamp: new Date("2024-01-01T00:00:00Z"), amount: 5 },
      ],
      { asOf: new Date("2024-04-01T00:00:00Z") },
    );
    expect(outOfOrder.customers[0]).toMatchObject({ firstPurchaseAt: new Date("2024-01-01T00:00:00Z"), recencyDays: 31, tenureDays: 91, meanInterPurchaseDays: 60 });
    const empty = summarizeCustomers([{ customerId: "b", timestamp: new Date("2024-03-01T00:00:00Z"), amount: 10, currency: "" }], { asOf: new Date("2024-04-01T00:00:00Z") });
    expect(empty.customers[0]?.currency).toBe("");
  });

  it("counts refunds (negative amounts) in the net total, not as purchases", () => {
    const at = (days: number) => new Date(asOf.getTime() - days * day);
    const { customers, refundOnly, counts } = summarizeCustomers(
      [
        { customerId: "a", timestamp: at(30), amount: 100 },
        { customerId: "a", timestamp: at(20), amount: 0 },
        { customerId: "a", timestamp: at(5), amount: -40 },
        { customerId: "b", timestamp: at(3), amount: -15 },
        { customerId: "b", timestamp: at(2), amount: -5 },
        { customerId: "c", timestamp: at(1), amount: -10 },
        { customerId: "c", timestamp: at(10), amount: 25 },
      ],
      { asOf },
    );
    expect(customers).toEqual([
      {
        customerId: "a",
        firstPurchaseAt: at(30),
        lastPurchaseAt: at(20),
        frequency: 2,
        refunds: 1,
        monetaryTotal: 60,
        monetaryAverage: 30,
        recencyDays: 20,
        tenureDays: 30,
        meanInterPurchaseDays: 10,
        currency: null,
      },
      {
        customerId: "c",
        firstPurchaseAt: at(10),
        lastPurchaseAt: at(10),
        frequency: 1,
        refunds: 1,
        monetaryTotal: 15,
        monetaryAverage: 15,
        recencyDays: 10,
        tenureDays: 10,
        meanInterPurchaseDays: null,
        currency: null,
      },
    ]);
    expect(refundOnly).toEqual([{ customerId: "b", refunds: 2, monetaryTotal: -20, currency: null }]);
    expect(counts).toEqual({ transactions: 7, used: 7, afterAsOf: 0, customers: 2 });
  });

  it("sums finite amounts that overflow to Infinity, not NaN", () => {
    const { customers } = summarizeCustomers(
      [
        { customerId: "a", timestamp: new Date(0), amount: 1e308 },
        { customerId: "a", timestamp: new Date(0), amount: 1e308 },
        { customerId: "a", timestamp: new Date(0), amount: -1 },
        { customerId: "b", timestamp: new Date(0), amount: -1e308 },
        { customerId: "b", timestamp: new Date(0), amount: -1e308 },
      ],
      { asOf },
    );
    expect(customers[0]!.monetaryTotal).toBe(Number.POSITIVE_INFINITY);
    expect(customers[0]!.monetaryAverage).toBe(Number.POSITIVE_INFINITY);
  });

  it("throws house-style errors for a bad clock, a bad row, a bad timestamp or a bad amount", () => {
    const row = { customerId: "a", timestamp: new Date(0), amount: 1 };
    const error = (run: () => unknown) => {
      try {
        run();
      } catch (caught) {
        return `${(caught as Error).constructor.name}: ${(caught as Error).message}`;
      }
      return "no error";
    };
    const options = (asOfValue: unknown) => ({ asOf: asOfValue }) as { asOf: Date };
    expect([
      error(() => summarizeCustomers([], options("2024-01-01"))),
      error(() => summarizeCustomers([], options(undefined))),
      error(() => summarizeCustomers([], undefined as unknown as { asOf: Date })),
      error(() => summarizeCustomers([], options(new Date("x")))),
      error(() => summarizeCustomers([row, row, row, null as never], { asOf })),
      error(() => summarizeCustomers([row, 7 as never], { asOf })),
      error(() => summarizeCustomers([row, { ...row, timestamp: "2024-01-01T00:00:00Z" as never }], { asOf })),
      error(() => summarizeCustomers([{ ...row, timestamp: 0 as never }], { asOf })),
      error(() => summarizeCustomers([{ ...row, timestamp: new Date("x") }], { asOf })),
      error(() => summarizeCustomers([{ ...row, amount: "5" as never }], { asOf })),
      error(() => summarizeCustomers([{ ...row, amount: Number.NaN }], { asOf })),
    ]).toMatchInlineSnapshot(`
      [
        "TypeError: summarizeCustomers requires asOf to be a valid date",
        "TypeError: summarizeCustomers requires asOf to be a valid date",
        "TypeError: summarizeCustomers requires asOf to be a valid date",
        "RangeError: summarizeCustomers requires asOf to be a valid date",
        "TypeError: summarizeCustomers found a value that is not an object in transaction 3",
        "TypeError: summarizeCustomers found a value that is not an object in transaction 1",
        "TypeError: summarizeCustomers found a timestamp that is not a Date in transaction 1; parse raw rows with parseTransactions first",
        "TypeError: summarizeCustomers found a timestamp that is not a Date in transaction 0; parse raw rows with parseTransactions first",
        "RangeError: summarizeCustomers found an invalid Date in transaction 0",
        "RangeError: summarizeCustomers found a non-finite amount in transaction 0",
        "RangeError: summarizeCustomers found a non-finite amount in transaction 0",
      ]
    `);
  });

  it("reads a Date of another realm", async () => {
    const { runInNewContext } = await import("node:vm");
    const foreign = runInNewContext('new Date("2024-01-01T00:00:00Z")') as Date;
    expect(foreign instanceof Date).toBe(false);
    const { customers } = summarizeCustomers([{ customerId: "a", timestamp: foreign, amount: 1 }], { asOf: runInNewContext('new Date("2024-01-11T00:00:00Z")') as Date });
    expect(customers[0]!.recencyDays).toBe(10);
  });

  it("async: the same errors and the same refund handling", async () => {
    async function* stream() {
      yield { customerId: "a", timestamp: new Date(0), amount: 10 };
      yield { customerId: "a", timestamp: new Date(day), amount: -4 };
      yield null as never;
    }
    await expect(summarizeCustomersAsync(stream(), { asOf })).rejects.toThrow("summarizeCustomersAsync found a value that is not an object in transaction 2");
    const result = await summarizeCustomersAsync([{ customerId: "a", timestamp: new Date(0), amount: 10 }, { customerId: "a", timestamp: new Date(day), amount: -4 }], { asOf });
    expect([result.customers[0]!.frequency, result.customers[0]!.refunds, result.customers[0]!.monetaryTotal]).toEqual([1, 1, 6]);
    // A transaction of a sync iterable is taken as it is: awaited, this one would never settle.
    const thenable = [{ customerId: "t", timestamp: new Date(0), amount: 5, then: () => undefined }];
    expect(await summarizeCustomersAsync(thenable, { asOf })).toEqual(summarizeCustomers(thenable, { asOf }));
  });
});

describe("summarizeCustomers: customer ids (fuzz review)", () => {
  it("refuses a customerId that is not a string (rows with undefined ids were merged into one customer)", () => {
    const asOf = new Date("2024-02-01T00:00:00Z");
    for (const customerId of [undefined, null, {}, 7]) {
      expect(() => summarizeCustomers([{ customerId, timestamp: new Date("2024-01-01T00:00:00Z"), amount: 1 } as never], { asOf })).toThrow(
        new TypeError("summarizeCustomers found a customerId that is not a string in transaction 0"),
      );
    }
  });
});
