import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { crossRuntimeResults } from "./_crossRuntime.js";

it("gives in Node the results recorded in cross-runtime.json (which the browser test also checks)", () => {
  const expected = JSON.parse(readFileSync(new URL("./cross-runtime.json", import.meta.url), "utf8")) as unknown;
  expect(JSON.parse(JSON.stringify(crossRuntimeResults()))).toEqual(expected);
});
