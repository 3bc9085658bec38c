import { useCallback, useMemo } from 'react';
import { SPE_NAMES, SPES } from '../../../core/domain';
import { formatRoute } from '../../navigation';
import { Checklist } from './checklist/Checklist';
import { parseScopeItem, scopeRoute } from './scopeRoutes';
import type { SectionProps } from './sections';
import { useWorkspaceData } from './workspaceData';

const ORGANISATION = { kind: 'organisation' } as const;

/** The 62443-2-1 questionnaire for the asset owner: every requirement rated ML0-ML4 or not applicable. */
export function OrganisationSection({ assessment, route }: SectionProps) {
  const data = useWorkspaceData();
  const parsed = parseScopeItem(route.item);
  // biome-ignore lint/correctness/useExhaustiveDependencies: route identity is the trigger
  const focus = useMemo(() => (parsed?.requirement ? { requirement: parsed.requirement } : null), [route]);
  const addressOf = useCallback(
    (requirement: string) => formatRoute(scopeRoute(assessment.id, ORGANISATION, requirement)),
    [assessment.id],
  );
  const maturity = data.score?.organisation.maturity;
  return (
    <div className="scope-page">
      <header className="scope-head">
        <div className="scope-title">
          <h2>
            <span className="kind-chip">62443-2-1</span> Organisation
          </h2>
          <p className="muted small scope-summary">
            Security program of the asset owner: interviews and documents. Target maturity ML
            {assessment.smsTargetMaturity} (change it in Details).
          </p>
        </div>
        {maturity && (
          <ul className="spe-strip" aria-label="Maturity per security program element">
            {SPES.map((spe) => {
              const m = maturity[spe];
              const below = m !== null && m < assessment.smsTargetMaturity;
              return (
                <li key={spe} title={SPE_NAMES[spe]} className={below ? 'below' : m === null ? 'na' : 'ok'}>
                  <span className="spe-name">{spe}</span>
                  <span className="spe-ml">{m === null ? 'N/A' : `ML${m}`}</span>
                </li>
              );
            })}
          </ul>
        )}
      </header>
      <Checklist
        assessmentId={assessment.id}
        scope={ORGANISATION}
        focus={focus}
        addressOf={addressOf}
        onSaved={data.refreshScore}
        reloadKey={String(assessment.smsTargetMaturity)}
      />
    </div>
  );
}
