/**
 * The one place where segments meet the rule compiler.
 */
import type { Rule } from "../../rules/ast.js";
import { compileRule } from "../../rules/compileRule.js";
import type { RuleEvent } from "../../rules/evaluate.js";

/** Returns a profile's events, for `event` conditions. */
export type EventsOf<P> = (profile: P) => ReadonlyArray<RuleEvent>;

export interface CompileSegmentRuleOptions<P> {
  readonly asOf: Date;
  readonly eventsOf?: EventsOf<P> | undefined;
  /** Every segment's rule by id, for `inSegment` nodes (an own-property record). */
  readonly segmentRules: Readonly<Record<string, Rule>>;
}

/**
 * Compiles a segment rule to a predicate that is true only when the rule is TRUE. `inSegment`
 * nodes take the referenced segment's three-valued result, exactly as `evaluate` and
 * `compileRule` do with `options.segments`.
 */
export function compileSegmentRule<P>(rule: Rule, options: CompileSegmentRuleOptions<P>): (profile: P) => boolean {
  return compileRule<P>(rule, { asOf: options.asOf, segments: options.segmentRules, eventsOf: options.eventsOf });
}
