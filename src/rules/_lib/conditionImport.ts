/**
 * What the importers of other engines' conditions (`parseJsonLogic`, `parseJsonRulesEngine`) share:
 * sites and paths into the foreign document, the limits, issues and warnings, and the null handling
 * of a leaf, which waits for the other conditions of its `and`.
 */
import type { NotRule, Rule, RuleScalar } from "../ast.js";
import { checkRule } from "../checkRule.js";
import { safeParseRule } from "../parseRule.js";
import { RuleError } from "../RuleError.js";
import type { RuleIssue, RuleIssueCode } from "../RuleError.js";
import { ruleErrorMessage } from "./issues.js";
import { maxIssues, ownItems } from "./json.js";
import { expansionIssue } from "./context.js";
import type { ResolvedRuleLimits } from "./limits.js";
import { fieldTypeAt, isZodSchemaLike } from "./profileSchema.js";
import type { FieldType, ZodSchemaLike } from "./profileSchema.js";
import { pathKeys, pathLink } from "../../_lib/pathLinks.js";
import type { PathLink } from "../../_lib/pathLinks.js";
import type { Issue } from "../../_lib/errors.js";
import { thrownMessage } from "../../_lib/thrownMessage.js";

export type Path = PathLink | undefined;

/** Where a foreign node sits: its path, its nesting depth, and whether an even number of negations encloses it. */
export interface Site {
  readonly path: Path;
  readonly depth: number;
  readonly positive: boolean;
  /** False when the operator's operand was given bare (`{ "!": x }`), not as a list: its path has no index. */
  readonly listed?: boolean;
  /** A direct operand of a conjunction, or a leaf under negations that are one (see `ConditionImporter.settleConjunction`): its null handling waits for its siblings. */
  readonly deferring?: boolean;
}

/** The path of an operator's operand `index`. */
export function operandAt(at: Site, index: number): Path {
  return at.listed === false ? at.path : pathLink(at.path, index);
}

/** The importers' `schema` option: a zod 4 schema, or `undefined`; anything else is a `TypeError`. */
export function schemaOption(functionName: string, schema: unknown): ZodSchemaLike | undefined {
  if (schema === undefined || isZodSchemaLike(schema)) return schema;
  throw new TypeError(`${functionName} requires schema to be a zod schema`);
}

/** The levels of a translated leaf (a handful of nodes): 1 for a comparison, more under `and` / `not`. */
function ruleHeight(rule: Rule): number {
  if (rule.op === "and" || rule.op === "or") return 1 + Math.max(0, ...rule.rules.map(ruleHeight));
  return rule.op === "not" ? 1 + ruleHeight(rule.rule) : 1;
}

/** A leaf condition before its null handling: the rule, and what the other engine gives for a null or missing field. */
export interface Leaf {
  readonly field: string;
  readonly rule: Rule;
  /** The other engine's result when the field is null or missing; `undefined` when the rule already says the same. */
  readonly whenNull: boolean | undefined;
  /** How the other engine gets that result, for the warning (`null < 30 is true`). */
  readonly because: string;
}

/** A leaf whose null handling waits for its conjunction (see `ConditionImporter.settleConjunction`). */
interface Deferred {
  readonly leaf: Leaf;
  readonly at: Site;
}

/** A warning of an importer: `path` points into the foreign document. */
export interface ImportWarning<Code extends string> extends Issue {
  readonly code: Code;
  /** The field the condition reads. */
  readonly field: string;
}

/** An importer's result: zod's shape. */
export type ImportResult<Code extends string> =
  | { readonly success: true; readonly data: { readonly rule: Rule; readonly warnings: ReadonlyArray<ImportWarning<Code>> } }
  | { readonly success: false; readonly error: RuleError };

/**
 * Document order of two paths: a node before its operands, operands by index. At one position two
 * paths hold either two operand indexes or two keys of one object, so numbers and strings never meet.
 */
function comparePaths(left: ReadonlyArray<string | number>, right: ReadonlyArray<string | number>): number {
  const shared = Math.min(left.length, right.length);
  for (let index = 0; index < shared; index += 1) {
    const a = left[index] as string | number;
    const b = right[index] as string | number;
    if (a !== b) return typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : 1;
  }
  return left.length - right.length;
}

/** The state of one import: issues, warnings, the node count and the leaves waiting for their `and`. */
export abstract class ConditionImporter<Code extends string> {
  readonly issues: RuleIssue[] = [];
  readonly warnings: Array<ImportWarning<Code | "null_selected">> = [];
  readonly deferred = new Map<Rule, Deferred>();
  nodes = 0;

  constructor(
    readonly functionName: string,
    readonly limits: ResolvedRuleLimits,
    /** Whether a leaf that selects null or missing fields in the other engine gets a guard that keeps them (else a warning). */
    readonly keepForeignNulls: boolean,
    /** What the messages call the foreign document: `"the JsonLogic document"`. */
    readonly documentName: string,
    /** The profile schema that every translated condition is checked against (`checkRule`), if any. */
    readonly schema: ZodSchemaLike | undefined,
  ) {}

  /** The schema's type of each field asked about (a document names each field many times). */
  readonly fieldTypes = new Map<string, FieldType | undefined>();

  /** The schema's type of `field`; `undefined` without a schema or for a field the schema does not have. */
  fieldType(field: string): FieldType | undefined {
    if (this.schema === undefined) return undefined;
    if (!this.fieldTypes.has(field)) this.fieldTypes.set(field, fieldTypeAt(this.schema, field));
    return this.fieldTypes.get(field);
  }

  /**
   * With a `schema`, reports what `checkRule` finds in a translated condition (an unknown field, an
   * operator or a value that does not fit the field's type) at the condition's path, each problem
   * once (an exclusive range is two comparisons); true when it fits.
   */
  fitsSchema(rule: Rule, path: Path): boolean {
    if (this.schema === undefined) return true;
    const problems = checkRule(rule, this.schema);
    const reported = new Set<string>();
    for (const { code, message } of problems) {
      if (reported.has(message)) continue;
      reported.add(message);
      this.issue(code, path, `${message} (the translated condition, checked against the schema)`);
    }
    return problems.length === 0;
  }

  /** The `null_selected` warning's message for a leaf. */
  protected abstract nullMessage(leaf: Leaf): string;

  issue(code: RuleIssueCode, path: Path, message: string): undefined {
    if (this.issues.length < maxIssues) this.issues.push({ code, path: pathKeys(path), message });
    return undefined;
  }

  warn(code: Code | "null_selected", path: Path, field: string, message: string): void {
    this.warnings.push({ code, path: pathKeys(path), field, message });
  }

  /** Whether the walk goes on: false once `maxIssues` issues are reported. */
  get stopped(): boolean {
    return this.issues.length >= maxIssues;
  }

  /** Counts `count` nodes; false (with a `too_many_nodes` issue the first time) when the limit is passed. */
  count(count: number, path: Path): boolean {
    const before = this.nodes;
    this.nodes += count;
    if (this.nodes <= this.limits.maxNodes) return true;
    if (before <= this.limits.maxNodes) this.issue("too_many_nodes", path, `${this.documentName} has more than the limit of ${this.limits.maxNodes} nodes`);
    return false;
  }

  /**
   * A literal: a string within `maxStringLength`, a boolean or a finite number, else an issue (a
   * string too long, a number not finite); any other value goes to `otherwise`, which reports it in
   * the importer's words.
   */
  scalar(value: unknown, path: Path, otherwise: () => undefined): RuleScalar | undefined {
    if (typeof value === "string") {
      if (value.length > this.limits.maxStringLength) {
        return this.issue("string_too_long", path, `the string is ${value.length} characters long, more than the limit of ${this.limits.maxStringLength}`);
      }
      return value;
    }
    if (typeof value === "boolean") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : this.issue("non_finite_number", path, `the number ${value} is not finite`);
    return otherwise();
  }

  /** The items of a list of literals (a copy, see `ownItems`), or a `list_too_long` issue. */
  listItems(list: ReadonlyArray<unknown>, path: Path): unknown[] | undefined {
    if (list.length > this.limits.maxListLength) {
      return this.issue("list_too_long", path, `the list has ${list.length} items, more than the limit of ${this.limits.maxListLength}`);
    }
    return ownItems(list, this.limits.maxListLength);
  }

  /** `values` when they share one type: Kleene `in` gives UNKNOWN for an item of another type, where the engines' `indexOf` gives false. */
  oneType(values: RuleScalar[], path: Path): RuleScalar[] | undefined {
    const types = new Set(values.map((item) => typeof item));
    if (types.size <= 1) return values;
    return this.issue("invalid_value", path, `the list mixes ${[...types].join(" and ")} items; segmentkit compares one type`);
  }

  /** Checks that a translation `height` levels tall, placed at `at`, stays within `maxDepth`. */
  fits(at: Site, height: number): boolean {
    if (at.depth - 1 + height <= this.limits.maxDepth) return true;
    this.issue("too_deep", at.path, `the translated rule is nested deeper than the limit of ${this.limits.maxDepth}`);
    return false;
  }

  /** Checks that `maxListLength` allows the two-rule `and` / `or` that a guard or an exclusive range is. */
  fitsPair(at: Site): boolean {
    if (this.limits.maxListLength >= 2) return true;
    this.issue("list_too_long", at.path, `the translation needs a list of 2 rules, more than the limit of ${this.limits.maxListLength}`);
    return false;
  }

  /**
   * Settles the leaves directly under a conjunction once all of them are translated: an `and` under
   * an even number of negations, or an `or` under an odd one (`not (a or b)` is `not a and not b`).
   * An operand that the other engine makes false for a null field (`x > 10`, `x != null`; under an
   * odd number of negations, `x <= 10`) already keeps such profiles out of the conjunction, there and
   * in the rule alike, so a sibling on the same field (`x < 30`) needs no guard and no warning.
   * A leaf under negations counts with its own polarity. Replaces the operands in `rules` in place.
   */
  settleConjunction(rules: Array<Rule | undefined>): void {
    // The leaf waiting under each operand, through the negations between them (`{ "!": leaf }`).
    const waitingUnder = (rule: Rule | undefined): Deferred | undefined => {
      let node = rule;
      while (node !== undefined && !this.deferred.has(node) && node.op === "not") node = node.rule;
      return node === undefined ? undefined : this.deferred.get(node);
    };
    // The operand's value in the other engine for a null field, in the conjunction's sense: the
    // leaf's own, negated under an odd number of negations (the leaf's polarity says which).
    const operandWhenNull = ({ leaf, at }: Deferred): boolean | undefined => (leaf.whenNull === undefined ? undefined : leaf.whenNull === at.positive);
    const excluded = new Set<string>();
    for (const rule of rules) {
      const waiting = waitingUnder(rule);
      if (waiting === undefined) continue;
      if (operandWhenNull(waiting) === false || waiting.leaf.rule.op === (waiting.at.positive ? "exists" : "missing")) excluded.add(waiting.leaf.field);
    }
    for (const [index, rule] of rules.entries()) {
      const waiting = waitingUnder(rule);
      if (waiting === undefined) continue;
      const { leaf } = waiting;
      this.deferred.delete(leaf.rule);
      const settled = this.settle(leaf, waiting.at, operandWhenNull(waiting) === true && !excluded.has(leaf.field));
      // Put the settled leaf back under its negations.
      const rebuild = (node: Rule): Rule | undefined => (node === leaf.rule ? settled : settled === undefined ? undefined : { op: "not", rule: rebuild((node as NotRule).rule) as Rule });
      rules[index] = rebuild(rule as Rule);
    }
  }

  /**
   * Translates a leaf, or leaves it to its conjunction (see {@link ConditionImporter.settleConjunction}). By Kleene
   * monotonicity the UNKNOWN of a null field changes who is selected only where the other engine's
   * result for null selects: `whenNull` true under an even number of negations, false under an odd one.
   */
  leaf(leaf: Leaf | undefined, at: Site): Rule | undefined {
    if (leaf === undefined || !this.fitsSchema(leaf.rule, at.path)) return undefined;
    if (at.deferring === true) {
      this.deferred.set(leaf.rule, { leaf, at });
      return leaf.rule;
    }
    return this.settle(leaf, at, leaf.whenNull === at.positive);
  }

  /** A leaf with its null handling: where `selectsNull`, a `missing` / `exists` guard (`keepForeignNulls`) or a warning. */
  settle(leaf: Leaf, at: Site, selectsNull: boolean): Rule | undefined {
    const guarded = selectsNull && this.keepForeignNulls;
    // The translated leaf is one level deep, two or three for a range or a negated prefix, and a guard adds one.
    if (!this.fits(at, ruleHeight(leaf.rule) + (guarded ? 1 : 0))) return undefined;
    if (!selectsNull) return leaf.rule;
    if (guarded) {
      if (!this.fitsPair(at)) return undefined;
      return leaf.whenNull === true
        ? { op: "or", rules: [{ op: "missing", field: leaf.field }, leaf.rule] }
        : { op: "and", rules: [{ op: "exists", field: leaf.field }, leaf.rule] };
    }
    this.warn("null_selected", at.path, leaf.field, this.nullMessage(leaf));
    return leaf.rule;
  }

  /** The failed import of a document that threw while read (a getter, a Proxy trap): never a raw error from `safeParse…`. */
  unreadable(error: unknown): ImportResult<Code | "null_selected"> {
    const issues: RuleIssue[] = [{ code: "invalid_type", path: [], message: `the document could not be read: ${thrownMessage(error)}` }];
    return { success: false, error: new RuleError(ruleErrorMessage(this.functionName, issues), issues) };
  }

  /**
   * The result of the import: the issues as a `RuleError` naming `functionName`, or the rule checked
   * by `parseRule` (a fresh, validated copy) with the warnings in document order.
   */
  finish(rule: Rule | undefined): ImportResult<Code | "null_selected"> {
    if (rule === undefined || this.issues.length > 0) {
      return { success: false, error: new RuleError(ruleErrorMessage(this.functionName, this.issues), this.issues) };
    }
    // Depth, list and string limits were checked on the translation as it was built. Its size is at
    // most a few rule nodes per counted foreign node, so the document's node limit already bounds
    // the work.
    const { maxDepth, maxListLength, maxStringLength } = this.limits;
    // A translation may outgrow what the evaluators accept (100,000 nodes) when maxNodes is raised.
    const oversized = expansionIssue(this.functionName, rule, undefined);
    if (oversized !== undefined) {
      const issues = [{ ...oversized, message: `the translated rule: ${oversized.message}` }];
      return { success: false, error: new RuleError(ruleErrorMessage(this.functionName, issues), issues) };
    }
    const checked = safeParseRule(rule, { maxDepth, maxNodes: Number.MAX_SAFE_INTEGER, maxListLength, maxStringLength });
    if (!checked.success) {
      // Not expected: every check runs on the foreign side. Should one be missed, the caller still
      // gets a RuleError of the importer, never parseRule's, and never a partial rule.
      const issues = checked.error.issues.map((issue) => ({ ...issue, path: [], message: `the translated rule: ${issue.message}` }));
      return { success: false, error: new RuleError(ruleErrorMessage(this.functionName, issues), issues) };
    }
    const warnings = this.warnings.sort((left, right) => comparePaths(left.path, right.path));
    return { success: true, data: { rule: checked.data, warnings } };
  }
}
