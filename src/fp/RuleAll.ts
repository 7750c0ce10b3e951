import type { monoid } from "fp-ts";
import type { Rule } from "../rules/ast.js";
import { ruleMonoid } from "./_lib/ruleMonoid.js";

/**
 * The conjunction monoid of rules: `concat` is Kleene AND, `empty` is `always` (TRUE).
 *
 * @remarks `concat` flattens nested `and`s and drops `always`, so the monoid laws hold structurally
 * (identity: `concat(empty, r)` is `r`; associativity: both groupings give the same `and` node), not
 * only semantically. Use with fp-ts `concatAll(RuleAll)(rules)`. O(number of conjuncts) per concat.
 * @example
 * RuleAll.concat({ op: "gte", field: "spend", value: 500 }, RuleAll.empty) //=> { op: "gte", field: "spend", value: 500 }
 * RuleAll.concat({ op: "exists", field: "a" }, { op: "exists", field: "b" }).op //=> "and"
 * @category Fp
 */
export const RuleAll: monoid.Monoid<Rule> = /* @__PURE__ */ ruleMonoid("and");
