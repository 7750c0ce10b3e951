import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

/**
 * Reads a text file line by line in constant memory (Node only).
 *
 * @remarks UTF-8; both `\n` and `\r\n` line endings; the last line may lack a newline. Lines are
 * yielded as they are read, so a multi-gigabyte file never sits in memory.
 *
 * @param path - the file to read.
 * @returns an async iterable of lines, without their line endings.
 * @throws the file system's error (e.g. `ENOENT`) when the file cannot be opened.
 * @example
 * import { writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * const path = join(tmpdir(), "segmentkit-read-lines-example.txt");
 * writeFileSync(path, "first\r\nsecond\nthird");
 * const lines = [];
 * for await (const line of readLines(path)) lines.push(line);
 * lines //=> ["first", "second", "third"]
 * @category Node
 */
export async function* readLines(path: string): AsyncGenerator<string, void, undefined> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
  }
}
