import { either } from "fp-ts";
import type { Rule } from "../rules/ast.js";
import type { RuleIssue } from "../rules/RuleError.js";
import { safeParseRule } from "../rules/parseRule.js";
import type { RuleLimits } from "../rules/parseRule.js";

/**
 * Parses untrusted JSON into a rule as an fp-ts `Either`: `right(rule)` or `left(issues)`.
 *
 * @remarks Exactly `safeParseRule` (same checks, limits and cost), with the issues on the left.
 * @param json - the untrusted value.
 * @param options - limits, as for `parseRule`.
 * @returns `Either<RuleIssue[], Rule>`.
 * @throws `RangeError` when a limit option itself is invalid.
 * @example
 * parseRuleEither({ op: "always" }) //=> { _tag: "Right", right: { op: "always" } }
 * const result = parseRuleEither({ op: "xor" });
 * result._tag === "Left" ? result.left[0]?.code : undefined //=> "unknown_op"
 * @category Fp
 */
export function parseRuleEither(json: unknown, options?: RuleLimits): either.Either<ReadonlyArray<RuleIssue>, Rule> {
  const result = safeParseRule(json, options);
  return result.success ? either.right(result.data) : either.left(result.error.issues);
}
