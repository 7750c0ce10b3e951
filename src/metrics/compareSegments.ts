import { adjustPValues } from "./adjustPValues.js";
import type { PValueAdjustment } from "./adjustPValues.js";
import { differenceInterval } from "./differenceInterval.js";
import { relativeLift } from "./relativeLift.js";
import { sampleRatioMismatch } from "./sampleRatioMismatch.js";
import { twoProportionZTest } from "./twoProportionZTest.js";
import { assertArray, assertCounts, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { POSTERIOR_LIMIT, probabilityGreater } from "./_lib/betaComparison.js";
import { isPValueAdjustment } from "./_lib/pValueAdjusters.js";
import type { ProportionCounts } from "./types.js";

/** Per-segment, per-variant counts for {@link compareSegments}. @category Experiments */
export interface SegmentExperimentCounts {
  readonly segment: string;
  readonly control: ProportionCounts;
  readonly treatment: ProportionCounts;
}

/** Options of {@link compareSegments}. @category Experiments */
export interface CompareSegmentsOptions {
  /**
   * Multiple-comparison correction across the tested segments (`adjustPValues`' methods): default "holm";
   * "hochberg" or "hommel" reject at least as much and are valid when the segments' tests are positively
   * dependent; "bh" for exploratory breakdowns.
   */
  readonly correction?: PValueAdjustment | "none";
  /** Significance level; default 0.05. */
  readonly alpha?: number;
  /** Confidence of the intervals; default 0.95. */
  readonly confidence?: number;
  /** Planned control : treatment allocation; default [1, 1]. */
  readonly expectedSplit?: readonly [number, number];
  /** SRM p-value threshold; default 0.001. */
  readonly srmThreshold?: number;
  /** Each arm needs more than this many successes and failures (np > 5, n(1 − p) > 5); default 5. */
  readonly minimumCount?: number;
  /** Also compute P(treatment > control) under Beta(1, 1) priors; default true. */
  readonly bayesian?: boolean;
}

/**
 * Status of a segment row: `"tested"` (in the family), `"sample-ratio-mismatch"`, `"insufficient-data"`
 * (an arm with too few successes or failures), or `"undefined"` (an arm with no units, or a test that
 * is not defined). @category Experiments
 */
export type SegmentComparisonStatus = "tested" | "insufficient-data" | "sample-ratio-mismatch" | "undefined";

/** One printable row of {@link compareSegments}. @category Experiments */
export interface SegmentComparisonRow {
  readonly segment: string;
  readonly controlRate: number;
  readonly treatmentRate: number;
  readonly controlTrials: number;
  readonly treatmentTrials: number;
  /** treatment − control, with its Newcombe interval. */
  readonly difference: number;
  readonly differenceLower: number;
  readonly differenceUpper: number;
  /** (treatment − control)/control with a delta-method interval; NaN when the control rate is 0. */
  readonly lift: number;
  readonly liftLower: number;
  readonly liftUpper: number;
  /** Pooled two-sided z test. */
  readonly z: number;
  readonly pValue: number;
  /** Adjusted within the family of tested segments; NaN for segments outside the family. */
  readonly adjustedPValue: number;
  /** Rejected by the correction at alpha (only tested segments): adjustedPValue ≤ alpha, up to Šidák's rounding (see `adjustPValues`). */
  readonly significant: boolean;
  /** P(treatment rate > control rate); NaN when `bayesian` is false, an arm has no trials or more than 1e9 − 2 (see {@link probabilityToBeat}). */
  readonly probabilityToBeat: number;
  readonly srmPValue: number;
  readonly status: SegmentComparisonStatus;
  /** Why a segment was not tested, in words. */
  readonly notes: string[];
}

/** Result of {@link compareSegments}. @category Experiments */
export interface CompareSegmentsResult {
  readonly rows: SegmentComparisonRow[];
  /** The correction applied and the family it covered. */
  readonly correction: { readonly method: PValueAdjustment | "none"; readonly familySize: number; readonly alpha: number };
  readonly guards: { readonly srmThreshold: number; readonly minimumCount: number; readonly expectedSplit: readonly [number, number] };
}

/**
 * Compare a treatment with its control in every segment: the high-level call behind a per-segment A/B
 * report.
 *
 * @remarks
 * Per segment: a sample-ratio-mismatch check of the arm sizes against `expectedSplit`
 * ({@link sampleRatioMismatch}), a minimum-data guard (each arm needs more than `minimumCount` successes
 * and failures; an arm with no units makes the comparison `"undefined"`), then a pooled two-sided {@link twoProportionZTest}, the Newcombe
 * {@link differenceInterval}, the {@link relativeLift} and optionally P(treatment > control) as {@link probabilityToBeat}. Segments
 * failing a guard keep their descriptive numbers but leave the family. The p-values of the tested
 * segments are adjusted together with Holm by default ({@link adjustPValues}); the method and family
 * size are reported. Intervals are unadjusted. O(segments · (log segments + Bayesian cost)).
 * @param segments - per-segment control and treatment counts; unique segment names.
 * @param options - see {@link CompareSegmentsOptions}.
 * @returns `{ rows, correction, guards }`, rows in input order.
 * @throws RangeError `compareSegments requires unique segment names`, `compareSegments requires successes not to exceed trials`
 *   (and the other count messages), `compareSegments requires alpha between zero and one` (likewise confidence, srmThreshold),
 *   `compareSegments requires expectedSplit to be two positive weights`, `compareSegments requires minimumCount to be a non-negative finite number`;
 *   TypeError `compareSegments requires correction to be "holm", "hochberg", "hommel", "holm-sidak", "bh", "by", "bonferroni", "sidak" or "none"`.
 * @throws TypeError `compareSegments requires segments to be an array`, `compareSegments requires options to be an object`,
 *   `compareSegments requires every segment to be an object`, `compareSegments requires control to be an object` (likewise treatment).
 * @example
 * const report = compareSegments([
 *   { segment: "new", control: { successes: 200, trials: 5000 }, treatment: { successes: 260, trials: 5000 } },
 *   { segment: "returning", control: { successes: 300, trials: 4000 }, treatment: { successes: 310, trials: 4000 } },
 *   { segment: "tiny", control: { successes: 2, trials: 40 }, treatment: { successes: 4, trials: 40 } },
 * ]);
 * report.correction.familySize //=> 2
 * report.rows.map((row) => row.status) //=> ["tested", "tested", "insufficient-data"]
 * report.rows[0]?.significant //=> true
 * report.rows[1]?.significant //=> false
 * @category Experiments
 */
export function compareSegments(segments: ReadonlyArray<SegmentExperimentCounts>, options: CompareSegmentsOptions = {}): CompareSegmentsResult {
  assertArray("compareSegments", "segments", segments);
  assertOptions("compareSegments", options, { alpha: true, bayesian: true, confidence: true, correction: true, expectedSplit: true, minimumCount: true, srmThreshold: true } satisfies OptionKeys<CompareSegmentsOptions>);
  const method = options.correction ?? "holm";
  if (method !== "none" && !isPValueAdjustment(method)) {
    throw new TypeError('compareSegments requires correction to be "holm", "hochberg", "hommel", "holm-sidak", "bh", "by", "bonferroni", "sidak" or "none"');
  }
  const alpha = options.alpha ?? 0.05;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw new RangeError("compareSegments requires alpha between zero and one");
  const confidence = options.confidence ?? 0.95;
  const expectedSplit = options.expectedSplit ?? ([1, 1] as const);
  const srmThreshold = options.srmThreshold ?? 0.001;
  const minimumCount = options.minimumCount ?? 5;
  const bayesian = options.bayesian ?? true;
  if (typeof confidence !== "number" || !(confidence > 0 && confidence < 1)) throw new RangeError("compareSegments requires confidence between zero and one");
  if (typeof srmThreshold !== "number" || !(srmThreshold > 0 && srmThreshold < 1)) throw new RangeError("compareSegments requires srmThreshold between zero and one");
  if (expectedSplit.length !== 2 || !expectedSplit.every((weight) => typeof weight === "number" && Number.isFinite(weight) && weight > 0)) {
    throw new RangeError("compareSegments requires expectedSplit to be two positive weights");
  }
  if (typeof minimumCount !== "number" || !Number.isFinite(minimumCount) || minimumCount < 0) throw new RangeError("compareSegments requires minimumCount to be a non-negative finite number");
  const names = new Set<string>();
  for (const entry of segments) {
    assertRecord("compareSegments", "every segment", entry);
    assertRecord("compareSegments", "control", entry.control);
    assertRecord("compareSegments", "treatment", entry.treatment);
  }
  const partial = segments.map((entry) => {
    if (names.has(entry.segment)) throw new RangeError("compareSegments requires unique segment names");
    names.add(entry.segment);
    assertCounts("compareSegments", entry.control.successes, entry.control.trials);
    assertCounts("compareSegments", entry.treatment.successes, entry.treatment.trials);
    const counts = { successesA: entry.treatment.successes, trialsA: entry.treatment.trials, successesB: entry.control.successes, trialsB: entry.control.trials };
    const notes: string[] = [];
    let status: SegmentComparisonStatus = "tested";
    const srm = sampleRatioMismatch([entry.control.trials, entry.treatment.trials], expectedSplit, { threshold: srmThreshold });
    if (srm.mismatch) {
      status = "sample-ratio-mismatch";
      notes.push(`sample ratio mismatch (p = ${srm.pValue.toPrecision(3)} < ${srmThreshold})`);
    }
    for (const [arm, counts2] of [["control", entry.control], ["treatment", entry.treatment]] as const) {
      if (counts2.trials === 0) {
        // Nothing to compare, whatever the split: not a matter of more data in the same arm.
        status = "undefined";
        notes.push(`${arm} has no units`);
      } else if (!(counts2.successes > minimumCount && counts2.trials - counts2.successes > minimumCount)) {
        if (status === "tested") status = "insufficient-data";
        notes.push(`${arm} needs more than ${minimumCount} successes and failures`);
      }
    }
    const test = twoProportionZTest(counts);
    if (status === "tested" && !test.defined) {
      status = "undefined";
      notes.push(test.reason ?? "test not defined");
    }
    const difference = differenceInterval(counts, { method: "newcombe", confidence });
    const lift = relativeLift(counts, { confidence });
    // P(treatment > control) under Beta(1, 1) priors, as probabilityToBeat(control, treatment).probability (without the losses)
    const { control, treatment } = entry;
    const bayes =
      bayesian && control.trials > 0 && treatment.trials > 0 && control.trials + 2 <= POSTERIOR_LIMIT && treatment.trials + 2 <= POSTERIOR_LIMIT
        ? probabilityGreater(1 + control.successes, 1 + control.trials - control.successes, 1 + treatment.successes, 1 + treatment.trials - treatment.successes).value
        : Number.NaN;
    return { entry, status, notes, test, difference, lift, bayes, srm };
  });
  const tested = partial.filter((row) => row.status === "tested");
  const adjusted = new Map<string, number>();
  const rejected = new Set<string>();
  if (method === "none") {
    for (const row of tested) {
      adjusted.set(row.entry.segment, row.test.pValue);
      if (row.test.pValue <= alpha) rejected.add(row.entry.segment);
    }
  } else {
    // adjustPValues' decisions, as statsmodels takes them (Šidák's can differ from adjusted ≤ alpha within 1e-12 of it)
    const result = adjustPValues(tested.map((row) => row.test.pValue), { method, alpha });
    tested.forEach((row, index) => {
      adjusted.set(row.entry.segment, result.adjusted[index] as number);
      if (result.reject[index] === true) rejected.add(row.entry.segment);
    });
  }
  const rows = partial.map(({ entry, status, notes, test, difference, lift, bayes, srm }): SegmentComparisonRow => {
    const adjustedPValue = adjusted.get(entry.segment) ?? Number.NaN;
    return {
      segment: entry.segment,
      controlRate: entry.control.trials > 0 ? entry.control.successes / entry.control.trials : Number.NaN,
      treatmentRate: entry.treatment.trials > 0 ? entry.treatment.successes / entry.treatment.trials : Number.NaN,
      controlTrials: entry.control.trials,
      treatmentTrials: entry.treatment.trials,
      difference: difference.difference,
      differenceLower: difference.lower,
      differenceUpper: difference.upper,
      lift: lift.lift,
      liftLower: lift.lower,
      liftUpper: lift.upper,
      z: test.z,
      pValue: test.pValue,
      adjustedPValue,
      significant: status === "tested" && rejected.has(entry.segment),
      probabilityToBeat: bayes,
      srmPValue: srm.pValue,
      status,
      notes,
    };
  });
  return { rows, correction: { method, familySize: tested.length, alpha }, guards: { srmThreshold, minimumCount, expectedSplit } };
}
