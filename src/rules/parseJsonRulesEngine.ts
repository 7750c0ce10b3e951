/**
 * json-rules-engine import: the conditions of a json-rules-engine rule (`all`, `any`, `not` and the
 * built-in operators) translated into a segmentkit rule, with every place where json-rules-engine's
 * two-valued null handling would select other customers reported or kept on request.
 *
 * @module
 */
import type { Rule, RuleScalar } from "./ast.js";
import type { RuleLimits } from "./parseRule.js";
import type { RuleError } from "./RuleError.js";
import { isRecord, jsonType, ownItems } from "./_lib/json.js";
import { resolveRuleLimits, ruleLimitKeys } from "./_lib/limits.js";
import { ConditionImporter, schemaOption } from "./_lib/conditionImport.js";
import type { ZodSchemaLike } from "./_lib/profileSchema.js";
import type { ImportWarning, Leaf, Path, Site } from "./_lib/conditionImport.js";
import { pathLink } from "../_lib/pathLinks.js";
import { pathProblem } from "../_lib/fieldPaths.js";
import { assertRecord, choice } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";

/**
 * A place where the imported rule can select other profiles than json-rules-engine did: `path` points
 * into the conditions. The one code, `null_selected`: json-rules-engine selects a profile whose fact is
 * null or missing (or, for `contains` / `doesNotContain`, not an array) at this condition, because its
 * operators are two-valued (`notEqual` and `notIn` are true for a missing fact, and every operator's
 * false turns true under `not`), and no other condition of the same `all` excludes that; the imported
 * rule does not select it, because the condition is UNKNOWN. Only with `nulls: "sql"`.
 */
export interface JsonRulesEngineWarning extends ImportWarning<"null_selected"> {
  readonly code: "null_selected";
}

/** Options of {@link parseJsonRulesEngine}: the limits of {@link RuleLimits}, applied to the conditions, and `nulls`. */
export interface ParseJsonRulesEngineOptions extends RuleLimits {
  /**
   * `"sql"` (default): the imported rule has segmentkit's SQL semantics, and every condition where
   * json-rules-engine would select a profile with a null or missing fact (and no other condition of
   * the same `all` keeps it out) is a `null_selected` warning.
   * `"json-rules-engine"`: such conditions get an explicit `missing` / `exists` guard, so that the
   * imported rule selects exactly who json-rules-engine selected, null and missing facts included.
   */
  readonly nulls?: "sql" | "json-rules-engine";
  /**
   * The shared conditions that `{ condition: name }` references name, by name, as they were given to
   * `engine.setCondition(name, conditions)`. Untrusted like the conditions: each reference is
   * translated in its place, within the same limits.
   */
  readonly conditions?: Readonly<Record<string, unknown>>;
  /**
   * A zod 4 profile schema (e.g. `CustomerProfile` from `segmentkit/schema`): every translated
   * condition is checked against it as by `checkRule`, and an unknown fact or path, an operator that
   * does not fit the field (`contains` on a text: json-rules-engine's `contains` reads arrays) or a
   * value of the wrong type is an issue at the condition's path. The schema is read as `checkRule`
   * reads it; an error thrown by its own getters passes through.
   */
  readonly schema?: ZodSchemaLike;
}

/** The result of {@link parseJsonRulesEngine}. */
export interface JsonRulesEngineImport {
  /** The translated rule, valid under `parseRule`. */
  readonly rule: Rule;
  /** Where the rule can select other profiles than json-rules-engine did, in document order (a node before its operands). */
  readonly warnings: ReadonlyArray<JsonRulesEngineWarning>;
}

/** The result of {@link safeParseJsonRulesEngine}: zod's shape. */
export type SafeParseJsonRulesEngineResult =
  | { readonly success: true; readonly data: JsonRulesEngineImport }
  | { readonly success: false; readonly error: RuleError };

/** json-rules-engine's built-in operators: the segmentkit op, and the engine's result for a null, missing or (for the array operators) non-array fact. */
const operators = {
  equal: { op: "eq", whenNull: false, because: `"equal" is false for a null or missing fact` },
  notEqual: { op: "ne", whenNull: true, because: `"notEqual" is true for a null or missing fact` },
  in: { op: "in", whenNull: false, because: `"in" is false for a null or missing fact` },
  notIn: { op: "notIn", whenNull: true, because: `"notIn" is true for a null or missing fact` },
  contains: { op: "hasAny", whenNull: false, because: `"contains" is false for a fact that is not an array` },
  doesNotContain: { op: "hasNone", whenNull: false, because: `"doesNotContain" is false for a fact that is not an array` },
  lessThan: { op: "lt", whenNull: false, because: `"lessThan" is false for a fact that is not a number` },
  lessThanInclusive: { op: "lte", whenNull: false, because: `"lessThanInclusive" is false for a fact that is not a number` },
  greaterThan: { op: "gt", whenNull: false, because: `"greaterThan" is false for a fact that is not a number` },
  greaterThanInclusive: { op: "gte", whenNull: false, because: `"greaterThanInclusive" is false for a fact that is not a number` },
} as const;

type OperatorName = keyof typeof operators;

/** The keys that make a node a condition of one kind; a node has exactly one of them. */
const kinds = ["all", "any", "not", "condition", "fact"] as const;

/** A JSONPath that names nested object keys only: `$`, `$.plan`, `$.behavior.totalSpend`. */
const dottedPath = /^\$(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;

/** The name that errors and issue summaries give, for `safeParseJsonRulesEngine` too. */
const functionName = "parseJsonRulesEngine";
const optionKeys = { ...ruleLimitKeys, nulls: true, conditions: true, schema: true } as const satisfies OptionKeys<ParseJsonRulesEngineOptions>;

class Importer extends ConditionImporter<"null_selected"> {
  readonly shared: Readonly<Record<string, unknown>> | undefined;
  /** The names of the shared conditions being translated, outermost first. */
  readonly active: string[] = [];

  constructor(options: ParseJsonRulesEngineOptions | undefined) {
    const limits = resolveRuleLimits(functionName, options, "options", optionKeys);
    const nulls = choice(functionName, "nulls", options?.nulls, ["sql", "json-rules-engine"], "sql");
    if (options?.conditions !== undefined) assertRecord(functionName, "options.conditions", options.conditions);
    super(functionName, limits, nulls === "json-rules-engine", "the json-rules-engine conditions", schemaOption(functionName, options?.schema));
    this.shared = options?.conditions;
  }

  protected nullMessage(leaf: Leaf): string {
    return `json-rules-engine selects profiles whose "${leaf.field.slice(0, 40)}" is null or missing here (${leaf.because}); the rule does not, as in SQL`;
  }

  /** The conditions, or a whole rule (`{ conditions, event, ... }`): the root is `all`, `any`, `not` or `condition`, as json-rules-engine requires. */
  root(document: unknown): Rule | undefined {
    const wrapped = isRecord(document) && Object.hasOwn(document, "conditions");
    const conditions = wrapped ? document["conditions"] : document;
    const site: Site = { path: wrapped ? pathLink(undefined, "conditions") : undefined, depth: 1, positive: true };
    if (isRecord(conditions) && Object.hasOwn(conditions, "fact")) {
      return this.issue("invalid_type", site.path, `the root of json-rules-engine conditions is "all", "any" or "not", not a fact condition`);
    }
    return this.condition(conditions, site);
  }

  /** Translates one condition. */
  condition(node: unknown, site: Site): Rule | undefined {
    if (this.stopped || !this.count(1, site.path)) return undefined;
    if (site.depth > this.limits.maxDepth) {
      return this.issue("too_deep", site.path, `the json-rules-engine conditions are nested deeper than the limit of ${this.limits.maxDepth}`);
    }
    if (!isRecord(node)) return this.issue("invalid_type", site.path, `a json-rules-engine condition is an object, got ${jsonType(node)}`);
    const present = kinds.filter((kind) => Object.hasOwn(node, kind));
    if (present.length !== 1) {
      const found = present.length === 0 ? "none" : present.map((kind) => `"${kind}"`).join(", ");
      return this.issue("invalid_type", site.path, `a json-rules-engine condition holds exactly one of "all", "any", "not", "condition" or "fact", got ${found}`);
    }
    const kind = present[0] as (typeof kinds)[number];
    const at: Site = { ...site, path: pathLink(site.path, kind) };
    switch (kind) {
      case "all":
      case "any":
        return this.junction(kind, node[kind], at);
      case "not": {
        const operand = node["not"];
        if (!isRecord(operand)) return this.issue("invalid_type", at.path, `"not" takes one condition object, got ${jsonType(operand)}`);
        // A leaf under `not` directly in a conjunction still waits for its siblings there.
        const rule = this.condition(operand, { path: at.path, depth: at.depth + 1, positive: !at.positive, deferring: site.deferring === true });
        return rule === undefined ? undefined : { op: "not", rule };
      }
      case "condition":
        return this.reference(node["condition"], { ...site, path: at.path });
      case "fact":
        return this.leaf(this.comparison(node, site), site);
    }
  }

  /**
   * `{ condition: name }`: the shared condition of that name from `options.conditions`, translated in
   * its place. Issues inside it have paths that go on from the reference through the name
   * (`all[0].condition.isVip.all[1]`).
   */
  reference(name: unknown, at: Site): Rule | undefined {
    if (typeof name !== "string") return this.issue("invalid_type", at.path, `"condition" names a shared condition with a string, got ${jsonType(name)}`);
    const shown = JSON.stringify(name.slice(0, 40));
    if (this.shared === undefined || !Object.hasOwn(this.shared, name)) {
      return this.issue("invalid_value", at.path, `the shared condition ${shown} is not in options.conditions (json-rules-engine's engine.setCondition)`);
    }
    if (this.active.includes(name)) {
      const cycle = [...this.active.slice(this.active.indexOf(name)), name].map((item) => JSON.stringify(item.slice(0, 40))).join(" -> ");
      return this.issue("invalid_value", at.path, `shared conditions refer to each other in a cycle: ${cycle}`);
    }
    const conditions = this.shared[name];
    const path = pathLink(at.path, name);
    // json-rules-engine's setCondition requires "all", "any", "not" or "condition" at the root.
    if (isRecord(conditions) && Object.hasOwn(conditions, "fact")) {
      return this.issue("invalid_type", path, `the root of the shared condition ${shown} is "all", "any" or "not", not a fact condition`);
    }
    this.active.push(name);
    try {
      return this.condition(conditions, { path, depth: at.depth + 1, positive: at.positive });
    } finally {
      this.active.pop();
    }
  }

  /** `all` / `any`; the null handling of the leaves directly under a conjunction waits for all of them (see `settleConjunction`). */
  junction(kind: "all" | "any", operands: unknown, at: Site): Rule | undefined {
    if (!Array.isArray(operands)) return this.issue("invalid_type", at.path, `"${kind}" takes a list of conditions, got ${jsonType(operands)}`);
    if (operands.length > this.limits.maxListLength) {
      return this.issue("list_too_long", at.path, `"${kind}" has ${operands.length} conditions, more than the limit of ${this.limits.maxListLength}`);
    }
    // json-rules-engine's empty "all" and empty "any" are both true.
    if (operands.length === 0) return { op: "always" };
    // A conjunction: `all`, or `any` under an odd number of `not` (De Morgan).
    const deferring = (kind === "all") === at.positive;
    const rules: Array<Rule | undefined> = ownItems(operands, this.limits.maxListLength).map((operand, index) =>
      this.condition(operand, { path: pathLink(at.path, index), depth: at.depth + 1, positive: at.positive, deferring }),
    );
    if (deferring) this.settleConjunction(rules);
    if (!rules.every((rule) => rule !== undefined)) return undefined;
    return { op: kind === "all" ? "and" : "or", rules: rules as Rule[] };
  }

  /** A fact condition: `{ fact, operator, value, path? }`. */
  comparison(node: Readonly<Record<string, unknown>>, site: Site): Leaf | undefined {
    const operatorPath = pathLink(site.path, "operator");
    const valuePath = pathLink(site.path, "value");
    if (Object.hasOwn(node, "params")) {
      return this.issue("unsupported_logic", pathLink(site.path, "params"), `"params" go to a fact computed by the engine; segmentkit reads profile fields`);
    }
    const field = this.fieldOf(node, site);
    const operator = node["operator"];
    if (!Object.hasOwn(node, "operator") || typeof operator !== "string") {
      return this.issue("invalid_type", operatorPath, `a fact condition needs an "operator" string, got ${Object.hasOwn(node, "operator") ? jsonType(operator) : "none"}`);
    }
    if (!Object.hasOwn(operators, operator)) {
      if (operator.includes(":")) {
        return this.issue("unsupported_logic", operatorPath, `the operator decorator "${operator.slice(0, 40)}" has no exact segmentkit equivalent`);
      }
      return this.issue("unknown_op", operatorPath, `unknown json-rules-engine operator "${operator.slice(0, 40)}"`);
    }
    if (!Object.hasOwn(node, "value")) return this.issue("invalid_type", valuePath, `a fact condition needs a "value"`);
    const value = node["value"];
    const { op, whenNull, because } = operators[operator as OperatorName];
    if (isRecord(value) && Object.hasOwn(value, "fact")) return this.issue("unsupported_logic", valuePath, "comparing two facts has no segmentkit equivalent");
    switch (op) {
      case "in":
      case "notIn": {
        const values = this.list(operator, value, valuePath);
        if (field === undefined || values === undefined) return undefined;
        // `notIn []` is true for every profile in json-rules-engine and TRUE only for a present field here.
        return { field, rule: { op, field, values }, whenNull: values.length === 0 && op === "in" ? undefined : whenNull, because };
      }
      case "lt":
      case "lte":
      case "gt":
      case "gte": {
        if (typeof value !== "number") {
          return this.issue("unsupported_logic", valuePath, `"${operator}" is read with a number (json-rules-engine compares only facts that read as numbers), got ${jsonType(value)}`);
        }
        const literal = this.literal(value, valuePath);
        if (field === undefined || literal === undefined) return undefined;
        return { field, rule: { op, field, value: literal }, whenNull, because };
      }
      case "hasAny":
      case "hasNone": {
        const literal = this.literal(value, valuePath);
        if (field === undefined || literal === undefined) return undefined;
        return { field, rule: { op, field, values: [literal] }, whenNull, because };
      }
      default: {
        const literal = this.literal(value, valuePath);
        if (field === undefined || literal === undefined) return undefined;
        return { field, rule: { op, field, value: literal }, whenNull, because };
      }
    }
  }

  /** The field that `fact` and `path` name: `{ fact: "behavior", path: "$.totalSpend" }` is `behavior.totalSpend`. */
  fieldOf(node: Readonly<Record<string, unknown>>, site: Site): string | undefined {
    const factPath = pathLink(site.path, "fact");
    const fact = node["fact"];
    if (typeof fact !== "string") return this.issue("invalid_type", factPath, `"fact" names a fact with a string, got ${jsonType(fact)}`);
    if (fact.includes(".")) {
      return this.issue("unsupported_logic", factPath, `the fact name "${fact.slice(0, 40)}" holds a dot, which segmentkit reads as a nested field: name the fact "${fact.slice(0, fact.indexOf("."))}" and give the rest as "path"`);
    }
    const factProblem = pathProblem(fact);
    if (factProblem !== undefined) return this.issue(factProblem.code, factPath, factProblem.message);
    if (fact.length > this.limits.maxStringLength) {
      return this.issue("string_too_long", factPath, `the fact name is ${fact.length} characters long, more than the limit of ${this.limits.maxStringLength}`);
    }
    if (!Object.hasOwn(node, "path")) return fact;
    const jsonPath = node["path"];
    const pathPath = pathLink(site.path, "path");
    if (typeof jsonPath !== "string") return this.issue("invalid_type", pathPath, `"path" is a JSONPath string, got ${jsonType(jsonPath)}`);
    if (!dottedPath.test(jsonPath)) {
      return this.issue("unsupported_logic", pathPath, `the JSONPath "${jsonPath.slice(0, 40)}" is read only as $.key.key (no brackets, wildcards, filters or indexes)`);
    }
    const keys = jsonPath.split(".").slice(1);
    if (keys.includes("$")) {
      return this.issue("unsupported_logic", pathPath, `json-rules-engine's JSONPath reads a "$" key as the root again; the rule reads a field named "$"`);
    }
    if (keys.includes("length")) {
      return this.issue("unsupported_logic", pathPath, `json-rules-engine's JSONPath also reads "length" from arrays and texts; the rule reads object fields only`);
    }
    const field = [fact, ...keys].join(".");
    if (field.length > this.limits.maxStringLength) {
      return this.issue("string_too_long", pathPath, `the field path is ${field.length} characters long, more than the limit of ${this.limits.maxStringLength}`);
    }
    const problem = pathProblem(field);
    if (problem !== undefined) return this.issue(problem.code, pathPath, problem.message);
    return field;
  }

  /** A literal value: a string, a finite number or a boolean. */
  literal(value: unknown, path: Path): RuleScalar | undefined {
    return this.scalar(value, path, () =>
      value === null
        ? this.issue("unsupported_logic", path, "json-rules-engine tells a null fact from a missing one here, segmentkit does not: write the presence test with exists / missing instead")
        : this.issue("invalid_value", path, `a json-rules-engine value here is a string, a number or a boolean, got ${jsonType(value)}`),
    );
  }

  /** The list of `in` / `notIn`: literals of one type. */
  list(operator: string, value: unknown, path: Path): RuleScalar[] | undefined {
    if (!Array.isArray(value)) {
      return this.issue("unsupported_logic", path, `"${operator}" is read with a list of values, got ${jsonType(value)} (json-rules-engine would search a text for a part of it)`);
    }
    const items = this.listItems(value, path);
    if (items === undefined) return undefined;
    const values: RuleScalar[] = [];
    for (const [index, item] of items.entries()) {
      const literal = this.literal(item, pathLink(path, index));
      if (literal !== undefined) values.push(literal);
    }
    return values.length < items.length ? undefined : this.oneType(values, path);
  }
}

function run(document: unknown, options: ParseJsonRulesEngineOptions | undefined): SafeParseJsonRulesEngineResult {
  const importer = new Importer(options);
  try {
    return importer.finish(importer.root(document));
  } catch (error) {
    return importer.unreadable(error);
  }
}

/**
 * Translates the conditions of a json-rules-engine rule into a segmentkit rule, and reports every
 * place where the two can select different profiles.
 *
 * @remarks Takes the conditions (`{ all: [...] }`, `{ any: [...] }`, `{ not: {...} }`) or a whole
 * rule (`{ conditions, event, ... }`; only `conditions` is read). Translated: `all` (as `and`; empty,
 * `always`), `any` (as `or`; empty, `always`, as json-rules-engine has it), `not`, and fact conditions
 * with the built-in operators: `equal` / `notEqual` (`eq` / `ne`), `in` / `notIn` with a list,
 * `contains` / `doesNotContain` (`hasAny` / `hasNone` of the one value), and `lessThan`,
 * `lessThanInclusive`, `greaterThan`, `greaterThanInclusive` with a number. A fact is read as the
 * profile's field of that name (the profile is what `engine.run` is given), and `path: "$.a.b"`
 * steps into it (`fact: "behavior", path: "$.totalSpend"` is `behavior.totalSpend`). A condition
 * reference (`{ condition: "isVip" }`) is translated in place from `options.conditions`, the shared
 * conditions given to `engine.setCondition` (a reference counts as one level of nesting; an unknown
 * name or a cycle is an `invalid_value` issue). `name` and `priority` change no result and are
 * ignored. `params`, a `value` that is a
 * fact, operator decorators (`everyFact:...`), other JSONPaths (and a `$` key, which jsonpath-plus
 * reads as the root), dotted fact names and `null` values
 * (json-rules-engine tells a null fact from a missing one there) are `unsupported_logic` issues;
 * custom operators are `unknown_op`: never a rule that means something else.
 *
 * Exactness: on profiles whose fields hold the literal's type (numbers where a condition compares
 * with numbers, arrays of the value's type for `contains`), null, or nothing, read through objects
 * (json-rules-engine compares a fact itself when a `path` steps into a fact that is not an object),
 * the rule with `nulls: "json-rules-engine"` selects exactly the profiles that json-rules-engine 7.3
 * (with `allowUndefinedFacts: true`) selects; with `nulls: "sql"` (the default) it selects the same
 * profiles wherever no `null_selected` warning is reported, and the SQL audience where one is.
 * json-rules-engine is two-valued: `notEqual` and `notIn` select a missing fact, and `not` turns any
 * operator's false on a missing fact into true. A `null_selected` condition is judged with the other
 * conditions of its `all`, or of a negated `any`, also under `not` there (`x notEqual 5` next to
 * `x greaterThan 0` is not one, nor `not (x equal 5)`); in other combinations a warning can mark a condition whose nulls no profile would in the
 * end be selected for. Without
 * `allowUndefinedFacts` json-rules-engine throws on a missing top-level fact. The walk is recursive
 * but bounded by `maxDepth` (at most 1,000), so a 100,000-deep document gives a `too_deep` issue,
 * never a stack overflow. Keys are read as own keys only. O(n) for n nodes.
 * @param conditions - the untrusted conditions or rule, typically from `JSON.parse`.
 * @param options - limits (as {@link parseRule}, applied to the conditions), `nulls`, the shared
 *   `conditions` and the profile `schema` that every condition is checked against as by
 *   `checkRule`; see {@link ParseJsonRulesEngineOptions}.
 * @returns The rule and the warnings, each with a `path` into the conditions.
 * @throws `RuleError` `"parseJsonRulesEngine found <n> issue(s): <first message> at <path>"`, with
 *   every issue (codes as in `parseRule` and `checkRule`, plus `unsupported_logic`) and its path into the conditions.
 * @throws `TypeError` `"parseJsonRulesEngine requires nulls to be \"sql\" or \"json-rules-engine\""`,
 *   `"parseJsonRulesEngine requires schema to be a zod schema"`, and for `options` of the wrong type;
 *   `RangeError` for an invalid limit.
 * @example
 * const conditions = { all: [
 *   { fact: "plan", operator: "in", value: ["pro", "enterprise"] },
 *   { fact: "country", operator: "notEqual", value: "US" },
 *   { not: { fact: "tags", operator: "contains", value: "churn-risk" } },
 * ] };
 * const { rule, warnings } = parseJsonRulesEngine(conditions);
 * rule //=> { op: "and", rules: [{ op: "in", field: "plan", values: ["pro", "enterprise"] }, { op: "ne", field: "country", value: "US" }, { op: "not", rule: { op: "hasAny", field: "tags", values: ["churn-risk"] } }] }
 * warnings.map((warning) => [warning.field, warning.path]) //=> [["country", ["all", 1]], ["tags", ["all", 2, "not"]]]
 * parseJsonRulesEngine({ any: [{ fact: "country", operator: "notEqual", value: "US" }] }, { nulls: "json-rules-engine" }).rule //=> { op: "or", rules: [{ op: "or", rules: [{ op: "missing", field: "country" }, { op: "ne", field: "country", value: "US" }] }] }
 * @category Rules
 */
export function parseJsonRulesEngine(conditions: unknown, options?: ParseJsonRulesEngineOptions): JsonRulesEngineImport {
  const result = run(conditions, options);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Like {@link parseJsonRulesEngine}, but returns `{ success: true, data: { rule, warnings } }` or
 * `{ success: false, error }` instead of throwing on conditions it cannot translate.
 *
 * @remarks Same translation, checks and cost as {@link parseJsonRulesEngine}.
 * @param conditions - the untrusted conditions or rule.
 * @param options - see {@link ParseJsonRulesEngineOptions}.
 * @returns The import, or a {@link RuleError} whose `issues` point into the conditions.
 * @throws `TypeError` / `RangeError` when an option itself is invalid (a programming error, not bad input).
 * @example
 * const result = safeParseJsonRulesEngine({ all: [{ fact: "spendPerOrder", operator: "greaterThanInclusive", value: 150, params: { window: 90 } }] });
 * result.success ? [] : result.error.issues.map((issue) => [issue.code, issue.path]) //=> [["unsupported_logic", ["all", 0, "params"]]]
 * @category Rules
 */
export function safeParseJsonRulesEngine(conditions: unknown, options?: ParseJsonRulesEngineOptions): SafeParseJsonRulesEngineResult {
  return run(conditions, options);
}
