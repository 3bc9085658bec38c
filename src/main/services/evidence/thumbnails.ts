export const THUMBNAIL_PX = 256;

/**
 * A PNG of at most 256x256, upright per EXIF orientation; null when the image cannot be decoded
 * (a damaged JPEG, a HEIC without a decoder): the file is still evidence, just without a picture.
 * sharp is loaded on first use so the command line starts without it.
 */
export async function makeThumbnail(file: string): Promise<Buffer | null> {
  try {
    const { default: sharp } = await import('sharp');
    return await sharp(file, { failOn: 'warning', limitInputPixels: 200_000_000, sequentialRead: true })
      .rotate()
      .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 6 })
      .toBuffer();
  } catch {
    return null;
  }
}
