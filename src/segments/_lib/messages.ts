import type { SegmentIssue } from "../SegmentError.js";

/** Renders an issue path like `[2].rule.rules[0]` (the root is `(root)`). */
export function formatSegmentPath(path: ReadonlyArray<string | number>): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? key : `.${key}`;
  return out === "" ? "(root)" : out;
}

/** The summary line of a {@link SegmentError}: `"<function> found <n> issue(s): <first message> at <path>"`. */
export function segmentErrorMessage(functionName: string, issues: ReadonlyArray<SegmentIssue>): string {
  const count = issues.length;
  const first = issues[0];
  const where = first === undefined ? "" : `: ${first.message}${first.path.length > 0 ? ` at ${formatSegmentPath(first.path)}` : ""}`;
  return `${functionName} found ${count} issue${count === 1 ? "" : "s"}${where}`;
}
