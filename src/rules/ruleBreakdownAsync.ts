import type { Rule } from "./ast.js";
import { createBreakdown } from "./_lib/breakdown.js";
import type { RuleBreakdown, RuleBreakdownOptions } from "./ruleBreakdown.js";
import { assertIterable } from "../_lib/arguments.js";
import { beforeReading, forEachRow } from "../_lib/rowSources.js";

/**
 * {@link ruleBreakdown} over an async iterable: profiles streamed from a file or a database cursor,
 * read once, in constant memory.
 *
 * @remarks The same counts as {@link ruleBreakdown} (they share the counting code), awaiting each
 * profile of an async source in turn; a synchronous iterable works too, its profiles taken as they
 * are, never awaited (a `Promise` among them is refused); a refused call closes the source.
 * @param rule - a rule (from `parseRule` or the builders).
 * @param profiles - the profiles, read once.
 * @param options - as {@link ruleBreakdown}.
 * @returns The counts, as a tree that mirrors the rule.
 * @throws `RuleError` as `compileRule`, naming `ruleBreakdownAsync`.
 * @throws `TypeError` `"ruleBreakdownAsync requires profiles to be iterable or async iterable"`, and as `compileRule` for bad options.
 * @throws `TypeError` `ruleBreakdownAsync takes the rows of a sync iterable as they are, and row <i> is a Promise: pass an async iterable to have them awaited`.
 * @example
 * async function* stream() {
 *   yield { plan: "pro", seats: 12 };
 *   yield { plan: "free", seats: 1 };
 *   yield { plan: "pro" };
 * }
 * const breakdown = await ruleBreakdownAsync(and(eq("plan", "pro"), gte("seats", 10)), stream(), { asOf: new Date("2024-06-30T00:00:00Z") });
 * [breakdown.profiles, breakdown.selected] //=> [3, 1]
 * breakdown.root.children?.map((node) => [node.true, node.false, node.unknown, node.selectedWithout]) //=> [[2, 1, 0, 1], [1, 1, 1, 2]]
 * @category Rules
 */
export async function ruleBreakdownAsync<P = unknown>(rule: Rule, profiles: AsyncIterable<P> | Iterable<P>, options: RuleBreakdownOptions<P>): Promise<RuleBreakdown> {
  assertIterable("ruleBreakdownAsync", "profiles", profiles, true);
  const breakdown = await beforeReading(profiles, () => createBreakdown("ruleBreakdownAsync", rule, options));
  await forEachRow("ruleBreakdownAsync", profiles, (profile) => breakdown.add(profile));
  return breakdown.result();
}
