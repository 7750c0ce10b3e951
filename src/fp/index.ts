/**
 * `segmentkit/fp`: fp-ts-flavoured instances for the rule DSL: rule monoids, an `Either` parser and
 * a `Predicate` compiler. fp-ts is imported from its package root only.
 *
 * @module fp
 */
export { RuleAll } from "./RuleAll.js";
export { RuleAny } from "./RuleAny.js";
export { parseRuleEither } from "./parseRuleEither.js";
export { toPredicate } from "./toPredicate.js";
