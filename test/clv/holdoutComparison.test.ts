import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fitBgNbd, holdoutComparison, modelFromParams, rfmSummary } from "../../src/clv/index.js";
import { cdnowTransactions } from "./cdnow.js";

/** test/reference/clv/holdout.py: CDNOW read and split in Python, BG/NBD predictions by mpmath at 50 digits. */
const reference = JSON.parse(readFileSync(new URL("../reference/clv/holdout.json", import.meta.url), "utf8")) as {
  model: { kind: "BG/NBD"; unit: "weeks"; params: { r: number; alpha: number; a: number; b: number } };
  holdoutWeeks: number;
  maxFrequency: number;
  rows: Array<{ frequency: number; customers: number; actual: number; predicted: number }>;
  total: { customers: number; actual: number; predicted: number };
};
const day = (text: string): Date => new Date(`${text}T00:00:00Z`);

describe("holdoutComparison", () => {
  const summary = rfmSummary(cdnowTransactions(), { calibrationEnd: day("1997-09-30"), observationEnd: day("1998-06-30"), unit: "weeks" });
  const model = modelFromParams(reference.model);

  it("reproduces the CDNOW calibration / holdout table computed independently (mpmath, 1e-10)", () => {
    const table = holdoutComparison(model, summary, { maxFrequency: reference.maxFrequency });
    expect(table.horizon).toBeCloseTo(reference.holdoutWeeks, 12);
    expect(table.rows.map((row) => row.customers)).toEqual(reference.rows.map((row) => row.customers));
    table.rows.forEach((row, index) => {
      const expected = reference.rows[index]!;
      expect(row.frequency).toBe(expected.frequency);
      expect(row.orMore).toBe(index === reference.maxFrequency);
      expect(Math.abs(row.actual - expected.actual)).toBeLessThanOrEqual(1e-12 * expected.actual);
      expect(Math.abs(row.predicted - expected.predicted)).toBeLessThanOrEqual(1e-10 * expected.predicted);
    });
    expect(table.total.customers).toBe(2357);
    expect(table.total.actual).toBe(1882);
    expect(Math.abs(table.total.predicted - reference.total.predicted)).toBeLessThanOrEqual(1e-10 * reference.total.predicted);
  });

  it("works on a model fitted to the summary, and reports an empty group as not defined", () => {
    const fitted = fitBgNbd(summary);
    if (!fitted.converged) throw new Error(fitted.message);
    const table = holdoutComparison(fitted, summary, { maxFrequency: 60 });
    expect(table.rows).toHaveLength(61);
    expect(table.rows.reduce((total, row) => total + row.customers, 0)).toBe(2357);
    const empty = table.rows.find((row) => row.customers === 0);
    expect(empty?.actual).toBeNaN();
    expect(empty?.predicted).toBeNaN();
  });

  it("refuses a summary without holdout, a model of another unit, and bad options", () => {
    const calibrationOnly = rfmSummary(cdnowTransactions(), { calibrationEnd: day("1997-09-30"), unit: "weeks" });
    expect(() => holdoutComparison(model, calibrationOnly)).toThrow(new RangeError("holdoutComparison requires a summary with a holdout period (rfmSummary with observationEnd)"));
    const inDays = modelFromParams({ ...reference.model, unit: "days" });
    expect(() => holdoutComparison(inDays, summary)).toThrow(new RangeError("holdoutComparison requires the model's unit (days) to be the summary's (weeks): fit the model on this summary"));
    expect(() => holdoutComparison(model, summary, { maxFrequency: 0 })).toThrow(new RangeError("holdoutComparison requires maxFrequency to be an integer from 1 to 10000"));
    expect(() => holdoutComparison(model, summary, { maxFrequency: 2e7 })).toThrow("holdoutComparison requires maxFrequency to be an integer from 1 to 10000");
    // A summary edited by hand (review: a missing count gave NaN, a string "2" concatenated).
    const edited = { ...summary, customers: summary.customers.map((customer, index) => (index === 3 ? { ...customer, holdoutFrequency: "2" as never } : customer)) };
    expect(() => holdoutComparison(model, edited)).toThrow(new RangeError("holdoutComparison requires holdoutFrequency to be a non-negative integer (customer 3)"));
    expect(() => holdoutComparison(model, summary, { n: 7 } as never)).toThrow('holdoutComparison does not take the option "n"');
    expect(() => holdoutComparison({ kind: "Gamma-Gamma" } as never, summary)).toThrow(TypeError);
  });
});
