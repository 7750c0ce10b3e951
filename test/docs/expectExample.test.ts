import { describe, expect, it } from "vitest";
import { expectExample, written } from "./_lib/expectExample.js";
import { wrapDecimals } from "./_lib/extractExamples.js";

describe("the `//=>` assertion of doc examples", () => {
  it("wraps decimal literals outside strings, with their sign where it is one", () => {
    expect(wrapDecimals(`{ a: -0.50, b: "1.20", c: [1.5e-3, 2] }`)).toBe(`{ a: __written("-0.50"), b: "1.20", c: [__written("1.5e-3"), 2] }`);
    expect(wrapDecimals("1 - 0.25")).toBe('1 - __written("0.25")');
    expect(wrapDecimals("x.toFixed(2) + 'a 0.5'")).toBe("x.toFixed(2) + 'a 0.5'");
  });

  it("holds a written number to half a unit of its last digit, trailing zeros included", () => {
    expect(() => expectExample(0.05704, written("0.0570"), "here")).not.toThrow();
    expect(() => expectExample(0.0574, written("0.0570"), "here")).toThrow();
    expect(() => expectExample({ upper: -0.0574 }, { upper: written("-0.0570") }, "here")).toThrow();
    expect(() => expectExample([1.07869e-7], [written("1.07869e-07")], "here")).not.toThrow();
    expect(() => expectExample([1.0788e-7], [written("1.07869e-07")], "here")).toThrow();
  });

  it("holds integers to 1e-9 relative", () => {
    expect(() => expectExample(1000.0000001, 1000, "here")).not.toThrow();
    expect(() => expectExample(1000.001, 1000, "here")).toThrow();
  });
});
