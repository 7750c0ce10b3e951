/**
 * Combines several runs of `run.ts` (their `results/*.json`) into the RESULTS.md tables: the mean
 * evaluations per second over runs, the mean paired ratio to the SQL-null-safe closure of the same
 * run, and the match counts.
 *
 *   npx tsx summarize.ts results/run-1.json results/run-2.json
 */
import { readFileSync } from "node:fs";

interface Measurement {
  engine: string;
  rule: string;
  matches: number;
  expected: number;
  correct: boolean;
  passMilliseconds: number[];
  evaluationsPerSecond: number;
}
interface RunFile {
  environment: { node: string; cpu: string; cpuCount: number; loadAverageBefore: number[]; loadAverageAfter: number[]; date: string };
  measurements: Measurement[];
}

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
/** A ratio to the closure: `0.72×`, or `1/613` for engines hundreds of times slower. */
const formatRatio = (ratio: number): string => (ratio < 0.095 ? `1/${Math.round(1 / ratio)}` : `${ratio.toFixed(2)}×`);
const format = (rate: number): string => (rate >= 1e6 ? `${(rate / 1e6).toFixed(2)}M` : rate >= 1e3 ? `${(rate / 1e3).toFixed(0)}k` : rate.toFixed(0));

const runs = process.argv.slice(2).map((path) => JSON.parse(readFileSync(path, "utf8")) as RunFile);
if (runs.length === 0) throw new Error("usage: tsx summarize.ts results/run-1.json [results/run-2.json ...]");
const rules = [...new Set(runs[0]!.measurements.map((m) => m.rule))];
const engines = [...new Set(runs.flatMap((run) => run.measurements.map((m) => m.engine)))];

function pairedRatio(run: RunFile, engine: string, rule: string): number | undefined {
  const closure = run.measurements.find((m) => m.engine === "closure (SQL-null-safe)" && m.rule === rule);
  const target = run.measurements.find((m) => m.engine === engine && m.rule === rule);
  if (closure === undefined || target === undefined) return undefined;
  return median(target.passMilliseconds.map((value, pass) => closure.passMilliseconds[pass]! / value));
}

const lines: string[] = [];
lines.push(`| engine | ${rules.join(" | ")} | ratio range |`);
lines.push(`| --- | ${rules.map(() => "---:").join(" | ")} | --- |`);
for (const engine of engines) {
  const ratios: number[] = [];
  const cells = rules.map((rule) => {
    const rates = runs.flatMap((run) => run.measurements.filter((m) => m.engine === engine && m.rule === rule).map((m) => m.evaluationsPerSecond));
    if (rates.length === 0) return "—";
    const runRatios = runs.map((run) => pairedRatio(run, engine, rule)).filter((value): value is number => value !== undefined);
    const ratio = runRatios.reduce((sum, value) => sum + value, 0) / runRatios.length;
    ratios.push(ratio);
    const correct = runs.every((run) => run.measurements.every((m) => m.engine !== engine || m.rule !== rule || m.correct));
    return `${format(rates.reduce((sum, value) => sum + value, 0) / rates.length)} (${formatRatio(ratio)})${correct ? "" : " ✗"}`;
  });
  const range = ratios.length === 0 ? "" : `${formatRatio(Math.min(...ratios))} – ${formatRatio(Math.max(...ratios))}`;
  lines.push(`| ${engine} | ${cells.join(" | ")} | ${range} |`);
}
const meanRate = (engine: string, rule: string): number => {
  const rates = runs.flatMap((run) => run.measurements.filter((m) => m.engine === engine && m.rule === rule).map((m) => m.evaluationsPerSecond));
  return rates.reduce((sum, value) => sum + value, 0) / rates.length;
};
if (engines.includes("segmentkit compileRule") && engines.includes("json-logic-js")) {
  const speedups = rules.map((rule) => meanRate("segmentkit compileRule", rule) / meanRate("json-logic-js", rule));
  lines.push(
    `| *segmentkit ÷ json-logic-js* | ${speedups.map((value) => `${value.toFixed(1)}×`).join(" | ")} | ${Math.min(...speedups).toFixed(1)}–${Math.max(...speedups).toFixed(1)}× |`,
  );
}
lines.push("");
lines.push(`| engine | ${rules.map((rule) => `${rule} (expected ${runs[0]!.measurements.find((m) => m.rule === rule)!.expected.toLocaleString("en-US")})`).join(" | ")} |`);
lines.push(`| --- | ${rules.map(() => "---:").join(" | ")} |`);
for (const engine of engines) {
  const cells = rules.map((rule) => {
    const m = runs[0]!.measurements.find((entry) => entry.engine === engine && entry.rule === rule);
    return m === undefined ? "—" : `${m.matches.toLocaleString("en-US")}${m.correct ? "" : " ✗"}`;
  });
  lines.push(`| ${engine} | ${cells.join(" | ")} |`);
}
lines.push("");
for (const [index, run] of runs.entries()) {
  const e = run.environment;
  lines.push(`- run ${index + 1}: ${e.date}, Node ${e.node}, ${e.cpuCount} × ${e.cpu}, load average ${e.loadAverageBefore.join(" / ")} before, ${e.loadAverageAfter.join(" / ")} after`);
}
console.log(lines.join("\n"));
