import { assertOptions } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { invalidLineHandler } from "./_lib/invalidLines.js";
import { type ReadLinesOptions, readLines, readLinesOptionKeys } from "./readLines.js";

/** A line (or, for {@link readDelimited}, a record spanning lines) that could not be read as a record. */
export interface InvalidLine {
  /** The file's line number (from 1) where it starts. */
  readonly line: number;
  /** Its text, without the line ending (the lines of a multi-line record joined by `\n`). */
  readonly text: string;
  /** What is wrong with it: the error message the read would otherwise stop with. */
  readonly message: string;
}

/** Options of {@link readJsonLines} and {@link readDelimited}. */
export interface ReadRecordsOptions extends ReadLinesOptions {
  /**
   * Called with each line that cannot be read as a record, which is then skipped: the read goes on
   * (a dead-letter file, a count to reconcile). A returned promise is awaited before the next line is
   * read, so an `async` callback that appends to a file keeps the order. Without it, such a line
   * stops the read with an error naming it. An error thrown (or a promise rejected) here stops the read.
   */
  readonly onInvalidLine?: (invalid: InvalidLine) => unknown;
}

const optionKeys = { ...readLinesOptionKeys, onInvalidLine: true } as const satisfies OptionKeys<ReadRecordsOptions>;

/**
 * Reads a JSON Lines file (one JSON value per line) in constant memory (Node only): the usual export
 * format of customer data platforms, ready for `parseProfiles` or `assignSegmentsStream`.
 *
 * @remarks Blank lines are skipped. A line that is not valid JSON stops the read with an error naming
 * its line number, so no row is silently lost; with `onInvalidLine`, it is handed to that callback
 * (line number, text, message) and the read goes on.
 *
 * @param path - the file to read.
 * @param options - the longest line accepted (see {@link readLines}) and `onInvalidLine`.
 * @returns an async iterable of the parsed values (`unknown`: validate them with a schema).
 * @throws `readJsonLines could not parse line <n> of <path>: <reason>` (without `onInvalidLine`), `TypeError` `readJsonLines requires options to be an object`,
 *   `readJsonLines requires onInvalidLine to be a function`,
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
 * @example
 * // Keep reading past a broken line, and keep it for a dead-letter file.
 * import { writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * const path = join(tmpdir(), "segmentkit-json-lines-invalid-example.jsonl");
 * writeFileSync(path, '{"id":"c1"}\n{"id":\n{"id":"c3"}\n');
 * const rows = [];
 * const invalid = [];
 * for await (const row of readJsonLines(path, { onInvalidLine: (line) => invalid.push(line) })) rows.push(row);
 * rows //=> [{ id: "c1" }, { id: "c3" }]
 * [invalid[0].line, invalid[0].text] //=> [2, '{"id":']
 * @category Node
 */
export async function* readJsonLines(path: string, options: ReadRecordsOptions = {}): AsyncGenerator<unknown, void, undefined> {
  assertOptions("readJsonLines", options, optionKeys);
  const invalidLine = invalidLineHandler("readJsonLines", options.onInvalidLine);
  let lineNumber = 0;
  for await (const line of readLines(path, { maxLineLength: options.maxLineLength, signal: options.signal })) {
    lineNumber++;
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (error) {
      const message = `readJsonLines could not parse line ${lineNumber} of ${path}: ${(error as Error).message}`;
      await invalidLine({ line: lineNumber, text: line, message }, new SyntaxError(message));
      continue;
    }
    yield value;
  }
}
