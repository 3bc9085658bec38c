// FNV-1a 64-bit over the UTF-8 bytes of a string. Not cryptographic: it gives short, stable,
// platform-independent identifiers (gap ids, SVG element ids) without BigInt, which would make
// scoring 20,000 gaps measurably slower.

const PRIME_LOW = 0x1b3; // the 64-bit FNV prime is 2^40 + 0x1b3

/** The hash as four 16-bit limbs, least significant first. */
export function fnv1a64Limbs(text: string): [number, number, number, number] {
  // offset basis 0xcbf29ce484222325
  let v0 = 0x2325;
  let v1 = 0x8422;
  let v2 = 0x9ce4;
  let v3 = 0xcbf2;
  const step = (byte: number) => {
    v0 ^= byte;
    const t0 = v0 * PRIME_LOW;
    let t1 = v1 * PRIME_LOW;
    let t2 = v2 * PRIME_LOW + (v0 << 8);
    const t3 = v3 * PRIME_LOW + (v1 << 8);
    t1 += t0 >>> 16;
    v0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    v1 = t1 & 0xffff;
    v3 = (t3 + (t2 >>> 16)) & 0xffff;
    v2 = t2 & 0xffff;
  };
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    // lone surrogates are encoded as U+FFFD, as TextEncoder does
    const cp = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
    if (cp < 0x80) step(cp);
    else if (cp < 0x800) {
      step(0xc0 | (cp >> 6));
      step(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      step(0xe0 | (cp >> 12));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    } else {
      step(0xf0 | (cp >> 18));
      step(0x80 | ((cp >> 12) & 0x3f));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    }
  }
  return [v0, v1, v2, v3];
}

export function fnv1a64Hex(text: string): string {
  const [v0, v1, v2, v3] = fnv1a64Limbs(text);
  return [v3, v2, v1, v0].map((v) => v.toString(16).padStart(4, '0')).join('');
}

/** Crockford's base32: digits and capitals without I, L, O, U, so ids survive being read aloud or retyped. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The top 40 bits of the hash as 8 Crockford base32 characters. The high bits are taken because the
 * multiplication carries every input byte upwards, so they are the best mixed.
 */
export function fnv1a64Base32(text: string): string {
  const [, v1, v2, v3] = fnv1a64Limbs(text);
  let top40 = v3 * 2 ** 24 + v2 * 2 ** 8 + (v1 >>> 8);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = CROCKFORD[top40 % 32] + out;
    top40 = Math.floor(top40 / 32);
  }
  return out;
}
