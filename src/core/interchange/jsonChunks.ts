// JSON.stringify(value, null, 2), byte for byte, as a sequence of pieces, so a document larger than
// a JavaScript string can hold (about 512 MiB) can still be written. Nothing here knows the
// document's fields: every object and array down to STREAM_DEPTH is opened piece by piece, and what
// lies deeper is stringified whole. What grows with a plant are the document's top-level arrays,
// whose elements (one response, one asset) are small.

const STREAM_DEPTH = 2;
const INDENT = '  ';

/** What JSON.stringify leaves out of an object and writes as null in an array. */
function isSkipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function whole(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, INDENT);
  // A string inside JSON never holds a raw line break, so every one is indentation.
  return depth > 0 && text.includes('\n') ? text.replaceAll('\n', `\n${INDENT.repeat(depth)}`) : text;
}

export function* jsonChunks(value: unknown, depth = 0): Generator<string> {
  if (
    depth >= STREAM_DEPTH ||
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    yield whole(value, depth);
    return;
  }
  const pad = INDENT.repeat(depth);
  const inner = `\n${pad}${INDENT}`;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `[${inner}` : `,${inner}`;
      if (isSkipped(value[i])) yield 'null';
      else yield* jsonChunks(value[i], depth + 1);
    }
    yield `\n${pad}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => !isSkipped(record[k]));
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  for (let i = 0; i < keys.length; i++) {
    yield `${i === 0 ? '{' : ','}${inner}${JSON.stringify(keys[i])}: `;
    yield* jsonChunks(record[keys[i]], depth + 1);
  }
  yield `\n${pad}}`;
}
