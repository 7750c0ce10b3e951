/**
 * The engines of the rule benchmark, each driven the way its users drive it, built for one rule.
 * Shared by `run.ts` (the orchestrator) and `worker.ts` (one engine and rule per worker).
 */
import { parse as parseCel } from "@marcbachmann/cel-js";
import jsonLogic from "json-logic-js";
import { LogicEngine } from "json-logic-engine";
import { Engine } from "json-rules-engine";
import sift from "sift";
import { compileRule } from "../../src/rules/index.js";
import type { BenchProfile } from "./data.js";
import {
  celExpressions,
  jsonLogicRules,
  jsonRulesEngineConditions,
  naiveClosures,
  segmentkitRules,
  siftQueries,
  sqlNullSafeClosures,
} from "./rules.js";
import type { RuleName } from "./rules.js";

/** What `enginesFor` needs of the command line. */
export interface EngineArguments {
  readonly passes: number;
  readonly slowPasses: number;
  readonly skip: ReadonlySet<string>;
}

/** A synchronous engine: a predicate per profile. */
export interface SyncEngine {
  readonly name: string;
  readonly kind: "sync";
  readonly passes: number;
  readonly predicate: (profile: BenchProfile) => boolean;
}
/** An asynchronous engine (json-rules-engine). */
export interface AsyncEngine {
  readonly name: string;
  readonly kind: "async";
  readonly passes: number;
  readonly predicate: (profile: BenchProfile) => Promise<boolean>;
}
export type BenchEngine = SyncEngine | AsyncEngine;

export const asOf = new Date("2026-01-01T00:00:00Z");

export function enginesFor(rule: RuleName, args: EngineArguments): BenchEngine[] {
  const engines: BenchEngine[] = [];
  const add = (engine: BenchEngine): void => {
    if (!args.skip.has(engine.name)) engines.push(engine);
  };
  add({ name: "closure (SQL-null-safe)", kind: "sync", passes: args.passes, predicate: sqlNullSafeClosures[rule] });
  add({
    name: "segmentkit compileRule",
    kind: "sync",
    passes: args.passes,
    predicate: compileRule(segmentkitRules[rule], { asOf }) as (profile: BenchProfile) => boolean,
  });
  const naive = naiveClosures[rule];
  if (naive !== undefined) add({ name: "closure (naive JS)", kind: "sync", passes: args.passes, predicate: naive });
  const logicEngine = new LogicEngine();
  const built = logicEngine.build(jsonLogicRules[rule]);
  add({ name: "json-logic-engine build", kind: "sync", passes: args.passes, predicate: (p) => Boolean(built(p)) });
  const logic = jsonLogicRules[rule];
  add({ name: "json-logic-engine run", kind: "sync", passes: args.passes, predicate: (p) => Boolean(logicEngine.run(logic, p)) });
  const cel = parseCel(celExpressions[rule]);
  add({
    name: "CEL (cel-js)",
    kind: "sync",
    passes: args.passes,
    predicate: (p) => {
      try {
        return cel(p) === true;
      } catch {
        return false;
      }
    },
  });
  add({ name: "json-logic-js", kind: "sync", passes: args.passes, predicate: (p) => Boolean(jsonLogic.apply(logic, p)) });
  const tester = sift(siftQueries[rule]);
  add({ name: "sift", kind: "sync", passes: args.passes, predicate: (p) => tester(p) });
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ conditions: jsonRulesEngineConditions[rule], event: { type: "match" } });
  engine.addFact("spendPerOrder", async (_params, almanac) => {
    const totalSpend = (await almanac.factValue("totalSpend")) as number;
    const orderCount = (await almanac.factValue("orderCount")) as number;
    return totalSpend / orderCount;
  });
  add({
    name: "json-rules-engine",
    kind: "async",
    passes: args.slowPasses,
    predicate: async (p) => (await engine.run(p as unknown as Record<string, unknown>)).events.length > 0,
  });
  return engines;
}

