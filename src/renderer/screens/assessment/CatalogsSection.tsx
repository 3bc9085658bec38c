import { CatalogBrowser } from '../catalogs/CatalogBrowser';
import type { SectionProps } from './sections';

/** The catalog browser inside an assessment, so the auditor can look things up without leaving it. */
export function CatalogsSection(_props: SectionProps) {
  return (
    <section className="catalogs-section" aria-label="Catalogs">
      <CatalogBrowser />
    </section>
  );
}
