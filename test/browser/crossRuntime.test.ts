import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { crossRuntimeResults } from "./_crossRuntime.js";

// cross-runtime.json is written by recordCrossRuntime.ts. On the Node side this test only notices a
// change (each value has its own reference test in its domain); its purpose is the Chromium test.
it("gives in Node the results recorded in cross-runtime.json (which the browser test also checks)", () => {
  const expected = JSON.parse(readFileSync(new URL("./cross-runtime.json", import.meta.url), "utf8")) as unknown;
  expect(JSON.parse(JSON.stringify(crossRuntimeResults()))).toEqual(expected);
});
