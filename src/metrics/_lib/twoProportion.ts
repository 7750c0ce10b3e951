import type { Alternative, TwoProportionCounts } from "../types.js";
import { assertCounts } from "./assert.js";
import { normalCdf, normalSf } from "./normal.js";

/** Validates both arms of a two-proportion input. @internal */
export function assertTwoProportionCounts(functionName: string, counts: TwoProportionCounts): void {
  assertCounts(functionName, counts.successesA, counts.trialsA, "successesA", "trialsA");
  assertCounts(functionName, counts.successesB, counts.trialsB, "successesB", "trialsB");
}

/** p-value of a z statistic for the alternative about pA − pB. @internal */
export function zPValue(z: number, alternative: Alternative): number {
  if (alternative === "greater") return normalSf(z);
  if (alternative === "less") return normalCdf(z);
  return 2 * normalSf(Math.abs(z));
}

export function assertAlternative(functionName: string, alternative: string): asserts alternative is Alternative {
  if (alternative !== "two-sided" && alternative !== "greater" && alternative !== "less") {
    // statsmodels names the one-sided alternatives "larger" and "smaller".
    const named = alternative === "larger" ? ' (statsmodels\' "larger" is "greater" here)' : alternative === "smaller" ? ' (statsmodels\' "smaller" is "less" here)' : "";
    throw new TypeError(`${functionName} requires alternative to be "two-sided", "greater" or "less"${named}`);
  }
}
