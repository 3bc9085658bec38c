import fs from 'node:fs';
import type yauzl from 'yauzl';

// A package's zip is read through its central directory, but other tools read it front to back
// (streaming unzips, a PDF or HTML viewer that finds its own header first). So every byte of the
// file must belong to exactly one entry, the directory or its end record: nothing in front (a cover
// page saying "Audit passed", a second bag), nothing between entries, nothing after the directory,
// no comments. Zonewalk writes packages this way; any other layout was made by someone else.

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const MAX_COMMENT = 0xffff;
/** Enough sentences to see what happened; a hostile zip could otherwise produce one per entry. */
const MAX_PROBLEMS = 5;

interface Directory {
  offset: number;
  size: number;
  /** Where the directory must end: the Zip64 end record, or the end record. */
  end: number;
}

function readAt(fd: number, at: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = fs.readSync(fd, b, got, length - got, at + got);
    if (n === 0) break;
    got += n;
  }
  return b.subarray(0, got);
}

function findDirectory(fd: number, size: number, problems: string[]): Directory | undefined {
  const tailLength = Math.min(size, 22 + MAX_COMMENT);
  const tail = readAt(fd, size - tailLength, tailLength);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== END_OF_DIRECTORY) continue;
    const commentLength = tail.readUInt16LE(i + 20);
    if (i + 22 + commentLength !== tail.length) continue;
    const eocd = size - tailLength + i;
    if (commentLength > 0) {
      problems.push(
        `The zip carries a comment of ${commentLength} bytes after its directory; packages carry none.`,
      );
    }
    let dirSize = tail.readUInt32LE(i + 12);
    let dirOffset = tail.readUInt32LE(i + 16);
    let end = eocd;
    const locatorAt = eocd - 20;
    if (locatorAt >= 0 && readAt(fd, locatorAt, 4).readUInt32LE(0) === ZIP64_LOCATOR) {
      const zip64At = Number(readAt(fd, locatorAt + 8, 8).readBigUInt64LE(0));
      const record = readAt(fd, zip64At, 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END) {
        problems.push('The Zip64 end record is not where its locator says.');
        return undefined;
      }
      const recordEnd = zip64At + 12 + Number(record.readBigUInt64LE(4));
      if (recordEnd !== locatorAt) {
        problems.push(`${locatorAt - recordEnd} bytes lie between the Zip64 end record and its locator.`);
      }
      dirSize = Number(record.readBigUInt64LE(40));
      dirOffset = Number(record.readBigUInt64LE(48));
      end = zip64At;
    }
    return { offset: dirOffset, size: dirSize, end };
  }
  return undefined;
}

/** Local header, data and data descriptor of one entry: where it ends, or why it cannot be followed. */
function entryEnd(fd: number, e: yauzl.Entry, shown: string): number | string {
  const at = e.relativeOffsetOfLocalHeader;
  const header = readAt(fd, at, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) {
    return `Entry ${shown} has no local header where the zip's directory says it starts.`;
  }
  const nameLength = header.readUInt16LE(26);
  const extraLength = header.readUInt16LE(28);
  const raw = e.fileNameRaw ?? (e.fileName as unknown as Buffer);
  if (!readAt(fd, at + 30, nameLength).equals(raw)) {
    return `Entry ${shown} carries another name in its local header than in the zip's directory; tools reading the zip from the front would see a different file.`;
  }
  const dataEnd = at + 30 + nameLength + extraLength + e.compressedSize;
  if ((header.readUInt16LE(6) & 0x08) === 0) return dataEnd;
  // A data descriptor: crc and sizes after the data, with or without its signature, sizes 4 or 8 bytes.
  const d = readAt(fd, dataEnd, 24);
  const signed = d.length >= 4 && d.readUInt32LE(0) === DATA_DESCRIPTOR ? 4 : 0;
  const small = d.length >= signed + 12 && d.readUInt32LE(signed + 4) === e.compressedSize;
  return dataEnd + signed + (small ? 12 : 20);
}

/**
 * Why the bytes of the zip are not exactly its entries, directory and end record, in that order.
 * `entries` are all central directory entries as yauzl read them.
 */
export function layoutProblems(file: string, entries: readonly yauzl.Entry[]): string[] {
  const problems: string[] = [];
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const dir = findDirectory(fd, size, problems);
    if (!dir) return problems.length ? problems : ['The zip has no end record where a package has it.'];
    let recorded = 0;
    for (const e of entries) {
      recorded += 46 + e.fileNameLength + e.extraFieldLength + e.fileCommentLength;
      if (e.fileCommentLength > 0) {
        problems.push(
          `Entry ${JSON.stringify(e.fileName.toString())} carries a comment; packages carry none.`,
        );
      }
    }
    if (recorded !== dir.size) {
      problems.push(
        `The zip's directory is ${dir.size} bytes but its entries take ${recorded}; the rest belongs to no entry.`,
      );
    }
    if (dir.offset + dir.size !== dir.end) {
      problems.push(
        `${dir.end - dir.offset - dir.size} bytes lie between the zip's directory and its end record, belonging to no entry.`,
      );
    }
    const byOffset = [...entries].sort(
      (a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader,
    );
    let cursor = 0;
    let previous: string | undefined;
    for (const e of byOffset) {
      if (problems.length >= MAX_PROBLEMS) break;
      const shown = JSON.stringify(e.fileName.toString());
      const gap = e.relativeOffsetOfLocalHeader - cursor;
      if (gap > 0) {
        problems.push(
          previous === undefined
            ? `${gap} bytes come before the first entry of the zip: something (a cover page, a second copy of the bag) was put in front of the package.`
            : `${gap} bytes between entries ${previous} and ${shown} belong to no entry (hidden data, or a second copy of a file).`,
        );
      }
      const end = entryEnd(fd, e, shown);
      if (typeof end === 'string') {
        problems.push(end);
        return problems;
      }
      cursor = Math.max(cursor, end);
      previous = shown;
    }
    if (problems.length < MAX_PROBLEMS && dir.offset > cursor) {
      problems.push(
        `${dir.offset - cursor} bytes between the last entry and the zip's directory belong to no entry (hidden data).`,
      );
    }
    return problems.slice(0, MAX_PROBLEMS);
  } finally {
    fs.closeSync(fd);
  }
}
