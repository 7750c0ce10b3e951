import type { Rule } from "../rules/ast.js";
import { compileRule } from "../rules/compileRule.js";
import type { CompileRuleOptions } from "../rules/compileRule.js";

/**
 * Compiles a rule into an fp-ts `Predicate<P>`: `(profile: P) => boolean`, TRUE only.
 *
 * @remarks The same function as `compileRule` from `segmentkit/rules` (closures, no eval), typed
 * as a `Predicate`, so it composes with fp-ts `predicate.and`, `array.filter` and
 * `predicate.contramap`. Compilation O(size of the rule); evaluation allocation-free.
 * @param rule - the rule.
 * @param options - `asOf`, `segments`, `eventsOf`, as for `compileRule`.
 * @returns `(profile: P) => boolean`.
 * @throws As `compileRule`.
 * @example
 * const bigSpender = toPredicate<{ spend?: number }>({ op: "gt", field: "spend", value: 100 }, { asOf: new Date("2024-06-30T00:00:00Z") });
 * [{ spend: 150 }, { spend: 50 }, {}].filter(bigSpender).length //=> 1
 * @category Fp
 */
export function toPredicate<P = unknown>(rule: Rule, options: CompileRuleOptions<P>): (profile: P) => boolean {
  return compileRule(rule, options);
}
