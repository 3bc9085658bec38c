import type { Progress } from '../scoring/types';

/**
 * Below this share of applicable items answered, the outputs are preliminary (issue 13, domain.md
 * "Gaps and open questions"): the gap register still lists what was found, but the PDF says so on
 * every page and an export warns.
 */
export const PRELIMINARY_BELOW = 0.8;

/** Answered share of the applicable items, 0..1; an assessment with nothing to ask is complete. */
export function coverageShare(p: Progress): number {
  return p.total === 0 ? 1 : p.answered / p.total;
}

/** Whole percent, rounded down, so 79.9% never shows as 80%. */
export function coveragePercent(p: Progress): number {
  return Math.floor(coverageShare(p) * 100);
}

export function isPreliminary(p: Progress): boolean {
  return coverageShare(p) < PRELIMINARY_BELOW;
}

/** The warning an export returns below the threshold, in words an auditor can act on; null above it. */
export function coverageWarning(p: Progress): string | null {
  if (!isPreliminary(p)) return null;
  return `Only ${coveragePercent(p)}% of the applicable items are answered (${p.answered} of ${p.total}), below the 80% a final report needs: the PDF is marked "Preliminary" on every page. Answer the open questions and export again for a final report.`;
}
