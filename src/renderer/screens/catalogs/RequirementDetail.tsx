import { memo } from 'react';
import { isChecklistItem } from '../../../core/catalog/types';
import { COMPONENT_TYPE_NAMES, MATURITY_NAMES } from '../../../core/domain';
import type { CatalogView, CatalogViewRequirement } from '../../../shared/contract/catalogs';
import { groupLabel, KIND_LABELS } from './labels';
import { levelsText, SlBadges } from './SlBadges';

interface DetailProps {
  catalog: CatalogView;
  requirement: CatalogViewRequirement;
  parent: CatalogViewRequirement | undefined;
  /** Entries hanging directly below it (REs, a placeholder's component requirements, a group's items). */
  below: CatalogViewRequirement[];
  onSelect: (id: string) => void;
}

function RelatedLink({
  r,
  onSelect,
  levels,
}: {
  r: CatalogViewRequirement;
  onSelect: (id: string) => void;
  levels: boolean;
}) {
  return (
    <li className="related-item" data-testid="related-requirement">
      <button type="button" className="link mono" onClick={() => onSelect(r.id)}>
        {r.id}
      </button>{' '}
      <span>{r.title}</span> {levels && r.sl.length > 0 && <SlBadges sl={r.sl} />}
    </li>
  );
}

/** Everything the auditor needs about one catalog entry: levels, our guidance, the licensed text. */
export const RequirementDetail = memo(function RequirementDetail({
  catalog,
  requirement: r,
  parent,
  below,
  onSelect,
}: DetailProps) {
  const sl = catalog.scale === 'SL';
  const answerable = isChecklistItem(r);
  const overlay = catalog.overlay;
  return (
    <article className="catalog-detail" aria-labelledby="requirement-title" data-testid="requirement-detail">
      <header className="detail-head">
        <div className="detail-meta">
          <span className="chip">{KIND_LABELS[r.kind]}</span>
          <span className="muted small">{groupLabel(r.fr)}</span>
        </div>
        <h2 id="requirement-title">
          <span className="mono detail-id">{r.id}</span> {r.title}
        </h2>
        {parent && (
          <p className="muted small detail-parent">
            Part of{' '}
            <button type="button" className="link mono" onClick={() => onSelect(parent.id)}>
              {parent.id}
            </button>{' '}
            {parent.title}
          </p>
        )}
        <dl className="detail-facts">
          {sl && answerable && (
            <div>
              <dt>Required at</dt>
              <dd>
                <SlBadges sl={r.sl} />
                {r.shippedSl && (
                  <span className="corrected small">
                    Corrected by the licensed overlay (shipped: {levelsText(r.shippedSl)})
                  </span>
                )}
              </dd>
            </div>
          )}
          {!sl && answerable && (
            <div>
              <dt>Rated on</dt>
              <dd className="small">
                maturity levels 1-4 ({([1, 2, 3, 4] as const).map((l) => MATURITY_NAMES[l]).join(', ')})
              </dd>
            </div>
          )}
          {r.componentTypes.length > 0 && (
            <div>
              <dt>Applies to</dt>
              <dd className="chips">
                {r.componentTypes.map((t) => (
                  <span key={t} className="chip" title={COMPONENT_TYPE_NAMES[t]}>
                    {COMPONENT_TYPE_NAMES[t]} ({t})
                  </span>
                ))}
              </dd>
            </div>
          )}
        </dl>
      </header>

      <div className={r.licensedText ? 'guidance-pair with-text' : 'guidance-pair'}>
        <section aria-labelledby="guidance-title">
          <h3 id="guidance-title">{answerable ? 'What to look at' : 'About this group'}</h3>
          <p className="guidance">{r.guidance}</p>
        </section>
        {r.licensedText && (
          <section className="licensed" aria-labelledby="licensed-title" data-testid="licensed-text">
            <h3 id="licensed-title">
              Official text{' '}
              <span className="muted small">
                {overlay ? `from ${overlay.name} ${overlay.version}` : 'from the licensed overlay'}
              </span>
            </h3>
            <p className="guidance">{r.licensedText}</p>
          </section>
        )}
      </div>

      {r.questions.length > 0 && (
        <section aria-labelledby="questions-title">
          <h3 id="questions-title">Questions to ask</h3>
          <ol className="detail-list">
            {r.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ol>
        </section>
      )}
      {r.evidence.length > 0 && (
        <section aria-labelledby="evidence-title">
          <h3 id="evidence-title">Evidence to capture</h3>
          <ul className="detail-list">
            {r.evidence.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </section>
      )}
      {below.length > 0 && (
        <section aria-labelledby="children-title">
          <h3 id="children-title">
            {r.kind === 'element-group'
              ? 'Requirements'
              : r.kind === 'CR-placeholder'
                ? 'Given by'
                : 'Enhancements'}
          </h3>
          <ul className="related">
            {below.map((c) => (
              <RelatedLink key={c.id} r={c} onSelect={onSelect} levels={sl} />
            ))}
          </ul>
        </section>
      )}
      {r.note && (
        <p className="detail-note small">
          <strong>Source note:</strong> {r.note}
        </p>
      )}
    </article>
  );
});
