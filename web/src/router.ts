import { useEffect, useState } from 'preact/hooks';

/** The client's pages live under /app/ so the server's fallback to index.html can never shadow an API route. */
export const BASE = '/app';

export function navigate(path: string, replace = false): void {
  const url = BASE + path;
  if (location.pathname === url) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

const current = () => (location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) || '/' : '/');

export function usePath(): string {
  const [path, setPath] = useState(current);
  useEffect(() => {
    const on = () => setPath(current());
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  return path;
}

/** An in-app link: a real <a href> (opens in a new tab, readable by screen readers) that routes without reload. */
export function onLink(e: MouseEvent, path: string): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(path);
}
