import * as z from "zod/mini";
import english from "zod/v4/locales/en.js";

let checked = false;

/**
 * zod/mini ships without message texts; rejected rows must say what is wrong. Loads zod's English
 * messages once, unless the host app configured a locale of its own (zod's configuration is global).
 */
export function ensureMessages(): void {
  if (checked) return;
  checked = true;
  if (z.config().localeError === undefined) z.config(english());
}
