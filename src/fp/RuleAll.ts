import type { monoid } from "fp-ts";
import type { Rule } from "../rules/ast.js";

function flatten(op: "and" | "or", rule: Rule): ReadonlyArray<Rule> {
  return rule.op === op ? rule.rules : [rule];
}

/** The monoid shared by {@link RuleAll} and {@link RuleAny}. @internal */
export function ruleMonoid(op: "and" | "or"): monoid.Monoid<Rule> {
  const empty: Rule = op === "and" ? { op: "always" } : { op: "never" };
  return {
    concat: (first, second) => {
      if (first.op === empty.op) return second;
      if (second.op === empty.op) return first;
      return { op, rules: [...flatten(op, first), ...flatten(op, second)] };
    },
    empty,
  };
}

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
