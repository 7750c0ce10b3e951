/**
 * Rule-evaluation benchmark (benchmarks.md §(a)): segmentkit's compiled rules against hand-written
 * closures and other rule engines, side by side and interleaved in one process.
 *
 *   cd bench/rules && npm install && npm run bench              # full run (several minutes)
 *   npm run bench -- --passes 3 --skip json-rules-engine,sift   # quicker
 *
 * Method: for every rule, one untimed warm-up pass per engine, then passes interleaved round-robin
 * across engines (pass 1 of every engine, then pass 2, ...): 7 timed passes over the 100,000
 * profiles (json-rules-engine: 4). Every engine is driven through the same counting loop. Reports
 * evaluations per second (N / median pass time), min/max pass, the match count and whether it equals
 * the SQL-semantics count, and the ratio to the SQL-null-safe closure of the same run: the median over
 * passes of closure time / engine time, pass by pass (> 1 means faster than the closure).
 * Writes the table to stdout and the raw numbers to `results/latest.json`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseCel } from "@marcbachmann/cel-js";
import jsonLogic from "json-logic-js";
import { LogicEngine } from "json-logic-engine";
import { Engine } from "json-rules-engine";
import sift from "sift";
import { compileRule } from "../../src/rules/index.js";
import { expectedNullCounts, generateBenchProfiles } from "./data.js";
import type { BenchProfile } from "./data.js";
import {
  celExpressions,
  expectedCounts,
  jsonLogicRules,
  jsonRulesEngineConditions,
  naiveClosures,
  ruleNames,
  segmentkitRules,
  siftQueries,
  sqlNullSafeClosures,
} from "./rules.js";
import type { RuleName } from "./rules.js";

interface Arguments {
  passes: number;
  slowPasses: number;
  count: number;
  skip: Set<string>;
}

function readArguments(argv: ReadonlyArray<string>): Arguments {
  const result: Arguments = { passes: 7, slowPasses: 4, count: 100_000, skip: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = argv[i + 1];
    if (key === "--passes" && value !== undefined) {
      result.passes = Number(value);
      result.slowPasses = Math.min(result.slowPasses, result.passes);
      i++;
    } else if (key === "--skip" && value !== undefined) {
      for (const name of value.split(",")) result.skip.add(name.trim());
      i++;
    }
  }
  return result;
}

/** A synchronous engine: a predicate per profile. */
interface SyncEngine {
  readonly name: string;
  readonly kind: "sync";
  readonly passes: number;
  readonly predicate: (profile: BenchProfile) => boolean;
}
/** An asynchronous engine (json-rules-engine). */
interface AsyncEngine {
  readonly name: string;
  readonly kind: "async";
  readonly passes: number;
  readonly predicate: (profile: BenchProfile) => Promise<boolean>;
}
type BenchEngine = SyncEngine | AsyncEngine;

function countMatches(predicate: (profile: BenchProfile) => boolean, profiles: ReadonlyArray<BenchProfile>): number {
  let matches = 0;
  for (let i = 0; i < profiles.length; i++) if (predicate(profiles[i]!)) matches++;
  return matches;
}

async function countMatchesAsync(
  predicate: (profile: BenchProfile) => Promise<boolean>,
  profiles: ReadonlyArray<BenchProfile>,
): Promise<number> {
  let matches = 0;
  for (let i = 0; i < profiles.length; i++) if (await predicate(profiles[i]!)) matches++;
  return matches;
}

const asOf = new Date("2026-01-01T00:00:00Z");

function enginesFor(rule: RuleName, args: Arguments): BenchEngine[] {
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

interface Measurement {
  engine: string;
  rule: RuleName;
  matches: number;
  expected: number;
  correct: boolean;
  passMilliseconds: number[];
  medianMilliseconds: number;
  evaluationsPerSecond: number;
  ratioToClosure: number | null;
}

function median(values: ReadonlyArray<number>): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function runPass(engine: BenchEngine, profiles: ReadonlyArray<BenchProfile>): Promise<{ matches: number; milliseconds: number }> {
  const start = performance.now();
  const matches = engine.kind === "sync" ? countMatches(engine.predicate, profiles) : await countMatchesAsync(engine.predicate, profiles);
  return { matches, milliseconds: performance.now() - start };
}

function format(rate: number): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)}M`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(0)}k`;
  return rate.toFixed(0);
}

async function main(): Promise<void> {
  const args = readArguments(process.argv.slice(2));
  const profiles = generateBenchProfiles(args.count, 42);
  let incomeNull = 0;
  let lastPurchaseNull = 0;
  let countryAbsent = 0;
  for (const profile of profiles) {
    if (profile.income === null) incomeNull++;
    if (profile.lastPurchaseDaysAgo === null) lastPurchaseNull++;
    if (!Object.hasOwn(profile, "country")) countryAbsent++;
  }
  const dataOk =
    incomeNull === expectedNullCounts.income &&
    lastPurchaseNull === expectedNullCounts.lastPurchaseDaysAgo &&
    countryAbsent === expectedNullCounts.countryAbsent;
  console.log(
    `data: ${profiles.length} profiles; income null ${incomeNull}, lastPurchaseDaysAgo null ${lastPurchaseNull}, ` +
      `country absent ${countryAbsent} (${dataOk ? "matches" : "DIFFERS FROM"} the published 7,949 / 20,004 / 1,973)`,
  );
  const environment = {
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    cpuCount: cpus().length,
    loadAverageBefore: loadavg().map((value) => Number(value.toFixed(2))),
    date: new Date().toISOString(),
  };
  console.log(`node ${environment.node}; ${environment.cpuCount} x ${environment.cpu}; load average ${environment.loadAverageBefore.join(" ")}`);

  const measurements: Measurement[] = [];
  for (const rule of ruleNames) {
    const engines = enginesFor(rule, args);
    const times = new Map<string, number[]>();
    const matchCounts = new Map<string, number>();
    for (const engine of engines) {
      const { matches } = await runPass(engine, profiles); // untimed warm-up
      matchCounts.set(engine.name, matches);
      times.set(engine.name, []);
    }
    const maxPasses = Math.max(...engines.map((engine) => engine.passes));
    for (let pass = 0; pass < maxPasses; pass++) {
      for (const engine of engines) {
        if (pass >= engine.passes) continue;
        const { matches, milliseconds } = await runPass(engine, profiles);
        if (matches !== matchCounts.get(engine.name)) throw new Error(`${engine.name} gave different counts between passes on ${rule}`);
        times.get(engine.name)!.push(milliseconds);
      }
    }
    const closureTimes = times.get("closure (SQL-null-safe)");
    for (const engine of engines) {
      const passMilliseconds = times.get(engine.name)!;
      const medianMilliseconds = median(passMilliseconds);
      const matches = matchCounts.get(engine.name)!;
      measurements.push({
        engine: engine.name,
        rule,
        matches,
        expected: expectedCounts[rule],
        correct: matches === expectedCounts[rule],
        passMilliseconds: passMilliseconds.map((value) => Number(value.toFixed(3))),
        medianMilliseconds,
        evaluationsPerSecond: profiles.length / (medianMilliseconds / 1000),
        // Paired: pass p of the engine ran right after pass p of the closure, so the median of the
        // per-pass ratios cancels most of the machine's load drift.
        ratioToClosure:
          closureTimes === undefined ? null : median(passMilliseconds.map((value, pass) => closureTimes[pass]! / value)),
      });
    }
    console.log(`${rule} done`);
  }
  const loadAverageAfter = loadavg().map((value) => Number(value.toFixed(2)));

  const engineNames = [...new Set(measurements.map((measurement) => measurement.engine))];
  const lines: string[] = [];
  lines.push(`| engine | ${ruleNames.join(" | ")} |`);
  lines.push(`| --- | ${ruleNames.map(() => "---:").join(" | ")} |`);
  for (const name of engineNames) {
    const cells = ruleNames.map((rule) => {
      const m = measurements.find((measurement) => measurement.engine === name && measurement.rule === rule);
      if (m === undefined) return "—";
      const ratio = m.ratioToClosure === null ? "" : ` (${m.ratioToClosure.toFixed(2)}x)`;
      return `${format(m.evaluationsPerSecond)}${ratio}`;
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  lines.push("");
  lines.push(`| engine | ${ruleNames.map((rule) => `${rule} (expected ${expectedCounts[rule].toLocaleString("en-US")})`).join(" | ")} |`);
  lines.push(`| --- | ${ruleNames.map(() => "---:").join(" | ")} |`);
  for (const name of engineNames) {
    const cells = ruleNames.map((rule) => {
      const m = measurements.find((measurement) => measurement.engine === name && measurement.rule === rule);
      if (m === undefined) return "—";
      return `${m.matches.toLocaleString("en-US")}${m.correct ? "" : " ✗"}`;
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  lines.push("");
  lines.push(`| engine | ${ruleNames.map((rule) => `${rule} min–max ms`).join(" | ")} |`);
  lines.push(`| --- | ${ruleNames.map(() => "---:").join(" | ")} |`);
  for (const name of engineNames) {
    const cells = ruleNames.map((rule) => {
      const m = measurements.find((measurement) => measurement.engine === name && measurement.rule === rule);
      if (m === undefined) return "—";
      return `${Math.min(...m.passMilliseconds).toFixed(1)}–${Math.max(...m.passMilliseconds).toFixed(1)}`;
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  console.log();
  console.log(lines.join("\n"));
  console.log(`\nload average after: ${loadAverageAfter.join(" ")}`);

  const here = dirname(fileURLToPath(import.meta.url));
  const outputDirectory = join(here, "results");
  mkdirSync(outputDirectory, { recursive: true });
  writeFileSync(
    join(outputDirectory, "latest.json"),
    `${JSON.stringify({ environment: { ...environment, loadAverageAfter }, arguments: { ...args, skip: [...args.skip] }, dataOk, measurements }, null, 2)}\n`,
  );
}

await main();
