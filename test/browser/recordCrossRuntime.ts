/**
 * Writes cross-runtime.json: the Node results of `crossRuntimeResults()`, which the Chromium test
 * compares against. Run it only after a deliberate change to one of those computations, and check
 * the diff (each value also has its own reference test in its domain):
 *
 *     npx tsx test/browser/recordCrossRuntime.ts
 */
import { writeFileSync } from "node:fs";
import { crossRuntimeResults } from "./_crossRuntime.js";

const path = new URL("./cross-runtime.json", import.meta.url);
writeFileSync(path, `${JSON.stringify(crossRuntimeResults(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
