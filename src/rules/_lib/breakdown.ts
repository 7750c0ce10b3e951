/**
 * The counting behind `ruleBreakdown` and `ruleBreakdownAsync`: one accumulator that takes profiles
 * one at a time, so the synchronous and the asynchronous function share every line of it.
 */
import type { Rule, RuleOp } from "../ast.js";
import { compileRuleOptionKeys, compileTruth } from "../compileRule.js";
import { describeRule, describeRuleOptionKeys } from "../describeRule.js";
import { ruleLabels } from "./phrases.js";
import type { DescribeRuleOptions } from "../describeRule.js";
import type { RuleBreakdown, RuleBreakdownNode, RuleBreakdownOptions } from "../ruleBreakdown.js";
import type { OptionKeys } from "../../_lib/arguments.js";

const optionKeys = { ...compileRuleOptionKeys, ...describeRuleOptionKeys } as const satisfies OptionKeys<RuleBreakdownOptions>;

const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;

/** What the breakdown says of a group instead of repeating its operands. */
function groupDescription(node: Rule, operands: number): string {
  if (node.op === "not") return "not: the condition below is false";
  const conditions = operands === 1 ? "1 condition" : `${operands} conditions`;
  if (operands === 0) return node.op === "and" ? "all of no conditions: true for every profile" : "any of no conditions: false for every profile";
  return node.op === "and" ? `all of ${conditions}` : `any of ${conditions}`;
}

/**
 * Starts a breakdown of `rule`. `add` takes one profile in O(n) for n nodes (a bottom-up pass, then
 * a top-down pass that knows, for every node and each of its three values, the root's value);
 * `result` builds the tree.
 */
/** A rule's nodes in pre-order (a node before its operands), each with its parent and operands. */
export interface BreakdownNode {
  readonly rule: Rule;
  readonly op: RuleOp;
  /** The keys from its parent to it: `["rules", 2]`, `["rule"]`, `[]` for the root. */
  readonly key: ReadonlyArray<string | number>;
  readonly parent: number;
  readonly children: ReadonlyArray<number>;
}

/** Whether the breakdown opens a node (`and`, `or`, `not`) rather than counting it as one condition. */
export function isGroup(rule: Rule): rule is Extract<Rule, { op: "and" | "or" | "not" }> {
  return rule.op === "and" || rule.op === "or" || rule.op === "not";
}

/** The nodes of `rule` in pre-order. The depth of a rule that compiled is at most 1,000, which this recursion stays within. */
export function breakdownNodes(rule: Rule): BreakdownNode[] {
  const nodes: BreakdownNode[] = [];
  const add = (node: Rule, key: ReadonlyArray<string | number>, parent: number): void => {
    const index = nodes.length;
    nodes.push({ rule: node, op: node.op, key, parent, children: [] });
    if (!isGroup(node)) return;
    const operands: ReadonlyArray<Rule> = node.op === "not" ? [node.rule] : node.rules;
    const children: number[] = [];
    operands.forEach((operand, position) => {
      children.push(nodes.length);
      add(operand, node.op === "not" ? ["rule"] : ["rules", position], index);
    });
    nodes[index] = { ...(nodes[index] as BreakdownNode), children };
  };
  add(rule, [], -1);
  return nodes;
}

/** Whether node `index` is an operand of `and` / `or`, which the breakdown can take out. */
export function isRemovable(nodes: ReadonlyArray<BreakdownNode>, index: number): boolean {
  const parent = nodes[index]?.parent ?? -1;
  return parent >= 0 && (nodes[parent]?.op === "and" || nodes[parent]?.op === "or");
}

/** The counts of one node, as the result reports them. */
export interface BreakdownCounts {
  readonly true: number;
  readonly false: number;
  readonly unknown: number;
  readonly selectedWithout: number;
}

/**
 * The result tree, with descriptions (`labels` and `segmentNames` as in `describeRule`, fields told
 * apart across the whole rule) and the counts of each node.
 */
export function breakdownTree(
  nodes: ReadonlyArray<BreakdownNode>,
  names: DescribeRuleOptions,
  counts: (index: number) => BreakdownCounts,
  profiles: number,
  selected: number,
): RuleBreakdown {
  const labels = ruleLabels((nodes[0] as BreakdownNode).rule, names.labels);
  const describeOptions: DescribeRuleOptions = { ...(labels === undefined ? {} : { labels }), ...(names.segmentNames === undefined ? {} : { segmentNames: names.segmentNames }) };
  const build = (index: number, path: ReadonlyArray<string | number>): RuleBreakdownNode => {
    const node = nodes[index] as BreakdownNode;
    const children = node.children.map((child) => build(child, [...path, ...(nodes[child] as BreakdownNode).key]));
    const group = isGroup(node.rule);
    const tally = counts(index);
    return {
      path,
      op: node.op,
      description: group ? groupDescription(node.rule, node.children.length) : describeRule(node.rule, describeOptions),
      true: tally.true,
      false: tally.false,
      unknown: tally.unknown,
      ...(isRemovable(nodes, index) ? { selectedWithout: tally.selectedWithout } : {}),
      ...(group ? { children } : {}),
    };
  };
  return { profiles, selected, root: build(0, []) };
}

/** `rule` with the operand at node `index` (an operand of `and` / `or`) taken out. */
export function ruleWithout(nodes: ReadonlyArray<BreakdownNode>, index: number): Rule {
  const rebuild = (at: number): Rule => {
    const node = nodes[at] as BreakdownNode;
    if (!isGroup(node.rule)) return node.rule;
    if (node.rule.op === "not") return { op: "not", rule: rebuild(node.children[0] as number) };
    return { op: node.rule.op, rules: node.children.filter((child) => child !== index).map(rebuild) };
  };
  return rebuild(0);
}

/**
 * Starts a breakdown of `rule`. `add` takes one profile in O(n) for n nodes (a bottom-up pass, then
 * a top-down pass that knows, for every node and each of its three values, the root's value);
 * `result` builds the tree.
 */
export function createBreakdown<P>(functionName: string, rule: Rule, options: RuleBreakdownOptions<P>): { add(profile: P): void; result(): RuleBreakdown } {
  // Validates the whole rule (segments, depth, options) before anything is counted.
  const whole = compileTruth(functionName, rule, options, optionKeys);
  const nodes = breakdownNodes(rule);
  // The compiled condition of each node that is counted as one (leaves, `event`, `inSegment`).
  const truths = nodes.map((node, index) => (isGroup(node.rule) ? undefined : index === 0 ? whole : compileTruth(functionName, node.rule, options)));
  const count = nodes.length;
  const ops = nodes.map((node) => node.op);
  const values = new Uint8Array(count);
  // Per group: how many operands are absorbing (FALSE under `and`, TRUE under `or`) and how many UNKNOWN.
  const absorbingOperands = new Uint32Array(count);
  const unknownOperands = new Uint32Array(count);
  // rootWhen[3i + v]: the root's value if node i had the value v and everything else stayed.
  const rootWhen = new Uint8Array(count * 3);
  const tallies = new Float64Array(count * 3);
  const selectedWithout = new Float64Array(count);
  const removable = nodes.map((_node, index) => isRemovable(nodes, index));
  let profiles = 0;
  let selected = 0;

  /** The value of group `group` with its operand `operand` set to `value` (the identity removes it). */
  const groupWith = (group: number, operand: number, value: number): number => {
    const op = ops[group];
    if (op === "not") return value === UNKNOWN ? UNKNOWN : 1 - value;
    const absorbing = op === "and" ? FALSE : TRUE;
    const current = values[operand] as number;
    const absorbingCount = (absorbingOperands[group] as number) - (current === absorbing ? 1 : 0) + (value === absorbing ? 1 : 0);
    const unknownCount = (unknownOperands[group] as number) - (current === UNKNOWN ? 1 : 0) + (value === UNKNOWN ? 1 : 0);
    return absorbingCount > 0 ? absorbing : unknownCount > 0 ? UNKNOWN : 1 - absorbing;
  };

  return {
    add(profile: P): void {
      profiles += 1;
      for (let index = count - 1; index >= 0; index -= 1) {
        const node = nodes[index] as BreakdownNode;
        const compiled = truths[index];
        let value: number;
        if (compiled !== undefined) {
          const truth = compiled(profile);
          value = truth === true ? TRUE : truth === false ? FALSE : UNKNOWN;
        } else if (node.op === "not") {
          const operand = values[node.children[0] as number] as number;
          value = operand === UNKNOWN ? UNKNOWN : 1 - operand;
        } else {
          const absorbing = node.op === "and" ? FALSE : TRUE;
          let absorbingCount = 0;
          let unknownCount = 0;
          for (const child of node.children) {
            const operand = values[child] as number;
            if (operand === absorbing) absorbingCount += 1;
            else if (operand === UNKNOWN) unknownCount += 1;
          }
          absorbingOperands[index] = absorbingCount;
          unknownOperands[index] = unknownCount;
          value = absorbingCount > 0 ? absorbing : unknownCount > 0 ? UNKNOWN : 1 - absorbing;
        }
        values[index] = value;
        tallies[index * 3 + value] = (tallies[index * 3 + value] as number) + 1;
      }
      if (values[0] === TRUE) selected += 1;
      rootWhen[0] = FALSE;
      rootWhen[1] = TRUE;
      rootWhen[2] = UNKNOWN;
      for (let index = 1; index < count; index += 1) {
        const parent = (nodes[index] as BreakdownNode).parent;
        for (let value = 0; value < 3; value += 1) rootWhen[index * 3 + value] = rootWhen[parent * 3 + groupWith(parent, index, value)] as number;
        if (removable[index] === true) {
          const identity = ops[parent] === "and" ? TRUE : FALSE;
          if (rootWhen[parent * 3 + groupWith(parent, index, identity)] === TRUE) selectedWithout[index] = (selectedWithout[index] as number) + 1;
        }
      }
    },

    result(): RuleBreakdown {
      const counts = (index: number): BreakdownCounts => ({
        true: tallies[index * 3 + TRUE] as number,
        false: tallies[index * 3 + FALSE] as number,
        unknown: tallies[index * 3 + UNKNOWN] as number,
        selectedWithout: selectedWithout[index] as number,
      });
      return breakdownTree(nodes, options, counts, profiles, selected);
    },
  };
}
