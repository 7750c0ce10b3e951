import { describe, expect, it } from "vitest";
import { segmentTransitions } from "../../src/metrics/index.js";

describe("segmentTransitions", () => {
  it("counts moves between segments, entries and exits", () => {
    const matrix = segmentTransitions(
      [
        { customerId: "a", segment: "new" },
        { customerId: "b", segment: "new" },
        { customerId: "d", segment: "loyal" },
      ],
      [
        { customerId: "a", segment: "loyal" },
        { customerId: "c", segment: "new" },
        { customerId: "d", segment: "loyal" },
      ],
    );
    expect(matrix.labels).toEqual(["loyal", "new", "(none)"]);
    expect(matrix.counts).toEqual([
      [1, 0, 0],
      [1, 0, 1],
      [0, 1, 0],
    ]);
    expect(matrix.rates[1]).toEqual([0.5, 0, 0.5]);
  });
  it("rows without customers are NaN", () => {
    const matrix = segmentTransitions([{ customerId: "a", segment: "x" }], [{ customerId: "a", segment: "y" }]);
    expect(matrix.rates[1]?.every(Number.isNaN)).toBe(true);
  });
  it("rejects two segments for one customer and a clashing outside label", () => {
    expect(() => segmentTransitions([{ customerId: "a", segment: "x" }, { customerId: "a", segment: "y" }], [])).toThrow(
      new RangeError("segmentTransitions requires one segment per customer in each snapshot"),
    );
    expect(() => segmentTransitions([{ customerId: "a", segment: "(none)" }], [])).toThrow(new RangeError("segmentTransitions requires the outside label not to be a segment name"));
  });
});
