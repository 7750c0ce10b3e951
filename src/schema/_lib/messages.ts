import * as z from "zod/mini";
import english from "zod/v4/locales/en.js";

let englishMessages: z.core.$ZodErrorMap | undefined;

/**
 * The per-parse context of every `safeParse` in segmentkit/schema: zod's English messages, passed to
 * this one call only.
 *
 * @remarks
 * zod/mini ships without message texts, and rejected rows must say what is wrong. zod's configuration
 * (`z.config`) is global and belongs to the host app, so it is never written here: the English
 * messages go into the parse context instead. When the host configured messages of its own
 * (`localeError` or `customError`), `undefined` is returned and zod's own resolution applies.
 * Messages set on a schema (`{ error: … }`) win either way.
 */
export function parseContext(): z.core.ParseContext<z.core.$ZodIssue> | undefined {
  const configuration = z.config();
  if (configuration.localeError !== undefined || configuration.customError !== undefined) return undefined;
  englishMessages ??= english().localeError;
  return { error: englishMessages };
}
