import type { monoid } from "fp-ts";
import type { Rule } from "../../rules/ast.js";

function flatten(op: "and" | "or", rule: Rule): ReadonlyArray<Rule> {
  return rule.op === op ? rule.rules : [rule];
}

/** The monoid shared by `RuleAll` and `RuleAny`. */
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

