import { FR_NAMES, FRS, type SlVector } from '../../core/domain';
import { gapClass } from './gapColours';

/** SL-T, SL-A and the gap per FR in one small table: numbers where people decide. */
export function SlCompare({
  target,
  achieved,
  caption,
}: {
  target: SlVector;
  achieved: SlVector | null;
  caption?: string;
}) {
  return (
    <table className="sl-compare">
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">
            <span className="sr-only">Level</span>
          </th>
          {FRS.map((fr) => (
            <th key={fr} scope="col" title={FR_NAMES[fr]}>
              {fr}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">SL-T</th>
          {FRS.map((fr) => (
            <td key={fr}>{target[fr]}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">SL-A</th>
          {FRS.map((fr) => (
            <td key={fr}>{achieved ? achieved[fr] : '–'}</td>
          ))}
        </tr>
        {achieved && (
          <tr>
            <th scope="row">Gap</th>
            {FRS.map((fr) => {
              const gap = Math.max(0, target[fr] - achieved[fr]);
              return (
                <td key={fr} className={`gapcell ${gapClass(gap)}`}>
                  {gap}
                </td>
              );
            })}
          </tr>
        )}
      </tbody>
    </table>
  );
}
