import fs from 'node:fs';
import { SNIFF_BYTES, sniffMediaType } from './mediaType';

/** The media type of a stored file, from its own first bytes: what a row says about it is not evidence. */
export function sniffFile(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    return sniffMediaType(head.subarray(0, fs.readSync(fd, head, 0, SNIFF_BYTES, 0)));
  } finally {
    fs.closeSync(fd);
  }
}
