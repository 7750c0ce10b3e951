import { describe, expect, it } from "vitest";
import { segmentShare } from "../../src/metrics/index.js";

describe("segmentShare", () => {
  it("is size / population", () => {
    expect(segmentShare({ segmentSize: 250, populationSize: 10000 })).toMatchObject({ value: 0.025, defined: true });
  });
  it("an empty population is undefined; a segment larger than the population is an error", () => {
    expect(segmentShare({ segmentSize: 0, populationSize: 0 }).defined).toBe(false);
    expect(() => segmentShare({ segmentSize: 5, populationSize: 4 })).toThrow(new RangeError("segmentShare requires segmentSize not to exceed populationSize"));
  });
});
