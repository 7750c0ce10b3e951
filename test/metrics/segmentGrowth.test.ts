import { describe, expect, it } from "vitest";
import { segmentGrowth } from "../../src/metrics/index.js";

describe("segmentGrowth", () => {
  it("is the relative change", () => {
    expect(segmentGrowth({ previousSize: 400, currentSize: 460 })).toMatchObject({ value: 0.15, numerator: 60, denominator: 400 });
    expect(segmentGrowth({ previousSize: 400, currentSize: 300 }).value).toBe(-0.25);
  });
  it("an empty previous segment is undefined", () => {
    expect(segmentGrowth({ previousSize: 0, currentSize: 10 })).toMatchObject({ defined: false, numerator: 10 });
  });
});
