import type { Issue } from "./errors.js";

/** Renders an issue path like `rules[2].value` or `[2].rule.rules[0]` (the root is `(root)`). */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? key : `.${key}`;
  return out === "" ? "(root)" : out;
}

/**
 * The summary line of every `SegmentationError` subclass:
 * `"<function> found <n> issue(s): <first message> at <path>"`.
 */
export function issueSummary(functionName: string, issues: ReadonlyArray<Issue>): string {
  const count = issues.length;
  const first = issues[0];
  const where = first === undefined ? "" : `: ${first.message}${first.path.length > 0 ? ` at ${formatIssuePath(first.path)}` : ""}`;
  return `${functionName} found ${count} issue${count === 1 ? "" : "s"}${where}`;
}
