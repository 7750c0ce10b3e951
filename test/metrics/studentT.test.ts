import { describe, expect, it } from "vitest";
import { studentQuantile, studentTwoSidedQuantile, studentTwoSidedTail } from "../../src/metrics/_lib/studentT.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("Student t (the tail and quantile behind twoSampleTTest and meanInterval)", () => {
  it("two-sided tails match mpmath on both sides of t² = ν and beyond t = 1e154 (review: 0 for 6.4e-201)", () => {
    expect(fixtures.studentTail.length).toBe(14);
    for (const c of fixtures.studentTail) expectClose(studentTwoSidedTail(c.t, c.df), c.tail, `t ${c.t}, df ${c.df}`, { relative: 2e-13, absolute: 0 });
  });

  it("quantiles match mpmath for tails down to 1e-300 (review: Infinity for 1e-200 at one degree of freedom)", () => {
    expect(fixtures.studentQuantile.length).toBe(12);
    for (const c of fixtures.studentQuantile) expectClose(studentTwoSidedQuantile(c.tail, c.df), c.t, `tail ${c.tail}, df ${c.df}`, { relative: 2e-13 });
    expect(studentQuantile(1e-300 / 2, 1)).toBe(-studentTwoSidedQuantile(1e-300, 1));
    expect(studentQuantile(0.5, 3)).toBe(0);
  });
});
