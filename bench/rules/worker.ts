/**
 * One engine timed on one rule, in a worker thread of its own (`run.ts`, isolated mode).
 *
 * Why a worker: V8 keeps type feedback per function literal. In one thread, every engine's
 * predicate goes through the same counting loop, whose call site turns megamorphic: each call then
 * costs the same extra ~25 ns whatever the engine, which compresses the ratios of the fast engines,
 * and one engine's garbage is collected during another's pass. benchmark.js compiles a fresh
 * function per benchmark for the same reason. Here every worker has its own heap and its own timed
 * loop, and that loop only ever calls the one predicate it times.
 *
 * To keep the engine's own internals realistic (an application compiles several segments), the
 * worker first builds the engine for all five rules and runs the four other rules over the first
 * 10,000 profiles, through a different loop, before the untimed warm-up pass of its rule.
 *
 * With `alone` (`run.ts --alone`) the worker builds and warms its one rule only: an application with
 * a single segment, where every call site in the engine sees that one rule.
 *
 * Protocol: `workerData` = { engine, rule, count, passes, slowPasses, alone }; the parent posts "warm-up"
 * (answered with the match count) and then "pass" per timed pass (answered with { matches,
 * milliseconds }).
 */
import { parentPort, workerData } from "node:worker_threads";
import { generateBenchProfiles } from "./data.js";
import type { BenchProfile } from "./data.js";
import { enginesFor } from "./engines.js";
import type { BenchEngine } from "./engines.js";
import { ruleNames } from "./rules.js";
import type { RuleName } from "./rules.js";

interface WorkerInput {
  readonly engine: string;
  readonly rule: RuleName;
  readonly count: number;
  readonly passes: number;
  readonly slowPasses: number;
  readonly alone: boolean;
}

const input = workerData as WorkerInput;
const port = parentPort;
if (port === null) throw new Error("worker.ts runs as a worker thread of run.ts");
const profiles = generateBenchProfiles(input.count, 42);
const arguments_ = { passes: input.passes, slowPasses: input.slowPasses, skip: new Set<string>() };
const engineFor = (rule: RuleName): BenchEngine | undefined => enginesFor(rule, arguments_).find((engine) => engine.name === input.engine);
const timed = engineFor(input.rule);
if (timed === undefined) throw new Error(`no engine "${input.engine}" for ${input.rule}`);
const predicate = timed.predicate as (profile: BenchProfile) => boolean;
const asyncPredicate = timed.predicate as (profile: BenchProfile) => Promise<boolean>;

/** The timed loop: its call site only ever sees `predicate`. */
function countTimed(): number {
  let matches = 0;
  for (let i = 0; i < profiles.length; i++) if (predicate(profiles[i]!)) matches++;
  return matches;
}

async function countTimedAsync(): Promise<number> {
  let matches = 0;
  for (let i = 0; i < profiles.length; i++) if (await asyncPredicate(profiles[i]!)) matches++;
  return matches;
}

/** The other rules' warm-up loop (a different literal, so its feedback stays out of `countTimed`). */
async function warmOtherRule(engine: BenchEngine, upTo: number): Promise<void> {
  for (let i = 0; i < upTo; i++) {
    const result = engine.predicate(profiles[i]!);
    if (result instanceof Promise) await result;
  }
}

/**
 * Collects garbage (when run with `--expose-gc`) and pauses 25 ms before a timed pass, so that V8's
 * background sweeping of this heap, or of another worker's, does not run during the pass.
 */
async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 25));
}

const count = (): Promise<number> | number => (timed.kind === "sync" ? countTimed() : countTimedAsync());

port.on("message", (message: "warm-up" | "pass") => {
  void (async () => {
    if (message === "warm-up") {
      for (const rule of ruleNames) {
        const engine = rule === input.rule || input.alone ? undefined : engineFor(rule);
        if (engine !== undefined) await warmOtherRule(engine, Math.min(10_000, profiles.length));
      }
      port.postMessage({ matches: await count() });
      return;
    }
    await settle();
    const start = performance.now();
    const matches = await count();
    port.postMessage({ matches, milliseconds: performance.now() - start });
  })();
});
port.postMessage("ready");
