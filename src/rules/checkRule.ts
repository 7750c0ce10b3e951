import type { Rule, RuleScalar } from "./ast.js";
import type { RuleIssue, RuleIssueCode } from "./RuleError.js";
import { pathKeys, pathLink } from "../_lib/pathLinks.js";
import type { PathLink } from "../_lib/pathLinks.js";
import { expansionIssue, unknownOpError } from "./_lib/context.js";
import { evaluators, ownHandler } from "./_lib/interpreter.js";
import { definition, fieldType, fieldTypeAt, terminals } from "./_lib/profileSchema.js";
import type { Kind, ZodSchemaLike } from "./_lib/profileSchema.js";

export type { ZodSchemaLike } from "./_lib/profileSchema.js";

function scalarKind(value: RuleScalar): Kind {
  return typeof value === "string" ? "string" : typeof value === "number" ? "number" : "boolean";
}

function describeKinds(kinds: ReadonlySet<Kind>): string {
  // No kind at all: a field that holds only null (z.null()).
  return kinds.size === 0 ? "always null or missing" : [...kinds].join(" or ");
}

/**
 * Checks a parsed rule against a zod 4 profile schema: unknown fields, operators that do not fit the
 * field's type, and values of the wrong type.
 *
 * @remarks Reads the schema's `_zod.def` (classic zod and `zod/mini` alike), unwrapping optional,
 * nullable, default, readonly, catch, lazy and pipe, and following every member of a union. A
 * `transform` output has no visible type: inside a union with typed members it is ignored, alone it
 * accepts every op; a union with a member of any other type zod 4 has but this function does not
 * read (`unknown`, `any`, `custom`, `bigint`, tuples, intersections) accepts every op too. `record`
 * values, the keys a loose object or a `catchall` admits, and `unknown`/`any` fields accept any key
 * below them. Recursive schemas are followed member by member, each distinct member once; a field
 * with more than 256 distinct members, or wrapped more than 64 levels deep, accepts every op. Rules:
 * `eq`/`ne`/`in`/`notIn` need a string, number or boolean field (dates are compared with
 * `withinLast`/`before`/`after` only); `lt`/`lte`/`gt`/`gte`/`between` a number or string field;
 * text ops a string field; `hasAny`/`hasAll`/`hasNone` an array field; time ops a date field.
 * Literals must have the field's type and, for enums and literals, be one of its values. `event`
 * `where` rules (over event properties) and `inSegment` are not checked. O(size of the rule × path
 * length × members of the field's union).
 * @param rule - a parsed rule.
 * @param profileSchema - a zod 4 object schema of the profile (e.g. `CustomerProfile` from `segmentkit/schema`).
 * @returns The issues (`unknown_field`, `operator_type_mismatch`, `value_type_mismatch`) with paths into the rule; empty when the rule fits.
 * A rule nested more than 1,000 levels deep or larger than 100,000 nodes (only a rule that skipped
 * `parseRule` can be) gives a single `too_deep` or `too_many_nodes` issue, and a malformed node (not
 * an object, no `op`, a `field` that is not a string) a single `invalid_type` issue.
 * @throws `TypeError` `checkRule requires a valid rule: unknown op "<op>" (check untrusted rules with parseRule)`.
 * @example
 * const schema = { _zod: { def: { type: "object", shape: { age: { _zod: { def: { type: "number" } } } } } } };
 * checkRule(gte("age", 30), schema) //=> []
 * checkRule(gte("age", "30"), schema).map((issue) => issue.code) //=> ["value_type_mismatch"]
 * checkRule(eq("agee", 30), schema)[0]?.message //=> "unknown field \"agee\""
 * @category Rules
 */
export function checkRule(rule: Rule, profileSchema: ZodSchemaLike): ReadonlyArray<RuleIssue> {
  // Literals of the wrong type are value issues here, reported one by one below.
  const oversized = expansionIssue("checkRule", rule, undefined, false);
  if (oversized !== undefined) return [oversized];
  const issues: RuleIssue[] = [];
  // `inWhere`: a node of an event's `where` rule, over event properties: its op is checked, its fields are not.
  const stack: Array<{ node: Rule; link: PathLink | undefined; inWhere: boolean }> = [{ node: rule, link: undefined, inWhere: false }];
  const issue = (code: RuleIssueCode, path: ReadonlyArray<string | number>, message: string): void => {
    issues.push({ code, path, message });
  };
  const visits: Array<{ node: Rule; link: PathLink | undefined }> = [];
  while (stack.length > 0) {
    const item = stack.pop() as { node: Rule; link: PathLink | undefined; inWhere: boolean };
    const { node, link, inWhere } = item;
    ownHandler(evaluators, node, "checkRule");
    if (!inWhere) visits.push(item);
    if (node.op === "and" || node.op === "or") {
      const rules = pathLink(link, "rules");
      for (let index = node.rules.length - 1; index >= 0; index -= 1) stack.push({ node: node.rules[index] as Rule, link: pathLink(rules, index), inWhere });
    } else if (node.op === "not") stack.push({ node: node.rule, link: pathLink(link, "rule"), inWhere });
    else if (node.op === "event" && node.where !== undefined) stack.push({ node: node.where, link: pathLink(link, "where"), inWhere: true });
  }
  for (const { node, link } of visits) {
    if (!("field" in node)) continue;
    const type = fieldTypeAt(profileSchema, node.field);
    if (type === undefined) {
      issue("unknown_field", pathKeys(link, "field"), `unknown field ${JSON.stringify(node.field)}`);
      continue;
    }
    if (type.kinds.has("unknown")) continue;
    // Dates are compared with the time ops only: say so where an op that compares values meets one.
    const dateHint = type.kinds.has("date") ? ": compare dates with withinLast, before or after" : "";
    const mismatch = (expected: string, hint = ""): void =>
      issue("operator_type_mismatch", pathKeys(link, "op"), `op "${node.op}" needs ${expected} field, but ${JSON.stringify(node.field)} is ${describeKinds(type.kinds)}${hint}`);
    const checkValue = (value: RuleScalar, tail: ReadonlyArray<string | number>, kinds: ReadonlySet<Kind>, literals: ReadonlyArray<unknown> | undefined): void => {
      const kind = scalarKind(value);
      if (!kinds.has(kind)) issue("value_type_mismatch", pathKeys(link, ...tail), `${JSON.stringify(node.field)} is ${describeKinds(kinds)}, got the ${kind} ${JSON.stringify(value)}`);
      else if (literals !== undefined && !literals.includes(value)) issue("value_type_mismatch", pathKeys(link, ...tail), `${JSON.stringify(value)} is not one of the values of ${JSON.stringify(node.field)}: ${literals.map((literal) => JSON.stringify(literal)).join(", ")}`);
    };
    const scalarKinds = new Set([...type.kinds].filter((kind) => kind === "string" || kind === "number" || kind === "boolean"));
    switch (node.op) {
      case "eq":
      case "ne":
        if (scalarKinds.size === 0) mismatch("a string, number or boolean", dateHint);
        else checkValue(node.value, ["value"], scalarKinds, type.literals);
        break;
      case "in":
      case "notIn":
        if (scalarKinds.size === 0) mismatch("a string, number or boolean");
        else node.values.forEach((value, index) => checkValue(value, ["values", index], scalarKinds, type.literals));
        break;
      case "lt":
      case "lte":
      case "gt":
      case "gte":
      case "between": {
        const ordered = new Set([...scalarKinds].filter((kind) => kind !== "boolean"));
        if (ordered.size === 0) mismatch("a number or string", dateHint);
        else if (node.op === "between") {
          checkValue(node.min, ["min"], ordered, undefined);
          checkValue(node.max, ["max"], ordered, undefined);
        } else checkValue(node.value, ["value"], ordered, undefined);
        break;
      }
      case "contains":
      case "startsWith":
      case "endsWith":
        if (!type.kinds.has("string")) mismatch("a string");
        break;
      case "hasAny":
      case "hasAll":
      case "hasNone": {
        if (!type.kinds.has("array")) {
          mismatch("an array");
          break;
        }
        const elements = type.schemas.flatMap((schema) => {
          const element = definition(schema).element;
          return element === undefined ? [] : terminals(element);
        });
        const elementType = fieldType(elements);
        if (elementType.kinds.has("unknown") || elements.length === 0) break;
        node.values.forEach((value, index) => checkValue(value, ["values", index], elementType.kinds, elementType.literals));
        break;
      }
      case "withinLast":
      case "before":
      case "after":
        if (!type.kinds.has("date")) mismatch("a date");
        break;
      case "exists":
      case "missing":
        break;
      default: {
        // A new op that reads a field is a type error here until it says what it needs.
        const unchecked: never = node;
        throw unknownOpError("checkRule", (unchecked as { op: unknown }).op);
      }
    }
  }
  return issues;
}
