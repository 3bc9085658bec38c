// Which code points a TrueType/OpenType font has a glyph for, read from its `cmap` table (formats 4
// and 12, which every font we ship uses). pdfmake draws a run in one font and shows a box for what
// that font lacks, so the report picks a font per character from this.

export type Coverage = (codePoint: number) => boolean;

interface Segment {
  start: number;
  end: number;
  glyph: (cp: number) => number;
}

function tableOffset(buf: Buffer, tag: string): number | null {
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (buf.toString('latin1', rec, rec + 4) === tag) return buf.readUInt32BE(rec + 8);
  }
  return null;
}

function format4(buf: Buffer, at: number): Segment[] {
  const segX2 = buf.readUInt16BE(at + 6);
  const ends = at + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  const segments: Segment[] = [];
  for (let i = 0; i < segX2 / 2; i++) {
    const end = buf.readUInt16BE(ends + i * 2);
    const start = buf.readUInt16BE(starts + i * 2);
    const delta = buf.readInt16BE(deltas + i * 2);
    const rangeAt = ranges + i * 2;
    const range = buf.readUInt16BE(rangeAt);
    segments.push({
      start,
      end,
      glyph: (cp) => {
        if (range === 0) return (cp + delta) & 0xffff;
        const g = buf.readUInt16BE(rangeAt + range + (cp - start) * 2);
        return g === 0 ? 0 : (g + delta) & 0xffff;
      },
    });
  }
  return segments;
}

function format12(buf: Buffer, at: number): Segment[] {
  const groups = buf.readUInt32BE(at + 12);
  const segments: Segment[] = [];
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    const start = buf.readUInt32BE(g);
    const firstGlyph = buf.readUInt32BE(g + 8);
    segments.push({ start, end: buf.readUInt32BE(g + 4), glyph: (cp) => firstGlyph + cp - start });
  }
  return segments;
}

/** Reads the best Unicode cmap of a font file; throws on a file that is not a TrueType/OpenType font. */
export function fontCoverage(buf: Buffer): Coverage {
  const cmap = tableOffset(buf, 'cmap');
  if (cmap === null) throw new Error('not a TrueType/OpenType font (no cmap table)');
  const count = buf.readUInt16BE(cmap + 2);
  let best: { rank: number; at: number } | null = null;
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const at = cmap + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(at);
    // Full-Unicode tables first, then the BMP ones.
    const rank =
      format === 12 && ((platform === 3 && encoding === 10) || platform === 0)
        ? 2
        : format === 4 && ((platform === 3 && encoding === 1) || platform === 0)
          ? 1
          : 0;
    if (rank && (!best || rank > best.rank)) best = { rank, at };
  }
  if (!best) throw new Error('font has no Unicode cmap');
  const segments = best.rank === 2 ? format12(buf, best.at) : format4(buf, best.at);
  const cache = new Map<number, boolean>();
  return (cp) => {
    let hit = cache.get(cp);
    if (hit === undefined) {
      hit = false;
      let lo = 0;
      let hi = segments.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const s = segments[mid];
        if (cp > s.end) lo = mid + 1;
        else if (cp < s.start) hi = mid - 1;
        else {
          hit = s.glyph(cp) !== 0;
          break;
        }
      }
      cache.set(cp, hit);
    }
    return hit;
  };
}
