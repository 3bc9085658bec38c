/** Decoded pixels, 8-bit RGBA, row after row. */
export interface Raster {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Shrinks to fit a `max` x `max` box (never enlarges) by averaging each output pixel's source
 * area: a box filter, which is what a thumbnail needs and costs one pass over the source.
 */
export function shrinkToFit(src: Raster, max: number): Raster {
  const scale = Math.min(1, max / src.width, max / src.height);
  if (scale === 1) return src;
  const width = Math.max(1, Math.round(src.width * scale));
  const height = Math.max(1, Math.round(src.height * scale));
  const sums = new Float64Array(width * height * 4);
  const counts = new Uint32Array(width * height);
  const xOut = new Uint32Array(src.width);
  for (let x = 0; x < src.width; x++) xOut[x] = Math.min(width - 1, Math.floor((x * width) / src.width));
  for (let y = 0; y < src.height; y++) {
    const row = Math.min(height - 1, Math.floor((y * height) / src.height)) * width;
    let i = y * src.width * 4;
    for (let x = 0; x < src.width; x++, i += 4) {
      const o = row + xOut[x];
      const s = o * 4;
      sums[s] += src.data[i];
      sums[s + 1] += src.data[i + 1];
      sums[s + 2] += src.data[i + 2];
      sums[s + 3] += src.data[i + 3];
      counts[o]++;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let o = 0; o < counts.length; o++) {
    const n = counts[o] || 1;
    for (let c = 0; c < 4; c++) data[o * 4 + c] = Math.round(sums[o * 4 + c] / n);
  }
  return { width, height, data };
}

/**
 * Turns a raster upright per its EXIF orientation (1-8, TIFF 6.0): 2 mirrored, 3 upside down,
 * 4 mirrored upside down, 5-8 the transposed cases (6: rotate 90 degrees clockwise to view).
 */
export function orient(src: Raster, orientation: number | undefined): Raster {
  if (!orientation || orientation < 2 || orientation > 8) return src;
  const swap = orientation >= 5;
  const width = swap ? src.height : src.width;
  const height = swap ? src.width : src.height;
  const data = new Uint8Array(src.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Where the upright pixel (x, y) is in the stored image.
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          [sx, sy] = [src.width - 1 - x, y];
          break;
        case 3:
          [sx, sy] = [src.width - 1 - x, src.height - 1 - y];
          break;
        case 4:
          [sx, sy] = [x, src.height - 1 - y];
          break;
        case 5:
          [sx, sy] = [y, x];
          break;
        case 6:
          [sx, sy] = [y, src.height - 1 - x];
          break;
        case 7:
          [sx, sy] = [src.width - 1 - y, src.height - 1 - x];
          break;
        default:
          [sx, sy] = [src.width - 1 - y, x];
          break;
      }
      const from = (sy * src.width + sx) * 4;
      const to = (y * width + x) * 4;
      data[to] = src.data[from];
      data[to + 1] = src.data[from + 1];
      data[to + 2] = src.data[from + 2];
      data[to + 3] = src.data[from + 3];
    }
  }
  return { width, height, data };
}
