import type { RuleIssue } from "../RuleError.js";

/** Builds the summary line of a {@link RuleError}. */
export function ruleErrorMessage(functionName: string, issues: ReadonlyArray<RuleIssue>): string {
  const count = issues.length;
  const first = issues[0];
  const where = first === undefined ? "" : `: ${first.message}${first.path.length > 0 ? ` at ${formatIssuePath(first.path)}` : ""}`;
  return `${functionName} found ${count} issue${count === 1 ? "" : "s"}${where}`;
}

/** Renders an issue path like `rules[2].value` (the root is `(root)`). */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? key : `.${key}`;
  return out === "" ? "(root)" : out;
}
