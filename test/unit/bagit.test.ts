import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactTimestamp,
  decodeManifestPath,
  encodeManifestPath,
  formatBagInfo,
  formatManifest,
  MAX_ENTRY_NAME_BYTES,
  packageFileName,
  parseBagInfo,
  parseManifest,
  safeEntryName,
  slugify,
} from '../../src/core/package/bagit';

const hex = (c: string) => c.repeat(64);

describe('BagIt text formats', () => {
  it('percent-encodes exactly CR, LF and % in manifest paths (RFC 8493 2.1.3), and decodes them back', () => {
    expect(encodeManifestPath('data/a%b\r\nc d.txt')).toBe('data/a%25b%0D%0Ac d.txt');
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(decodeManifestPath(encodeManifestPath(s))).toBe(s);
      }),
    );
  });

  it('writes sorted "<hash>  <path>" lines with LF and parses them back, naming bad lines and duplicates', () => {
    const text = formatManifest([
      { path: 'data/b.txt', sha256: hex('b') },
      { path: 'data/a b.txt', sha256: hex('a') },
    ]);
    expect(text).toBe(`${hex('a')}  data/a b.txt\n${hex('b')}  data/b.txt\n`);
    expect(parseManifest(text)).toEqual({
      entries: [
        { path: 'data/a b.txt', sha256: hex('a') },
        { path: 'data/b.txt', sha256: hex('b') },
      ],
      badLines: [],
      duplicates: [],
    });
    const bad = parseManifest(`${hex('A')}\tdata/x\r\nnot a line\n${hex('c')}  data/x\n`);
    expect(bad.entries[0]).toEqual({ path: 'data/x', sha256: hex('a') });
    expect(bad.badLines).toEqual([2]);
    expect(bad.duplicates).toEqual(['data/x']);
  });

  it('writes bag-info values on one line each and reads continuation lines', () => {
    expect(formatBagInfo([['External-Description', 'Two\nlines ']])).toBe(
      'External-Description: Two lines\n',
    );
    const parsed = parseBagInfo(
      'Contact-Name: Ana\nExternal-Description: first\n  second\nContact-Name: Jonas\n',
    );
    expect(parsed.get('Contact-Name')).toEqual(['Ana', 'Jonas']);
    expect(parsed.get('External-Description')).toEqual(['first second']);
  });

  it('names packages <slug>_<YYYYMMDDTHHMMSSZ>.audit.zip', () => {
    expect(packageFileName('Refinery Süd: Turnaround/Audit 2026', '2026-11-27T15:30:07.123Z')).toBe(
      'refinery-sud-turnaround-audit-2026_20261127T153007Z.audit.zip',
    );
    expect(slugify('Straße ✓')).toBe('strasse');
    expect(slugify('日本')).toBe('assessment');
    expect(compactTimestamp('2026-01-02T03:04:05+02:00')).toBe('20260102T010405Z');
  });

  it('makes evidence names safe for every unzip and for sha256sum -c', () => {
    expect(safeEntryName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeEntryName('a\\b:c*?"<>|%\n.jpg')).toBe('a_b_c________.jpg');
    expect(safeEntryName('...')).toBe('file');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = safeEntryName(s);
        expect(n.length).toBeGreaterThan(0);
        expect(n).not.toMatch(/[/\\%\r\n]/);
        expect(n).not.toBe('..');
        expect(new TextEncoder().encode(n.normalize('NFD')).length).toBeLessThanOrEqual(MAX_ENTRY_NAME_BYTES);
      }),
    );
  });

  it('shortens long non-Latin names to a byte bound, whole characters, extension kept', () => {
    const bytes = (s: string) => new TextEncoder().encode(s.normalize('NFD')).length;
    const chinese = `${'变电站二号机柜门'.repeat(15)}.jpg`;
    const short = safeEntryName(chinese);
    expect(short).toMatch(/^(变电站二号机柜门)+变?电?站?二?号?机?柜?…\.jpg$/);
    expect(bytes(short)).toBeLessThanOrEqual(MAX_ENTRY_NAME_BYTES);
    expect(bytes(short)).toBeGreaterThan(MAX_ENTRY_NAME_BYTES - 3);
    // Hangul grows threefold when macOS decomposes it; the bound holds for the decomposed form.
    const korean = safeEntryName(`${'변전소'.repeat(40)}.pdf`);
    expect(bytes(korean)).toBeLessThanOrEqual(MAX_ENTRY_NAME_BYTES);
    expect(korean.endsWith('….pdf')).toBe(true);
    // An emoji with modifiers is one character: never cut in half.
    const family = safeEntryName('👩‍👩‍👧‍👦'.repeat(10));
    expect(
      [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(family)].every(
        (g) => g.segment === '👩‍👩‍👧‍👦' || g.segment === '…',
      ),
    ).toBe(true);
    expect(safeEntryName('cabinet photo.jpg')).toBe('cabinet photo.jpg');
  });
});
