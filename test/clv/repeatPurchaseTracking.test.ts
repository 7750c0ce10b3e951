import { describe, expect, it } from "vitest";
import { fitBgNbd, fitParetoNbd, modelFromParams, repeatPurchaseTracking, rfmSummary } from "../../src/clv/index.js";
import { cdnowTransactions, day } from "./cdnow.js";

describe("repeatPurchaseTracking on CDNOW (FHL 2005 figure 3)", () => {
  const transactions = cdnowTransactions();
  const summary = rfmSummary(transactions, { calibrationEnd: day("1997-09-30"), observationEnd: day("1998-06-30"), unit: "weeks" });
  const bgNbd = fitBgNbd(summary);
  const pareto = fitParetoNbd(summary);
  if (!bgNbd.converged || !pareto.converged) throw new Error("not converged");
  const options = { calibrationEnd: day("1997-09-30"), observationEnd: day("1998-06-30") };

  it("78 weekly rows; actual cumulative repeat purchases 2,457 at week 39 and 4,339 at week 78", () => {
    const rows = repeatPurchaseTracking(transactions, bgNbd, options);
    expect(rows).toHaveLength(78);
    expect(rows[38]).toMatchObject({ period: 39, actual: 2457, inCalibration: true });
    expect(rows[38]!.through).toEqual(day("1997-09-30"));
    expect(rows[39]!.inCalibration).toBe(false);
    expect(rows[77]).toMatchObject({ period: 78, actual: 4339 });
    expect(rows[77]!.through).toEqual(day("1998-06-30"));
  });

  it("week-78 forecasts: BG/NBD 4,166 (−4.0 %), Pareto/NBD 4,275 (−1.5 %)", () => {
    const bg = repeatPurchaseTracking(transactions, bgNbd, options)[77]!;
    const pa = repeatPurchaseTracking(transactions, pareto, options)[77]!;
    expect(Math.abs(bg.expected - 4166)).toBeLessThan(5);
    expect(Math.abs(pa.expected - 4275)).toBeLessThan(5);
  });

  it("the expected curve is increasing and starts near zero", () => {
    const rows = repeatPurchaseTracking(transactions, bgNbd, options);
    expect(rows[0]!.expected).toBeLessThan(20);
    for (let k = 1; k < rows.length; k++) expect(rows[k]!.expected).toBeGreaterThan(rows[k - 1]!.expected);
  });

  it("handles empty input and validates dates", () => {
    const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 1, alpha: 1, a: 1, b: 1 } });
    expect(repeatPurchaseTracking([], model, options)).toEqual([]);
    expect(() => repeatPurchaseTracking([], model, { calibrationEnd: day("1998-01-01"), observationEnd: day("1997-01-01") })).toThrow(
      "repeatPurchaseTracking requires calibrationEnd and observationEnd to be valid Dates in order",
    );
    // As rfmSummary (review): the ends are UTC days, so two instants of one day are in order, and ids are strings.
    const sameDay = { calibrationEnd: new Date("1997-09-30T18:00:00Z"), observationEnd: new Date("1997-09-30T06:00:00Z") };
    const rows = [{ customerId: "a", timestamp: day("1997-01-01"), amount: 1 }];
    expect(() => rfmSummary(rows, { calibrationEnd: sameDay.calibrationEnd, observationEnd: sameDay.observationEnd, unit: "weeks" })).not.toThrow();
    expect(() => repeatPurchaseTracking(rows, model, sameDay)).not.toThrow();
    expect(() => repeatPurchaseTracking([{ customerId: undefined as never, timestamp: day("1997-01-01"), amount: 1 }], model, options)).toThrow(
      "repeatPurchaseTracking requires every customerId to be a string (row 0)",
    );
  });

  it("refuses a discrete-time BG/BB model (it has no time unit to cut periods with; the loop never ended)", () => {
    const bgbb = modelFromParams({ kind: "BG/BB", params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 } });
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    // The type already excludes BG/BB; JavaScript callers and casts can still pass one.
    const untyped = bgbb as unknown as Parameters<typeof repeatPurchaseTracking>[1];
    expect(() => repeatPurchaseTracking([{ customerId: "a", timestamp: day("1997-01-01"), amount: 1 }], untyped, { calibrationEnd: day("1997-06-01"), observationEnd: day("1998-01-01") })).toThrow(
      "repeatPurchaseTracking requires a fitted BG/NBD, MBG/NBD, Pareto/NBD model",
    );
  });
});

describe("repeatPurchaseTracking on hostile input", () => {
  const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
  const transactions = [{ customerId: "a", timestamp: day("1997-01-01"), amount: 1 }];
  const options = { calibrationEnd: day("1997-06-01"), observationEnd: day("1998-01-01") };

  it("refuses a model without a time unit (its period loop never ended)", () => {
    expect(() => repeatPurchaseTracking(transactions, { ...model, unit: undefined } as never, options)).toThrow(
      new RangeError("repeatPurchaseTracking requires a model with unit days, weeks, months or years"),
    );
  });

  it("refuses a model with bad parameters (it took 13 s to return NaN)", () => {
    expect(() => repeatPurchaseTracking(transactions, { ...model, params: {} } as never, options)).toThrow(
      new RangeError("repeatPurchaseTracking requires a model with a positive finite parameter r"),
    );
  });

  it("throws house-style TypeErrors for missing transactions, options and rows", () => {
    expect(() => repeatPurchaseTracking(undefined as never, model, options)).toThrow(new TypeError("repeatPurchaseTracking requires an array of transactions"));
    expect(() => repeatPurchaseTracking([, ...transactions] as never, model, options)).toThrow(
      new TypeError("repeatPurchaseTracking requires every transaction to be an object (row 0)"),
    );
    expect(() => repeatPurchaseTracking(transactions, model, undefined as never)).toThrow(new TypeError("repeatPurchaseTracking requires options to be an object"));
  });

  it("refuses a table of more than 10,000 periods (a first purchase in year 1 and an observation end in 2020 asked for about 105,000 weekly rows)", () => {
    const weekly = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
    const start = new Date(Date.UTC(2000, 0, 1));
    const rows = [{ customerId: "a", timestamp: start, amount: 1 }];
    const through = (days: number) => ({ calibrationEnd: start, observationEnd: new Date(start.getTime() + days * 86_400_000) });
    expect(repeatPurchaseTracking(rows, weekly, through(70_000 - 1))).toHaveLength(10_000);
    expect(() => repeatPurchaseTracking(rows, weekly, through(70_000))).toThrow(
      new RangeError("repeatPurchaseTracking covers at most 10,000 periods of the model's unit from the first purchase to observationEnd"),
    );
  });
});


describe("repeatPurchaseTracking in months (mutation review)", () => {
  it("a period ends on the last whole day before start + p * 30.4375 days, and counts the purchases up to it", () => {
    const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const model = modelFromParams({ kind: "BG/NBD", unit: "months", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
    const rows = repeatPurchaseTracking(
      [
        { customerId: "a", timestamp: at("1997-01-01"), amount: 1 },
        { customerId: "a", timestamp: at("1997-01-31"), amount: 1 },
        { customerId: "b", timestamp: at("1997-01-01"), amount: 1 },
        { customerId: "b", timestamp: at("1997-03-03"), amount: 1 },
      ],
      model,
      { calibrationEnd: at("1997-01-14"), observationEnd: at("1997-04-30") },
    );
    // 1 January + 30.4375 days is 31 January 10:30 (period 1 ends on 31 January); + 60.875 days is 2 March 21:00.
    expect(rows.slice(0, 4).map((row) => [row.period, row.through.toISOString().slice(0, 10), row.actual])).toEqual([
      [1, "1997-01-31", 1],
      [2, "1997-03-02", 1],
      [3, "1997-04-02", 2],
      [4, "1997-04-30", 2],
    ]);
  });
});
