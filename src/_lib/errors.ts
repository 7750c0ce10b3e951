/**
 * One shape for every problem found in untrusted input (profile rows, rule JSON): plain data that a
 * UI can show and a test can pin.
 */
export interface Issue {
  /** A stable, machine-readable code such as `"unknown_op"` or `"invalid_type"`. */
  readonly code: string;
  /** Where the problem is: keys and indexes from the root of the checked value. */
  readonly path: ReadonlyArray<string | number>;
  /** A sentence for people. */
  readonly message: string;
}

/**
 * The error thrown by every `parseX` function of segmentkit; the matching `safeParseX` returns it
 * inside `{ success: false, error }` instead of throwing.
 *
 * @example
 * const error = new SegmentationError("parseRule found 1 issue", [{ code: "unknown_op", path: ["op"], message: "unknown op \"xor\"" }]);
 * error.issues.length //=> 1
 * error instanceof Error //=> true
 * @category Errors
 */
export class SegmentationError extends Error {
  /** Every problem found, in the order found. */
  readonly issues: ReadonlyArray<Issue>;

  /**
   * @param message - the summary line.
   * @param issues - every problem found.
   */
  constructor(message: string, issues: ReadonlyArray<Issue>) {
    super(message);
    this.name = "SegmentationError";
    this.issues = issues;
  }
}

/**
 * The result of a `safeParseX` function: zod's shape, so code that handles zod results handles ours.
 * @category Errors
 */
export type SafeParseResult<T, E = SegmentationError> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: E };
