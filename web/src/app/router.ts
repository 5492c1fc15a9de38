/**
 * A small History-API router: route patterns like `/c/:slug/nuova`, a `navigate()` that
 * remembers that focus must move to the next page heading, and a hook for components.
 * Eight routes do not justify a routing library.
 */
import { useEffect, useState } from 'preact/hooks';

export type Params = Record<string, string>;

export interface Route<Name extends string = string> {
  name: Name;
  pattern: string;
}

export interface Match<Name extends string = string> {
  name: Name;
  params: Params;
}

/** Match `pathname` against `pattern`; `:name` segments capture one decoded segment. */
export function matchPattern(pattern: string, pathname: string): Params | null {
  const trim = (p: string) => p.replace(/\/+$/, '') || '/';
  const want = trim(pattern).split('/');
  const got = trim(pathname).split('/');
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (g === '') return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

export function matchRoute<Name extends string>(routes: readonly Route<Name>[], pathname: string): Match<Name> | null {
  for (const route of routes) {
    const params = matchPattern(route.pattern, pathname);
    if (params) return { name: route.name, params };
  }
  return null;
}

/** Build a path from a pattern, encoding each parameter. */
export function pathFor(pattern: string, params: Params = {}): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

export interface Location {
  pathname: string;
  search: string;
}

const listeners = new Set<() => void>();
let focusPending = false;

function currentLocation(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

/**
 * Go to `to` without reloading. `keepFocus` is for changes within a page (filters): focus
 * stays on the control the user is operating instead of jumping to the heading.
 */
export function navigate(to: string, options: { replace?: boolean; keepFocus?: boolean } = {}): void {
  const url = new URL(to, window.location.href);
  if (url.origin !== window.location.origin) {
    window.location.assign(url.href);
    return;
  }
  const next = url.pathname + url.search + url.hash;
  if (options.replace) window.history.replaceState(null, '', next);
  else window.history.pushState(null, '', next);
  focusPending = !options.keepFocus;
  notify();
}

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    focusPending = true;
    notify();
  });
}

/** True once per navigation: the first page heading rendered after it takes focus. */
export function takeFocusRequest(): boolean {
  const pending = focusPending;
  focusPending = false;
  return pending;
}

export function useLocation(): Location {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const update = () => setLocation(currentLocation());
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  return location;
}

/** Should a click on a same-origin link be handled by the router? */
export function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey && !event.defaultPrevented;
}
