import type { EvidenceKind, EvidenceTarget } from '../../../core/evidenceTargets';
import type { EvidenceAddOutcome, EvidenceBatchLine } from '../../../shared/contract/evidence';
import { MAX_WINDOW_BYTES } from '../../../shared/contract/evidence';
import { call, errorMessage } from '../../api';
import { blobToBase64 } from '../../readFile';

// Getting bytes from the window (file input, drop, paste, camera) into evidence.addBytes.

export interface WindowFile {
  file: File;
  /** Path inside a dropped or picked folder, when there is one. */
  name: string;
}

export interface CaptureOptions {
  assessmentId: string;
  kind?: EvidenceKind;
  target?: EvidenceTarget;
}

const MiB = 1024 * 1024;

/** Adds files one after another (each its own durable commit) and returns a line per file. */
export async function addWindowFiles(
  files: WindowFile[],
  opts: CaptureOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<EvidenceBatchLine[]> {
  const lines: EvidenceBatchLine[] = [];
  for (const [i, { file, name }] of files.entries()) {
    onProgress?.(i, files.length);
    if (file.size > MAX_WINDOW_BYTES) {
      lines.push({
        name,
        status: 'failed',
        message: `${name} is ${Math.round(file.size / MiB)} MiB; files above ${MAX_WINDOW_BYTES / MiB} MiB must be added from disk ("Add large files…" in the desktop app, or the command line).`,
      });
      continue;
    }
    try {
      const { status, item } = await addBlob(file, name.split('/').pop() ?? name, opts, file.lastModified);
      lines.push({ name, status, sha256: item.sha256 });
    } catch (err) {
      lines.push({ name, status: 'failed', message: errorMessage(err) });
    }
  }
  onProgress?.(files.length, files.length);
  return lines;
}

export async function addBlob(
  blob: Blob,
  fileName: string,
  opts: CaptureOptions,
  lastModified?: number,
): Promise<EvidenceAddOutcome> {
  return call('evidence.addBytes', {
    assessmentId: opts.assessmentId,
    fileName,
    base64: await blobToBase64(blob, fileName),
    kind: opts.kind ?? 'file',
    target: opts.target,
    lastModified,
  });
}

type Entry = {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?: (ok: (f: File) => void, fail: (e: unknown) => void) => void;
  createReader?: () => { readEntries: (ok: (e: Entry[]) => void, fail: (e: unknown) => void) => void };
};

async function walkEntry(entry: Entry, out: WindowFile[]): Promise<void> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((resolve, reject) => entry.file?.(resolve, reject));
    out.push({ file, name: entry.fullPath.replace(/^\//, '') });
  } else if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) await walkEntry(child, out);
    }
  }
}

/** The files of a drop, folders walked recursively where the browser allows it. */
export async function filesFromDataTransfer(dt: DataTransfer): Promise<WindowFile[]> {
  const entries = [...dt.items]
    .filter((i) => i.kind === 'file')
    .map(
      (i) => (i as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null,
    );
  if (entries.length && entries.every((e) => e !== null) && entries.some((e) => e?.isDirectory)) {
    const out: WindowFile[] = [];
    for (const e of entries) if (e) await walkEntry(e, out);
    return out;
  }
  return [...dt.files].map((file) => ({ file, name: file.name }));
}

/** Now, for a captured file's name: 2026-11-26T08-15-00 (no colons, which Windows refuses). */
export function fileStamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
}

/** A pasted image is a screenshot; its generic name ("image.png") becomes a dated one. */
export function pastedFiles(dt: DataTransfer): WindowFile[] {
  const stamp = fileStamp();
  return [...dt.files].map((file, i) => {
    const ext = file.type === 'image/jpeg' ? 'jpg' : (file.type.split('/')[1] ?? 'bin');
    const generic = /^image\.\w+$/.test(file.name) || !file.name;
    return { file, name: generic ? `screenshot-${stamp}${i ? `-${i}` : ''}.${ext}` : file.name };
  });
}

export function summarize(lines: EvidenceBatchLine[]): string {
  const count = (s: EvidenceBatchLine['status']) => lines.filter((l) => l.status === s).length;
  const parts = [
    count('added') && `${count('added')} added`,
    count('duplicate') && `${count('duplicate')} already there`,
    count('restored') && `${count('restored')} restored`,
    count('skipped') && `${count('skipped')} skipped`,
    count('failed') && `${count('failed')} failed`,
  ].filter(Boolean);
  return parts.length ? `${parts.join(', ')}.` : 'Nothing was added.';
}

export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // The desktop app grants no clipboard permission; a selected textarea copies without one.
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.append(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}
