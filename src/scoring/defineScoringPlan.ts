import { issueSummary } from "../_lib/issueSummary.js";
import { deepFreeze } from "../_lib/deepFreeze.js";
import { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";
import { safeParseRule } from "../rules/index.js";
import type { Rule, RuleLimits } from "../rules/index.js";
import { resolveRuleLimits } from "../rules/_lib/limits.js";
import { quotedKey, unknownKey } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";

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

const maxIdLength = 256;
const maxNameLength = 1_000;
const maxRules = 10_000;
const maxTiers = 1_000;

/** Plans made by {@link defineScoringPlan}: already valid (and frozen), so scoring skips re-checking them. */
const definedPlans = /* @__PURE__ */ new WeakSet<object>();
const planKeys = { id: true, name: true, rules: true, tiers: true } as const satisfies OptionKeys<ScoringPlanDefinition>;
const ruleKeys = { id: true, name: true, rule: true, points: true } as const satisfies OptionKeys<ScoringPlanDefinition["rules"][number]>;
const tierKeys = { name: true, min: true } as const satisfies OptionKeys<NonNullable<ScoringPlanDefinition["tiers"]>[number]>;

/**
 * Whether a value was returned by {@link defineScoringPlan}.
 * @internal
 */
export function isDefinedScoringPlan(value: unknown): value is ScoringPlan {
  return typeof value === "object" && value !== null && definedPlans.has(value);
}

/**
 * Validates a scoring plan (a lead score, an engagement score): every rule is parsed by the rule
 * engine, points and thresholds must be finite, ids, tier names and tier thresholds unique.
 *
 * @remarks The rules go through `parseRule` (with `limits`), so a bad rule never silently scores 0 or
 * everyone. Ids are 1 to 256 characters, names at most 1,000; at most 10,000 rules and 1,000 tiers.
 * The plan is frozen all the way down, rules included. O(total rule size).
 * @param definition - see {@link ScoringPlanDefinition}.
 * @param limits - the limits of `parseRule` for every rule (defaults as there).
 * @returns The frozen {@link ScoringPlan}; names default to ids.
 * @throws `SegmentationError` `defineScoringPlan found N issues` with codes `invalid_type`,
 * `invalid_rule` (path continues into the rule), `invalid_points`, `duplicate_id`, `invalid_tier`,
 * `too_many` (rules or tiers), `unrecognized_key` (a key the plan, a rule or a tier does not take, such as
 * `weight` beside `points`; the first of each).
 * @example
 * const plan = defineScoringPlan({
 *   id: "lead",
 *   rules: [{ id: "big", rule: { op: "gte", field: "spend", value: 100 }, points: 20 }],
 *   tiers: [{ name: "cold", min: 0 }, { name: "hot", min: 20 }],
 * });
 * plan.tiers.map((tier) => tier.name) //=> ["hot", "cold"]
 * @category Scoring plans
 */
export function defineScoringPlan(definition: ScoringPlanDefinition, limits?: RuleLimits): ScoringPlan {
  // Checked here so that the error names defineScoringPlan, not the parseRule it calls.
  resolveRuleLimits("defineScoringPlan", limits, "limits");
  const issues: Issue[] = [];
  const input = definition as unknown as Record<string, unknown>;
  const own = (record: unknown, key: string): unknown =>
    record !== null && typeof record === "object" && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
  if (input === null || typeof input !== "object") {
    const notObject = { code: "invalid_type", path: [], message: "a scoring plan must be an object" };
    throw new SegmentationError(issueSummary("defineScoringPlan", [notObject]), [notObject]);
  }
  // A key the plan does not take (`weight` beside `points`) would be dropped: the first of each object is an issue.
  const refuseUnknownKeys = (record: unknown, keys: Readonly<Record<string, true>>, path: ReadonlyArray<string | number>, what: string): void => {
    const key = record !== null && typeof record === "object" ? unknownKey(record, keys) : undefined;
    if (key === undefined) return;
    const taken = Object.keys(keys);
    issues.push({ code: "unrecognized_key", path: [...path, key], message: `${what} takes only ${taken.slice(0, -1).join(", ")} and ${taken[taken.length - 1] as string}, not the key ${quotedKey(key)}` });
  };
  refuseUnknownKeys(input, planKeys, [], "a scoring plan");
  const isId = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length <= maxIdLength;
  const isName = (value: unknown): boolean => value === undefined || (typeof value === "string" && value.length <= maxNameLength);
  const id = own(input, "id");
  if (!isId(id)) issues.push({ code: "invalid_type", path: ["id"], message: `id must be a string of 1 to ${maxIdLength} characters` });
  const name = own(input, "name");
  if (!isName(name)) issues.push({ code: "invalid_type", path: ["name"], message: `name must be a string of at most ${maxNameLength} characters` });
  const rulesInput = own(input, "rules");
  const rules: Array<{ id: string; name: string; rule: Rule; points: number }> = [];
  const ids = new Set<string>();
  if (!Array.isArray(rulesInput)) issues.push({ code: "invalid_type", path: ["rules"], message: "rules must be an array" });
  else if (rulesInput.length > maxRules) issues.push({ code: "too_many", path: ["rules"], message: `a plan has at most ${maxRules} rules, got ${rulesInput.length}` });
  else {
    rulesInput.forEach((entry: unknown, index) => {
      refuseUnknownKeys(entry, ruleKeys, ["rules", index], "a scoring rule");
      const entryId = own(entry, "id");
      const entryName = own(entry, "name");
      const points = own(entry, "points");
      if (!isId(entryId)) issues.push({ code: "invalid_type", path: ["rules", index, "id"], message: `id must be a string of 1 to ${maxIdLength} characters` });
      else if (ids.has(entryId)) issues.push({ code: "duplicate_id", path: ["rules", index, "id"], message: `duplicate rule id "${entryId}"` });
      else ids.add(entryId);
      if (!isName(entryName)) issues.push({ code: "invalid_type", path: ["rules", index, "name"], message: `name must be a string of at most ${maxNameLength} characters` });
      if (typeof points !== "number" || !Number.isFinite(points)) issues.push({ code: "invalid_points", path: ["rules", index, "points"], message: "points must be a finite number" });
      const parsed = safeParseRule(own(entry, "rule"), limits);
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
    else if (tiersInput.length > maxTiers) issues.push({ code: "too_many", path: ["tiers"], message: `a plan has at most ${maxTiers} tiers, got ${tiersInput.length}` });
    else {
      const names = new Set<string>();
      const thresholds = new Set<number>();
      tiersInput.forEach((tier: unknown, index) => {
        refuseUnknownKeys(tier, tierKeys, ["tiers", index], "a tier");
        const tierName = own(tier, "name");
        const min = own(tier, "min");
        if (!isId(tierName) || names.has(tierName) || typeof min !== "number" || !Number.isFinite(min)) {
          issues.push({ code: "invalid_tier", path: ["tiers", index], message: "a tier needs a unique name and a finite min" });
        } else if (thresholds.has(min === 0 ? 0 : min)) {
          issues.push({ code: "invalid_tier", path: ["tiers", index, "min"], message: `two tiers have the min ${min}: which one a score reaches would be arbitrary` });
        } else {
          names.add(tierName);
          thresholds.add(min === 0 ? 0 : min);
          tiers.push({ name: tierName, min });
        }
      });
    }
  }
  if (issues.length > 0) throw new SegmentationError(issueSummary("defineScoringPlan", issues), issues);
  tiers.sort((a, b) => b.min - a.min);
  const plan: ScoringPlan = { id: id as string, name: typeof name === "string" ? name : (id as string), rules, tiers };
  deepFreeze(plan);
  definedPlans.add(plan);
  return plan;
}
