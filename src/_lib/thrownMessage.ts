/**
 * The message of a thrown value, whatever was thrown: an `Error`'s message, any other value as text.
 * A `message` getter or a `toString` may throw too; then a fixed text stands in.
 */
export function thrownMessage(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return "(the thrown value cannot be turned into text)";
  }
}
