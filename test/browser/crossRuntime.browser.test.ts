import { expect, it } from "vitest";
import { crossRuntimeResults } from "./_crossRuntime.js";
import expected from "./cross-runtime.json";

it("gives in Chromium the results that Node gives (seeded k-means, rules, statistics, CLV fit, SQL)", () => {
  const { bgNbdLogLikelihood, ...rest } = JSON.parse(JSON.stringify(crossRuntimeResults())) as typeof expected;
  const { bgNbdLogLikelihood: expectedLogLikelihood, ...expectedRest } = expected;
  // Everything seeded or closed-form is identical to the last bit. The optimizer's end point may move
  // within its tolerance because Chromium's V8 and Node's V8 differ in the last bit of a few Math
  // functions: measured 3e-9 relative on this log-likelihood.
  expect(rest).toEqual(expectedRest);
  expect(Math.abs(bgNbdLogLikelihood! - expectedLogLikelihood) / Math.abs(expectedLogLikelihood)).toBeLessThan(1e-7);
});
