/**
 * `ruleBreakdown` against its definition: every node's counts are `evaluate` of that node alone on
 * every profile, and every "without" count is `evaluate` of the rule with that operand taken out.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { and, between, eq, evaluate, gte, inList, inSegment, not, or, ruleBreakdown, ruleBreakdownAsync } from "../../src/rules/index.js";
import type { Rule, RuleBreakdownNode, RuleEvent } from "../../src/rules/index.js";
import { asOf, eventsArbitrary, profileArbitrary, ruleArbitrary, segments } from "./_arbitraries.js";

/** The node of `rule` at `path`. */
function nodeAt(rule: Rule, path: ReadonlyArray<string | number>): Rule {
  let node: unknown = rule;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node as Rule;
}

/** `rule` with the operand at `path` (an operand of `and` / `or`) taken out. */
function without(rule: Rule, path: ReadonlyArray<string | number>): Rule {
  if (path.length === 2) {
    const junction = rule as Extract<Rule, { op: "and" | "or" }>;
    return { op: junction.op, rules: junction.rules.filter((_, index) => index !== path[1]) } as Rule;
  }
  const [key, index, ...rest] = path;
  if (key === "rule") return { ...(rule as Extract<Rule, { op: "not" }>), rule: without((rule as Extract<Rule, { op: "not" }>).rule, path.slice(1)) };
  const junction = rule as Extract<Rule, { op: "and" | "or" }>;
  return { op: junction.op, rules: junction.rules.map((operand, position) => (position === index ? without(operand, rest) : operand)) } as Rule;
}

function walk(node: RuleBreakdownNode, visit: (node: RuleBreakdownNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

describe("ruleBreakdown", () => {
  it("counts what evaluate gives for every node, and for the rule without each operand (random rules, profiles, events)", () => {
    fc.assert(
      fc.property(ruleArbitrary({ events: true, segments: true }), fc.array(fc.tuple(profileArbitrary, eventsArbitrary), { maxLength: 12 }), (rule, rows) => {
        const eventsByProfile = new Map<unknown, RuleEvent[]>(rows.map(([profile, events]) => [profile, events]));
        const profiles = rows.map(([profile]) => profile);
        const options = { asOf, segments, eventsOf: (profile: unknown) => eventsByProfile.get(profile) ?? [] };
        const breakdown = ruleBreakdown(rule, profiles, options);
        const truths = (node: Rule) => profiles.map((profile) => evaluate(node, profile, { asOf, segments, events: options.eventsOf(profile) }));
        expect(breakdown.profiles).toBe(profiles.length);
        expect(breakdown.selected).toBe(truths(rule).filter((truth) => truth === true).length);
        let visited = 0;
        walk(breakdown.root, (node) => {
          visited += 1;
          const results = truths(nodeAt(rule, node.path));
          expect(node.op).toBe(nodeAt(rule, node.path).op);
          expect([node.true, node.false, node.unknown]).toEqual([
            results.filter((truth) => truth === true).length,
            results.filter((truth) => truth === false).length,
            results.filter((truth) => truth === null).length,
          ]);
          const parent = node.path.length >= 2 ? nodeAt(rule, node.path.slice(0, -2)).op : undefined;
          if (parent === "and" || parent === "or") {
            expect(node.selectedWithout).toBe(truths(without(rule, node.path)).filter((truth) => truth === true).length);
          } else {
            expect(node.selectedWithout).toBeUndefined();
          }
        });
        let nodes = 0;
        const countNodes = (node: Rule): void => {
          nodes += 1;
          if (node.op === "and" || node.op === "or") node.rules.forEach(countNodes);
          if (node.op === "not") countNodes(node.rule);
        };
        countNodes(rule);
        expect(visited).toBe(nodes);
      }),
      { numRuns: 1500 },
    );
  });

  it("shows which condition makes a segment small", () => {
    const rule = and(between("age", 25, 34), inList("country", ["US", "CA"]), gte("totalSpend", 500));
    const profiles = [
      { age: 30, country: "US", totalSpend: 800 },
      { age: 31, country: "DE", totalSpend: 900 },
      { age: 40, country: "US", totalSpend: 600 },
      { age: 29, totalSpend: 700 },
      { age: 27, country: "CA", totalSpend: 50 },
    ];
    const breakdown = ruleBreakdown(rule, profiles, { asOf });
    expect(breakdown.selected).toBe(1);
    expect(breakdown.root.children?.map((node) => [node.path, node.true, node.false, node.unknown, node.selectedWithout])).toEqual([
      [["rules", 0], 4, 1, 0, 2],
      [["rules", 1], 3, 1, 1, 3],
      [["rules", 2], 4, 1, 0, 2],
    ]);
    expect(breakdown.root).toMatchObject({ path: [], op: "and", true: 1, false: 3, unknown: 1, description: "all of 3 conditions" });
    expect(breakdown.root.children?.map((node) => node.description)).toEqual(["age is 25 to 34", 'country is one of ("US", "CA")', "total spend is at least 500"]);
    const labelled = ruleBreakdown(rule, profiles, { asOf, labels: { totalSpend: "lifetime revenue" } });
    expect(labelled.root.children?.[2]?.description).toBe("lifetime revenue is at least 500");
  });

  it("tells alike fields apart across the whole rule, even where a node has only one of them, and names segments", () => {
    const rule = and(eq("billing.country", "US"), or(eq("shipping.country", "US"), inSegment("vip")));
    const breakdown = ruleBreakdown(rule, [{}], { asOf, segments: { vip: eq("a", 1) }, segmentNames: { vip: "VIP" } });
    expect(breakdown.root.children?.[0]?.description).toBe('billing country is "US"');
    expect(breakdown.root.children?.[1]?.children?.map((node) => node.description)).toEqual(['shipping country is "US"', 'in segment "VIP"']);
  });

  it("treats an operand removed from a one-operand and / or as the empty and / or (TRUE / FALSE)", () => {
    const profiles = [{ a: 1 }, { a: 2 }, {}];
    const inAnd = ruleBreakdown(and(gte("a", 2)), profiles, { asOf });
    expect(inAnd.root.children?.[0]?.selectedWithout).toBe(3);
    const inOr = ruleBreakdown(not(or(gte("a", 2))), profiles, { asOf });
    expect(inOr.selected).toBe(1);
    expect(inOr.root.children?.[0]?.selectedWithout).toBeUndefined();
    expect(inOr.root.children?.[0]?.children?.[0]?.selectedWithout).toBe(3);
  });

  it("reads the profiles once, from any iterable, and an empty one gives zeros", () => {
    let reads = 0;
    function* generate() {
      for (const a of [1, 5, 9]) {
        reads += 1;
        yield { a };
      }
    }
    expect(ruleBreakdown(gte("a", 5), generate(), { asOf })).toEqual({ profiles: 3, selected: 2, root: { path: [], op: "gte", description: "a is at least 5", true: 2, false: 1, unknown: 0 } });
    expect(reads).toBe(3);
    expect(ruleBreakdown(and(gte("a", 5)), [], { asOf }).root).toMatchObject({ true: 0, false: 0, unknown: 0, children: [{ selectedWithout: 0 }] });
    expect(ruleBreakdown(or(), [{}], { asOf }).root).toEqual({ path: [], op: "or", description: "any of no conditions: false for every profile", true: 0, false: 1, unknown: 0, children: [] });
    expect(ruleBreakdown(not(and()), [{}], { asOf }).root.children?.[0]).toEqual({
      path: ["rule"],
      op: "and",
      description: "all of no conditions: true for every profile",
      true: 1,
      false: 0,
      unknown: 0,
      children: [],
    });
  });

  it("takes async iterables in ruleBreakdownAsync, with the same counts", async () => {
    const rule = or(eq("plan", "pro"), and(gte("seats", 10), not(eq("plan", "free"))));
    const profiles = [{ plan: "pro", seats: 3 }, { plan: "free", seats: 40 }, { plan: "team", seats: 12 }, { seats: 50 }, {}];
    async function* stream() {
      for (const profile of profiles) yield profile;
    }
    expect(await ruleBreakdownAsync(rule, stream(), { asOf })).toEqual(ruleBreakdown(rule, profiles, { asOf }));
    expect(await ruleBreakdownAsync(rule, profiles, { asOf })).toEqual(ruleBreakdown(rule, profiles, { asOf }));
    // A profile of a sync iterable is taken as it is: awaited, this one would never settle.
    const thenable = [{ plan: "pro", seats: 1, then: () => undefined }];
    expect(await ruleBreakdownAsync(rule, thenable, { asOf })).toEqual(ruleBreakdown(rule, thenable, { asOf }));
    await expect(ruleBreakdownAsync(rule, 3 as unknown as unknown[], { asOf })).rejects.toThrowErrorMatchingInlineSnapshot(`[TypeError: ruleBreakdownAsync requires profiles to be iterable or async iterable]`);
  });

  it("counts wide groups: 10,000 operands of one and", () => {
    const rule = and(...Array.from({ length: 10_000 }, (_, index) => gte(`f${index % 10}`, 0)));
    const profiles = Array.from({ length: 20 }, (_, index) => Object.fromEntries(Array.from({ length: 10 }, (__, field) => [`f${field}`, field === index % 10 ? -1 : 1])));
    const breakdown = ruleBreakdown(rule, profiles, { asOf });
    expect(breakdown.selected).toBe(0);
    // Each profile fails exactly the 1,000 operands on one field: removing one of them leaves 999 failing.
    expect(breakdown.root.children?.every((node) => node.selectedWithout === 0)).toBe(true);
    expect(breakdown.root.children?.[3]).toMatchObject({ true: 18, false: 2, unknown: 0 });
  });

  it("throws what compileRule throws, and refuses profiles that are not iterable", () => {
    expect(() => ruleBreakdown(and(gte("a", 1), inSegment("x")), [], { asOf })).toThrowErrorMatchingInlineSnapshot(
      `[RuleError: ruleBreakdown found 1 issue: the rule refers to the unknown segment "x" at rules[1].segment]`,
    );
    expect(() => ruleBreakdown(gte("a", 1), [], { asOf: new Date(Number.NaN) })).toThrowErrorMatchingInlineSnapshot(`[TypeError: ruleBreakdown requires asOf to be a valid Date]`);
    expect(() => ruleBreakdown(gte("a", 1), 3 as unknown as unknown[], { asOf })).toThrowErrorMatchingInlineSnapshot(`[TypeError: ruleBreakdown requires profiles to be iterable]`);
  });
});
