/**
 * Re-measures the bundle sizes the guides state, so that they cannot go stale without a failing test:
 * the metrics guide's table (one row per import) and the data-quality guide's "a browser bundle that
 * parses profiles costs about N kB".
 *
 * The method is the one the metrics guide names: esbuild (`bundle`, `minify`, `format: "esm"`,
 * `platform: "browser"`) over the source modules, an entry that re-exports the imported names,
 * gzip level 9, 1 kB = 1,000 bytes. A stated value passes when it is within 2 % of the measurement
 * (at least 0.2 kB), so small changes to the code do not each need a docs change; when a row fails,
 * the message prints the measured table to paste into the guide.
 */
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Gzipped size in kB of a browser bundle of `names` (or of everything, for `"*"`) imported from a source entry. */
async function bundleKilobytes(entry: string, names: readonly string[] | "*"): Promise<number> {
  const from = JSON.stringify(join(root, entry));
  const contents = names === "*" ? `export * from ${from};` : `export { ${names.join(", ")} } from ${from};`;
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild wrote nothing for ${entry}`);
  return gzipSync(output.contents, { level: 9 }).length / 1000;
}

/** Whether a stated size agrees with a measured one: within 2 %, and never closer than 0.2 kB is asked. */
const agrees = (stated: number, measured: number): boolean => Math.abs(stated - measured) <= Math.max(0.2, 0.02 * measured);

interface TableRow {
  readonly line: string;
  readonly names: readonly string[] | "*";
  readonly stated: number;
}

/** The rows of the table under the metrics guide's "## Bundle size" heading. */
function metricsTable(): TableRow[] {
  const guide = readFileSync(join(root, "docs/guides/metrics.md"), "utf8");
  const section = guide.split(/^## /m).find((part) => part.startsWith("Bundle size"));
  if (section === undefined) throw new Error('docs/guides/metrics.md has no "## Bundle size" section');
  const rows: TableRow[] = [];
  for (const line of section.split("\n")) {
    const match = /^\| (.+) \| ([\d.]+) kB \|$/.exec(line);
    if (match === null) continue;
    const cell = match[1] ?? "";
    const names = cell === "the whole subpath" ? "*" : [...cell.matchAll(/`(\w+)`/g)].map((name) => name[1] ?? "");
    rows.push({ line, names, stated: Number(match[2]) });
  }
  return rows;
}

describe("bundle sizes stated in the guides", () => {
  it("the metrics guide's table matches a fresh measurement (within 2 %, at least 0.2 kB)", async () => {
    const rows = metricsTable();
    // the table has its seven rows, the first of them the light import without beta or gamma code
    expect(rows.map((row) => (row.names === "*" ? "*" : row.names.join(" + ")))).toEqual([
      "wilsonInterval + twoProportionZTest",
      "sampleSizeTwoProportions + powerTwoProportions + minimumDetectableEffect + adjustPValues",
      "conversionRate + revenueContribution + cohortRetention",
      "chiSquareIndependence + sampleRatioMismatch",
      "probabilityToBeat",
      "compareSegments",
      "*",
    ]);
    const measured = await Promise.all(rows.map((row) => bundleKilobytes("src/metrics/index.ts", row.names)));
    const fresh = rows.map((row, index) => row.line.replace(/[\d.]+ kB \|$/, `${(measured[index] ?? 0).toFixed(1)} kB |`));
    const stale = rows.filter((row, index) => !agrees(row.stated, measured[index] ?? Number.NaN));
    expect(stale.map((row) => row.line), `measured now:\n${fresh.join("\n")}`).toEqual([]);
    // the ordering the guide explains: each heavier import adds code
    expect(measured[0]).toBeLessThan(measured[3] ?? 0);
    expect(measured[3]).toBeLessThan(measured[4] ?? 0);
    expect(measured[5]).toBeLessThan(measured[6] ?? 0);
  }, 60_000);

  it("the data-quality guide's profile-parser size matches a fresh measurement (within 0.5 kB)", async () => {
    const guide = readFileSync(join(root, "docs/guides/data-quality.md"), "utf8");
    const stated = /a browser bundle that parses profiles costs about ([\d.]+) kB/.exec(guide.replace(/\s+/g, " "));
    expect(stated, "the sentence is in docs/guides/data-quality.md").not.toBeNull();
    const measured = await bundleKilobytes("src/schema/index.ts", ["parseProfiles"]);
    expect(Math.abs(Number(stated?.[1]) - measured), `measured now: ${measured.toFixed(2)} kB`).toBeLessThanOrEqual(0.5);
  }, 60_000);
});
