/** The default of `maxLineLength` (16 Mi UTF-16 code units): the longest line, or delimited record, a reader accepts. */
export const defaultMaxLineLength = 16 * 1024 * 1024;
