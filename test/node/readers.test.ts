import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDelimited, readJsonLines, readLines } from "../../src/node/index.js";

const directory = mkdtempSync(join(tmpdir(), "segmentkit-node-"));
function file(name: string, text: string): string {
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
