/**
 * One computation per domain, run identically by the node project (`crossRuntime.test.ts`) and in
 * Chromium (`crossRuntime.browser.test.ts`): seeded results must be the same in both runtimes.
 */
import { kMeans } from "../../src/cluster/index.js";
import { fitBgNbd } from "../../src/clv/index.js";
import { twoProportionZTest, wilsonInterval } from "../../src/metrics/index.js";
import { compileRule, evaluate } from "../../src/rules/index.js";
import { parseProfiles } from "../../src/schema/index.js";
import { toSql } from "../../src/sql/index.js";
import { mulberry32, normalGenerator } from "../../src/_lib/random.js";

export function crossRuntimeResults() {
  const uniform = mulberry32(7);
  const normal = normalGenerator(uniform);
  const points: number[][] = [];
  for (let index = 0; index < 600; index++) {
    const center = index % 3;
    points.push([center * 4 + normal(), center * -3 + normal(), normal()]);
  }
  const clusters = kMeans(points, { k: 3, seed: 11, nInit: 3 });
  const asOf = new Date("2024-06-30T00:00:00Z");
  const { valid } = parseProfiles(
    Array.from({ length: 50 }, (_, index) => ({
      id: `c${index}`,
      geography: index % 7 === 0 ? {} : { country: ["US", "DE", "IN"][index % 3] },
      behavior: { totalSpend: index * 25, lastPurchaseAt: index % 5 === 0 ? null : new Date(asOf.getTime() - index * 86_400_000).toISOString() },
    })),
  );
  const rule = {
    op: "and",
    rules: [
      { op: "gte", field: "behavior.totalSpend", value: 300 },
      { op: "withinLast", field: "behavior.lastPurchaseAt", amount: 30, unit: "days" },
      { op: "notIn", field: "geography.country", values: ["IN"] },
    ],
  } as const;
  const predicate = compileRule(rule, { asOf });
  const bgNbd = fitBgNbd({
    unit: "weeks",
    customers: [
      { frequency: 2, recency: 30, T: 39 },
      { frequency: 0, recency: 0, T: 39, weight: 5 },
      { frequency: 5, recency: 36, T: 38 },
      { frequency: 1, recency: 4, T: 36 },
      { frequency: 3, recency: 10, T: 33 },
    ],
  });
  return {
    clusterLabels: Array.from(clusters.labels).join(""),
    clusterInertia: clusters.inertia,
    ruleMatches: valid.filter((profile) => predicate(profile)).map((profile) => profile.id),
    ruleTruths: valid.map((profile) => evaluate(rule, profile, { asOf })),
    wilson: wilsonInterval({ successes: 30, trials: 1200 }),
    zTest: twoProportionZTest({ successesA: 120, trialsA: 1000, successesB: 90, trialsB: 1000 }),
    bgNbdLogLikelihood: "logLikelihood" in bgNbd ? bgNbd.logLikelihood : null,
    sql: toSql(rule, {
      dialect: "postgres",
      asOf,
      columns: {
        "behavior.totalSpend": { column: "total_spend", type: "number" },
        "behavior.lastPurchaseAt": { column: "last_purchase_at", type: "timestamp" },
        "geography.country": { column: "country", type: "text" },
      },
    }).sql,
  };
}
