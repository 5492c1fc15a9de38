/** Where to go after signing in: the `next` parameter, but only if it is a path on this site. */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/accedi' || next === '/registrati' || next === '/esci') return '/';
  return next;
}
