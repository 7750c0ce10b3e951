/**
 * Demo section: named rules over CDNOW customer summaries (segmentkit/rules). Three-valued counts
 * (TRUE / FALSE / UNKNOWN) next to what naive JavaScript coercion would select, an event rule over
 * the raw purchases, the compiled predicate checked against the interpreter on every customer, and
 * an explanation of one customer.
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
  parseRule,
  withinLast,
} from "segmentkit/rules";
import type { Rule, RuleEvent, RuleExplanation } from "segmentkit/rules";
import { customerProfile } from "./context.js";
import type { DemoContext } from "./context.js";
import { formatNumber, heading, percent, table } from "./format.js";

/** The named rules; one arrives as JSON, the way a UI would save it. */
const namedRules: ReadonlyArray<{ name: string; rule: Rule; naive?: (profile: ReturnType<typeof customerProfile>) => boolean }> = [
  { name: "recent buyers", rule: withinLast("behavior.lastPurchaseAt", 90, "days") },
  { name: "big spenders", rule: gte("behavior.totalSpend", 500) },
  {
    name: "frequent repeaters",
    rule: lt("behavior.meanInterPurchaseDays", 60),
    // What a coercing engine does: null < 60 is true in JavaScript.
    naive: (profile) => (profile.behavior.meanInterPurchaseDays as unknown as number) < 60,
  },
  {
    name: "not frequent repeaters",
    rule: not(lt("behavior.meanInterPurchaseDays", 60)),
    naive: (profile) => !((profile.behavior.meanInterPurchaseDays as unknown as number) < 60),
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
  for (const { name, rule, naive } of namedRules) {
    const truth = compileRuleTruth(rule, { asOf, eventsOf });
    const selected = compileRule(rule, { asOf, eventsOf });
    const counts = { true: 0, false: 0, unknown: 0 };
    let naiveCount = 0;
    for (const profile of profiles) {
      const result = truth(profile);
      if (result === true) counts.true += 1;
      else if (result === false) counts.false += 1;
      else counts.unknown += 1;
      if (selected(profile) !== (result === true)) disagreements += 1;
      if (naive?.(profile) === true) naiveCount += 1;
    }
    for (let index = 0; index < profiles.length; index += 97) {
      const profile = profiles[index]!;
      if (evaluate(rule, profile, { asOf, events: eventsOf(profile) }) !== truth(profile)) disagreements += 1;
    }
    rows.push([name, describeRule(rule), counts.true, counts.false, counts.unknown, percent(counts.true / profiles.length), naive === undefined ? "" : formatNumber(naiveCount)]);
  }

  const lapsed = namedRules[4]!.rule;
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
    "UNKNOWN comes from missing values (one-purchase customers have no inter-purchase gap). \"naive JS\" counts what a coercing engine selects (null < 60 is true).",
    "",
    table(["rule", "definition", "TRUE", "FALSE", "UNKNOWN", "selected", "naive JS"], rows),
    "",
    `Compiled predicate vs interpreter: ${disagreements} disagreements (every profile checked for compileRule vs compileRuleTruth, every 97th against evaluate).`,
    "",
    `Why is customer ${example.id} (spent ${formatNumber(example.behavior.totalSpend)}, last purchase ${example.behavior.lastPurchaseAt.toISOString().slice(0, 10)}) not in "lapsed high value"?`,
    "",
    ...lines,
  ].join("\n");
}
