import { describe, expect, it } from 'vitest';
import { scrollToReveal, visibleRange } from '../../../src/renderer/components/virtualWindow';

describe('virtual list window', () => {
  it('renders only the rows in view plus the overscan', () => {
    expect(visibleRange(1000, 44, 0, 440, 5)).toEqual({ start: 0, end: 15 });
    expect(visibleRange(1000, 44, 4400, 440, 5)).toEqual({ start: 95, end: 115 });
    expect(visibleRange(1000, 44, 44_000, 440, 5)).toEqual({ start: 995, end: 1000 });
    expect(visibleRange(0, 44, 0, 440, 5)).toEqual({ start: 0, end: 0 });
  });

  it('never renders more than a screenful for any list length', () => {
    for (const count of [10, 1_000, 100_000]) {
      const { start, end } = visibleRange(count, 44, count * 22, 600, 8);
      expect(end - start).toBeLessThanOrEqual(Math.ceil(600 / 44) + 1 + 16);
    }
  });

  it('scrolls just enough to reveal a row', () => {
    expect(scrollToReveal(0, 44, 0, 440)).toBeNull();
    expect(scrollToReveal(10, 44, 0, 440)).toBe(44);
    expect(scrollToReveal(2, 44, 440, 440)).toBe(88);
    expect(scrollToReveal(12, 44, 440, 440)).toBeNull();
  });
});
