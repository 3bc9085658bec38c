import type { ReactNode } from 'react';
import { useNavigate } from '../navigation';
import { ThemeToggle } from './ThemeToggle';

/** Title bar of a screen reached from Home, with the way back. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  const navigate = useNavigate();
  return (
    <header className="home-header">
      <div className="brand">
        <button type="button" className="btn ghost" onClick={() => navigate({ name: 'home' })}>
          &larr; Home
        </button>
        <h1>{title}</h1>
      </div>
      <div className="toolbar">
        {children}
        <ThemeToggle />
      </div>
    </header>
  );
}
