// Media types are sniffed from the first bytes, never taken from the file name: a photo renamed
// "report.pdf" is still a photo, and an executable renamed "photo.jpg" is still an executable.

/** How many leading bytes the sniffer looks at. */
export const SNIFF_BYTES = 64 * 1024;

export const OCTET_STREAM = 'application/octet-stream';
export const EXECUTABLE = 'application/x-executable';
export const SCRIPT = 'text/x-script';

const ascii = (b: Uint8Array, at: number, s: string) =>
  b.length >= at + s.length && [...s].every((c, i) => b[at + i] === c.charCodeAt(0));
const bytes = (b: Uint8Array, at: number, sig: readonly number[]) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

const HEIF_BRANDS: Record<string, string> = {
  heic: 'image/heic',
  heix: 'image/heic',
  hevc: 'image/heic-sequence',
  hevx: 'image/heic-sequence',
  heim: 'image/heic',
  heis: 'image/heic',
  mif1: 'image/heif',
  msf1: 'image/heif-sequence',
  avif: 'image/avif',
};

function sniffZip(head: Uint8Array): string {
  // Office files are ZIPs whose entry names (stored uncompressed in each local header) give them away.
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  if (text.includes('word/'))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (text.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (text.includes('ppt/'))
    return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return 'application/zip';
}

function decodeUtf8(head: Uint8Array): string | null {
  try {
    // stream:true tolerates a multi-byte character cut off at the end of the sniffed window.
    return new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
}

function looksLikeCsv(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length < 2) return false;
  const sample = lines.slice(0, Math.min(lines.length, 20));
  // A truncated last line in the sniff window would spoil the count.
  if (lines.length > 20 || !/\n$/.test(text)) sample.splice(-1, 1);
  if (sample.length < 2) return false;
  for (const sep of [',', ';', '\t']) {
    const counts = sample.map((l) => l.split(sep).length - 1);
    if (counts[0] >= 1 && counts.every((c) => c === counts[0])) return true;
  }
  return false;
}

function sniffText(head: Uint8Array): string | null {
  if (head.includes(0)) return null;
  const decoded = decodeUtf8(head);
  if (decoded === null) return null;
  const text = decoded.replace(/^\uFEFF/, '');
  // Control characters other than tab, CR, LF and form feed mean binary.
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  if (controls > Math.max(2, text.length / 100)) return null;
  const start = text.trimStart();
  if (start.startsWith('#!')) return SCRIPT;
  if (/^<\?xml[\s?]/.test(start)) {
    return /<svg[\s>]/i.test(start.slice(0, 2048)) ? 'image/svg+xml' : 'application/xml';
  }
  if (/^<!doctype html|^<html[\s>]/i.test(start)) return 'text/html';
  if (/^<svg[\s>]/i.test(start)) return 'image/svg+xml';
  if (/^<[A-Za-z_][\w.:-]*[\s>/]/.test(start) && />\s*$|<\//.test(start)) return 'application/xml';
  if (/^\{\s*("|\})/.test(start) || /^\[\s*(["{[\]\d-]|true|false|null)/.test(start)) {
    return 'application/json';
  }
  if (looksLikeCsv(text)) return 'text/csv';
  return 'text/plain';
}

/** The media type of a file from its first bytes (up to SNIFF_BYTES). */
export function sniffMediaType(head: Uint8Array): string {
  if (bytes(head, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'image/gif';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'image/webp';
  if (ascii(head, 4, 'ftyp')) {
    const brand = Buffer.from(head.subarray(8, 12)).toString('latin1');
    if (HEIF_BRANDS[brand]) return HEIF_BRANDS[brand];
    if (['isom', 'mp41', 'mp42', 'avc1', 'iso2', 'M4V '].includes(brand)) return 'video/mp4';
    if (brand === 'qt  ') return 'video/quicktime';
  }
  if (bytes(head, 0, [0x49, 0x49, 0x2a, 0x00]) || bytes(head, 0, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'image/tiff';
  if (ascii(head, 0, '%PDF-')) return 'application/pdf';
  if (bytes(head, 0, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(head);
  if (bytes(head, 0, [0x50, 0x4b, 0x05, 0x06])) return 'application/zip';
  if (
    bytes(head, 0, [0xd4, 0xc3, 0xb2, 0xa1]) ||
    bytes(head, 0, [0xa1, 0xb2, 0xc3, 0xd4]) ||
    bytes(head, 0, [0x4d, 0x3c, 0xb2, 0xa1]) ||
    bytes(head, 0, [0xa1, 0xb2, 0x3c, 0x4d])
  ) {
    return 'application/vnd.tcpdump.pcap';
  }
  if (bytes(head, 0, [0x0a, 0x0d, 0x0d, 0x0a])) return 'application/x-pcapng';
  if (bytes(head, 0, [0x7f, 0x45, 0x4c, 0x46]) || ascii(head, 0, 'MZ')) return EXECUTABLE;
  if (
    bytes(head, 0, [0xfe, 0xed, 0xfa, 0xce]) ||
    bytes(head, 0, [0xfe, 0xed, 0xfa, 0xcf]) ||
    bytes(head, 0, [0xce, 0xfa, 0xed, 0xfe]) ||
    bytes(head, 0, [0xcf, 0xfa, 0xed, 0xfe])
  ) {
    return EXECUTABLE;
  }
  if (bytes(head, 0, [0x1f, 0x8b])) return 'application/gzip';
  return sniffText(head) ?? OCTET_STREAM;
}

export function isImage(mediaType: string): boolean {
  return mediaType.startsWith('image/') && mediaType !== 'image/svg+xml';
}

/** Media types whose EXIF may carry GPS or serial numbers. */
export function mayCarryExif(mediaType: string): boolean {
  return [
    'image/jpeg',
    'image/png',
    'image/webp',
    'image/tiff',
    'image/heic',
    'image/heif',
    'image/avif',
  ].includes(mediaType);
}

/**
 * What the system viewer may be given, with the extension the copy gets so the operating system
 * picks a viewer by our sniffed type, not by whatever the file was called.
 */
export const OPENABLE: Readonly<Record<string, string>> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/heic': '.heic',
  'image/heif': '.heif',
  'image/avif': '.avif',
  'image/tiff': '.tif',
  'application/pdf': '.pdf',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'application/json': '.json',
  'application/xml': '.xml',
  'application/zip': '.zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'application/vnd.tcpdump.pcap': '.pcap',
  'application/x-pcapng': '.pcapng',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
};

/** Names that run code when opened, whatever is inside. */
const RUNNABLE_EXTENSIONS = new Set(
  (
    'exe com bat cmd msi msp scr pif cpl dll sys ps1 psm1 psd1 vbs vbe js jse mjs cjs wsf wsh hta ' +
    'lnk url reg inf jar app command sh bash zsh csh ksh fish py pyw pl rb php desktop appimage run ' +
    'bin elf out deb rpm dmg pkg apk html htm xhtml svg mht chm scf xll docm xlsm pptm ps'
  ).split(' '),
);

export function hasRunnableExtension(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 && RUNNABLE_EXTENSIONS.has(fileName.slice(dot + 1).toLowerCase());
}
