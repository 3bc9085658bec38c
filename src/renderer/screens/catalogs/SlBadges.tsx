import { memo } from 'react';

const LEVELS = [1, 2, 3, 4];

/** "SL 2-4", "SL 4", "none" */
export function levelsText(sl: readonly number[]): string {
  if (sl.length === 0) return 'no level';
  const from = Math.min(...sl);
  return from === 4 ? 'SL 4' : `SL ${from}-4`;
}

/** Four small badges, the levels at which the item is required filled in. */
export const SlBadges = memo(function SlBadges({ sl }: { sl: readonly number[] }) {
  return (
    <span className="sl-badges" role="img" aria-label={`Required at ${levelsText(sl)}`}>
      {LEVELS.map((l) => (
        <span key={l} className={sl.includes(l) ? 'sl-badge on' : 'sl-badge'} aria-hidden="true">
          SL{l}
        </span>
      ))}
    </span>
  );
});

/** The compact form for tree rows: "SL 2+". */
export function SlFrom({ sl }: { sl: readonly number[] }) {
  if (sl.length === 0) return null;
  const from = Math.min(...sl);
  return (
    <span className={`sl-from from-${from}`} title={`Required at ${levelsText(sl)}`}>
      SL {from}
      {from < 4 ? '+' : ''}
    </span>
  );
}
