import { describe, expect, test } from 'vitest';
import { matchPattern, matchRoute, navigate, pathFor, takeFocusRequest } from './router';
import { routes } from './routes';

describe('matchPattern', () => {
  test('matches static paths, ignoring a trailing slash', () => {
    expect(matchPattern('/accedi', '/accedi')).toEqual({});
    expect(matchPattern('/accedi', '/accedi/')).toEqual({});
    expect(matchPattern('/', '/')).toEqual({});
    expect(matchPattern('/accedi', '/registrati')).toBeNull();
  });

  test('captures and decodes parameters', () => {
    expect(matchPattern('/c/:slug', '/c/appalti')).toEqual({ slug: 'appalti' });
    expect(matchPattern('/c/:slug', '/c/tributi%20locali')).toEqual({ slug: 'tributi locali' });
    expect(matchPattern('/t/:id', '/t/')).toBeNull();
  });

  test('rejects paths of another length and malformed escapes', () => {
    expect(matchPattern('/c/:slug', '/c/appalti/nuova')).toBeNull();
    expect(matchPattern('/c/:slug', '/c/%E0%A4%A')).toBeNull();
  });
});

describe('matchRoute', () => {
  test('finds each page', () => {
    expect(matchRoute(routes, '/')).toEqual({ name: 'home', params: {} });
    expect(matchRoute(routes, '/c/personale')).toEqual({ name: 'community', params: { slug: 'personale' } });
    expect(matchRoute(routes, '/c/personale/faq')).toEqual({ name: 'faq', params: { slug: 'personale' } });
    expect(matchRoute(routes, '/c/personale/nuova')).toEqual({ name: 'ask', params: { slug: 'personale' } });
    expect(matchRoute(routes, '/t/42')).toEqual({ name: 'thread', params: { id: '42' } });
    expect(matchRoute(routes, '/notifiche')?.name).toBe('notifications');
    expect(matchRoute(routes, '/salvati')?.name).toBe('bookmarks');
    expect(matchRoute(routes, '/cerca')?.name).toBe('search');
    expect(matchRoute(routes, '/nessuna/pagina')).toBeNull();
  });
});

test('pathFor encodes parameters', () => {
  expect(pathFor('/c/:slug/nuova', { slug: 'a b' })).toBe('/c/a%20b/nuova');
});

describe('navigate', () => {
  test('pushes history and asks the next heading to take focus', () => {
    const before = window.history.length;
    navigate('/c/appalti?tipo=question');
    expect(window.location.pathname).toBe('/c/appalti');
    expect(window.location.search).toBe('?tipo=question');
    expect(window.history.length).toBe(before + 1);
    expect(takeFocusRequest()).toBe(true);
    expect(takeFocusRequest()).toBe(false);
  });

  test('keeps focus where it is for in-page changes', () => {
    navigate('/c/appalti?ordina=top', { replace: true, keepFocus: true });
    expect(takeFocusRequest()).toBe(false);
  });
});
