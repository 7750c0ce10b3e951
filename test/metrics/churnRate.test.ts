import { describe, expect, it } from "vitest";
import { churnRate } from "../../src/metrics/index.js";

describe("churnRate", () => {
  it("is lost / at start", () => {
    expect(churnRate({ customersAtStart: 800, customersLost: 36 })).toMatchObject({ value: 0.045, numerator: 36, denominator: 800, defined: true });
  });
  it("no customers at the start is undefined", () => {
    expect(churnRate({ customersAtStart: 0, customersLost: 0 }).defined).toBe(false);
  });
  it("cannot lose more than it had", () => {
    expect(() => churnRate({ customersAtStart: 3, customersLost: 4 })).toThrow(new RangeError("churnRate requires customersLost not to exceed customersAtStart"));
  });
});
