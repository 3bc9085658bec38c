/**
 * Text from user data (titles, file names, package contents) must not drive the terminal: an ESC
 * or OSC sequence can rewrite the screen or a link, CR can overwrite a line, bidi controls reorder
 * what is read, and a line break forges a row. These escape them as visible `\uXXXX` text, which
 * also keeps JSON output valid and equal in value.
 */

// C0 controls but tab and line feed, DEL, C1 controls, bidi marks, embeddings, overrides, isolates,
// and the Unicode line and paragraph separators.
const CONTROLS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is escaped
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Escapes everything that drives a terminal, keeping tabs and line breaks (the output's own layout). */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, escapeChar);
}

/** One value in a line of output: its tabs and line breaks are escaped too, so it stays one cell. */
export function cell(value: string | number): string {
  return escapeControls(String(value)).replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}
