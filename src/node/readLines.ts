import { createReadStream } from "node:fs";
import { assertRecord } from "../_lib/arguments.js";
import { defaultMaxLineLength } from "./_lib/maxLineLength.js";

/** Options of {@link readLines}, {@link readJsonLines} and {@link readDelimited}. */
export interface ReadLinesOptions {
  /**
   * The longest line accepted, in UTF-16 code units. A longer line stops the read with an error
   * before it is held in memory whole, so a file without line breaks cannot exhaust the heap.
   * For `readDelimited` it also bounds a record whose quoted field spans lines.
   * Default 16,777,216 (16 Mi); `Infinity` turns the limit off.
   */
  readonly maxLineLength?: number;
}

const lineEnd = /\r\n|\r|\n/;

/**
 * Reads a text file line by line in constant memory (Node only).
 *
 * @remarks UTF-8, with a leading byte-order mark removed (as Excel and many CSV tools write one);
 * `\n`, `\r\n` and a lone `\r` end a line (also when a `\r\n` pair is split between two reads); the last
 * line may lack one. Lines are yielded as they are read, so a multi-gigabyte file of ordinary lines
 * never sits in memory, and a line longer than `maxLineLength` stops the read. The file is closed
 * when the reading ends, fails, or the caller stops early (`break` out of `for await`).
 *
 * @param path - the file to read.
 * @param options - the longest line accepted.
 * @returns an async iterable of lines, without their line endings.
 * @throws the file system's error (e.g. `ENOENT`) when the file cannot be opened;
 *   `RangeError` `readLines found line <n> of <path> longer than <max> characters`;
 *   `RangeError` `readLines requires maxLineLength to be a positive integer or Infinity`;
 *   `TypeError` `readLines requires options to be an object`.
 * @example
 * import { writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * const path = join(tmpdir(), "segmentkit-read-lines-example.txt");
 * writeFileSync(path, "\uFEFFfirst\r\nsecond\nthird");
 * const lines = [];
 * for await (const line of readLines(path)) lines.push(line);
 * lines //=> ["first", "second", "third"]
 * @category Node
 */
export async function* readLines(path: string, options: ReadLinesOptions = {}): AsyncGenerator<string, void, undefined> {
  assertRecord("readLines", "options", options);
  const maxLineLength = options.maxLineLength ?? defaultMaxLineLength;
  if (!(maxLineLength === Number.POSITIVE_INFINITY || (Number.isSafeInteger(maxLineLength) && maxLineLength >= 1))) {
    throw new RangeError("readLines requires maxLineLength to be a positive integer or Infinity");
  }
  const tooLong = (lineNumber: number): RangeError =>
    new RangeError(`readLines found line ${lineNumber} of ${path} longer than ${maxLineLength} characters`);
  const input = createReadStream(path, { encoding: "utf8" });
  let pending = "";
  let lineNumber = 0;
  let first = true;
  let skipLineFeed = false;
  try {
    for await (let chunk of input as AsyncIterable<string>) {
      if (first && chunk.startsWith("\uFEFF")) chunk = chunk.slice(1);
      first = false;
      if (skipLineFeed && chunk.startsWith("\n")) chunk = chunk.slice(1);
      // A "\r" that ends the chunk may be the first half of a "\r\n" split between two reads.
      skipLineFeed = chunk.endsWith("\r");
      const parts = chunk.split(lineEnd);
      const last = parts.length - 1;
      for (let index = 0; index < last; index++) {
        const line = index === 0 ? pending + parts[0]! : parts[index]!;
        lineNumber++;
        if (line.length > maxLineLength) throw tooLong(lineNumber);
        yield line;
      }
      pending = last === 0 ? pending + parts[0]! : parts[last]!;
      if (pending.length > maxLineLength) throw tooLong(lineNumber + 1);
    }
    if (pending !== "") yield pending;
  } finally {
    input.destroy();
  }
}
