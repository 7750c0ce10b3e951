import type { monoid } from "fp-ts";
import type { Rule } from "../rules/ast.js";
import { ruleMonoid } from "./_lib/ruleMonoid.js";

/**
 * The disjunction monoid of rules: `concat` is Kleene OR, `empty` is `never` (FALSE).
 *
 * @remarks `concat` flattens nested `or`s and drops `never`, so the monoid laws hold structurally.
 * O(number of disjuncts) per concat.
 * @example
 * RuleAny.empty //=> { op: "never" }
 * RuleAny.concat({ op: "inSegment", segment: "vip" }, { op: "inSegment", segment: "loyal" }).rules.length //=> 2
 * @category Fp
 */
export const RuleAny: monoid.Monoid<Rule> = /* @__PURE__ */ ruleMonoid("or");
