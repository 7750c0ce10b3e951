/**
 * Segment-engine overhead on the rule-benchmark data: the five rules as five segments, assigned to
 * the 100,000 seed-42 profiles by `assignSegments` (both modes), `assignSegmentsStream` and
 * `analyzeSegments`, against the floor of calling the five compiled predicates in a plain loop.
 *
 *   cd bench/rules && npx tsx segments.ts [--passes 7] [--copies 10]
 *
 * `--copies k` repeats the data set k times (1,000,000 profiles with k = 10) to check the
 * million-row axis. Median of the passes after one warm-up, in milliseconds and profiles per second.
 */
import { cpus, loadavg } from "node:os";
import { compileRule } from "../../src/rules/index.js";
import { analyzeSegments, assignSegments, assignSegmentsStream, defineSegment } from "../../src/segments/index.js";
import { generateBenchProfiles } from "./data.js";
import type { BenchProfile } from "./data.js";
import { ruleNames, segmentkitRules } from "./rules.js";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = argv.indexOf(name);
  return index >= 0 && argv[index + 1] !== undefined ? Number(argv[index + 1]) : fallback;
};
const passes = option("--passes", 7);
const copies = option("--copies", 1);

const base = generateBenchProfiles(100_000, 42);
const profiles: BenchProfile[] = [];
for (let copy = 0; copy < copies; copy++) for (const profile of base) profiles.push(copy === 0 ? profile : { ...profile, id: `${profile.id}-${copy}` });
const asOf = new Date("2026-01-01T00:00:00Z");
const segments = ruleNames.map((name, index) => defineSegment({ id: name, name: `Rule ${name}`, rule: segmentkitRules[name], priority: index }));
const predicates = ruleNames.map((name) => compileRule(segmentkitRules[name], { asOf }));

const workloads: Array<{ name: string; run: () => Promise<number> | number }> = [
  {
    name: "5 compiled predicates, plain loop (floor)",
    run: () => {
      let total = 0;
      for (let i = 0; i < profiles.length; i++) {
        const profile = profiles[i]!;
        for (let s = 0; s < predicates.length; s++) if (predicates[s]!(profile)) total++;
      }
      return total;
    },
  },
  { name: "assignSegments, all", run: () => assignSegments(profiles, segments, { asOf, mode: "all" }).sizes.reduce((sum, size) => sum + size.size, 0) },
  { name: "assignSegments, first-match", run: () => assignSegments(profiles, segments, { asOf, mode: "first-match" }).unassigned.count },
  {
    name: "assignSegmentsStream, all (array source)",
    run: async () => {
      let total = 0;
      for await (const row of assignSegmentsStream(profiles, segments, { asOf, mode: "all" })) if (row.kind === "assigned") total += row.segments.length;
      return total;
    },
  },
  { name: "analyzeSegments (overlap, shadowing)", run: () => analyzeSegments(segments, profiles, { asOf }).overlaps.length },
];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};

console.log(`${profiles.length.toLocaleString("en-US")} profiles x ${segments.length} segments; node ${process.version}; ${cpus().length} x ${cpus()[0]?.model}; load ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
const times = workloads.map(() => [] as number[]);
for (const workload of workloads) await workload.run(); // warm-up
for (let pass = 0; pass < passes; pass++) {
  for (const [index, workload] of workloads.entries()) {
    const start = performance.now();
    await workload.run();
    times[index]!.push(performance.now() - start);
  }
}
console.log("| workload | median ms | profiles/s | × floor |");
console.log("| --- | ---: | ---: | ---: |");
const floor = median(times[0]!);
for (const [index, workload] of workloads.entries()) {
  const ms = median(times[index]!);
  console.log(`| ${workload.name} | ${ms.toFixed(1)} | ${((profiles.length / ms) * 1000 / 1e6).toFixed(2)}M | ${(ms / floor).toFixed(2)} |`);
}
console.log(`load after: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
