/**
 * JsonLogic import: the conditions that JsonLogic documents (and react-querybuilder's
 * `formatQuery(query, "jsonlogic")`) express, translated into a segmentkit rule, with every place
 * where JsonLogic's JavaScript semantics would select other customers reported or kept on request.
 *
 * @module
 */
import type { BetweenRule, ComparisonOp, Rule, RuleScalar } from "./ast.js";
import type { RuleLimits } from "./parseRule.js";
import type { RuleError } from "./RuleError.js";
import { isRecord, jsonType, ownItems } from "./_lib/json.js";
import { resolveRuleLimits, ruleLimitKeys } from "./_lib/limits.js";
import { ConditionImporter, operandAt, schemaOption } from "./_lib/conditionImport.js";
import { holdsOnly } from "./_lib/profileSchema.js";
import type { ZodSchemaLike } from "./_lib/profileSchema.js";
import { inheritedMemberProblem } from "./_lib/jsonLogic.js";
import type { ImportWarning, Leaf, Path, Site } from "./_lib/conditionImport.js";
import { pathLink } from "../_lib/pathLinks.js";
import { pathProblem } from "../_lib/fieldPaths.js";
import { choice } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";

/**
 * Codes of {@link JsonLogicWarning}:
 * - `null_selected`: JsonLogic selects a profile whose field is null or missing at this condition
 *   (JavaScript reads `null < 30` as `0 < 30`, and `null != "US"` is true), and no other condition
 *   of the same `and` excludes that; the imported rule does not select it, because the comparison is
 *   UNKNOWN. Only with `nulls: "sql"`.
 * - `numeric_text`: a text literal that JsonLogic would compare with a number field as a number:
 *   `"30"` with `==`, `!=`, `<`, `<=`, `>`, `>=` (`"30" == 30`), and with the ordering operators also
 *   `""` (as 0) and `"Infinity"`. `== ""` is left alone: it tests for empty text, although JsonLogic
 *   also matches the number 0 there. The rule compares text with text only. react-querybuilder
 *   exports values as text unless its `parseNumbers` option is set.
 * - `truthiness`: a bare `{ "var": field }` condition; JsonLogic selects any truthy value (`1`,
 *   `"no"`, a non-empty list), the imported rule only `true`.
 * - `text_or_array`: `{ "in": [value, { "var": field }] }` was read as "the text contains", since the
 *   field is not listed in `arrayFields`; JsonLogic would also match an element of an array.
 * - `empty_text`: JsonLogic's `missing` also counts an empty string as missing; segmentkit's does not.
 * - `indexed_path`: a `var` path steps into `length` or a numeric key; json-logic-js also reads those
 *   from arrays and texts (`tags.0`, `name.length`), the rule only from objects.
 * - `date_text`: a date field (by the `schema`) compared with a date: JsonLogic compares the texts,
 *   the rule the instants. They agree where the stored dates are written as JSON writes a `Date`
 *   (`2024-01-01T10:00:00.000Z`) in the years 0 to 9999; dates written with an offset or without
 *   milliseconds, and JSON's `+010000-01-01T...` for later years, sort otherwise.
 */
export type JsonLogicWarningCode = "null_selected" | "numeric_text" | "truthiness" | "text_or_array" | "empty_text" | "indexed_path" | "date_text";

/** A place where the imported rule can select other profiles than JsonLogic did: `path` points into the JsonLogic document. */
export interface JsonLogicWarning extends ImportWarning<JsonLogicWarningCode> {
  readonly code: JsonLogicWarningCode;
}

/** Options of {@link parseJsonLogic}: the limits of {@link RuleLimits}, applied to the JsonLogic document, and the two below. */
export interface ParseJsonLogicOptions extends RuleLimits {
  /**
   * `"sql"` (default): the imported rule has segmentkit's SQL semantics, and every condition where
   * JsonLogic would select a profile with a null or missing field (and no other condition of the same
   * `and` keeps it out) is a `null_selected` warning.
   * `"jsonlogic"`: such conditions get an explicit `missing` / `exists` guard, so that the imported
   * rule selects exactly who JsonLogic selected, null and missing values included.
   */
  readonly nulls?: "sql" | "jsonlogic";
  /**
   * Fields that hold arrays: `{ "in": [value, { "var": field }] }` becomes `hasAny` for them and
   * `contains` (text) for every other field. These fields may be read only that way and by null
   * tests (`missing`, `== null`, `!= null`); any other condition on them is an `invalid_value` issue.
   */
  readonly arrayFields?: ReadonlyArray<string>;
  /**
   * A zod 4 profile schema (e.g. `CustomerProfile` from `segmentkit/schema`). With it, the import
   * reads the document as JsonLogic reads it on such profiles:
   * - a text literal that JsonLogic's `==`, `!=`, `<`, `<=`, `>` or `>=` reads as a number is that
   *   number where the field holds numbers (`"30"` is 30; react-querybuilder writes values as text);
   * - a field that holds arrays is read as one, as if listed in `arrayFields`;
   * - a date field compared by `<`, `<=`, `>`, `>=` (or a three-operand range) with a date
   *   (`2024-01-01`) or an instant as JSON writes it (`2024-01-01T10:00:00.000Z`) becomes `before` /
   *   `after`, ordered as JsonLogic orders the texts (a date sorts before every instant of its day),
   *   with a `date_text` warning; other texts there are `unsupported_logic`;
   * - every translated condition is checked as by `checkRule`: an unknown field, an operator that
   *   does not fit the field's type (`==` on a date) or a value of the wrong type (`=== "30"` on a
   *   number field, which JsonLogic never finds equal) is an issue at the condition's path.
   *
   * The schema is read as `checkRule` reads it: a transform next to typed members is taken to give
   * one of their types, as `CustomerProfile`'s timestamps do (a `Date`, or a text parsed into one).
   * An error thrown by the schema's own getters passes through.
   */
  readonly schema?: ZodSchemaLike;
}

/** The result of {@link parseJsonLogic}. */
export interface JsonLogicImport {
  /** The translated rule, valid under `parseRule`. */
  readonly rule: Rule;
  /** Where the rule can select other profiles than JsonLogic did, in document order (a node before its operands). */
  readonly warnings: ReadonlyArray<JsonLogicWarning>;
}

/** The result of {@link safeParseJsonLogic}: zod's shape. */
export type SafeParseJsonLogicResult =
  | { readonly success: true; readonly data: JsonLogicImport }
  | { readonly success: false; readonly error: RuleError };

/** JsonLogic operators that have no exact segmentkit equivalent. */
const untranslatable: ReadonlySet<string> = new Set([
  "if", "?:", "+", "-", "*", "/", "%", "min", "max", "cat", "substr", "merge", "map", "filter", "reduce",
  "all", "none", "missing_some", "log", "method",
]);

/** JavaScript's `left <op> right` with a null on one side, as JsonLogic computes it. */
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

/**
 * The number that JavaScript's `<` (or, without `blank`, `==`) reads a text as when the other side is
 * a number (`"30"`, `" 1e3 "`, `"Infinity"`, whitespace as 0, and `""` as 0 for `<`), or `undefined`.
 * `== ""` is left alone as the test for empty text; `== " "` is not such a test and reads as 0.
 */
function numericText(value: RuleScalar, blank: boolean): number | undefined {
  if (typeof value !== "string" || (!blank && value === "")) return undefined;
  const number = Number(value);
  return Number.isNaN(number) ? undefined : number;
}

/** A date, or an instant as `JSON.stringify` writes a `Date`: the texts that JsonLogic's `<` orders in time. */
function isSortableDate(text: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const midnight = new Date(`${text}T00:00:00.000Z`);
    return !Number.isNaN(midnight.getTime()) && midnight.toISOString().slice(0, 10) === text;
  }
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text) && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString() === text;
}

type Ordering = "<" | "<=" | ">" | ">=";
const reversed: Readonly<Record<Ordering, Ordering>> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=" };

/**
 * `field <op> text` on a date field, as JsonLogic orders the texts: an instant text in time order; a
 * date sorts before every instant of its day, so `<=` a date is before its midnight and `>` a date
 * is from its midnight on.
 */
function dateBound(operator: Ordering, field: string, date: string): Rule {
  const dateOnly = date.length === 10;
  const before: Rule = { op: "before", field, date };
  const notBefore: Rule = { op: "not", rule: before };
  switch (operator) {
    case "<":
      return before;
    case "<=":
      return dateOnly ? before : { op: "not", rule: { op: "after", field, date } };
    case ">":
      return dateOnly ? notBefore : { op: "after", field, date };
    case ">=":
      return notBefore;
  }
}

const mirrored: Readonly<Record<"<" | "<=" | ">" | ">=", ComparisonOp>> = { "<": "gt", "<=": "gte", ">": "lt", ">=": "lte" };
const direct: Readonly<Record<"<" | "<=" | ">" | ">=", ComparisonOp>> = { "<": "lt", "<=": "lte", ">": "gt", ">=": "gte" };

/** The name that errors and issue summaries give, for `safeParseJsonLogic` too (as `safeParseRule` says `parseRule`). */
const functionName = "parseJsonLogic";
const optionKeys = { ...ruleLimitKeys, nulls: true, arrayFields: true, schema: true } as const satisfies OptionKeys<ParseJsonLogicOptions>;

class Importer extends ConditionImporter<JsonLogicWarningCode> {
  readonly arrayFields: ReadonlySet<string>;

  constructor(options: ParseJsonLogicOptions | undefined) {
    const limits = resolveRuleLimits(functionName, options, "options", optionKeys);
    const nulls = choice(functionName, "nulls", options?.nulls, ["sql", "jsonlogic"], "sql");
    const arrayFields = options?.arrayFields;
    if (arrayFields !== undefined && (!Array.isArray(arrayFields) || !arrayFields.every((field) => typeof field === "string"))) {
      throw new TypeError(`${functionName} requires arrayFields to be an array of strings`);
    }
    super(functionName, limits, nulls === "jsonlogic", "the JsonLogic document", schemaOption(functionName, options?.schema));
    this.arrayFields = new Set(arrayFields ?? []);
  }

  protected nullMessage(leaf: Leaf): string {
    return `JsonLogic selects profiles whose "${leaf.field.slice(0, 40)}" is null or missing here (${leaf.because} in JavaScript); the rule does not, as in SQL`;
  }

  /** Translates one JsonLogic condition. */
  condition(logic: unknown, site: Site): Rule | undefined {
    if (this.stopped || !this.count(1, site.path)) return undefined;
    if (site.depth > this.limits.maxDepth) {
      return this.issue("too_deep", site.path, `the JsonLogic document is nested deeper than the limit of ${this.limits.maxDepth}`);
    }
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
    const at: Site = { ...site, path: pathLink(site.path, operator), listed: Array.isArray(value) };
    // Only `and`, `or` and `missing` take more than three operands, and they check maxListLength themselves.
    const maxOperands = Math.max(this.limits.maxListLength, 3);
    if (Array.isArray(value) && value.length > maxOperands) {
      return this.issue("list_too_long", at.path, `"${operator.slice(0, 40)}" has ${value.length} operands, more than the limit of ${maxOperands}`);
    }
    const operands: ReadonlyArray<unknown> = Array.isArray(value) ? ownItems(value, maxOperands) : [value];
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
      case "some":
        return this.leaf(this.someListed(operands, at), at);
      default:
        if (untranslatable.has(operator)) {
          return this.issue("unsupported_logic", at.path, `JsonLogic "${operator}" has no exact segmentkit equivalent`);
        }
        return this.issue("unknown_op", at.path, `unknown JsonLogic operator "${operator.slice(0, 40)}"`);
    }
  }

  /** `and` / `or`; the null handling of the leaves directly under a conjunction waits for all of them (see `settleConjunction`). */
  junction(operator: "and" | "or", operands: ReadonlyArray<unknown>, at: Site): Rule | undefined {
    if (operands.length > this.limits.maxListLength) {
      return this.issue("list_too_long", at.path, `"${operator}" has ${operands.length} operands, more than the limit of ${this.limits.maxListLength}`);
    }
    // JsonLogic's empty "and" returns undefined, which is falsy: it selects no one (segmentkit's empty `and` is TRUE).
    if (operands.length === 0) return { op: "never" };
    // A conjunction: `and`, or `or` under an odd number of `!` (De Morgan).
    const deferring = (operator === "and") === at.positive;
    const rules: Array<Rule | undefined> = operands.map((operand, index) =>
      this.condition(operand, { path: operandAt(at, index), depth: at.depth + 1, positive: at.positive, deferring }),
    );
    if (deferring) this.settleConjunction(rules);
    return rules.every((rule) => rule !== undefined) ? { op: operator, rules: rules as Rule[] } : undefined;
  }

  negation(operator: "!" | "!!", operand: unknown, at: Site): Rule | undefined {
    const positive = operator === "!!" ? at.positive : !at.positive;
    // A leaf under `!` directly in a conjunction still waits for its siblings there.
    const rule = this.condition(operand, { path: at.path, depth: at.depth + 1, positive, deferring: at.deferring === true });
    if (rule === undefined) return undefined;
    return operator === "!!" ? rule : { op: "not", rule };
  }

  /** A `{ "var": name }` operand (or `{ "var": [name] }`): the field path, or `undefined` with an issue. */
  field(operand: unknown, path: Path): string | undefined {
    const name = (operand as Readonly<Record<string, unknown>>)["var"];
    if (!Array.isArray(name)) return this.fieldName(name, pathLink(path, "var"));
    // A default of null is json-logic-js's own "not found" value: `["x", null]` reads as `"x"`.
    const plain = name.length === 1 || (name.length === 2 && name[1] === null);
    if (!plain) return this.issue("unsupported_logic", pathLink(path, "var"), `a "var" with a default value has no exact segmentkit equivalent`);
    return this.fieldName(name[0], pathLink(path, "var", 0));
  }

  /** A field name as `var` and `missing` give it, checked as `parseRule` checks field paths, and more. */
  fieldName(name: unknown, path: Path): string | undefined {
    if (typeof name !== "string") return this.issue("unsupported_logic", path, `a field must be named with a string, got ${jsonType(name)}`);
    if (name.length > this.limits.maxStringLength) {
      return this.issue("string_too_long", path, `the field path is ${name.length} characters long, more than the limit of ${this.limits.maxStringLength}`);
    }
    const problem = pathProblem(name);
    if (problem !== undefined) return this.issue(problem.code, path, problem.message);
    const inherited = inheritedMemberProblem(name);
    if (inherited !== undefined) return this.issue("unsupported_logic", path, inherited);
    const segments = name.split(".");
    if (segments.slice(1).some((segment) => segment === "length" || /^\d+$/.test(segment))) {
      this.warn("indexed_path", path, name, `json-logic-js also reads "${name.slice(0, 40)}" from an array or a text (an element, a length); the rule reads object fields only`);
    }
    return name;
  }

  /** Whether `field` holds arrays: it is listed in `arrayFields`, or the schema says so. */
  holdsArrays(field: string): boolean {
    return this.arrayFields.has(field) || holdsOnly(this.fieldType(field), "array");
  }

  /** Refuses a field that holds arrays where a condition reads a single value. */
  scalarField(field: string, at: Site): string | undefined {
    if (!this.holdsArrays(field)) return field;
    const source = this.arrayFields.has(field) ? "is listed in arrayFields" : "holds arrays in the schema";
    return this.issue("invalid_value", at.path, `"${field.slice(0, 40)}" ${source}: only "in" (a value in the field) and null tests read an array`);
  }

  isVar(operand: unknown): boolean {
    return isRecord(operand) && Object.keys(operand).length === 1 && Object.hasOwn(operand, "var");
  }

  /** A literal operand: a string, a finite number or a boolean (and `null` where `allowNull`). */
  literal(operand: unknown, path: Path, allowNull = false): RuleScalar | null | undefined {
    if (operand === null && allowNull) return null;
    return this.scalar(operand, path, () => {
      if (isRecord(operand) && Object.keys(operand).length === 1) {
        const operator = Object.keys(operand)[0] as string;
        if (operator === "var") return this.issue("unsupported_logic", path, "comparing two fields has no segmentkit equivalent");
        return this.issue("unsupported_logic", path, `a computed operand ("${operator.slice(0, 40)}") has no exact segmentkit equivalent`);
      }
      return this.issue("invalid_value", path, `a JsonLogic literal must be a string, a number or a boolean${allowNull ? " or null" : ""}, got ${jsonType(operand)}`);
    });
  }

  /**
   * Where the schema says `field` holds numbers, a text literal as JsonLogic's `<` (`ordering`) or
   * `==` reads it against a number (`"30"` as 30); any other literal as it is.
   */
  reading(literal: RuleScalar, field: string, path: Path, ordering: boolean): RuleScalar | undefined {
    const number = numericText(literal, ordering);
    if (number === undefined || !holdsOnly(this.fieldType(field), "number")) return literal;
    if (Number.isFinite(number)) return number;
    return this.issue("non_finite_number", path, `JsonLogic reads the text ${JSON.stringify(literal).slice(0, 40)} as ${number}, which a rule cannot compare with`);
  }

  /** Warns when JsonLogic would read a text literal as a number (`ordering`: `<` and the like; else `==` / `!=`). */
  numeric(literal: RuleScalar, field: string, path: Path, ordering: boolean): void {
    const number = numericText(literal, ordering);
    // A schema that says the field holds texts settles it: JsonLogic compares text with text there.
    if (number === undefined || holdsOnly(this.fieldType(field), "string")) return;
    this.warn(
      "numeric_text",
      path,
      field,
      `JsonLogic compares the text ${JSON.stringify(literal).slice(0, 40)} with a number as ${number}; the rule compares text with text only: write ${number}${this.schema === undefined ? ", or pass the profile schema," : ""} if "${field.slice(0, 40)}" holds numbers`,
    );
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
    const affixAt = operands.length === 2 ? operands.findIndex((operand) => isRecord(operand) && Object.keys(operand).length === 1 && Object.hasOwn(operand, "substr")) : -1;
    if (affixAt >= 0) return this.affix(operator, operands, affixAt, at);
    const sides = this.sides(operator, operands, at);
    if (sides === undefined) return undefined;
    const { literal, literalFirst } = sides;
    const equal = operator === "==" || operator === "===";
    // A missing field reads as null in JsonLogic, so `== null` is exactly `missing` and `!= null` exactly `exists`.
    if (literal === null) return { field: sides.field, rule: { op: equal ? "missing" : "exists", field: sides.field }, whenNull: undefined, because: "" };
    const field = this.scalarField(sides.field, at);
    if (field === undefined) return undefined;
    const loose = operator === "==" || operator === "!=";
    const literalPath = operandAt(at, literalFirst ? 0 : 1);
    const value = loose ? this.reading(literal, field, literalPath, false) : literal;
    if (value === undefined) return undefined;
    if (loose) this.numeric(value, field, literalPath, false);
    return { field, rule: { op: equal ? "eq" : "ne", field, value }, whenNull: !equal, because: `null ${operator} ${JSON.stringify(value).slice(0, 40)} is ${!equal}` };
  }

  ordering(operator: "<" | "<=" | ">" | ">=", operands: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    if (operands.length === 3 && (operator === "<" || operator === "<=")) return this.range(operator, operands, at);
    const sides = this.sides(operator, operands, at);
    if (sides === undefined) return undefined;
    const { literal, literalFirst } = sides;
    const literalPath = operandAt(at, literalFirst ? 0 : 1);
    if (literal === null || typeof literal === "boolean") return this.issue("invalid_value", literalPath, `"${operator}" needs a number or a string, got ${jsonType(literal)}`);
    const field = this.scalarField(sides.field, at);
    if (field !== undefined && typeof literal === "string" && this.holdsDates(field)) {
      if (!this.sortableDate(literal, literalPath)) return undefined;
      return this.dateLeaf(field, dateBound(literalFirst ? reversed[operator] : operator, field, literal), at);
    }
    const value = field === undefined ? undefined : this.reading(literal, field, literalPath, true);
    if (field === undefined || value === undefined) return undefined;
    this.numeric(value, field, literalPath, true);
    const op = literalFirst ? mirrored[operator] : direct[operator];
    const whenNull = literalFirst ? nullComparison(operator, value, null) : nullComparison(operator, null, value);
    const text = literalFirst ? `${JSON.stringify(value).slice(0, 40)} ${operator} null` : `null ${operator} ${JSON.stringify(value).slice(0, 40)}`;
    return { field, rule: { op, field, value }, whenNull, because: `${text} is ${whenNull}` };
  }

  /** Whether the schema says `field` holds dates. */
  holdsDates(field: string): boolean {
    return holdsOnly(this.fieldType(field), "date");
  }

  /** Whether JsonLogic orders `text` in time (see `isSortableDate`); else an issue at `path`. */
  sortableDate(text: string, path: Path): boolean {
    if (isSortableDate(text)) return true;
    this.issue("unsupported_logic", path, `JsonLogic compares dates as text, in time order only for a date (2024-01-01) or an instant as JSON writes it (2024-01-01T10:00:00.000Z), got ${JSON.stringify(text.slice(0, 40))}`);
    return false;
  }

  /** A date comparison: false for a null or missing field in JsonLogic (`null < "2024-01-01"` reads NaN), with the `date_text` warning. */
  dateLeaf(field: string, rule: Rule, at: Site): Leaf {
    this.warn("date_text", at.path, field, `JsonLogic compares "${field.slice(0, 40)}" as text and the rule as instants: they agree where the stored dates are written as JSON writes them (2024-01-01T10:00:00.000Z), in the years 0 to 9999`);
    return { field, rule, whenNull: false, because: "a comparison of null with a text is false" };
  }

  /** `{ "<=": [date, { "var": field }, date] }` on a date field: both bounds as JsonLogic orders texts. */
  dateRange(operator: "<" | "<=", field: string, low: string, high: string, at: Site): Leaf | undefined {
    const lowOk = this.sortableDate(low, operandAt(at, 0));
    const highOk = this.sortableDate(high, operandAt(at, 2));
    if (!lowOk || !highOk) return undefined;
    if (low > high) return this.issue("invalid_range", at.path, `the lower bound ${JSON.stringify(low)} is above the upper bound ${JSON.stringify(high)}`);
    if (!this.fitsPair(at)) return undefined;
    return this.dateLeaf(field, { op: "and", rules: [dateBound(reversed[operator], field, low), dateBound(operator, field, high)] }, at);
  }

  /** JsonLogic's between: `{ "<=": [low, { "var": field }, high] }` (inclusive) or `"<"` (exclusive). */
  range(operator: "<" | "<=", operands: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    const [low, middle, high] = operands;
    if (!this.isVar(middle)) return this.issue("unsupported_logic", at.path, `a three-operand "${operator}" is read only as low ${operator} { "var": field } ${operator} high`);
    const field = this.field(middle, operandAt(at, 1));
    const lowLiteral = this.literal(low, operandAt(at, 0));
    const highLiteral = this.literal(high, operandAt(at, 2));
    if (field === undefined || lowLiteral === undefined || highLiteral === undefined || lowLiteral === null || highLiteral === null) return undefined;
    if (typeof lowLiteral === "string" && typeof highLiteral === "string" && this.holdsDates(field)) {
      return this.scalarField(field, at) === undefined ? undefined : this.dateRange(operator, field, lowLiteral, highLiteral, at);
    }
    const min = this.reading(lowLiteral, field, operandAt(at, 0), true);
    const max = this.reading(highLiteral, field, operandAt(at, 2), true);
    if (min === undefined || max === undefined) return undefined;
    const bothNumbers = typeof min === "number" && typeof max === "number";
    const bothStrings = typeof min === "string" && typeof max === "string";
    if (!bothNumbers && !bothStrings) return this.issue("invalid_value", at.path, `the bounds of "${operator}" must be two numbers or two strings`);
    if ((min as number | string) > (max as number | string)) {
      return this.issue("invalid_range", at.path, `the lower bound ${JSON.stringify(min).slice(0, 40)} is above the upper bound ${JSON.stringify(max).slice(0, 40)}`);
    }
    if (this.scalarField(field, at) === undefined) return undefined;
    this.numeric(min, field, operandAt(at, 0), true);
    if (numericText(min, true) === undefined) this.numeric(max, field, operandAt(at, 2), true);
    const whenNull = nullComparison(operator, min, null) && nullComparison(operator, null, max);
    const because = `${JSON.stringify(min).slice(0, 40)} ${operator} null ${operator} ${JSON.stringify(max).slice(0, 40)} is ${whenNull}`;
    if (operator === "<=") {
      const rule: BetweenRule = { op: "between", field, min, max };
      return { field, rule, whenNull, because };
    }
    if (!this.fitsPair(at)) return undefined;
    return { field, rule: { op: "and", rules: [{ op: "gt", field, value: min }, { op: "lt", field, value: max }] }, whenNull, because };
  }

  membership(operands: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    if (operands.length !== 2) return this.issue("invalid_value", at.path, `"in" takes two operands, got ${operands.length}`);
    const [needle, haystack] = operands;
    if (this.isVar(needle) && Array.isArray(haystack)) return this.inList(needle, haystack, at);
    if (!this.isVar(needle) && this.isVar(haystack)) return this.inField(needle, haystack, at);
    return this.issue("unsupported_logic", at.path, `"in" is read as { "var": field } in a list of literals, or a literal in { "var": field }`);
  }

  /** `{ "in": [{ "var": field }, [values]] }`: JsonLogic's `indexOf`, which is strict, so `in`. */
  inList(needle: unknown, list: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    const named = this.field(needle, operandAt(at, 0));
    const listed = this.literalList(list, operandAt(at, 1));
    if (named === undefined || listed === undefined) return undefined;
    const { values, hasNull } = listed;
    // `in [null]` is a null test, on an array field too (an array is never `===` null).
    if (values.length === 0 && hasNull) return { field: named, rule: { op: "missing", field: named }, whenNull: undefined, because: "" };
    const field = this.scalarField(named, at);
    if (field === undefined) return undefined;
    // `in []` is FALSE for a missing field too, where the other leaves are UNKNOWN: exact as it is,
    // and `[null]` is exactly `missing`.
    if (values.length === 0) return { field, rule: { op: "in", field, values }, whenNull: undefined, because: "" };
    return { field, rule: { op: "in", field, values }, whenNull: hasNull, because: `a null field is ${hasNull ? "" : "not "}in the list` };
  }

  /** The literals of a list that `in` searches, of one type; `null` items are noted, not kept. */
  literalList(list: ReadonlyArray<unknown>, path: Path): { values: RuleScalar[]; hasNull: boolean } | undefined {
    const items = this.listItems(list, path);
    if (items === undefined) return undefined;
    const values: RuleScalar[] = [];
    let hasNull = false;
    let ok = true;
    for (const [index, item] of items.entries()) {
      const literal = this.literal(item, pathLink(path, index), true);
      if (literal === undefined) ok = false;
      else if (literal === null) hasNull = true;
      else values.push(literal);
    }
    const checked = ok ? this.oneType(values, path) : undefined;
    return checked === undefined ? undefined : { values: checked, hasNull };
  }

  /**
   * `{ "some": [{ "var": field }, { "in": [{ "var": "" }, [values]] }] }` on a field in `arrayFields`:
   * some element is listed, `hasAny` (what `toJsonLogic` writes for `hasAny` of several values).
   */
  someListed(operands: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    const test = operands[1];
    // Own keys only, each read once: `{ "in": [{ "var": "" }, [values]] }`.
    const search = isRecord(test) && Object.keys(test).length === 1 && Object.hasOwn(test, "in") ? test["in"] : undefined;
    const inner = Array.isArray(search) && search.length === 2 ? ownItems(search, 2) : undefined;
    const element = inner?.[0];
    const isElement = this.isVar(element) && (element as Readonly<Record<string, unknown>>)["var"] === "";
    if (operands.length !== 2 || !this.isVar(operands[0]) || inner === undefined || inner.length !== 2 || !isElement || !Array.isArray(inner[1])) {
      return this.issue("unsupported_logic", at.path, `"some" is read only as [{ "var": field }, { "in": [{ "var": "" }, [values]] }]`);
    }
    const field = this.field(operands[0], operandAt(at, 0));
    const listed = this.literalList(inner[1] as ReadonlyArray<unknown>, pathLink(operandAt(at, 1), "in", 1));
    if (field === undefined || listed === undefined) return undefined;
    if (!this.holdsArrays(field)) return this.issue("invalid_value", at.path, `"some" reads an array: list "${field.slice(0, 40)}" in arrayFields`);
    if (listed.hasNull) return this.issue("unsupported_logic", pathLink(operandAt(at, 1), "in", 1), "a null element has no segmentkit equivalent: hasAny compares values");
    return { field, rule: { op: "hasAny", field, values: listed.values }, whenNull: false, because: `"some" is false for a null field` };
  }

  /**
   * `{ "===": [{ "substr": [{ "var": field }, 0, n] }, text] }` (a prefix, `startsWith`) or
   * `[{ "var": field }, -n]` (a suffix, `endsWith`), n the length of the text; `!==` / `!=` negate it
   * (what `toJsonLogic` writes for `startsWith` / `endsWith`). json-logic-js's substr reads null as the
   * text "null", so a null field matches a text that begins or ends "null".
   */
  affix(operator: "==" | "===" | "!=" | "!==", operands: ReadonlyArray<unknown>, index: number, at: Site): Leaf | undefined {
    const substrPath = pathLink(operandAt(at, index), "substr");
    const substr = (operands[index] as Readonly<Record<string, unknown>>)["substr"];
    const args = Array.isArray(substr) && substr.length <= 3 ? ownItems(substr, 3) : undefined;
    const shape = `"substr" is read only as [{ "var": field }, 0, length] (a prefix) or [{ "var": field }, -length] (a suffix), compared with a text of that length`;
    if (args === undefined || args.length < 2 || !this.isVar(args[0])) return this.issue("unsupported_logic", substrPath, shape);
    const named = this.field(args[0], pathLink(substrPath, 0));
    const text = this.literal(operands[1 - index], operandAt(at, 1 - index));
    if (named === undefined || text === undefined) return undefined;
    if (typeof text !== "string") return this.issue("unsupported_logic", operandAt(at, 1 - index), shape);
    const length = text.length;
    const prefix = args.length === 3 && args[1] === 0 && args[2] === length;
    const suffix = args.length === 2 && length > 0 && args[1] === -length;
    if (!prefix && !suffix) return this.issue("unsupported_logic", substrPath, shape);
    const field = this.scalarField(named, at);
    if (field === undefined) return undefined;
    const equal = operator === "==" || operator === "===";
    const nullMatches = (prefix ? "null".slice(0, length) : "null".slice(-length)) === text;
    const test: Rule = { op: prefix ? "startsWith" : "endsWith", field, value: text };
    return {
      field,
      rule: equal ? test : { op: "not", rule: test },
      whenNull: equal === nullMatches,
      because: 'substr reads null as the text "null"',
    };
  }

  /** `{ "in": [value, { "var": field }] }`: an element of an array field, or a text in a text field. */
  inField(needle: unknown, haystack: unknown, at: Site): Leaf | undefined {
    const field = this.field(haystack, operandAt(at, 1));
    const value = this.literal(needle, operandAt(at, 0));
    if (field === undefined || value === undefined || value === null) return undefined;
    const because = `"in" is false for a null field`;
    if (this.holdsArrays(field)) return { field, rule: { op: "hasAny", field, values: [value] }, whenNull: false, because };
    // json-logic-js tests `text.indexOf(value)`, which reads a number or a boolean as its text, after
    // refusing an empty text: so an empty value is found in every other text.
    const text = String(value);
    if (text.length > this.limits.maxStringLength) {
      return this.issue("string_too_long", operandAt(at, 0), `the text ${JSON.stringify(text.slice(0, 40))} is ${text.length} characters long, more than the limit of ${this.limits.maxStringLength}`);
    }
    if (!holdsOnly(this.fieldType(field), "string")) this.warn("text_or_array", at.path, field, `"in" was read as "${field.slice(0, 40)}" contains the text ${JSON.stringify(text.slice(0, 40))}; list the field in arrayFields if it holds an array`);
    if (text === "") return { field, rule: { op: "ne", field, value: "" }, whenNull: false, because };
    return { field, rule: { op: "contains", field, value: text }, whenNull: false, because };
  }

  /** react-querybuilder's `startsWith` / `endsWith` (its `jsonLogicAdditionalOperators`). */
  text(operator: "startsWith" | "endsWith", operands: ReadonlyArray<unknown>, at: Site): Leaf | undefined {
    if (operands.length !== 2 || !this.isVar(operands[0])) {
      return this.issue("unsupported_logic", at.path, `"${operator}" is read as [{ "var": field }, text]`);
    }
    const named = this.field(operands[0], operandAt(at, 0));
    const value = this.literal(operands[1], operandAt(at, 1));
    if (named === undefined || value === undefined || value === null) return undefined;
    if (typeof value !== "string") return this.issue("invalid_value", operandAt(at, 1), `"${operator}" needs a string, got ${typeof value}`);
    const field = this.scalarField(named, at);
    if (field === undefined) return undefined;
    return { field, rule: { op: operator, field, value }, whenNull: false, because: `"${operator}" is false for a null field` };
  }

  /** A bare `{ "var": field }` used as a condition. */
  truthiness(logic: unknown, site: Site): Leaf | undefined {
    const named = this.field(logic, site.path);
    const field = named === undefined ? undefined : this.scalarField(named, site);
    if (field === undefined) return undefined;
    if (!holdsOnly(this.fieldType(field), "boolean")) this.warn("truthiness", site.path, field, `JsonLogic selects any truthy "${field.slice(0, 40)}" here; the rule selects only true`);
    return { field, rule: { op: "eq", field, value: true }, whenNull: false, because: "null is falsy" };
  }

  /** `{ "missing": [fields] }` (or `[[fields]]`, as json-logic-js reads it) as a condition: true when any field is missing. */
  missing(operands: ReadonlyArray<unknown>, at: Site): Rule | undefined {
    const nested = operands.length === 1 && Array.isArray(operands[0]);
    const names: ReadonlyArray<unknown> = nested ? (operands[0] as ReadonlyArray<unknown>) : operands;
    const listPath = nested ? operandAt(at, 0) : at.path;
    if (names.length === 0) return this.issue("invalid_value", listPath, `"missing" takes at least one field name`);
    if (names.length > this.limits.maxListLength) {
      return this.issue("list_too_long", listPath, `"missing" has ${names.length} field names, more than the limit of ${this.limits.maxListLength}`);
    }
    // One `missing` rule per name, under an `or` when there are several.
    const items = ownItems(names, this.limits.maxListLength);
    if (!this.count(items.length, at.path) || !this.fits(at, items.length > 1 ? 2 : 1)) return undefined;
    const rules: Rule[] = [];
    for (const [index, name] of items.entries()) {
      const path = nested ? pathLink(listPath, index) : operandAt(at, index);
      const field = typeof name === "string" ? this.fieldName(name, path) : this.issue("invalid_type", path, `"missing" takes field names, got ${jsonType(name)}`);
      if (field === undefined) continue;
      const rule: Rule = { op: "missing", field };
      if (!this.fitsSchema(rule, path)) continue;
      // Only a field that can hold "" needs the warning: not a number, nor an enum without "".
      const type = this.fieldType(field);
      const mayBeEmpty = type === undefined || type.kinds.has("unknown") || (type.kinds.has("string") && (type.literals === undefined || type.literals.includes("")));
      if (mayBeEmpty) this.warn("empty_text", path, field, `JsonLogic's "missing" also counts an empty "${field.slice(0, 40)}" as missing; the rule does not`);
      rules.push(rule);
    }
    if (rules.length < items.length) return undefined;
    // One name is a leaf of its conjunction: under `!` it is `exists`, which keeps null profiles out of
    // the conjunction, so a sibling on the field needs no guard or warning (`settleConjunction`).
    if (rules.length === 1) return this.leaf({ field: (rules[0] as { field: string }).field, rule: rules[0] as Rule, whenNull: undefined, because: "" }, at);
    return { op: "or", rules };
  }

}

function run(logic: unknown, options: ParseJsonLogicOptions | undefined): SafeParseJsonLogicResult {
  const importer = new Importer(options);
  try {
    return importer.finish(importer.condition(logic, { path: undefined, depth: 1, positive: true }));
  } catch (error) {
    return importer.unreadable(error);
  }
}

/**
 * Translates a JsonLogic condition into a segmentkit rule, and reports every place where the two can
 * select different profiles.
 *
 * @remarks Translated: `and`, `or`, `!`, `!!`, `==` / `===` / `!=` / `!==` between a `var` and a
 * literal (`== null` is `missing`, `!= null` is `exists`), `<` / `<=` / `>` / `>=` (either side, and
 * the three-operand between), `in` (a field in a list; a value in a text field as `contains` of its
 * text, `""` as `ne ""`; a value in an array field named in `arrayFields` as `hasAny`), `missing`,
 * `true` / `false`, a bare `var` (as `eq true`), react-querybuilder's `startsWith` / `endsWith`, and
 * the two forms `toJsonLogic` writes besides these, so that everything it writes reads back: a
 * `substr` prefix or suffix compared with a text of its length (`startsWith` / `endsWith`, negated
 * under `!=` / `!==`; json-logic-js's `substr` reads null as the text "null", so a text such as
 * `"nu"` gives a `null_selected` warning), and `{ "some": [{ "var": field }, { "in": [{ "var": "" },
 * [values]] }] }` on an `arrayFields` field (`hasAny`). Arithmetic, `if`, `var` defaults other than `null`,
 * comparisons of two fields, other `some` / `all` / `none` and `substr` forms, the other
 * operators, and paths through members of `Object.prototype` (`toString`, `valueOf`..., which
 * json-logic-js finds on every object) are `unsupported_logic` issues: never a rule that means
 * something else. JsonLogic's empty `and` selects no one and becomes `never`.
 *
 * Exactness: on profiles whose fields hold the literal's type (numbers where the rule compares with
 * numbers, strings with strings, arrays without nulls in `arrayFields`, no empty strings where
 * `missing` tests them), null, or nothing, read through objects (json-logic-js also reads members of
 * arrays and texts: `tags.0` and `name.length` give an `indexed_path` warning, `name.trim` none),
 * the rule with `nulls: "jsonlogic"` selects exactly the profiles that json-logic-js 2.0.5 selects; with `nulls: "sql"` (the default) it selects the same
 * profiles wherever no `null_selected` warning is reported, and the SQL audience where one is. A
 * `null_selected` condition is judged with the other conditions of its `and`, or of a negated `or`,
 * also under `!` there (`x < 30` next to `x != null` is not one, nor `!(x contains "a")`); in other
 * combinations a warning can mark a condition whose nulls no profile would in the end be selected for. JsonLogic converts types (`"30" == 30`, `"30" < 60`) and
 * segmentkit never does: a `numeric_text` warning marks such literals. Given the profile `schema`,
 * the import reads them as JsonLogic does where the field holds numbers (react-querybuilder writes
 * every value as text), reads fields that hold arrays as `arrayFields`, reads a date field compared
 * with a date text as `before` / `after` in JsonLogic's text order (`date_text`), leaves out the
 * warnings that the field's type settles, and checks every condition as `checkRule` does: a field
 * the schema does not have, or a condition that does not fit it (`==` on a date, `=== "30"` on a
 * number), is an issue at its path. The walk is recursive but bounded by `maxDepth` (at most
 * 1,000), so a 100,000-deep document gives a `too_deep` issue, never a stack overflow. Operators and
 * `var` are read as own keys only. O(n) for n nodes, plus the paths of the warnings (each as long as
 * its depth: with the default limits at most 10,000 × 32 keys).
 * @param logic - the untrusted JsonLogic value, typically from `JSON.parse`.
 * @param options - limits (as {@link parseRule}, applied to the JsonLogic document), `nulls`,
 *   `arrayFields` and `schema`; see {@link ParseJsonLogicOptions}.
 * @returns The rule and the warnings, each with a `path` into the JsonLogic document.
 * @throws `RuleError` `"parseJsonLogic found <n> issue(s): <first message> at <path>"`, with every issue
 *   (codes as in `parseRule` and `checkRule`, plus `unsupported_logic`) and its path into the JsonLogic document.
 * @throws `TypeError` `"parseJsonLogic requires nulls to be \"sql\" or \"jsonlogic\""`,
 *   `"parseJsonLogic requires schema to be a zod schema"`, and for an `options` or `arrayFields` of
 *   the wrong type; `RangeError` for an invalid limit.
 * @example
 * const logic = { and: [{ "<=": [25, { var: "age" }, 34] }, { in: [{ var: "country" }, ["US", "CA"]] }, { "<": [{ var: "lastPurchaseDaysAgo" }, 30] }] };
 * const { rule, warnings } = parseJsonLogic(logic);
 * rule //=> { op: "and", rules: [{ op: "between", field: "age", min: 25, max: 34 }, { op: "in", field: "country", values: ["US", "CA"] }, { op: "lt", field: "lastPurchaseDaysAgo", value: 30 }] }
 * warnings.map((warning) => [warning.code, warning.path]) //=> [["null_selected", ["and", 2, "<"]]]
 * parseJsonLogic({ "<": [{ var: "lastPurchaseDaysAgo" }, 30] }, { nulls: "jsonlogic" }).rule //=> { op: "or", rules: [{ op: "missing", field: "lastPurchaseDaysAgo" }, { op: "lt", field: "lastPurchaseDaysAgo", value: 30 }] }
 *
 * // react-querybuilder writes values as text; the profile schema says which fields hold numbers and arrays.
 * import { z } from "zod";
 * const schema = z.object({ age: z.number().nullish(), tags: z.array(z.string()).nullish(), signedUpAt: z.date().nullish() });
 * parseJsonLogic({ and: [{ ">=": [{ var: "age" }, "21"] }, { in: ["vip", { var: "tags" }] }] }, { schema }).rule //=> { op: "and", rules: [{ op: "gte", field: "age", value: 21 }, { op: "hasAny", field: "tags", values: ["vip"] }] }
 * parseJsonLogic({ ">=": [{ var: "signedUpAt" }, "2024-01-01"] }, { schema }).rule //=> { op: "not", rule: { op: "before", field: "signedUpAt", date: "2024-01-01" } }
 * safeParseJsonLogic({ "==": [{ var: "agee" }, 30] }, { schema }).error?.issues[0]?.message //=> "unknown field \"agee\" (the translated condition, checked against the schema)"
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
