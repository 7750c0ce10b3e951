import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fisherExactTest } from "../../src/metrics/index.js";
import type { Alternative } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

type Table = [[number, number], [number, number]];

describe("fisherExactTest", () => {
  it("matches scipy.stats.fisher_exact for every alternative", () => {
    expect(fixtures.fisherExactTest.length).toBeGreaterThan(20);
    for (const c of fixtures.fisherExactTest) {
      const result = fisherExactTest(c.table as Table, { alternative: c.alternative as Alternative });
      expectClose(result.pValue, c.pValue, `${c.call} p`, { absolute: 0 });
      expectClose(result.oddsRatio, c.oddsRatio, `${c.call} odds`);
    }
  });
  it("an empty row or column gives p = 1 and an undefined odds ratio", () => {
    expect(fisherExactTest([[0, 0], [3, 4]])).toMatchObject({ pValue: 1 });
    expect(fisherExactTest([[0, 0], [3, 4]]).oddsRatio).toBeNaN();
  });
  it("rejects non-integer or negative cells", () => {
    const message = "fisherExactTest requires a 2 x 2 table of non-negative integers";
    expect(() => fisherExactTest([[1.5, 2], [3, 4]])).toThrow(new RangeError(message));
    expect(() => fisherExactTest([[-1, 2], [3, 4]])).toThrow(new RangeError(message));
  });
  it("refuses tables above 1e11 members, which used to run for minutes or crash the process (claims review)", () => {
    const message = "fisherExactTest requires a table of at most 1e11 members (use twoProportionZTest)";
    expect(() => fisherExactTest([[1e16, 1], [1, 1e16]])).toThrow(new RangeError(message));
    expect(() => fisherExactTest([[2 ** 53, 1], [1, 2 ** 53]])).toThrow(new RangeError(message));
    expect(() => fisherExactTest([[5e10, 0], [0, 5e10 + 1]])).toThrow(new RangeError(message));
    expect(fisherExactTest([[5e10, 0], [0, 5e10]]).pValue).toBe(0);
  });
  it("laws: p in (0, 1]; one-sided p-values overlap exactly in the observed table; transposing keeps p", () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40), (a, b, c, d) => {
        fc.pre(a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0);
        const two = fisherExactTest([[a, b], [c, d]]).pValue;
        const greater = fisherExactTest([[a, b], [c, d]], { alternative: "greater" }).pValue;
        const less = fisherExactTest([[a, b], [c, d]], { alternative: "less" }).pValue;
        expect(two).toBeGreaterThan(0);
        expect(two).toBeLessThanOrEqual(1);
        expect(greater + less).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(Math.abs(fisherExactTest([[a, c], [b, d]]).pValue - two)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });
});
