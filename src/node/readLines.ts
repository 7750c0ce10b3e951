import { createReadStream } from "node:fs";
import { assertOptions } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { defaultMaxLineLength } from "./_lib/maxLineLength.js";

/** Options of {@link readLines}, {@link readJsonLines} and {@link readDelimited}. */
export interface ReadLinesOptions {
  /**
   * The longest line accepted, in UTF-16 code units. A longer line stops the read with an error
   * before it is held in memory whole, so a file without line breaks cannot exhaust the heap.
   * For `readDelimited` it also bounds a record whose quoted field spans lines.
   * Default 16,777,216 (16 Mi); `Infinity` turns the limit off.
   */
  readonly maxLineLength?: number | undefined;
  /**
   * Stops the read when aborted (`AbortSignal.timeout(60_000)`, or an `AbortController` of the
   * host's job): the file is closed and the next line is refused with the signal's `reason` (whatever
   * it is), at once also while a read waits on a pipe or FIFO (the operating system's pending open or
   * read of the pipe still holds a worker thread until it returns), and also when the read sits inside
   * a consumer such as `summarizeCustomersAsync`, which then rejects with it and closes its own sources.
   */
  readonly signal?: AbortSignal | undefined;
}

/** The keys of {@link ReadLinesOptions}. @internal */
export const readLinesOptionKeys = { maxLineLength: true, signal: true } as const satisfies OptionKeys<ReadLinesOptions>;

const lineEnd = /\r\n|\r|\n/;

/**
 * The length of `bytes` up to the end of its last complete UTF-8 sequence: a multi-byte character cut
 * by the end of a read is carried to the next one. Anything else (invalid bytes included) is left to
 * the decoder.
 */
function completeLength(bytes: Uint8Array): number {
  let start = bytes.length - 1;
  // at most three continuation bytes (top two bits 10) end a sequence
  while (start >= 0 && bytes.length - start <= 3 && (bytes[start]! & 0xc0) === 0x80) start--;
  if (start < 0) return bytes.length;
  const lead = bytes[start]!;
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start + needed > bytes.length ? start : bytes.length;
}

/** The offset of the byte at which strict UTF-8 decoding of `bytes` fails (only called once it did). */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  for (let offset = 0; offset < bytes.length; offset++) {
    try {
      decoder.decode(bytes.subarray(offset, offset + 1), { stream: true });
    } catch {
      return offset;
    }
  }
  return bytes.length;
}

/** An `AbortSignal`, also of another realm: what `throwIfAborted` and the listener need. */
function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof value !== "object" || value === null) return false;
  const signal = value as Partial<AbortSignal>;
  return typeof signal.aborted === "boolean" && typeof signal.throwIfAborted === "function" && typeof signal.addEventListener === "function";
}

/**
 * Reads a text file line by line in constant memory (Node only).
 *
 * @remarks UTF-8, with a leading byte-order mark removed (as Excel and many CSV tools write one).
 * Bytes that are not UTF-8 stop the read with an error naming their line, instead of turning into
 * U+FFFD: convert a Latin-1 or Windows-1252 export first (for example with `iconv`). `\n`, `\r\n`
 * and a lone `\r` end a line (also when a `\r\n` pair is split between two reads); the last
 * line may lack one. Lines are yielded as they are read, so a multi-gigabyte file of ordinary lines
 * never sits in memory, and a line longer than `maxLineLength` stops the read. The file is closed
 * when the reading ends, fails, is aborted through `signal`, or the caller stops early (`break` out of
 * `for await`).
 *
 * @param path - the file to read.
 * @param options - the longest line accepted, and a `signal` to abort the read.
 * @returns an async iterable of lines, without their line endings.
 * @throws the file system's error (e.g. `ENOENT`) when the file cannot be opened;
 *   `RangeError` `readLines found line <n> of <path> longer than <max> characters`;
 *   `SyntaxError` `readLines found bytes that are not UTF-8 on line <n> of <path>`;
 *   `RangeError` `readLines requires maxLineLength to be a positive integer or Infinity`;
 *   `TypeError` `readLines requires signal to be an AbortSignal`;
 *   the signal's `reason` once it is aborted (by default a `DOMException` named `AbortError`, or
 *   `TimeoutError` for `AbortSignal.timeout`);
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
  assertOptions("readLines", options, readLinesOptionKeys);
  const maxLineLength = options.maxLineLength ?? defaultMaxLineLength;
  if (!(maxLineLength === Number.POSITIVE_INFINITY || (Number.isSafeInteger(maxLineLength) && maxLineLength >= 1))) {
    throw new RangeError("readLines requires maxLineLength to be a positive integer or Infinity");
  }
  const tooLong = (lineNumber: number): RangeError =>
    new RangeError(`readLines found line ${lineNumber} of ${path} longer than ${maxLineLength} characters`);
  const signal = options.signal;
  if (signal !== undefined && !isAbortSignal(signal)) throw new TypeError("readLines requires signal to be an AbortSignal");
  signal?.throwIfAborted();
  const input = createReadStream(path);
  const reads = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  // Each read races the abort, so a read that waits (a pipe, a FIFO, stdin) is refused at once; the
  // lines of a read already made check the signal before each yield. The listener lives for one read
  // only: a race against one long-lived promise would keep every chunk read reachable from it.
  const nextRead = (): Promise<IteratorResult<Buffer>> => {
    const pending = reads.next();
    if (signal === undefined) return pending;
    return new Promise<IteratorResult<Buffer>>((resolve, reject) => {
      const abort = (): void => reject(signal.reason);
      if (signal.aborted) abort();
      else signal.addEventListener("abort", abort, { once: true });
      pending.then(
        (result) => {
          signal.removeEventListener("abort", abort);
          resolve(result);
        },
        (error: unknown) => {
          signal.removeEventListener("abort", abort);
          reject(error);
        },
      );
    });
  };
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let pending = "";
  let lineNumber = 0;
  let first = true;
  let skipLineFeed = false;
  /** The complete lines of the last decoded piece of the file (the text after its last line end waits in `pending`). */
  const lines: string[] = [];
  /** Set when a line of that piece is longer than `maxLineLength`: the lines before it are still handed on. */
  let failure: RangeError | undefined;
  const split = (text: string): void => {
    lines.length = 0;
    let chunk = text;
    if (chunk === "") return;
    if (first && chunk.startsWith("\uFEFF")) chunk = chunk.slice(1);
    first = false;
    if (skipLineFeed && chunk.startsWith("\n")) chunk = chunk.slice(1);
    // A "\r" that ends the chunk may be the first half of a "\r\n" split between two reads.
    skipLineFeed = chunk.endsWith("\r");
    const parts = chunk.split(lineEnd);
    const last = parts.length - 1;
    for (let index = 0; index < last; index++) {
      const line = index === 0 ? pending + parts[0]! : parts[index]!;
      if (line.length > maxLineLength) {
        failure = tooLong(lineNumber + lines.length + 1);
        return;
      }
      lines.push(line);
    }
    pending = last === 0 ? pending + parts[0]! : parts[last]!;
    if (pending.length > maxLineLength) failure = tooLong(lineNumber + lines.length + 1);
  };
  const notUtf8 = (): SyntaxError => new SyntaxError(`readLines found bytes that are not UTF-8 on line ${lineNumber + 1} of ${path}`);
  let carried: Uint8Array | undefined;
  try {
    for (let next = await nextRead(); next.done !== true; next = await nextRead()) {
      const read = next.value;
      const bytes = carried === undefined ? read : Buffer.concat([carried, read]);
      const end = completeLength(bytes);
      carried = end < bytes.length ? bytes.subarray(end) : undefined;
      let text: string | undefined;
      try {
        text = decoder.decode(bytes.subarray(0, end));
      } catch {
        text = undefined;
      }
      const invalid = text === undefined;
      if (text === undefined) {
        // Hand on every line before the first byte that is not UTF-8, then stop on its line.
        const valid = bytes.subarray(0, firstInvalidByte(bytes.subarray(0, end)));
        text = decoder.decode(valid.subarray(0, completeLength(valid)));
      }
      split(text);
      for (let index = 0; index < lines.length; index++) {
        signal?.throwIfAborted();
        lineNumber++;
        yield lines[index]!;
      }
      if (failure !== undefined) throw failure;
      if (invalid) throw notUtf8();
    }
    // a multi-byte character cut off by the end of the file
    if (carried !== undefined) throw notUtf8();
    signal?.throwIfAborted();
    if (pending !== "") yield pending;
  } finally {
    input.destroy();
  }
}
