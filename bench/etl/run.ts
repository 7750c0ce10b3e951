/**
 * Streaming ETL benchmark: a JSON Lines transaction file (1 % invalid rows) through the streaming
 * functions of `segmentkit/schema`, each stage in a fresh process so that its peak resident memory
 * is its own, at two file sizes (memory that does not grow with the file is constant). Then, rows
 * already in memory, `parseRowsStream` side by side with `parseTransactions` in one process
 * (interleaved passes; the ratio is what to compare).
 *
 *   npx tsx bench/etl/run.ts                  (from the repository root; writes bench/etl/data/)
 *   npx tsx bench/etl/run.ts 100000 1000000   (the file sizes, in rows)
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { once } from "node:events";
import { readJsonLines } from "../../src/node/index.js";
import { Transaction, dataQualityReportAsync, parseRowsStream, parseTransactions, summarizeCustomersAsync } from "../../src/schema/index.js";
import { mulberry32 } from "../../src/_lib/random.js";

const stages = ["read", "read + parseRowsStream", "read + parseRowsStream + summarizeCustomersAsync", "dataQualityReportAsync, idField: null", 'dataQualityReportAsync, idField: "orderId"'] as const;
type Stage = (typeof stages)[number];
const asOf = new Date("2025-01-01T00:00:00Z");

/** `rows` transactions by `rows / 10` customers over 500 days; one row in 100 has its amount as text. */
async function generate(path: string, rows: number): Promise<void> {
  const random = mulberry32(7);
  const out = createWriteStream(path);
  let chunk: string[] = [];
  for (let index = 0; index < rows; index++) {
    const amount = Math.round(random() * 20_000) / 100;
    chunk.push(
      JSON.stringify({
        customerId: `c${Math.floor((random() * rows) / 10)}`,
        orderId: `o${index}`,
        timestamp: new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 500) * 86_400_000).toISOString(),
        amount: random() < 0.01 ? String(amount) : amount,
      }),
    );
    if (chunk.length === 10_000 || index === rows - 1) {
      if (!out.write(`${chunk.join("\n")}\n`)) await once(out, "drain");
      chunk = [];
    }
  }
  out.end();
  await once(out, "finish");
}

/** One stage over the file, in this process: its time, its peak RSS (sampled every 10 ms) and what it counted. */
async function runStage(stage: Stage, path: string): Promise<{ milliseconds: number; peakRss: number; counted: string }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  const started = performance.now();
  let counted = "";
  let rejected = 0;
  const onRejected = () => void rejected++;
  if (stage === "read") {
    let rows = 0;
    for await (const _ of readJsonLines(path)) rows++;
    counted = `${rows} rows`;
  } else if (stage === "read + parseRowsStream") {
    let valid = 0;
    for await (const _ of parseRowsStream(readJsonLines(path), Transaction, { onRejected })) valid++;
    counted = `${valid} valid, ${rejected} rejected`;
  } else if (stage === "read + parseRowsStream + summarizeCustomersAsync") {
    const { customers, counts } = await summarizeCustomersAsync(parseRowsStream(readJsonLines(path), Transaction, { onRejected }), { asOf });
    counted = `${customers.length} customers, ${counts.used} used, ${rejected} rejected`;
  } else {
    const report = await dataQualityReportAsync(readJsonLines(path), { schema: Transaction, idField: stage.endsWith("null") ? null : "orderId" });
    counted = `${report.validRows} valid of ${report.rows}`;
  }
  const milliseconds = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { milliseconds, peakRss, counted };
}

/** Rows in memory: parseTransactions against parseRowsStream (sync source), interleaved, median of the per-pass ratios. */
async function inMemory(path: string, passes: number): Promise<{ batch: number; stream: number; ratio: number }> {
  const rows = readFileSync(path, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as unknown);
  const batchTimes: number[] = [];
  const streamTimes: number[] = [];
  for (let pass = 0; pass < passes + 1; pass++) {
    let started = performance.now();
    const batch = parseTransactions(rows);
    const batchTime = performance.now() - started;
    started = performance.now();
    let valid = 0;
    for await (const _ of parseRowsStream(rows, Transaction, { onRejected: () => undefined })) valid++;
    const streamTime = performance.now() - started;
    if (valid !== batch.counts.valid) throw new Error(`the stream kept ${valid} rows, parseTransactions ${batch.counts.valid}`);
    if (pass > 0) {
      batchTimes.push(batchTime);
      streamTimes.push(streamTime);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { batch: median(batchTimes), stream: median(streamTimes), ratio: median(streamTimes.map((time, pass) => time / batchTimes[pass]!)) };
}

const [, , mode, stageArgument, pathArgument] = process.argv;
if (mode === "--stage") {
  // A child: one stage, one line of JSON.
  console.log(JSON.stringify(await runStage(stageArgument as Stage, pathArgument!)));
} else {
  const sizes = process.argv.slice(2).map(Number);
  const fileSizes = sizes.length > 0 ? sizes : [100_000, 1_000_000];
  const directory = fileURLToPath(new URL("./data/", import.meta.url));
  mkdirSync(directory, { recursive: true });
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, load average ${loadavg().map((value) => value.toFixed(2)).join(" / ")}`);
  console.log("| stage | rows | MB | ms | rows/s | peak RSS (MB) | counted |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const rows of fileSizes) {
    const path = `${directory}transactions-${rows}.jsonl`;
    if (!existsSync(path)) await generate(path, rows);
    const megabytes = statSync(path).size / 1e6;
    for (const stage of stages) {
      const output = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--stage", stage, path], { encoding: "utf8" });
      const result = JSON.parse(output.trim().split("\n").pop()!) as Awaited<ReturnType<typeof runStage>>;
      const rate = (rows / result.milliseconds) * 1000;
      console.log(`| ${stage} | ${rows.toLocaleString("en-US")} | ${megabytes.toFixed(0)} | ${result.milliseconds.toFixed(0)} | ${(rate / 1000).toFixed(0)}k | ${(result.peakRss / 1e6).toFixed(0)} | ${result.counted} |`);
    }
  }
  const smallest = `${directory}transactions-${Math.min(...fileSizes)}.jsonl`;
  const compared = await inMemory(smallest, 7);
  console.log(
    `\nrows in memory (${Math.min(...fileSizes).toLocaleString("en-US")}, median of 7 interleaved passes): parseTransactions ${compared.batch.toFixed(0)} ms, parseRowsStream ${compared.stream.toFixed(0)} ms, ratio ${compared.ratio.toFixed(2)}`,
  );
}
