import { describe, expect, it } from 'vitest';
import { formatSize } from '../../src/core/format';

describe('formatSize', () => {
  it('picks the unit that fits, with a decimal only where it says something', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(1024)).toBe('1.0 KiB');
    expect(formatSize(3_500)).toBe('3.4 KiB');
    expect(formatSize(200 * 1024)).toBe('200 KiB');
    expect(formatSize(1024 ** 2)).toBe('1.0 MiB');
    expect(formatSize(120 * 1024 ** 2)).toBe('120 MiB');
    expect(formatSize(4 * 1024 ** 3)).toBe('4.00 GiB');
  });
});
