/**
 * The one rule for an evidence file name taken from user data (a document, a package, a disk, the
 * window): a single base name that every operating system can create and that cannot point
 * anywhere else. Anything that breaks the rule is rewritten; callers keep the original only as
 * display text, never as a path.
 */

export const MAX_FILE_NAME_BYTES = 200;

// C0 and C1 controls and DEL; bidi embeddings, overrides, isolates and marks (they make
// `gpj.exe` read as `exe.jpg`); separators and the characters Windows refuses in a name.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is replaced
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\\/:*?"<>|]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;
const FALLBACK = 'unnamed';

const utf8 = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
function truncateUtf8(s: string, max: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    const n = utf8.encode(ch).length;
    if (bytes + n > max) break;
    bytes += n;
    out += ch;
  }
  return out;
}

function utf8Length(s: string): number {
  return utf8.encode(s).length;
}

/**
 * Leading and trailing white space go; so do trailing dots, which Windows drops (`a.exe.` would open
 * as `a.exe`), and with them the names `.` and `..`.
 */
function trimEnds(name: string): string {
  return name.trim().replace(/[. ]+$/, '');
}

/** The safe base name for `raw`: equal to `raw` exactly when `raw` already follows the rule. */
export function safeFileName(raw: string): string {
  // A path keeps its last segment (what a user would call the file's name); what is left of
  // separators, drive colons and controls becomes `_`. Lone surrogates (a name that was not valid
  // UTF-16) cannot be written as UTF-8: they become U+FFFD.
  const base = raw.split(/[\\/]/).findLast((segment) => segment !== '') ?? '';
  let name = trimEnds(base.replace(LONE_SURROGATE, '\uFFFD').replace(UNSAFE, '_'));
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (utf8Length(name) > MAX_FILE_NAME_BYTES) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && utf8Length(name.slice(dot)) <= 16 ? name.slice(dot) : '';
    const stem = truncateUtf8(name.slice(0, name.length - ext.length), MAX_FILE_NAME_BYTES - utf8Length(ext));
    name = trimEnds(stem + ext);
  }
  return name === '' ? FALLBACK : name;
}

export function isSafeFileName(raw: string): boolean {
  return safeFileName(raw) === raw;
}
