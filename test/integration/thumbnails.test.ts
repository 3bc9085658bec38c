import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng } from '../../src/main/services/evidence/thumbnail/png';
import { makeThumbnail } from '../../src/main/services/evidence/thumbnails';
import { tempDir } from '../helpers/workspace';

/** Left half red, right half blue: which way up a thumbnail came out is then plain to see. */
async function halves(width: number, height: number): Promise<ReturnType<typeof sharp>> {
  const half = Math.floor(width / 2);
  const red = await sharp({ create: { width: half, height, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } }).composite([
    { input: red, left: 0, top: 0 },
  ]);
}

async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * 4;
  return [...data.subarray(i, i + 3)];
}

const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 40);

async function thumbnailOf(bytes: Buffer, name = 'photo.jpg'): Promise<Buffer | null> {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return makeThumbnail(file);
}

describe('thumbnails without a native module', () => {
  it('turns a photo upright per its EXIF orientation (6: rotate 90 degrees clockwise)', async () => {
    const jpeg = await (await halves(400, 200))
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(jpeg).metadata()).orientation).toBe(6);
    const png = await thumbnailOf(jpeg);
    if (!png) throw new Error('no thumbnail');
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 128, 256]);
    // The stored left (red) side is the top when viewed.
    expect(near(await pixel(png, 64, 20), [255, 0, 0])).toBe(true);
    expect(near(await pixel(png, 64, 236), [0, 0, 255])).toBe(true);
  });

  it('handles every orientation as a viewer does', async () => {
    const stored = await halves(300, 200);
    const jpeg = await stored.clone().jpeg({ quality: 90 }).toBuffer();
    for (let orientation = 1; orientation <= 8; orientation++) {
      const tagged = await sharp(jpeg).withMetadata({ orientation }).jpeg({ quality: 90 }).toBuffer();
      const ours = await thumbnailOf(tagged);
      if (!ours) throw new Error(`no thumbnail for orientation ${orientation}`);
      const reference = await sharp(tagged).rotate().resize(256, 256, { fit: 'inside' }).png().toBuffer();
      const a = await sharp(ours).metadata();
      const b = await sharp(reference).metadata();
      expect([a.width, a.height], `orientation ${orientation}`).toEqual([b.width, b.height]);
      for (const [x, y] of [
        [10, 10],
        [(a.width ?? 0) - 10, (a.height ?? 0) - 10],
      ]) {
        expect(
          near(await pixel(ours, x, y), await pixel(reference, x, y)),
          `orientation ${orientation}`,
        ).toBe(true);
      }
    }
  });

  it('reads progressive JPEGs and PNGs of every colour type; refuses damaged and unknown files', async () => {
    const progressive = await (await halves(600, 300)).jpeg({ progressive: true }).toBuffer();
    expect((await sharp((await thumbnailOf(progressive)) ?? Buffer.alloc(0)).metadata()).width).toBe(256);
    const base = await halves(90, 60);
    for (const png of [
      await base.clone().png().toBuffer(),
      await base.clone().png({ palette: true, colours: 4 }).toBuffer(),
      await base.clone().greyscale().png().toBuffer(),
      await base.clone().ensureAlpha(0.5).png().toBuffer(),
      await base.clone().toColourspace('rgb16').png().toBuffer(),
    ]) {
      const ours = decodePng(png);
      if (!ours) throw new Error('PNG not decoded');
      const { data, info } = await sharp(png)
        .ensureAlpha()
        .toColourspace('srgb')
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([ours.width, ours.height]).toEqual([info.width, info.height]);
      let worst = 0;
      for (let i = 0; i < data.length; i++) worst = Math.max(worst, Math.abs(data[i] - ours.data[i]));
      expect(worst).toBeLessThanOrEqual(1);
    }
    const roundTrip = decodePng(
      encodePng({ width: 2, height: 1, data: new Uint8Array([1, 2, 3, 4, 250, 251, 252, 253]) }),
    );
    expect([...(roundTrip?.data ?? [])]).toEqual([1, 2, 3, 4, 250, 251, 252, 253]);

    const damaged = Buffer.concat([progressive.subarray(0, progressive.length / 3), Buffer.alloc(50, 0x55)]);
    expect(await thumbnailOf(damaged)).toBeNull();
    expect(await thumbnailOf(Buffer.from('not a picture'), 'x.heic')).toBeNull();
    const webp = await base.clone().webp().toBuffer();
    expect(await thumbnailOf(webp, 'x.webp')).toBeNull();
  });

  it('needs no native module: sharp is gone from the app and the main process', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(pkg.dependencies.sharp).toBeUndefined();
    const sources = fs
      .readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f));
    for (const f of sources)
      expect(fs.readFileSync(path.join('src', f), 'utf8'), f).not.toMatch(/from 'sharp'|import\('sharp'\)/);
  });
});
