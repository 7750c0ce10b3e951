/**
 * The five benchmark rules of benchmarks.md §(a), written once per engine in the form a typical user
 * of that engine would write them (no extra null guards), plus the two hand-written closures.
 */
import type { Rule } from "../../src/rules/ast.js";
import type { BenchProfile } from "./data.js";

/** The SQL-semantics (Kleene, BETWEEN inclusive) match counts at seed 42, N = 100,000. */
export const expectedCounts = { R1: 2_114, R2: 17_753, R3: 1_207, R4: 7_874, R5: 5_462 } as const;
/** What coercing engines and naive closures return (benchmarks.md, rule-semantics.md §3). */
export const naiveCounts = { R3: 3_012, R4: 8_088 } as const;

export type RuleName = keyof typeof expectedCounts;
export const ruleNames: ReadonlyArray<RuleName> = ["R1", "R2", "R3", "R4", "R5"];

/**
 * The rules as segmentkit AST. R4's `totalSpend / orderCount >= 150` reads the precomputed
 * `averageOrderValue` field (`totalSpend / orderCount`, `null` when `orderCount` is 0): the AST has
 * no arithmetic node.
 */
export const segmentkitRules: Readonly<Record<RuleName, Rule>> = {
  R1: {
    op: "and",
    rules: [
      { op: "between", field: "age", min: 25, max: 34 },
      { op: "in", field: "country", values: ["US", "CA"] },
      { op: "gt", field: "totalSpend", value: 500 },
    ],
  },
  R2: {
    op: "and",
    rules: [
      {
        op: "or",
        rules: [
          { op: "in", field: "plan", values: ["pro", "enterprise"] },
          { op: "and", rules: [{ op: "gte", field: "orderCount", value: 10 }, { op: "gte", field: "totalSpend", value: 1000 }] },
        ],
      },
      { op: "not", rule: { op: "hasAny", field: "tags", values: ["churn-risk"] } },
      { op: "eq", field: "emailOptIn", value: true },
    ],
  },
  R3: {
    op: "and",
    rules: [
      { op: "hasAny", field: "tags", values: ["newsletter"] },
      { op: "hasAny", field: "tags", values: ["vip", "loyalty"] },
      { op: "lte", field: "lastPurchaseDaysAgo", value: 30 },
    ],
  },
  R4: {
    op: "and",
    rules: [
      { op: "gte", field: "orderCount", value: 3 },
      { op: "between", field: "lastPurchaseDaysAgo", min: 91, max: 365 },
      { op: "or", rules: [{ op: "gte", field: "income", value: 75_000 }, { op: "gte", field: "averageOrderValue", value: 150 }] },
      { op: "notIn", field: "country", values: ["IN", "BR", "MX"] },
    ],
  },
  R5: {
    op: "and",
    rules: [
      { op: "in", field: "country", values: ["GB", "DE", "FR"] },
      { op: "gte", field: "age", value: 21 },
      { op: "eq", field: "emailOptIn", value: true },
      {
        op: "or",
        rules: [
          {
            op: "and",
            rules: [
              { op: "eq", field: "plan", value: "free" },
              { op: "gte", field: "orderCount", value: 1 },
              { op: "lte", field: "lastPurchaseDaysAgo", value: 60 },
            ],
          },
          {
            op: "and",
            rules: [
              { op: "in", field: "plan", values: ["basic", "pro"] },
              { op: "not", rule: { op: "hasAny", field: "tags", values: ["b2b"] } },
              { op: "between", field: "totalSpend", min: 200, max: 5000 },
            ],
          },
          { op: "and", rules: [{ op: "hasAny", field: "tags", values: ["vip"] }, { op: "gte", field: "income", value: 50_000 }] },
        ],
      },
      { op: "not", rule: { op: "hasAny", field: "tags", values: ["unsubscribed", "fraud-flag"] } },
    ],
  },
};

/** Hand-written closures with explicit null guards on the nullable fields: the reference counts and the speed limit. */
export const sqlNullSafeClosures: Readonly<Record<RuleName, (p: BenchProfile) => boolean>> = {
  R1: (p) => {
    const country = p.country;
    return p.age >= 25 && p.age <= 34 && (country === "US" || country === "CA") && p.totalSpend > 500;
  },
  R2: (p) =>
    (p.plan === "pro" || p.plan === "enterprise" || (p.orderCount >= 10 && p.totalSpend >= 1000)) &&
    !p.tags.includes("churn-risk") &&
    p.emailOptIn === true,
  R3: (p) => {
    const tags = p.tags;
    const days = p.lastPurchaseDaysAgo;
    return tags.includes("newsletter") && (tags.includes("vip") || tags.includes("loyalty")) && days !== null && days <= 30;
  },
  R4: (p) => {
    const days = p.lastPurchaseDaysAgo;
    const income = p.income;
    const country = p.country;
    return (
      p.orderCount >= 3 &&
      days !== null &&
      days >= 91 &&
      days <= 365 &&
      ((income !== null && income >= 75_000) || p.totalSpend / p.orderCount >= 150) &&
      country !== undefined &&
      country !== "IN" &&
      country !== "BR" &&
      country !== "MX"
    );
  },
  R5: (p) => {
    const country = p.country;
    const tags = p.tags;
    const days = p.lastPurchaseDaysAgo;
    const income = p.income;
    return (
      (country === "GB" || country === "DE" || country === "FR") &&
      p.age >= 21 &&
      p.emailOptIn === true &&
      ((p.plan === "free" && p.orderCount >= 1 && days !== null && days <= 60) ||
        ((p.plan === "basic" || p.plan === "pro") && !tags.includes("b2b") && p.totalSpend >= 200 && p.totalSpend <= 5000) ||
        (tags.includes("vip") && income !== null && income >= 50_000)) &&
      !(tags.includes("unsubscribed") || tags.includes("fraud-flag"))
    );
  },
};

/** The same closures written without null guards (R3, R4): JavaScript's `null <= 30` is true. */
export const naiveClosures: Readonly<Partial<Record<RuleName, (p: BenchProfile) => boolean>>> = {
  R3: (p) =>
    p.tags.includes("newsletter") &&
    (p.tags.includes("vip") || p.tags.includes("loyalty")) &&
    (p.lastPurchaseDaysAgo as number) <= 30,
  R4: (p) =>
    p.orderCount >= 3 &&
    (p.lastPurchaseDaysAgo as number) >= 91 &&
    (p.lastPurchaseDaysAgo as number) <= 365 &&
    ((p.income as number) >= 75_000 || p.totalSpend / p.orderCount >= 150) &&
    !["IN", "BR", "MX"].includes(p.country as string),
};

type JsonLogic = Record<string, unknown>;
const v = (name: string): JsonLogic => ({ var: name });

/** JsonLogic, natural form: 3-argument `<=` for BETWEEN, `in` for membership, `!` for NOT. */
export const jsonLogicRules: Readonly<Record<RuleName, JsonLogic>> = {
  R1: { and: [{ "<=": [25, v("age"), 34] }, { in: [v("country"), ["US", "CA"]] }, { ">": [v("totalSpend"), 500] }] },
  R2: {
    and: [
      { or: [{ in: [v("plan"), ["pro", "enterprise"]] }, { and: [{ ">=": [v("orderCount"), 10] }, { ">=": [v("totalSpend"), 1000] }] }] },
      { "!": { in: ["churn-risk", v("tags")] } },
      { "==": [v("emailOptIn"), true] },
    ],
  },
  R3: {
    and: [
      { in: ["newsletter", v("tags")] },
      { or: [{ in: ["vip", v("tags")] }, { in: ["loyalty", v("tags")] }] },
      { "<=": [v("lastPurchaseDaysAgo"), 30] },
    ],
  },
  R4: {
    and: [
      { ">=": [v("orderCount"), 3] },
      { "<=": [91, v("lastPurchaseDaysAgo"), 365] },
      { or: [{ ">=": [v("income"), 75_000] }, { ">=": [{ "/": [v("totalSpend"), v("orderCount")] }, 150] }] },
      { "!": { in: [v("country"), ["IN", "BR", "MX"]] } },
    ],
  },
  R5: {
    and: [
      { in: [v("country"), ["GB", "DE", "FR"]] },
      { ">=": [v("age"), 21] },
      { "==": [v("emailOptIn"), true] },
      {
        or: [
          { and: [{ "==": [v("plan"), "free"] }, { ">=": [v("orderCount"), 1] }, { "<=": [v("lastPurchaseDaysAgo"), 60] }] },
          { and: [{ in: [v("plan"), ["basic", "pro"]] }, { "!": { in: ["b2b", v("tags")] } }, { "<=": [200, v("totalSpend"), 5000] }] },
          { and: [{ in: ["vip", v("tags")] }, { ">=": [v("income"), 50_000] }] },
        ],
      },
      { "!": { or: [{ in: ["unsubscribed", v("tags")] }, { in: ["fraud-flag", v("tags")] }] } },
    ],
  },
};

type Condition = Record<string, unknown>;
const fact = (name: string, operator: string, value: unknown): Condition => ({ fact: name, operator, value });

/** json-rules-engine conditions; R4's ratio is the dynamic fact `spendPerOrder`. */
export const jsonRulesEngineConditions: Readonly<Record<RuleName, Condition>> = {
  R1: {
    all: [
      fact("age", "greaterThanInclusive", 25),
      fact("age", "lessThanInclusive", 34),
      fact("country", "in", ["US", "CA"]),
      fact("totalSpend", "greaterThan", 500),
    ],
  },
  R2: {
    all: [
      { any: [fact("plan", "in", ["pro", "enterprise"]), { all: [fact("orderCount", "greaterThanInclusive", 10), fact("totalSpend", "greaterThanInclusive", 1000)] }] },
      fact("tags", "doesNotContain", "churn-risk"),
      fact("emailOptIn", "equal", true),
    ],
  },
  R3: {
    all: [
      fact("tags", "contains", "newsletter"),
      { any: [fact("tags", "contains", "vip"), fact("tags", "contains", "loyalty")] },
      fact("lastPurchaseDaysAgo", "lessThanInclusive", 30),
    ],
  },
  R4: {
    all: [
      fact("orderCount", "greaterThanInclusive", 3),
      fact("lastPurchaseDaysAgo", "greaterThanInclusive", 91),
      fact("lastPurchaseDaysAgo", "lessThanInclusive", 365),
      { any: [fact("income", "greaterThanInclusive", 75_000), fact("spendPerOrder", "greaterThanInclusive", 150)] },
      fact("country", "notIn", ["IN", "BR", "MX"]),
    ],
  },
  R5: {
    all: [
      fact("country", "in", ["GB", "DE", "FR"]),
      fact("age", "greaterThanInclusive", 21),
      fact("emailOptIn", "equal", true),
      {
        any: [
          { all: [fact("plan", "equal", "free"), fact("orderCount", "greaterThanInclusive", 1), fact("lastPurchaseDaysAgo", "lessThanInclusive", 60)] },
          {
            all: [
              fact("plan", "in", ["basic", "pro"]),
              fact("tags", "doesNotContain", "b2b"),
              fact("totalSpend", "greaterThanInclusive", 200),
              fact("totalSpend", "lessThanInclusive", 5000),
            ],
          },
          { all: [fact("tags", "contains", "vip"), fact("income", "greaterThanInclusive", 50_000)] },
        ],
      },
      { not: { any: [fact("tags", "contains", "unsubscribed"), fact("tags", "contains", "fraud-flag")] } },
    ],
  },
};

/** CEL expressions over the profile's top-level fields; an evaluation error counts as "not selected". */
export const celExpressions: Readonly<Record<RuleName, string>> = {
  R1: `age >= 25 && age <= 34 && country in ["US", "CA"] && totalSpend > 500.0`,
  R2: `(plan in ["pro", "enterprise"] || (orderCount >= 10 && totalSpend >= 1000.0)) && !("churn-risk" in tags) && emailOptIn == true`,
  R3: `"newsletter" in tags && ("vip" in tags || "loyalty" in tags) && lastPurchaseDaysAgo <= 30`,
  R4: `orderCount >= 3 && lastPurchaseDaysAgo >= 91 && lastPurchaseDaysAgo <= 365 && (income >= 75000 || totalSpend / orderCount >= 150.0) && !(country in ["IN", "BR", "MX"])`,
  R5:
    `country in ["GB", "DE", "FR"] && age >= 21 && emailOptIn == true && ` +
    `((plan == "free" && orderCount >= 1 && lastPurchaseDaysAgo <= 60) || ` +
    `(plan in ["basic", "pro"] && !("b2b" in tags) && totalSpend >= 200.0 && totalSpend <= 5000.0) || ` +
    `("vip" in tags && income >= 50000)) && !("unsubscribed" in tags || "fraud-flag" in tags)`,
};

/** Mongo queries for sift; R4's ratio through `$where`. */
export const siftQueries: Readonly<Record<RuleName, Record<string, unknown>>> = {
  R1: { age: { $gte: 25, $lte: 34 }, country: { $in: ["US", "CA"] }, totalSpend: { $gt: 500 } },
  R2: {
    $or: [{ plan: { $in: ["pro", "enterprise"] } }, { orderCount: { $gte: 10 }, totalSpend: { $gte: 1000 } }],
    tags: { $ne: "churn-risk" },
    emailOptIn: true,
  },
  R3: { $and: [{ tags: "newsletter" }, { tags: { $in: ["vip", "loyalty"] } }], lastPurchaseDaysAgo: { $lte: 30 } },
  R4: {
    orderCount: { $gte: 3 },
    lastPurchaseDaysAgo: { $gte: 91, $lte: 365 },
    $or: [
      { income: { $gte: 75_000 } },
      {
        $where: function (this: BenchProfile): boolean {
          return this.totalSpend / this.orderCount >= 150;
        },
      },
    ],
    country: { $nin: ["IN", "BR", "MX"] },
  },
  R5: {
    country: { $in: ["GB", "DE", "FR"] },
    age: { $gte: 21 },
    emailOptIn: true,
    $or: [
      { plan: "free", orderCount: { $gte: 1 }, lastPurchaseDaysAgo: { $lte: 60 } },
      { plan: { $in: ["basic", "pro"] }, tags: { $ne: "b2b" }, totalSpend: { $gte: 200, $lte: 5000 } },
      { tags: "vip", income: { $gte: 50_000 } },
    ],
    $nor: [{ tags: "unsubscribed" }, { tags: "fraud-flag" }],
  },
};
