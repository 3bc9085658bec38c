import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services';
import type { EvidenceOptions } from '../../src/main/services/evidence/evidenceService';
import { evidenceRows, writeFile } from '../helpers/evidence';
import { tempDir } from '../helpers/workspace';

function setup(evidence: EvidenceOptions = {}) {
  const services = createServices(tempDir(), { evidence });
  const a = services.assessments.create({ title: 'Awkward files' });
  return { services, a, files: tempDir('zonewalk-src-') };
}

/** A file whose name holds the bytes 0xFF 0xFE, which no UTF-8 text can spell. */
function nonUtf8File(dir: string): string {
  const name = Buffer.concat([Buffer.from('IMG_'), Buffer.from([0xff, 0xfe]), Buffer.from('.jpg')]);
  fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), name]), 'photo bytes');
  return path.join(dir, name.toString('utf8'));
}

describe('files that are hard to reach by name', () => {
  it('a name that is not valid UTF-8 is reported as such, from disk and from a folder', async () => {
    const s = setup();
    const lossy = nonUtf8File(s.files);
    writeFile(s.files, 'good.txt', 'kept');
    await expect(s.services.evidence.addFile(s.a.id, lossy)).rejects.toThrow(
      'IMG_\uFFFD\uFFFD.jpg is named with bytes that are not valid UTF-8, so it cannot be opened by that name; rename it and add it again.',
    );
    const lines = await s.services.evidence.addFolder(s.a.id, s.files);
    expect(lines.map((l) => [l.name, l.status])).toEqual([
      ['good.txt', 'added'],
      ['IMG_\uFFFD\uFFFD.jpg', 'skipped'],
    ]);
    expect(lines[1].message).toMatch(/is named with bytes that are not valid UTF-8/);
  });

  it('a folder nested deeper than PATH_MAX is listed as skipped and the rest is added', async () => {
    const s = setup();
    writeFile(s.files, 'shallow.txt', 'kept');
    // 20 levels of 250-character names: past Linux's 4,096-byte PATH_MAX, made by cd one level at a time.
    const level = 'd'.repeat(250);
    execFileSync('bash', [
      '-c',
      `cd "$1" && for i in $(seq 1 20); do mkdir ${level} && cd ${level}; done && echo deep > deep.txt`,
      'bash',
      s.files,
    ]);
    try {
      const lines = await s.services.evidence.addFolder(s.a.id, s.files);
      expect(lines.find((l) => l.name === 'shallow.txt')?.status).toBe('added');
      const skipped = lines.filter((l) => l.status === 'skipped');
      expect(skipped).toHaveLength(1);
      expect(skipped[0].message).toMatch(
        /is nested deeper than the system's path length limit; what it holds was not added\.$/,
      );
      expect(evidenceRows(s.services)).toBe(1);
    } finally {
      execFileSync('rm', ['-rf', path.join(s.files, level)]);
    }
  });

  it('an edit in place during the copy, with the mtime put back, is noticed and nothing is stored', async () => {
    const s = setup({
      copyData: async (from, to) => {
        await fsp.copyFile(from, to);
        // Another program rewrites the first bytes and puts the modification time back to the
        // nanosecond (touch -r), so size and mtime both look untouched.
        const times = `${file}.times`;
        execFileSync('touch', ['-r', file, times]);
        const fd = fs.openSync(file, 'r+');
        fs.writeSync(fd, Buffer.from('EDITED'), 0, 6, 0);
        fs.closeSync(fd);
        execFileSync('touch', ['-r', times, file]);
      },
    });
    const file = writeFile(s.files, 'switch.cfg', `${'vlan 10\n'.repeat(20_000)}`);
    await expect(s.services.evidence.addFile(s.a.id, file)).rejects.toThrow(
      'switch.cfg changed while it was being copied; nothing was stored. Check the drive or card and add it again.',
    );
    expect(evidenceRows(s.services)).toBe(0);
  });
});
