/**
 * Segments walkthrough: segment definitions saved as JSON (as a UI builder would store them), an
 * ETL-style pass over a JSON Lines export in constant memory with every invalid row reported,
 * a segmentation diagnosis, and the diff between two runs (the feed for real-time triggers).
 *
 *   npx tsx --tsconfig examples/tsconfig.json examples/segments.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readJsonLines } from "segmentkit/node";
import { CustomerProfile } from "segmentkit/schema";
import { analyzeSegments, assignSegments, assignSegmentsStream, defineSegment, diffMemberships } from "segmentkit/segments";

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`examples/segments.ts: ${message}`);
}

// 1. Segment definitions as saved JSON: untrusted until defineSegment has parsed them.
const saved = JSON.parse(`[
  { "id": "vip", "name": "VIP", "priority": 3,
    "rule": { "version": 1, "op": "gte", "field": "behavior.totalSpend", "value": 1000 } },
  { "id": "at-risk", "name": "At risk: no purchase for 180 days, not VIP", "priority": 2,
    "rule": { "op": "and", "rules": [
      { "op": "before", "field": "behavior.lastPurchaseAt", "amount": 180, "unit": "days" },
      { "op": "not", "rule": { "op": "inSegment", "segment": "vip" } } ] } },
  { "id": "europe", "name": "Europe, email opt-in", "priority": 1,
    "rule": { "op": "and", "rules": [
      { "op": "in", "field": "geography.country", "values": ["DE", "FR", "GB", "ES", "IT"] },
      { "op": "eq", "field": "consent.email.granted", "value": true } ] } }
]`) as Array<{ id: string; name: string; rule: unknown; priority?: number }>;
const segments = saved.map((definition) => defineSegment(definition));

// A broken definition never becomes a segment that matches everyone: it is an error with a path.
try {
  defineSegment({ id: "broken", name: "Broken", rule: { op: "between", field: "age", min: 65, max: 18 } });
  check(false, "an impossible range must be rejected");
} catch (error) {
  console.log(`rejected definition: ${(error as Error).message}`);
}

// 2. A JSON Lines export of 50,000 profiles; every 1,000th row is invalid (a country name instead of a code).
const directory = mkdtempSync(join(tmpdir(), "segmentkit-segments-"));
const path = join(directory, "profiles.jsonl");
const countries = ["US", "DE", "FR", "GB", "IN", "BR"];
function writeExport(): void {
  const lines: string[] = [];
  for (let index = 0; index < 50_000; index++) {
    const daysAgo = (index * 37) % 400;
    lines.push(
      JSON.stringify({
        id: `c${index}`,
        geography: { country: index % 1_000 === 999 ? "Germany" : countries[index % countries.length] },
        behavior: {
          totalSpend: (index * 7919) % 2_500,
          ...(index % 10 === 0 ? {} : { lastPurchaseAt: new Date(Date.UTC(2024, 5, 1) - daysAgo * 86_400_000).toISOString() }),
        },
        consent: { email: { granted: index % 3 !== 0 } },
      }),
    );
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
}
writeExport();

// 3. Stream it: validate with the profile schema, assign, and hand each row on (here: count it).
const asOf = new Date("2024-06-01T00:00:00Z");
const sizes = new Map<string, number>(segments.map((segment) => [segment.id, 0]));
const rejects: Array<{ index: number; path: string }> = [];
let peakHeap = 0;
const stream = assignSegmentsStream(readJsonLines(path), segments, {
  asOf,
  mode: "first-match",
  schema: CustomerProfile,
  progressEvery: 10_000,
  onProgress: ({ rowsDone, rejected }) => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    console.log(`  ${rowsDone.toLocaleString("en-US")} rows, ${rejected} rejected`);
  },
});
for await (const row of stream) {
  if (row.kind === "rejected") rejects.push({ index: row.index, path: row.issues[0]?.path.join(".") ?? "" });
  else if (row.segment !== null) sizes.set(row.segment, (sizes.get(row.segment) ?? 0) + 1);
}
console.log("first-match sizes:", Object.fromEntries(sizes));
console.log(`rejected rows: ${rejects.length}, first at index ${rejects[0]?.index} (${rejects[0]?.path})`);
console.log(`peak heap during the stream: ${(peakHeap / 1e6).toFixed(1)} MB`);
check(rejects.length === 50 && rejects[0]?.index === 999 && rejects[0]?.path === "geography.country", "50 rejects at the country field");
check((sizes.get("vip") ?? 0) > 0 && (sizes.get("at-risk") ?? 0) > 0, "segments are not empty");

// 4. Diagnose the segmentation on a sample: overlap, shadowing, under-segmentation.
const sample: CustomerProfile[] = [];
for await (const row of readJsonLines(path)) {
  const parsed = CustomerProfile.safeParse(row);
  if (parsed.success) sample.push(parsed.data);
  if (sample.length === 5_000) break;
}
const report = analyzeSegments(segments, sample, { asOf, minShare: 0.05 });
for (const overlap of report.overlaps) console.log(`overlap ${overlap.a} / ${overlap.b}: ${overlap.intersection} (Jaccard ${overlap.jaccard?.toFixed(3)})`);
console.log(`in no segment: ${report.unassigned.count} of ${report.total} (${((report.unassigned.share ?? 0) * 100).toFixed(1)}%)`);
check(report.overlaps.find((overlap) => overlap.a === "vip" && overlap.b === "at-risk")?.intersection === 0, "at-risk excludes VIP");

// 5. Two runs a month apart: who entered and who left each segment. For brevity both runs read the
// same profiles under two clocks (a purchase after May 1 is in no May window); in production each run
// reads the profiles as known at its date, as `npm run demo` does with the CDNOW transactions.
const may = assignSegments(sample, segments, { asOf: new Date("2024-05-01T00:00:00Z"), mode: "all" });
const june = assignSegments(sample, segments, { asOf, mode: "all" });
for (const change of diffMemberships(may, june).segments) {
  console.log(`${change.segment}: ${change.sizeBefore} -> ${change.sizeAfter} (+${change.entered.length} / -${change.left.length})`);
}
rmSync(directory, { recursive: true, force: true });
