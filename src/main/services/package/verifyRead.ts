import { createHash } from 'node:crypto';
import { ALL_TAG_FILES } from '../../../core/package/bagit';
import { AppError } from '../../../shared/errors';
import { type InspectedZip, openEntry, type ZipEntryInfo, type ZipLimits } from './zipInspect';

/**
 * Payload files verification also reads into memory to check their content, not just their hash.
 * assessment.json is only hashed: it grows with the plant (up to MAX_INTERCHANGE_BYTES).
 */
export const DOCUMENTS = ['data/audit-trail.jsonl'] as const;
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export interface BagContents {
  bagName: string;
  /** Tag files at the bag's root, by name. */
  tags: Map<string, Buffer>;
  /** Every other file in the bag, by its path inside the bag. */
  hashed: Map<string, { sha256: string; size: number }>;
  documents: Map<string, Buffer>;
  unreadable: Map<string, string>;
  /** Entries outside the one top-level folder. */
  outside: string[];
  topLevel: string[];
}

export interface ReadOptions {
  limits: ZipLimits;
  signal?: AbortSignal;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

function topFolderOf(entries: readonly ZipEntryInfo[]): { top: string[]; outside: string[] } {
  const tops = new Set<string>();
  const outside: string[] = [];
  for (const e of entries) {
    const slash = e.name.indexOf('/');
    if (slash < 0) outside.push(e.name);
    else tops.add(e.name.slice(0, slash));
  }
  return { top: [...tops].sort(), outside };
}

/**
 * Streams every entry once, in zip order, through SHA-256; tag files and the few payload documents
 * verification inspects are kept in memory (each under a limit), nothing is written to disk.
 */
export async function readBag(inspected: InspectedZip, opts: ReadOptions): Promise<BagContents> {
  const { zip, entries } = inspected;
  const { top, outside } = topFolderOf(entries);
  const bagName = top[0] ?? '';
  const contents: BagContents = {
    bagName,
    tags: new Map(),
    hashed: new Map(),
    documents: new Map(),
    unreadable: new Map(),
    outside,
    topLevel: top,
  };
  if (top.length !== 1) return contents;
  const prefix = `${bagName}/`;
  const files = entries.filter((e) => !e.isDirectory && e.name.startsWith(prefix));
  const total = files.reduce((n, e) => n + e.uncompressedSize, 0);
  let done = 0;
  for (const e of files) {
    if (opts.signal?.aborted) throw new AppError('cancelled', 'Verification was cancelled.');
    const inBag = e.name.slice(prefix.length);
    const isTag = ALL_TAG_FILES.includes(inBag);
    const keep = isTag || (DOCUMENTS as readonly string[]).includes(inBag);
    const cap = isTag ? opts.limits.maxTagFileBytes : MAX_DOCUMENT_BYTES;
    if (keep && e.uncompressedSize > cap) {
      contents.unreadable.set(inBag, `is ${e.uncompressedSize} bytes, more than the ${cap} allowed for it`);
      continue;
    }
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      const stream = await openEntry(zip, e.entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        done += chunk.length;
        if (keep) chunks.push(chunk);
        opts.onProgress?.(done, total);
        if (opts.signal?.aborted) {
          stream.destroy();
          throw new AppError('cancelled', 'Verification was cancelled.');
        }
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      contents.unreadable.set(inBag, `could not be read from the zip (${(err as Error).message})`);
      continue;
    }
    if (isTag) contents.tags.set(inBag, Buffer.concat(chunks));
    else {
      contents.hashed.set(inBag, { sha256: hash.digest('hex'), size });
      if (keep) contents.documents.set(inBag, Buffer.concat(chunks));
    }
  }
  return contents;
}
