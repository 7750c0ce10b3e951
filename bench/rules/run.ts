/**
 * Rule-evaluation benchmark (benchmarks.md §(a)): segmentkit's compiled rules against hand-written
 * closures and other rule engines, side by side and interleaved in one process.
 *
 *   cd bench/rules && npm install && npm run bench              # full run (several minutes)
 *   npm run bench -- --passes 3 --skip json-rules-engine,sift   # quicker
 *   npm run bench -- --alone                                    # each worker builds only its rule
 *   npm run bench -- --shared                                   # the older method: one thread, one loop
 *
 * Method: for every rule, every engine gets a worker thread of its own (`worker.ts` says why: one
 * shared counting loop adds a megamorphic call to every evaluation and mixes the engines' garbage).
 * Each worker builds its engine for all five rules and runs the other four on 10,000 profiles, then
 * one untimed warm-up pass of its rule. The timed passes are interleaved round-robin across the
 * workers (pass 1 of every engine, then pass 2, ...), one worker busy at a time: 7 timed passes over
 * the 100,000 profiles (json-rules-engine: 4), timed inside the worker. Reports evaluations per
 * second (N / median pass time), min/max pass, the match count and whether it equals the
 * SQL-semantics count, and the ratio to the SQL-null-safe closure of the same run: the median over
 * passes of closure time / engine time, pass by pass (> 1 means faster than the closure).
 * Writes the table to stdout and the raw numbers to `results/latest.json`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { expectedNullCounts, generateBenchProfiles } from "./data.js";
import type { BenchProfile } from "./data.js";
import { enginesFor } from "./engines.js";
import type { BenchEngine } from "./engines.js";
import { expectedCounts, ruleNames } from "./rules.js";
import type { RuleName } from "./rules.js";

interface Arguments {
  passes: number;
  slowPasses: number;
  count: number;
  skip: Set<string>;
  /** `isolated` (default): one worker thread per engine and rule; `shared`: every engine in this thread, one counting loop. */
  mode: "isolated" | "shared";
  /** Isolated mode: build only the timed rule in each worker (an application with one segment), not all five. */
  alone: boolean;
}

function readArguments(argv: ReadonlyArray<string>): Arguments {
  const result: Arguments = { passes: 7, slowPasses: 4, count: 100_000, skip: new Set(), mode: "isolated", alone: false };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    const value = argv[i + 1];
    if (key === "--passes" && value !== undefined) {
      result.passes = Number(value);
      result.slowPasses = Math.min(result.slowPasses, result.passes);
      i++;
    } else if (key === "--shared") {
      result.mode = "shared";
    } else if (key === "--alone") {
      result.alone = true;
    } else if (key === "--skip" && value !== undefined) {
      for (const name of value.split(",")) result.skip.add(name.trim());
      i++;
    }
  }
  return result;
}

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

/** Runs one engine's passes on one rule: in this thread (`shared`) or in a worker of its own (`isolated`). */
interface PassRunner {
  /** The untimed warm-up pass; its match count. */
  warmUp(): Promise<number>;
  pass(): Promise<{ matches: number; milliseconds: number }>;
  close(): Promise<void>;
}

function sharedRunner(engine: BenchEngine, profiles: ReadonlyArray<BenchProfile>): PassRunner {
  const pass = async (): Promise<{ matches: number; milliseconds: number }> => {
    const start = performance.now();
    const matches = engine.kind === "sync" ? countMatches(engine.predicate, profiles) : await countMatchesAsync(engine.predicate, profiles);
    return { matches, milliseconds: performance.now() - start };
  };
  return { warmUp: async () => (await pass()).matches, pass, close: async () => undefined };
}

async function isolatedRunner(engine: BenchEngine, rule: RuleName, args: Arguments): Promise<PassRunner> {
  const worker = new Worker(new URL("./worker.mjs", import.meta.url), {
    workerData: { engine: engine.name, rule, count: args.count, passes: args.passes, slowPasses: args.slowPasses, alone: args.alone },
  });
  const next = (): Promise<unknown> =>
    new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
  await next(); // "ready": the worker has generated its profiles
  const ask = async <T>(message: "warm-up" | "pass"): Promise<T> => {
    const answer = next();
    worker.postMessage(message);
    return (await answer) as T;
  };
  return {
    warmUp: async () => (await ask<{ matches: number }>("warm-up")).matches,
    pass: () => ask<{ matches: number; milliseconds: number }>("pass"),
    close: async () => {
      await worker.terminate();
    },
  };
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
    const runners = new Map<string, PassRunner>();
    for (const engine of engines) {
      runners.set(engine.name, args.mode === "shared" ? sharedRunner(engine, profiles) : await isolatedRunner(engine, rule, args));
    }
    const times = new Map<string, number[]>();
    const matchCounts = new Map<string, number>();
    for (const engine of engines) {
      matchCounts.set(engine.name, await runners.get(engine.name)!.warmUp());
      times.set(engine.name, []);
    }
    const maxPasses = Math.max(...engines.map((engine) => engine.passes));
    for (let pass = 0; pass < maxPasses; pass++) {
      for (const engine of engines) {
        if (pass >= engine.passes) continue;
        const { matches, milliseconds } = await runners.get(engine.name)!.pass();
        if (matches !== matchCounts.get(engine.name)) throw new Error(`${engine.name} gave different counts between passes on ${rule}`);
        times.get(engine.name)!.push(milliseconds);
      }
    }
    for (const runner of runners.values()) await runner.close();
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
