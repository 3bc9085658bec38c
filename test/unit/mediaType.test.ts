import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { hasRunnableExtension, sniffMediaType } from '../../src/main/services/evidence/mediaType';

function zipWith(names: string[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const n of names) zip.addBuffer(Buffer.from('<x/>'), n);
  zip.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    zip.outputStream.on('data', (d: Buffer) => parts.push(d));
    zip.outputStream.on('end', () => resolve(Buffer.concat(parts)));
    zip.outputStream.on('error', reject);
  });
}

const b = (...bytes: number[]) => Buffer.from(bytes);
const t = (s: string) => Buffer.from(s, 'utf8');

describe('sniffMediaType reads content, not names', () => {
  it.each([
    ['JPEG', b(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
    ['PNG', b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'image/png'],
    ['GIF', t('GIF89a\x01\x00'), 'image/gif'],
    ['WebP', Buffer.concat([t('RIFF'), b(0, 0, 0, 0), t('WEBPVP8 ')]), 'image/webp'],
    ['HEIC', Buffer.concat([b(0, 0, 0, 24), t('ftypheic'), b(0, 0, 0, 0), t('mif1heic')]), 'image/heic'],
    ['PDF', t('%PDF-1.7\n%âãÏÓ\n'), 'application/pdf'],
    ['pcap', b(0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0), 'application/vnd.tcpdump.pcap'],
    ['pcap big-endian', b(0xa1, 0xb2, 0xc3, 0xd4, 0, 2, 0, 4), 'application/vnd.tcpdump.pcap'],
    ['pcapng', b(0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0), 'application/x-pcapng'],
    ['ELF', b(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1), 'application/x-executable'],
    ['PE', t('MZ\x90\x00'), 'application/x-executable'],
    ['plain text', t('Cabinet 3 was unlocked at 10:15.\nNobody present.\n'), 'text/plain'],
    ['UTF-8 text with BOM', t('\uFEFFStraße Süd, Schaltschrank 4\n'), 'text/plain'],
    ['CSV', t('tag;value;unit\nFIC101;3.2;m3/h\nFIC102;4.1;m3/h\n'), 'text/csv'],
    ['JSON', t('{\n  "hostname": "plc-gw",\n  "vlan": 10\n}\n'), 'application/json'],
    ['JSON array', t('[{"a":1}]'), 'application/json'],
    ['XML', t('<?xml version="1.0"?>\n<config><vlan id="10"/></config>\n'), 'application/xml'],
    ['XML without declaration', t('<project name="x"><device/></project>'), 'application/xml'],
    ['SVG', t('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'image/svg+xml'],
    ['HTML', t('<!DOCTYPE html><html><body>x</body></html>'), 'text/html'],
    ['script', t('#!/usr/bin/env python3\nprint(1)\n'), 'text/x-script'],
    ['binary', b(0, 1, 2, 3, 4, 5, 250, 251), 'application/octet-stream'],
    ['Latin-1 bytes', b(0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x0a), 'application/octet-stream'],
  ])('%s', (_name, bytes, type) => {
    expect(sniffMediaType(bytes)).toBe(type);
  });

  it('tells DOCX and XLSX from a plain ZIP by their entries', async () => {
    expect(sniffMediaType(await zipWith(['[Content_Types].xml', 'word/document.xml']))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffMediaType(await zipWith(['[Content_Types].xml', 'xl/workbook.xml']))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffMediaType(await zipWith(['backup/config.txt']))).toBe('application/zip');
  });

  it('tolerates a multi-byte character cut at the end of the sniff window', () => {
    const text = t('Prüfprotokoll ü');
    expect(sniffMediaType(text.subarray(0, text.length - 1))).toBe('text/plain');
  });

  it('knows names that run code when opened', () => {
    for (const n of ['setup.exe', 'x.BAT', 'a.ps1', 'run.sh', 'page.html', 'evil.desktop', 'm.xlsm'])
      expect(hasRunnableExtension(n), n).toBe(true);
    for (const n of ['photo.jpg', 'report.pdf', 'config.txt', 'README', 'trace.pcapng'])
      expect(hasRunnableExtension(n), n).toBe(false);
  });
});
