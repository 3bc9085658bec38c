import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { layoutProblems } from './zipLayout';

// Reads a zip's central directory without trusting it: every entry's name, type and sizes are
// checked before a single byte of content is inflated, so hostile archives are refused cheaply.

export interface ZipLimits {
  /** More entries than this and the zip is refused before its directory is read. */
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Expanded/compressed for any entry that expands past `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Tag files are read into memory: none may be larger. */
  maxTagFileBytes: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 50_000,
  maxTotalBytes: 64 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxTagFileBytes: 32 * 1024 * 1024,
};

export interface ZipEntryInfo {
  name: string;
  isDirectory: boolean;
  compressedSize: number;
  uncompressedSize: number;
  entry: yauzl.Entry;
}

export interface InspectedZip {
  zip: yauzl.ZipFile;
  entries: ZipEntryInfo[];
  /** Reasons the archive is unsafe; when non-empty no content should be read. */
  problems: string[];
}

/** The zip cannot be opened at all: not a zip, truncated, unreadable. */
export class UnreadableZipError extends Error {}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, zip) =>
        err || !zip ? reject(new UnreadableZipError(err?.message ?? 'unknown error')) : resolve(zip),
    );
  });
}

function readAllEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(new UnreadableZipError(err.message)));
    zip.readEntry();
  });
}

/** Why a name may not be extracted anywhere, or undefined when it is a plain relative path. */
export function unsafeNameReason(name: string): string | undefined {
  if (name === '') return 'has an empty name';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (name.includes('\\')) return 'has a backslash in its name';
  if (name.startsWith('/')) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'starts with a drive letter';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return "leaves its folder with '..'";
  if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." path segment';
  return undefined;
}

function fileType(e: yauzl.Entry): number {
  const madeBy = e.versionMadeBy >> 8;
  // Unix-style mode bits live in the high 16 bits for "made by" Unix (3) and macOS (19) zips.
  return madeBy === 3 || madeBy === 19 ? (e.externalFileAttributes >>> 16) & S_IFMT : 0;
}

function decodeName(e: yauzl.Entry): string | undefined {
  const raw = e.fileNameRaw ?? (e.fileName as unknown as Buffer);
  const name = yauzl.getFileNameLowLevel(e.generalPurposeBitFlag, raw, e.extraFields, true);
  // Without the UTF-8 flag yauzl decodes CP437; only plain ASCII reads the same either way.
  const utf8 = (e.generalPurposeBitFlag & 0x800) !== 0 || e.extraFields.some((f) => f.id === 0x7075);
  if (!utf8 && !/^[\x20-\x7e]*$/.test(name)) return undefined;
  return name;
}

export async function inspectZip(file: string, limits: ZipLimits = DEFAULT_LIMITS): Promise<InspectedZip> {
  const zip = await openZip(file);
  const problems: string[] = [];
  if (zip.entryCount > limits.maxEntries) {
    problems.push(
      `The zip has ${zip.entryCount} entries, more than the ${limits.maxEntries} a package may have (a zip bomb?).`,
    );
    return { zip, entries: [], problems };
  }
  let raw: yauzl.Entry[];
  try {
    raw = await readAllEntries(zip);
  } catch (err) {
    zip.close();
    throw err;
  }
  const entries: ZipEntryInfo[] = [];
  const exact = new Set<string>();
  const folded = new Map<string, string>();
  let total = 0;
  for (const e of raw) {
    const name = decodeName(e);
    if (name === undefined) {
      problems.push(`An entry's name is not UTF-8 (${Buffer.from(e.fileNameRaw).toString('hex')}).`);
      continue;
    }
    const shown = JSON.stringify(name);
    const unsafe = unsafeNameReason(name);
    if (unsafe) problems.push(`Entry ${shown} ${unsafe}; it would land outside the package folder.`);
    const type = fileType(e);
    if (type === S_IFLNK) problems.push(`Entry ${shown} is a symbolic link; packages hold only plain files.`);
    else if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
      problems.push(`Entry ${shown} is not a plain file (mode ${type.toString(8)}).`);
    }
    if (e.isEncrypted()) problems.push(`Entry ${shown} is encrypted; packages are never encrypted.`);
    if (e.compressionMethod !== 0 && e.compressionMethod !== 8) {
      problems.push(
        `Entry ${shown} uses compression method ${e.compressionMethod}; only stored and deflated entries are read.`,
      );
    }
    if (exact.has(name)) problems.push(`Entry ${shown} appears twice in the zip.`);
    else {
      const key = name.normalize('NFC').toLowerCase();
      const other = folded.get(key);
      if (other !== undefined) {
        problems.push(
          `Entries ${JSON.stringify(other)} and ${shown} differ only in letter case; they would overwrite each other on Windows and macOS.`,
        );
      }
      folded.set(key, name);
    }
    exact.add(name);
    total += e.uncompressedSize;
    if (
      e.uncompressedSize > limits.ratioFloorBytes &&
      e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio
    ) {
      problems.push(
        `Entry ${shown} expands ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times (${e.compressedSize} to ${e.uncompressedSize} bytes), more than the ${limits.maxRatio} allowed (a zip bomb?).`,
      );
    }
    const isDirectory = name.endsWith('/');
    if (isDirectory && (e.compressedSize > 0 || e.uncompressedSize > 0)) {
      problems.push(
        `Entry ${shown} is a folder but holds ${Math.max(e.compressedSize, e.uncompressedSize)} bytes (data hidden in a folder entry).`,
      );
    }
    entries.push({
      name,
      isDirectory,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
      entry: e,
    });
  }
  if (total > limits.maxTotalBytes) {
    problems.push(
      `The zip would expand to ${total} bytes, more than the ${limits.maxTotalBytes} allowed (a zip bomb?).`,
    );
  }
  const byOffset = [...raw].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (prev.relativeOffsetOfLocalHeader + prev.compressedSize >= byOffset[i].relativeOffsetOfLocalHeader) {
      problems.push('Entries of the zip overlap each other (a zip bomb trick).');
      break;
    }
  }
  problems.push(...layoutProblems(file, raw));
  return { zip, entries, problems };
}

export function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) =>
      err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream),
    );
  });
}
