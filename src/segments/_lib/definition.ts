import { deepFreeze } from "../../_lib/deepFreeze.js";
import { isDefinedSegment as isDefined, markDefinedSegment, segmentDefinitionKeys } from "../../_lib/definedSegments.js";
import type { Rule } from "../../rules/ast.js";
import { safeParseRule } from "../../rules/parseRule.js";
import type { RuleLimits } from "../../rules/parseRule.js";
import type { SegmentIssue } from "../SegmentError.js";

/** A validated, frozen segment: an id, a name and a parsed rule. */
export interface Segment {
  readonly id: string;
  readonly name: string;
  readonly rule: Rule;
  readonly description?: string;
  readonly priority: number;
}

const maxIdLength = 256;

/**
 * Whether a value was returned by {@link defineSegment}.
 * @internal
 */
export function isDefinedSegment(value: unknown): value is Segment {
  return isDefined(value);
}
const maxNameLength = 1_000;
const maxDescriptionLength = 10_000;
const definitionKeys: ReadonlySet<string> = new Set(segmentDefinitionKeys);
/** Unknown keys reported per definition, at most. */
const maxUnknownKeys = 20;

function ownValue(object: object, key: string): unknown {
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

/**
 * Checks a definition and collects its issues; `path` starts at `prefix`.
 * @internal
 */
export function checkSegmentDefinition(
  definition: unknown,
  prefix: ReadonlyArray<string | number>,
  limits: RuleLimits | undefined,
): { segment?: Segment; issues: SegmentIssue[] } {
  const issues: SegmentIssue[] = [];
  if (definition === null || typeof definition !== "object" || Array.isArray(definition)) {
    issues.push({ code: "invalid_definition", path: [...prefix], message: "a segment definition must be an object" });
    return { issues };
  }
  let unknownKeys = 0;
  for (const key of Object.keys(definition)) {
    if (definitionKeys.has(key)) continue;
    if (++unknownKeys > maxUnknownKeys) break;
    issues.push({
      code: "invalid_definition",
      path: [...prefix, key],
      message: `a segment definition takes only id, name, rule, description and priority, not the key ${JSON.stringify(key.slice(0, 100))}`,
    });
  }
  const id = ownValue(definition, "id");
  const name = ownValue(definition, "name");
  const description = ownValue(definition, "description");
  const priority = ownValue(definition, "priority");
  if (typeof id !== "string" || id.length === 0 || id.length > maxIdLength) {
    issues.push({ code: "invalid_definition", path: [...prefix, "id"], message: `id must be a string of 1 to ${maxIdLength} characters` });
  }
  if (typeof name !== "string" || name.length === 0 || name.length > maxNameLength) {
    issues.push({ code: "invalid_definition", path: [...prefix, "name"], message: `name must be a string of 1 to ${maxNameLength} characters` });
  }
  if (description !== undefined && (typeof description !== "string" || description.length > maxDescriptionLength)) {
    issues.push({
      code: "invalid_definition",
      path: [...prefix, "description"],
      message: `description must be a string of at most ${maxDescriptionLength} characters`,
    });
  }
  if (priority !== undefined && (typeof priority !== "number" || !Number.isFinite(priority))) {
    issues.push({ code: "invalid_definition", path: [...prefix, "priority"], message: "priority must be a finite number" });
  }
  if (!Object.hasOwn(definition, "rule")) {
    issues.push({ code: "invalid_definition", path: [...prefix, "rule"], message: "rule is required" });
  }
  const parsed = safeParseRule(ownValue(definition, "rule"), limits);
  if (!parsed.success && Object.hasOwn(definition, "rule")) {
    for (const issue of parsed.error.issues) {
      issues.push({ code: "invalid_rule", path: [...prefix, "rule", ...issue.path], message: `${issue.message} (${issue.code})`, ruleCode: issue.code });
    }
  }
  if (issues.length > 0 || !parsed.success) return { issues };
  const segment: { -readonly [K in keyof Segment]: Segment[K] } = {
    id: id as string,
    name: name as string,
    rule: parsed.data,
    priority: (priority as number | undefined) ?? 0,
  };
  if (description !== undefined) segment.description = description as string;
  deepFreeze(segment);
  markDefinedSegment(segment);
  return { segment, issues };
}

