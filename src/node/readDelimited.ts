import { assertOptions } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { invalidLineHandler } from "./_lib/invalidLines.js";
import { defaultMaxLineLength } from "./_lib/maxLineLength.js";
import type { ReadRecordsOptions } from "./readJsonLines.js";
import { readLines, readLinesOptionKeys } from "./readLines.js";

/** Options of {@link readDelimited}. */
export interface ReadDelimitedOptions extends ReadRecordsOptions {
  /** The field separator: one character such as `","` or `"\t"` (not a quote or a line break), or `"whitespace"` for runs of spaces and tabs. Default `","`. */
  readonly delimiter?: string;
  /** Column names. When omitted, the first line is the header. */
  readonly columns?: ReadonlyArray<string>;
}

const optionKeys = { ...readLinesOptionKeys, onInvalidLine: true, delimiter: true, columns: true } as const satisfies OptionKeys<ReadDelimitedOptions>;

/** A record being split: its fields so far, and the field being read, still open when `quoted`. */
interface PendingRecord {
  readonly fields: string[];
  field: string;
  quoted: boolean;
}

/**
 * Splits one line into `record`'s fields (RFC 4180 quoting). A quoted field still open at the end of
 * the line stays open in `record`, to be continued on the next line.
 */
function splitInto(record: PendingRecord, line: string, delimiter: string): void {
  // Runs between quotes and delimiters are taken as slices (a field built character by character
  // cost about 40 bytes of heap per character: a 16 Mi-character line needed 700 MB).
  const fields = record.fields;
  let { field, quoted } = record;
  let index = 0;
  while (index < line.length) {
    if (quoted) {
      const close = line.indexOf('"', index);
      if (close === -1) {
        field += line.slice(index);
        index = line.length;
      } else if (line.charCodeAt(close + 1) === 34) {
        field += line.slice(index, close + 1);
        index = close + 2;
      } else {
        field += line.slice(index, close);
        quoted = false;
        index = close + 1;
      }
    } else if (field === "" && line.charCodeAt(index) === 34) {
      // A quote opens a quoted field only at its start; anywhere else it is a character of the field.
      quoted = true;
      index++;
    } else {
      const next = line.indexOf(delimiter, index);
      if (next === -1) {
        field += line.slice(index);
        index = line.length;
      } else {
        field += line.slice(index, next);
        fields.push(field);
        field = "";
        index = next + 1;
      }
    }
  }
  if (!quoted) {
    fields.push(field);
    field = "";
  }
  record.field = field;
  record.quoted = quoted;
}

function uniqueColumns(columns: ReadonlyArray<string>, path: string): ReadonlyArray<string> {
  if (!Array.isArray(columns) || !columns.every((column) => typeof column === "string")) throw new TypeError("readDelimited requires columns to be an array of strings");
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) throw new SyntaxError(`readDelimited found the column ${JSON.stringify(column)} twice in the header of ${path}`);
    seen.add(column);
  }
  return columns;
}

const edgeBlanks = /^[ \t]+|[ \t]+$/g;
const blanks = /[ \t]+/;

/**
 * Reads a delimited text file (CSV, TSV, whitespace-separated) as records of strings in constant
 * memory (Node only).
 *
 * @remarks RFC 4180 quoting for character delimiters (`"a, b"`, doubled quotes), including quoted
 * fields that span lines, as spreadsheets and Python's `csv` module write them: a line break inside
 * quotes is read as `\n`, whatever the file's line endings, and `maxLineLength` then bounds the whole
 * record. Values stay strings: convert and validate them with a schema, which reports bad rows with
 * their index. A record with a different number of fields than the header stops the read with an
 * error naming the line it starts on, and so does a quote still open at the end of the file; with
 * `onInvalidLine`, such a record is handed to that callback and the read goes on (a header that
 * names a column twice always stops it). As in RFC 4180 and Python's `csv`, a quote that opens a
 * field and is never closed takes the rest of the file into that one record: it comes to
 * `onInvalidLine` at the end of the file, or stops the read once it passes `maxLineLength`. Empty lines are skipped (with `"whitespace"`, also lines of spaces and
 * tabs), except inside quotes; a line of delimiters only is a row of empty strings.
 *
 * @param path - the file to read.
 * @param options - the delimiter, for files without a header the column names, the longest line accepted (see {@link readLines}) and `onInvalidLine`.
 * @returns an async iterable of `{ column: value }` records. Each record is an object without a
 *   prototype (a header such as `__proto__` is an ordinary field), so it has no `toString` or
 *   `hasOwnProperty`; and like any object it lists number-like keys first (`2023` before `id`): read
 *   the fields by name, not by `Object.keys` order, to keep the file's column order.
 * @throws `readDelimited found <n> fields on line <line> of <path> where the header has <m>`,
 *   `readDelimited found a quoted field opened on line <line> of <path> and not closed at the end of the file`,
 *   `RangeError` `readDelimited found a record from line <line> of <path> longer than <max> characters`,
 *   `readDelimited found the column "<name>" twice in the header of <path>`,
 *   `RangeError` `readDelimited requires delimiter to be one character other than a quote or a line break, or "whitespace"`,
 *   `TypeError` `readDelimited requires options to be an object`, `readDelimited requires columns to be an array of strings`,
 *   `readDelimited requires onInvalidLine to be a function`,
 *   and the errors of {@link readLines}.
 * @example
 * import { writeFileSync } from "node:fs";
 * import { tmpdir } from "node:os";
 * import { join } from "node:path";
 * const path = join(tmpdir(), "segmentkit-delimited-example.txt");
 * writeFileSync(path, " 00001 19970101  1   11.77\n 00002 19970112  1   12.00\n");
 * const rows = [];
 * for await (const row of readDelimited(path, { delimiter: "whitespace", columns: ["id", "date", "cds", "dollars"] })) rows.push(row);
 * rows[1] //=> { id: "00002", date: "19970112", cds: "1", dollars: "12.00" }
 * @category Node
 */
export async function* readDelimited(path: string, options: ReadDelimitedOptions = {}): AsyncGenerator<Record<string, string>, void, undefined> {
  assertOptions("readDelimited", options, optionKeys);
  const delimiter = options.delimiter ?? ",";
  const whitespace = delimiter === "whitespace";
  if (!whitespace && (typeof delimiter !== "string" || delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r")) {
    throw new RangeError('readDelimited requires delimiter to be one character other than a quote or a line break, or "whitespace"');
  }
  let columns = options.columns === undefined ? undefined : uniqueColumns(options.columns, path);
  const invalidLine = invalidLineHandler("readDelimited", options.onInvalidLine);
  // readLines checks the option and bounds each line; a record that spans lines is bounded here.
  const maxRecordLength = options.maxLineLength ?? defaultMaxLineLength;
  let lineNumber = 0;
  let pending: PendingRecord | undefined;
  let recordLine = 0;
  let recordLength = 0;
  let recordText = "";
  for await (const line of readLines(path, { maxLineLength: options.maxLineLength, signal: options.signal })) {
    lineNumber++;
    let fields: string[];
    if (whitespace) {
      // Only spaces and tabs separate: a no-break space or a form feed is part of a field.
      const trimmed = line.replace(edgeBlanks, "");
      if (trimmed === "") continue;
      fields = trimmed.split(blanks);
      recordLine = lineNumber;
      recordText = line;
    } else {
      if (pending === undefined) {
        if (line === "") continue;
        pending = { fields: [], field: "", quoted: false };
        recordLine = lineNumber;
        recordLength = line.length;
        recordText = line;
      } else {
        // the line break inside the open quoted field
        pending.field += "\n";
        recordText += `\n${line}`;
        recordLength += line.length + 1;
        if (recordLength > maxRecordLength) throw new RangeError(`readDelimited found a record from line ${recordLine} of ${path} longer than ${maxRecordLength} characters`);
      }
      splitInto(pending, line, delimiter);
      if (pending.quoted) continue;
      fields = pending.fields;
      pending = undefined;
    }
    if (columns === undefined) {
      columns = uniqueColumns(fields, path);
      continue;
    }
    if (fields.length !== columns.length) {
      const message = `readDelimited found ${fields.length} fields on line ${recordLine} of ${path} where the header has ${columns.length}`;
      await invalidLine({ line: recordLine, text: recordText, message }, new SyntaxError(message));
      continue;
    }
    const record: Record<string, string> = Object.create(null) as Record<string, string>;
    for (let index = 0; index < columns.length; index++) record[columns[index]!] = fields[index]!;
    yield record;
  }
  if (pending !== undefined) {
    const message = `readDelimited found a quoted field opened on line ${recordLine} of ${path} and not closed at the end of the file`;
    await invalidLine({ line: recordLine, text: recordText, message }, new SyntaxError(message));
  }
}
