import type { Rule, RuleOp } from "./ast.js";
import { createBreakdown } from "./_lib/breakdown.js";
import type { CompileRuleOptions } from "./compileRule.js";
import type { DescribeRuleOptions } from "./describeRule.js";
import { assertIterable } from "../_lib/arguments.js";

/** One node of a {@link RuleBreakdown}: how the profiles came out at this condition. */
export interface RuleBreakdownNode {
  /** Where the node is in the rule: `["rules", 1]`, `["rules", 0, "rule"]`; `[]` for the root. */
  readonly path: ReadonlyArray<string | number>;
  readonly op: RuleOp;
  /**
   * The condition in plain English (`describeRule`, with the `labels` and `segmentNames` of the options); a group says
   * what it combines ("all of 3 conditions", "any of 2 conditions", "not: the condition below is
   * false") rather than repeating its operands.
   */
  readonly description: string;
  /** Profiles for which the condition is TRUE, FALSE and UNKNOWN (each condition counted on every profile). */
  readonly true: number;
  readonly false: number;
  readonly unknown: number;
  /**
   * For an operand of `and` / `or`: how many profiles the whole rule would select without this
   * operand (an `and` or `or` left empty is TRUE or FALSE, as always). Compare with
   * {@link RuleBreakdown.selected} to see what each condition costs or adds.
   */
  readonly selectedWithout?: number;
  /** The operands of `and` / `or` (possibly none), the operand of `not`. Event filters and segments are not opened. */
  readonly children?: ReadonlyArray<RuleBreakdownNode>;
}

/** The result of {@link ruleBreakdown}. */
export interface RuleBreakdown {
  /** Profiles read. */
  readonly profiles: number;
  /** Profiles the rule selects (TRUE). */
  readonly selected: number;
  readonly root: RuleBreakdownNode;
}

/** Options of {@link ruleBreakdown}: those of {@link compileRule}, and the `labels` and `segmentNames` of {@link describeRule}. */
export type RuleBreakdownOptions<P = unknown> = CompileRuleOptions<P> & DescribeRuleOptions;

/**
 * Counts, for every condition of a rule, how many profiles it is TRUE, FALSE and UNKNOWN for, and,
 * for every operand of `and` / `or`, how many profiles the whole rule would select without it: the
 * audience breakdown of segment builders ("which condition makes my segment small?").
 *
 * @remarks Every condition is evaluated on every profile (no short-circuit), with the semantics of
 * `evaluate`: the root's TRUE count is exactly what `compileRule` selects, and every node's counts are
 * those of `evaluate` on that node alone (property-tested). Leaves, `event` and `inSegment` nodes are
 * compiled once (as `compileRuleTruth` does); `and` / `or` / `not` are combined from their operands
 * with Kleene logic, keeping per group the number of absorbing and UNKNOWN operands, and a top-down
 * pass gives, for every node and each of its three values, the root's value, so every "without"
 * count costs O(1). The profiles are read once, so any iterable works; {@link ruleBreakdownAsync}
 * takes async ones (the Node readers). O(p · n) time for p profiles and n nodes, O(n) memory while
 * counting; the result holds each node's path, O(n · d) for depth d.
 * @param rule - a rule (from `parseRule` or the builders).
 * @param profiles - the profiles, read once.
 * @param options - as {@link compileRule} (the clock `asOf`, `segments`, `eventsOf`), and `labels` and `segmentNames` for the descriptions.
 * @returns The counts, as a tree that mirrors the rule.
 * @throws `RuleError` as `compileRule`, naming `ruleBreakdown` (an unknown or cyclic segment, a rule nested too deeply).
 * @throws `TypeError` `"ruleBreakdown requires profiles to be iterable"`, and as `compileRule` for bad options.
 * @example
 * const rule = and(gte("totalSpend", 500), lt("daysSinceLastPurchase", 30));
 * const profiles = [
 *   { totalSpend: 800, daysSinceLastPurchase: 12 },
 *   { totalSpend: 900, daysSinceLastPurchase: 45 },
 *   { totalSpend: 120, daysSinceLastPurchase: 3 },
 *   { totalSpend: 700 },
 * ];
 * const breakdown = ruleBreakdown(rule, profiles, { asOf: new Date("2024-06-30T00:00:00Z") });
 * breakdown.selected //=> 1
 * breakdown.root.children?.map((node) => [node.description, node.true, node.false, node.unknown, node.selectedWithout]) //=> [["total spend is at least 500", 3, 1, 0, 2], ["days since last purchase is less than 30", 2, 1, 1, 3]]
 * @category Rules
 */
export function ruleBreakdown<P = unknown>(rule: Rule, profiles: Iterable<P>, options: RuleBreakdownOptions<P>): RuleBreakdown {
  assertIterable("ruleBreakdown", "profiles", profiles);
  const breakdown = createBreakdown("ruleBreakdown", rule, options);
  for (const profile of profiles) breakdown.add(profile);
  return breakdown.result();
}
