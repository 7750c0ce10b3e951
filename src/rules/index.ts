/**
 * `segmentkit/rules`: the segment rule DSL. One JSON definition, typed builders, SQL-exact
 * three-valued evaluation, explanations, time windows and event conditions.
 *
 * @module rules
 */
export type {
  AggregateBounds,
  AlwaysRule,
  AndRule,
  ArrayRule,
  BetweenRule,
  ComparisonOp,
  ComparisonRule,
  Duration,
  EventRule,
  InSegmentRule,
  MembershipRule,
  NeverRule,
  NotRule,
  OrRule,
  PresenceRule,
  Rule,
  RuleDocument,
  RuleOfOp,
  RuleOp,
  RuleScalar,
  RuleTable,
  TextRule,
  TimeBoundRule,
  TimeUnit,
  Truth,
  WithinLastRule,
} from "./ast.js";
export { ruleFormatVersion, timeUnits } from "./ast.js";
