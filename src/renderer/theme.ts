import { useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'zonewalk.theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

let listeners: ((t: Theme) => void)[] = [];
let current: Theme | undefined;

export function setTheme(t: Theme): void {
  current = t;
  localStorage.setItem(KEY, t);
  document.documentElement.dataset.theme = t;
  for (const l of listeners) l(t);
}

/** The light/dark theme, applied to <html data-theme> and remembered across starts. */
export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, set] = useState<Theme>(() => current ?? initialTheme());
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    listeners.push(set);
    return () => {
      listeners = listeners.filter((l) => l !== set);
    };
  }, [theme]);
  return [theme, setTheme];
}
