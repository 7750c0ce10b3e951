/**
 * Heap allocated per evaluation (benchmarks.md §(a), "zero allocations per evaluation"): every
 * synchronous engine of the rule benchmark on every rule, each in a process of its own.
 *
 *   cd bench/rules && npx tsx allocations.ts [--passes 20]
 *
 * Method: the child builds its engine for the rule, runs 10 untimed passes over the 100,000 seed-42
 * profiles (so the optimising compiler has settled), then `--passes` more while `v8.GCProfiler`
 * records every garbage collection. Bytes allocated = heap used after − heap used before + what
 * each collection freed; divided by the evaluations. What the optimising compiler itself allocates
 * (code, feedback) is included, so a few thousandths of a byte per evaluation are the floor of the
 * method, not allocation by the engine. json-rules-engine is asynchronous (a promise per profile)
 * and left out.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GCProfiler } from "node:v8";
import { generateBenchProfiles } from "./data.js";
import { enginesFor } from "./engines.js";
import type { SyncEngine } from "./engines.js";
import { expectedCounts, ruleNames } from "./rules.js";
import type { RuleName } from "./rules.js";

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};
const passes = Number(option("--passes") ?? 20);

function syncEngines(rule: RuleName): SyncEngine[] {
  return enginesFor(rule, { passes: 1, slowPasses: 1, skip: new Set() }).filter((engine): engine is SyncEngine => engine.kind === "sync");
}

/** Child: bytes per evaluation of one engine on one rule, printed as JSON. */
function measure(engineName: string, rule: RuleName): void {
  const engine = syncEngines(rule).find((candidate) => candidate.name === engineName);
  if (engine === undefined) throw new Error(`no engine ${engineName}`);
  const profiles = generateBenchProfiles(100_000, 42);
  const predicate = engine.predicate;
  const pass = (): number => {
    let count = 0;
    for (let index = 0; index < profiles.length; index++) if (predicate(profiles[index]!)) count++;
    return count;
  };
  for (let warm = 0; warm < 10; warm++) pass();
  let matches = 0;
  const before = process.memoryUsage().heapUsed;
  const profiler = new GCProfiler();
  profiler.start();
  for (let timed = 0; timed < passes; timed++) matches = pass();
  const after = process.memoryUsage().heapUsed;
  const statistics = profiler.stop()?.statistics ?? [];
  let freed = 0;
  for (const collection of statistics) freed += collection.beforeGC.heapStatistics.usedHeapSize - collection.afterGC.heapStatistics.usedHeapSize;
  const bytes = after - before + freed;
  process.stdout.write(JSON.stringify({ engine: engineName, rule, matches, collections: statistics.length, bytesPerEvaluation: bytes / (passes * profiles.length) }));
}

interface Row {
  readonly engine: string;
  readonly rule: RuleName;
  readonly matches: number;
  readonly collections: number;
  readonly bytesPerEvaluation: number;
}

function main(): void {
  const self = fileURLToPath(import.meta.url);
  const environment = { date: new Date().toISOString(), node: process.version, cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`, loadBefore: loadavg() };
  const names = syncEngines("R1").map((engine) => engine.name);
  const rows: Row[] = [];
  for (const rule of ruleNames) {
    for (const name of syncEngines(rule).map((engine) => engine.name)) {
      const output = execFileSync(process.execPath, ["--import", "tsx", self, "--child", name, rule, "--passes", String(passes)], { cwd: dirname(self), encoding: "utf8" });
      rows.push(JSON.parse(output) as Row);
    }
  }
  const format = (value: number): string => (value < 0.01 ? "0.00" : value < 100 ? value.toFixed(2) : value.toFixed(0));
  const lines = [`| engine | ${ruleNames.join(" | ")} |`, `| --- | ${ruleNames.map(() => "---:").join(" | ")} |`];
  for (const name of [...names, "closure (naive JS)"]) {
    const cells = ruleNames.map((rule) => {
      const row = rows.find((candidate) => candidate.engine === name && candidate.rule === rule);
      if (row === undefined) return "—";
      const wrong = row.matches === expectedCounts[rule] ? "" : " ✗";
      return `${format(row.bytesPerEvaluation)}${wrong}`;
    });
    if (cells.some((cell) => cell !== "—")) lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  console.log(`bytes allocated per evaluation, ${passes} passes × 100,000 profiles after 10 warm-up passes (✗ = wrong audience)\n`);
  console.log(lines.join("\n"));
  console.log(`\n- ${environment.date}, Node ${environment.node}, ${environment.cpus}, load average ${environment.loadBefore.map((x) => x.toFixed(2)).join(" / ")} before`);
  const directory = join(dirname(self), "results");
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "allocations-latest.json"), `${JSON.stringify({ environment, passes, rows }, null, 2)}\n`);
}

if (option("--child") !== undefined) {
  const index = argv.indexOf("--child");
  measure(argv[index + 1]!, argv[index + 2] as RuleName);
} else {
  main();
}
