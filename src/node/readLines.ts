import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

/**
 * Reads a text file line by line in constant memory (Node only).
 *
 * @remarks UTF-8, with a leading byte-order mark removed (as Excel and many CSV tools write one);
 * `\n`, `\r\n` and a lone `\r` end a line; the last line may lack one. Lines are yielded as they are
 * read, so a multi-gigabyte file of ordinary lines never sits in memory. The file is closed when the
 * reading ends, fails, or the caller stops early (`break` out of `for await`).
 *
 * @param path - the file to read.
 * @returns an async iterable of lines, without their line endings.
 * @throws the file system's error (e.g. `ENOENT`) when the file cannot be opened.
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
export async function* readLines(path: string): AsyncGenerator<string, void, undefined> {
  const input = createReadStream(path, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let first = true;
  try {
    for await (const line of lines) {
      yield first && line.startsWith("\uFEFF") ? line.slice(1) : line;
      first = false;
    }
  } finally {
    // Closing the line reader leaves its input open: destroy it, or every early stop leaks a file handle.
    lines.close();
    input.destroy();
  }
}
