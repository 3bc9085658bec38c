import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** About this many characters go out in one write: few writes, and memory flat whatever the total. */
const BATCH = 64 * 1024;

/** Small string pieces (a streamed JSON document) joined into strings of about BATCH characters. */
export function* textBatches(pieces: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    if (length >= BATCH) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/** The pieces as a byte stream (UTF-8), produced only as fast as it is read. */
export function piecesStream(pieces: Iterable<string>): Readable {
  return Readable.from(
    (function* () {
      for (const batch of textBatches(pieces)) yield Buffer.from(batch, 'utf8');
    })(),
  );
}

/** Writes the pieces to `out` and ends it, waiting whenever `out` is full. */
export function writePieces(pieces: Iterable<string>, out: Writable): Promise<void> {
  return pipeline(piecesStream(pieces), out);
}
