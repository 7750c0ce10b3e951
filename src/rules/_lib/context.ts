import type { Rule } from "../ast.js";
import { RuleError } from "../RuleError.js";
import type { RuleIssue } from "../RuleError.js";
import { ruleErrorMessage } from "./issues.js";

/** The epoch milliseconds of a valid `asOf`, or a `TypeError` naming the function. */
export function resolveAsOf(asOf: unknown, functionName: string): number {
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) {
    throw new TypeError(`${functionName} requires asOf to be a valid Date`);
  }
  return asOf.getTime();
}

/** Finds the path of `target` (by identity) inside `root`; `[]` when it is not there. Iterative. */
export function findNodePath(root: Rule, target: Rule): Array<string | number> {
  const stack: Array<{ node: Rule; path: Array<string | number> }> = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: Rule; path: Array<string | number> };
    if (node === target) return path;
    if (node.op === "and" || node.op === "or") node.rules.forEach((child, index) => stack.push({ node: child, path: [...path, "rules", index] }));
    else if (node.op === "not") stack.push({ node: node.rule, path: [...path, "rule"] });
    else if (node.op === "event" && node.where !== undefined) stack.push({ node: node.where, path: [...path, "where"] });
  }
  return [];
}

/** Looks a segment up (own properties only) or throws the `unknown_segment` / `segment_cycle` RuleError. */
export function lookupSegment(
  functionName: string,
  segments: Readonly<Record<string, Rule>> | undefined,
  id: string,
  active: ReadonlyArray<string>,
  root: Rule,
  node: Rule,
): Rule {
  const path = [...findNodePath(root, node), "segment"];
  const owner = active.length > 0 ? `segment "${active[active.length - 1]}"` : "the rule";
  if (segments === undefined || !Object.hasOwn(segments, id)) {
    const issue: RuleIssue = { code: "unknown_segment", path, message: `${owner} refers to the unknown segment "${id}"` };
    throw new RuleError(ruleErrorMessage(functionName, [issue]), [issue]);
  }
  const index = active.indexOf(id);
  if (index >= 0) {
    const cycle = [...active.slice(index), id].map((name) => `"${name}"`).join(" -> ");
    const issue: RuleIssue = { code: "segment_cycle", path, message: `segments refer to each other in a cycle: ${cycle}` };
    throw new RuleError(ruleErrorMessage(functionName, [issue]), [issue]);
  }
  return segments[id] as Rule;
}
