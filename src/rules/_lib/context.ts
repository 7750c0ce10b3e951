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

/** At most this many nodes once every `inSegment` reference is expanded: the work of one evaluation. */
export const maxExpandedNodes = 100_000;
/** At most this many segments referring to one another in a chain. */
export const maxSegmentChain = 100;

/**
 * Bounds the work that `inSegment` references can cause. Each reference expands the referenced rule,
 * so segments that each refer to the next one twice would cost 2^n evaluations per profile (and 2^n
 * SQL text). Counts the expanded size once, with memoized segment sizes and an explicit stack, and
 * throws a `too_many_nodes` / `too_deep` RuleError when it exceeds {@link maxExpandedNodes} or a chain
 * exceeds {@link maxSegmentChain}. Unknown segments and cycles are left to `lookupSegment`. O(total
 * size of the distinct rules).
 */
export function checkSegmentExpansion(functionName: string, rule: Rule, segments: Readonly<Record<string, Rule>> | undefined): void {
  if (segments === undefined) return;
  const sizes = new Map<string, number>();
  const visiting = new Set<string>();
  const fail = (code: "too_many_nodes" | "too_deep", message: string): never => {
    const issue: RuleIssue = { code, path: [], message };
    throw new RuleError(ruleErrorMessage(functionName, [issue]), [issue]);
  };
  const sizeOf = (root: Rule, chain: number): number => {
    if (chain > maxSegmentChain) fail("too_deep", `segments refer to one another more than ${maxSegmentChain} levels deep`);
    let total = 0;
    const stack: Rule[] = [root];
    while (stack.length > 0) {
      const node = stack.pop() as Rule;
      total += 1;
      if (node.op === "and" || node.op === "or") for (const child of node.rules) stack.push(child);
      else if (node.op === "not") stack.push(node.rule);
      else if (node.op === "event" && node.where !== undefined) stack.push(node.where);
      else if (node.op === "inSegment" && Object.hasOwn(segments, node.segment) && !visiting.has(node.segment)) {
        let size = sizes.get(node.segment);
        if (size === undefined) {
          visiting.add(node.segment);
          size = sizeOf(segments[node.segment] as Rule, chain + 1);
          visiting.delete(node.segment);
          sizes.set(node.segment, size);
        }
        total += size;
      }
      if (total > maxExpandedNodes) fail("too_many_nodes", `the rule expands to more than ${maxExpandedNodes} nodes through its segment references`);
    }
    return total;
  };
  sizeOf(rule, 0);
}
