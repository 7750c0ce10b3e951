import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDelimited, readJsonLines, readLines } from "../../src/node/index.js";
import type { InvalidLine } from "../../src/node/index.js";

const directory = mkdtempSync(join(tmpdir(), "segmentkit-node-"));
function file(name: string, text: string | Uint8Array): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}
async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("readLines", () => {
  it("reads CRLF and LF lines and a last line without newline", async () => {
    expect(await collect(readLines(file("a.txt", "a\r\nb\n\nc")))).toEqual(["a", "b", "", "c"]);
  });
  it("fails with the file system error for a missing file", async () => {
    await expect(collect(readLines(join(directory, "missing.txt")))).rejects.toThrow(/ENOENT/);
  });
});

describe("readLines on bytes that are not UTF-8 (ETL review: a Latin-1 file became U+FFFD without a word)", () => {
  it("stops with an error naming the line, for Latin-1 text, overlong forms, surrogates and a character cut off at the end", async () => {
    const latin1 = file("latin1.csv", Buffer.from("id,city\nc1,Berlin\nc2,M\u00fcnchen\n", "latin1"));
    await expect(collect(readLines(latin1))).rejects.toThrow(new SyntaxError(`readLines found bytes that are not UTF-8 on line 3 of ${latin1}`));
    for (const [name, bytes] of [
      ["overlong", [0x61, 0x0a, 0xc0, 0xaf]],
      ["surrogate", [0x61, 0x0a, 0xed, 0xa0, 0x80]],
      ["cut", [0x61, 0x0a, 0xe2, 0x82]],
      ["lone continuation", [0x61, 0x0a, 0x80, 0x0a]],
    ] as const) {
      const path = file(`${name}.txt`, Uint8Array.from(bytes));
      await expect(collect(readLines(path)), name).rejects.toThrow(new SyntaxError(`readLines found bytes that are not UTF-8 on line 2 of ${path}`));
    }
    // the readers built on readLines stop the same way
    await expect(collect(readDelimited(latin1))).rejects.toThrow("readLines found bytes that are not UTF-8 on line 3");
    await expect(collect(readJsonLines(file("latin1.jsonl", Buffer.from('{"a":1}\n{"city":"K\u00f6ln"}\n', "latin1"))))).rejects.toThrow("not UTF-8 on line 2");
  });

  it("names the right line far into the file, after a CRLF split between two reads", async () => {
    const lines = Array.from({ length: 9000 }, (_, index) => `line ${index} \u00e9\u20ac`);
    const unpadded = Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
    // pad the first line so that a "\r\n" pair straddles the end of the first 64 KiB read
    const pad = 65_535 - unpadded.lastIndexOf("\r\n", 65_535);
    const text = Buffer.concat([Buffer.from("x".repeat(pad)), unpadded]);
    expect([text[65_535], text[65_536]]).toEqual([0x0d, 0x0a]);
    const bad = Buffer.concat([text, Buffer.from([0x78, 0xff, 0x0a])]);
    const path = file("far.txt", bad);
    await expect(collect(readLines(path))).rejects.toThrow(new SyntaxError(`readLines found bytes that are not UTF-8 on line 9001 of ${path}`));
    // one bad byte at every offset around the read boundary: a lone "\r" before it ends a line too
    for (let offset = 65_525; offset < 65_545; offset++) {
      const bytes = Buffer.from(text);
      bytes[offset] = 0xff;
      const line = text.subarray(0, offset).toString("utf8").split(/\r\n|\r|\n/).length;
      const broken = file(`boundary-${offset}.txt`, bytes);
      await expect(collect(readLines(broken)), String(offset)).rejects.toThrow(`not UTF-8 on line ${line} of`);
    }
  });

  it("hands on every line before the bad byte first, also in the same 64 KiB read (diff review: up to 64 KiB of rows were dropped)", async () => {
    const lines = Array.from({ length: 700 }, (_, index) => `${index}`.padEnd(99, "."));
    for (const [count, name] of [[600, "first-read"], [700, "second-read"]] as const) {
      const path = file(`${name}.txt`, Buffer.concat([Buffer.from(`${lines.slice(0, count).join("\n")}\n`), Buffer.from([0x61, 0xfc, 0x0a])]));
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const line of readLines(path)) seen.push(line);
        })(),
      ).rejects.toThrow(new SyntaxError(`readLines found bytes that are not UTF-8 on line ${count + 1} of ${path}`));
      expect(seen).toEqual(lines.slice(0, count));
    }
    // a too-long line likewise comes after the lines before it in the same read
    const long = file("long-after.txt", `a\nb\n${"z".repeat(50)}\n`);
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const line of readLines(long, { maxLineLength: 10 })) seen.push(line);
      })(),
    ).rejects.toThrow(`readLines found line 3 of ${long} longer than 10 characters`);
    expect(seen).toEqual(["a", "b"]);
  });

  it("reads characters of two, three and four bytes cut by the end of a read at every alignment, and a genuine U+FFFD", async () => {
    for (let shift = 0; shift < 4; shift++) {
      const lines = Array.from({ length: 6000 }, (_, index) => `${"x".repeat(shift)}${index} \u00e9\u20ac\u{1F600}\uFFFD`);
      const path = file(`aligned-${shift}.txt`, `${lines.join("\n")}\n`);
      expect(await collect(readLines(path))).toEqual(lines);
    }
  });
});

describe("readJsonLines", () => {
  it("names the line of malformed JSON", async () => {
    const path = file("bad.jsonl", '{"id":"a"}\n{"id":\n');
    await expect(collect(readJsonLines(path))).rejects.toThrow(`readJsonLines could not parse line 2 of ${path}`);
  });
});

describe("readDelimited", () => {
  it("reads RFC 4180 quoting with a header", async () => {
    const path = file("q.csv", 'id,note\nc1,"hello, ""world"""\nc2,plain\n');
    expect(await collect(readDelimited(path))).toEqual([
      { id: "c1", note: 'hello, "world"' },
      { id: "c2", note: "plain" },
    ]);
  });
  it("stops with the line number when a row has the wrong number of fields", async () => {
    const path = file("short.csv", "id,note\nc1\n");
    await expect(collect(readDelimited(path))).rejects.toThrow(`readDelimited found 1 fields on line 2 of ${path} where the header has 2`);
  });
  it("keeps a __proto__ column as an own field, never on the prototype", async () => {
    const path = file("proto.csv", "__proto__,id\npolluted,c1\n");
    const [row] = await collect(readDelimited(path));
    expect(Object.hasOwn(row!, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it("reads tab-separated values", async () => {
    expect(await collect(readDelimited(file("t.tsv", "a\tb\n1\t2\n"), { delimiter: "\t" }))).toEqual([{ a: "1", b: "2" }]);
  });
});

/** Open file descriptors of this process that point at `path` (Linux). */
function openHandles(path: string): number {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

describe("onInvalidLine: keep reading past lines that are not records (ETL review: one bad line lost the run)", () => {
  it("readJsonLines hands each unparseable line over with its number and text, and every line is accounted for", async () => {
    const path = file("some-bad.jsonl", '{"id":"a"}\n{"id":\n\n[1,\n{"id":"b"}\n');
    const invalid: InvalidLine[] = [];
    const rows = await collect(readJsonLines(path, { onInvalidLine: (line) => invalid.push(line) }));
    expect(rows).toEqual([{ id: "a" }, { id: "b" }]);
    expect(invalid.map(({ line, text }) => [line, text])).toEqual([[2, '{"id":'], [4, "[1,"]]);
    expect(invalid[0]!.message).toMatch(new RegExp(`^readJsonLines could not parse line 2 of ${path}: `));
    // two rows + two invalid lines + one blank line = five lines
    expect(rows.length + invalid.length + 1).toBe(5);
    await expect(collect(readJsonLines(path))).rejects.toThrow(`readJsonLines could not parse line 2 of ${path}`);
  });

  it("readDelimited hands over records with the wrong field count (a multi-line one whole) and an unclosed quote at the end", async () => {
    const path = file("some-bad.csv", 'id,note\nc1,ok\nc2,"two\nlines",extra\nc3\nc4,fine\nc5,"never closed\nat all\n');
    const invalid: InvalidLine[] = [];
    const rows = await collect(readDelimited(path, { onInvalidLine: (line) => invalid.push(line) }));
    expect(rows).toEqual([{ id: "c1", note: "ok" }, { id: "c4", note: "fine" }]);
    expect(invalid).toEqual([
      { line: 3, text: 'c2,"two\nlines",extra', message: `readDelimited found 3 fields on line 3 of ${path} where the header has 2` },
      { line: 5, text: "c3", message: `readDelimited found 1 fields on line 5 of ${path} where the header has 2` },
      { line: 7, text: 'c5,"never closed\nat all', message: `readDelimited found a quoted field opened on line 7 of ${path} and not closed at the end of the file` },
    ]);
    // a header that names a column twice still stops the read
    await expect(collect(readDelimited(file("twice.csv", "a,a\n1,2\n"), { onInvalidLine: () => undefined }))).rejects.toThrow('found the column "a" twice');
  });

  it("awaits an async callback: its writes keep their order, and its rejection stops the read (diff review: it crashed the process)", async () => {
    const path = file("async.jsonl", '{"a":1}\n{bad\n{"a":2}\nworse\n{"a":3}\n');
    const order: string[] = [];
    for await (const row of readJsonLines(path, {
      onInvalidLine: async ({ line }) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`invalid ${line}`);
      },
    })) order.push(`row ${JSON.stringify(row)}`);
    expect(order).toEqual(['row {"a":1}', "invalid 2", 'row {"a":2}', "invalid 4", 'row {"a":3}']);
    const failure = new Error("disk full");
    await expect(collect(readJsonLines(path, { onInvalidLine: async () => Promise.reject(failure) }))).rejects.toBe(failure);
    await expect(collect(readDelimited(file("async.csv", "a,b\n1\n"), { onInvalidLine: async () => Promise.reject(failure) }))).rejects.toBe(failure);
  });

  it("a stray opening quote takes the rest of the file into one record, as in RFC 4180 and Python's csv", async () => {
    const path = file("stray.csv", 'id,name,n\n1,"12 inch, blue,3\n2,ok,4\n3,ok,5\n');
    const invalid: InvalidLine[] = [];
    expect(await collect(readDelimited(path, { onInvalidLine: (line) => invalid.push(line) }))).toEqual([]);
    expect(invalid.map(({ line, text }) => [line, text])).toEqual([[2, '1,"12 inch, blue,3\n2,ok,4\n3,ok,5']]);
    await expect(collect(readDelimited(path, { maxLineLength: 20, onInvalidLine: () => undefined }))).rejects.toThrow(
      new RangeError(`readDelimited found a record from line 2 of ${path} longer than 20 characters`),
    );
  });

  it("a callback that throws stops the read and closes the file; a callback that is not a function is refused", async () => {
    const path = file("stop.jsonl", '{"id":"a"}\nbroken\n{"id":"b"}\n');
    const stop = new Error("stop here");
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const row of readJsonLines(path, { onInvalidLine: () => { throw stop; } })) seen.push(row);
      })(),
    ).rejects.toBe(stop);
    expect(seen).toEqual([{ id: "a" }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openHandles(path)).toBe(0);
    await expect(collect(readJsonLines(path, { onInvalidLine: "log" as never }))).rejects.toThrow(new TypeError("readJsonLines requires onInvalidLine to be a function"));
    await expect(collect(readDelimited(path, { onInvalidLine: 1 as never }))).rejects.toThrow(new TypeError("readDelimited requires onInvalidLine to be a function"));
  });
});

describe("readers: review cases", () => {
  it("strip a leading byte-order mark (Excel and CSV exports write one)", async () => {
    expect(await collect(readLines(file("bom.txt", "\uFEFFa\n\uFEFFb")))).toEqual(["a", "\uFEFFb"]);
    expect(await collect(readJsonLines(file("bom.jsonl", '\uFEFF{"id":1}\n')))).toEqual([{ id: 1 }]);
    const rows = await collect(readDelimited(file("bom.csv", "\uFEFFid,x\n1,2\n")));
    expect(rows.map((row) => ({ ...row }))).toEqual([{ id: "1", x: "2" }]);
  });

  it("close the file when the caller stops early or the read fails", async () => {
    const path = file("many.txt", Array.from({ length: 100_000 }, (_, index) => `line ${index}`).join("\n"));
    for (let round = 0; round < 20; round++) {
      for await (const line of readLines(path)) if (line !== "") break;
    }
    const bad = file("bad-many.jsonl", `{"id":1}\nnot json\n${'{"id":2}\n'.repeat(50_000)}`);
    for (let round = 0; round < 5; round++) await expect(collect(readJsonLines(bad))).rejects.toThrow(/line 2/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openHandles(path)).toBe(0);
    expect(openHandles(bad)).toBe(0);
  });

  it("pass a consumer's own error through readJsonLines unchanged (it was relabelled as a parse error)", async () => {
    const rows = readJsonLines(file("ok.jsonl", '{"id":1}\n{"id":2}\n'));
    expect(await rows.next()).toEqual({ done: false, value: { id: 1 } });
    await expect(rows.throw(new Error("consumer aborted"))).rejects.toThrow(/^consumer aborted$/);
  });

  it('split "whitespace" on spaces and tabs only: a no-break space or a form feed stays in its field (review)', async () => {
    const path = file("blanks.txt", "id name\n  a\tJo\u00a0Ann  \n \t \nb\fc d\n");
    expect(await collect(readDelimited(path, { delimiter: "whitespace" }))).toEqual([
      { id: "a", name: "Jo\u00a0Ann" },
      { id: "b\fc", name: "d" },
    ]);
  });

  it("keep a tab-delimited row of empty fields, which trimming used to drop", async () => {
    const rows = await collect(readDelimited(file("empty.tsv", "a\tb\n1\t2\n\t\n\n3\t4\n"), { delimiter: "\t" }));
    expect(rows.map((row) => ({ ...row }))).toEqual([{ a: "1", b: "2" }, { a: "", b: "" }, { a: "3", b: "4" }]);
  });

  it("refuse a delimiter that is not one character, and a header that names a column twice", async () => {
    const message = 'readDelimited requires delimiter to be one character other than a quote or a line break, or "whitespace"';
    for (const delimiter of [";;", "", '"', "\n"]) await expect(collect(readDelimited(file("d.csv", "a;b\n1;2\n"), { delimiter }))).rejects.toThrow(new RangeError(message));
    const duplicate = file("dup.csv", "id,id\n1,2\n");
    await expect(collect(readDelimited(duplicate))).rejects.toThrow(`readDelimited found the column "id" twice in the header of ${duplicate}`);
    await expect(collect(readDelimited(file("cols.csv", "1,2\n"), { columns: ["x", "x"] }))).rejects.toThrow(/the column "x" twice/);
  });

  it("split lines on CR, LF and CRLF also where a CRLF pair straddles two reads of the stream", async () => {
    // createReadStream reads 64 KiB at a time: put "\r" as the last character of the first read.
    const head = "x".repeat(64 * 1024 - 1);
    expect(await collect(readLines(file("straddle.txt", `${head}\r\nnext\rlone\r\rend\r`)))).toEqual([head, "next", "lone", "", "end"]);
    const lines = Array.from({ length: 30_000 }, (_, index) => `row ${index}`);
    expect(await collect(readLines(file("crlf-many.txt", lines.join("\r\n"))))).toEqual(lines);
  });

  it("stop at a line longer than maxLineLength, also one without any line break", async () => {
    const long = file("long.txt", `short\n${"y".repeat(200_000)}\nafter\n`);
    await expect(collect(readLines(long, { maxLineLength: 100_000 }))).rejects.toThrow(new RangeError(`readLines found line 2 of ${long} longer than 100000 characters`));
    expect((await collect(readLines(long, { maxLineLength: 200_000 }))).map((line) => line.length)).toEqual([5, 200_000, 5]);
    const unbroken = file("unbroken.jsonl", "z".repeat(300_000));
    await expect(collect(readJsonLines(unbroken, { maxLineLength: 1000 }))).rejects.toThrow(`readLines found line 1 of ${unbroken} longer than 1000 characters`);
    await expect(collect(readDelimited(long, { maxLineLength: 10 }))).rejects.toThrow(/line 2 .* longer than 10 characters/);
    for (const maxLineLength of [0, -1, 1.5, Number.NaN, Number.NEGATIVE_INFINITY]) {
      await expect(collect(readLines(long, { maxLineLength }))).rejects.toThrow(new RangeError("readLines requires maxLineLength to be a positive integer or Infinity"));
    }
    expect(await collect(readLines(long, { maxLineLength: Number.POSITIVE_INFINITY }))).toHaveLength(3);
    await expect(collect(readLines(long, null as never))).rejects.toThrow(new TypeError("readLines requires options to be an object"));
    await expect(collect(readJsonLines(long, null as never))).rejects.toThrow(new TypeError("readJsonLines requires options to be an object"));
    await expect(collect(readDelimited(long, null as never))).rejects.toThrow(new TypeError("readDelimited requires options to be an object"));
  });

  it("read quoted fields that span lines, as spreadsheets and Python's csv write them (ETL review: the read stopped there)", async () => {
    const path = file("multiline.csv", 'id,address\r\nc1,"1 Main St\r\nSpringfield"\r\n\r\nc2,"x\n\ny, ""z"""\nc3,plain\n');
    expect(await collect(readDelimited(path))).toEqual([
      { id: "c1", address: "1 Main St\nSpringfield" },
      { id: "c2", address: 'x\n\ny, "z"' },
      { id: "c3", address: "plain" },
    ]);
    // errors name the line the record starts on
    const unclosed = file("unclosed.csv", 'id,a\nc1,"open\nmore\n');
    await expect(collect(readDelimited(unclosed))).rejects.toThrow(
      new SyntaxError(`readDelimited found a quoted field opened on line 2 of ${unclosed} and not closed at the end of the file`),
    );
    const extra = file("extra.csv", 'id,a\nc1,"two\nlines",surplus\n');
    await expect(collect(readDelimited(extra))).rejects.toThrow(new SyntaxError(`readDelimited found 3 fields on line 2 of ${extra} where the header has 2`));
    // maxLineLength bounds the whole record, so a stray quote cannot pull the rest of the file into memory
    const runaway = file("runaway.csv", `a\n"${"x\n".repeat(20)}"\n`);
    await expect(collect(readDelimited(runaway, { maxLineLength: 10 }))).rejects.toThrow(
      new RangeError(`readDelimited found a record from line 2 of ${runaway} longer than 10 characters`),
    );
    expect(await collect(readDelimited(runaway, { maxLineLength: 42 }))).toEqual([{ a: "x\n".repeat(20) }]);
  });
});

describe("readDelimited's quoted fields, taken as slices (review: 40 bytes of heap per character)", () => {
  /**
   * The character-by-character reader the slices replaced, over the whole text: the specification of
   * the quoting rules. Records end at a line feed outside quotes; an empty line outside quotes is no
   * record; a line feed inside quotes is part of the field.
   */
  function referenceRecords(text: string, delimiter: string): { records: Array<{ line: number; fields: string[] }>; unclosedFrom?: number } {
    const records: Array<{ line: number; fields: string[] }> = [];
    let fields: string[] = [];
    let field = "";
    let quoted = false;
    let line = 1;
    let start = 1;
    let length = 0; // characters of the current record
    for (let index = 0; index < text.length; index++) {
      const character = text[index]!;
      if (character === "\n") line++;
      if (quoted) {
        length++;
        if (character === '"') {
          if (text[index + 1] === '"') {
            field += '"';
            index++;
          } else quoted = false;
        } else field += character;
      } else if (character === "\n") {
        if (length > 0) records.push({ line: start, fields: [...fields, field] });
        fields = [];
        field = "";
        length = 0;
        start = line;
      } else {
        length++;
        if (character === '"' && field === "") quoted = true;
        else if (character === delimiter) {
          fields.push(field);
          field = "";
        } else field += character;
      }
    }
    if (quoted) return { records, unclosedFrom: start };
    if (length > 0) records.push({ line: start, fields: [...fields, field] });
    return { records };
  }

  it("property: reads every text as the character-by-character reader does, quotes, doubled quotes, delimiters and line feeds anywhere", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("a", "b", ",", '"', " ", ";", "\n"), { maxLength: 24 }), fc.constantFrom(",", ";"), async (characters, delimiter) => {
        const text = characters.join("");
        const expected = referenceRecords(text, delimiter);
        // Columns named for the first record's count, so the header never decides.
        const count = expected.records[0]?.fields.length ?? 1;
        const path = file(`property-${run++}.csv`, text);
        const read = collect(readDelimited(path, { delimiter, columns: Array.from({ length: count }, (_, index) => `c${index}`) }));
        const mismatch = expected.records.find((record) => record.fields.length !== count);
        if (mismatch !== undefined) await expect(read).rejects.toThrow(`found ${mismatch.fields.length} fields on line ${mismatch.line} of`);
        else if (expected.unclosedFrom !== undefined) await expect(read).rejects.toThrow(`quoted field opened on line ${expected.unclosedFrom} of`);
        else expect((await read).map((row) => Object.values(row))).toEqual(expected.records.map((record) => record.fields));
      }),
      { numRuns: 400 },
    );
  });

  it("reads a line of two million characters in one quoted and one plain field", async () => {
    const long = "x".repeat(1_000_000);
    const rows = await collect(readDelimited(file("long-fields.csv", `a,b\n"${long}",${long}\n`)));
    expect(rows.length).toBe(1);
    expect([rows[0]!["a"]!.length, rows[0]!["b"]!.length]).toEqual([1_000_000, 1_000_000]);
  });

  it("refuses a delimiter or columns of another type (an array passed the length check)", async () => {
    const path = file("types.csv", "a;b\n1;2\n");
    await expect(collect(readDelimited(path, { delimiter: [";"] as never }))).rejects.toThrow(RangeError);
    await expect(collect(readDelimited(path, { columns: "ab" as never }))).rejects.toThrow("readDelimited requires columns to be an array of strings");
    await expect(collect(readDelimited(path, { columns: [1, 2] as never }))).rejects.toThrow("readDelimited requires columns to be an array of strings");
  });
});

describe("reader edge cases (mutation review)", () => {
  it("readDelimited: a quote inside an unquoted field is text; extra fields are an error; a no-break space belongs to the field", async () => {
    expect(await collect(readDelimited(file("mid-quote.csv", 'x,y\na"b,c\n')))).toEqual([{ x: 'a"b', y: "c" }]);
    const extra = file("extra.csv", "x,y\n1,2,3\n");
    await expect(collect(readDelimited(extra))).rejects.toThrow(`readDelimited found 3 fields on line 2 of ${extra} where the header has 2`);
    expect(await collect(readDelimited(file("nbsp.txt", "x y\n\u00a0a b\n"), { delimiter: "whitespace" }))).toEqual([{ x: "\u00a0a", y: "b" }]);
  });
  it("readJsonLines skips lines of blanks only", async () => {
    expect(await collect(readJsonLines(file("blank.jsonl", '{"a":1}\n   \n{"a":2}\n')))).toEqual([{ a: 1 }, { a: 2 }]);
  });
});

describe("signal: an ETL job can abort a read (a timeout, a cancelled job)", () => {
  it("refuses the next line with the signal's reason and closes the file, through readJsonLines and readDelimited too", async () => {
    const path = file("abort.jsonl", Array.from({ length: 50_000 }, (_, index) => `{"id":${index}}`).join("\n"));
    for (const read of [
      (signal: AbortSignal) => readLines(path, { signal }),
      (signal: AbortSignal) => readJsonLines(path, { signal }),
      (signal: AbortSignal) => readDelimited(path, { signal, delimiter: "\t" }),
    ]) {
      const controller = new AbortController();
      const reason = new Error("job cancelled");
      const seen: unknown[] = [];
      await expect(
        (async () => {
          for await (const row of read(controller.signal)) {
            seen.push(row);
            if (seen.length === 3) controller.abort(reason);
          }
        })(),
      ).rejects.toBe(reason);
      // The lines already read are not handed on after the abort.
      expect(seen).toHaveLength(3);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openHandles(path)).toBe(0);
  });

  it("an aborted signal reads nothing; a timeout gives its TimeoutError; the abort reaches a consumer that awaits the read", async () => {
    const path = file("abort-early.txt", "a\nb\n");
    const aborted = AbortSignal.abort();
    await expect(collect(readLines(path, { signal: aborted }))).rejects.toBe(aborted.reason);
    expect((aborted.reason as DOMException).name).toBe("AbortError");
    // A read that outlives its timeout: the consumer's promise rejects with the TimeoutError.
    const slow = file("abort-slow.jsonl", '{"id":1}\n'.repeat(20_000));
    const timeout = AbortSignal.timeout(20);
    const consume = (async () => {
      let rows = 0;
      for await (const _ of readJsonLines(slow, { signal: timeout })) {
        rows++;
        if (rows % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return rows;
    })();
    await expect(consume).rejects.toMatchObject({ name: "TimeoutError" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(openHandles(slow)).toBe(0);
  });

  it("refuses at once a read that waits on a pipe, and passes any reason on, null included (review: it waited for the next write)", async () => {
    const fifo = join(directory, "abort.fifo");
    execFileSync("mkfifo", [fifo]);
    // A writer that sends one line and then holds the pipe open without writing for a minute.
    const writer = spawn("sh", ["-c", `exec 3>'${fifo}'; printf 'line1\\n' >&3; sleep 60`], { stdio: "ignore" });
    try {
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const line of readLines(fifo, { signal: AbortSignal.timeout(300) })) seen.push(line);
        })(),
      ).rejects.toMatchObject({ name: "TimeoutError" });
      expect(seen).toEqual(["line1"]);
    } finally {
      writer.kill();
    }
    const controller = new AbortController();
    const read = collect(readLines(file("abort-null.txt", "a\nb\n"), { signal: controller.signal }));
    controller.abort(null);
    await expect(read).rejects.toBeNull();
  });

  it("reads in constant memory with a signal too (review: every chunk read stayed reachable from the abort race)", async () => {
    const path = file("abort-memory.txt", `${"x".repeat(99)}\n`.repeat(1_000_000)); // 100 MB
    const controller = new AbortController();
    let lines = 0;
    let peak = 0;
    for await (const line of readLines(path, { signal: controller.signal })) {
      lines++;
      if (lines % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      if (line.length !== 99) throw new Error(`line ${lines}`);
    }
    expect(lines).toBe(1_000_000);
    // The file is 100 MB; a read holds a 64 KiB chunk at a time.
    expect(peak).toBeLessThan(40 * 1024 * 1024);
  });

  it("refuses a signal that is not an AbortSignal", async () => {
    const path = file("abort-bad.txt", "a\n");
    await expect(collect(readLines(path, { signal: {} as never }))).rejects.toThrow(new TypeError("readLines requires signal to be an AbortSignal"));
    await expect(collect(readJsonLines(path, { signal: "stop" as never }))).rejects.toThrow(new TypeError("readLines requires signal to be an AbortSignal"));
  });
});
