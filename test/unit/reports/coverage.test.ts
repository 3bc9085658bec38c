import { describe, expect, it } from 'vitest';
import { coveragePercent, coverageWarning, isPreliminary } from '../../../src/core/reports/coverage';

describe('coverage and the preliminary mark', () => {
  it('is preliminary below 80% answered and final from 80% on', () => {
    expect(isPreliminary({ answered: 239, total: 300 })).toBe(true);
    expect(isPreliminary({ answered: 240, total: 300 })).toBe(false);
    expect(isPreliminary({ answered: 0, total: 0 })).toBe(false);
    expect(coverageWarning({ answered: 240, total: 300 })).toBeNull();
  });

  it('rounds the percent down, so 79.9% never reads as 80%', () => {
    expect(coveragePercent({ answered: 799, total: 1000 })).toBe(79);
    expect(coverageWarning({ answered: 799, total: 1000 })).toBe(
      'Only 79% of the applicable items are answered (799 of 1000), below the 80% a final report needs: the PDF is marked "Preliminary" on every page. Answer the open questions and export again for a final report.',
    );
  });
});
