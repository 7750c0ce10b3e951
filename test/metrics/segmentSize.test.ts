import { describe, expect, it } from "vitest";
import { segmentSize } from "../../src/metrics/index.js";

describe("segmentSize", () => {
  it("counts distinct ids", () => {
    expect(segmentSize(["c1", "c2", "c1"])).toBe(2);
    expect(segmentSize(new Set(["x"]))).toBe(1);
    expect(segmentSize([])).toBe(0);
  });
  it("rejects non-string ids", () => {
    expect(() => segmentSize([1 as unknown as string])).toThrow(new TypeError("segmentSize requires string member ids"));
  });
});
