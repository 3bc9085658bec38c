import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { makeThumbnail } from '../src/main/services/evidence/thumbnails';
import { benchDir, QUICK, timeMs } from './lib';

// A phone photo's size: 4000 x 3000 (12 MP), decoded in plain JavaScript on a worker thread.
it('evidence: a 256 px thumbnail of a 12-megapixel JPEG', async () => {
  const { default: sharp } = await import('sharp');
  const dir = benchDir('thumbs');
  const [width, height] = QUICK ? [1000, 750] : [4000, 3000];
  // Noise compresses like a real photo, unlike a flat colour.
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  const file = path.join(dir, 'photo.jpg');
  fs.writeFileSync(
    file,
    await sharp(noise, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 85 })
      .withMetadata({ orientation: 6 })
      .toBuffer(),
  );
  await timeMs(
    'evidence thumbnail of a 12 MP JPEG',
    {
      n: QUICK ? 1 : 5,
      warmup: 1,
      target: 3000,
      note: 'made once per picture and cached; decoding runs on a worker thread, so the window is not held up meanwhile',
    },
    async () => {
      if (!(await makeThumbnail(file))) throw new Error('no thumbnail');
    },
  );
  fs.rmSync(dir, { recursive: true, force: true });
}, 600_000);
