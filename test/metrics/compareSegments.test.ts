import { describe, expect, it } from "vitest";
import { expectClose, fixtures } from "./_fixtures.js";
import { adjustPValues, compareSegments, differenceInterval, probabilityToBeat, twoProportionZTest } from "../../src/metrics/index.js";

const segments = [
  { segment: "new", control: { successes: 200, trials: 5000 }, treatment: { successes: 260, trials: 5000 } },
  { segment: "returning", control: { successes: 300, trials: 4000 }, treatment: { successes: 310, trials: 4000 } },
  { segment: "mobile", control: { successes: 150, trials: 3000 }, treatment: { successes: 192, trials: 3000 } },
  { segment: "skewed", control: { successes: 100, trials: 2300 }, treatment: { successes: 90, trials: 1700 } },
  { segment: "tiny", control: { successes: 2, trials: 40 }, treatment: { successes: 4, trials: 40 } },
];

describe("compareSegments", () => {
  it("runs the tests per segment and applies Holm across the tested family by default", () => {
    const report = compareSegments(segments);
    expect(report.correction).toEqual({ method: "holm", familySize: 3, alpha: 0.05 });
    expect(report.rows.map((row) => row.status)).toEqual(["tested", "tested", "tested", "sample-ratio-mismatch", "insufficient-data"]);
    const tested = segments.slice(0, 3).map((s) => twoProportionZTest({ successesA: s.treatment.successes, trialsA: s.treatment.trials, successesB: s.control.successes, trialsB: s.control.trials }).pValue);
    const holm = adjustPValues(tested, { method: "holm" }).adjusted;
    report.rows.slice(0, 3).forEach((row, index) => {
      expect(row.pValue).toBe(tested[index]);
      expect(row.adjustedPValue).toBe(holm[index]);
      expect(row.significant).toBe((holm[index] as number) <= 0.05);
    });
    expect(report.rows[3]?.adjustedPValue).toBeNaN();
    expect(report.rows[3]?.significant).toBe(false);
    expect(report.rows[3]?.notes[0]).toMatch(/sample ratio mismatch/);
    expect(report.rows[4]?.notes.join(" ")).toMatch(/more than 5 successes and failures/);
  });
  it("orients comparisons as treatment minus control, with Newcombe intervals and P(treatment > control)", () => {
    const row = compareSegments(segments).rows[0];
    const counts = { successesA: 260, trialsA: 5000, successesB: 200, trialsB: 5000 };
    const interval = differenceInterval(counts, { method: "newcombe" });
    expect(row?.difference).toBeCloseTo(0.012, 15);
    expect(row?.differenceLower).toBe(interval.lower);
    expect(row?.lift).toBeCloseTo(0.3, 12);
    expect(row?.probabilityToBeat).toBe(probabilityToBeat({ successesA: 200, trialsA: 5000, successesB: 260, trialsB: 5000 }).probability);
  });
  it("BH is available and reported; 'none' leaves every p-value unadjusted", () => {
    expect(compareSegments(segments, { correction: "bh" }).correction).toEqual({ method: "bh", familySize: 3, alpha: 0.05 });
    // the other methods of adjustPValues, with its adjusted values and decisions
    for (const method of ["hommel", "hochberg", "sidak", "holm-sidak"] as const) {
      const report = compareSegments(segments, { correction: method });
      const tested = report.rows.filter((row) => row.status === "tested");
      const direct = adjustPValues(tested.map((row) => row.pValue), { method });
      expect(tested.map((row) => row.adjustedPValue), method).toEqual(direct.adjusted);
      expect(tested.map((row) => row.significant), method).toEqual(direct.reject);
    }
    const none = compareSegments(segments, { correction: "none" });
    none.rows.slice(0, 3).forEach((row) => expect(row.adjustedPValue).toBe(row.pValue));
  });
  it("matches statsmodels (proportions_ztest, then multipletests) under Holm and BH", () => {
    const cases = fixtures.compareSegments as Array<{ segments: typeof segments; correction: "holm" | "bh"; pValues: number[]; adjusted: number[]; significant: boolean[] }>;
    expect(cases.map((entry) => entry.correction)).toEqual(["holm", "bh"]);
    // The two corrections differ on "mobile", so the test tells them apart.
    expect(cases[0]!.adjusted[2]).not.toBeCloseTo(cases[1]!.adjusted[2]!, 6);
    for (const entry of cases) {
      const report = compareSegments(entry.segments, { correction: entry.correction });
      report.rows.forEach((row, index) => {
        expectClose(row.pValue, entry.pValues[index], `${entry.correction} p ${index}`, { relative: 1e-12, absolute: 0 });
        expectClose(row.adjustedPValue, entry.adjusted[index], `${entry.correction} adjusted ${index}`, { relative: 1e-12, absolute: 0 });
        expect(row.significant).toBe(entry.significant[index]);
      });
    }
  });
  it("honours a planned unequal split in the SRM guard", () => {
    const report = compareSegments([{ segment: "s", control: { successes: 100, trials: 2000 }, treatment: { successes: 420, trials: 8000 } }], { expectedSplit: [0.2, 0.8] });
    expect(report.rows[0]?.status).toBe("tested");
  });
  it("rejects duplicate segments and unknown corrections", () => {
    expect(() => compareSegments([segments[0]!, segments[0]!])).toThrow(new RangeError("compareSegments requires unique segment names"));
    expect(() => compareSegments(segments, { correction: "fdr_bh" as "holm" })).toThrow(
      new TypeError('compareSegments requires correction to be "holm", "hochberg", "hommel", "holm-sidak", "bh", "by", "bonferroni", "sidak" or "none"'),
    );
    expect(() => compareSegments(segments, { correction: "constructor" as "holm" })).toThrow(TypeError);
    expect(() => compareSegments(segments, { expectedSplit: [1, 0] })).toThrow(new RangeError("compareSegments requires expectedSplit to be two positive weights"));
    expect(() => compareSegments(segments, { confidence: 95 })).toThrow(new RangeError("compareSegments requires confidence between zero and one"));
  });
  it("empty arms are reported as not defined, not thrown, and not as a call for more successes (review)", () => {
    const report = compareSegments([
      { segment: "empty", control: { successes: 0, trials: 0 }, treatment: { successes: 0, trials: 0 } },
      { segment: "no control", control: { successes: 0, trials: 0 }, treatment: { successes: 2, trials: 4 } },
    ]);
    expect(report.rows[0]).toMatchObject({ status: "undefined", notes: ["control has no units", "treatment has no units"] });
    expect(report.rows[0]?.controlRate).toBeNaN();
    expect(report.rows[1]?.notes).toContain("control has no units");
    expect(report.rows[1]?.notes).toContain("treatment needs more than 5 successes and failures");
    expect(report.rows[1]?.status).toBe("undefined");
    // Also where the split is flagged as a sample ratio mismatch (review).
    const lopsided = compareSegments([{ segment: "no treatment", control: { successes: 30, trials: 900 }, treatment: { successes: 0, trials: 0 } }]);
    expect(lopsided.rows[0]?.status).toBe("undefined");
    expect(lopsided.rows[0]?.notes[0]).toMatch(/^sample ratio mismatch/);
    expect(report.correction.familySize).toBe(0);
  });
});
