import { type CustomerProfile, assignSegments, defineSegment, parseProfiles, ruleBuilder, toSql } from "segmentkit";

// 1. Validate raw rows: valid ones are kept, bad ones come back with their index and field path.
const { valid, rejected } = parseProfiles([
  { id: "c1", geography: { country: "US" }, behavior: { totalSpend: 820, lastPurchaseAt: "2024-05-20T10:00:00Z" } },
  { id: "c2", geography: { country: "DE" }, behavior: { totalSpend: 1200 } },
  { id: "c3", geography: { country: "Mars" } },
]);
console.log(rejected[0]?.path); //=> ["geography", "country"]

// 2. A typed rule: a wrong field path, or a string compared with gte, is a compile error.
const r = ruleBuilder<CustomerProfile>();
const rule = r.and(r.gte("behavior.totalSpend", 500), r.withinLast("behavior.lastPurchaseAt", 30, "days"));
const asOf = new Date("2024-06-01T00:00:00Z");

// 3. Segment in memory. c2 never purchased: "purchased in the last 30 days" is UNKNOWN, not TRUE.
const segment = defineSegment({ id: "recent-big", name: "Recent big spenders", rule });
console.log(assignSegments(valid, [segment], { asOf, mode: "all" }).sizes[0]?.size); //=> 1

// 4. Or push the very same rule down to the warehouse as parameterized SQL.
const columns = { "behavior.totalSpend": { column: "total_spend", type: "number" }, "behavior.lastPurchaseAt": { column: "last_purchase_at", type: "timestamp" } } as const;
console.log(toSql(rule, { dialect: "postgres", asOf, columns }).params.length); //=> 3
