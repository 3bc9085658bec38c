import fs from 'node:fs';
import path from 'node:path';
import type { Services } from '../../src/main/services';

/** A JPEG made by sharp, optionally with EXIF (GPS, serials, capture time, orientation). */
export async function makeJpeg(
  opts: {
    width?: number;
    height?: number;
    color?: { r: number; g: number; b: number };
    gps?: boolean;
    serial?: string;
    dateTimeOriginal?: string;
    offset?: string;
    orientation?: number;
  } = {},
): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const ifd0: Record<string, string> = { Make: 'Canon', Model: 'EOS R5' };
  const ifd2: Record<string, string> = {};
  const ifd3: Record<string, string> = {};
  if (opts.dateTimeOriginal) ifd2.DateTimeOriginal = opts.dateTimeOriginal;
  if (opts.offset) ifd2.OffsetTimeOriginal = opts.offset;
  if (opts.serial) ifd2.BodySerialNumber = opts.serial;
  if (opts.gps) {
    Object.assign(ifd3, {
      GPSLatitudeRef: 'N',
      GPSLatitude: '48/1 45/1 30/1',
      GPSLongitudeRef: 'E',
      GPSLongitude: '11/1 25/1 0/1',
    });
  }
  let img = sharp({
    create: {
      width: opts.width ?? 64,
      height: opts.height ?? 48,
      channels: 3,
      background: opts.color ?? { r: 200, g: 100, b: 50 },
    },
  }).jpeg();
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  return img.withExifMerge({ IFD0: ifd0, IFD2: ifd2, IFD3: ifd3 }).toBuffer();
}

export function writeFile(dir: string, name: string, data: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
}

/** Everything the store holds on disk: blobs and temp files. */
export function storeContents(services: Services): { blobs: string[]; temps: string[] } {
  const tmp = services.evidence.blobs.tempDir;
  return {
    blobs: services.evidence.blobs.listBlobs().sort(),
    temps: fs.existsSync(tmp) ? fs.readdirSync(tmp) : [],
  };
}

export function evidenceRows(services: Services): number {
  return (services.ws.db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n;
}

/** Inserts a zone, an asset and a finding straight into the tables (the model services are another area). */
export function seedModel(services: Services, assessmentId: string): void {
  const db = services.ws.db;
  const sl = JSON.stringify({ FR1: 2, FR2: 2, FR3: 2, FR4: 1, FR5: 2, FR6: 1, FR7: 1 });
  db.prepare('INSERT INTO zone (id, assessment_id, name, sl_target) VALUES (?, ?, ?, ?)').run(
    'z1',
    assessmentId,
    'Control room',
    sl,
  );
  db.prepare('INSERT INTO zone (id, assessment_id, name, sl_target) VALUES (?, ?, ?, ?)').run(
    'z2',
    assessmentId,
    'Field',
    sl,
  );
  db.prepare(
    'INSERT INTO asset (id, assessment_id, name, zone_id, component_type) VALUES (?, ?, ?, ?, ?)',
  ).run('a1', assessmentId, 'PLC 1', 'z1', 'EDR');
  db.prepare(
    `INSERT INTO finding (id, assessment_id, title, scope_kind, scope_id, severity, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run('f1', assessmentId, 'Shared passwords', 'zone', 'z2', 'high', '2026-01-01', '2026-01-01');
}
