import { describe, expect, it } from 'vitest';
import { keyFileName } from '../../src/core/keyFileName';

describe('keyFileName (the save dialog suggests what a folder export writes)', () => {
  it('is plain ASCII with the key kind as suffix', () => {
    expect(keyFileName('Ana Kovač', 'public')).toBe('Ana-Kovac.pub.pem');
    expect(keyFileName('Ana Kovač', 'private')).toBe('Ana-Kovac.key.pem');
  });

  it('never names a folder or a hidden file, and is never empty', () => {
    expect(keyFileName('../../etc/passwd', 'public')).toBe('etc-passwd.pub.pem');
    expect(keyFileName('C:\\Users\\ana', 'public')).toBe('C-Users-ana.pub.pem');
    expect(keyFileName('.hidden', 'private')).toBe('hidden.key.pem');
    expect(keyFileName('東京', 'public')).toBe('key.pub.pem');
    expect(keyFileName('x'.repeat(300), 'public')).toBe(`${'x'.repeat(60)}.pub.pem`);
  });
});
