/**
 * JsonLogic import: the conditions that JsonLogic documents (and react-querybuilder's
 * `formatQuery(query, "jsonlogic")`) express, translated into a segmentkit rule, with every place
 * where JsonLogic's JavaScript semantics would select other customers reported or kept on request.
 *
 * @module
 */
import type { BetweenRule, ComparisonOp, Rule, RuleScalar } from "./ast.js";
import { parseRule } from "./parseRule.js";
import type { RuleLimits } from "./parseRule.js";
import { RuleError } from "./RuleError.js";
import type { RuleIssue, RuleIssueCode } from "./RuleError.js";
import { ruleErrorMessage } from "./_lib/issues.js";
import { isRecord, jsonType, maxIssues } from "./_lib/json.js";
import { resolveRuleLimits } from "./_lib/limits.js";
import type { ResolvedRuleLimits } from "./_lib/limits.js";
import { pathKeys, pathLink } from "../_lib/pathLinks.js";
import type { PathLink } from "../_lib/pathLinks.js";
import { pathProblem } from "../_lib/fieldPaths.js";
import { assertRecord, choice } from "../_lib/arguments.js";
import type { Issue } from "../_lib/errors.js";

/**
 * Codes of {@link JsonLogicWarning}:
 * - `null_selected`: JsonLogic selects a profile whose field is null or missing at this condition
 *   (JavaScript reads `null < 30` as `0 < 30`, and `null != "US"` is true); the imported rule does
 *   not, because the comparison is UNKNOWN. Only with `nulls: "sql"`.
 * - `truthiness`: a bare `{ "var": field }` condition; JsonLogic selects any truthy value (`1`,
 *   `"no"`, a non-empty list), the imported rule only `true`.
 * - `text_or_array`: `{ "in": [text, { "var": field }] }` was read as "the text contains", since the
 *   field is not listed in `arrayFields`; JsonLogic would also match an element of an array.
 * - `empty_text`: JsonLogic's `missing` also counts an empty string as missing; segmentkit's does not.
 */
export type JsonLogicWarningCode = "null_selected" | "truthiness" | "text_or_array" | "empty_text";

/** A place where the imported rule can select other profiles than JsonLogic did: `path` points into the JsonLogic document. */
export interface JsonLogicWarning extends Issue {
  readonly code: JsonLogicWarningCode;
  /** The field the condition reads. */
  readonly field: string;
}

/** Options of {@link parseJsonLogic}: the limits of {@link RuleLimits}, applied to the JsonLogic document, and the two below. */
export interface ParseJsonLogicOptions extends RuleLimits {
  /**
   * `"sql"` (default): the imported rule has segmentkit's SQL semantics, and every condition where
   * JsonLogic would select a profile with a null or missing field is a `null_selected` warning.
   * `"jsonlogic"`: such conditions get an explicit `missing` / `exists` guard, so that the imported
   * rule selects exactly who JsonLogic selected, null and missing values included.
   */
  readonly nulls?: "sql" | "jsonlogic";
  /**
   * Fields that hold arrays: `{ "in": [value, { "var": field }] }` becomes `hasAny` for them and
   * `contains` (text) for every other field.
   */
  readonly arrayFields?: ReadonlyArray<string>;
}

/** The result of {@link parseJsonLogic}. */
export interface JsonLogicImport {
  /** The translated rule, valid under `parseRule`. */
  readonly rule: Rule;
  /** Where the rule can select other profiles than JsonLogic did, in document order. */
  readonly warnings: ReadonlyArray<JsonLogicWarning>;
}

/** The result of {@link safeParseJsonLogic}: zod's shape. */
export type SafeParseJsonLogicResult =
  | { readonly success: true; readonly data: JsonLogicImport }
  | { readonly success: false; readonly error: RuleError };

type Path = PathLink | undefined;

/** Where a JsonLogic node sits: its path, its nesting depth, and whether an even number of `!` encloses it. */
interface Site {
  readonly path: Path;
  readonly depth: number;
  readonly positive: boolean;
  /** False when the operator's operand was given bare (`{ "!": x }`), not as a list: its path has no index. */
  readonly listed?: boolean;
}

/** The path of an operator's operand `index`. */
function operandAt(at: Site, index: number): Path {
  return at.listed === false ? at.path : pathLink(at.path, index);
}

/** A leaf condition before its null handling: the rule, and what JsonLogic gives for a null or missing field. */
interface Leaf {
  readonly field: string;
  readonly rule: Rule;
  /** JsonLogic's result when the field is null or missing; `undefined` when the rule already says the same. */
  readonly whenNull: boolean | undefined;
  /** How JsonLogic gets that result, for the warning (`null < 30 is true`). */
  readonly because: string;
}

/** JsonLogic operators that have no exact segmentkit equivalent. */
const untranslatable: ReadonlySet<string> = new Set([
  "if", "?:", "+", "-", "*", "/", "%", "min", "max", "cat", "substr", "merge", "map", "filter", "reduce",
  "all", "some", "none", "missing_some", "log", "method",
]);

/** JavaScript's `null <op> literal` (or `literal <op> null`), as JsonLogic computes it. */
function nullComparison(op: "<" | "<=" | ">" | ">=", left: unknown, right: unknown): boolean {
  const a = left as number;
  const b = right as number;
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}

const mirrored: Readonly<Record<"<" | "<=" | ">" | ">=", ComparisonOp>> = { "<": "gt", "<=": "gte", ">": "lt", ">=": "lte" };
const direct: Readonly<Record<"<" | "<=" | ">" | ">=", ComparisonOp>> = { "<": "lt", "<=": "lte", ">": "gt", ">=": "gte" };

class Importer {
  readonly issues: RuleIssue[] = [];
  readonly warnings: JsonLogicWarning[] = [];
  readonly limits: ResolvedRuleLimits;
  readonly keepJsonLogicNulls: boolean;
  readonly arrayFields: ReadonlySet<string>;
  nodes = 0;

  constructor(options: ParseJsonLogicOptions | undefined, functionName: string) {
    if (options !== undefined) assertRecord(functionName, "options", options);
    this.limits = resolveRuleLimits(functionName, options);
    this.keepJsonLogicNulls = choice(functionName, "nulls", options?.nulls, ["sql", "jsonlogic"], "sql") === "jsonlogic";
    const arrayFields = options?.arrayFields;
    if (arrayFields !== undefined && (!Array.isArray(arrayFields) || !arrayFields.every((field) => typeof field === "string"))) {
      throw new TypeError(`${functionName} requires arrayFields to be an array of strings`);
    }
    this.arrayFields = new Set(arrayFields ?? []);
  }

  issue(code: RuleIssueCode, path: Path, message: string): undefined {
    if (this.issues.length < maxIssues) this.issues.push({ code, path: pathKeys(path), message });
    return undefined;
  }

  /** Counts a node and checks the depth and node limits; false when the walk must not go on. */
  enter(site: Site): boolean {
    if (this.issues.length >= maxIssues) return false;
    this.nodes += 1;
    if (this.nodes > this.limits.maxNodes) {
      if (this.nodes === this.limits.maxNodes + 1) this.issue("too_many_nodes", site.path, `the JsonLogic document has more than the limit of ${this.limits.maxNodes} nodes`);
      return false;
    }
    if (site.depth > this.limits.maxDepth) {
      this.issue("too_deep", site.path, `the JsonLogic document is nested deeper than the limit of ${this.limits.maxDepth}`);
      return false;
    }
    return true;
  }

  /** Translates one JsonLogic condition. */
  condition(logic: unknown, site: Site): Rule | undefined {
    if (!this.enter(site)) return undefined;
    if (logic === true) return { op: "always" };
    if (logic === false) return { op: "never" };
    if (!isRecord(logic)) {
      return this.issue("invalid_type", site.path, `a JsonLogic condition must be true, false or an object with one operator, got ${jsonType(logic)}`);
    }
    const keys = Object.keys(logic);
    if (keys.length !== 1) {
      return this.issue("invalid_type", site.path, `a JsonLogic operation has exactly one key, got ${keys.length}`);
    }
    const operator = keys[0] as string;
    const value = logic[operator];
    const operands: ReadonlyArray<unknown> = Array.isArray(value) ? value : [value];
    const at: Site = { ...site, path: pathLink(site.path, operator), listed: Array.isArray(value) };
    switch (operator) {
      case "and":
      case "or":
        return this.junction(operator, operands, at);
      case "!":
      case "!!":
        if (operands.length !== 1) return this.issue("invalid_value", at.path, `"${operator}" takes one operand, got ${operands.length}`);
        return this.negation(operator, operands[0], { ...at, path: operandAt(at, 0) });
      case "==":
      case "===":
      case "!=":
      case "!==":
        return this.leaf(this.equality(operator, operands, at), at);
      case "<":
      case "<=":
      case ">":
      case ">=":
        return this.leaf(this.ordering(operator, operands, at), at);
      case "in":
        return this.leaf(this.membership(operands, at), at);
      case "startsWith":
      case "endsWith":
        return this.leaf(this.text(operator, operands, at), at);
      case "var":
        return this.leaf(this.truthiness(logic, site), site);
      case "missing":
        return this.missing(operands, at);
      default:
        if (untranslatable.has(operator)) {
          return this.issue("unsupported_logic", at.path, `JsonLogic "${operator}" has no exact segmentkit equivalent`);
        }
        return this.issue("unknown_op", at.path, `unknown JsonLogic operator "${operator.slice(0, 40)}"`);
    }
  }

  junction(operator: "and" | "or", operands: ReadonlyArray<unknown>, at: Site): Rule | undefined {
    if (operands.length > this.limits.maxListLength) {
      return this.issue("list_too_long", at.path, `"${operator}" has ${operands.length} operands, more than the limit of ${this.limits.maxListLength}`);
    }
    // JsonLogic's empty "and" returns undefined, which is falsy: it selects no one (segmentkit's empty `and` is TRUE).
    if (operands.length === 0) return { op: "never" };
    const rules: Rule[] = [];
    for (const [index, operand] of operands.entries()) {
      const rule = this.condition(operand, { path: operandAt(at, index), depth: at.depth + 1, positive: at.positive });
      if (rule !== undefined) rules.push(rule);
    }
    return rules.length === operands.length ? { op: operator, rules } : undefined;
  }

  negation(operator: "!" | "!!", operand: unknown, at: Site): Rule | undefined {
    const positive = operator === "!!" ? at.positive : !at.positive;
    const rule = this.condition(operand, { path: at.path, depth: at.depth + 1, positive });
    if (rule === undefined) return undefined;
    return operator === "!!" ? rule : { op: "not", rule };
  }

  /** A `{ "var": path }` operand: the field path, or `undefined` (with an issue) when it is not one. */
  field(operand: unknown, path: Path): string | undefined {
    const value = operand as Readonly<Record<string, unknown>>;
    const name = value["var"];
    const at = pathLink(path, "var");
    const segments: ReadonlyArray<unknown> = Array.isArray(name) ? name : [name];
    if (segments.length !== 1) return this.issue("unsupported_logic", at, `a "var" with a default value has no exact segmentkit equivalent`);
    const field = segments[0];
    if (typeof field !== "string") return this.issue("unsupported_logic", at, `a "var" must name a field with a string, got ${jsonType(field)}`);
    if (field.length > this.limits.maxStringLength) {
      return this.issue("string_too_long", at, `the field path is ${field.length} characters long, more than the limit of ${this.limits.maxStringLength}`);
    }
    const problem = pathProblem(field);
    if (problem !== undefined) return this.issue(problem.code, at, problem.message);
    return field;
  }

  isVar(operand: unknown): boolean {
    return isRecord(operand) && Object.keys(operand).length === 1 && Object.hasOwn(operand, "var");
  }

  /** A literal operand: a string, a finite number or a boolean (and `null` where `allowNull`). */
  literal(operand: unknown, path: Path, allowNull = false): RuleScalar | null | undefined {
    if (operand === null && allowNull) return null;
    if (typeof operand === "string") {
      if (operand.length > this.limits.maxStringLength) {
        return this.issue("string_too_long", path, `the string is ${operand.length} characters long, more than the limit of ${this.limits.maxStringLength}`);
      }
      return operand;
    }
    if (typeof operand === "boolean") return operand;
    if (typeof operand === "number") return Number.isFinite(operand) ? operand : this.issue("non_finite_number", path, `the number ${operand} is not finite`);
    if (isRecord(operand) && Object.keys(operand).length === 1) {
      const operator = Object.keys(operand)[0] as string;
      if (operator === "var") return this.issue("unsupported_logic", path, "comparing two fields has no segmentkit equivalent");
      return this.issue("unsupported_logic", path, `a computed operand ("${operator.slice(0, 40)}") has no exact segmentkit equivalent`);
    }
    return this.issue("invalid_value", path, `a JsonLogic literal must be a string, a number or a boolean${allowNull ? " or null" : ""}, got ${jsonType(operand)}`);
  }

  /** Splits a two-operand comparison into the field and the literal, and whether the literal came first. */
  sides(operator: string, operands: ReadonlyArray<unknown>, at: Site): { field: string; literal: RuleScalar | null; literalFirst: boolean } | undefined {
    if (operands.length !== 2) return this.issue("invalid_value", at.path, `"${operator}" takes two operands here, got ${operands.length}`);
    const [left, right] = operands;
    const leftIsVar = this.isVar(left);
    const rightIsVar = this.isVar(right);
    if (leftIsVar && rightIsVar) return this.issue("unsupported_logic", at.path, "comparing two fields has no segmentkit equivalent");
    if (!leftIsVar && !rightIsVar) {
      const computed = [left, right].findIndex((operand) => isRecord(operand));
      if (computed >= 0) {
        this.literal(operands[computed], operandAt(at, computed));
        return undefined;
      }
      return this.issue("unsupported_logic", at.path, `"${operator}" reads no field ({ "var": field } on one side)`);
    }
    const fieldIndex = leftIsVar ? 0 : 1;
    const field = this.field(operands[fieldIndex], operandAt(at, fieldIndex));
    const literal = this.literal(operands[1 - fieldIndex], operandAt(at, 1 - fieldIndex), true);
    if (field === undefined || literal === undefined) return undefined;
    return { field, literal, literalFirst: !leftIsVar };
  }

  equality(operator: "==" | "===" | "!=" | "!==", operands: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    const sides = this.sides(operator, operands, at);
    if (sides === undefined) return undefined;
    const { field, literal } = sides;
    const equal = operator === "==" || operator === "===";
    // A missing field reads as null in JsonLogic, so `== null` is exactly `missing` and `!= null` exactly `exists`.
    if (literal === null) return { field, rule: { op: equal ? "missing" : "exists", field }, whenNull: undefined, because: "" };
    return { field, rule: { op: equal ? "eq" : "ne", field, value: literal }, whenNull: !equal, because: `null ${operator} ${JSON.stringify(literal)} is ${!equal}` };
  }

  ordering(operator: "<" | "<=" | ">" | ">=", operands: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    if (operands.length === 3 && (operator === "<" || operator === "<=")) return this.range(operator, operands, at);
    const sides = this.sides(operator, operands, at);
    if (sides === undefined) return undefined;
    const { field, literal, literalFirst } = sides;
    if (literal === null || typeof literal === "boolean") {
      return this.issue("invalid_value", operandAt(at, literalFirst ? 0 : 1), `"${operator}" needs a number or a string, got ${jsonType(literal)}`);
    }
    const op = literalFirst ? mirrored[operator] : direct[operator];
    const whenNull = literalFirst ? nullComparison(operator, literal, null) : nullComparison(operator, null, literal);
    const text = literalFirst ? `${JSON.stringify(literal)} ${operator} null` : `null ${operator} ${JSON.stringify(literal)}`;
    return { field, rule: { op, field, value: literal }, whenNull, because: `${text} is ${whenNull}` };
  }

  /** JsonLogic's between: `{ "<=": [low, { "var": field }, high] }` (inclusive) or `"<"` (exclusive). */
  range(operator: "<" | "<=", operands: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    const [low, middle, high] = operands;
    if (!this.isVar(middle)) return this.issue("unsupported_logic", at.path, `a three-operand "${operator}" is read only as low ${operator} { "var": field } ${operator} high`);
    const field = this.field(middle, operandAt(at, 1));
    const min = this.literal(low, operandAt(at, 0));
    const max = this.literal(high, operandAt(at, 2));
    if (field === undefined || min === undefined || max === undefined || min === null || max === null) return undefined;
    const bothNumbers = typeof min === "number" && typeof max === "number";
    const bothStrings = typeof min === "string" && typeof max === "string";
    if (!bothNumbers && !bothStrings) return this.issue("invalid_value", at.path, `the bounds of "${operator}" must be two numbers or two strings`);
    if ((min as number | string) > (max as number | string)) return this.issue("invalid_range", at.path, `the lower bound ${JSON.stringify(min)} is above the upper bound ${JSON.stringify(max)}`);
    const whenNull = nullComparison(operator, min, null) && nullComparison(operator, null, max);
    const because = `${JSON.stringify(min)} ${operator} null ${operator} ${JSON.stringify(max)} is ${whenNull}`;
    if (operator === "<=") {
      const rule: BetweenRule = { op: "between", field, min, max };
      return { field, rule, whenNull, because };
    }
    return { field, rule: { op: "and", rules: [{ op: "gt", field, value: min }, { op: "lt", field, value: max }] }, whenNull, because };
  }

  membership(operands: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    if (operands.length !== 2) return this.issue("invalid_value", at.path, `"in" takes two operands, got ${operands.length}`);
    const [needle, haystack] = operands;
    if (this.isVar(needle) && Array.isArray(haystack)) {
      const field = this.field(needle, operandAt(at, 0));
      if (haystack.length > this.limits.maxListLength) {
        return this.issue("list_too_long", operandAt(at, 1), `the list has ${haystack.length} items, more than the limit of ${this.limits.maxListLength}`);
      }
      const values: RuleScalar[] = [];
      let hasNull = false;
      let ok = field !== undefined;
      for (const [index, item] of haystack.entries()) {
        const literal = this.literal(item, pathLink(operandAt(at, 1), index), true);
        if (literal === undefined) ok = false;
        else if (literal === null) hasNull = true;
        else values.push(literal);
      }
      if (!ok || field === undefined) return undefined;
      if (new Set(values.map((item) => typeof item)).size > 1) {
        // Kleene `in` gives UNKNOWN for an item of another type, where JsonLogic's indexOf gives false.
        return this.issue("invalid_value", operandAt(at, 1), `the list mixes ${[...new Set(values.map((item) => typeof item))].join(" and ")} items; segmentkit compares one type`);
      }
      // `in []` is FALSE for a missing field too, where the other leaves are UNKNOWN: exact as it is,
      // and `[null]` is exactly `missing`.
      if (values.length === 0) return { field, rule: hasNull ? { op: "missing", field } : { op: "in", field, values }, whenNull: undefined, because: "" };
      return { field, rule: { op: "in", field, values }, whenNull: hasNull, because: `a null field is ${hasNull ? "" : "not "}in the list` };
    }
    if (!this.isVar(needle) && this.isVar(haystack)) {
      const field = this.field(haystack, operandAt(at, 1));
      const value = this.literal(needle, operandAt(at, 0));
      if (field === undefined || value === undefined || value === null) return undefined;
      const because = `"in" is false for a null field`;
      if (this.arrayFields.has(field)) return { field, rule: { op: "hasAny", field, values: [value] }, whenNull: false, because };
      if (typeof value !== "string") {
        return this.issue("invalid_value", operandAt(at, 0), `"in" with a ${typeof value} in a field reads an array: list "${field.slice(0, 40)}" in arrayFields`);
      }
      this.warn("text_or_array", at.path, field, `"in" was read as "${field.slice(0, 40)}" contains the text ${JSON.stringify(value.slice(0, 40))}; list the field in arrayFields if it holds an array`);
      return { field, rule: { op: "contains", field, value }, whenNull: false, because };
    }
    return this.issue("unsupported_logic", at.path, `"in" is read as { "var": field } in a list of literals, or a literal in { "var": field }`);
  }

  /** react-querybuilder's `startsWith` / `endsWith` (its `jsonLogicAdditionalOperators`). */
  text(operator: "startsWith" | "endsWith", operands: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    if (operands.length !== 2 || !this.isVar(operands[0])) {
      return this.issue("unsupported_logic", at.path, `"${operator}" is read as [{ "var": field }, text]`);
    }
    const field = this.field(operands[0], operandAt(at, 0));
    const value = this.literal(operands[1], operandAt(at, 1));
    if (field === undefined || value === undefined || value === null) return undefined;
    if (typeof value !== "string") return this.issue("invalid_value", operandAt(at, 1), `"${operator}" needs a string, got ${typeof value}`);
    return { field, rule: { op: operator, field, value }, whenNull: false, because: `"${operator}" is false for a null field` };
  }

  /** A bare `{ "var": field }` used as a condition. */
  truthiness(logic: unknown, site: Site): Leaf | undefined {
    const field = this.field(logic, site.path);
    if (field === undefined) return undefined;
    this.warn("truthiness", site.path, field, `JsonLogic selects any truthy "${field.slice(0, 40)}" here; the rule selects only true`);
    return { field, rule: { op: "eq", field, value: true }, whenNull: false, because: "null is falsy" };
  }

  /** `{ "missing": [fields] }` (or `[[fields]]`, as json-logic-js reads it) as a condition: true when any field is missing. */
  missing(operands: ReadonlyArray<unknown>, at: Site): Rule | undefined {
    const nested = operands.length === 1 && Array.isArray(operands[0]);
    const names: ReadonlyArray<unknown> = nested ? (operands[0] as ReadonlyArray<unknown>) : operands;
    if (names.length === 0 || names.length > this.limits.maxListLength) {
      return this.issue("invalid_value", at.path, `"missing" takes 1 to ${this.limits.maxListLength} field names, got ${names.length}`);
    }
    const rules: Rule[] = [];
    for (const [index, operand] of names.entries()) {
      const path = nested ? pathLink(operandAt(at, 0), index) : operandAt(at, index);
      if (typeof operand !== "string") return this.issue("invalid_type", path, `"missing" takes field names, got ${jsonType(operand)}`);
      const field = this.field({ var: operand }, path);
      if (field === undefined) return undefined;
      this.warn("empty_text", path, field, `JsonLogic's "missing" also counts an empty "${field.slice(0, 40)}" as missing; the rule does not`);
      rules.push({ op: "missing", field });
    }
    return rules.length === 1 ? rules[0] : { op: "or", rules };
  }

  warn(code: JsonLogicWarningCode, path: Path, field: string, message: string): void {
    this.warnings.push({ code, path: pathKeys(path), field, message });
  }

  /**
   * A leaf with its null handling. By Kleene monotonicity the UNKNOWN of a null field changes who is
   * selected only where JsonLogic's result for null selects: `whenNull` true under an even number of
   * `!`, false under an odd one. There the rule gets a `missing` / `exists` guard (`nulls:
   * "jsonlogic"`) or the place is reported (`nulls: "sql"`).
   */
  leaf(leaf: Leaf | undefined, at: Site): Rule | undefined {
    if (leaf === undefined) return undefined;
    const guarded = leaf.whenNull === at.positive;
    // The translated leaf is one level deep, two for an exclusive range, and a guard adds one.
    const height = (leaf.rule.op === "and" ? 2 : 1) + (guarded && this.keepJsonLogicNulls ? 1 : 0);
    if (at.depth - 1 + height > this.limits.maxDepth) {
      return this.issue("too_deep", at.path, `the translated rule is nested deeper than the limit of ${this.limits.maxDepth}`);
    }
    if (!guarded) return leaf.rule;
    if (this.keepJsonLogicNulls) {
      return leaf.whenNull
        ? { op: "or", rules: [{ op: "missing", field: leaf.field }, leaf.rule] }
        : { op: "and", rules: [{ op: "exists", field: leaf.field }, leaf.rule] };
    }
    this.warn(
      "null_selected",
      at.path,
      leaf.field,
      `JsonLogic selects profiles whose "${leaf.field.slice(0, 40)}" is null or missing here (${leaf.because} in JavaScript); the rule does not, as in SQL`,
    );
    return leaf.rule;
  }
}

function run(logic: unknown, options: ParseJsonLogicOptions | undefined): SafeParseJsonLogicResult {
  const functionName = "parseJsonLogic";
  const importer = new Importer(options, functionName);
  const rule = importer.condition(logic, { path: undefined, depth: 1, positive: true });
  if (rule === undefined || importer.issues.length > 0) {
    return { success: false, error: new RuleError(ruleErrorMessage(functionName, importer.issues), importer.issues) };
  }
  // Every limit was checked on the translation as it was built, except the node count: a JsonLogic
  // node becomes at most five rule nodes (a guarded exclusive range). parseRule returns a fresh,
  // validated rule.
  const { maxDepth, maxNodes, maxListLength, maxStringLength } = importer.limits;
  const data = parseRule(rule, { maxDepth, maxNodes: Math.min(5 * maxNodes, Number.MAX_SAFE_INTEGER), maxListLength, maxStringLength });
  return { success: true, data: { rule: data, warnings: importer.warnings } };
}

/**
 * Translates a JsonLogic condition into a segmentkit rule, and reports every place where the two can
 * select different profiles.
 *
 * @remarks Translated: `and`, `or`, `!`, `!!`, `==` / `===` / `!=` / `!==` between a `var` and a
 * literal (`== null` is `missing`, `!= null` is `exists`), `<` / `<=` / `>` / `>=` (either side, and
 * the three-operand between), `in` (a field in a list, a text in a text field, or a value in an array
 * field named in `arrayFields`), `missing`, `true` / `false`, a bare `var` (as `eq true`), and
 * react-querybuilder's `startsWith` / `endsWith`. Arithmetic, `if`, `var` defaults, comparisons of
 * two fields, `some` / `all` / `none` and the other operators are `unsupported_logic` issues: never a
 * rule that means something else. JsonLogic's empty `and` selects no one and becomes `never`.
 *
 * Exactness: on profiles whose fields hold the literal's type (numbers where the rule compares with
 * numbers, strings with strings, arrays without nulls in `arrayFields`, no empty strings where
 * `missing` tests them), with `nulls: "jsonlogic"` the rule selects exactly the profiles that
 * json-logic-js 2.0.5 selects, null and missing fields included; with `nulls: "sql"` (the default) it
 * selects the same profiles wherever no `null_selected` warning is reported, and the SQL audience
 * where one is. JsonLogic converts types (`"30" == 30`, `"30" < 60`) and segmentkit never does, so
 * values of other types can be selected differently; `checkRule` finds such fields against a schema.
 * The walk is recursive but bounded by `maxDepth` (at most 1,000), so a 100,000-deep document gives a
 * `too_deep` issue, never a stack overflow. Operators and `var` are read as own keys only. O(n).
 * @param logic - the untrusted JsonLogic value, typically from `JSON.parse`.
 * @param options - limits (as {@link parseRule}, applied to the JsonLogic document), `nulls` and
 *   `arrayFields`; see {@link ParseJsonLogicOptions}.
 * @returns The rule and the warnings, each with a `path` into the JsonLogic document.
 * @throws `RuleError` `"parseJsonLogic found <n> issue(s): <first message> at <path>"`, with every issue
 *   (codes as in `parseRule`, plus `unsupported_logic`) and its path into the JsonLogic document.
 * @throws `TypeError` `"parseJsonLogic requires nulls to be \"sql\" or \"jsonlogic\""`, and for an
 *   `options` or `arrayFields` of the wrong type; `RangeError` for an invalid limit.
 * @example
 * const logic = { and: [{ "<=": [25, { var: "age" }, 34] }, { in: [{ var: "country" }, ["US", "CA"]] }, { "<": [{ var: "lastPurchaseDaysAgo" }, 30] }] };
 * const { rule, warnings } = parseJsonLogic(logic);
 * rule //=> { op: "and", rules: [{ op: "between", field: "age", min: 25, max: 34 }, { op: "in", field: "country", values: ["US", "CA"] }, { op: "lt", field: "lastPurchaseDaysAgo", value: 30 }] }
 * warnings.map((warning) => [warning.code, warning.path]) //=> [["null_selected", ["and", 2, "<"]]]
 * parseJsonLogic({ "<": [{ var: "lastPurchaseDaysAgo" }, 30] }, { nulls: "jsonlogic" }).rule //=> { op: "or", rules: [{ op: "missing", field: "lastPurchaseDaysAgo" }, { op: "lt", field: "lastPurchaseDaysAgo", value: 30 }] }
 * @category Rules
 */
export function parseJsonLogic(logic: unknown, options?: ParseJsonLogicOptions): JsonLogicImport {
  const result = run(logic, options);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Like {@link parseJsonLogic}, but returns `{ success: true, data: { rule, warnings } }` or
 * `{ success: false, error }` instead of throwing on JsonLogic it cannot translate.
 *
 * @remarks Same translation, checks and cost as {@link parseJsonLogic}.
 * @param logic - the untrusted JsonLogic value.
 * @param options - see {@link ParseJsonLogicOptions}.
 * @returns The import, or a {@link RuleError} whose `issues` point into the JsonLogic document.
 * @throws `TypeError` / `RangeError` when an option itself is invalid (a programming error, not bad input).
 * @example
 * const result = safeParseJsonLogic({ and: [{ ">": [{ var: "totalSpend" }, 500] }, { ">=": [{ "/": [{ var: "totalSpend" }, { var: "orderCount" }] }, 150] }] });
 * result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path]) //=> [["unsupported_logic", ["and", 1, ">=", 0]]]
 * @category Rules
 */
export function safeParseJsonLogic(logic: unknown, options?: ParseJsonLogicOptions): SafeParseJsonLogicResult {
  return run(logic, options);
}
