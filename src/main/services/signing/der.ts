// A minimal DER writer: just what an encrypted PKCS#8 structure needs. Node can read such keys but
// only writes them with PBKDF2 at 2,048 iterations, so Zonewalk builds the envelope itself.

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

export function sequence(...items: Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

export function octetString(bytes: Buffer): Buffer {
  return tlv(0x04, bytes);
}

/** A non-negative INTEGER. */
export function integer(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`DER integer out of range: ${n}`);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  if (bytes.length === 0 || bytes[0] & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}

export function objectId(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const part of parts.slice(2)) {
    const base128: number[] = [part & 0x7f];
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) base128.unshift((v & 0x7f) | 0x80);
    out.push(...base128);
  }
  return tlv(0x06, Buffer.from(out));
}

export function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** One DER element: its tag, its content bytes, and where the next element starts. */
export interface DerElement {
  tag: number;
  content: Buffer;
  end: number;
}

/** Reads the element at `offset`; a RangeError for anything malformed or running past the buffer. */
export function readElement(der: Buffer, offset = 0): DerElement {
  if (offset + 2 > der.length) throw new RangeError('DER: truncated');
  const tag = der[offset];
  let len = der[offset + 1];
  let start = offset + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 4 || start + count > der.length) throw new RangeError('DER: bad length');
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + der[start + i];
    start += count;
  }
  const end = start + len;
  if (end > der.length) throw new RangeError('DER: truncated');
  return { tag, content: der.subarray(start, end), end };
}

/** The elements of a SEQUENCE, in order. */
export function readSequence(der: Buffer, expectedTag = 0x30): Buffer[] {
  const outer = readElement(der);
  if (outer.tag !== expectedTag) throw new RangeError('DER: expected a SEQUENCE');
  const items: Buffer[] = [];
  for (let at = 0; at < outer.content.length; ) {
    const el = readElement(outer.content, at);
    items.push(outer.content.subarray(at, el.end));
    at = el.end;
  }
  return items;
}

function readTagged(der: Buffer, tag: number, what: string): Buffer {
  const el = readElement(der);
  if (el.tag !== tag) throw new RangeError(`DER: expected ${what}`);
  return el.content;
}

export function readOctetString(der: Buffer): Buffer {
  return readTagged(der, 0x04, 'an OCTET STRING');
}

/** A non-negative INTEGER that fits a safe JavaScript number. */
export function readInteger(der: Buffer): number {
  const bytes = readTagged(der, 0x02, 'an INTEGER');
  if (bytes.length === 0 || bytes[0] & 0x80 || bytes.length > 7)
    throw new RangeError('DER: integer out of range');
  let n = 0;
  for (const b of bytes) n = n * 256 + b;
  return n;
}

export function readObjectId(der: Buffer): string {
  const bytes = readTagged(der, 0x06, 'an OBJECT IDENTIFIER');
  if (bytes.length === 0) throw new RangeError('DER: empty OBJECT IDENTIFIER');
  const values: number[] = [];
  let v = 0;
  for (const b of bytes) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      values.push(v);
      v = 0;
    }
  }
  // The first value packs the first two arcs (X.690 8.19.4).
  const first = values[0] < 80 ? Math.floor(values[0] / 40) : 2;
  return [first, values[0] - first * 40, ...values.slice(1)].join('.');
}

/** The DER bytes inside a PEM block with the given label. */
export function fromPem(label: string, pem: string): Buffer {
  const body = pem
    .trim()
    .replace(`-----BEGIN ${label}-----`, '')
    .replace(`-----END ${label}-----`, '')
    .replace(/\s+/g, '');
  return Buffer.from(body, 'base64');
}
