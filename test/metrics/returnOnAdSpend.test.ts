import { describe, expect, it } from "vitest";
import { returnOnAdSpend } from "../../src/metrics/index.js";

describe("returnOnAdSpend", () => {
  it("is revenue / spend", () => {
    expect(returnOnAdSpend({ revenue: 48000, adSpend: 12000 })).toMatchObject({ value: 4, defined: true });
  });
  it("zero spend is undefined; negative spend is an error", () => {
    expect(returnOnAdSpend({ revenue: 10, adSpend: 0 }).defined).toBe(false);
    expect(() => returnOnAdSpend({ revenue: 10, adSpend: -1 })).toThrow(new RangeError("returnOnAdSpend requires adSpend to be a non-negative finite number"));
  });
});
