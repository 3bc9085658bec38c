import {
  ASSESSMENT_STATUSES,
  type AssessmentStatus,
  MATURITY_NAMES,
  type MaturityLevel,
} from '../../../core/domain';
import { ASSESSMENT_STATUS_LABELS } from '../../../core/labels';
import { type PatchOf, pickPatch } from '../../../shared/contract/patch';
import { call } from '../../api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Options } from '../../components/Options';
import { useInlineSave } from '../../components/useInlineSave';
import type { SectionProps } from './sections';

/** Assessment set-up: who, where, when, what is in scope. Each field saves when it loses focus. */
export function DetailsSection({ assessment, onChanged }: SectionProps) {
  const { error, status, save: saveField } = useInlineSave(onChanged);
  const save = (patch: PatchOf<'assessments.update'>, label: string) =>
    saveField(
      () => call('assessments.update', { id: assessment.id, patch: pickPatch('assessments.update', patch) }),
      label,
    );
  const text = (key: 'title' | 'organisation' | 'site', label: string) => (
    <label>
      {label}
      <input
        defaultValue={assessment[key]}
        maxLength={200}
        onBlur={(e) => e.target.value !== assessment[key] && void save({ [key]: e.target.value }, label)}
      />
    </label>
  );
  return (
    <section className="panel" aria-labelledby="details-title">
      <h2 id="details-title">Assessment details</h2>
      <ErrorBanner message={error} takeFocus />
      <div className="form grid-2" key={assessment.updatedAt}>
        {text('title', 'Title')}
        {text('organisation', 'Organisation')}
        {text('site', 'Site')}
        <label>
          Assessors (comma separated)
          <input
            defaultValue={assessment.assessors.map((a) => a.name).join(', ')}
            onBlur={(e) => {
              const names = e.target.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
              if (names.join(',') !== assessment.assessors.map((a) => a.name).join(','))
                void save({ assessors: names.map((name) => ({ name })) }, 'Assessors');
            }}
          />
        </label>
        <label>
          Start date
          <input
            type="date"
            defaultValue={assessment.startDate ?? ''}
            onChange={(e) => void save({ startDate: e.target.value || null }, 'Start date')}
          />
        </label>
        <label>
          End date
          <input
            type="date"
            defaultValue={assessment.endDate ?? ''}
            onChange={(e) => void save({ endDate: e.target.value || null }, 'End date')}
          />
        </label>
        <label>
          Status
          <select
            value={assessment.status}
            onChange={(e) => void save({ status: e.target.value as AssessmentStatus }, 'Status')}
          >
            <Options values={ASSESSMENT_STATUSES} labels={ASSESSMENT_STATUS_LABELS} />
          </select>
        </label>
        <label>
          Target maturity for the 2-1 questionnaire
          <select
            value={assessment.smsTargetMaturity}
            onChange={(e) => void save({ smsTargetMaturity: Number(e.target.value) }, 'Target maturity')}
          >
            {([1, 2, 3, 4] as MaturityLevel[]).map((m) => (
              <option key={m} value={m}>
                ML{m} {MATURITY_NAMES[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="span-2">
          Scope statement
          <textarea
            rows={4}
            defaultValue={assessment.scopeStatement}
            maxLength={20000}
            onBlur={(e) =>
              e.target.value !== assessment.scopeStatement &&
              void save({ scopeStatement: e.target.value }, 'Scope')
            }
          />
        </label>
      </div>
      <p className="muted small" aria-live="polite">
        {status ?? 'Changes save as you go; there is no Save button.'} Catalogs:{' '}
        {assessment.catalogs.join(', ')}.
      </p>
    </section>
  );
}
