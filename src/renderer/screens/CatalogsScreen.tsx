import { useEffect } from 'react';
import { ThemeToggle } from '../components/ThemeToggle';
import { type Route, useNavigate } from '../navigation';
import { CatalogBrowser } from './catalogs/CatalogBrowser';

/** The catalog browser on its own, reachable from Home without opening an assessment. */
export function CatalogsScreen({ route }: { route: Extract<Route, { name: 'catalogs' }> }) {
  const navigate = useNavigate();
  useEffect(() => {
    document.title = 'Catalogs - Zonewalk';
  }, []);
  return (
    <div className="catalogs-screen">
      <header className="home-header">
        <div className="brand">
          <button type="button" className="btn ghost" onClick={() => navigate({ name: 'home' })}>
            &larr; Home
          </button>
          <div>
            <h1>Catalogs</h1>
            <p className="muted small">
              IEC 62443-2-1, 3-3 and 4-2: levels, guidance, questions and evidence
            </p>
          </div>
        </div>
        <div className="toolbar">
          <ThemeToggle />
        </div>
      </header>
      <main className="catalogs-main">
        <CatalogBrowser initialPart={route.part} initialItem={route.item} />
      </main>
    </div>
  );
}
