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
export { RuleError } from "./RuleError.js";
export type { RuleIssue, RuleIssueCode } from "./RuleError.js";
export { parseRule, safeParseRule } from "./parseRule.js";
export type { RuleLimits, SafeParseRuleResult } from "./parseRule.js";
export { parseJsonLogic, safeParseJsonLogic } from "./parseJsonLogic.js";
export { parseJsonRulesEngine, safeParseJsonRulesEngine } from "./parseJsonRulesEngine.js";
export { toJsonLogic } from "./toJsonLogic.js";
export type { JsonLogic, ToJsonLogicOptions } from "./toJsonLogic.js";
export type { JsonRulesEngineImport, JsonRulesEngineWarning, ParseJsonRulesEngineOptions, SafeParseJsonRulesEngineResult } from "./parseJsonRulesEngine.js";
export { ruleBreakdown } from "./ruleBreakdown.js";
export { ruleBreakdownAsync } from "./ruleBreakdownAsync.js";
export type { RuleBreakdown, RuleBreakdownNode, RuleBreakdownOptions } from "./ruleBreakdown.js";
export type { JsonLogicImport, JsonLogicWarning, JsonLogicWarningCode, ParseJsonLogicOptions, SafeParseJsonLogicResult } from "./parseJsonLogic.js";
export { evaluate } from "./evaluate.js";
export type { EvaluateOptions, RuleEvent } from "./evaluate.js";
export { compileRule, compileRuleTruth } from "./compileRule.js";
export type { CompileRuleOptions, TruthPredicate } from "./compileRule.js";
export {
  after,
  always,
  and,
  before,
  between,
  contains,
  endsWith,
  eq,
  event,
  exists,
  gt,
  gte,
  hasAll,
  hasAny,
  hasNone,
  inList,
  inSegment,
  lt,
  lte,
  missing,
  ne,
  never,
  not,
  notInList,
  or,
  ruleBuilder,
  startsWith,
  withinLast,
} from "./builders.js";
export type { ElementFor, EventOptions, Path, PathLeaf, PathOf, PathValue, RuleBuilder, TextOptions, Unbranded, ValueFor } from "./builders.js";
export { describeRule } from "./describeRule.js";
export type { DescribeRuleOptions } from "./describeRule.js";
export { explain } from "./explain.js";
export type { ExplainOptions, RuleExplanation } from "./explain.js";
export { checkRule } from "./checkRule.js";
export type { ZodSchemaLike } from "./checkRule.js";

// The base class of every error with a list of issues, for `instanceof` checks from this subpath.
export { SegmentationError } from "../_lib/errors.js";
export type { Issue } from "../_lib/errors.js";
