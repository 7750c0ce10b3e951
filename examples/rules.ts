/**
 * A walkthrough of segmentkit/rules: parse a rule a UI saved, build the same rule with typed
 * builders, evaluate with SQL three-valued logic, compile for speed, explain a result, check a rule
 * against the profile schema, see every invalid document rejected with a path, and import JsonLogic
 * and json-rules-engine rules with the places where their null handling selects other customers, and
 * export a rule back to JsonLogic.
 *
 * Run: npx tsx --tsconfig examples/tsconfig.json examples/rules.ts
 */
import assert from "node:assert/strict";
import {
  checkRule,
  compileRule,
  describeRule,
  evaluate,
  explain,
  parseJsonLogic,
  parseJsonRulesEngine,
  parseRule,
  ruleBuilder,
  safeParseJsonLogic,
  safeParseRule,
  toJsonLogic,
} from "segmentkit/rules";
import { CustomerProfile } from "segmentkit/schema";

const asOf = new Date("2024-06-30T00:00:00Z");

// 1. A rule as a marketer's UI saves it: plain JSON, validated before use.
const saved = parseRule(
  JSON.parse(`{
    "version": 1,
    "op": "and",
    "rules": [
      { "op": "gte", "field": "behavior.totalSpend", "value": 500 },
      { "op": "notIn", "field": "geography.country", "values": ["IN", "BR", "MX"] },
      { "op": "withinLast", "field": "behavior.lastPurchaseAt", "amount": 30, "unit": "days" }
    ]
  }`),
);

// 2. The same rule written by a developer: typed paths, values follow the field type.
const r = ruleBuilder<CustomerProfile>();
const built = r.and(
  r.gte("behavior.totalSpend", 500),
  r.notInList("geography.country", ["IN", "BR", "MX"]),
  r.withinLast("behavior.lastPurchaseAt", 30, "days"),
);
assert.deepEqual(built, saved);
console.log("rule:", describeRule(built));

// 3. Three-valued evaluation: a missing country is UNKNOWN, so "not in" does not select it.
const customers = [
  { id: "ann", behavior: { totalSpend: 640, lastPurchaseAt: new Date("2024-06-20T00:00:00Z") }, geography: { country: "US" } },
  { id: "bob", behavior: { totalSpend: 900, lastPurchaseAt: new Date("2024-06-25T00:00:00Z") } },
  { id: "cai", behavior: { totalSpend: 430, lastPurchaseAt: new Date("2024-06-01T00:00:00Z") }, geography: { country: "DE" } },
  { id: "dee", behavior: { totalSpend: 700, lastPurchaseAt: null }, geography: { country: "CA" } },
];
for (const customer of customers) console.log(customer.id, evaluate(saved, customer, { asOf }));
assert.deepEqual(customers.map((customer) => evaluate(saved, customer, { asOf })), [true, null, false, null]);

// 4. Compile once, run on many profiles (closures, no eval): TRUE only.
const isTarget = compileRule(saved, { asOf });
assert.deepEqual(customers.filter(isTarget).map((customer) => customer.id), ["ann"]);

// 5. Why is "cai" not in the segment?
const why = explain(saved, customers[2], { asOf });
for (const child of why.children ?? []) console.log(`  [${child.result}] ${child.sentence}`);
assert.equal(why.children?.[0]?.sentence, "total spend 430 is not at least 500");

// 6. Check a rule against the profile schema: wrong types are found before any profile is read.
const typo = parseRule({ op: "gte", field: "demographics.age", value: "30" });
console.log(checkRule(typo, CustomerProfile));
assert.equal(checkRule(typo, CustomerProfile)[0]?.code, "value_type_mismatch");

// 7. Untrusted documents: every problem comes back with a path; nothing degrades into "match everyone".
let deep: unknown = { op: "always" };
for (let level = 0; level < 100_000; level += 1) deep = { op: "not", rule: deep };
const hostile = [
  { op: "or", rules: [{ op: "eq", field: "__proto__.isAdmin", value: true }] },
  { op: "between", field: "demographics.age", min: 65, max: 18 },
  { op: "match", field: "email", value: ".*" },
  deep,
];
for (const document of hostile) {
  const result = safeParseRule(document);
  assert.equal(result.success, false);
  if (!result.success) console.log(result.error.issues[0]);
}
// 8. A rule saved as JsonLogic (say by react-querybuilder): "bought in the last 30 days" in JsonLogic
// also selects customers who never bought, because JavaScript reads null <= 30 as 0 <= 30.
const legacy = { and: [{ ">=": [{ var: "behavior.totalSpend" }, 500] }, { "<=": [{ var: "behavior.daysSinceLastPurchase" }, 30] }] };
const imported = parseJsonLogic(legacy);
for (const warning of imported.warnings) console.log(warning.code, warning.path, warning.message);
assert.deepEqual(imported.warnings.map((warning) => warning.path), [["and", 1, "<="]]);
const neverBought = { id: "eve", behavior: { totalSpend: 800, daysSinceLastPurchase: null } };
assert.equal(evaluate(imported.rule, neverBought, { asOf }), null); // SQL semantics: UNKNOWN, not selected
const asJsonLogicDid = parseJsonLogic(legacy, { nulls: "jsonlogic" }).rule;
assert.equal(evaluate(asJsonLogicDid, neverBought, { asOf }), true); // JsonLogic's audience, with an explicit guard
console.log("imported:", describeRule(imported.rule));
// ...and back out for a JsonLogic-only evaluator: toJsonLogic adds the null tests JsonLogic needs.
const exported = toJsonLogic(imported.rule);
console.log("exported:", JSON.stringify(exported));
assert.equal(evaluate(parseJsonLogic(exported).rule, neverBought, { asOf }), false); // FALSE now: the null test is explicit
// react-querybuilder writes every value as text ("3"); with the profile schema the import reads it as
// JsonLogic does for a number field, knows that tags is an array, and refuses fields the schema lacks.
const fromBuilder = parseJsonLogic({ and: [{ ">=": [{ var: "behavior.orderCount" }, "3"] }, { in: ["vip", { var: "tags" }] }] }, { schema: CustomerProfile });
assert.deepEqual(fromBuilder.rule, { op: "and", rules: [{ op: "gte", field: "behavior.orderCount", value: 3 }, { op: "hasAny", field: "tags", values: ["vip"] }] });
assert.equal(safeParseJsonLogic({ ">=": [{ var: "behavior.ordercount" }, "3"] }, { schema: CustomerProfile }).success, false);
// 9. A rule kept for json-rules-engine: its notIn is true for a customer with no country at all.
const stored = { event: { type: "outside-core-markets" }, conditions: { all: [{ fact: "country", operator: "notIn", value: ["US", "CA"] }] } };
const fromEngine = parseJsonRulesEngine(stored);
assert.deepEqual(fromEngine.warnings.map((warning) => [warning.code, warning.path]), [["null_selected", ["conditions", "all", 0]]]);
const noCountry = { id: "fay" };
assert.equal(evaluate(fromEngine.rule, noCountry, { asOf }), null); // SQL semantics: UNKNOWN, not selected
assert.equal(evaluate(parseJsonRulesEngine(stored, { nulls: "json-rules-engine" }).rule, noCountry, { asOf }), true); // json-rules-engine's audience

console.log("rules walkthrough: all assertions passed");
