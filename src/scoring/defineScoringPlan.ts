import { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";
import { safeParseRule } from "../rules/index.js";
import type { Rule } from "../rules/index.js";

/**
 * A scoring plan as written (untrusted JSON is welcome): rules with points, and optional tiers.
 * @category Scoring plans
 */
export interface ScoringPlanDefinition {
  readonly id: string;
  readonly name?: string;
  /** Each rule adds its `points` (negative allowed) when it is TRUE for the profile. */
  readonly rules: ReadonlyArray<{ readonly id: string; readonly name?: string; readonly rule: unknown; readonly points: number }>;
  /** Tiers by threshold: a profile gets the tier with the largest `min` not above its score. */
  readonly tiers?: ReadonlyArray<{ readonly name: string; readonly min: number }>;
}

/**
 * A validated, frozen scoring plan.
 * @category Scoring plans
 */
export interface ScoringPlan {
  readonly id: string;
  readonly name: string;
  readonly rules: ReadonlyArray<{ readonly id: string; readonly name: string; readonly rule: Rule; readonly points: number }>;
  /** Sorted by decreasing `min`. */
  readonly tiers: ReadonlyArray<{ readonly name: string; readonly min: number }>;
}

/**
 * Validates a scoring plan (a lead score, an engagement score): every rule is parsed by the rule
 * engine, points and thresholds must be finite, ids and tier names unique.
 *
 * @remarks The rules go through `parseRule` (limits and shapes), so a bad rule never silently scores
 * 0 or everyone. O(total rule size).
 * @param definition - see {@link ScoringPlanDefinition}.
 * @returns The frozen {@link ScoringPlan}; names default to ids.
 * @throws `SegmentationError` `defineScoringPlan found N issues` with codes `invalid_type`,
 * `invalid_rule` (path continues into the rule), `invalid_points`, `duplicate_id`, `invalid_tier`.
 * @example
 * const plan = defineScoringPlan({
 *   id: "lead",
 *   rules: [{ id: "big", rule: { op: "gte", field: "spend", value: 100 }, points: 20 }],
 *   tiers: [{ name: "cold", min: 0 }, { name: "hot", min: 20 }],
 * });
 * plan.tiers.map((tier) => tier.name) //=> ["hot", "cold"]
 * @category Scoring plans
 */
export function defineScoringPlan(definition: ScoringPlanDefinition): ScoringPlan {
  const issues: Issue[] = [];
  const input = definition as unknown as Record<string, unknown>;
  const own = (record: unknown, key: string): unknown =>
    record !== null && typeof record === "object" && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
  if (input === null || typeof input !== "object") {
    throw new SegmentationError("defineScoringPlan found 1 issue", [{ code: "invalid_type", path: [], message: "a scoring plan must be an object" }]);
  }
  const id = own(input, "id");
  if (typeof id !== "string" || id.length === 0) issues.push({ code: "invalid_type", path: ["id"], message: "id must be a non-empty string" });
  const name = own(input, "name");
  if (name !== undefined && typeof name !== "string") issues.push({ code: "invalid_type", path: ["name"], message: "name must be a string" });
  const rulesInput = own(input, "rules");
  const rules: Array<{ id: string; name: string; rule: Rule; points: number }> = [];
  const ids = new Set<string>();
  if (!Array.isArray(rulesInput)) issues.push({ code: "invalid_type", path: ["rules"], message: "rules must be an array" });
  else {
    rulesInput.forEach((entry: unknown, index) => {
      const entryId = own(entry, "id");
      const entryName = own(entry, "name");
      const points = own(entry, "points");
      if (typeof entryId !== "string" || entryId.length === 0) issues.push({ code: "invalid_type", path: ["rules", index, "id"], message: "id must be a non-empty string" });
      else if (ids.has(entryId)) issues.push({ code: "duplicate_id", path: ["rules", index, "id"], message: `duplicate rule id "${entryId}"` });
      else ids.add(entryId);
      if (entryName !== undefined && typeof entryName !== "string") issues.push({ code: "invalid_type", path: ["rules", index, "name"], message: "name must be a string" });
      if (typeof points !== "number" || !Number.isFinite(points)) issues.push({ code: "invalid_points", path: ["rules", index, "points"], message: "points must be a finite number" });
      const parsed = safeParseRule(own(entry, "rule"));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) issues.push({ code: "invalid_rule", path: ["rules", index, "rule", ...issue.path], message: issue.message });
      } else if (typeof entryId === "string" && typeof points === "number") {
        rules.push({ id: entryId, name: typeof entryName === "string" ? entryName : entryId, rule: parsed.data, points });
      }
    });
  }
  const tiersInput = own(input, "tiers");
  const tiers: Array<{ name: string; min: number }> = [];
  if (tiersInput !== undefined) {
    if (!Array.isArray(tiersInput)) issues.push({ code: "invalid_tier", path: ["tiers"], message: "tiers must be an array" });
    else {
      const names = new Set<string>();
      tiersInput.forEach((tier: unknown, index) => {
        const tierName = own(tier, "name");
        const min = own(tier, "min");
        if (typeof tierName !== "string" || names.has(tierName) || typeof min !== "number" || !Number.isFinite(min)) {
          issues.push({ code: "invalid_tier", path: ["tiers", index], message: "a tier needs a unique name and a finite min" });
        } else {
          names.add(tierName);
          tiers.push({ name: tierName, min });
        }
      });
    }
  }
  if (issues.length > 0) throw new SegmentationError(`defineScoringPlan found ${issues.length} issue${issues.length === 1 ? "" : "s"}`, issues);
  tiers.sort((a, b) => b.min - a.min);
  return Object.freeze({
    id: id as string,
    name: typeof name === "string" ? name : (id as string),
    rules: Object.freeze(rules.map((rule) => Object.freeze(rule))),
    tiers: Object.freeze(tiers.map((tier) => Object.freeze(tier))),
  });
}
