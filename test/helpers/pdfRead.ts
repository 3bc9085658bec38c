import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';

export interface PdfContents {
  pages: string[];
  info: Record<string, unknown>;
  xmp: string | null;
  /** Bookmark titles, depth first. */
  outline: string[];
}

/** Every page's text as pdf.js extracts it, plus the document info and XMP metadata. */
export async function readPdf(file: string): Promise<PdfContents> {
  const data = new Uint8Array(fs.readFileSync(file));
  const doc = await getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(
        content.items.map((it) => ('str' in it ? `${it.str}${it.hasEOL ? '\n' : ''}` : '')).join(''),
      );
    }
    const meta = await doc.getMetadata();
    const outline: string[] = [];
    const walk = (items: { title: string; items: unknown[] }[] | null) => {
      for (const it of items ?? []) {
        outline.push(it.title);
        walk(it.items as { title: string; items: unknown[] }[]);
      }
    };
    walk(await doc.getOutline());
    return {
      pages,
      info: meta.info as Record<string, unknown>,
      xmp: meta.metadata ? JSON.stringify([...meta.metadata]) : null,
      outline,
    };
  } finally {
    await doc.destroy();
  }
}

/** Whitespace-free form, so words wrapped over lines or split into font runs still compare. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Share of strongly coloured pixels in a region of a rendered page (pdftoppm at 50 dpi). */
export async function colouredShare(
  file: string,
  page: number,
  region: { top: number; height: number },
): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonewalk-raster-'));
  try {
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '50',
      '-f',
      String(page),
      '-l',
      String(page),
      file,
      path.join(dir, 'p'),
    ]);
    const png = fs.readdirSync(dir).find((f) => f.endsWith('.png'))!;
    const img = sharp(path.join(dir, png));
    const { width, height } = await img.metadata();
    const top = Math.floor(height! * region.top);
    const h = Math.floor(height! * region.height);
    const raw = await img.extract({ left: 0, top, width: width!, height: h }).removeAlpha().raw().toBuffer();
    let coloured = 0;
    for (let i = 0; i < raw.length; i += 3) {
      const [r, g, b] = [raw[i], raw[i + 1], raw[i + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
    }
    return coloured / (raw.length / 3);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
