import { describe, expect, it } from 'vitest';
import { isSafeFileName, MAX_FILE_NAME_BYTES, safeFileName } from '../../src/core/safeFileName';

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

describe('safeFileName', () => {
  it('keeps an ordinary base name as it is', () => {
    for (const name of ['IMG_0001.JPG', 'Schaltschrank 3 – Übersicht.pdf', '.bashrc', '設定.json']) {
      expect(safeFileName(name)).toBe(name);
      expect(isSafeFileName(name)).toBe(true);
    }
  });

  it('turns a path into one segment that cannot leave its folder', () => {
    expect(safeFileName('../../.config/Code/User/settings.json')).toBe('settings.json');
    expect(safeFileName('..\\..\\Windows\\win.ini')).toBe('win.ini');
    expect(safeFileName('/etc/passwd')).toBe('passwd');
    expect(safeFileName('photos/..')).toBe('unnamed');
    expect(safeFileName('a/b/')).toBe('b');
    expect(safeFileName('C:evil.txt')).toBe('C_evil.txt');
    expect(safeFileName('..')).toBe('unnamed');
    expect(safeFileName('.')).toBe('unnamed');
    expect(safeFileName('   ')).toBe('unnamed');
    expect(isSafeFileName('../x')).toBe(false);
  });

  it('replaces control and bidi characters', () => {
    expect(safeFileName('row\nforged.jpg')).toBe('row_forged.jpg');
    expect(safeFileName('\u001b]8;;x\u0007a.jpg')).toBe('_]8;;x_a.jpg');
    expect(safeFileName('invoice\u202Egpj.exe')).toBe('invoice_gpj.exe');
    expect(safeFileName('a\u2066b\u2069.png')).toBe('a_b_.png');
    expect(safeFileName('x\u0085y')).toBe('x_y');
  });

  it('keeps Windows from reading a reserved device or a shortened extension', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('com1.jpg')).toBe('_com1.jpg');
    expect(safeFileName('console.log')).toBe('console.log');
    expect(safeFileName('report.exe. ')).toBe('report.exe');
  });

  it('cuts long names to 200 UTF-8 bytes on a character boundary, keeping a short extension', () => {
    const long = safeFileName(`${'é'.repeat(150)}.jpeg`);
    expect(utf8Bytes(long)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(long.endsWith('é.jpeg')).toBe(true);
    expect(utf8Bytes(safeFileName('🙂'.repeat(80)))).toBe(200);
  });

  it('replaces a lone surrogate (a name that was not valid text)', () => {
    expect(safeFileName('\uD800a.jpg')).toBe('\uFFFDa.jpg');
  });
});
