import fs from 'node:fs/promises';
import exifr from 'exifr';
import { decodeJpeg } from './thumbnail/jpegDecoder';
import { decodePng, encodePng } from './thumbnail/png';
import { orient, type Raster, shrinkToFit } from './thumbnail/raster';

export const THUMBNAIL_PX = 256;

function isJpeg(bytes: Buffer): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

async function decode(bytes: Buffer): Promise<Raster | null> {
  if (isJpeg(bytes)) return decodeJpeg(bytes);
  return decodePng(bytes);
}

/**
 * A PNG of at most 256x256, upright per EXIF orientation; null when the picture cannot be decoded
 * (a damaged JPEG, or a format other than JPEG and PNG such as HEIC or WebP): the file is still
 * evidence, just without a picture. Pure JavaScript, so it runs the same in the CLI and in Electron.
 */
export async function makeThumbnail(file: string): Promise<Buffer | null> {
  try {
    const bytes = await fs.readFile(file);
    const image = await decode(bytes);
    if (!image) return null;
    const orientation = isJpeg(bytes) ? await exifr.orientation(bytes).catch(() => undefined) : undefined;
    return encodePng(orient(shrinkToFit(image, THUMBNAIL_PX), orientation));
  } catch {
    return null;
  }
}
