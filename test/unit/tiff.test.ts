import { describe, expect, it } from 'vitest';
import { buildKeptTiff, readKeptTags } from '../../src/main/services/evidence/tiff';

describe('minimal TIFF for stripped EXIF', () => {
  it('writes what it reads back', () => {
    const kept = {
      make: 'Canon',
      model: 'EOS R5',
      orientation: 6,
      dateTimeOriginal: '2026:11:23 10:15:30',
      offsetTimeOriginal: '+01:00',
    };
    expect(readKeptTags(buildKeptTiff(kept)!)).toEqual(kept);
    expect(readKeptTags(buildKeptTiff({ orientation: 3 })!)).toEqual({ orientation: 3 });
    expect(buildKeptTiff({})).toBeNull();
  });

  it('survives garbage', () => {
    expect(readKeptTags(Buffer.from('II*\0\xff\xff\xff\xff', 'latin1'))).toEqual({});
    expect(readKeptTags(Buffer.alloc(3))).toEqual({});
  });
});
