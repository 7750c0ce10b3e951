import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { defineScoringPlan, scoreProfiles } from "../../src/scoring/index.js";
import { SegmentationError } from "../../src/_lib/errors.js";

const asOf = new Date("2024-06-01T00:00:00Z");
const plan = defineScoringPlan({
  id: "engagement",
  name: "Engagement score",
  rules: [
    { id: "opens", name: "Opens emails", rule: { op: "gte", field: "behavior.emailOpens", value: 5 }, points: 10 },
    { id: "recent", rule: { op: "withinLast", field: "behavior.lastPurchaseAt", amount: 30, unit: "days" }, points: 30 },
    { id: "churn", rule: { op: "hasAny", field: "tags", values: ["complained"] }, points: -15 },
  ],
  tiers: [{ name: "low", min: -100 }, { name: "medium", min: 10 }, { name: "high", min: 35 }],
});

describe("scoring plans", () => {
  it("sums points of TRUE rules, picks tiers and explains", () => {
    const profiles = [
      { behavior: { emailOpens: 9, lastPurchaseAt: new Date("2024-05-20T00:00:00Z") }, tags: [] },
      { behavior: { emailOpens: 1, lastPurchaseAt: new Date("2023-01-01T00:00:00Z") }, tags: ["complained"] },
      { behavior: {}, tags: ["vip"] },
    ];
    const scores = scoreProfiles(plan, profiles, { asOf });
    expect(scores.map((score) => score.score)).toEqual([40, -15, 0]);
    expect(scores.map((score) => score.tier)).toEqual(["high", "low", "low"]);
    expect(scores[2]!.contributions).toEqual([
      { id: "opens", name: "Opens emails", matched: null, points: 0 },
      { id: "recent", name: "recent", matched: null, points: 0 },
      { id: "churn", name: "churn", matched: false, points: 0 },
    ]);
    expect(scoreProfiles(defineScoringPlan({ id: "x", rules: [] }), [{}], { asOf })[0]).toEqual({ score: 0, tier: null, contributions: [] });
  });
  it("the score is the sum of the contributions (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ behavior: fc.record({ emailOpens: fc.integer({ min: 0, max: 10 }) }), tags: fc.array(fc.constantFrom("complained", "vip")) })), (profiles) => {
        for (const result of scoreProfiles(plan, profiles, { asOf })) {
          expect(result.score).toBe(result.contributions.reduce((sum, entry) => sum + entry.points, 0));
        }
      }),
    );
  });
  it("names itself when asOf is missing (the error named compileRuleTruth, claims review)", () => {
    const plan = defineScoringPlan({ id: "p", rules: [{ id: "r", rule: { op: "always" }, points: 1 }], tiers: [] });
    for (const options of [{}, undefined, { asOf: new Date(Number.NaN) }]) {
      expect(() => scoreProfiles(plan, [{}], options as never)).toThrow(new TypeError("scoreProfiles requires asOf to be a valid Date"));
    }
  });
  it("rejects bad plans with every issue and its path", () => {
    try {
      defineScoringPlan({
        id: "bad",
        rules: [
          { id: "a", rule: { op: "xor" }, points: 1 },
          { id: "a", rule: { op: "always" }, points: Number.NaN },
        ],
        tiers: [{ name: "t", min: 0 }, { name: "t", min: 1 }],
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SegmentationError);
      const issues = (error as SegmentationError).issues;
      expect(issues.map((issue) => issue.code)).toEqual(["invalid_rule", "duplicate_id", "invalid_points", "invalid_tier"]);
      expect(issues[0]!.path.slice(0, 3)).toEqual(["rules", 0, "rule"]);
    }
  });

  it("refuses keys it would drop: weight beside points scored every rule 1 point before", () => {
    const plan = { id: "lead", owner: "growth", rules: [{ id: "big", rule: { op: "always" }, points: 1, weight: 5 }], tiers: [{ name: "hot", min: 1, color: "red" }] };
    expect(() => defineScoringPlan(plan as never)).toThrow(SegmentationError);
    try {
      defineScoringPlan(plan as never);
    } catch (error) {
      expect((error as SegmentationError).issues).toEqual([
        { code: "unrecognized_key", path: ["owner"], message: 'a scoring plan takes only id, name, rules and tiers, not the key "owner"' },
        { code: "unrecognized_key", path: ["rules", 0, "weight"], message: 'a scoring rule takes only id, name, rule and points, not the key "weight"' },
        { code: "unrecognized_key", path: ["tiers", 0, "color"], message: 'a tier takes only name and min, not the key "color"' },
      ]);
    }
    // One issue per object, however many keys a hostile plan has.
    const keys = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`k${index}`, index]));
    const many = { id: "lead", rules: [{ id: "big", rule: { op: "always" }, points: 1, ...keys }] };
    try {
      defineScoringPlan(many as never);
      expect.unreachable();
    } catch (error) {
      expect((error as SegmentationError).issues.map((issue) => issue.path.join("."))).toEqual(["rules.0.k0"]);
    }
    expect(defineScoringPlan({ id: "lead", name: "Lead", rules: [{ id: "big", name: "Big", rule: { op: "always" }, points: 1 }], tiers: [{ name: "hot", min: 1 }] }).rules).toHaveLength(1);
  });
});

describe("scoring plans: review cases", () => {
  const asOf = new Date("2024-01-01T00:00:00Z");
  const codes = (thunk: () => unknown): string[] => {
    try {
      thunk();
    } catch (error) {
      if (error instanceof SegmentationError) return error.issues.map((issue) => `${issue.code} ${issue.path.join(".")}`);
      throw error;
    }
    return [];
  };

  it("freezes the plan all the way down, rules included", () => {
    const plan = defineScoringPlan({ id: "p", rules: [{ id: "r", rule: { op: "gte", field: "x", value: 1 }, points: 5 }] });
    expect(Object.isFrozen(plan.rules[0]!.rule)).toBe(true);
    expect(() => {
      (plan.rules[0]!.rule as { op: string }).op = "xor";
    }).toThrow(TypeError);
  });

  it("validates a plan it did not make (a stored plan read back from JSON) before scoring", () => {
    const raw = {
      id: "raw",
      name: "raw",
      rules: [{ id: "a", name: "a", rule: { op: "always" }, points: "10" }, { id: "b", name: "b", rule: { op: "always" }, points: 5 }],
      tiers: [{ name: "hi", min: 100 }],
    };
    expect(codes(() => scoreProfiles(raw as never, [{}], { asOf }))).toEqual(["invalid_points rules.0.points"]);
    const stored = JSON.parse(JSON.stringify(defineScoringPlan({ id: "p", rules: [{ id: "r", rule: { op: "always" }, points: 5 }], tiers: [{ name: "t", min: 5 }] })));
    expect(scoreProfiles(stored, [{}], { asOf })[0]).toMatchObject({ score: 5, tier: "t" });
  });

  it("bounds untrusted plans: id and name lengths, rule and tier counts, the rules' parse limits; tiers with one min", () => {
    expect(codes(() => defineScoringPlan({ id: "x".repeat(257), name: "n".repeat(1_001), rules: [] }))).toEqual(["invalid_type id", "invalid_type name"]);
    const rules = Array.from({ length: 10_001 }, (_, index) => ({ id: `r${index}`, rule: { op: "always" }, points: 1 }));
    expect(codes(() => defineScoringPlan({ id: "p", rules }))).toEqual(["too_many rules"]);
    const tiers = Array.from({ length: 1_001 }, (_, index) => ({ name: `t${index}`, min: index }));
    expect(codes(() => defineScoringPlan({ id: "p", rules: [], tiers }))).toEqual(["too_many tiers"]);
    const deep = { op: "not", rule: { op: "not", rule: { op: "always" } } };
    expect(codes(() => defineScoringPlan({ id: "p", rules: [{ id: "r", rule: deep, points: 1 }] }, { maxDepth: 2 }))[0]).toMatch(/^invalid_rule rules\.0\.rule/);
    expect(codes(() => defineScoringPlan({ id: "p", rules: [], tiers: [{ name: "a", min: 10 }, { name: "b", min: 10 }] }))).toEqual(["invalid_tier tiers.1.min"]);
  });
});

describe("scoring plans: points are added as written", () => {
  const asOf = new Date("2024-01-01T00:00:00Z");
  const always = (id: string, points: number) => ({ id, rule: { op: "always" }, points });
  it("0.7 + 0.1 reaches a tier at 0.8 (in doubles it is 0.7999999999999999)", () => {
    const plan = defineScoringPlan({ id: "p", rules: [always("a", 0.7), always("b", 0.1)], tiers: [{ name: "hot", min: 0.8 }] });
    expect(scoreProfiles(plan, [{}], { asOf })[0]).toMatchObject({ score: 0.8, tier: "hot" });
  });
  it("the score is the double nearest the decimal sum of points with up to four decimals (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 12 }), (tenThousandths) => {
        const plan = defineScoringPlan({ id: "p", rules: tenThousandths.map((units, index) => always(`r${index}`, units / 10_000)) });
        const exact = tenThousandths.reduce((sum, units) => sum + units, 0) / 10_000;
        expect(scoreProfiles(plan, [{}], { asOf })[0]?.score).toBe(exact);
      }),
    );
  });
  it("points with no exact decimal scale are added with compensated summation", () => {
    const plan = defineScoringPlan({ id: "p", rules: [always("a", 1e20), always("b", 1), always("c", -1e20), always("d", 1 / 3)] });
    expect(scoreProfiles(plan, [{}], { asOf })[0]?.score).toBe(1 + 1 / 3);
  });
});
