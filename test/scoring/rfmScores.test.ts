import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitOneHotEncoder, rfmScoreCells, rfmScores, rfmSegments } from "../../src/scoring/index.js";

const customer = (id: number, recencyDays: number, frequency: number, monetaryTotal: number) => ({
  customerId: String(id),
  recencyDays,
  frequency,
  monetaryTotal,
  monetaryAverage: monetaryTotal / frequency,
});

describe("rfmScores", () => {
  it("scores quintiles of distinct values into equal bins, recency reversed", () => {
    const customers = Array.from({ length: 10 }, (_, index) => customer(index, 100 - index * 10, index + 1, (index + 1) * 50));
    const scores = rfmScores(customers);
    expect(scores.map((score) => score.rfm.recency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores.map((score) => score.rfm.frequency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores[9]?.code).toBe("555");
    expect(scores[0]?.score).toBe(3);
  });

  it("keeps ties together by default and splits them with ties: first", () => {
    // 6 one-time buyers out of 10: frequency ties.
    const frequencies = [1, 1, 1, 1, 1, 1, 2, 2, 3, 7];
    const customers = frequencies.map((frequency, index) => customer(index, index, frequency, 10 * frequency));
    const together = rfmScores(customers).map((score) => score.rfm.frequency);
    expect(together).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    const first = rfmScores(customers, { ties: "first" }).map((score) => score.rfm.frequency);
    expect(first).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("with ties: first, bins as floor(bins (rank - 1) / n) + 1 and ranks equal recency negated, as the guide says (analyst review)", () => {
    // seven distinct values in five bins: R's rfm / dplyr ntile, where pandas qcut on ranks gives [1, 1, 2, 3, 4, 5, 5]
    const seven = [10, 20, 30, 40, 50, 60, 70].map((monetary, index) => customer(index, index, 1, monetary));
    expect(rfmScores(seven, { ties: "first" }).map((score) => score.rfm.monetary)).toEqual([1, 1, 2, 3, 3, 4, 5]);
    // equal recency: the earlier row gets the lower R score ((-recency).rank(method="first"))
    const twins = [customer(1, 5, 1, 1), customer(2, 5, 1, 1)];
    expect(rfmScores(twins, { ties: "first", bins: 2 }).map((score) => score.rfm.recency)).toEqual([1, 2]);
    expect(rfmScores(twins, { bins: 2 }).map((score) => score.rfm.recency)).toEqual([1, 1]);
  });

  it("weights, average monetary, bins and errors", () => {
    const customers = [customer(1, 5, 2, 100), customer(2, 50, 10, 120)];
    const scores = rfmScores(customers, { bins: 2, monetary: "average", weights: { recency: 2, frequency: 0, monetary: 1 } });
    expect(scores.map((score) => score.monetary)).toEqual([50, 12]);
    expect(scores.map((score) => score.code)).toEqual(["212", "121"]);
    expect(scores.map((score) => score.score)).toEqual([6, 3]);
    expect(rfmScores([])).toEqual([]);
    expect(() => rfmScores(customers, { bins: 10 })).toThrow(new RangeError("rfmScores requires bins between two and nine"));
    expect(() => rfmScores([customer(1, Number.NaN, 1, 1)])).toThrow("rfmScores requires finite recencyDays, frequency and monetary values: row 0");
  });

  it("properties: scores in range, monotone in the value, equal values equal scores", () => {
    fc.assert(
      fc.property(
        // Values from small sets as well as continuous ones, so that ties occur in every dimension.
        fc.array(
          fc.tuple(
            fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 6 }).map((step) => step * 30)),
            fc.integer({ min: 1, max: 6 }),
            fc.oneof(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.integer({ min: 0, max: 8 }).map((step) => step * 12.5)),
          ),
          { minLength: 1, maxLength: 80 },
        ),
        fc.integer({ min: 2, max: 9 }),
        (rows, bins) => {
          const scores = rfmScores(rows.map(([recency, frequency, money], index) => customer(index, recency, frequency, money)), { bins });
          scores.forEach((a) => {
            for (const value of [a.rfm.recency, a.rfm.frequency, a.rfm.monetary]) {
              expect(value).toBeGreaterThanOrEqual(1);
              expect(value).toBeLessThanOrEqual(bins);
            }
          });
          for (const a of scores) {
            for (const b of scores) {
              if (a.frequency < b.frequency) expect(a.rfm.frequency).toBeLessThanOrEqual(b.rfm.frequency);
              if (a.frequency === b.frequency) expect(a.rfm.frequency).toBe(b.rfm.frequency);
              if (a.recencyDays < b.recencyDays) expect(a.rfm.recency).toBeGreaterThanOrEqual(b.rfm.recency);
              if (a.recencyDays === b.recencyDays) expect(a.rfm.recency).toBe(b.rfm.recency);
              if (a.monetary < b.monetary) expect(a.rfm.monetary).toBeLessThanOrEqual(b.rfm.monetary);
              if (a.monetary === b.monetary) expect(a.rfm.monetary).toBe(b.rfm.monetary);
            }
          }
          // A unique best customer in a dimension always gets the top score when n >= bins.
          const top = Math.max(...scores.map((s) => s.monetary));
          const leaders = scores.filter((s) => s.monetary === top);
          if (rows.length >= bins && leaders.length === 1) expect(leaders[0]!.rfm.monetary).toBe(bins);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("rfmScoreCells", () => {
  it("enumerates every cell once", () => {
    const cells = rfmScoreCells();
    expect(cells).toHaveLength(125);
    expect(new Set(cells.map((cell) => cell.id)).size).toBe(125);
    expect(cells[124]).toEqual({ id: "555", rfm: { recency: 5, frequency: 5, monetary: 5 } });
    expect(rfmScoreCells(3)).toHaveLength(27);
    expect(() => rfmScoreCells(1)).toThrow("rfmScoreCells requires bins between two and nine");
  });
});

describe("RFM options and inputs outside the types (fuzz review)", () => {
  const customers = [
    { customerId: "a", recencyDays: 2, frequency: 12, monetaryTotal: 1200 },
    { customerId: "b", recencyDays: 30, frequency: 6, monetaryTotal: 400 },
  ];
  it("refuse a misspelt choice instead of acting as the default", () => {
    expect(() => rfmScores(customers, { ties: "x" as never })).toThrow(new TypeError('rfmScores requires ties to be "together" or "first"'));
    expect(() => rfmScores(customers, { monetary: "x" as never })).toThrow(new TypeError('rfmScores requires monetary to be "total" or "average"'));
    expect(() => rfmScores(customers, { weights: { recency: "x" as never } })).toThrow(new RangeError("rfmScores requires weights.recency to be a finite number"));
    expect(() => rfmSegments({ preset: "x" as never })).toThrow(new TypeError('rfmSegments requires preset to be "rfmTable" or "rfGrid"'));
    expect(() => rfmSegments({ ordering: "x" as never })).toThrow(new TypeError('rfmSegments requires ordering to be "source" or "specificFirst"'));
    expect(() => fitOneHotEncoder([{ channel: "web" }], { features: ["channel"], handleUnknown: "x" as never })).toThrow(
      new TypeError('fitOneHotEncoder requires handleUnknown to be "error" or "ignore"'),
    );
  });
  it("refuse a monetaryTotal that is not a number, which assignRfmSegments summed as text ('0x')", () => {
    expect(() => rfmScores([...customers, { customerId: "c", recencyDays: 1, frequency: 1, monetaryTotal: "x" as never, monetaryAverage: 5 }], { monetary: "average" })).toThrow(
      new TypeError("rfmScores requires finite recencyDays, frequency and monetary values: row 2"),
    );
    expect(() => rfmScores(undefined as never)).toThrow(new TypeError("rfmScores requires customers to be an array"));
    expect(() => rfmScores(customers, null as never)).toThrow(new TypeError("rfmScores requires options to be an object"));
  });
});

describe("rfmScores on a sparse array (review)", () => {
  it("refuses a hole as it refuses an undefined row, instead of scoring it as a customer of zeros", () => {
    const customer = (customerId: string, recencyDays: number) => ({ customerId, recencyDays, frequency: 2, monetaryTotal: 100 });
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [customer("a", 1), , customer("b", 9)] as Array<ReturnType<typeof customer>>;
    expect(() => rfmScores(sparse, { bins: 3 })).toThrow("rfmScores requires finite recencyDays, frequency and monetary values: row 1");
    expect(() => rfmScores([customer("a", 1), undefined as never, customer("b", 9)], { bins: 3 })).toThrow("rfmScores requires finite recencyDays, frequency and monetary values: row 1");
  });
});
