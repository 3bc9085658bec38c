import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services';
import { openTempFile } from '../../src/main/services/evidence/blobStore';
import type { EvidenceOptions } from '../../src/main/services/evidence/evidenceService';
import { AppError } from '../../src/shared/errors';
import { evidenceRows, storeContents, writeFile } from '../helpers/evidence';
import { withTmpfs } from '../helpers/tmpfs';
import { openTestWorkspace, tempDir } from '../helpers/workspace';

function setup(evidence: EvidenceOptions = {}) {
  const dir = tempDir();
  const services = createServices(dir, { evidence });
  const a = services.assessments.create({ title: 'Faults' });
  return { dir, services, a, files: tempDir('zonewalk-src-') };
}

async function refused(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => {
      throw new Error('expected the add to be refused');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  // One sentence the user can act on, no stack, no raw errno text alone.
  expect(e.message).toMatch(/^[^\n]+[.]$/);
  return e;
}

function expectNothingStored(s: ReturnType<typeof setup>) {
  expect(evidenceRows(s.services)).toBe(0);
  expect(storeContents(s.services)).toEqual({ blobs: [], temps: [] });
  expect(s.services.ws.trail.list(s.a.id).map((e) => e.action)).toEqual(['assessment.created']);
}

describe('evidence refuses bad input with one sentence and stores nothing', () => {
  it('a directory', async () => {
    const s = setup();
    fs.mkdirSync(path.join(s.files, 'DCIM'));
    const e = await refused(s.services.evidence.addFile(s.a.id, path.join(s.files, 'DCIM')));
    expect(e.message).toBe(
      'DCIM is a folder; add it as a folder ("Add folder" in the app, evidence add-folder on the command line).',
    );
    expectNothingStored(s);
    s.services.ws.close();
  });

  it('a symbolic link, even to a good file', async () => {
    const s = setup();
    const target = writeFile(s.files, 'real.txt', 'hello');
    fs.symlinkSync(target, path.join(s.files, 'link.txt'));
    const e = await refused(s.services.evidence.addFile(s.a.id, path.join(s.files, 'link.txt')));
    expect(e.message).toMatch(/link\.txt is a symbolic link/);
    expectNothingStored(s);
    s.services.ws.close();
  });

  it('a device file (/dev/null), a FIFO and a socket', async () => {
    const s = setup();
    expect((await refused(s.services.evidence.addFile(s.a.id, '/dev/null'))).message).toMatch(
      /^null is a device, not a file/,
    );
    const fifo = path.join(s.files, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect((await refused(s.services.evidence.addFile(s.a.id, fifo))).message).toMatch(/pipe is a pipe/);
    const sock = path.join(s.files, 'sock');
    // A child binds the socket and exits; the socket file stays behind.
    execFileSync(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(sock)}, () => process.exit(0))`,
    ]);
    expect((await refused(s.services.evidence.addFile(s.a.id, sock))).message).toMatch(/^sock is a socket/);
    expectNothingStored(s);
    s.services.ws.close();
  });

  it('a zero-byte file and a missing file', async () => {
    const s = setup();
    const empty = writeFile(s.files, 'empty.log', '');
    expect((await refused(s.services.evidence.addFile(s.a.id, empty))).message).toBe(
      'empty.log is empty (0 bytes); there is nothing to keep as evidence.',
    );
    const gone = await refused(s.services.evidence.addFile(s.a.id, path.join(s.files, 'nope.jpg')));
    expect(gone.code).toBe('not-found');
    expect(gone.message).toMatch(/nope\.jpg does not exist/);
    expectNothingStored(s);
    s.services.ws.close();
  });

  it('a file above the configured limit, from disk and from the window', async () => {
    const s = setup({ maxFileBytes: 1000 });
    const big = writeFile(s.files, 'big.bin', Buffer.alloc(1001, 7));
    const e = await refused(s.services.evidence.addFile(s.a.id, big));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/big\.bin is 1001 bytes, above the evidence limit of 1000 bytes/);
    const w = await refused(
      s.services.evidence.addBytes(s.a.id, { fileName: 'paste.png', bytes: Buffer.alloc(1001, 1) }),
    );
    expect(w.code).toBe('too-large');
    expectNothingStored(s);
    s.services.ws.close();
  });

  // The seam is the copy: it may change the source before the real copy, or write part of the
  // destination and then fail, as a card pulled out or a dying disk would.
  const firstMiB = async (from: string, to: string) => {
    const fd = fs.openSync(from, 'r');
    const buf = Buffer.alloc(1024 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    fs.closeSync(fd);
    fs.writeFileSync(to, buf.subarray(0, n), { flag: 'wx' });
  };

  it('a file that grows past the limit while it is copied', async () => {
    const s = setup({
      maxFileBytes: 3 * 1024 * 1024,
      copyData: async (from, to) => {
        fs.appendFileSync(big, Buffer.alloc(2 * 1024 * 1024, 1));
        await fs.promises.copyFile(from, to);
      },
    });
    const big = writeFile(s.files, 'growing.log', Buffer.alloc(2 * 1024 * 1024, 2));
    const e = await refused(s.services.evidence.addFile(s.a.id, big));
    expect(e.message).toMatch(/growing\.log (grew|is larger than)/);
    expectNothingStored(s);
    s.services.ws.close();
  });

  it('a file that becomes unreadable mid-copy (I/O error after the first MiB)', async () => {
    const s = setup({
      copyData: async (from, to) => {
        await firstMiB(from, to);
        throw Object.assign(new Error('EIO: i/o error, copyfile'), { code: 'EIO' });
      },
    });
    const f = writeFile(s.files, 'IMG_0001.JPG', Buffer.alloc(3 * 1024 * 1024, 3));
    const e = await refused(s.services.evidence.addFile(s.a.id, f));
    expect(e.message).toBe(
      'IMG_0001.JPG became unreadable (EIO) while it was being copied; nothing was stored. Check the drive or card and add it again.',
    );
    expectNothingStored(s);
    s.services.ws.close();
  });

  it('a file that vanishes mid-copy (deleted while open)', async () => {
    const s = setup({
      copyData: async (from, to) => {
        await firstMiB(from, to);
        fs.rmSync(f);
        await fs.promises.rm(to);
        await fs.promises.copyFile(from, to);
      },
    });
    const f = writeFile(s.files, 'IMG_0002.JPG', Buffer.alloc(3 * 1024 * 1024, 4));
    const e = await refused(s.services.evidence.addFile(s.a.id, f));
    expect(e.message).toMatch(/^IMG_0002\.JPG disappeared while it was being copied; nothing was stored/);
    expectNothingStored(s);
    s.services.ws.close();
  });

  it('a file truncated mid-copy', async () => {
    const s = setup({
      copyData: async (from, to) => {
        await firstMiB(from, to);
        fs.truncateSync(f, 1024 * 1024 + 10);
      },
    });
    const f = writeFile(s.files, 'config.xml', Buffer.alloc(3 * 1024 * 1024, 5));
    const e = await refused(s.services.evidence.addFile(s.a.id, f));
    expect(e.message).toMatch(/^config\.xml changed while it was being copied/);
    expectNothingStored(s);
    s.services.ws.close();
  });

  it('a file swapped for another under the same name after the checks: refused, the other file not stored', async () => {
    const s = setup({
      copyData: async (from, to) => {
        fs.renameSync(other, f);
        await fs.promises.copyFile(from, to);
      },
    });
    const f = writeFile(s.files, 'plc.cfg', 'checked content');
    const other = writeFile(s.files, 'swap.cfg', 'swapped content');
    const e = await refused(s.services.evidence.addFile(s.a.id, f));
    // Linux copies through the checked descriptor and then sees it unlinked; elsewhere the path
    // no longer leads to the checked file.
    expect(e.message).toMatch(/^plc\.cfg (disappeared|was replaced) while it was being copied/);
    expectNothingStored(s);
    s.services.ws.close();
  });

  it('a full disk (write fails with ENOSPC): the message says so, no temp file is left', async () => {
    let written = 0;
    const s = setup({
      copyData: async (from, to) => {
        await firstMiB(from, to);
        throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' });
      },
      openTemp: async (file) => {
        const real = await openTempFile(file);
        return {
          ...real,
          async write(chunk) {
            written += chunk.length;
            if (written > 1024 * 1024) {
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            }
            await real.write(chunk);
          },
        };
      },
    });
    const f = writeFile(s.files, 'capture.pcap', Buffer.alloc(4 * 1024 * 1024, 6));
    const e = await refused(s.services.evidence.addFile(s.a.id, f));
    expect(e.code).toBe('disk-full');
    expect(e.message).toBe(
      "The disk is full: capture.pcap was not stored. Free some space on the workspace's drive and try again.",
    );
    expectNothingStored(s);
    // Same through the window path.
    written = 0;
    const w = await refused(
      s.services.evidence.addBytes(s.a.id, { fileName: 'shot.png', bytes: Buffer.alloc(2 * 1024 * 1024, 1) }),
    );
    expect(w.code).toBe('disk-full');
    expectNothingStored(s);
    s.services.ws.close();
  });

  it('a full disk for real: the workspace on a 6 MiB tmpfs', async () => {
    await withTmpfs('size=6m', async (mnt) => {
      const services = createServices(mnt);
      const a = services.assessments.create({ title: 'Tiny disk' });
      const files = tempDir('zonewalk-src-');
      const f = writeFile(files, 'firmware.bin', Buffer.alloc(8 * 1024 * 1024, 9));
      const e = await refused(services.evidence.addFile(a.id, f));
      expect(e.code).toBe('disk-full');
      expect(e.message).toMatch(/^The disk is full: firmware\.bin was not stored/);
      expect(evidenceRows(services)).toBe(0);
      expect(storeContents(services)).toEqual({ blobs: [], temps: [] });
      // The workspace still works once the file would fit.
      const small = writeFile(files, 'note.txt', 'fits');
      expect((await services.evidence.addFile(a.id, small)).status).toBe('added');
      expect(services.ws.trail.verify(a.id).ok).toBe(true);
      services.ws.close();
    });
  });
});

describe('crash leftovers', () => {
  it('sweeps temp files of dead processes on open, keeps those of live ones', () => {
    const { dir, services } = openTestWorkspace();
    const tmp = services.evidence.blobs.tempDir;
    fs.mkdirSync(tmp, { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    fs.writeFileSync(path.join(tmp, `${dead}-1-abcdef.part`), 'half a photo');
    fs.writeFileSync(path.join(tmp, `${process.pid}-1-abcdef.part`), 'ours, in flight');
    fs.writeFileSync(path.join(tmp, 'garbage'), 'unknown');
    services.ws.close();
    const again = createServices(dir);
    expect(fs.readdirSync(tmp)).toEqual([`${process.pid}-1-abcdef.part`]);
    again.ws.close();
  });

  it('deletes blobs no row points at (a crash between rename and commit)', async () => {
    const { dir, services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const files = tempDir();
    await services.evidence.addFile(a.id, writeFile(files, 'kept.txt', 'kept'));
    const orphan = services.evidence.blobs.blobPath('ab'.repeat(32));
    fs.mkdirSync(path.dirname(orphan), { recursive: true });
    fs.writeFileSync(orphan, 'no row');
    services.ws.close();
    const again = createServices(dir);
    expect(fs.existsSync(orphan)).toBe(false);
    expect(again.evidence.blobs.listBlobs()).toHaveLength(1);
    again.ws.close();
  });
});
