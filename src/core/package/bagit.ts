// BagIt 1.0 (RFC 8493) text formats as audit-package.md uses them: pure string functions shared by
// the package writer, the verifier and their tests.

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
export const PACKAGE_FORMAT = '1';

export const TAG_FILES = {
  bagit: 'bagit.txt',
  bagInfo: 'bag-info.txt',
  manifest: 'manifest-sha256.txt',
  signerKey: 'signer.pub.pem',
  tagManifest: 'tagmanifest-sha256.txt',
  signature: 'tagmanifest-sha256.txt.sig',
} as const;

/** The tag files the tag manifest covers, in the order the spec lists them. */
export const TAG_MANIFEST_COVERS = [
  TAG_FILES.bagit,
  TAG_FILES.bagInfo,
  TAG_FILES.manifest,
  TAG_FILES.signerKey,
] as const;

export const ALL_TAG_FILES: readonly string[] = Object.values(TAG_FILES);

/** RFC 8493 2.1.3: CR, LF and % (and only those) are percent-encoded in manifest paths. */
export function encodeManifestPath(path: string): string {
  return path.replace(/[%\r\n]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function decodeManifestPath(encoded: string): string {
  return encoded.replace(/%(25|0A|0D)/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export interface ManifestEntry {
  /** The path in the bag, decoded, e.g. `data/evidence/<sha>/photo.jpg`. */
  path: string;
  sha256: string;
}

function byPath(a: ManifestEntry, b: ManifestEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** `<hex>  <path>` lines sorted by path, LF-terminated: readable by `sha256sum -c` and BagIt tools. */
export function formatManifest(entries: readonly ManifestEntry[]): string {
  return [...entries]
    .sort(byPath)
    .map((e) => `${e.sha256}  ${encodeManifestPath(e.path)}\n`)
    .join('');
}

export interface ParsedManifest {
  entries: ManifestEntry[];
  /** 1-based numbers of lines that are not `<sha256> <path>`. */
  badLines: number[];
  /** Paths listed more than once. */
  duplicates: string[];
}

export function parseManifest(text: string): ParsedManifest {
  const entries: ManifestEntry[] = [];
  const badLines: number[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // RFC 8493: the checksum, one or more spaces or tabs, the path. A leading '*' is sha256sum's binary mark.
    const m = /^([0-9A-Fa-f]{64})[ \t]+\*?(.+)$/.exec(line);
    if (!m) {
      badLines.push(i + 1);
      return;
    }
    const path = decodeManifestPath(m[2]);
    if (seen.has(path)) duplicates.push(path);
    seen.add(path);
    entries.push({ sha256: m[1].toLowerCase(), path });
  });
  return { entries, badLines, duplicates };
}

/** bag-info.txt: `Label: value` lines; values never span lines (CR/LF become spaces). */
export function formatBagInfo(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([label, value]) => `${label}: ${value.replace(/[\r\n]+/g, ' ').trim()}\n`).join('');
}

/** Reads `Label: value` lines, joining RFC 8493 continuation lines (leading whitespace). */
export function parseBagInfo(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let last: { label: string; index: number } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (raw === '') continue;
    if (/^[ \t]/.test(raw) && last) {
      const values = fields.get(last.label)!;
      values[last.index] = `${values[last.index]} ${raw.trim()}`;
      continue;
    }
    const colon = raw.indexOf(':');
    if (colon <= 0) continue;
    const label = raw.slice(0, colon).trim();
    const value = raw.slice(colon + 1).trim();
    const values = fields.get(label) ?? [];
    values.push(value);
    fields.set(label, values);
    last = { label, index: values.length - 1 };
  }
  return fields;
}

export function payloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

/** A title as a short lowercase ASCII slug: "Refinery Süd 2026" -> "refinery-sud-2026". */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'assessment';
}

/** `20261127T153000Z` for an ISO instant. */
export function compactTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${iso}`);
  return d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** `<slug>_<YYYYMMDDTHHMMSSZ>.audit.zip` */
export function packageFileName(title: string, at: string): string {
  return `${slugify(title)}_${compactTimestamp(at)}.audit.zip`;
}

/** The bag folder inside the zip: the file name without `.zip`. */
export function bagNameOf(fileName: string): string {
  return fileName.replace(/\.zip$/i, '');
}

/**
 * Longest evidence name inside a package, in UTF-8 bytes counted in NFD (macOS stores names
 * decomposed, where one Hangul syllable takes 9 bytes). File systems cap a name at 255 bytes,
 * eCryptfs home folders at 143; the bound leaves room for both, so `unzip` and `sha256sum -c` work.
 */
export const MAX_ENTRY_NAME_BYTES = 128;
/** An extension longer than this is not kept apart when a name is shortened. */
const MAX_EXTENSION_BYTES = 16;
const ELLIPSIS = '…';

const utf8Bytes = (s: string) => new TextEncoder().encode(s.normalize('NFD')).length;

/** The longest run of whole graphemes from the start of `s` that fits `budget` bytes. */
function fitGraphemes(s: string, budget: number): string {
  let out = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(s)) {
    const n = utf8Bytes(segment);
    if (used + n > budget) break;
    out += segment;
    used += n;
  }
  return out;
}

/** `name` within MAX_ENTRY_NAME_BYTES: the start of the stem, an ellipsis, the extension kept. */
function shortened(name: string): string {
  if (utf8Bytes(name) <= MAX_ENTRY_NAME_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && utf8Bytes(name.slice(dot)) <= MAX_EXTENSION_BYTES ? name.slice(dot) : '';
  const stem = ext ? name.slice(0, dot) : name;
  const budget = MAX_ENTRY_NAME_BYTES - utf8Bytes(ext) - utf8Bytes(ELLIPSIS);
  return `${fitGraphemes(stem, budget).replace(/[\s.]+$/, '')}${ELLIPSIS}${ext}`;
}

/**
 * An evidence file name as it may appear inside a package: one path segment, no control characters,
 * nothing Windows or `sha256sum -c` would trip over (`\ / : * ? " < > |`, and `%` so that the
 * manifest never needs percent-encoding), at most MAX_ENTRY_NAME_BYTES. The original name stays in
 * assessment.json.
 */
export function safeEntryName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f%\\/:*?"<>|]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return cleaned ? shortened(cleaned) : 'file';
}
