import fs from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { uniformSl } from '../../src/core/domain';
import type { Services } from '../../src/main/services';
import { AppError } from '../../src/shared/errors';
import { makeJpeg, writeFile } from '../helpers/evidence';
import { exporterFor, PASS } from '../helpers/twoAuditors';
import { openTestWorkspace, tempDir } from '../helpers/workspace';

const SERIAL = 'SN-4711-PRIVATE';

/** Workspace A: a Siemens PLC whose answer CR 1.1 carries the given photos. */
async function firstWorkspace(photos: { name: string; bytes: Buffer }[]) {
  const { services } = openTestWorkspace();
  const a = services.assessments.create({ title: 'Waterworks' });
  const zone = services.zones.create(a.id, { name: 'Control room', slTarget: uniformSl(2) });
  const plc = services.assets.create(a.id, {
    name: 'PLC-7',
    zone: zone.id,
    componentType: 'EDR',
    vendor: 'Siemens',
  });
  const scope = { kind: 'asset' as const, id: plc.id };
  services.responses.set(a.id, scope, 'CR 1.1', { result: 'met' });
  const shas: string[] = [];
  for (const p of photos) {
    const added = await services.evidence.addBytes(a.id, {
      fileName: p.name,
      bytes: p.bytes,
      target: { kind: 'response', scope, requirement: 'CR 1.1' },
    });
    shas.push(added.item.sha256);
  }
  return { services, id: a.id, shas };
}

/** Workspace B: the JSON of A imported, then the same files added from disk (duplicates of the rows). */
async function secondWorkspace(json: string, id: string, photos: { name: string; bytes: Buffer }[]) {
  const { services } = openTestWorkspace();
  services.interchange.import(json, { source: 'handover.json' });
  const dir = tempDir();
  for (const p of photos) {
    const added = await services.evidence.addFile(id, writeFile(dir, p.name, p.bytes));
    expect(added.status).toBe('duplicate');
  }
  services.signing.create('B', PASS);
  return services;
}

function vendorPackage(services: Services, id: string) {
  return exporterFor(services).exportNow({
    assessmentId: id,
    outputs: { package: true, gapRegister: false, report: false },
    redaction: 'vendor',
    vendor: 'Siemens',
    keyName: 'B',
    passphrase: PASS,
    outDir: tempDir(),
  });
}

describe('a photo moved to another workspace through JSON keeps its privacy', () => {
  it('an AVIF with GPS and a camera serial, refused in A, is refused in the vendor package of B too', async () => {
    const avif = await sharp(await makeJpeg({ gps: true, serial: SERIAL }))
      .avif()
      .keepExif()
      .toBuffer();
    const photos = [{ name: 'cabinet.avif', bytes: avif }];
    const a = await firstWorkspace(photos);
    expect(() => a.services.evidence.exportCopyStream(a.shas[0], { stripPrivateExif: true })).toThrow(
      /may carry GPS or serial-number EXIF/,
    );
    const b = await secondWorkspace(a.services.interchange.exportJson(a.id), a.id, photos);
    // Adding the file in B read its EXIF, though the row (from JSON) was already there.
    const metadataOf = (s: Services) =>
      (
        s.ws.db.prepare('SELECT metadata FROM evidence WHERE sha256 = ?').get(a.shas[0]) as {
          metadata: string;
        }
      ).metadata;
    const privacy = (m: string) => {
      const { exif, exifUnreadable } = JSON.parse(m);
      return { exif, exifUnreadable };
    };
    expect(privacy(metadataOf(a.services))).toEqual({ exif: undefined, exifUnreadable: true });
    expect(privacy(metadataOf(b))).toEqual(privacy(metadataOf(a.services)));
    expect(() => b.evidence.exportCopyStream(a.shas[0], { stripPrivateExif: true })).toThrow(
      'cabinet.avif may carry GPS or serial-number EXIF that Zonewalk cannot remove from image/avif files; leave it out of the export or export without redaction.',
    );
    await expect(vendorPackage(b, a.id)).rejects.toThrow(/cabinet\.avif may carry GPS/);
  });

  it('a JPEG with GPS that the document calls application/octet-stream leaves B stripped', async () => {
    const jpeg = await makeJpeg({ gps: true, serial: SERIAL });
    const photos = [{ name: 'cabinet.jpg', bytes: jpeg }];
    const a = await firstWorkspace(photos);
    const doc = JSON.parse(a.services.interchange.exportJson(a.id));
    doc.evidence[0].mediaType = 'application/octet-stream';
    const b = openTestWorkspace().services;
    b.interchange.import(JSON.stringify(doc), { source: 'other-tool.json' });
    b.signing.create('B', PASS);
    // The file comes with a package or a later add; here it is already in B's store.
    await b.evidence.blobs.put(
      (async function* () {
        yield jpeg;
      })(),
      { limit: 1 << 20, tooLarge: () => new AppError('too-large', 'too large'), what: 'cabinet.jpg' },
    );
    const result = await vendorPackage(b, a.id);
    const zip = fs.readFileSync(result.files[0].path);
    expect(zip.includes(Buffer.from(SERIAL))).toBe(false);
    expect(zip.includes(jpeg.subarray(2, 400))).toBe(false);
  });
});
