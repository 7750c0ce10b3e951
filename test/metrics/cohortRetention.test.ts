import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortRetention } from "../../src/metrics/index.js";

const at = (iso: string) => new Date(iso);

describe("cohortRetention", () => {
  const events = [
    { customerId: "a", timestamp: at("2024-01-03T10:00:00Z"), type: "signup" },
    { customerId: "a", timestamp: at("2024-01-20T10:00:00Z"), type: "purchase" },
    { customerId: "a", timestamp: at("2024-03-05T10:00:00Z"), type: "purchase" },
    { customerId: "b", timestamp: at("2024-01-31T23:59:59Z"), type: "signup" },
    { customerId: "b", timestamp: at("2024-02-01T00:00:00Z"), type: "purchase" },
    { customerId: "c", timestamp: at("2024-02-10T00:00:00Z"), type: "signup" },
    { customerId: "c", timestamp: at("2024-04-02T00:00:00Z"), type: "purchase" },
  ];

  it("builds monthly cohorts in UTC with null for unfinished periods (n-day mode)", () => {
    const table = cohortRetention(events, { period: "month", asOf: at("2024-04-15T00:00:00Z") });
    expect(table.rows.map((row) => row.cohort)).toEqual(["2024-01-01", "2024-02-01"]);
    expect(table.rows[0]?.size).toBe(2);
    expect(table.rows[0]?.active).toEqual([2, 1, 1, null]);
    expect(table.rows[0]?.retention).toEqual([1, 0.5, 0.5, null]);
    expect(table.rows[1]?.retention).toEqual([1, 0, null, null]);
    // weighted by size over complete cells only
    expect(table.average).toEqual([1, 1 / 3, 0.5, null]);
  });
  it("unbounded mode counts activity in period k or later", () => {
    const table = cohortRetention(events, { period: "month", asOf: at("2024-05-01T00:00:00Z"), mode: "unbounded" });
    expect(table.rows[0]?.retention).toEqual([1, 1, 0.5, 0, null]);
    expect(table.rows[1]?.retention).toEqual([1, 1, 1, null, null]);
  });
  it("counts an event exactly at asOf, as activity and as a cohort's first event; a millisecond later is ignored", () => {
    const asOf = at("2024-01-10T00:00:00Z");
    const table = cohortRetention(
      [
        { customerId: "a", timestamp: at("2024-01-03T00:00:00Z") },
        { customerId: "a", timestamp: asOf },
        { customerId: "b", timestamp: asOf },
        { customerId: "c", timestamp: new Date(asOf.getTime() + 1) },
      ],
      { period: "day", asOf, mode: "unbounded" },
    );
    expect(table.rows.map((row) => [row.cohort, row.size])).toEqual([
      ["2024-01-03", 1],
      ["2024-01-10", 1],
    ]);
    // Active on day 7 (at asOf), so in unbounded mode in every earlier column; day 7 itself is unfinished.
    expect(table.rows[0]?.active).toEqual([1, 1, 1, 1, 1, 1, 1, null]);
  });
  it("separates the cohortizing event from the retention event", () => {
    const table = cohortRetention(events, { period: "month", asOf: at("2024-05-01T00:00:00Z"), cohortEventType: "signup", retentionEventType: "purchase" });
    expect(table.rows[0]?.active.slice(0, 4)).toEqual([1, 1, 1, 0]);
    expect(table.rows[0]?.retention[0]).toBe(0.5);
    expect(table.cohortEventType).toBe("signup");
  });
  it("weeks start on Monday and days are UTC calendar days", () => {
    const weekly = cohortRetention([{ customerId: "x", timestamp: at("2024-01-07T23:00:00Z") }, { customerId: "x", timestamp: at("2024-01-08T01:00:00Z") }], { period: "week", asOf: at("2024-01-22T00:00:00Z") });
    expect(weekly.rows[0]?.cohort).toBe("2024-01-01");
    expect(weekly.rows[0]?.active).toEqual([1, 1, 0, null]);
    const daily = cohortRetention([{ customerId: "x", timestamp: at("2024-01-01T23:59:00Z") }, { customerId: "x", timestamp: at("2024-01-02T00:01:00Z") }], { period: "day", asOf: at("2024-01-03T00:00:00Z") });
    expect(daily.rows[0]?.active).toEqual([1, 1, null]);
  });
  it("ignores events after asOf and activity before the cohort; limits columns with periods", () => {
    const table = cohortRetention(
      [
        { customerId: "p", timestamp: at("2024-01-05T00:00:00Z"), type: "visit" },
        { customerId: "p", timestamp: at("2024-02-05T00:00:00Z"), type: "signup" },
        { customerId: "p", timestamp: at("2024-09-05T00:00:00Z"), type: "signup" },
      ],
      { period: "month", asOf: at("2024-04-01T00:00:00Z"), cohortEventType: "signup", periods: 2 },
    );
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]?.cohort).toBe("2024-02-01");
    expect(table.rows[0]?.active).toEqual([1, 0]);
  });
  it("months of the years 0 to 99 are those years, not 1900 to 1999 (claims review)", () => {
    const year50 = (month: number, day: number) => {
      const date = new Date(0);
      date.setUTCFullYear(50, month, day);
      return date;
    };
    const table = cohortRetention(
      [
        { customerId: "a", timestamp: year50(0, 3), type: "signup" },
        { customerId: "a", timestamp: year50(1, 3), type: "purchase" },
      ],
      { period: "month", asOf: year50(2, 15) },
    );
    expect(table.rows.map((row) => row.cohort)).toEqual(["0050-01-01"]);
    expect(table.rows[0]?.retention).toEqual([1, 1, null]);
  });
  it("no events gives no rows", () => {
    expect(cohortRetention([], { period: "month", asOf: at("2024-01-01T00:00:00Z") })).toMatchObject({ rows: [], average: [] });
  });
  it("rejects invalid dates and options", () => {
    expect(() => cohortRetention([{ customerId: "a", timestamp: new Date(Number.NaN) }], { period: "month", asOf: at("2024-01-01T00:00:00Z") })).toThrow(new RangeError("cohortRetention requires valid timestamps"));
    expect(() => cohortRetention([], { period: "month", asOf: new Date(Number.NaN) })).toThrow(new RangeError("cohortRetention requires a valid asOf date"));
    expect(() => cohortRetention([], { period: "year" as "month", asOf: at("2024-01-01T00:00:00Z") })).toThrow(TypeError);
  });
});

describe("cohortRetention against a naive Date-based implementation", () => {
  const naive = (events: { customerId: string; timestamp: Date }[], asOf: Date, mode: "n-day" | "unbounded") => {
    const month = (date: Date) => date.getUTCFullYear() * 12 + date.getUTCMonth();
    const first = new Map<string, number>();
    const active = new Map<string, Set<number>>();
    for (const event of events) {
      if (event.timestamp.getTime() > asOf.getTime()) continue;
      const index = month(event.timestamp);
      first.set(event.customerId, Math.min(first.get(event.customerId) ?? Number.POSITIVE_INFINITY, index));
      if (!active.has(event.customerId)) active.set(event.customerId, new Set());
      active.get(event.customerId)?.add(index);
    }
    const result = new Map<number, { size: number; counts: Map<number, number> }>();
    for (const [customer, cohort] of first) {
      const row = result.get(cohort) ?? { size: 0, counts: new Map<number, number>() };
      row.size++;
      const offsets = [...(active.get(customer) ?? [])].map((index) => index - cohort).filter((offset) => offset >= 0);
      const max = Math.max(...offsets);
      const counted = mode === "n-day" ? offsets : Array.from({ length: max + 1 }, (_, offset) => offset);
      for (const offset of counted) row.counts.set(offset, (row.counts.get(offset) ?? 0) + 1);
      result.set(cohort, row);
    }
    return result;
  };

  it("law: the same sizes and active counts for random events over a century, in both modes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ customerId: fc.constantFrom("a", "b", "c", "d", "e", "f"), timestamp: fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2050-12-31T23:59:59Z"), noInvalidDate: true }) }), { maxLength: 40 }),
        fc.date({ min: new Date("1950-06-01T00:00:00Z"), max: new Date("2051-01-01T00:00:00Z"), noInvalidDate: true }),
        fc.constantFrom("n-day" as const, "unbounded" as const),
        (events, asOf, mode) => {
          const table = cohortRetention(events, { period: "month", asOf, mode });
          const reference = naive(events, asOf, mode);
          expect(table.rows.length).toBe(reference.size);
          for (const row of table.rows) {
            const cohort = row.cohortStart.getUTCFullYear() * 12 + row.cohortStart.getUTCMonth();
            const expected = reference.get(cohort);
            expect(row.size).toBe(expected?.size);
            row.active.forEach((count, offset) => {
              if (count !== null) expect(count).toBe(expected?.counts.get(offset) ?? 0);
            });
          }
        },
      ),
    );
  });
});

describe("cohortRetention's width from the data (review)", () => {
  it("refuses cohorts that span more than 100,000 periods, as it refuses periods above 100,000", () => {
    const events = [
      { customerId: "stray", timestamp: new Date("1000-01-01T00:00:00Z") },
      { customerId: "c", timestamp: new Date("2024-01-01T00:00:00Z") },
    ];
    expect(() => cohortRetention(events, { period: "day", asOf: new Date("2024-02-01T00:00:00Z") })).toThrow(
      "cohortRetention requires the cohorts to span at most 100000 periods, got 374040 (pass periods, or check the earliest cohort dates)",
    );
    expect(cohortRetention(events, { period: "day", asOf: new Date("2024-02-01T00:00:00Z"), periods: 30 }).rows).toHaveLength(2);
  });
  it("rejects an id that is not a string instead of counting 1 and \"1\" as two customers", () => {
    const at = new Date(Date.UTC(2024, 0, 1));
    const events = [{ customerId: "1", timestamp: at }, { customerId: 1 as unknown as string, timestamp: at }];
    expect(() => cohortRetention(events, { period: "day", asOf: at })).toThrow(new TypeError("cohortRetention requires every customerId to be a string (row 1)"));
  });
});
