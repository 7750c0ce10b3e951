import type { InSegmentRule, Rule } from "../ast.js";
import { RuleError } from "../RuleError.js";
import type { RuleIssue } from "../RuleError.js";
import { ruleErrorMessage } from "./issues.js";
import { instantOf } from "./leaves.js";
import { nodeShapeProblems } from "./nodeShape.js";

/** The epoch milliseconds of a valid `asOf`, or a `TypeError` naming the function. */
export function resolveAsOf(asOf: unknown, functionName: string): number {
  const time = instantOf(asOf);
  if (Number.isNaN(time)) throw new TypeError(`${functionName} requires asOf to be a valid Date`);
  return time;
}

/** The `TypeError` of a node whose op no table has (a rule that skipped `parseRule`, `{ op: "toString" }`). */
export function unknownOpError(functionName: string, op: unknown): TypeError {
  return new TypeError(`${functionName} requires a valid rule: unknown op ${JSON.stringify(op)} (check untrusted rules with parseRule)`);
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

/**
 * Looks a segment up (own properties only) or throws the `unknown_segment` / `segment_cycle`
 * RuleError, whose path points into `root` (the rule the caller passed): at `located`, the
 * `inSegment` node of `root` through which the failing reference was reached, then `"segment"`.
 */
function lookupSegment(
  functionName: string,
  segments: Readonly<Record<string, Rule>> | undefined,
  id: string,
  active: ReadonlyArray<string>,
  root: Rule,
  located: Rule,
): Rule {
  const path = (): Array<string | number> => [...findNodePath(root, located), "segment"];
  const owner = active.length > 0 ? `segment "${active[active.length - 1]}"` : "the rule";
  if (typeof segments !== "object" || segments === null || !Object.hasOwn(segments, id)) {
    const issue: RuleIssue = { code: "unknown_segment", path: path(), message: `${owner} refers to the unknown segment "${id}"` };
    throw new RuleError(ruleErrorMessage(functionName, [issue]), [issue]);
  }
  const index = active.indexOf(id);
  if (index >= 0) {
    const cycle = [...active.slice(index), id].map((name) => `"${name}"`).join(" -> ");
    const issue: RuleIssue = { code: "segment_cycle", path: path(), message: `segments refer to each other in a cycle: ${cycle}` };
    throw new RuleError(ruleErrorMessage(functionName, [issue]), [issue]);
  }
  return segments[id] as Rule;
}

/** What following an `inSegment` reference needs: the segments, the chain being followed, and where issues point. */
export interface SegmentScope {
  readonly functionName: string;
  readonly segments: Readonly<Record<string, Rule>> | undefined;
  /** Segment ids being followed, outermost first (cycle detection). */
  readonly active: string[];
  /** The rule the caller passed: every issue path points into it. */
  readonly root: Rule;
  /** The `inSegment` node of `root` through which the walk entered the segments it is in; `undefined` in `root` itself. */
  entry: Rule | undefined;
}

/**
 * Looks up the segment of an `inSegment` node and calls `follow` with its rule, inside the scope of
 * that segment (for cycle detection and issue paths). A problem found in a referenced segment, at
 * any depth, is reported at the `inSegment` node of the root through which it was reached.
 */
export function followSegment<Result>(scope: SegmentScope, node: InSegmentRule, follow: (rule: Rule) => Result): Result {
  const previousEntry = scope.entry;
  const rule = lookupSegment(scope.functionName, scope.segments, node.segment, scope.active, scope.root, previousEntry ?? node);
  scope.active.push(node.segment);
  scope.entry = previousEntry ?? node;
  try {
    return follow(rule);
  } finally {
    scope.active.pop();
    scope.entry = previousEntry;
  }
}

/** At most this many nodes once every `inSegment` reference is expanded: the work of one evaluation. */
export const maxExpandedNodes = 100_000;
/** At most this many segments referring to one another in a chain. */
export const maxSegmentChain = 100;
/**
 * At most this many levels of nesting once every `inSegment` reference is expanded. The
 * interpreters recurse once or twice per level; a default V8 stack holds about 1,500 levels of the
 * deepest of them (`explain`), so rules that skipped `parseRule`, or chains of segments each within
 * `parseRule`'s limit, get a `too_deep` error here instead of a stack overflow. `toSql` and
 * `parseRule`'s `maxDepth` use the same bound.
 */
export const maxExpandedDepth = 1_000;

/** Unwinds the measuring recursion of {@link expansionIssue} with its issue. */
class Oversized extends Error {
  constructor(readonly issue: RuleIssue) {
    super(issue.message);
  }
}

/**
 * The `too_many_nodes` / `too_deep` issue of a rule whose expansion is too large, else `undefined`.
 * Each `inSegment` reference expands the referenced rule, so segments that each refer to the next
 * one twice would cost 2^n evaluations per profile (and 2^n SQL text), and a chain of segments
 * nests each rule inside the next. Measures the expanded size and depth once, with memoized
 * segment measures and an explicit stack, against {@link maxExpandedNodes},
 * {@link maxExpandedDepth} and {@link maxSegmentChain}, and refuses a node that is not an object
 * (`invalid_type`: `null`, a hole in a `rules` array, `rules` that is not an array, or a literal of
 * the wrong type: {@link nodeShapeProblems}), which only a rule that skipped `parseRule` can hold; an
 * unknown op and a malformed time window or date throw the interpreters' `TypeError` here, before
 * any profile is read (`literals: false` leaves them to a caller that reports every such issue
 * itself, as `toJsonLogic` does). Unknown segments and cycles are left to `lookupSegment`. O(total size of the
 * distinct rules, lists included).
 */
export function expansionIssue(functionName: string, rule: Rule, segments: Readonly<Record<string, Rule>> | undefined, literals = true): RuleIssue | undefined {
  // `height`: how many segment references deep the segment's own expansion goes (0 without references),
  // so that a segment measured first near the top of a chain is still refused deeper in another one.
  const measured = new Map<string, { readonly size: number; readonly depth: number; readonly height: number }>();
  const visiting = new Set<string>();
  const fail = (code: "too_many_nodes" | "too_deep" | "invalid_type", message: string, path: Array<string | number> = []): never => {
    throw new Oversized({ code, path, message });
  };
  const tooLong = (): never => fail("too_deep", `segments refer to one another more than ${maxSegmentChain} levels deep`);
  // `entry`: the inSegment node of `rule` through which a referenced segment is being measured, so
  // that a problem inside it is reported where the caller can find it (as `followSegment` does).
  const measure = (root: Rule, chain: number, entry: Rule | undefined, segmentId: string | undefined): { size: number; depth: number; height: number } => {
    if (chain > maxSegmentChain) tooLong();
    let size = 0;
    let deepest = 0;
    let height = 0;
    const nodes: Rule[] = [root];
    const depths: number[] = [1];
    while (nodes.length > 0) {
      const node = nodes.pop() as Rule;
      let depth = depths.pop() as number;
      size += 1;
      // A rule that skipped parseRule may hold anything: refuse what is not a node before reading it.
      if (typeof node !== "object" || node === null || Array.isArray(node)) fail("invalid_type", `a rule node must be an object, got ${node === null ? "null" : Array.isArray(node) ? "an array" : typeof node}`);
      if (typeof node.op !== "string") fail("invalid_type", "a rule node needs an op");
      if ("field" in node && typeof node.field !== "string") fail("invalid_type", `the field of "${node.op}" must be a string`);
      if ((node.op === "and" || node.op === "or") && !Array.isArray(node.rules)) fail("invalid_type", `the rules of "${node.op}" must be an array`);
      if ("values" in node && !Array.isArray(node.values)) fail("invalid_type", `the values of "${node.op}" must be an array`);
      if (literals) {
        if (!Object.hasOwn(nodeShapeProblems, node.op)) throw unknownOpError(functionName, node.op);
        const problem = (nodeShapeProblems[node.op] as (node: Rule) => string | undefined)(node);
        if (problem !== undefined) {
          if (entry === undefined) fail("invalid_type", problem, findNodePath(rule, node));
          else fail("invalid_type", `${problem} (in segment ${JSON.stringify(segmentId)})`, [...findNodePath(rule, entry), "segment"]);
        }
      }
      if (node.op === "and" || node.op === "or") for (let index = 0; index < node.rules.length; index += 1) { nodes.push(node.rules[index] as Rule); depths.push(depth + 1); }
      else if (node.op === "not") { nodes.push(node.rule); depths.push(depth + 1); }
      else if (node.op === "event" && node.where !== undefined) { nodes.push(node.where); depths.push(depth + 1); }
      else if (node.op === "inSegment" && typeof segments === "object" && segments !== null && Object.hasOwn(segments, node.segment) && !visiting.has(node.segment)) {
        let segment = measured.get(node.segment);
        if (segment === undefined) {
          visiting.add(node.segment);
          segment = measure(segments[node.segment] as Rule, chain + 1, entry ?? node, node.segment);
          visiting.delete(node.segment);
          measured.set(node.segment, segment);
        } else if (chain + 1 + segment.height > maxSegmentChain) tooLong();
        if (segment.height + 1 > height) height = segment.height + 1;
        size += segment.size;
        // The segment's rule takes the place of the inSegment node.
        depth += segment.depth - 1;
      }
      if (depth > deepest) deepest = depth;
      if (deepest > maxExpandedDepth) {
        fail("too_deep", segments === undefined
          ? `the rule is nested more than ${maxExpandedDepth.toLocaleString("en-US")} levels deep`
          : `the rule is nested more than ${maxExpandedDepth.toLocaleString("en-US")} levels deep once its segment references are expanded`);
      }
      if (size > maxExpandedNodes) {
        fail("too_many_nodes", segments === undefined
          ? `the rule has more than ${maxExpandedNodes} nodes`
          : `the rule expands to more than ${maxExpandedNodes} nodes through its segment references`);
      }
    }
    return { size, depth: deepest, height };
  };
  try {
    measure(rule, 0, undefined, undefined);
    return undefined;
  } catch (error) {
    if (error instanceof Oversized) return error.issue;
    throw error;
  }
}

/** Throws the {@link expansionIssue} of a rule, if any, as a `RuleError` naming `functionName`. */
export function checkExpansion(functionName: string, rule: Rule, segments: Readonly<Record<string, Rule>> | undefined, literals = true): void {
  const issue = expansionIssue(functionName, rule, segments, literals);
  if (issue !== undefined) throw new RuleError(ruleErrorMessage(functionName, [issue]), [issue]);
}
