import type { Rule, RuleOp } from "./ast.js";
import { compileRuleTruth } from "./compileRule.js";
import type { CompileRuleOptions, TruthPredicate } from "./compileRule.js";
import { describeRule } from "./describeRule.js";
import { assertIterable } from "../_lib/arguments.js";

/** One node of a {@link RuleBreakdown}: how the profiles came out at this condition. */
export interface RuleBreakdownNode {
  /** Where the node is in the rule: `["rules", 1]`, `["rules", 0, "rule"]`; `[]` for the root. */
  readonly path: ReadonlyArray<string | number>;
  readonly op: RuleOp;
  /** The condition in plain English (`describeRule`). */
  readonly description: string;
  /** Profiles for which the condition is TRUE, FALSE and UNKNOWN (each condition counted on every profile). */
  readonly true: number;
  readonly false: number;
  readonly unknown: number;
  /**
   * For an operand of `and` / `or`: how many profiles the whole rule would select without this
   * operand (an `and` or `or` left empty is TRUE or FALSE, as always). Compare with
   * {@link RuleBreakdown.selected} to see what each condition costs or adds.
   */
  readonly selectedWithout?: number;
  /** The operands of `and` / `or`, the operand of `not`. Event filters and segments are not opened. */
  readonly children?: ReadonlyArray<RuleBreakdownNode>;
}

/** The result of {@link ruleBreakdown}. */
export interface RuleBreakdown {
  /** Profiles read. */
  readonly profiles: number;
  /** Profiles the rule selects (TRUE). */
  readonly selected: number;
  readonly root: RuleBreakdownNode;
}

const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;

interface Node {
  readonly rule: Rule;
  readonly path: ReadonlyArray<string | number>;
  readonly parent: number;
  readonly children: ReadonlyArray<number>;
  /** The compiled condition, for nodes whose children are not opened. */
  readonly truth: TruthPredicate | undefined;
}

/** Kleene AND / OR / NOT over the stored values of `children`, with `replaced` standing for `replacement` (-1: none). */
function combine(op: RuleOp, children: ReadonlyArray<number>, values: Uint8Array, replaced: number, replacement: number): number {
  if (op === "not") {
    const value = children[0] === replaced ? replacement : (values[children[0] as number] as number);
    return value === UNKNOWN ? UNKNOWN : 1 - value;
  }
  const absorbing = op === "and" ? FALSE : TRUE;
  let result = op === "and" ? TRUE : FALSE;
  for (const child of children) {
    const value = child === replaced ? replacement : (values[child] as number);
    if (value === absorbing) return absorbing;
    if (value === UNKNOWN) result = UNKNOWN;
  }
  return result;
}

/**
 * Counts, for every condition of a rule, how many profiles it is TRUE, FALSE and UNKNOWN for, and,
 * for every operand of `and` / `or`, how many profiles the whole rule would select without it: the
 * audience breakdown of segment builders ("which condition makes my segment small?").
 *
 * @remarks Every condition is evaluated on every profile (no short-circuit), with the semantics of
 * `evaluate`: the root's TRUE count is exactly what `compileRule` selects, and every node's counts are
 * those of `evaluate` on that node alone (property-tested). Leaves, `event` and `inSegment` nodes are
 * compiled once with `compileRuleTruth`; `and` / `or` / `not` are combined from their operands with
 * Kleene logic, and "without" counts recombine only the ancestors of the removed operand. The
 * profiles are read once, so any iterable works (a generator over a file). O(p · (n + r · d)) for p
 * profiles, n nodes, r operands of `and` / `or`, d depth; O(n) memory.
 * @param rule - a rule (from `parseRule` or the builders).
 * @param profiles - the profiles, read once.
 * @param options - as {@link compileRule}: the clock `asOf`, `segments`, `eventsOf`.
 * @returns The counts, as a tree that mirrors the rule.
 * @throws `RuleError` as `compileRule` (an unknown or cyclic segment, a rule nested too deeply).
 * @throws `TypeError` `"ruleBreakdown requires profiles to be iterable"`, and as `compileRule` for bad options.
 * @example
 * const rule = and(gte("totalSpend", 500), lt("daysSinceLastPurchase", 30));
 * const profiles = [
 *   { totalSpend: 800, daysSinceLastPurchase: 12 },
 *   { totalSpend: 900, daysSinceLastPurchase: 45 },
 *   { totalSpend: 120, daysSinceLastPurchase: 3 },
 *   { totalSpend: 700 },
 * ];
 * const breakdown = ruleBreakdown(rule, profiles, { asOf: new Date("2024-06-30T00:00:00Z") });
 * breakdown.selected //=> 1
 * breakdown.root.children?.map((node) => [node.description, node.true, node.false, node.unknown, node.selectedWithout]) //=> [["total spend is at least 500", 3, 1, 0, 2], ["days since last purchase is less than 30", 2, 1, 1, 3]]
 * @category Rules
 */
export function ruleBreakdown<P = unknown>(rule: Rule, profiles: Iterable<P>, options: CompileRuleOptions<P>): RuleBreakdown {
  assertIterable("ruleBreakdown", "profiles", profiles);
  // Validates the whole rule (segments, depth, options) before anything is counted.
  const whole = compileRuleTruth(rule, options) as TruthPredicate;

  // The nodes in pre-order (a node before its operands), each with its parent.
  const nodes: Node[] = [];
  const add = (node: Rule, path: ReadonlyArray<string | number>, parent: number): number => {
    const operands: ReadonlyArray<readonly [Rule, ReadonlyArray<string | number>]> =
      node.op === "and" || node.op === "or"
        ? node.rules.map((operand, index) => [operand, [...path, "rules", index]] as const)
        : node.op === "not"
          ? [[node.rule, [...path, "rule"]] as const]
          : [];
    const placeholder = nodes.length;
    nodes.push({ rule: node, path, parent, children: [], truth: undefined });
    const children = operands.map(([operand, operandPath]) => add(operand, operandPath, placeholder));
    nodes[placeholder] = { rule: node, path, parent, children, truth: operands.length === 0 && node.op !== "and" && node.op !== "or" ? (node === rule ? whole : (compileRuleTruth(node, options) as TruthPredicate)) : undefined };
    return placeholder;
  };
  add(rule, [], -1);
  // An operand has a larger index than its node, so a reverse loop combines bottom-up.
  const count = nodes.length;
  const values = new Uint8Array(count);
  const tallies = new Float64Array(count * 3);
  const removable = nodes.map((node, index) => index !== 0 && (nodes[node.parent]?.rule.op === "and" || nodes[node.parent]?.rule.op === "or"));
  const selectedWithout = new Float64Array(count);
  let profileCount = 0;
  let selected = 0;

  for (const profile of profiles) {
    profileCount += 1;
    for (let index = count - 1; index >= 0; index -= 1) {
      const node = nodes[index] as Node;
      let value: number;
      if (node.truth !== undefined) {
        const truth = node.truth(profile);
        value = truth === true ? TRUE : truth === false ? FALSE : UNKNOWN;
      } else {
        value = combine(node.rule.op, node.children, values, -1, 0);
      }
      values[index] = value;
      tallies[index * 3 + value] = (tallies[index * 3 + value] as number) + 1;
    }
    if (values[0] === TRUE) selected += 1;
    for (let index = 1; index < count; index += 1) {
      if (removable[index] !== true) continue;
      // The operand's parent without it, then each ancestor with the new value in place.
      let child = index;
      let parent = (nodes[index] as Node).parent;
      let value = combine(nodes[parent]!.rule.op, nodes[parent]!.children, values, child, nodes[parent]!.rule.op === "and" ? TRUE : FALSE);
      while (parent > 0) {
        child = parent;
        parent = (nodes[child] as Node).parent;
        value = combine(nodes[parent]!.rule.op, nodes[parent]!.children, values, child, value);
      }
      if (value === TRUE) selectedWithout[index] = (selectedWithout[index] as number) + 1;
    }
  }

  const build = (index: number): RuleBreakdownNode => {
    const node = nodes[index] as Node;
    const children = node.children.map(build);
    return {
      path: node.path,
      op: node.rule.op,
      description: describeRule(node.rule),
      true: tallies[index * 3 + TRUE] as number,
      false: tallies[index * 3 + FALSE] as number,
      unknown: tallies[index * 3 + UNKNOWN] as number,
      ...(removable[index] === true ? { selectedWithout: selectedWithout[index] as number } : {}),
      ...(children.length > 0 ? { children } : {}),
    };
  };
  return { profiles: profileCount, selected, root: build(0) };
}
