/**
 * Clustering walkthrough: prepare features with an explicit missing-value policy, scale them, choose
 * k, fit seeded k-means with restarts, read the personas, store the model as JSON, label new
 * customers, and export the model as SQL that labels a warehouse table.
 *
 *   npx tsx --tsconfig examples/tsconfig.json examples/clustering.ts
 */
import assert from "node:assert/strict";
import {
  chooseK,
  kMeans,
  kMeansAssignmentSql,
  kPrototypes,
  parseKMeansModel,
  profileClusters,
  silhouetteScore,
} from "segmentkit/cluster";
import { fitScaler, parseScaler, prepareFeatures } from "segmentkit/scoring";

// 1. Customer records with gaps (a seeded generator stands in for your data).
let state = 42;
const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
const personas = [
  { recency: 20, orders: 12, spend: 900, channel: "app" },
  { recency: 200, orders: 2, spend: 60, channel: "email" },
  { recency: 60, orders: 5, spend: 250, channel: "web" },
];
const customers = Array.from({ length: 600 }, (_, index) => {
  const persona = personas[index % 3]!;
  const jitter = () => 0.6 + 0.8 * random();
  return {
    id: `c${index}`,
    behavior: {
      recencyDays: Math.round(persona.recency * jitter()),
      orderCount: Math.max(1, Math.round(persona.orders * jitter())),
      totalSpend: index % 50 === 7 ? null : Math.round(persona.spend * jitter() * 100) / 100,
    },
    channel: random() < 0.8 ? persona.channel : "web",
  };
});

// 2. Missing values are never silently 0: impute spend with the median, and see the report.
const features = ["behavior.recencyDays", "behavior.orderCount", "behavior.totalSpend"];
const prepared = prepareFeatures(customers, { features, missing: { "behavior.totalSpend": { impute: "median" } } });
console.log("imputed:", prepared.report.imputed);

// 3. log(1 + x) and standardize; the fitted scaler is JSON.
const scaler = fitScaler(prepared.data, { method: "standard", log1p: true });
const scaled = scaler.transform(prepared.data);

// 4. Choose k: every rule's opinion and the per-k table for a plot.
const choice = chooseK(scaled, { kMin: 2, kMax: 6, seed: 7, criterion: "silhouette" });
console.table(choice.table.map((row) => ({ k: row.k, inertia: Math.round(row.inertia), silhouette: row.silhouette?.toFixed(3) })));
console.log("recommended:", choice.recommended);
assert.equal(choice.k, 3);

// 5. Fit with restarts; one seed reproduces everything.
const fit = kMeans(scaled, { k: choice.k, seed: 7, nInit: 10, featureNames: ["recency", "orders", "spend"] });
assert.deepEqual(Array.from(kMeans(scaled, { k: 3, seed: 7, nInit: 10 }).labels), Array.from(fit.labels));
console.log("restart inertias:", fit.restarts.map((restart) => Math.round(restart.inertia)));
console.log("silhouette:", silhouetteScore(scaled, fit.labels).toFixed(3));

// 6. Personas in original units.
const profiles = profileClusters(prepared.data, fit.labels, ["recencyDays", "orders", "spend"], {
  descriptors: {
    recencyDays: { high: "lapsed", low: "recent" },
    orders: { high: "frequent", low: "occasional" },
    spend: { high: "high spend", low: "low spend" },
  },
});
for (const profile of profiles) console.log(`cluster ${profile.cluster}: ${profile.label} (${(profile.share * 100).toFixed(0)}%)`);
assert.ok(profiles.some((profile) => profile.label.includes("recent")));

// 7. Store the model and the scaler, reload them, label new customers.
const stored = JSON.stringify({ model: fit.model, scaler });
const loaded = JSON.parse(stored) as { model: unknown; scaler: unknown };
const model = parseKMeansModel(loaded.model);
const reloadedScaler = parseScaler(loaded.scaler);
const fresh = reloadedScaler.transform([[15, 14, 1000], [250, 1, 40]]);
console.log("new customers:", Array.from(model.predict(fresh)));

// 8. Label the whole warehouse table with the same model, scaling included.
const { sql, params } = kMeansAssignmentSql(model, {
  dialect: "postgres",
  columns: ["recency_days", "order_count", "total_spend"],
  transform: reloadedScaler,
});
console.log(`SELECT customer_id, ${sql.slice(0, 60)}... AS cluster FROM customers  -- ${params.length} parameters`);

// 9. Mixed data: the channel is categorical; k-prototypes keeps it without one-hot encoding.
const mixed = kPrototypes(scaled, customers.filter((_, index) => prepared.rowIndexes.includes(index)).map((customer) => [customer.channel]), { k: 3 });
console.log("k-prototypes modes:", mixed.categoricalModes, "cost split:", mixed.numericCost.toFixed(1), mixed.categoricalCost.toFixed(1));
