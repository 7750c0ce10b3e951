/**
 * Demo section: named rules over CDNOW customer summaries (segmentkit/rules). Three-valued counts
 * (TRUE / FALSE / UNKNOWN) next to what the same condition saved as JsonLogic selects (imported with
 * parseJsonLogic, which keeps JsonLogic's audience on request and warns where it differs) and as
 * json-rules-engine conditions (parseJsonRulesEngine), one rule written back out as JsonLogic
 * (toJsonLogic), the breakdown of one rule by condition, an event rule over the raw purchases, the
 * compiled predicate checked against the interpreter on every customer, and an explanation of one
 * customer.
 */
import type { Transaction } from "segmentkit/schema";
import {
  and,
  before,
  compileRule,
  compileRuleTruth,
  describeRule,
  evaluate,
  event,
  explain,
  gte,
  lt,
  not,
  parseJsonLogic,
  parseJsonRulesEngine,
  parseRule,
  toJsonLogic,
  ruleBreakdown,
  withinLast,
} from "segmentkit/rules";
import type { Rule, RuleEvent, RuleExplanation } from "segmentkit/rules";
import { customerProfile } from "./context.js";
import type { DemoContext } from "./context.js";
import { formatNumber, heading, percent, table } from "./format.js";

/** The same condition as a JsonLogic document: JavaScript reads null < 60 as 0 < 60. */
const frequentJsonLogic = { "<": [{ var: "behavior.meanInterPurchaseDays" }, 60] };

/** The same condition as json-rules-engine conditions: its operators are two-valued, and `not` turns a missing value's false into true. */
const frequentConditions = { fact: "behavior", path: "$.meanInterPurchaseDays", operator: "lessThan", value: 60 };

/** The named rules; one arrives as JSON, the way a UI would save it, and two as JsonLogic and json-rules-engine conditions too. */
const namedRules: ReadonlyArray<{ name: string; rule: Rule; jsonLogic?: unknown; jsonRulesEngine?: unknown }> = [
  { name: "recent buyers", rule: withinLast("behavior.lastPurchaseAt", 90, "days") },
  { name: "big spenders", rule: gte("behavior.totalSpend", 500) },
  {
    name: "frequent repeaters",
    rule: lt("behavior.meanInterPurchaseDays", 60),
    jsonLogic: frequentJsonLogic,
    jsonRulesEngine: { all: [frequentConditions] },
  },
  {
    name: "not frequent repeaters",
    rule: not(lt("behavior.meanInterPurchaseDays", 60)),
    jsonLogic: { "!": frequentJsonLogic },
    jsonRulesEngine: { not: frequentConditions },
  },
  {
    name: "lapsed high value",
    rule: parseRule(JSON.parse('{"version":1,"op":"and","rules":[{"op":"gte","field":"behavior.totalSpend","value":200},{"op":"before","field":"behavior.lastPurchaseAt","amount":6,"unit":"months"}]}')),
  },
  {
    name: "active in the last quarter (events)",
    rule: event("purchase", { withinLast: { amount: 3, unit: "months" }, count: { gte: 2 }, sum: { property: "amount", gte: 50 } }),
  },
];

export async function rulesSection(context: DemoContext): Promise<string> {
  const { asOf } = context;
  const profiles = context.customers.map(customerProfile);
  const eventsByCustomer = new Map<string, RuleEvent[]>();
  for (const transaction of context.transactions as Transaction[]) {
    let list = eventsByCustomer.get(transaction.customerId);
    if (list === undefined) eventsByCustomer.set(transaction.customerId, (list = []));
    list.push({ type: "purchase", timestamp: transaction.timestamp, properties: { amount: transaction.amount } });
  }
  const eventsOf = (profile: { id: string }) => eventsByCustomer.get(profile.id) ?? [];

  const rows: Array<Array<string | number | null>> = [];
  let disagreements = 0;
  for (const { name, rule, jsonLogic, jsonRulesEngine } of namedRules) {
    const truth = compileRuleTruth(rule, { asOf, eventsOf });
    const selected = compileRule(rule, { asOf, eventsOf });
    // JsonLogic's audience: the import with `nulls: "jsonlogic"` guards each condition where JsonLogic selects nulls.
    const asJsonLogic = jsonLogic === undefined ? undefined : compileRule(parseJsonLogic(jsonLogic, { nulls: "jsonlogic" }).rule, { asOf });
    const asJsonRulesEngine =
      jsonRulesEngine === undefined ? undefined : compileRule(parseJsonRulesEngine(jsonRulesEngine, { nulls: "json-rules-engine" }).rule, { asOf });
    const counts = { true: 0, false: 0, unknown: 0 };
    let jsonLogicCount = 0;
    let jsonRulesEngineCount = 0;
    for (const profile of profiles) {
      const result = truth(profile);
      if (result === true) counts.true += 1;
      else if (result === false) counts.false += 1;
      else counts.unknown += 1;
      if (selected(profile) !== (result === true)) disagreements += 1;
      if (asJsonLogic?.(profile) === true) jsonLogicCount += 1;
      if (asJsonRulesEngine?.(profile) === true) jsonRulesEngineCount += 1;
    }
    for (let index = 0; index < profiles.length; index += 97) {
      const profile = profiles[index]!;
      if (evaluate(rule, profile, { asOf, events: eventsOf(profile) }) !== truth(profile)) disagreements += 1;
    }
    rows.push([
      name,
      describeRule(rule),
      counts.true,
      counts.false,
      counts.unknown,
      percent(counts.true / profiles.length),
      asJsonLogic === undefined ? "" : formatNumber(jsonLogicCount),
      asJsonRulesEngine === undefined ? "" : formatNumber(jsonRulesEngineCount),
    ]);
  }
  const [warning] = parseJsonLogic(frequentJsonLogic).warnings;
  // The other direction: the SQL meaning of "not frequent repeaters" written as JsonLogic, with the null test JsonLogic needs.
  const notFrequent = namedRules[3]!.rule;
  const exported = toJsonLogic(notFrequent);
  const readBack = compileRule(parseJsonLogic(exported).rule, { asOf });
  const readBackCount = profiles.reduce((total, profile) => total + (readBack(profile) ? 1 : 0), 0);

  const lapsed = namedRules[4]!.rule;
  const breakdown = ruleBreakdown(lapsed, profiles, { asOf });
  const breakdownRows = (breakdown.root.children ?? []).map((node) => [node.description, node.true, node.false, node.unknown, node.selectedWithout ?? null]);
  const example = profiles.find((profile) => profile.behavior.totalSpend >= 190 && profile.behavior.totalSpend < 200 && evaluate(lapsed, profile, { asOf }) === false) ?? profiles[0]!;
  const why = explain(lapsed, example, { asOf });
  const lines: string[] = [];
  const walk = (node: RuleExplanation, depth: number): void => {
    lines.push(`${"  ".repeat(depth)}- [${node.result === null ? "unknown" : node.result}] ${node.op}: ${node.sentence}`);
    for (const child of node.children ?? []) walk(child, depth + 1);
  };
  walk(why, 0);

  return [
    heading("Rules: SQL three-valued logic over CDNOW customers"),
    `${formatNumber(profiles.length)} customer profiles, clock ${asOf.toISOString().slice(0, 10)}. A customer is selected only when the rule is TRUE;`,
    "UNKNOWN comes from missing values (one-purchase customers have no inter-purchase gap). \"JsonLogic\" and \"json-rules-engine\" count what the same",
    "condition selects in those engines (imported with parseJsonLogic / parseJsonRulesEngine, which keep each engine's audience on request): JsonLogic",
    "selects the missing gaps as frequent (null < 60 is 0 < 60), json-rules-engine as not frequent (not turns its false into true), SQL in neither.",
    "",
    table(["rule", "definition", "TRUE", "FALSE", "UNKNOWN", "selected", "JsonLogic", "json-rules-engine"], rows),
    "",
    `Importing ${JSON.stringify(frequentJsonLogic)} with parseJsonLogic: ${warning?.code} at ${JSON.stringify(warning?.path)}: ${warning?.message}.`,
    `With { nulls: "jsonlogic" } the import adds a missing guard instead and keeps JsonLogic's audience (the column above).`,
    `The other way, toJsonLogic writes "not frequent repeaters" as ${JSON.stringify(exported)}: the null test keeps the SQL audience`,
    `in any JsonLogic evaluator (read back with parseJsonLogic it selects ${formatNumber(readBackCount)}, as the rule does).`,
    "",
    `Compiled predicate vs interpreter: ${disagreements} disagreements (every profile checked for compileRule vs compileRuleTruth, every 97th against evaluate).`,
    "",
    `Where "lapsed high value" loses customers (ruleBreakdown: each condition on every customer; the rule selects ${formatNumber(breakdown.selected)}):`,
    "",
    table(["condition", "TRUE", "FALSE", "UNKNOWN", "selected without it"], breakdownRows),
    "",
    `Why is customer ${example.id} (spent ${formatNumber(example.behavior.totalSpend)}, last purchase ${example.behavior.lastPurchaseAt.toISOString().slice(0, 10)}) not in "lapsed high value"?`,
    "",
    ...lines,
  ].join("\n");
}
