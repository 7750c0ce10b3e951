import { assertKnownOptions } from "../_lib/pythonOptions.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { CompensatedSum } from "../_lib/compensatedSum.js";
import { instantOf } from "../_lib/instant.js";
import { compileRuleTruth } from "../rules/index.js";
import type { RuleEvent, Truth } from "../rules/index.js";
import { defineScoringPlan, isDefinedScoringPlan } from "./defineScoringPlan.js";
import type { ScoringPlan, ScoringPlanDefinition } from "./defineScoringPlan.js";
import { decimalPoints } from "./_lib/decimalPoints.js";

/**
 * Options of {@link scoreProfiles}.
 * @category Scoring plans
 */
export interface ScoreProfilesOptions<P> {
  /** The clock of every time condition. */
  readonly asOf: Date;
  /** The profile's events, for `event` conditions. */
  readonly eventsOf?: (profile: P) => ReadonlyArray<RuleEvent>;
}

/**
 * One profile's score with its explanation.
 * @category Scoring plans
 */
export interface ProfileScore {
  /** Sum of the points of the rules that are TRUE. */
  readonly score: number;
  /** The tier reached, or `null` when the plan has no tiers or the score is below every threshold. */
  readonly tier: string | null;
  /** Every rule in plan order: `matched` is `true`, `false` or `null` (UNKNOWN: a field was missing), and the points it gave. */
  readonly contributions: ReadonlyArray<{ readonly id: string; readonly name: string; readonly matched: Truth; readonly points: number }>;
}

/**
 * Scores profiles with a scoring plan: the sum of the points of every rule that is TRUE, the tier
 * reached, and which rules gave which points.
 *
 * @remarks Rules are compiled once (`compileRuleTruth`); SQL three-valued logic, so a rule on a
 * missing field is UNKNOWN and gives no points, and the explanation says so (`matched: null`).
 * Points are added as the decimals they are written as: 0.7 + 0.1 scores 0.8 and reaches a tier at
 * 0.8 (in doubles it is 0.7999999999999999). This holds when every point value has at most 15
 * decimals and the points' total stays within 2^53 units of the smallest decimal; other plans (points
 * such as 1/3) are added in doubles with compensated summation. O(n * total rule size).
 * @param plan - from {@link defineScoringPlan}; any other object (a stored plan read back from JSON) is
 *   validated by it first.
 * @param profiles - any objects the rules read.
 * @param options - `asOf` and optionally `eventsOf`.
 * @returns One {@link ProfileScore} per profile, in input order.
 * @throws `TypeError` `"scoreProfiles requires asOf to be a valid Date"`, and
 *   `"compileRuleTruth requires options.eventsOf to compile event rules"` when a rule has an `event`
 *   node and no `eventsOf` is given; `SegmentationError` from {@link defineScoringPlan} for an invalid
 *   plan that it did not make.
 * @example
 * const plan = defineScoringPlan({
 *   id: "lead",
 *   rules: [
 *     { id: "big", rule: { op: "gte", field: "spend", value: 100 }, points: 20 },
 *     { id: "newsletter", rule: { op: "eq", field: "subscribed", value: true }, points: 5 },
 *   ],
 *   tiers: [{ name: "warm", min: 5 }, { name: "hot", min: 25 }],
 * });
 * const [first, second] = scoreProfiles(plan, [{ spend: 150, subscribed: true }, { subscribed: true }], { asOf: new Date("2024-01-01T00:00:00Z") });
 * first.score //=> 25
 * first.tier //=> "hot"
 * second.contributions.map((entry) => entry.matched) //=> [null, true]
 * second.tier //=> "warm"
 * @category Scoring plans
 */
export function scoreProfiles<P>(plan: ScoringPlan, profiles: Iterable<P>, options: ScoreProfilesOptions<P>): ProfileScore[] {
  if (typeof options !== "object" || options === null || Number.isNaN(instantOf(options.asOf))) {
    throw new TypeError("scoreProfiles requires asOf to be a valid Date");
  }
  assertKnownOptions("scoreProfiles", options, { asOf: true, eventsOf: true } satisfies OptionKeys<ScoreProfilesOptions<P>>);
  if (!isDefinedScoringPlan(plan)) plan = defineScoringPlan(plan as unknown as ScoringPlanDefinition);
  const compiled = plan.rules.map((entry) => compileRuleTruth<P>(entry.rule, { asOf: options.asOf, eventsOf: options.eventsOf }));
  const { scale, units } = decimalPoints(plan.rules.map((entry) => entry.points));
  const results: ProfileScore[] = [];
  for (const profile of profiles) {
    let unitTotal = 0;
    const doubleTotal = scale === null ? new CompensatedSum() : undefined;
    const contributions = plan.rules.map((entry, index) => {
      const matched = (compiled[index] as (profile: P) => Truth)(profile);
      const points = matched === true ? entry.points : 0;
      if (matched === true) {
        if (doubleTotal !== undefined) doubleTotal.add(points);
        else unitTotal += units[index] as number;
      }
      return { id: entry.id, name: entry.name, matched, points };
    });
    const score = doubleTotal !== undefined ? doubleTotal.value : unitTotal / (scale as number);
    const tier = plan.tiers.find((candidate) => score >= candidate.min)?.name ?? null;
    results.push({ score, tier, contributions });
  }
  return results;
}
