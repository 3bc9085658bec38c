import crypto from 'node:crypto';
import fs from 'node:fs';
import { buffer } from 'node:stream/consumers';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createHandlerTable } from '../../src/main/handlers';
import { makeJpeg, writeFile } from '../helpers/evidence';
import { ok, openTestWorkspace, tempDir } from '../helpers/workspace';

const sha = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

describe('photo privacy: export copies without GPS and serial numbers', () => {
  it('strips GPS and serials from a JPEG copy, keeps orientation and the original as captured', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const original = await makeJpeg({
      width: 80,
      height: 40,
      gps: true,
      serial: 'SN-0042',
      orientation: 6,
      dateTimeOriginal: '2026:11:23 10:15:30',
    });
    const before = await exifr.parse(original, true);
    expect(before).toMatchObject({ latitude: expect.any(Number), SerialNumber: 'SN-0042' });
    const { item } = await services.evidence.addBytes(a.id, { fileName: 'IMG.jpg', bytes: original });
    expect(item.privateExif).toBe(true);
    expect(services.evidence.exif(a.id, item.sha256)).toMatchObject({
      gps: { latitude: expect.closeTo(48.7583, 3), longitude: expect.closeTo(11.4167, 3) },
      serials: { SerialNumber: 'SN-0042' },
      make: 'Canon',
      model: 'EOS R5',
      orientation: 6,
    });

    const copy = services.evidence.exportCopyStream(item.sha256, { stripPrivateExif: true });
    expect(copy.stripped).toBe(true);
    const stripped = await buffer(copy.stream);
    const after = await exifr.parse(stripped, {
      gps: true,
      exif: true,
      ifd0: {},
      xmp: true,
      reviveValues: false,
      translateValues: false,
    });
    expect(after.latitude).toBeUndefined();
    expect(after.GPSLatitude).toBeUndefined();
    expect(JSON.stringify(after)).not.toMatch(/SN-0042/);
    expect(stripped.includes(Buffer.from('SN-0042'))).toBe(false);
    expect(after).toMatchObject({
      Make: 'Canon',
      Model: 'EOS R5',
      Orientation: 6,
      DateTimeOriginal: '2026:11:23 10:15:30',
    });
    // Still a good JPEG, and still shown upright: 80x40 rotated by orientation 6 is 40x80.
    const meta = await sharp(stripped).metadata();
    expect([meta.format, meta.width, meta.height, meta.orientation]).toEqual(['jpeg', 80, 40, 6]);
    const upright = await sharp(stripped).rotate().toBuffer({ resolveWithObject: true });
    expect([upright.info.width, upright.info.height]).toEqual([40, 80]);
    // The original stays byte for byte as captured.
    const stored = fs.readFileSync(services.evidence.blobs.blobPath(item.sha256));
    expect(sha(stored)).toBe(item.sha256);
    expect(stored.equals(original)).toBe(true);
    const unredacted = await buffer(
      services.evidence.exportCopyStream(item.sha256, { stripPrivateExif: false }).stream,
    );
    expect(unredacted.equals(original)).toBe(true);
  });

  it('drops the eXIf chunk of a PNG copy, image intact', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#123456' } })
      .png()
      .withExif({
        IFD0: { Make: 'Pixel' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '10/1 0/1 0/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '20/1 0/1 0/1',
        },
      })
      .toBuffer();
    expect(png.includes(Buffer.from('eXIf'))).toBe(true);
    const { item } = await services.evidence.addBytes(a.id, { fileName: 'screen.png', bytes: png });
    expect(item.privateExif).toBe(true);
    const out = await buffer(
      services.evidence.exportCopyStream(item.sha256, { stripPrivateExif: true }).stream,
    );
    expect(out.includes(Buffer.from('eXIf'))).toBe(false);
    expect(await exifr.gps(out).catch(() => undefined)).toBeUndefined();
    const raw = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect([raw.info.width, raw.info.height]).toEqual([30, 20]);
  });

  it('drops the EXIF chunk of a WebP copy and fixes the container', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const webp = await sharp(await makeJpeg({ gps: true, serial: 'SN-77' }))
      .webp()
      .keepExif()
      .toBuffer();
    const { item } = await services.evidence.addBytes(a.id, { fileName: 'x.webp', bytes: webp });
    expect(item.mediaType).toBe('image/webp');
    expect(item.privateExif).toBe(true);
    expect(services.evidence.exif(a.id, item.sha256)).toMatchObject({ serials: { SerialNumber: 'SN-77' } });
    const out = await buffer(
      services.evidence.exportCopyStream(item.sha256, { stripPrivateExif: true }).stream,
    );
    expect(out.includes(Buffer.from('EXIF'))).toBe(false);
    expect(out.includes(Buffer.from('SN-77'))).toBe(false);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    const raw = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect([raw.info.width, raw.info.height]).toEqual([64, 48]);
  });

  it('refuses to export, when asked to strip, what it cannot rewrite (AVIF with EXIF)', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const avif = await sharp(await makeJpeg({ gps: true }))
      .avif()
      .keepExif()
      .toBuffer();
    const { item } = await services.evidence.addBytes(a.id, { fileName: 'x.avif', bytes: avif });
    expect(item.mediaType).toBe('image/avif');
    expect(() => services.evidence.exportCopyStream(item.sha256, { stripPrivateExif: true })).toThrow(
      /may carry GPS or serial-number EXIF that Zonewalk cannot remove from image\/avif files/,
    );
    const plain = await sharp(await makeJpeg())
      .avif()
      .toBuffer();
    const clean = (await services.evidence.addBytes(a.id, { fileName: 'y.avif', bytes: plain })).item;
    const copy = services.evidence.exportCopyStream(clean.sha256, { stripPrivateExif: true });
    expect(copy.stripped).toBe(false);
    expect((await buffer(copy.stream)).equals(plain)).toBe(true);
  });
});

describe('thumbnails', () => {
  it('makes a 256 px PNG once and caches it; a corrupt JPEG is stored without a thumbnail', async () => {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const big = await makeJpeg({ width: 1200, height: 600 });
    const { item } = await services.evidence.addBytes(a.id, { fileName: 'big.jpg', bytes: big });
    const png = await services.evidence.thumbnail(item.sha256);
    const meta = await sharp(png!).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 256, 128]);
    // Cached: it comes back even if the decoder could no longer read the file.
    fs.chmodSync(services.evidence.blobs.blobPath(item.sha256), 0o644);
    fs.writeFileSync(services.evidence.blobs.blobPath(item.sha256), 'gone');
    expect((await services.evidence.thumbnail(item.sha256))!.equals(png!)).toBe(true);

    const corrupt = Buffer.concat([big.subarray(0, Math.floor(big.length / 3)), Buffer.alloc(50, 0x55)]);
    const broken = await services.evidence.addBytes(a.id, { fileName: 'broken.jpg', bytes: corrupt });
    expect(broken.status).toBe('added');
    expect(broken.item.mediaType).toBe('image/jpeg');
    expect(await services.evidence.thumbnail(broken.item.sha256)).toBeNull();
    expect(await services.evidence.thumbnail(broken.item.sha256)).toBeNull();
    const note = await services.evidence.addNote(a.id, { text: 'no picture' });
    expect(await services.evidence.thumbnail(note.item.sha256)).toBeNull();
  });
});

describe('open original', () => {
  async function setup() {
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const opened: string[] = [];
    const table = createHandlerTable(services, () => {}, { openPath: async (p) => void opened.push(p) });
    return { services, a, table, opened };
  }

  it('opens a read-only copy named by the sniffed type, never the store file', async () => {
    const { services, a, table, opened } = await setup();
    const f = writeFile(tempDir(), 'photo of cabinet', await makeJpeg());
    const { item } = await services.evidence.addFile(a.id, f);
    const r = await ok<{ opened: string }>(
      table['evidence.openOriginal']({ assessmentId: a.id, sha256: item.sha256, confirmed: true }),
    );
    expect(opened).toEqual([r.opened]);
    expect(r.opened).toMatch(/zonewalk-open-[^/]+\/photo of cabinet\.jpg$/);
    expect(r.opened.startsWith(services.ws.dataDir)).toBe(false);
    expect(fs.statSync(r.opened).mode & 0o333).toBe(0);
    expect(sha(fs.readFileSync(r.opened))).toBe(item.sha256);
    const unconfirmed = await table['evidence.openOriginal']({ assessmentId: a.id, sha256: item.sha256 });
    expect(unconfirmed.ok).toBe(false);
  });

  it('refuses executables, scripts and runnable names', async () => {
    const { services, a, table, opened } = await setup();
    const add = async (name: string, bytes: Buffer | string) =>
      (await services.evidence.addBytes(a.id, { fileName: name, bytes: Buffer.from(bytes) })).item;
    const elf = await add(
      'update.jpg',
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(100)]),
    );
    const script = await add('notes.txt', '#!/bin/sh\nrm -rf /\n');
    const named = await add('install.sh', 'echo plain text in a .sh file\n');
    const html = await add('page.html', '<!doctype html><script>alert(1)</script>');
    const unknown = await add('blob', Buffer.from([0, 1, 2, 3, 250, 251, 252]));
    for (const item of [elf, script, named, html, unknown]) {
      const r = await table['evidence.openOriginal']({
        assessmentId: a.id,
        sha256: item.sha256,
        confirmed: true,
      });
      expect(r.ok, item.fileName).toBe(false);
      if (!r.ok)
        expect(r.error.message).toMatch(/is not opened outside Zonewalk, because opening it could run code/);
    }
    expect(opened).toEqual([]);
  });

  it('without a desktop shell it says so', async () => {
    const { services, table } = openTestWorkspace();
    const a = services.assessments.create({ title: 'A' });
    const { item } = await services.evidence.addNote(a.id, { text: 'x' });
    const r = await table['evidence.openOriginal']({
      assessmentId: a.id,
      sha256: item.sha256,
      confirmed: true,
    });
    expect(r).toMatchObject({ ok: false, error: { message: /only available in the Zonewalk desktop app/ } });
  });
});
