import type { Rule } from "../rules/ast.js";
import { compilePredicate } from "../rules/compileRule.js";
import type { CompileRuleOptions } from "../rules/compileRule.js";

/**
 * Compiles a rule into an fp-ts `Predicate<P>`: `(profile: P) => boolean`, TRUE only.
 *
 * @remarks The same function as `compileRule` from `segmentkit/rules` (closures, no eval), typed
 * as a `Predicate`, so it composes with fp-ts `predicate.and`, `array.filter` and
 * `predicate.contramap`. Compilation O(size of the rule); evaluation creates no objects for rules
 * without `event` nodes or case-insensitive text tests.
 *
 * Negate inside the rule (`{ op: "not", rule }`), not with fp-ts `predicate.not`: the predicate is
 * false for both FALSE and UNKNOWN, so `predicate.not` selects the profiles whose rule is UNKNOWN (a
 * customer without the field), which SQL's `NOT` does not. `predicate.and` and `predicate.or` are
 * safe: they agree with the rule's `and` / `or`, since only TRUE selects.
 * @param rule - the rule.
 * @param options - `asOf`, `segments`, `eventsOf`, as for `compileRule`.
 * @returns `(profile: P) => boolean`.
 * @throws As `compileRule`, with `toPredicate` in the messages.
 * @example
 * const bigSpender = toPredicate<{ spend?: number }>({ op: "gt", field: "spend", value: 100 }, { asOf: new Date("2024-06-30T00:00:00Z") });
 * [{ spend: 150 }, { spend: 50 }, {}].filter(bigSpender).length //=> 1
 * const notBig = toPredicate<{ spend?: number }>({ op: "not", rule: { op: "gt", field: "spend", value: 100 } }, { asOf: new Date("2024-06-30T00:00:00Z") });
 * [{ spend: 150 }, { spend: 50 }, {}].filter(notBig).length //=> 1
 * @category Fp
 */
export function toPredicate<P = unknown>(rule: Rule, options: CompileRuleOptions<P>): (profile: P) => boolean {
  return compilePredicate("toPredicate", rule, options);
}
