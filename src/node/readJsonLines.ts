import { assertRecord } from "../_lib/arguments.js";
import { type ReadLinesOptions, readLines } from "./readLines.js";

/**
 * Reads a JSON Lines file (one JSON value per line) in constant memory (Node only): the usual export
 * format of customer data platforms, ready for `parseProfiles` or `assignSegmentsStream`.
 *
 * @remarks Blank lines are skipped. A line that is not valid JSON stops the read with an error naming
 * its line number, so no row is silently lost.
 *
 * @param path - the file to read.
 * @param options - the longest line accepted (see {@link readLines}).
 * @returns an async iterable of the parsed values (`unknown`: validate them with a schema).
 * @throws `readJsonLines could not parse line <n> of <path>: <reason>`, `TypeError` `readJsonLines requires options to be an object`,
 *   and the errors of {@link readLines}.
 * @example
 * import { writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * const path = join(tmpdir(), "segmentkit-json-lines-example.jsonl");
 * writeFileSync(path, '{"id":"c1"}\n\n{"id":"c2","tags":["vip"]}\n');
 * const rows = [];
 * for await (const row of readJsonLines(path)) rows.push(row);
 * rows //=> [{ id: "c1" }, { id: "c2", tags: ["vip"] }]
 * @category Node
 */
export async function* readJsonLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<unknown, void, undefined> {
  assertRecord("readJsonLines", "options", options);
  let lineNumber = 0;
  for await (const line of readLines(path, options)) {
    lineNumber++;
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (error) {
      throw new SyntaxError(`readJsonLines could not parse line ${lineNumber} of ${path}: ${(error as Error).message}`);
    }
    yield value;
  }
}
