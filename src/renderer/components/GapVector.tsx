import { FR_NAMES, FRS, type SlVector } from '../../core/domain';
import { gapSwatch, type Theme } from '../../core/palette';

/** Seven small cells, one per FR, each the gap coloured from the shared palette. */
export function GapVector({ gap, theme }: { gap: SlVector; theme: Theme }) {
  const label = FRS.map((fr) => `${fr} ${gap[fr]}`).join(', ');
  return (
    <span className="gapvec" role="img" aria-label={`Gap per FR: ${label}`}>
      {FRS.map((fr) => {
        const s = gapSwatch(gap[fr], theme);
        return (
          <span
            key={fr}
            className="gapvec-cell"
            style={{ background: s.tint, color: s.ink }}
            title={`${fr} ${FR_NAMES[fr]}: gap ${gap[fr]}`}
          >
            {gap[fr]}
          </span>
        );
      })}
    </span>
  );
}
