/** Which review queue the moderation page shows, from `?comunita=` and what the viewer moderates. */
import type { Role } from '../../gql/graphql';

/** Global moderators and admins see every community's queue, and members awaiting approval. */
export function isGlobalModerator(viewer: { role: Role } | null | undefined): boolean {
  return viewer?.role === 'ADMIN' || viewer?.role === 'MODERATOR';
}

/**
 * `{ slug: null }` is the global queue. A community moderator without `?comunita=` gets
 * their first community; a slug they do not moderate falls back the same way. Null: the
 * viewer moderates nothing.
 */
export function moderationScope(search: string, global: boolean, moderated: readonly { slug: string }[]): { slug: string | null } | null {
  const wanted = new URLSearchParams(search).get('comunita');
  if (wanted && (global || moderated.some((c) => c.slug === wanted))) return { slug: wanted };
  if (global) return { slug: null };
  return moderated[0] ? { slug: moderated[0].slug } : null;
}
