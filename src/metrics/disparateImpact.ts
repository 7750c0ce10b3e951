import { assertArray, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { normalSf } from "./_lib/normal.js";
import { fisherExactTest, fisherMaxMembers } from "./fisherExactTest.js";

/** One group of the protected attribute: how many of its members the segment includes. @category Metrics */
export interface DisparateImpactGroup {
  readonly group: string;
  /** Members of the group included in the segment (selected, targeted, offered). */
  readonly included: number;
  /** Members of the group in the eligible pool. */
  readonly total: number;
}

/** Options of {@link disparateImpact}. @category Metrics */
export interface DisparateImpactOptions {
  /** Impact ratio below which a group is flagged; default 0.8 (the four-fifths rule). */
  readonly threshold?: number;
  /** Significance level of the paired z test; default 0.05. */
  readonly alpha?: number;
}

/** Per-group row of {@link disparateImpact}. @category Metrics */
export interface DisparateImpactRow {
  readonly group: string;
  readonly included: number;
  readonly total: number;
  /** included / total. */
  readonly rate: number;
  /** rate / highest rate. */
  readonly impactRatio: number;
  /** impactRatio < threshold. */
  readonly flagged: boolean;
  /** Pooled two-sided two-proportion z test against the reference group (NaN for the reference itself or zero variance). */
  readonly z: number;
  readonly pValue: number;
  /** Two-sided Fisher exact p-value against the reference group (NaN for the reference itself, and when the two groups have more than 1e11 members: the z test decides there). */
  readonly fisherPValue: number;
  /** Fewer than five included or five excluded members in the group or the reference: the exact test decides. */
  readonly smallSample: boolean;
  /** flagged and the shortfall is unlikely to be chance: p < alpha, from the Fisher test for small samples and the z test otherwise. */
  readonly significant: boolean;
}

/** Result of {@link disparateImpact}. @category Metrics */
export interface DisparateImpactResult {
  readonly groups: DisparateImpactRow[];
  /** The group with the highest inclusion rate. */
  readonly referenceGroup: string | null;
  /** Groups with total 0, excluded and reported. */
  readonly excludedGroups: string[];
  /** Any group flagged by the four-fifths rule. */
  readonly adverseImpact: boolean;
  readonly threshold: number;
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Disparate impact of segment inclusion across the groups of a protected attribute (the four-fifths
 * rule), each shortfall paired with a significance test.
 *
 * @remarks
 * r_g = included_g/total_g, impact ratio r_g / max_h r_h, flagged below 0.8 (29 CFR 1607.4(D),
 * https://www.ecfr.gov/current/title-29/section-1607.4). Each group is compared with the reference
 * (highest-rate) group by a pooled two-proportion z test and by Fisher's exact test; when either group has
 * fewer than five included or excluded members (`smallSample`) the exact test decides `significant`
 * (UGESP applies the rule to groups above 2 % of the pool). Groups with total 0 are
 * excluded and listed; when every rate is 0 the ratios are undefined (`defined: false`; every group is
 * still listed, with rate 0, NaN ratios and tests, and not flagged). O(Σ min(group, reference size)) for
 * the exact tests.
 *
 * @param groups - one entry per group, `included ≤ total`, unique names.
 * @param options - `threshold` (0.8), `alpha` (0.05).
 * @returns `{ groups, referenceGroup, excludedGroups, adverseImpact, threshold, defined }`.
 * @throws RangeError `disparateImpact requires included not to exceed total`,
 *   `disparateImpact requires non-negative finite counts`, `disparateImpact requires integer counts`, `disparateImpact requires unique group names`,
 *   `disparateImpact requires threshold between zero and one`, `disparateImpact requires alpha between zero and one`.
 * @throws TypeError `disparateImpact requires groups to be an array`, `disparateImpact requires options to be an object`,
 *   `disparateImpact requires every group to be an object`.
 * @example
 * const result = disparateImpact([
 *   { group: "women", included: 60, total: 200 },
 *   { group: "men", included: 100, total: 200 },
 * ]);
 * result.groups[0]?.impactRatio //=> 0.6
 * result.adverseImpact //=> true
 * result.groups[0]?.significant //=> true
 * @category Metrics
 */
export function disparateImpact(groups: ReadonlyArray<DisparateImpactGroup>, options: DisparateImpactOptions = {}): DisparateImpactResult {
  assertArray("disparateImpact", "groups", groups);
  assertOptions("disparateImpact", options, { alpha: true, threshold: true } satisfies OptionKeys<DisparateImpactOptions>);
  const threshold = options.threshold ?? 0.8;
  const alpha = options.alpha ?? 0.05;
  if (typeof threshold !== "number" || !(threshold > 0 && threshold < 1)) throw new RangeError("disparateImpact requires threshold between zero and one");
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw new RangeError("disparateImpact requires alpha between zero and one");
  const seen = new Set<string>();
  const kept: DisparateImpactGroup[] = [];
  const excludedGroups: string[] = [];
  for (const entry of groups) {
    assertRecord("disparateImpact", "every group", entry);
    const { group, included, total } = entry;
    if (seen.has(group)) throw new RangeError("disparateImpact requires unique group names");
    seen.add(group);
    if (typeof included !== "number" || typeof total !== "number" || !Number.isFinite(included) || !Number.isFinite(total) || included < 0 || total < 0) {
      throw new RangeError("disparateImpact requires non-negative finite counts");
    }
    // The Fisher exact test behind small samples is defined on whole members only.
    if (!Number.isInteger(included) || !Number.isInteger(total)) throw new RangeError("disparateImpact requires integer counts");
    if (included > total) throw new RangeError("disparateImpact requires included not to exceed total");
    if (total === 0) excludedGroups.push(group);
    else kept.push(entry);
  }
  let reference: DisparateImpactGroup | undefined;
  for (const entry of kept) if (reference === undefined || entry.included / entry.total > reference.included / reference.total) reference = entry;
  if (reference === undefined || reference.included === 0) {
    // Nobody included: every rate is 0 and no ratio is defined, but every group is still reported.
    const nan = Number.NaN;
    const undefinedRows = kept.map((entry): DisparateImpactRow => ({
      group: entry.group, included: entry.included, total: entry.total, rate: 0, impactRatio: nan, flagged: false,
      z: nan, pValue: nan, fisherPValue: nan, smallSample: true, significant: false,
    }));
    return { groups: undefinedRows, referenceGroup: null, excludedGroups, adverseImpact: false, threshold, defined: false, reason: reference === undefined ? "no group has members" : "no group has anyone included" };
  }
  const referenceRate = reference.included / reference.total;
  const rows: DisparateImpactRow[] = kept.map((entry) => {
    const rate = entry.included / entry.total;
    // One division of the cross products, correctly rounded: 12/20 against 15/20 is 0.8 exactly, where
    // a ratio of the two rounded rates gave 0.7999999999999999 and flagged a group at four-fifths.
    const impactRatio = (entry.included * reference.total) / (entry.total * reference.included);
    const flagged = impactRatio < threshold;
    let z = Number.NaN;
    let pValue = Number.NaN;
    if (entry !== reference) {
      const ref = reference as DisparateImpactGroup;
      const pooled = (entry.included + ref.included) / (entry.total + ref.total);
      const variance = pooled * (1 - pooled) * (1 / entry.total + 1 / ref.total);
      if (variance > 0) {
        z = (rate - referenceRate) / Math.sqrt(variance);
        pValue = 2 * normalSf(Math.abs(z));
      }
    }
    const ref = reference as DisparateImpactGroup;
    const smallSample = [entry, ref].some((candidate) => candidate.included < 5 || candidate.total - candidate.included < 5);
    const fisherPValue =
      entry === reference || entry.total + ref.total > fisherMaxMembers
        ? Number.NaN
        : fisherExactTest([
            [entry.included, entry.total - entry.included],
            [ref.included, ref.total - ref.included],
          ]).pValue;
    // Above the members Fisher's test takes (its p-value NaN), the z test decides, as documented.
    const decisive = smallSample && !Number.isNaN(fisherPValue) ? fisherPValue : pValue;
    return { group: entry.group, included: entry.included, total: entry.total, rate, impactRatio, flagged, z, pValue, fisherPValue, smallSample, significant: flagged && decisive < alpha };
  });
  return { groups: rows, referenceGroup: reference.group, excludedGroups, adverseImpact: rows.some((row) => row.flagged), threshold, defined: true };
}
