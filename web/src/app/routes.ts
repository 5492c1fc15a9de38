/** The client-side routes; the server answers index.html for any of them. */
import type { Route } from './router';

export const routes = [
  { name: 'home', pattern: '/' },
  { name: 'signIn', pattern: '/accedi' },
  { name: 'register', pattern: '/registrati' },
  { name: 'signOut', pattern: '/esci' },
  { name: 'community', pattern: '/c/:slug' },
  { name: 'faq', pattern: '/c/:slug/faq' },
  { name: 'ask', pattern: '/c/:slug/nuova' },
  { name: 'communityLog', pattern: '/c/:slug/registro' },
  { name: 'thread', pattern: '/t/:id' },
  { name: 'faqEntry', pattern: '/faq/:id' },
  { name: 'notifications', pattern: '/notifiche' },
  { name: 'profile', pattern: '/profilo' },
  { name: 'admin', pattern: '/admin' },
  { name: 'bookmarks', pattern: '/salvati' },
  { name: 'search', pattern: '/cerca' },
  { name: 'verifyEmail', pattern: '/verifica-email' },
  { name: 'moderation', pattern: '/moderazione' },
] as const satisfies readonly Route[];

export type RouteName = (typeof routes)[number]['name'];
