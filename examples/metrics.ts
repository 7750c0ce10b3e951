/**
 * Metrics walkthrough: a per-segment A/B comparison as a marketer runs it, from planning to the
 * decision.
 *
 * 1. plan the test: units per arm for the smallest lift worth detecting, and what a fixed budget detects;
 * 2. compare treatment with control in every segment: SRM and minimum-data guards, z tests with Holm
 *    correction, Newcombe intervals, relative lift, P(treatment > control);
 * 3. look at one segment in detail (intervals, chi-square, expected loss), at revenue per user (a
 *    mean, with Welch's t test), at a guardrail metric (a non-inferiority test) and at fairness across
 *    a protected attribute.
 *
 *   npx tsx --tsconfig examples/tsconfig.json examples/metrics.ts
 */
import {
  chiSquareIndependence,
  compareSegments,
  differenceInterval,
  disparateImpact,
  meanInterval,
  minimumDetectableEffect,
  powerTwoMeans,
  probabilityToBeat,
  relativeLift,
  sampleSizeTwoMeans,
  sampleSizeTwoProportions,
  twoProportionZTest,
  twoSampleTTest,
  wilsonInterval,
} from "segmentkit/metrics";

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`examples/metrics.ts: ${message}`);
}
const pct = (value: number) => `${(value * 100).toFixed(2)}%`;

// 1. Planning: baseline conversion 4 %, we care about a +15 % relative lift.
const plan = sampleSizeTwoProportions({ baseline: 0.04, mde: 0.15, mdeType: "relative" }, { alpha: 0.05, power: 0.8 });
console.log(`Plan: ${plan.perArm} users per arm (${plan.method} convention) to detect 4.00% -> ${pct(plan.target)}.`);
const cohen = sampleSizeTwoProportions({ baseline: 0.04, mde: 0.15, mdeType: "relative" }, { method: "cohens-h" });
console.log(`  (Cohen's h convention: ${cohen.perArm}; conventions differ, so the one used is always reported.)`);
const budget = minimumDetectableEffect({ baseline: 0.04, perArm: 5000 });
console.log(`With only 5,000 users per arm the smallest detectable lift is +${pct(budget.relative)} relative.`);
check(plan.perArm > 5000 && budget.relative > 0.15, "a smaller sample detects only larger effects");
// Revenue per user is a mean: past data gives its average ($2.60) and standard deviation ($19) per user.
const revenuePlan = sampleSizeTwoMeans({ baseline: 2.6, mde: 0.8, mdeType: "absolute", standardDeviation: 19 });
const revenuePower = powerTwoMeans({ baseline: 2.6, mde: 0.8, mdeType: "absolute", standardDeviation: 19 }, { perArm: 6000 });
console.log(`Revenue: ${revenuePlan.perArm} users per arm detect +$0.80 per user (Cohen's d ${revenuePlan.effectSize.toFixed(3)}); 6,000 per arm give power ${revenuePower.toFixed(2)}.`);
check(revenuePlan.defined && revenuePlan.perArm > 6000 && revenuePower < 0.8, "the revenue test is planned under the noncentral t");

// 2. The experiment ran; counts per segment and arm (control, treatment).
const results = [
  { segment: "new visitors", control: { successes: 420, trials: 11800 }, treatment: { successes: 540, trials: 11750 } },
  { segment: "returning", control: { successes: 610, trials: 9100 }, treatment: { successes: 655, trials: 9180 } },
  { segment: "mobile app", control: { successes: 300, trials: 6000 }, treatment: { successes: 352, trials: 6030 } },
  { segment: "email traffic", control: { successes: 190, trials: 5200 }, treatment: { successes: 205, trials: 4300 } },
  { segment: "partners", control: { successes: 3, trials: 90 }, treatment: { successes: 6, trials: 95 } },
];
const report = compareSegments(results, { correction: "holm" });
console.log(`\nPer-segment comparison (${report.correction.method} over ${report.correction.familySize} tested segments, alpha ${report.correction.alpha}):`);
console.table(
  report.rows.map((row) => ({
    segment: row.segment,
    control: pct(row.controlRate),
    treatment: pct(row.treatmentRate),
    "difference (95% CI)": `${pct(row.difference)} [${pct(row.differenceLower)}, ${pct(row.differenceUpper)}]`,
    lift: Number.isNaN(row.lift) ? "n/a" : pct(row.lift),
    "p (raw)": row.pValue.toPrecision(3),
    "p (Holm)": Number.isNaN(row.adjustedPValue) ? "-" : row.adjustedPValue.toPrecision(3),
    "P(T > C)": row.probabilityToBeat.toFixed(3),
    status: row.status,
    significant: row.significant,
  })),
);
for (const row of report.rows) if (row.notes.length > 0) console.log(`  ${row.segment}: ${row.notes.join("; ")}`);
check(report.rows.find((row) => row.segment === "email traffic")?.status === "sample-ratio-mismatch", "the 5200/4300 split is flagged");
check(report.rows.find((row) => row.segment === "partners")?.status === "insufficient-data", "tiny segments are not tested");
check(report.rows.find((row) => row.segment === "new visitors")?.significant === true, "the big new-visitor lift survives Holm");

// 3. One segment in detail.
const mobile = { successesA: 352, trialsA: 6030, successesB: 300, trialsB: 6000 };
const treatment = wilsonInterval({ successes: 352, trials: 6030 });
const difference = differenceInterval(mobile, { method: "newcombe" });
// The log interval of the rate ratio (asymmetric, like the ratio's sampling distribution). The default
// delta-method interval is symmetric on the lift scale: here [-0.7 %, 34.2 %], while the difference
// interval excludes 0, a disagreement the log interval does not have.
const lift = relativeLift(mobile, { method: "log" });
const chi = chiSquareIndependence([
  [352, 6030 - 352],
  [300, 6000 - 300],
]);
const bayes = probabilityToBeat({ successesA: 300, trialsA: 6000, successesB: 352, trialsB: 6030 });
console.log(`\nMobile app: treatment ${pct(352 / 6030)} (Wilson ${pct(treatment.lower)}-${pct(treatment.upper)}),`);
console.log(`  difference ${pct(difference.difference)} [${pct(difference.lower)}, ${pct(difference.upper)}], lift ${pct(lift.lift)} [${pct(lift.lower)}, ${pct(lift.upper)}]`);
console.log(`  chi-square ${chi.statistic.toFixed(3)} (p ${chi.pValue.toPrecision(3)}), P(treatment > control) ${bayes.probability.toFixed(4)},`);
console.log(`  expected loss if we ship the treatment: ${(bayes.expectedLossChoosingB * 100).toFixed(4)} points (vs ${(bayes.expectedLossChoosingA * 100).toFixed(4)} if we keep control).`);
check(bayes.expectedLossChoosingB < bayes.expectedLossChoosingA, "shipping the better arm risks less");

// Revenue per user in the mobile segment: a mean, not a proportion. The warehouse returns per arm
// AVG(revenue), STDDEV_SAMP(revenue) and COUNT(*); Welch's t test compares them.
const revenueTreatment = { mean: 3.42, standardDeviation: 21.7, count: 6030 };
const revenueControl = { mean: 2.61, standardDeviation: 18.9, count: 6000 };
const revenue = twoSampleTTest(revenueTreatment, revenueControl);
const perUser = meanInterval(revenueTreatment);
console.log(`  revenue per user: treatment ${perUser.mean.toFixed(2)} [${perUser.lower.toFixed(2)}, ${perUser.upper.toFixed(2)}], difference ${revenue.difference.toFixed(2)} [${revenue.interval.lower.toFixed(2)}, ${revenue.interval.upper.toFixed(2)}], Welch p ${revenue.pValue.toPrecision(3)} (${revenue.degreesOfFreedom.toFixed(0)} df)`);
check(revenue.defined && revenue.pValue < 0.05 && revenue.interval.lower > 0, "the revenue gain is significant too");

// A guardrail: the treatment must not lower the newsletter opt-in rate by more than 2 points. That is a
// non-inferiority test, H0: pA − pB ≤ −0.02 against H1: pA − pB > −0.02 (Farrington–Manning's score test).
const optIn = twoProportionZTest({ successesA: 1455, trialsA: 6030, successesB: 1440, trialsB: 6000 }, { nullDifference: -0.02, alternative: "greater" });
console.log(`  guardrail: opt-in ${pct(1455 / 6030)} against ${pct(1440 / 6000)}; at most 2 points worse: p ${optIn.pValue.toPrecision(3)}`);
check(optIn.defined && optIn.pValue < 0.05, "the opt-in rate is not more than 2 points worse");

// Fairness: who received the winning offer, by age band (a protected attribute)?
const fairness = disparateImpact([
  { group: "18-39", included: 1200, total: 4000 },
  { group: "40-59", included: 1020, total: 3900 },
  { group: "60+", included: 420, total: 2100 },
]);
console.log(`\nDisparate impact (reference ${fairness.referenceGroup}):`);
for (const row of fairness.groups) {
  console.log(`  ${row.group}: rate ${pct(row.rate)}, impact ratio ${row.impactRatio.toFixed(3)}${row.flagged ? " < 0.8 (four-fifths rule)" : ""}${Number.isNaN(row.pValue) ? "" : `, p ${row.pValue.toPrecision(3)}`}`);
}
check(fairness.adverseImpact, "the 60+ group is under-selected");
