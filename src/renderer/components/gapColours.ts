/** The gap's step in the colour language: 0, 1, 2, 3+ from neutral to strong red (styles.css .gap-N). */
export function gapClass(gap: number): string {
  return `gap-${Math.max(0, Math.min(3, Math.round(gap)))}`;
}
