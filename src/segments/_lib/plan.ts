/**
 * The segment plan shared by every segment function: validated segments, `inSegment` references
 * checked (unknown ids, cycles named) and sorted topologically, every rule compiled once (with the
 * rules it references), and a per-profile membership evaluator.
 */
import { assertIterable, assertKnownOptions } from "../../_lib/arguments.js";
import type { Rule } from "../../rules/ast.js";
import { SegmentError } from "../SegmentError.js";
import type { SegmentIssue } from "../SegmentError.js";
import { checkSegmentDefinition, isDefinedSegment } from "./definition.js";
import type { Segment } from "./definition.js";
import { compileSegmentRule } from "./compile.js";
import type { EventsOf } from "./compile.js";
import { segmentErrorMessage } from "./messages.js";
import { expansionIssue } from "../../rules/_lib/context.js";
import { eventsOfWording } from "../../rules/_lib/interpreter.js";
import { instantOf } from "../../_lib/instant.js";

/** Options every plan needs. */
export interface PlanOptions<P> {
  readonly asOf: Date;
  readonly eventsOf?: EventsOf<P> | undefined;
}

/** A compiled list of segments. */
export interface SegmentPlan<P> {
  readonly segments: ReadonlyArray<Segment>;
  readonly count: number;
  /** Segment indexes by priority (larger first), ties by declaration order. */
  readonly priorityOrder: Int32Array;
  /** Segment indexes so that every segment comes after the segments it references. */
  readonly topologicalOrder: Int32Array;
  /** Evaluates every segment for one profile into `plan.member` (1 = in, 0 = out). */
  evaluateAll(profile: P): void;
  /** Index of the first segment by priority whose rule is TRUE, or -1 (evaluates no further). */
  evaluateFirstMatch(profile: P): number;
  /** Membership of the profile last given to `evaluateAll`. */
  readonly member: Uint8Array;
  /**
   * Assigns one profile under a mode: returns the winner's index (-1 for none), sets `list` to the
   * profile's segment ids (frozen; shared when empty or a single id) and counts it in `sizes`.
   */
  assign(profile: P, mode: "all" | "first-match"): number;
  /** The segment list of the profile last given to `assign`. */
  readonly list: ReadonlyArray<string>;
  /** Profiles counted per segment by `assign`. */
  readonly sizes: Float64Array;
}

/** Collects `inSegment` references of a rule with the path of each node (iterative walk). */
function referencesOf(rule: Rule): { found: Array<{ segment: string; path: Array<string | number> }>; hasEvents: boolean } {
  const found: Array<{ segment: string; path: Array<string | number> }> = [];
  let hasEvents = false;
  const stack: Array<{ node: Rule; path: Array<string | number> }> = [{ node: rule, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    switch (node.op) {
      case "inSegment":
        found.push({ segment: node.segment, path });
        break;
      case "and":
      case "or":
        for (let index = node.rules.length - 1; index >= 0; index--) stack.push({ node: node.rules[index]!, path: [...path, "rules", index] });
        break;
      case "not":
        stack.push({ node: node.rule, path: [...path, "rule"] });
        break;
      case "event":
        hasEvents = true;
        if (node.where !== undefined) stack.push({ node: node.where, path: [...path, "where"] });
        break;
      case "always":
      case "never":
      case "eq":
      case "ne":
      case "lt":
      case "lte":
      case "gt":
      case "gte":
      case "between":
      case "in":
      case "notIn":
      case "contains":
      case "startsWith":
      case "endsWith":
      case "hasAny":
      case "hasAll":
      case "hasNone":
      case "exists":
      case "missing":
      case "withinLast":
      case "before":
      case "after":
        break;
      default: {
        // A new op is a compile error here until this walk knows whether it has child rules.
        const unhandled: never = node;
        throw new TypeError(`unknown rule op ${JSON.stringify((unhandled as { op?: unknown }).op)}`);
      }
    }
  }
  return { found, hasEvents };
}

/**
 * The checks every segment function makes on its arguments before reading them: an options object
 * (none at all is a missing clock) with only the keys `keys` lists, callbacks that are functions, and
 * profiles that can be iterated.
 */
export function checkArguments(
  functionName: string,
  profiles: unknown,
  options: unknown,
  keys: Readonly<Record<string, true>>,
  callbacks: ReadonlyArray<string>,
  asyncProfiles = false,
): void {
  if (typeof options !== "object" || options === null) throw new TypeError(`${functionName} requires asOf to be a valid Date`);
  assertKnownOptions(functionName, options, keys, eventsOfWording);
  for (const name of callbacks) {
    const callback = (options as Record<string, unknown>)[name];
    if (callback !== undefined && typeof callback !== "function") throw new TypeError(`${functionName} requires ${name} to be a function`);
  }
  assertIterable(functionName, asyncProfiles ? "rows" : "profiles", profiles, asyncProfiles);
}

/** Validates a segment list, resolves references and compiles every rule once. */
export function planSegments<P>(functionName: string, segmentList: ReadonlyArray<Segment>, options: PlanOptions<P>): SegmentPlan<P> {
  if (!Array.isArray(segmentList)) throw new TypeError(`${functionName} requires an array of segments`);
  if (Number.isNaN(instantOf(options.asOf))) {
    throw new TypeError(`${functionName} requires asOf to be a valid Date`);
  }
  const issues: SegmentIssue[] = [];
  const segments: Segment[] = [];
  for (let index = 0; index < segmentList.length; index++) {
    const candidate: unknown = segmentList[index];
    if (isDefinedSegment(candidate)) {
      segments.push(candidate);
      continue;
    }
    const checked = checkSegmentDefinition(candidate, [index], undefined);
    issues.push(...checked.issues);
    if (checked.segment !== undefined) segments.push(checked.segment);
  }
  if (issues.length > 0) throw new SegmentError(segmentErrorMessage(functionName, issues), issues);

  const count = segments.length;
  const indexOf = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const id = segments[index]!.id;
    if (indexOf.has(id)) {
      issues.push({ code: "duplicate_segment_id", path: [index, "id"], message: `duplicate segment id "${id}"` });
    } else {
      indexOf.set(id, index);
    }
  }
  const dependencies: number[][] = [];
  // The path of the first inSegment node behind each edge, for the cycle issue.
  const dependencyPaths: Array<Array<Array<string | number>>> = [];
  let anyEvents = false;
  for (let index = 0; index < count; index++) {
    const list: number[] = [];
    const listPaths: Array<Array<string | number>> = [];
    const { found, hasEvents } = referencesOf(segments[index]!.rule);
    if (hasEvents) anyEvents = true;
    for (const reference of found) {
      const target = indexOf.get(reference.segment);
      if (target === undefined) {
        issues.push({
          code: "unknown_segment",
          path: [index, "rule", ...reference.path, "segment"],
          message: `segment "${segments[index]!.id}" refers to the unknown segment "${reference.segment}"`,
        });
      } else if (!list.includes(target)) {
        list.push(target);
        listPaths.push(reference.path);
      }
    }
    dependencies.push(list);
    dependencyPaths.push(listPaths);
  }
  if (issues.length > 0) throw new SegmentError(segmentErrorMessage(functionName, issues), issues);
  if (anyEvents && options.eventsOf === undefined) throw new TypeError(`${functionName} requires options.eventsOf to evaluate event rules`);

  // Depth-first topological sort with an explicit stack; a back edge is a cycle.
  const state = new Uint8Array(count); // 0 new, 1 on the stack, 2 done
  const topological: number[] = [];
  for (let start = 0; start < count; start++) {
    if (state[start] !== 0) continue;
    const path: number[] = [start];
    const cursor: number[] = [0];
    state[start] = 1;
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const next = cursor[cursor.length - 1]!;
      const edges = dependencies[node]!;
      if (next < edges.length) {
        cursor[cursor.length - 1] = next + 1;
        const target = edges[next]!;
        if (state[target] === 1) {
          const cycleStart = path.indexOf(target);
          const cycle = [...path.slice(cycleStart), target].map((member) => segments[member]!.id);
          const cycleIssue: SegmentIssue = {
            code: "segment_cycle",
            path: [node, "rule", ...dependencyPaths[node]![next]!, "segment"],
            message: `segments refer to each other in a cycle: ${cycle.join(" -> ")}`,
            cycle,
          };
          throw new SegmentError(segmentErrorMessage(functionName, [cycleIssue]), [cycleIssue]);
        }
        if (state[target] === 0) {
          state[target] = 1;
          path.push(target);
          cursor.push(0);
        }
      } else {
        state[node] = 2;
        topological.push(node);
        path.pop();
        cursor.pop();
      }
    }
  }
  const topologicalOrder = Int32Array.from(topological);
  const priorityOrder = Int32Array.from(
    segments.map((_, index) => index).sort((a, b) => segments[b]!.priority - segments[a]!.priority || a - b),
  );

  const member = new Uint8Array(count);
  const segmentRules: Record<string, Rule> = {};
  for (const segment of segments) Object.defineProperty(segmentRules, segment.id, { value: segment.rule, enumerable: true });
  for (let index = 0; index < count; index++) {
    const oversized = expansionIssue(functionName, segments[index]!.rule, segmentRules);
    if (oversized !== undefined) {
      const issue: SegmentIssue = {
        code: oversized.code as "too_deep" | "too_many_nodes",
        path: [index, "rule"],
        message: `segment "${segments[index]!.id}": ${oversized.message}`,
      };
      throw new SegmentError(segmentErrorMessage(functionName, [issue]), [issue]);
    }
  }
  const predicates = segments.map((segment) =>
    compileSegmentRule<P>(segment.rule, { asOf: options.asOf, eventsOf: options.eventsOf, segmentRules }),
  );

  const ids = segments.map((segment) => segment.id);
  const none: ReadonlyArray<string> = Object.freeze([]);
  const single: ReadonlyArray<ReadonlyArray<string>> = ids.map((id) => Object.freeze([id]));
  const sizes = new Float64Array(count);

  const evaluateAll = (profile: P): void => {
    for (let step = 0; step < count; step++) {
      const index = topologicalOrder[step]!;
      member[index] = predicates[index]!(profile) ? 1 : 0;
    }
  };
  const evaluateFirstMatch = (profile: P): number => {
    for (let step = 0; step < count; step++) {
      const index = priorityOrder[step]!;
      if (predicates[index]!(profile)) return index;
    }
    return -1;
  };
  const plan = {
    segments,
    count,
    priorityOrder,
    topologicalOrder,
    member,
    sizes,
    list: none,
    evaluateAll,
    evaluateFirstMatch,
    assign(profile: P, mode: "all" | "first-match"): number {
      if (mode === "first-match") {
        const winner = evaluateFirstMatch(profile);
        if (winner === -1) {
          plan.list = none;
        } else {
          plan.list = single[winner]!;
          sizes[winner]!++;
        }
        return winner;
      }
      evaluateAll(profile);
      let matched = 0;
      let last = -1;
      for (let segment = 0; segment < count; segment++) {
        if (member[segment] === 1) {
          matched++;
          last = segment;
          sizes[segment]!++;
        }
      }
      if (matched === 0) {
        plan.list = none;
        return -1;
      }
      if (matched === 1) {
        plan.list = single[last]!;
        return last;
      }
      const many: string[] = [];
      for (let segment = 0; segment < count; segment++) if (member[segment] === 1) many.push(ids[segment]!);
      plan.list = Object.freeze(many);
      for (let step = 0; step < count; step++) {
        const candidate = priorityOrder[step]!;
        if (member[candidate] === 1) return candidate;
      }
      return -1;
    },
  };
  return plan;
}
