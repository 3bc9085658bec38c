import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

// Random bytes are drawn in blocks: an import of 100,000 assets needs 100,000 suffixes.
let pool = Buffer.alloc(0);
let at = 0;

function suffix(): string {
  if (at + 4 > pool.length) {
    pool = randomBytes(4096);
    at = 0;
  }
  let s = '';
  for (let i = 0; i < 4; i++) s += ALPHABET[pool[at++] & 31];
  return s;
}

/** `filtration-control` from "Filtration control"; '' when nothing usable is left. */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * A readable id unique within the assessment: the slug of the name and a short random suffix,
 * e.g. `plc-101-k3v9`. `taken` says whether an id is already used.
 */
export function newId(name: string, fallback: string, taken: (id: string) => boolean): string {
  const base = slug(name) || fallback;
  for (;;) {
    const id = `${base}-${suffix()}`;
    if (!taken(id)) return id;
  }
}
