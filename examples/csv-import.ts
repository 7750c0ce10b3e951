/**
 * Importing a flat CRM export: a CSV has one string per column, the profile schema is nested and
 * typed, and nothing is coerced behind your back. This maps each CSV row to the profile's shape
 * (empty cells are missing values; a number column becomes a number only when its text is a
 * number, so "n/a" still reaches the schema and is reported with its row and path), validates every
 * row, and segments the valid ones.
 *
 *   npx tsx --tsconfig examples/tsconfig.json examples/csv-import.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDelimited } from "segmentkit/node";
import { parseProfiles } from "segmentkit/schema";
import { assignSegments, defineSegment } from "segmentkit/segments";

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`examples/csv-import.ts: ${message}`);
}

const directory = mkdtempSync(join(tmpdir(), "segmentkit-csv-"));
const path = join(directory, "crm-export.csv");
writeFileSync(
  path,
  [
    "customer_id,country,total_spend,last_purchase_at,tags,email_opt_in",
    "c1,US,820.50,2024-05-20T10:00:00Z,vip|newsletter,yes",
    "c2,DE,,,newsletter,no",
    'c3,FR,"1,200.00",2024-06-01T08:30:00Z,,yes',
    "c4,Mars,99,2024-04-02T00:00:00Z,,",
    "c5,GB,n/a,2024-03-15T12:00:00Z,vip,yes",
  ].join("\n"),
);

/** An empty cell is a missing value, never "" or 0. */
const cell = (text: string | undefined): string | undefined => (text === undefined || text.trim() === "" ? undefined : text.trim());
/** A number when the text is one ("1,200.00" with thousands separators included); otherwise the text itself, for the schema to reject. */
function numberCell(text: string | undefined): number | string | undefined {
  const value = cell(text);
  if (value === undefined) return undefined;
  const plain = value.replace(/,/g, "");
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : value;
}
/** yes / no to a boolean; anything else stays as it is, for the schema to reject. */
function booleanCell(text: string | undefined): boolean | string | undefined {
  const value = cell(text)?.toLowerCase();
  return value === "yes" ? true : value === "no" ? false : value;
}

// 1. Flat CSV rows to the profile's nested input shape (strings stay strings until the schema).
const rows: unknown[] = [];
for await (const record of readDelimited(path)) {
  const lastPurchaseAt = cell(record.last_purchase_at);
  const optIn = booleanCell(record.email_opt_in);
  rows.push({
    id: cell(record.customer_id),
    geography: { country: cell(record.country) },
    behavior: { totalSpend: numberCell(record.total_spend), lastPurchaseAt },
    tags: cell(record.tags)?.split("|") ?? [],
    consent: optIn === undefined ? undefined : { email: { granted: optIn } },
  });
}

// 2. Validate: every valid row is kept, every invalid one comes back with its index and field path.
const { valid, rejected, counts } = parseProfiles(rows);
console.log(`${counts.input} rows: ${counts.valid} valid, ${counts.rejected} rejected`);
for (const rejection of rejected) console.log(`  row ${rejection.index}: ${rejection.path.join(".")}: ${rejection.message}`);
check(counts.valid === 3 && counts.rejected === 2, "three valid rows and two rejected");
check(rejected.map((rejection) => rejection.path.join(".")).join(" ") === "geography.country behavior.totalSpend", "the rejects name their fields");

// 3. Segment the valid profiles; c2 never purchased, so "bought in the last 30 days" is UNKNOWN for it, not TRUE.
const recentBuyers = defineSegment({ id: "recent", name: "Bought in the last 30 days", rule: { op: "withinLast", field: "behavior.lastPurchaseAt", amount: 30, unit: "days" } });
const vip = defineSegment({ id: "vip", name: "Tagged VIP", rule: { op: "hasAny", field: "tags", values: ["vip"] } });
const result = assignSegments(valid, [recentBuyers, vip], { asOf: new Date("2024-06-10T00:00:00Z"), mode: "all" });
for (const membership of result.memberships) console.log(`  ${membership.id}: ${membership.segments.join(", ") || "(none)"}`);
check(result.sizes.map((size) => size.size).join(",") === "2,1", "c1 and c3 bought recently; c1 is VIP");

rmSync(directory, { recursive: true, force: true });
